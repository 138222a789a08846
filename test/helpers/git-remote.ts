/**
 * Real git remotes for the data branch tests: bare repositories in temp folders, configured the way
 * GitHub's server behaves (partial fetches, fetching objects by id, authenticated pushes), and a
 * loopback HTTP server that serves them through `git http-backend` behind a token, recording every
 * request so that tests can show where the token travelled. Also the process plumbing those tests
 * need: the built CLI and the library writer as child processes with their own environment, and
 * reading a branch back to check it independently of the writer.
 *
 * Folders come from `tempDir` in ./ledger.ts: call `removeTempDirs` in an `afterAll` hook.
 */
import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import type { EntryBody } from "../../src/ledger/entry.ts";
import type { Signer } from "../../src/ledger/keys.ts";
import { type VerifiedLedger, verifyFolder } from "../../src/store/verify.ts";
import { body, CLI } from "../cli/run-cli.ts";
import type { WriterJob, WriterReport } from "../store/git/writer.ts";
import { readEntryLines, tempDir } from "./ledger.ts";

export const HTTP_BACKEND = "/usr/lib/git-core/git-http-backend";

/** The library writer run as a child process (see test/store/git/writer.ts). */
export const WRITER = fileURLToPath(new URL("../store/git/writer.ts", import.meta.url));

/** The user name GitHub expects in front of a token in Basic authorization. */
export const TOKEN_USER = "x-access-token";

// Tests never prompt, and read git's messages in one language.
const GIT_ENV = { GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" };

// ---------------------------------------------------------------------------------------------------
// Bare remotes

/** Runs git to set up or inspect a repository; throws with git's stderr on failure. */
export function gitSync(cwd: string, args: readonly string[]): string {
  try {
    return execFileSync("git", args, {
      cwd,
      env: { ...process.env, ...GIT_ENV },
      maxBuffer: 1 << 28,
      stdio: ["pipe", "pipe", "pipe"],
    }).toString("utf8");
  } catch (e) {
    const err = e as { stderr?: Buffer; message: string };
    throw new Error(`git ${args.join(" ")} failed in ${cwd}: ${err.stderr?.toString("utf8") ?? err.message}`);
  }
}

/**
 * A new empty bare repository `name` in `parent` (a new temp folder by default). GitHub serves
 * filtered fetches and any reachable object by id, and accepts authenticated pushes over HTTP;
 * git's own defaults refuse all three, which would hide what the writer does against GitHub.
 */
export function createBareRemote(parent: string = tempDir("meritlog-remote-"), name = "ledger.git"): string {
  const dir = join(parent, name);
  gitSync(parent, ["init", "-q", "--bare", dir]);
  for (const [key, value] of [
    ["uploadpack.allowFilter", "true"],
    ["uploadpack.allowAnySHA1InWant", "true"],
    ["http.receivepack", "true"],
  ] as const) {
    gitSync(dir, ["config", key, value]);
  }
  return dir;
}

/** The commit `branch` points at in `repo`, or undefined when there is no such branch. */
export function branchTip(repo: string, branch = "meritlog"): string | undefined {
  const r = spawnSync("git", ["rev-parse", "-q", "--verify", `refs/heads/${branch}^{commit}`], {
    cwd: repo,
    env: { ...process.env, ...GIT_ENV },
    encoding: "utf8",
  });
  if (r.status === 0) return r.stdout.trim();
  if (r.status === 1) return undefined;
  throw new Error(`git rev-parse failed in ${repo}: ${r.stderr}`);
}

export interface CommitInfo {
  readonly commit: string;
  readonly parents: readonly string[];
  /** `Name <email>` */
  readonly author: string;
  readonly committer: string;
  /** The full message. */
  readonly message: string;
}

/** The commits of `branch`, newest first, following first parents; empty when there is no branch. */
export function branchLog(repo: string, branch = "meritlog"): CommitInfo[] {
  if (branchTip(repo, branch) === undefined) return [];
  const out = gitSync(repo, ["log", "--first-parent", "--format=%H%x00%P%x00%an <%ae>%x00%cn <%ce>%x00%B%x1e", `refs/heads/${branch}`]);
  return out
    .split("\x1e")
    .map((r) => r.replace(/^\n/, ""))
    .filter((r) => r !== "")
    .map((r) => {
      const [commit, parents, author, committer, message] = r.split("\0") as [string, string, string, string, string];
      return { commit, parents: parents === "" ? [] : parents.split(" "), author, committer, message };
    });
}

/**
 * Everything a remote holds: its refs, and every file of the repository with its content hash. Two
 * equal snapshots mean nothing was written: no ref moved, no object or stray temp file was left.
 */
export interface RemoteSnapshot {
  readonly refs: string;
  readonly files: readonly string[];
}

export function remoteSnapshot(repo: string): RemoteSnapshot {
  const refs = gitSync(repo, ["for-each-ref", "--format=%(refname) %(objectname)"]);
  const files = readdirSync(repo, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => {
      const path = join(d.parentPath, d.name);
      return `${path.slice(repo.length + 1)} ${createHash("sha256").update(readFileSync(path)).digest("hex")}`;
    })
    .sort();
  return { refs, files };
}

/** One entry of a ledger read back from a branch, as its line says. */
export interface BranchEntry {
  readonly seq: number;
  readonly id: string;
}

export interface BranchLedger {
  /** What verifyFolder found in a checkout of the branch tip. */
  readonly verified: VerifiedLedger;
  /** Every entry line in file order, parsed here rather than by the code under test. */
  readonly entries: readonly BranchEntry[];
}

/**
 * Checks out `branch` of `repo` (a path or URL) into a temp folder, verifies it and reads its entry
 * lines; undefined when the branch does not exist. The checkout is removed before returning.
 */
export async function readBranch(repo: string, branch = "meritlog"): Promise<BranchLedger | undefined> {
  if (branchTip(repo, branch) === undefined) return undefined;
  const parent = tempDir("meritlog-clone-");
  try {
    const dir = join(parent, "ledger");
    gitSync(parent, ["clone", "-q", "--single-branch", "--no-tags", "--branch", branch, repo, dir]);
    const verified = await verifyFolder(dir, { workers: 0 });
    const entries = readEntryLines(dir).map((line) => {
      const { seq, id } = JSON.parse(line.toString("utf8")) as { seq: number; id: string };
      return { seq, id };
    });
    return { verified, entries };
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
}

/** How many times each id occurs among `entries`. */
export function idCounts(entries: readonly BranchEntry[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(e.id, (counts.get(e.id) ?? 0) + 1);
  return counts;
}

// ---------------------------------------------------------------------------------------------------
// Facts and keys

/** A valid entry body for the fact `key` (its id is SHA-256 of the key), as the CLI tests build them. */
export function fact(key: string, overrides: Record<string, unknown> = {}): EntryBody {
  return body(key, overrides) as unknown as EntryBody;
}

/** Writes `signer`'s private key where the CLI can read it, returning the file's path. */
export function writeKeyFile(dir: string, signer: Signer, name = "meritlog.key"): string {
  const path = join(dir, name);
  writeFileSync(path, `${signer.skey}\n`, { mode: 0o600 });
  return path;
}

// ---------------------------------------------------------------------------------------------------
// Child processes

export interface ProcessResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

export interface ProcessOptions {
  readonly cwd?: string;
  /** Added to this process's environment; undefined removes a variable. MERITLOG_TOKEN is never inherited. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly stdin?: string;
  /** Killed (the whole process group) after this long; the result then carries the signal. */
  readonly timeoutMs?: number;
}

function childEnv(extra: Readonly<Record<string, string | undefined>> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...GIT_ENV };
  delete env.MERITLOG_TOKEN;
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

export interface StartedProcess {
  readonly child: ChildProcess;
  /** Settles when the process has exited and its output is closed (so have the git processes it ran). */
  readonly done: Promise<ProcessResult>;
  /** What it printed so far. */
  stdout(): string;
  /** SIGKILLs the process and everything it started (its own process group). */
  kill(): void;
}

/**
 * Starts `command` in its own process group, so that a kill takes its git children with it, the way
 * a crashed CI job loses every process at once; nothing it started outlives the test.
 */
export function startProcess(command: string, args: readonly string[], options: ProcessOptions = {}): StartedProcess {
  const started = performance.now();
  const child = spawn(command, args, { cwd: options.cwd ?? tmpdir(), env: childEnv(options.env), stdio: "pipe", detached: true });
  let stdout = "";
  let stderr = "";
  child.stdout?.setEncoding("utf8").on("data", (d: string) => {
    stdout += d;
  });
  child.stderr?.setEncoding("utf8").on("data", (d: string) => {
    stderr += d;
  });
  // A process that exits before reading its input closes the pipe under our write.
  child.stdin?.on("error", () => {});
  if (options.stdin !== undefined) child.stdin?.end(options.stdin);
  const kill = (): void => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  };
  const timer = options.timeoutMs === undefined ? undefined : setTimeout(kill, options.timeoutMs);
  const done = new Promise<ProcessResult>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: performance.now() - started });
    });
  });
  return { child, done, kill, stdout: () => stdout };
}

/** Runs a process to completion (at most `timeoutMs`, two minutes by default). */
export function runProcess(command: string, args: readonly string[], options: ProcessOptions = {}): Promise<ProcessResult> {
  return startProcess(command, args, { timeoutMs: 120_000, ...options }).done;
}

/** Runs the built CLI (`node dist/cli.js …`). */
export function runMeritlog(args: readonly string[], options: ProcessOptions = {}): Promise<ProcessResult> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
  return runProcess(process.execPath, [CLI, ...args], options);
}

/** Starts the built CLI without waiting for it. */
export function startMeritlog(args: readonly string[], options: ProcessOptions = {}): StartedProcess {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
  return startProcess(process.execPath, [CLI, ...args], { timeoutMs: 120_000, ...options });
}

/**
 * Starts one library writer (test/store/git/writer.ts) per job, waits until every one has loaded,
 * then releases them all at once and waits for them to finish.
 */
export async function runWriters(jobs: readonly WriterJob[], dir: string, timeoutMs = 170_000): Promise<WriterRun[]> {
  const started = jobs.map((job, i) => {
    const path = join(dir, `job-${i}.json`);
    writeFileSync(path, JSON.stringify(job));
    return startProcess(process.execPath, [WRITER, path], { timeoutMs });
  });
  const until = performance.now() + 60_000;
  try {
    while (!started.every((p) => p.stdout().startsWith("ready\n"))) {
      const exited = started.find((p) => p.child.exitCode !== null);
      if (exited) throw new Error(`a writer exited before it was ready: ${(await exited.done).stderr}`);
      if (performance.now() > until) throw new Error("writers did not get ready within 60 s");
      await sleep(10);
    }
  } catch (e) {
    for (const p of started) p.kill();
    await Promise.all(started.map((p) => p.done));
    throw e;
  }
  for (const p of started) p.child.stdin?.end();
  const results = await Promise.all(started.map((p) => p.done));
  return results.map((r) => ({
    ...r,
    reports: r.stdout
      .split("\n")
      .slice(1)
      .filter((l) => l !== "")
      .map((l) => JSON.parse(l) as WriterReport),
  }));
}

export interface WriterRun extends ProcessResult {
  /** One report per batch that was appended, in order. */
  readonly reports: readonly WriterReport[];
}

// ---------------------------------------------------------------------------------------------------
// The loopback HTTP server

/** One request as it reached the server: its request line and raw headers. */
export interface RecordedRequest {
  readonly method: string;
  readonly target: string;
  readonly headers: readonly (readonly [string, string])[];
}

export interface GitHttpServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** The URL of repository `name` under the served root, with `userinfo@` in it when given. */
  url(name: string, userinfo?: string): string;
  /** Every request received so far, in order. */
  readonly requests: readonly RecordedRequest[];
  /** What git http-backend wrote to its standard error, for failure messages. */
  readonly backendErrors: readonly string[];
  /** Resolves once every request has been answered or abandoned and no http-backend process runs. */
  idle(timeoutMs?: number): Promise<void>;
  /** Resolves with the next request received that `matches`. */
  nextRequest(matches: (r: RecordedRequest) => boolean): Promise<RecordedRequest>;
  close(): Promise<void>;
}

/** `Basic base64(x-access-token:<token>)`: how GitHub takes a token over HTTPS. */
export function basicAuthorization(token: string): string {
  return `Basic ${Buffer.from(`${TOKEN_USER}:${token}`).toString("base64")}`;
}

/**
 * Serves the bare repositories under `root` on 127.0.0.1 through `git http-backend` (CGI), answering
 * 401 with `WWW-Authenticate: Basic` to any request without the Authorization header for `token`.
 */
export async function startGitHttpServer(root: string, token: string): Promise<GitHttpServer> {
  const expected = basicAuthorization(token);
  const requests: RecordedRequest[] = [];
  const waiters = new Set<{ matches: (r: RecordedRequest) => boolean; resolve: (r: RecordedRequest) => void }>();
  const backendErrors: string[] = [];
  const backends = new Map<ChildProcess, Promise<void>>();
  // When anything last happened: a request came in or a response ended.
  let lastActivity = performance.now();

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const headers: [string, string][] = [];
    for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) headers.push([req.rawHeaders[i] as string, req.rawHeaders[i + 1] as string]);
    const recorded = { method: req.method ?? "", target: req.url ?? "", headers };
    requests.push(recorded);
    lastActivity = performance.now();
    res.on("close", () => {
      lastActivity = performance.now();
    });
    for (const w of waiters) {
      if (!w.matches(recorded)) continue;
      waiters.delete(w);
      w.resolve(recorded);
    }
    res.on("error", () => {});
    if (req.headers.authorization !== expected) {
      req.resume();
      res.writeHead(401, { "WWW-Authenticate": 'Basic realm="meritlog test"', "Content-Type": "text/plain" });
      res.end("authentication required\n");
      return;
    }
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      // The served repositories' own config is all that applies, as on a server.
      HOME: root,
      GIT_CONFIG_NOSYSTEM: "1",
      GIT_PROJECT_ROOT: root,
      GIT_HTTP_EXPORT_ALL: "1",
      GATEWAY_INTERFACE: "CGI/1.1",
      SERVER_PROTOCOL: `HTTP/${req.httpVersion}`,
      REQUEST_METHOD: req.method ?? "GET",
      PATH_INFO: decodeURIComponent(url.pathname),
      QUERY_STRING: url.search.slice(1),
      REMOTE_USER: TOKEN_USER,
      REMOTE_ADDR: req.socket.remoteAddress ?? "127.0.0.1",
    };
    const cgiHeaders: [string, string | undefined][] = [
      ["CONTENT_TYPE", req.headers["content-type"]],
      // Chunked bodies have no length: http-backend then reads to end of input.
      ["CONTENT_LENGTH", req.headers["content-length"]],
      ["HTTP_CONTENT_ENCODING", req.headers["content-encoding"]],
      ["HTTP_GIT_PROTOCOL", req.headers["git-protocol"] as string | undefined],
    ];
    for (const [k, v] of cgiHeaders) if (v !== undefined) env[k] = v;

    // Its own process group, so that close() can stop the upload-pack or receive-pack it runs too.
    const backend = spawn(HTTP_BACKEND, [], { env, stdio: ["pipe", "pipe", "pipe"], detached: true });
    backends.set(
      backend,
      new Promise<void>((resolve) => backend.on("close", () => resolve())).finally(() => backends.delete(backend)),
    );
    backend.on("error", (e) => {
      backendErrors.push(`cannot run ${HTTP_BACKEND}: ${e.message}`);
      if (!res.headersSent) res.writeHead(500).end();
    });
    backend.stderr.setEncoding("utf8").on("data", (d: string) => backendErrors.push(d));
    backend.stdin.on("error", () => {});
    req.pipe(backend.stdin);
    // A client that dies mid-upload leaves a short body: the backend must see its end, not wait forever.
    req.on("close", () => {
      if (!req.complete) backend.stdin.destroy();
    });
    // A client gone before or during the response must not leave the backend blocked on a full pipe:
    // the backend runs to its end, as on a real server, and its output is thrown away.
    let gone = false;
    res.on("close", () => {
      gone = true;
      backend.stdout.unpipe(res);
      backend.stdout.resume();
    });

    let head = Buffer.alloc(0);
    const onData = (chunk: Buffer): void => {
      head = Buffer.concat([head, chunk]);
      const crlf = head.indexOf("\r\n\r\n");
      const lf = head.indexOf("\n\n");
      const end = crlf >= 0 && (lf < 0 || crlf < lf) ? crlf : lf;
      if (end < 0) return;
      const bodyStart = end + (end === crlf ? 4 : 2);
      backend.stdout.off("data", onData);
      if (gone) {
        backend.stdout.resume();
        return;
      }
      backend.stdout.pause();
      let status = 200;
      for (const line of head.subarray(0, end).toString("latin1").split(/\r?\n/)) {
        const colon = line.indexOf(":");
        if (colon < 0) continue;
        const name = line.slice(0, colon).trim();
        const value = line.slice(colon + 1).trim();
        if (name.toLowerCase() === "status") status = Number.parseInt(value, 10);
        else res.appendHeader(name, value);
      }
      res.writeHead(status);
      res.write(head.subarray(bodyStart));
      backend.stdout.pipe(res);
    };
    backend.stdout.on("data", onData);
    backend.stdout.on("end", () => {
      if (!res.headersSent && !gone) res.writeHead(502, { "Content-Type": "text/plain" }).end("git http-backend wrote no headers\n");
    });
  };

  const server: Server = createServer(handle);
  server.listen(0, "127.0.0.1");
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // A request a dead client had already sent may still be in the socket's buffer: idle means quiet
  // for a moment, not only nothing running this instant. Only a backend changes the repositories; a
  // response whose backend has exited, still open towards a killed client, has nothing left to do.
  const idle = async (timeoutMs = 30_000): Promise<void> => {
    const until = performance.now() + timeoutMs;
    while (backends.size > 0 || performance.now() - lastActivity < 100) {
      if (performance.now() > until) throw new Error(`server still busy: ${backends.size} backends`);
      await Promise.race([Promise.all(backends.values()), sleep(20)]);
    }
  };

  return {
    origin,
    url: (name, userinfo) => `http://${userinfo ? `${userinfo}@` : ""}${origin.slice("http://".length)}/${name}`,
    requests,
    nextRequest: (matches) => new Promise((resolve) => waiters.add({ matches, resolve })),
    backendErrors,
    idle,
    close: async () => {
      server.close();
      server.closeAllConnections();
      const stuck = setTimeout(() => {
        for (const b of backends.keys()) {
          try {
            if (b.pid !== undefined) process.kill(-b.pid, "SIGKILL");
          } catch {
            // Already gone.
          }
        }
      }, 10_000);
      await Promise.all(backends.values());
      clearTimeout(stuck);
    },
  };
}

/**
 * Every place in the recorded requests where `token` shows, in any form a client could leak it
 * (plain, URL-encoded, inside Basic credentials), other than the one Authorization header that
 * carries it as GitHub expects.
 */
export function tokenSightings(requests: readonly RecordedRequest[], token: string): string[] {
  const forms = [token, encodeURIComponent(token), Buffer.from(`${TOKEN_USER}:${token}`).toString("base64")];
  const expected = basicAuthorization(token);
  const found: string[] = [];
  for (const [i, r] of requests.entries()) {
    if (forms.some((f) => r.target.includes(f))) found.push(`request ${i}: ${r.method} ${r.target}`);
    for (const [name, value] of r.headers) {
      if (name.toLowerCase() === "authorization" && value === expected) continue;
      if (forms.some((f) => name.includes(f) || value.includes(f))) found.push(`request ${i}: header ${name}: ${value}`);
    }
  }
  return found;
}

/** A loopback port with nothing listening on it (it was free a moment ago and nothing here reuses it). */
export async function unusedPort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

// ---------------------------------------------------------------------------------------------------
// Randomness that replays

/** A small seeded PRNG (mulberry32): the same seed gives the same kill points on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
