/**
 * One unit of verification work: a run of consecutive shard files, read and checked line by line.
 * Runs the same in a worker process and in the calling one.
 */
import { type CheckLevel, checkLines } from "../ledger/check-lines.ts";
import { type Keyring, type KeysFile, openKeyring } from "../ledger/keyring.ts";
import type { Verifier } from "../ledger/keys.ts";
import { lineAt, SHARD_SIZE } from "../ledger/layout.ts";
import { LedgerInvalidError, splitShard } from "./folder.ts";

export interface RunTask {
  readonly dir: string;
  /** Shard paths, consecutive, the first holding `startSeq`. */
  readonly shards: readonly string[];
  readonly startSeq: number;
  /** Whether the run's last shard is the ledger's last, the only one allowed to be short. */
  readonly endsLedger: boolean;
  readonly keys: KeysFile;
  readonly level: CheckLevel;
  /** Whether to return every leaf hash, not just the last. */
  readonly keepLeaves: boolean;
}

/**
 * What the caller joins across runs, in few binary pieces: a million of anything else is slow to send
 * between processes. Buffers stay Buffers through the workers' advanced serialization.
 */
export interface RunResult {
  readonly startSeq: number;
  readonly count: number;
  readonly problem?: { readonly where: string; readonly seq: number; readonly reason: string };
  readonly firstPrev?: string;
  /** The leaf hash of the last line checked, when there is one. */
  readonly lastLeaf?: Buffer;
  /** Leaf hashes, 32 bytes each, when the task asked to keep them. */
  readonly leaves?: Buffer;
  readonly subtrees: readonly Buffer[];
  /** Ids packed as check-lines packs them. */
  readonly ids: Buffer;
  readonly refs: readonly (readonly [number, string])[];
}

export function checkRun(task: RunTask, read: (path: string) => Buffer): RunResult {
  // Opened on first use: only full checks need keys, and compiling the keys schema costs a fast
  // worker a fifth of a second.
  let keyring: Keyring | undefined;
  const keyFor = (seq: number): Verifier => {
    keyring ??= openKeyring(task.keys);
    return keyring.keyFor(seq);
  };
  const lines: Buffer[] = [];
  let fileProblem: LedgerInvalidError | undefined;
  let fileProblemSeq: number | undefined;
  for (const [i, path] of task.shards.entries()) {
    const { lines: split, problem } = splitShard(path, read(path));
    if (problem) {
      // The lines before the problem are still checked, so an earlier bad line is named first.
      lines.push(...split);
      fileProblem ??= problem;
      fileProblemSeq ??= task.startSeq + lines.length;
      break;
    }
    const last = task.endsLedger && i === task.shards.length - 1;
    if (split.length === 0 || split.length > SHARD_SIZE || (!last && split.length < SHARD_SIZE)) {
      // A line count off by one is usually a dropped or duplicated entry; the seq check names it
      // precisely, so the count is reported only when every line before it checks out.
      fileProblem ??= new LedgerInvalidError(
        path,
        `holds ${split.length} lines; every shard holds ${SHARD_SIZE} but the last, which holds 1 to ${SHARD_SIZE}`,
      );
      fileProblemSeq ??= task.startSeq + lines.length;
    }
    lines.push(...split);
  }
  const run = checkLines(lines, task.startSeq, keyFor, task.level, task.keepLeaves);
  const located = run.problem
    ? { where: lineAt(run.problem.seq), seq: run.problem.seq, reason: run.problem.reason }
    : fileProblem
      ? { where: fileProblem.where, seq: fileProblemSeq ?? task.startSeq, reason: fileProblem.message.slice(fileProblem.where.length + 2) }
      : undefined;
  return {
    startSeq: task.startSeq,
    count: run.count,
    ...(located ? { problem: located } : {}),
    ...(run.firstPrev !== undefined ? { firstPrev: run.firstPrev } : {}),
    ...(run.lastLeaf ? { lastLeaf: run.lastLeaf } : {}),
    ...(run.leaves ? { leaves: run.leaves } : {}),
    subtrees: run.subtrees,
    ids: run.ids,
    refs: run.refs,
  };
}
