/**
 * Runs the built `meritlog` bundle as users do: `dist/cli.js` in a child process of this Node binary,
 * with arguments, stdin and a working directory. Also the few things every CLI test needs: temp
 * folders, entry bodies, file snapshots, and RFC 6962 / signed-note arithmetic written independently
 * of src/ so that outputs can be checked against the specifications rather than against themselves.
 */
import { spawn } from "node:child_process";
import { createHash, createPublicKey, type KeyObject, verify } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, onTestFinished } from "vitest";

export const CLI = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly stdin?: string;
  readonly cwd?: string;
}

export function runCli(args: readonly string[], options: RunOptions = {}): Promise<CliResult> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: options.cwd ?? tmpdir(), stdio: "pipe" });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding("utf8").on("data", (d: string) => {
      stderr += d;
    });
    // A command that fails before reading stdin (a usage error) closes the pipe under our write;
    // the EPIPE that follows is not the test's concern.
    child.stdin.on("error", () => {});
    child.stdin.end(options.stdin ?? "");
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Asserts the exit code, and that no stack trace leaked: every failure must be one clear message. */
export function expectExit(result: CliResult, code: number): void {
  expect(result.stderr, "stderr holds a stack trace").not.toMatch(/\n\s+at /);
  expect(result.code, `exit code; stderr was: ${result.stderr}`).toBe(code);
}

/** A fresh folder under the OS temp dir, removed when the current test ends. */
export function tempDir(): string {
  // realpath: the CLI resolves paths against its cwd, so messages name the real path, not a symlink's.
  const dir = realpathSync(mkdtempSync(join(tmpdir(), "meritlog-cli-")));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The same, for folders shared by a whole file (keys); the caller removes it in afterAll. */
export function sharedTempDir(): string {
  return realpathSync(mkdtempSync(join(tmpdir(), "meritlog-cli-")));
}

export const ORIGIN = "github.com/octo/demo/meritlog";

const usages = new Map<string, Promise<string>>();

/**
 * What `meritlog <command> --help` prints: the usage that a usage error repeats after its message.
 * Its content is asserted in usage.test.ts; elsewhere it only shows which text a usage error ends with.
 */
export function usageOf(command: string): Promise<string> {
  let usage = usages.get(command);
  if (!usage) {
    usage = runCli([command, "--help"]).then((r) => {
      expectExit(r, 0);
      return r.stdout;
    });
    usages.set(command, usage);
  }
  return usage;
}

export function sha256(...parts: (string | Uint8Array)[]): Buffer {
  const h = createHash("sha256");
  for (const p of parts) h.update(p);
  return h.digest();
}

/** The id of a fact, as the ledger derives ids: SHA-256 of a fact key, lowercase hex. */
export function factId(key: string): string {
  return sha256(key).toString("hex");
}

/** A valid entry body (points = the sum of the breakdown) for the fact `key`, with overrides. */
export function body(key: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: factId(key),
    kind: "award",
    time: "2025-03-14T15:09:26Z",
    repo: { id: 4242, name: "octo/demo" },
    actor: { id: 7, login: "alice" },
    subject: { type: "pull_request", number: 12, url: "https://github.com/octo/demo/pull/12" },
    points: 1500,
    breakdown: [
      { rule: "pr.merged", points: 1000 },
      { rule: "pr.size", points: 500 },
    ],
    rules: `sha256:${"ab".repeat(32)}`,
    source: { event: "pull_request", action: "closed" },
    ...overrides,
  };
}

/** Bodies as append reads them: one JSON object a line. */
export function jsonl(bodies: readonly unknown[]): string {
  return bodies.map((b) => `${typeof b === "string" ? b : JSON.stringify(b)}\n`).join("");
}

export interface Key {
  /** Path of the private key file. */
  readonly file: string;
  /** The verifier key keygen printed. */
  readonly vkey: string;
}

/** Runs `meritlog keygen` into a new folder under `parent`. */
export async function keygen(parent: string, origin = ORIGIN): Promise<Key> {
  const out = mkdtempSync(join(parent, "key-"));
  const r = await runCli(["keygen", "--origin", origin, "--out", out]);
  expectExit(r, 0);
  return { file: join(out, "meritlog.key"), vkey: r.stdout.trim() };
}

/** Every file under `dir` (relative path → bytes), to show that a failed command changed nothing. */
export function snapshot(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const d of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!d.isFile()) continue;
    const path = join(d.parentPath, d.name);
    files.set(path.slice(dir.length + 1), readFileSync(path));
  }
  return files;
}

/** The lines of a shard file, without their newlines. */
export function shardLines(dir: string, shard = "entries/000/000.jsonl"): string[] {
  const text = readFileSync(join(dir, shard), "utf8");
  expect(text.endsWith("\n")).toBe(true);
  return text.slice(0, -1).split("\n");
}

// RFC 6962 §2.1, written from the RFC rather than imported from src/.
export function leafHash(line: string | Buffer): Buffer {
  return sha256(Buffer.from([0]), line);
}

function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

export function merkleRoot(leaves: readonly Buffer[]): Buffer {
  if (leaves.length === 0) return sha256("");
  if (leaves.length === 1) return leaves[0] as Buffer;
  const k = split(leaves.length);
  return sha256(Buffer.from([1]), merkleRoot(leaves.slice(0, k)), merkleRoot(leaves.slice(k)));
}

/** PATH(m, D[n]) of RFC 6962 §2.1.1: the inclusion proof of leaf m. */
export function inclusionPath(m: number, leaves: readonly Buffer[]): Buffer[] {
  if (leaves.length <= 1) return [];
  const k = split(leaves.length);
  return m < k
    ? [...inclusionPath(m, leaves.slice(0, k)), merkleRoot(leaves.slice(k))]
    : [...inclusionPath(m - k, leaves.slice(k)), merkleRoot(leaves.slice(0, k))];
}

/** The parts of a C2SP verifier key `<name>+<hex id>+<base64(0x01 ‖ key)>`; base64 may itself hold '+'. */
export function parseVkey(vkey: string): { name: string; id: string; raw: Buffer; publicKey: KeyObject } {
  const m = /^([^+\s]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/]{44})$/.exec(vkey);
  if (!m) throw new Error(`not a verifier key: ${vkey}`);
  const raw = Buffer.from(m[3] as string, "base64").subarray(1);
  const spki = Buffer.concat([Buffer.from("302a300506032b6570032100", "hex"), raw]);
  return { name: m[1] as string, id: m[2] as string, raw, publicKey: createPublicKey({ key: spki, format: "der", type: "spki" }) };
}

/** `<name>+<hex id>`: how entries and note signatures name the key that made them. */
export function keyRef(vkey: string): string {
  const { name, id } = parseVkey(vkey);
  return `${name}+${id}`;
}

/** Checks a C2SP signed note's signature line by `vkey`, returning the note's text. */
export function openNote(note: string, vkey: string): string {
  const { name, id, publicKey } = parseVkey(vkey);
  const cut = note.lastIndexOf("\n\n");
  const text = note.slice(0, cut + 1);
  const line = note
    .slice(cut + 2)
    .split("\n")
    .find((l) => l.startsWith(`\u2014 ${name} `));
  if (!line) throw new Error(`no signature by ${name}`);
  const sig = Buffer.from(line.slice(`\u2014 ${name} `.length), "base64");
  if (sig.subarray(0, 4).toString("hex") !== id) throw new Error("signature key id differs");
  if (!verify(null, Buffer.from(text, "utf8"), publicKey, sig.subarray(4))) throw new Error("signature does not verify");
  return text;
}
