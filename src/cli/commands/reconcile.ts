import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { ParseArgsConfig } from "node:util";
import { GitHubApi } from "../../github/api.ts";
import { backfill, type Progress, reconcile, type SyncOptions, type SyncReport } from "../../reconcile/sync.ts";
import { ConfigError, parseConfig, type ResolvedConfig } from "../../scoring/config.ts";
import { type CliIo, EXIT, type ExitCode, InvalidInputError, UsageError } from "../io.ts";
import type { Command } from "../main.ts";
import { remoteSpec } from "../target.ts";
import { readSigner } from "./append.ts";

const REPOSITORY = /^[A-Za-z0-9_.-]{1,100}\/[A-Za-z0-9_.-]{1,100}$/;

export const SYNC_OPTIONS = {
  repo: { type: "string" },
  key: { type: "string" },
  config: { type: "string" },
  branch: { type: "string" },
} as const satisfies ParseArgsConfig["options"];

async function readRules(io: CliIo, file: string | undefined): Promise<ResolvedConfig> {
  try {
    return parseConfig(file === undefined ? "" : await readFile(resolve(io.cwd, file), "utf8"), file ?? "(defaults)");
  } catch (e) {
    if (e instanceof ConfigError) throw new InvalidInputError(e.message);
    throw e;
  }
}

/** Progress on stderr: a bar redrawn in place on a terminal, a line per batch otherwise. */
function progressReporter(io: CliIo, what: string): (p: Progress) => void {
  const tty = process.stderr.isTTY === true;
  let batches = -1;
  return (p) => {
    if (tty) {
      const width = 30;
      const done = p.total > 0 ? Math.min(1, p.pulls / p.total) : 0;
      const bar = "#".repeat(Math.round(done * width)).padEnd(width, ".");
      io.stderr(`\r${what} [${bar}] ${p.pulls}/${p.total} pull requests, ${p.appended} entries`);
    } else if (p.batches !== batches) {
      batches = p.batches;
      io.stderr(`${what}: ${p.pulls}/${p.total} pull requests read, ${p.appended} entries appended\n`);
    }
  };
}

/**
 * Runs a reconcile, or a backfill from `since`, of `--repo` into the ledger at `<remote>`, with the
 * token from GITHUB_TOKEN and the API at GITHUB_API_URL (github.com's by default).
 */
export async function runSync(
  { values, positionals }: { values: Record<string, unknown>; positionals: string[] },
  io: CliIo,
  since: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ExitCode> {
  const [remote, ...extra] = positionals;
  if (remote === undefined) throw new UsageError("give the ledger's remote (a URL or a repository path)");
  if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`);
  const repo = values.repo as string | undefined;
  if (!repo || !REPOSITORY.test(repo)) throw new UsageError(`--repo owner/name is required${repo ? `; '${repo}' is not owner/name` : ""}`);
  if (!values.key) throw new UsageError("--key <file> is required");
  const token = env.GITHUB_TOKEN;
  if (!token) throw new UsageError("GITHUB_TOKEN is not set: a token that can read the repository's pull requests");
  const rules = await readRules(io, values.config as string | undefined);
  const signer = await readSigner(resolve(io.cwd, values.key as string));
  const [owner, name] = repo.split("/") as [string, string];
  const what = since ? `backfill since ${since}` : "reconcile";
  const options: SyncOptions = {
    api: new GitHubApi(token, env.GITHUB_API_URL ?? "https://api.github.com"),
    repo: { owner, repo: name },
    spec: remoteSpec(remote, values.branch as string | undefined, env),
    signer,
    rules,
    source: { event: since ? "backfill" : "reconcile" },
    onProgress: progressReporter(io, what),
  };
  const report: SyncReport = since ? await backfill(options, since) : await reconcile(options);
  if (process.stderr.isTTY) io.stderr("\n");
  io.stdout(
    `${what} of ${repo}: ${report.pulls} pull requests read, ${report.appended} entries appended in ${report.batches} commit${report.batches === 1 ? "" : "s"}, ${report.requests} API requests${report.done ? "" : `; stopped early (${report.stopped}): run again to resume`}\n`,
  );
  return EXIT.ok;
}

export const reconcileCommand: Command = {
  summary: "append what changed on GitHub since the last reconcile (pull requests, reviews, labels, reverts)",
  usage:
    "<remote> --repo <owner/name> --key <file> [--config <file>] [--branch <name>]  (GITHUB_TOKEN, GITHUB_API_URL from the environment)",
  options: SYNC_OPTIONS,
  run: (parsed, io) => runSync(parsed, io, undefined),
};
