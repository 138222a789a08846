/**
 * Runs the built action (`dist/index.js`) the way the Actions runner does: a Node process with the
 * inputs as `INPUT_*` variables, the event payload in a file named by `GITHUB_EVENT_PATH`, and
 * `GITHUB_OUTPUT` and `GITHUB_STEP_SUMMARY` files it writes to. The runner's workflow commands on
 * stdout (`::error …::`, `::add-mask::`) are parsed back.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type ProcessResult, runProcess } from "./git-remote.ts";
import { tempDir } from "./ledger.ts";

export const ACTION = fileURLToPath(new URL("../../dist/index.js", import.meta.url));

export interface ActionRun extends ProcessResult {
  readonly outputs: Readonly<Record<string, string>>;
  readonly summary: string;
  /** `::error …::message` lines, with their properties. */
  readonly errors: readonly { readonly properties: string; readonly message: string }[];
  readonly masked: readonly string[];
}

export interface ActionOptions {
  readonly event: string;
  readonly payload: unknown;
  /** Input names as in action.yml (`signing-key`); the runner's upper-cased `INPUT_` variables are derived. */
  readonly inputs?: Readonly<Record<string, string>>;
  /** The fake API's base URL. */
  readonly apiUrl: string;
  /** Where repositories are served from: `<serverUrl>/<owner>/<name>.git`. */
  readonly serverUrl: string;
  readonly repository: string;
  /** Files to put in the workspace, by relative path. */
  readonly workspaceFiles?: Readonly<Record<string, string>>;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** The runner's file command format: `name<<delimiter` … `delimiter`. */
export function parseFileCommands(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i] as string);
    if (!m) continue;
    const end = lines.indexOf(m[2] as string, i + 1);
    out[m[1] as string] = lines.slice(i + 1, end).join("\n");
    i = end;
  }
  return out;
}

export async function runAction(o: ActionOptions): Promise<ActionRun> {
  if (!existsSync(ACTION)) throw new Error(`${ACTION} is missing: run npm run build first`);
  const dir = tempDir("meritlog-action-");
  const workspace = join(dir, "workspace");
  mkdirSync(workspace);
  for (const [path, content] of Object.entries(o.workspaceFiles ?? {})) {
    mkdirSync(join(workspace, path, ".."), { recursive: true });
    writeFileSync(join(workspace, path), content);
  }
  const eventPath = join(dir, "event.json");
  writeFileSync(eventPath, typeof o.payload === "string" ? o.payload : JSON.stringify(o.payload));
  const output = join(dir, "output");
  const summary = join(dir, "summary");
  writeFileSync(output, "");
  writeFileSync(summary, "");
  const inputs: Record<string, string> = { "github-token": "ghs_test-token", ...o.inputs };
  const env: Record<string, string | undefined> = {
    GITHUB_ACTIONS: "true",
    CI: "true",
    GITHUB_EVENT_NAME: o.event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: o.repository,
    GITHUB_WORKSPACE: workspace,
    GITHUB_API_URL: o.apiUrl,
    GITHUB_SERVER_URL: o.serverUrl,
    GITHUB_RUN_ID: "4242",
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    RUNNER_TEMP: dir,
    // Nothing from the test process's own CI may leak in.
    MERITLOG_TOKEN: undefined,
    GITHUB_TOKEN: undefined,
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.replace(/ /g, "_").toUpperCase()}`, v])),
    ...o.env,
  };
  const result = await runProcess(process.execPath, [ACTION], { cwd: workspace, env, timeoutMs: 120_000 });
  const errors = [...result.stdout.matchAll(/^::error(?: ([^:]*))?::(.*)$/gm)].map((m) => ({
    properties: m[1] ?? "",
    message: decode(m[2] ?? ""),
  }));
  const masked = [...result.stdout.matchAll(/^::add-mask::(.*)$/gm)].map((m) => decode(m[1] ?? ""));
  return { ...result, outputs: parseFileCommands(readFileSync(output, "utf8")), summary: readFileSync(summary, "utf8"), errors, masked };
}

/** Workflow command data escaping, undone. */
function decode(s: string): string {
  return s.replace(/%0A/g, "\n").replace(/%0D/g, "\r").replace(/%25/g, "%");
}
