/**
 * `verify` over a ledger folder: every rule of ledger/FORMAT.md §Verification, with the per-line work
 * spread over worker processes and joined here.
 */

import { fork } from "node:child_process";
import { randomInt } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { LedgerHead } from "../ledger/append.ts";
import { type CheckLevel, ID_BYTES, packedIds, packId, unpackId } from "../ledger/check-lines.ts";
import { type Checkpoint, CheckpointError, parseCheckpoint } from "../ledger/checkpoint.ts";
import { sameHead } from "../ledger/head.ts";
import type { Keyring } from "../ledger/keyring.ts";
import type { Verifier } from "../ledger/keys.ts";
import { CHECKPOINT_FILE, HEAD_FILE, KEYS_FILE, lineAt, SHARD_SIZE } from "../ledger/layout.ts";
import { CompactRange, consistencyProof, EMPTY_ROOT, HASH_SIZE, ProofError, verifyConsistency } from "../ledger/merkle.ts";
import { NoteError, openNote } from "../ledger/note.ts";
import { checkRun, type RunResult, type RunTask } from "./check-run.ts";
import { assertFolder, folderFiles, LedgerInvalidError, listShards, PENDING_DIR } from "./folder.ts";
import { IndexReader } from "./index-check.ts";
import { type LedgerState, readState } from "./ledger-files.ts";

/**
 * Shards per unit of work, aligned, so that each full run is one perfect Merkle subtree. Runs of 1024
 * lines are short enough at level full (a fifth of a second) that no worker idles long while another
 * finishes the last one, and small enough at level fast that a run's result (its packed ids) passes
 * through the pipe to this process in one write: a worker flushes its results only between runs, and
 * with runs of 4096 lines it kept running out of work while a result was still in the pipe.
 */
const RUN_SHARDS = 1024 / SHARD_SIZE;
const RUN_LINES = RUN_SHARDS * SHARD_SIZE;
const WORDS_PER_ID = ID_BYTES / 4;
/** Below this many runs, starting worker processes costs more than it saves. */
const PARALLEL_FROM_RUNS = 3;

export interface WitnessFile {
  readonly path: string;
  readonly note: string;
}

export interface VerifyOptions {
  readonly level?: CheckLevel;
  /** Older checkpoints the ledger must still extend. */
  readonly witnesses?: readonly WitnessFile[];
  /** Keep every leaf hash in the result (for proofs). */
  readonly keepLeaves?: boolean;
  /** Worker processes; 0 checks in this process. Default: one per core for all but small ledgers. */
  readonly workers?: number;
  /**
   * Verifier keys the caller trusts, learnt out of band: the ledger's current key must be one of them.
   * Without them, verification trusts keys.json, which anyone with push access could replace.
   */
  readonly trusted?: readonly Verifier[];
}

export interface VerifiedLedger {
  readonly origin: string;
  readonly size: number;
  readonly checkpoint: Checkpoint;
  readonly checkpointNote: string;
  readonly keyring: Keyring;
  /** What a writer needs to extend the ledger. */
  readonly head: LedgerHead;
  /** Entry ids in seq order. */
  readonly ids: readonly string[];
  readonly leaves?: readonly Buffer[];
  /** The witness checkpoints the ledger was shown to extend, with their sizes. */
  readonly witnesses: readonly { readonly path: string; readonly size: number }[];
}

/** Verifies the ledger in `dir`; throws LedgerInvalidError naming the first problem. */
export async function verifyFolder(dir: string, options: VerifyOptions = {}): Promise<VerifiedLedger> {
  const level = options.level ?? "full";
  await assertFolder(dir);
  if (existsSync(join(dir, PENDING_DIR))) {
    throw new LedgerInvalidError(PENDING_DIR, "an append was interrupted; run meritlog append (with no input) to complete or discard it");
  }
  const state = await readState(folderFiles(dir));
  if (!state) throw new LedgerInvalidError(KEYS_FILE, "missing: this folder holds no ledger");
  const { keyring, checkpoint, checkpointNote } = state;
  if (options.trusted && !options.trusted.some((t) => t.vkey === keyring.current.vkey)) {
    throw new LedgerInvalidError(KEYS_FILE, `the ledger's current key ${keyring.current.vkey} is not one of the trusted keys given`);
  }
  // Old checkpoints may be signed by any key the ledger has had, retired ones included.
  const witnesses = (options.witnesses ?? []).map((w) => ({
    path: w.path,
    checkpoint: openCheckpoint(w.note, keyring, w.path, keyring.verifiers),
  }));
  const keepLeaves = options.keepLeaves === true || witnesses.some((w) => w.checkpoint.size > 0 && w.checkpoint.size < checkpoint.size);

  const shards = await listShards(dir);
  const tasks: RunTask[] = [];
  for (let i = 0; i < shards.length; i += RUN_SHARDS) {
    tasks.push({
      dir,
      shards: shards.slice(i, i + RUN_SHARDS),
      startSeq: i * SHARD_SIZE,
      endsLedger: i + RUN_SHARDS >= shards.length,
      keys: keyring.file,
      level,
      keepLeaves,
    });
  }
  const workers = options.workers ?? (tasks.length >= PARALLEL_FROM_RUNS ? availableParallelism() : 0);
  // Read while the entries are checked: the index is many small files, and the workers leave this
  // process idle.
  const index = level === "full" ? new IndexReader(dir) : undefined;
  let joined: RunJoin;
  let head: LedgerHead;
  try {
    ({ joined, head } = await checkEntries(tasks, workers, state));
    await index?.check(joined.ids.packed, head.size);
  } finally {
    index?.stop();
  }
  const { ids: seen, leaves } = joined;
  const { size } = head;
  for (const w of witnesses) checkWitness(w.path, w.checkpoint, checkpoint, leaves);
  let ids: string[] | undefined;
  return {
    origin: keyring.file.origin,
    size,
    checkpoint,
    checkpointNote,
    keyring,
    head,
    // Made when asked for: few callers want a million strings.
    get ids() {
      ids ??= Array.from({ length: size }, (_, seq) => seen.idAt(seq));
      return ids;
    },
    ...(options.keepLeaves ? { leaves } : {}),
    witnesses: witnesses.map((w) => ({ path: w.path, size: w.checkpoint.size })),
  };
}

/**
 * Checks every run and joins them, then what they add up to against the checkpoint and head.json:
 * everything about the entries but the id index.
 */
async function checkEntries(
  tasks: readonly RunTask[],
  workers: number,
  state: LedgerState,
): Promise<{ joined: RunJoin; head: LedgerHead }> {
  const { checkpoint, keyring } = state;
  const joined = new RunJoin(tasks);
  const take = (r: RunResult): void => joined.take(r);
  if (workers > 0) await runInWorkers(tasks, workers, take);
  else for (const t of tasks) take(checkRun(t, (p) => readFileSync(join(t.dir, p))));
  if (joined.problem) throw joined.problem;
  const { range, lastLeaf } = joined;
  const size = range.size;
  if (size < checkpoint.size) {
    throw new LedgerInvalidError(
      size === 0 ? "entries" : locate(tasks, size - 1),
      `the checkpoint covers ${checkpoint.size} entries but only ${size} are present: seq ${size} onward is missing`,
      size,
    );
  }
  if (size > checkpoint.size) {
    throw new LedgerInvalidError(
      locate(tasks, checkpoint.size),
      `${size} entries are present but the checkpoint covers only ${checkpoint.size}: seq ${checkpoint.size} onward is not checkpointed`,
      checkpoint.size,
    );
  }
  const root = range.root();
  if (!root.equals(checkpoint.root)) {
    throw new LedgerInvalidError(
      CHECKPOINT_FILE,
      `root ${checkpoint.root.toString("base64")} is not the Merkle root of the entries (${root.toString("base64")}): the checkpoint is for another tree`,
    );
  }
  const head: LedgerHead = { origin: keyring.file.origin, size, range: range.hashes, ...(lastLeaf ? { last: lastLeaf } : {}) };
  if (!sameHead(state.head, head)) {
    throw new LedgerInvalidError(HEAD_FILE, "does not match the entries' size, Merkle right edge and last leaf hash");
  }
  return { joined, head };
}

/**
 * Joins run results, taken in seq order, into the ledger-wide checks: the chain across boundaries,
 * unique ids and backward refs, and the Merkle range. A problem is kept, not thrown, so that every
 * run is still checked and one that cannot be read fails verification as before.
 */
class RunJoin {
  readonly range = new CompactRange();
  readonly ids: IdTable;
  readonly leaves: Buffer[] = [];
  lastLeaf: Buffer | undefined;
  /** The first problem in seq order; no run after it is joined. */
  problem: LedgerInvalidError | undefined;

  private readonly tasks: readonly RunTask[];

  constructor(tasks: readonly RunTask[]) {
    this.tasks = tasks;
    this.ids = new IdTable(tasks.length * RUN_LINES);
  }

  take(r: RunResult): void {
    this.problem ??= this.join(r);
  }

  private join(r: RunResult): LedgerInvalidError | undefined {
    const boundary = r.count > 0 ? boundaryError(r, this.lastLeaf) : undefined;
    if (boundary) return new LedgerInvalidError(locate(this.tasks, r.startSeq), boundary, r.startSeq);
    const bad = this.ids.recordRun(r);
    if (bad) return new LedgerInvalidError(locate(this.tasks, bad.seq), bad.reason, bad.seq);
    if (r.problem) return new LedgerInvalidError(r.problem.where, r.problem.reason, r.problem.seq);
    this.range.extend(CompactRange.fromHashes(r.count, r.subtrees));
    if (r.lastLeaf) this.lastLeaf = r.lastLeaf;
    if (r.leaves) for (let i = 0; i < r.count; i++) this.leaves.push(r.leaves.subarray(i * HASH_SIZE, (i + 1) * HASH_SIZE));
    return undefined;
  }
}

function boundaryError(r: RunResult, lastLeaf: Buffer | undefined): string | undefined {
  if (r.startSeq === 0) return r.firstPrev === undefined ? undefined : "prev must be absent at seq 0";
  const expected = lastLeaf?.toString("hex");
  if (r.firstPrev !== expected) return `prev is ${String(r.firstPrev)}, but the leaf hash of seq ${r.startSeq - 1} is ${String(expected)}`;
  return undefined;
}

/** file:line of `seq` among the shards present, or the entries folder when it is past them. */
function locate(tasks: readonly RunTask[], seq: number): string {
  return tasks[Math.floor(seq / RUN_LINES)]?.shards[Math.floor((seq % RUN_LINES) / SHARD_SIZE)] ? lineAt(seq) : "entries";
}

function openCheckpoint(note: string, keyring: Keyring, where: string, signers: readonly Verifier[]): Checkpoint {
  let checkpoint: Checkpoint;
  try {
    checkpoint = parseCheckpoint(openNote(note, signers).text);
  } catch (e) {
    if (e instanceof NoteError || e instanceof CheckpointError) throw new LedgerInvalidError(where, e.message);
    throw e;
  }
  if (checkpoint.origin !== keyring.file.origin) {
    throw new LedgerInvalidError(where, `origin '${checkpoint.origin}' is not this ledger's origin '${keyring.file.origin}'`);
  }
  return checkpoint;
}

/** Checks that the ledger extends an older checkpoint, by an RFC 6962 consistency proof. */
function checkWitness(path: string, old: Checkpoint, current: Checkpoint, leaves: readonly Buffer[]): void {
  if (old.size > current.size) {
    throw new LedgerInvalidError(path, `witness covers ${old.size} entries but the ledger has only ${current.size}: history was truncated`);
  }
  try {
    if (old.size === 0) {
      if (!old.root.equals(EMPTY_ROOT)) throw new ProofError("a checkpoint of size 0 must carry the empty-tree root");
    } else {
      const proof = old.size === current.size ? [] : consistencyProof(leaves, old.size, current.size);
      verifyConsistency(old.size, current.size, old.root, current.root, proof);
    }
  } catch (e) {
    if (!(e instanceof ProofError)) throw e;
    throw new LedgerInvalidError(
      path,
      `the ledger does not extend this checkpoint of size ${old.size}: history was rewritten (${e.message})`,
    );
  }
}

/**
 * The ids of the entries checked so far, for the duplicate and ref checks: each run's packed ids,
 * indexed by an open-addressing hash table. A Map of a million id strings, and sending those strings
 * from the workers, cost more than all the hashing of the lines.
 */
class IdTable {
  /** The packed ids of seq 0 onward, as words for hashing and comparing: one allocation, not one per run. */
  private words = new Int32Array(0);
  private bytes = Buffer.alloc(0);
  /** Random multipliers, one per word of an id, so that crafted ids cannot pile into one slot. */
  private readonly keys = Int32Array.from({ length: WORDS_PER_ID }, () => randomInt(2 ** 32) | 1);
  /**
   * Per slot, seq + 1 of the id in it (0 when empty), then that id's hash, to skip most comparisons:
   * side by side, so that a probe touches one cache line of a table too large for any cache.
   */
  private table = new Int32Array(0);
  /** 32 − log2(slots), for multiply-shift: a hash's top bits pick its slot. */
  private shift = 32;
  /** Ids recorded, which are those of seq 0 … size − 1. */
  size = 0;

  /** A table for `capacity` ids, which grows if a run holds more lines than its shards should. */
  constructor(capacity: number) {
    this.reserve(capacity);
  }

  /**
   * Records the ids of run `r`, the next, in seq order, up to the first that is recorded already or
   * whose entry refs an id not recorded before it: then returns where and why.
   */
  recordRun(r: RunResult): { seq: number; reason: string } | undefined {
    this.reserve(r.startSeq + r.count);
    this.bytes.set(r.ids, r.startSeq * ID_BYTES);
    let refAt = 0;
    for (let seq = r.startSeq; seq < r.startSeq + r.count; seq++) {
      const ref = r.refs[refAt];
      if (ref !== undefined && ref[0] === seq) {
        refAt++;
        if (!this.has(ref[1])) return { seq, reason: `ref ${ref[1]} names no earlier entry` };
      }
      const first = this.add(seq, this.hash(this.words, seq));
      if (first >= 0) return { seq, reason: `id ${this.idAt(seq)} was already recorded at seq ${first}` };
      this.size++;
    }
    return undefined;
  }

  /** The ids recorded, packed. */
  get packed(): Buffer {
    return this.bytes.subarray(0, this.size * ID_BYTES);
  }

  /** The id at `seq`, of a run recorded. */
  idAt(seq: number): string {
    return unpackId(this.bytes, seq);
  }

  private has(id: string): boolean {
    const key = packedIds(1);
    packId(key, 0, id);
    const words = new Int32Array(WORDS_PER_ID);
    Buffer.from(words.buffer).set(key);
    return this.find(words, 0, this.hash(words, 0)) >= 0;
  }

  private hash(words: Int32Array, index: number): number {
    const keys = this.keys;
    const at = index * WORDS_PER_ID;
    let h = 0;
    for (let w = 0; w < WORDS_PER_ID; w++) h = (h + Math.imul(words[at + w] as number, keys[w] as number)) | 0;
    return h;
  }

  /** The seq of id `index` of `words`, if recorded; −1 otherwise. */
  private find(words: Int32Array, index: number, hash: number): number {
    const { table } = this;
    const mask = table.length / 2 - 1;
    for (let slot = hash >>> this.shift; ; slot = (slot + 1) & mask) {
      const entry = table[2 * slot] as number;
      if (entry === 0) return -1;
      if (table[2 * slot + 1] === hash && this.sameId(entry - 1, words, index)) return entry - 1;
    }
  }

  /** Adds the id at `seq` unless an equal one is recorded: then returns that one's seq, else −1. */
  private add(seq: number, hash: number): number {
    const { table } = this;
    const mask = table.length / 2 - 1;
    let slot = hash >>> this.shift;
    for (let entry = table[2 * slot] as number; entry !== 0; entry = table[2 * slot] as number) {
      if (table[2 * slot + 1] === hash && this.sameId(entry - 1, this.words, seq)) return entry - 1;
      slot = (slot + 1) & mask;
    }
    table[2 * slot] = seq + 1;
    table[2 * slot + 1] = hash;
    return -1;
  }

  private sameId(seq: number, words: Int32Array, index: number): boolean {
    for (let w = 0; w < WORDS_PER_ID; w++) if (this.words[seq * WORDS_PER_ID + w] !== words[index * WORDS_PER_ID + w]) return false;
    return true;
  }

  /** Makes room for the ids of seq 0 … capacity − 1, in a table at most half full. */
  private reserve(capacity: number): void {
    if (capacity * WORDS_PER_ID <= this.words.length) return;
    const words = new Int32Array(capacity * WORDS_PER_ID);
    words.set(this.words);
    this.words = words;
    this.bytes = Buffer.from(words.buffer);
    const bits = Math.ceil(Math.log2(2 * capacity));
    this.table = new Int32Array(2 * 2 ** bits);
    this.shift = 32 - bits;
    for (let seq = 0; seq < this.size; seq++) this.add(seq, this.hash(words, seq));
  }
}

/**
 * Each worker is sent this many tasks ahead while enough remain, so that it never waits for its next
 * one: this process shares the cores with the workers, and at level fast, where a run takes a few
 * milliseconds, it is not always scheduled in time to send one more.
 */
const HOLD = 3;

/**
 * Runs tasks on a pool of worker processes, handing each result to `take` in task order as soon as
 * those before it are in.
 */
async function runInWorkers(tasks: readonly RunTask[], workers: number, take: (r: RunResult) => void): Promise<void> {
  // From source the worker is TypeScript (node strips the types); in dist/ it is a sibling bundle.
  const path = fileURLToPath(new URL(import.meta.url.endsWith(".ts") ? "./verify-worker.ts" : "./verify-worker.js", import.meta.url));
  const done = new Map<number, RunResult>();
  let next = 0;
  let taken = 0;
  const pool = Array.from({ length: Math.min(workers, tasks.length) }, () =>
    fork(path, [], {
      serialization: "advanced",
      stdio: ["ignore", "inherit", "inherit", "ipc"],
      execArgv: ["--disable-warning=ExperimentalWarning"],
    }),
  );
  try {
    await Promise.all(
      pool.map(
        (child) =>
          new Promise<void>((resolve, reject) => {
            const held: number[] = [];
            const feed = (): void => {
              if (next < tasks.length) {
                held.push(next);
                child.send(tasks[next++] as RunTask);
              } else if (held.length === 0) resolve();
            };
            child.once("error", reject);
            child.once("exit", (code) => {
              if (held.length > 0 || next < tasks.length || code !== 0) reject(new Error(`a verification worker exited early (${code})`));
            });
            // Up to HOLD tasks are held while many are left, fewer towards the end, where a worker
            // holding several would leave another idle for whole runs.
            const feedAhead = (): void => {
              if (held.length === 0) feed();
              while (held.length < HOLD && next < tasks.length && tasks.length - next >= pool.length * held.length) feed();
            };
            child.on("message", (r: RunResult) => {
              done.set(held.shift() as number, r);
              for (let d = done.get(taken); d !== undefined; d = done.get(taken)) {
                done.delete(taken++);
                take(d);
              }
              feedAhead();
            });
            feedAhead();
          }),
      ),
    );
  } finally {
    for (const child of pool) if (child.connected) child.disconnect();
  }
}
