/**
 * The action: its bundle, its cold start (process start to the first API request) against a bare
 * Node process importing @actions/core, one merged pull request end to end against a large ledger
 * on a local remote, and the API requests that event costs.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { generateSigner } from "../src/ledger/keys.ts";
import { addPull, prCommit, prFile, repoState, startGitHubApi } from "../test/helpers/github-api.ts";
import { derivedPullRequestMerged, retarget, setAuthor, setNumber, setSender, useApiUrl } from "../test/helpers/webhooks.ts";
import { remoteOf } from "./append.bench.ts";
import { fmt, median, type Section } from "./report.ts";

const ROOT = join(import.meta.dirname, "..");
const ACTION = join(ROOT, "dist", "index.js");
/** The benchmark ledger's repository, and the month its newest entries are in. */
const REPO = { owner: "acme", name: "widgets", id: 1296269, ownerId: 1 };

function milliseconds(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

function runNode(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env });
    let output = "";
    child.stdout.on("data", (d: Buffer) => {
      output += d;
    });
    child.stderr.on("data", (d: Buffer) => {
      output += d;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

/** The baseline: Node starting and importing @actions/core, nothing else. */
function baselineMs(): number {
  return milliseconds(() => {
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", "import '@actions/core'"], { cwd: ROOT });
    if (r.status !== 0) throw new Error(`baseline failed: ${r.stderr}`);
  });
}

/** Milliseconds from spawning the action on a merged pull request to its first API request. */
async function coldStartMs(eventPath: string, dir: string): Promise<number> {
  let first = 0;
  const server = createServer((req, res) => {
    first ||= performance.now();
    res.writeHead(401, { "content-type": "application/json" }).end('{"message":"Bad credentials"}');
    req.resume();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const started = performance.now();
  const env = actionEnv(eventPath, api, "file:///nonexistent", dir, generateSigner("github.com/acme/widgets/meritlog").skey);
  const child = spawn(process.execPath, [ACTION], { cwd: dir, env, stdio: "ignore" });
  await new Promise((r) => child.on("close", r));
  server.close();
  if (!first) throw new Error("the action made no API request");
  return first - started;
}

function actionEnv(eventPath: string, apiUrl: string, serverUrl: string, dir: string, signingKey: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_EVENT_NAME: "pull_request_target",
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: `${REPO.owner}/${REPO.name}`,
    GITHUB_WORKSPACE: dir,
    GITHUB_API_URL: apiUrl,
    GITHUB_SERVER_URL: serverUrl,
    GITHUB_OUTPUT: join(dir, "output"),
    "INPUT_GITHUB-TOKEN": "ghs_test-token",
    "INPUT_SIGNING-KEY": signingKey,
  };
}

/** A merged pull request payload for `number`, as the fake API serves it. */
function mergedPayload(number: number, apiUrl: string, mergedAt: string): unknown {
  const author = { login: "contributor-7", id: 100_007 };
  const payload = setSender(setAuthor(setNumber(derivedPullRequestMerged(), number), author), { login: "maintainer", id: 5 });
  payload.pull_request.merged_at = mergedAt;
  payload.pull_request.closed_at = mergedAt;
  return useApiUrl(retarget(payload, { ...REPO, ownerType: "Organization", private: false }), apiUrl);
}

export async function actionBench(log: (t: string) => void, scale: { ledger: number; runs: number }): Promise<Section> {
  const dir = mkdtempSync(join(tmpdir(), "meritlog-bench-action-"));
  try {
    writeFileSync(join(dir, "output"), "");
    const bytes = statSync(ACTION).size;
    const gzip = gzipSync(readFileSync(ACTION)).length;

    const eventPath = join(dir, "event.json");
    writeFileSync(eventPath, JSON.stringify(mergedPayload(1, "http://127.0.0.1:1", "2024-03-10T12:00:00Z")));
    log("  cold start…");
    const cold: number[] = [];
    const base: number[] = [];
    for (let i = 0; i < scale.runs * 3; i++) {
      base.push(baselineMs());
      cold.push(await coldStartMs(eventPath, dir));
    }

    log(`  one merged pull request against a ${fmt(scale.ledger)}-entry ledger…`);
    const { remote, signer } = await remoteOf(scale.ledger, log);
    const server = join(dir, "server");
    mkdirSync(join(server, REPO.owner), { recursive: true });
    const clone = join(server, REPO.owner, `${REPO.name}.git`);
    spawnSync("git", ["clone", "-q", "--bare", remote, clone]);
    spawnSync("git", ["-C", clone, "config", "uploadpack.allowFilter", "true"]);
    spawnSync("git", ["-C", clone, "config", "uploadpack.allowAnySHA1InWant", "true"]);
    const state = repoState(REPO);
    const api = await startGitHubApi(state);
    const ends: number[] = [];
    const requests: number[] = [];
    try {
      for (let i = 0; i < scale.runs; i++) {
        const number = 900_000 + i;
        addPull(state, {
          number,
          user: "contributor-7",
          state: "closed",
          merged: true,
          mergedAt: "2024-03-10T12:00:00Z",
          closedAt: "2024-03-10T12:00:00Z",
          mergedBy: "maintainer",
          files: [prFile({ filename: "src/a.ts", additions: 120, deletions: 14 }), prFile({ filename: "README.md", additions: 6 })],
          commits: [prCommit({ message: "Change a", login: "contributor-7" }), prCommit({ message: "Docs", login: "contributor-7" })],
        });
        writeFileSync(eventPath, JSON.stringify(mergedPayload(number, api.url, "2024-03-10T12:00:00Z")));
        const before = api.requests.length;
        const started = performance.now();
        // Not spawnSync: the loopback API answers from this process's event loop.
        const run = await runNode([ACTION], dir, actionEnv(eventPath, api.url, pathToFileURL(server).href, dir, signer.skey));
        if (run.code !== 0) throw new Error(`the action failed: ${run.output}`);
        ends.push(performance.now() - started);
        requests.push(api.requests.length - before);
      }
    } finally {
      await api.close();
    }

    const coldMs = median(cold);
    const baseMs = median(base);
    const perEvent = Math.max(...requests);
    return {
      title: "The action",
      method: [
        "Cold start: from spawning `node dist/index.js` on a merged pull request event to its first API request, against `node -e \"import '@actions/core'\"` run to exit, alternating, medians.",
        `End to end: the built action on a merged pull request (two files, two commits) appending to a ${fmt(scale.ledger)}-entry ledger on a local bare remote, with the loopback GitHub API; it reads the month's entries for context (about 13,000 here).`,
      ].join(" "),
      rows: [
        {
          measure: "bundle `dist/index.js`",
          figure: `${fmt(bytes / 1024)} KiB (${fmt(gzip / 1024)} KiB gzipped)`,
          baseline: "—",
          ratio: "—",
          goal: "measured",
          met: true,
        },
        {
          measure: "cold start to the first API request",
          figure: `${fmt(coldMs)} ms`,
          baseline: `${fmt(baseMs)} ms (node importing @actions/core)`,
          ratio: `${fmt(coldMs / baseMs, 2)}×`,
          goal: "≤ 1.5×",
          met: coldMs / baseMs <= 1.5,
        },
        {
          measure: `one merged pull request, end to end, ${fmt(scale.ledger)}-entry ledger`,
          figure: `${fmt(median(ends))} ms`,
          baseline: "—",
          ratio: "—",
          goal: "measured",
          met: true,
        },
        {
          measure: "API requests per scored pull request event",
          figure: `${perEvent}`,
          baseline: "9 (a well-known leaderboard bot)",
          ratio: `${fmt(perEvent / 9, 2)}×`,
          goal: "≤ 6",
          met: perEvent <= 6,
        },
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
