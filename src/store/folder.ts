/**
 * A ledger as a folder of files (ledger/FORMAT.md §Layout): its shard files, reading any file of it,
 * and storing an append's changes.
 */
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { CHECKPOINT_FILE, ENTRIES_DIR, HEAD_FILE, SHARDS_PER_DIR, shardPath } from "../ledger/layout.ts";
import type { LedgerFiles } from "./ledger-files.ts";

/** The ledger breaks a rule of its format; `where` is a file (and line) inside the ledger folder. */
export class LedgerInvalidError extends Error {
  override name = "LedgerInvalidError";
  readonly where: string;
  readonly seq: number | undefined;
  constructor(where: string, reason: string, seq?: number) {
    super(`${where}: ${reason}`);
    this.where = where;
    this.seq = seq;
  }
}

/** The ledger could not be read or written at all (missing folder, permissions, a full disk). */
export class LedgerIoError extends Error {
  override name = "LedgerIoError";
}

/** A ledger folder that does not exist is an I/O problem (exit 2), not an invalid ledger. */
export async function assertFolder(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new LedgerIoError(`${dir} is not a ledger folder: ${info ? "not a directory" : "no such directory"}`);
}

/** The shard files present, checked to be exactly shards 0…n-1 with nothing else beside them. */
export async function listShards(dir: string): Promise<string[]> {
  const root = join(dir, ENTRIES_DIR);
  if (!existsSync(root)) return [];
  const found = new Set<string>();
  for (const sub of await readdir(root, { withFileTypes: true })) {
    if (!sub.isDirectory()) throw new LedgerInvalidError(`${ENTRIES_DIR}/${sub.name}`, "unexpected file");
    for (const file of await readdir(join(root, sub.name))) found.add(`${ENTRIES_DIR}/${sub.name}/${file}`);
  }
  const numbered = new Map<number, string>();
  for (const path of found) {
    const m = /^entries\/(\d{3,})\/(\d{3})\.jsonl$/.exec(path);
    const shard = m ? Number(m[1]) * SHARDS_PER_DIR + Number(m[2]) : -1;
    if (shard < 0 || shardPath(shard) !== path) throw new LedgerInvalidError(path, "unexpected file: not a shard name");
    numbered.set(shard, path);
  }
  const expected = Array.from({ length: numbered.size === 0 ? 0 : Math.max(...numbered.keys()) + 1 }, (_, i) => shardPath(i));
  const missing = expected.find((p) => !found.has(p));
  if (missing) throw new LedgerInvalidError(missing, `shard file missing (the shards run to ${expected.at(-1)})`);
  return expected;
}

export interface SplitShard {
  /** The lines up to the first problem. */
  readonly lines: Buffer[];
  readonly problem?: LedgerInvalidError;
}

/** Splits a shard file into its lines, which must each end in a newline and be non-empty. */
export function splitShard(path: string, bytes: Buffer): SplitShard {
  const lines: Buffer[] = [];
  let start = 0;
  while (start < bytes.length) {
    const end = bytes.indexOf(10, start);
    if (end < 0) return { lines, problem: new LedgerInvalidError(`${path}:${lines.length + 1}`, "last line has no newline (truncated?)") };
    if (end === start) return { lines, problem: new LedgerInvalidError(`${path}:${lines.length + 1}`, "empty line") };
    lines.push(bytes.subarray(start, end));
    start = end + 1;
  }
  return { lines };
}

/** The lines of a shard file, or its first problem thrown. */
export function shardLinesOrThrow(path: string, bytes: Buffer): Buffer[] {
  const { lines, problem } = splitShard(path, bytes);
  if (problem) throw problem;
  return lines;
}

/** The ledger files in `dir`. */
export function folderFiles(dir: string): LedgerFiles {
  return {
    async read(path) {
      try {
        return await readFile(join(dir, path));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
        throw new LedgerIoError(`cannot read ${join(dir, path)}: ${(e as Error).message}`);
      }
    },
    // Local files are read when needed: there is no round trip to save.
    prefetch: async () => {},
  };
}

/** Where an append's files wait until all of them are written: the folder writer's journal. */
export const PENDING_DIR = ".pending";
const COMMIT_MARKER = "COMMIT";

/**
 * Stores an append's changes atomically. Every changed file is first written whole under .pending/,
 * then a COMMIT marker listing them; only then are they moved into place. A crash before the marker
 * leaves the ledger as it was (the journal is discarded); a crash after it is completed by
 * `recoverFolder`, which every append runs first.
 */
export async function writeChanges(dir: string, changes: ReadonlyMap<string, Buffer>): Promise<void> {
  if (changes.size === 0) return;
  const pending = join(dir, PENDING_DIR);
  try {
    await rm(pending, { recursive: true, force: true });
    for (const [path, content] of changes) {
      await mkdir(dirname(join(pending, path)), { recursive: true });
      await writeFile(join(pending, path), content);
    }
    // Checkpoint and head.json last: until they move, readers see the ledger as it was.
    const order = [...changes.keys()].sort((x, y) => rank(x) - rank(y));
    await writeFile(join(pending, COMMIT_MARKER), `${JSON.stringify(order)}\n`);
  } catch (e) {
    await rm(pending, { recursive: true, force: true }).catch(() => undefined);
    throw new LedgerIoError(`cannot write the ledger in ${dir}: ${(e as Error).message}`);
  }
  await recoverFolder(dir);
}

function rank(path: string): number {
  return path === CHECKPOINT_FILE ? 1 : path === HEAD_FILE ? 2 : 0;
}

/** Completes a committed journal, or discards an uncommitted one; a no-op when there is none. */
export async function recoverFolder(dir: string): Promise<void> {
  const pending = join(dir, PENDING_DIR);
  let order: string[];
  try {
    order = JSON.parse(await readFile(join(pending, COMMIT_MARKER), "utf8")) as string[];
  } catch {
    await rm(pending, { recursive: true, force: true });
    return;
  }
  try {
    for (const path of order) {
      const from = join(pending, path);
      if (!existsSync(from)) continue;
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await rename(from, join(dir, path));
    }
    await rm(pending, { recursive: true, force: true });
  } catch (e) {
    throw new LedgerIoError(`cannot complete the interrupted append in ${dir}: ${(e as Error).message}`);
  }
}
