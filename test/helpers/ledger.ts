/**
 * Builders for ledger tests: valid entry bodies as fast-check arbitraries, deterministic signing keys,
 * ledger folders written the way `meritlog append` writes them (`appendToFolder`, which runs the pure
 * `append`), line-level access to a folder's shard files for tampering, and an RFC 6962 reference tree
 * written from the RFC's definition so results can be checked against something other than the code
 * under test.
 *
 * Folders live under os.tmpdir(); call `removeTempDirs` in an `afterAll` (or `afterEach`) hook.
 */
import { createHash, createPrivateKey, createPublicKey } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import jcs from "canonicalize";
import fc from "fast-check";
import type { AppendResult } from "../../src/ledger/append.ts";
import type { Account, EntryBody, EntryKind, RuleContribution, SubjectType } from "../../src/ledger/entry.ts";
import { parseSignerKey, type Signer } from "../../src/ledger/keys.ts";
import { CHECKPOINT_FILE, ENTRIES_DIR, KEYS_FILE, SHARD_SIZE, shardPath } from "../../src/ledger/layout.ts";
import { signNote } from "../../src/ledger/note.ts";
import { appendToFolder } from "../../src/store/append-folder.ts";
import { LedgerInvalidError } from "../../src/store/folder.ts";

// ---------------------------------------------------------------------------------------------------
// Temporary folders

const tempDirs = new Set<string>();

/** A fresh empty folder under os.tmpdir(), removed by `removeTempDirs`. */
export function tempDir(prefix = "meritlog-test-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.add(dir);
  return dir;
}

/** Removes one folder made by `tempDir` (or `copyDir`) early, e.g. inside a long property run. */
export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  tempDirs.delete(dir);
}

/** Removes every folder made by `tempDir` and `copyDir` so far. */
export function removeTempDirs(): void {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}

/**
 * A copy of `dir` in a new temporary folder, to tamper with while the original stays intact; top-level
 * names in `exclude` are left out (the id index, say, which only a full verification reads).
 */
export function copyDir(dir: string, exclude: readonly string[] = []): string {
  const copy = tempDir();
  const skip = new Set(exclude.map((name) => join(dir, name)));
  cpSync(dir, copy, { recursive: true, filter: (source) => !skip.has(source) });
  return copy;
}

// ---------------------------------------------------------------------------------------------------
// Keys

export const TEST_ORIGIN = "example.com/meritlog/test";

// PKCS #8 wrapping of a raw Ed25519 seed (RFC 8410), so a key can come from a fixed seed.
const PKCS8_ED25519_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");

/**
 * A signer whose key follows from `seed`, so every run (and every fast-check replay) signs the same
 * bytes. Different seeds give different keys under the same name, which is how tests forge entries.
 */
export function testSigner(seed: string | number = 1, name = TEST_ORIGIN): Signer {
  const raw = createHash("sha256").update(`meritlog test key ${seed}`).digest();
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, raw]), format: "der", type: "pkcs8" });
  const publicKey = createPublicKey(privateKey).export({ format: "jwk" }).x as string;
  const pub = Buffer.from(publicKey, "base64url");
  // The key id as C2SP signed-note defines it, computed here rather than by the code under test.
  const id = createHash("sha256")
    .update(`${name}\n`)
    .update(Buffer.from([0x01]))
    .update(pub)
    .digest()
    .subarray(0, 4)
    .toString("hex");
  return parseSignerKey(`PRIVATE+KEY+${name}+${id}+${Buffer.concat([Buffer.from([0x01]), raw]).toString("base64")}`);
}

/** `<name>+<hex key id>`, as entries' `sig.keyid` names a key: read off the verifier key text. */
export function keyRefOf(signer: Signer): string {
  return signer.verifier.vkey.split("+").slice(0, 2).join("+");
}

/** The standard base64 alphabet (RFC 4648 §4), for changing one character of an encoding. */
export const BASE64_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// ---------------------------------------------------------------------------------------------------
// Entry bodies

/** The deterministic id a body gets from its fact key, as `factId` defines it (SHA-256, hex). */
export function idOf(factKey: string): string {
  return createHash("sha256").update(factKey, "utf8").digest("hex");
}

const KINDS: readonly EntryKind[] = ["award", "bonus", "penalty", "reversal", "badge", "state", "command"];
const SUBJECT_TYPES: readonly SubjectType[] = [
  "pull_request",
  "issue",
  "review",
  "review_comment",
  "comment",
  "release",
  "commit",
  "repository",
  "entry",
];
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

const safeCount = fc.oneof(fc.nat({ max: 1_000_000 }), fc.nat({ max: MAX_SAFE }));
const login = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9-]{0,38}(\[bot\])?$/);
const account: fc.Arbitrary<Account> = fc.record({ id: safeCount, login });
const repoName = fc.stringMatching(/^[A-Za-z0-9_.-]{1,30}\/[A-Za-z0-9_.-]{1,30}$/);
const time = fc
  .date({ min: new Date("2008-01-01T00:00:00Z"), max: new Date("2099-12-31T23:59:59Z"), noInvalidDate: true })
  .map((d) => `${d.toISOString().slice(0, 19)}Z`);
const hex64 = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => Buffer.from(b).toString("hex"));

/** Unicode noncharacters (U+FDD0…U+FDEF and the last two code points of every plane). */
const NONCHARACTER =
  /[\uFDD0-\uFDEF]|[\uFFFE\uFFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]/;

/**
 * Whether `v` holds something a writer must not write even though JSON can carry it: an integer
 * outside ±(2^53−1) (every double of that magnitude is an integer) or a string with a noncharacter.
 */
export function leavesIJson(v: unknown): boolean {
  if (typeof v === "number") return Number.isInteger(v) && !Number.isSafeInteger(v);
  if (typeof v === "string") return NONCHARACTER.test(v);
  if (Array.isArray(v)) return v.some(leavesIJson);
  if (v !== null && typeof v === "object") return Object.entries(v).some(([k, x]) => NONCHARACTER.test(k) || leavesIJson(x));
  return false;
}

/**
 * Free text as contributors write it: any well-formed Unicode but noncharacters, control characters
 * included (they take escapes in canonical JSON), capped at `max` code points as the schema counts them.
 */
function freeText(max: number): fc.Arbitrary<string> {
  return fc
    .oneof(
      fc.string({ unit: "grapheme", maxLength: 30 }),
      fc.string({ unit: "binary", maxLength: 30 }),
      fc.string({ unit: "binary-ascii" }),
    )
    .filter((s) => [...s].length <= max && !leavesIJson(s));
}

/**
 * JSON values as a writer may write them (I-JSON): integers within ±(2^53−1), finite doubles below
 * 2^53 in magnitude, well-formed strings. Doubles matter: their canonical form (RFC 8785 §3.2.2.3)
 * is the subtle part.
 */
export const iJsonValue: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 3, stringUnit: "binary" }).filter((v) => !leavesIJson(v));

const contribution: fc.Arbitrary<RuleContribution> = fc.record(
  {
    rule: fc.stringMatching(/^[a-z][a-z0-9_.:-]{0,20}$/),
    points: fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
    note: freeText(200),
  },
  { requiredKeys: ["rule", "points"] },
);

/**
 * One valid entry body (it passes `bodyShapeError`), with every optional field sometimes present.
 * Its `id` is a placeholder and it has no `ref`: `bodiesArb`/`sampleBodies` give each body a unique
 * id and let some refer to earlier ones, which a lone body cannot do.
 */
export const bodyArb: fc.Arbitrary<EntryBody> = fc
  .record(
    {
      kind: fc.constantFrom(...KINDS),
      time,
      repo: fc.record({ id: safeCount, name: repoName }),
      actor: account,
      subject: fc.record(
        {
          type: fc.constantFrom(...SUBJECT_TYPES),
          number: fc.integer({ min: 1, max: MAX_SAFE }),
          id: safeCount,
          url: fc.webUrl({ validSchemes: ["https"] }).filter((u) => /^https:\/\/\S+$/.test(u) && u.length <= 2048),
        },
        { requiredKeys: ["type", "url"] },
      ),
      breakdown: fc.array(contribution, { maxLength: 4 }),
      rules: hex64.map((h) => `sha256:${h}`),
      source: fc.record(
        {
          event: fc.stringMatching(/^[a-z_]{1,20}$/),
          action: fc.stringMatching(/^[a-z_]{1,20}$/),
          delivery: fc.uuid(),
          run: fc.constant("https://github.com/o/r/actions/runs/1"),
        },
        { requiredKeys: ["event"] },
      ),
      inputs: fc.dictionary(
        fc.string({ unit: "binary", maxLength: 8 }).filter((k) => !leavesIJson(k)),
        iJsonValue,
        { maxKeys: 4 },
      ),
      reason: freeText(1000),
      by: account,
      badge: fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/),
    },
    { requiredKeys: ["kind", "time", "repo", "actor", "subject", "breakdown", "rules", "source"] },
  )
  .map((b) => ({ ...b, id: "", points: b.breakdown.reduce((sum, c) => sum + c.points, 0) }));

/**
 * Gives each body a unique id (from `salt` and its position) and makes a body refer to an earlier
 * one where `refTo` says so (index into the earlier bodies, taken modulo their count).
 */
function identify(bodies: readonly EntryBody[], salt: string, refTo: readonly (number | null)[]): EntryBody[] {
  const out: EntryBody[] = [];
  for (const [i, body] of bodies.entries()) {
    const id = idOf(`test:${salt}:${i}`);
    const r = refTo[i];
    const { ref: _ref, ...rest } = body;
    out.push({ ...rest, id, ...(r !== null && r !== undefined && i > 0 ? { ref: (out[r % i] as EntryBody).id } : {}) });
  }
  return out;
}

/** A list of valid bodies with unique ids, some of which (`ref`) name an earlier body of the list. */
export function bodiesArb(constraints: { minLength?: number; maxLength?: number } = {}): fc.Arbitrary<EntryBody[]> {
  return fc
    .tuple(fc.array(fc.tuple(bodyArb, fc.option(fc.nat(), { freq: 4 })), constraints), fc.string({ maxLength: 6 }))
    .map(([pairs, salt]) =>
      identify(
        pairs.map(([b]) => b),
        salt,
        pairs.map(([, r]) => r),
      ),
    );
}

/** `n` valid bodies, the same for the same `seed`: for fixed, larger ledgers outside a property. */
export function sampleBodies(n: number, seed = 42): EntryBody[] {
  if (n === 0) return [];
  return fc.sample(bodiesArb({ minLength: n, maxLength: n }), { numRuns: 1, seed })[0] as EntryBody[];
}

// ---------------------------------------------------------------------------------------------------
// Ledger folders

export interface AppendOptions {
  /** Signs this batch and its checkpoint; default: the ledger's current key. */
  readonly signer?: Signer;
  /**
   * When `signer` is not the current key: true (the default) records a rotation in keys.json from
   * the batch's first seq, as `meritlog append --rotate` does; false forges the batch instead: its
   * entries are signed by `signer` while keys.json keeps naming the current key for their seqs, and
   * the checkpoint is re-signed by the current key, so that only the entries are wrong.
   */
  readonly rotate?: boolean;
}

/**
 * A ledger folder built through the real writer path, remembering what it wrote so tests can
 * compare against it or tamper with it.
 */
export class TestLedger {
  readonly dir: string;
  /** The key keys.json names as current. */
  signer: Signer;
  /** Every entry line in seq order, without newline. */
  readonly lines: string[] = [];
  /** The checkpoint note the folder held after each append, in order. */
  readonly checkpoints: string[] = [];

  constructor(signer: Signer, dir: string = tempDir()) {
    this.dir = dir;
    this.signer = signer;
  }

  get size(): number {
    return this.lines.length;
  }

  /** The checkpoint note the folder holds now. */
  get checkpoint(): string {
    return this.checkpoints[this.checkpoints.length - 1] ?? "";
  }

  /** Appends and writes one batch, skipping bodies the ledger already records, as a writer does. */
  async append(bodies: readonly EntryBody[], options: AppendOptions = {}): Promise<AppendResult> {
    const signer = options.signer ?? this.signer;
    const forging = options.rotate === false && signer.verifier.vkey !== this.signer.verifier.vkey;
    const keysPath = join(this.dir, KEYS_FILE);
    const keys = forging ? readFileSync(keysPath) : undefined;
    const { result } = await appendToFolder(this.dir, bodies, signer, { rotate: true });
    if (keys) {
      writeFileSync(keysPath, keys);
      resignCheckpoint(this.dir, [this.signer]);
    } else {
      this.signer = signer;
    }
    this.lines.push(...result.lines);
    this.checkpoints.push(readFileSync(join(this.dir, CHECKPOINT_FILE), "utf8"));
    return result;
  }
}

/**
 * Writes `bodies` as a new ledger in a temporary folder, in batches of `batchSize` (one batch by
 * default). An empty list gives a ledger of size 0: keys.json, head.json and a checkpoint.
 */
export async function buildLedger(
  bodies: readonly EntryBody[],
  options: { signer?: Signer; batchSize?: number; dir?: string } = {},
): Promise<TestLedger> {
  const ledger = new TestLedger(options.signer ?? testSigner(), options.dir ?? tempDir());
  const size = Math.max(1, options.batchSize ?? bodies.length);
  if (bodies.length === 0) await ledger.append([]);
  for (let i = 0; i < bodies.length; i += size) await ledger.append(bodies.slice(i, i + size));
  return ledger;
}

/** Re-signs the folder's checkpoint text with `signers` alone, dropping its signatures. */
export function resignCheckpoint(dir: string, signers: readonly Signer[]): void {
  const path = join(dir, CHECKPOINT_FILE);
  const note = readFileSync(path, "utf8");
  writeFileSync(path, signNote(note.slice(0, note.indexOf("\n\n") + 1), signers));
}

// ---------------------------------------------------------------------------------------------------
// Shard files, line by line

/** Lines per shard file. */
export const SHARD_LINES = SHARD_SIZE;
/** A boundary between units of verification work (runs of 1024 lines, FORMAT.md §2.2), four runs in. */
export const RUN_LINES = 4096;

/** The shard file holding `seq`, relative to the ledger folder. */
export function shardFileOf(seq: number): string {
  return shardPath(Math.floor(seq / SHARD_LINES));
}

/** `file:line` (1-based line) of the line at `seq` in a ledger laid out by its writer. */
export function whereOf(seq: number): string {
  return `${shardFileOf(seq)}:${(seq % SHARD_LINES) + 1}`;
}

/** Every shard file's lines in order, as bytes, without their newlines. */
export function readEntryLines(dir: string): Buffer[] {
  const root = join(dir, ENTRIES_DIR);
  if (!existsSync(root)) return [];
  const lines: Buffer[] = [];
  for (const sub of readdirSync(root).sort()) {
    for (const file of readdirSync(join(root, sub)).sort()) {
      const bytes = readFileSync(join(root, sub, file));
      let start = 0;
      for (let end = bytes.indexOf(10); end >= 0; end = bytes.indexOf(10, start)) {
        lines.push(bytes.subarray(start, end));
        start = end + 1;
      }
      if (start < bytes.length) lines.push(bytes.subarray(start));
    }
  }
  return lines;
}

/** Replaces the folder's shard files with `lines`, laid out in shards as a writer would. */
export function writeEntryLines(dir: string, lines: readonly Uint8Array[]): void {
  rmSync(join(dir, ENTRIES_DIR), { recursive: true, force: true });
  for (let start = 0; start < lines.length; start += SHARD_LINES) {
    const path = join(dir, shardFileOf(start));
    mkdirSync(dirname(path), { recursive: true });
    const chunk = lines.slice(start, start + SHARD_LINES).flatMap((l) => [l, Buffer.from("\n")]);
    writeFileSync(path, Buffer.concat(chunk));
  }
}

/**
 * Replaces the line at `seq` in its shard file, in place, and returns a function that puts the
 * original file back: tampering with one line of a large ledger without copying the folder.
 */
export function replaceLine(dir: string, seq: number, line: Uint8Array): () => void {
  const path = join(dir, shardFileOf(seq));
  const original = readFileSync(path);
  const missing = new RangeError(`no line at seq ${seq} in ${shardFileOf(seq)}`);
  let start = 0;
  for (let i = 0; i < seq % SHARD_LINES; i++) {
    const newline = original.indexOf(10, start);
    if (newline < 0) throw missing;
    start = newline + 1;
  }
  const end = original.indexOf(10, start);
  if (end < 0) throw missing;
  writeFileSync(path, Buffer.concat([original.subarray(0, start), line, original.subarray(end)]));
  return () => writeFileSync(path, original);
}

/** A copy of `bytes` with the byte at `index` XORed with `mask` (1…255), so it always differs. */
export function flipped(bytes: Uint8Array, index: number, mask: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[index] = (copy[index] as number) ^ mask;
  return copy;
}

// ---------------------------------------------------------------------------------------------------
// RFC 6962 reference

/** MTH({d}) = SHA-256(0x00 ‖ d). */
export function refLeafHash(data: Uint8Array | string): Buffer {
  return createHash("sha256")
    .update(Buffer.from([0x00]))
    .update(data)
    .digest();
}

/** RFC 6962 §2.1 MTH over already leaf-hashed `leaves`, by the recursive definition. */
export function refRoot(leaves: readonly Uint8Array[]): Buffer {
  if (leaves.length === 0) return createHash("sha256").digest();
  if (leaves.length === 1) return Buffer.from(leaves[0] as Uint8Array);
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return createHash("sha256")
    .update(Buffer.from([0x01]))
    .update(refRoot(leaves.slice(0, k)))
    .update(refRoot(leaves.slice(k)))
    .digest();
}

/** The Merkle root over a ledger's lines (each hashed as the UTF-8 bytes of the line, no newline). */
export function refRootOfLines(lines: readonly (string | Uint8Array)[]): Buffer {
  return refRoot(lines.map(refLeafHash));
}

// ---------------------------------------------------------------------------------------------------
// Expectations

/** What a LedgerInvalidError says: where, seq, and the reason without the `where: ` prefix. */
export interface Invalidity {
  readonly where: string;
  readonly seq: number | undefined;
  readonly reason: string;
}

/** Awaits `promise`, which must reject with a LedgerInvalidError, and returns what it says. */
export async function invalidity(promise: Promise<unknown>): Promise<Invalidity> {
  try {
    await promise;
  } catch (e) {
    if (!(e instanceof LedgerInvalidError)) throw e;
    if (!e.message.startsWith(`${e.where}: `)) throw new Error(`message does not start with where: ${e.message}`);
    return { where: e.where, seq: e.seq, reason: e.message.slice(e.where.length + 2) };
  }
  throw new Error("expected a LedgerInvalidError, but the ledger verified");
}

/** Where and at which seq a problem is reported. */
export type Location = Pick<Invalidity, "where" | "seq">;

/** The location of a problem with the line at `seq`. */
export function atLine(seq: number): Location {
  return { where: whereOf(seq), seq };
}

/**
 * Where a change to line `seq` that leaves the line itself valid shows: in the next line's `prev`, or
 * for the last line (`seq` = size − 1), in the Merkle root the checkpoint signs.
 */
export function inChain(seq: number, size: number): Location {
  return seq === size - 1 ? { where: "checkpoint", seq: undefined } : atLine(seq + 1);
}

export function locationOf(i: Invalidity): Location {
  return { where: i.where, seq: i.seq };
}

/**
 * Byte ranges [start, end) of the values of the top-level members `seq`, `prev` and `ref` in a
 * canonical line: digits and hex characters only, without quotes. These are the fields the chain
 * checks read, so a change inside them is reported at the line itself at every level.
 */
export function chainValueRanges(line: string): [number, number][] {
  const entry = JSON.parse(line) as Record<string, unknown>;
  const ranges: [number, number][] = [];
  // A canonical line is its sorted members joined by commas, so offsets follow from their lengths.
  let offset = 1;
  for (const key of Object.keys(entry).sort()) {
    const name = `${JSON.stringify(key)}:`;
    const value = jcs(entry[key]) as string;
    const start = offset + Buffer.byteLength(name);
    if (key === "seq") ranges.push([start, start + value.length]);
    if (key === "prev" || key === "ref") ranges.push([start + 1, start + value.length - 1]);
    offset = start + Buffer.byteLength(value) + 1;
  }
  return ranges;
}
