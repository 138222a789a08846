/**
 * The action's entry. This version checks the configuration (every problem becomes an annotation on
 * its line) and reports the event; recording events arrives with the event handlers, and until then
 * every event is a clear no-op, never a failure.
 */
import { readFile } from "node:fs/promises";
import { isAbsolute, relative, resolve } from "node:path";
import * as core from "@actions/core";
import { ConfigError, parseConfig, rulesHash } from "../scoring/config.ts";

export const DEFAULT_CONFIG = ".github/meritlog.yml";

/** Reads the configuration input, confined to the workspace; undefined text when the file does not exist. */
async function readConfig(workspace: string, input: string): Promise<{ path: string; text: string | undefined }> {
  const path = resolve(workspace, input);
  const inside = relative(workspace, path);
  if (inside.startsWith("..") || isAbsolute(inside)) {
    throw new Error(`Invalid config '${input}'. Expected a path inside the workspace ${workspace}.`);
  }
  try {
    return { path: inside, text: await readFile(path, "utf8") };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return { path: inside, text: undefined };
    throw e;
  }
}

export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  try {
    const event = env.GITHUB_EVENT_NAME;
    if (!event) throw new Error("GITHUB_EVENT_NAME is not set: run meritlog as a step of a GitHub Actions workflow");
    const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
    const { path, text } = await readConfig(workspace, core.getInput("config") || DEFAULT_CONFIG);
    const rules = text === undefined ? parseConfig("", path) : parseConfig(text, path);
    core.info(
      text === undefined
        ? `meritlog: no ${path}; the documented defaults apply (rules ${rulesHash(rules)})`
        : `meritlog: ${path} is valid (rules ${rulesHash(rules)})`,
    );
    core.info(`meritlog: the '${event}' event records nothing in this version`);
  } catch (e) {
    if (e instanceof ConfigError) {
      for (const p of e.problems) {
        core.error(`${p.key ? `${p.key}: ` : ""}${p.message}`, {
          title: "meritlog configuration",
          file: p.file,
          startLine: p.line,
          startColumn: p.column,
        });
      }
      core.setFailed(`${e.problems.length} problem${e.problems.length === 1 ? "" : "s"} in the meritlog configuration:\n${e.message}`);
      return;
    }
    core.setFailed((e as Error).message);
  }
}
