/**
 * `verify` over a ledger folder: every rule of ledger/FORMAT.md §Verification, with the per-line work
 * spread over worker processes and joined here.
 */

import { fork } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { LedgerHead } from "../ledger/append.ts";
import type { CheckLevel } from "../ledger/check-lines.ts";
import { type Checkpoint, CheckpointError, parseCheckpoint } from "../ledger/checkpoint.ts";
import { sameHead } from "../ledger/head.ts";
import type { Keyring } from "../ledger/keyring.ts";
import type { Verifier } from "../ledger/keys.ts";
import { CHECKPOINT_FILE, HEAD_FILE, INDEX_DIR, indexLine, indexPath, KEYS_FILE, lineAt, SHARD_SIZE } from "../ledger/layout.ts";
import { CompactRange, consistencyProof, EMPTY_ROOT, ProofError, verifyConsistency } from "../ledger/merkle.ts";
import { NoteError, openNote } from "../ledger/note.ts";
import { checkRun, type RunResult, type RunTask } from "./check-run.ts";
import { assertFolder, folderFiles, LedgerInvalidError, listShards, PENDING_DIR } from "./folder.ts";
import { readState } from "./ledger-files.ts";

/** Shards per unit of work: 4096 lines, aligned, so each full run is one perfect Merkle subtree. */
const SHARDS_PER_RUN = 4096 / SHARD_SIZE;
const RUN_LINES = SHARDS_PER_RUN * SHARD_SIZE;
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
  for (let i = 0; i < shards.length; i += SHARDS_PER_RUN) {
    tasks.push({
      dir,
      shards: shards.slice(i, i + SHARDS_PER_RUN),
      startSeq: i * SHARD_SIZE,
      endsLedger: i + SHARDS_PER_RUN >= shards.length,
      keys: keyring.file,
      level,
    });
  }
  const workers = options.workers ?? (tasks.length >= PARALLEL_FROM_RUNS ? availableParallelism() : 0);
  const results = workers > 0 ? await runInWorkers(tasks, workers) : tasks.map((t) => checkRun(t, (p) => readFileSync(join(dir, p))));

  const range = new CompactRange();
  const seen = new Map<string, number>();
  const leaves: Buffer[] = [];
  let lastLeaf: Buffer | undefined;
  for (const r of results) {
    const boundary = r.count > 0 ? boundaryError(r, lastLeaf) : undefined;
    if (boundary) throw new LedgerInvalidError(locate(tasks, r.startSeq), boundary, r.startSeq);
    // In seq order, so that the first problem reported is the first in the ledger.
    let refAt = 0;
    for (const [i, id] of r.ids.entries()) {
      const seq = r.startSeq + i;
      const ref = r.refs[refAt];
      if (ref !== undefined && ref[0] === seq) {
        refAt++;
        if (!seen.has(ref[1])) throw new LedgerInvalidError(locate(tasks, seq), `ref ${ref[1]} names no earlier entry`, seq);
      }
      const first = seen.get(id);
      if (first !== undefined) throw new LedgerInvalidError(locate(tasks, seq), `id ${id} was already recorded at seq ${first}`, seq);
      seen.set(id, seq);
    }
    if (r.problem) throw new LedgerInvalidError(r.problem.where, r.problem.reason, r.problem.seq);
    range.extend(
      CompactRange.fromHashes(
        r.count,
        r.subtrees.map((h) => Buffer.from(h)),
      ),
    );
    if (r.count > 0) lastLeaf = Buffer.from(r.leaves.subarray((r.count - 1) * 32, r.count * 32));
    if (keepLeaves) for (let i = 0; i < r.count; i++) leaves.push(Buffer.from(r.leaves.subarray(i * 32, i * 32 + 32)));
  }

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
  if (level === "full") await checkIndex(dir, seen);
  for (const w of witnesses) checkWitness(w.path, w.checkpoint, checkpoint, leaves);
  return {
    origin: keyring.file.origin,
    size,
    checkpoint,
    checkpointNote,
    keyring,
    head,
    ids: [...seen.keys()],
    ...(options.keepLeaves ? { leaves } : {}),
    witnesses: witnesses.map((w) => ({ path: w.path, size: w.checkpoint.size })),
  };
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

/** The id index must list every entry's id and seq, in seq order, and nothing else. */
async function checkIndex(dir: string, ids: ReadonlyMap<string, number>): Promise<void> {
  const expected = new Map<string, string>();
  for (const [id, seq] of ids) {
    const path = indexPath(id);
    expected.set(path, (expected.get(path) ?? "") + indexLine(id, seq));
  }
  const present = await listIndex(dir);
  for (const path of present) {
    if (!expected.has(path)) throw new LedgerInvalidError(path, "lists ids that no entry has");
  }
  for (const [path, text] of expected) {
    if (!present.has(path)) throw new LedgerInvalidError(path, `missing: the index must list ${text.split("\n").length - 1} id(s) here`);
    if ((await readFile(join(dir, path), "utf8")) !== text) {
      throw new LedgerInvalidError(path, "does not list exactly the ids of the entries in its bucket, with their seqs, in seq order");
    }
  }
}

async function listIndex(dir: string): Promise<Set<string>> {
  const found = new Set<string>();
  const root = join(dir, INDEX_DIR);
  for (const sub of await readdir(root, { withFileTypes: true }).catch(() => [])) {
    if (!sub.isDirectory())
      throw new LedgerInvalidError(`${INDEX_DIR}/${sub.name}`, "unexpected file: the index holds only directories of buckets");
    for (const file of await readdir(join(root, sub.name))) found.add(`${INDEX_DIR}/${sub.name}/${file}`);
  }
  return found;
}

/** Runs tasks on a pool of worker processes, returning results in task order. */
async function runInWorkers(tasks: readonly RunTask[], workers: number): Promise<RunResult[]> {
  // From source the worker is TypeScript (node strips the types); in dist/ it is a sibling bundle.
  const path = fileURLToPath(new URL(import.meta.url.endsWith(".ts") ? "./verify-worker.ts" : "./verify-worker.js", import.meta.url));
  const results: RunResult[] = new Array(tasks.length);
  let next = 0;
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
            child.once("error", reject);
            child.once("exit", (code) => {
              if (next < tasks.length || code !== 0) reject(new Error(`a verification worker exited early (${code})`));
            });
            const feed = (): void => {
              if (next >= tasks.length) {
                resolve();
                return;
              }
              const index = next++;
              child.once("message", (r: RunResult) => {
                results[index] = r;
                feed();
              });
              child.send(tasks[index] as RunTask);
            };
            feed();
          }),
      ),
    );
  } finally {
    for (const child of pool) if (child.connected) child.disconnect();
  }
  return results;
}
