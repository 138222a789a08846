/**
 * A ledger as a folder of files (ledger/FORMAT.md §Layout): its shard files, reading any file of it,
 * and storing an append's changes.
 */
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { CHECKPOINT_FILE, ENTRIES_DIR, HEAD_FILE, shardPath } from "../ledger/layout.ts";
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
  const expected = Array.from({ length: found.size }, (_, i) => shardPath(i));
  const missing = expected.find((p) => !found.has(p));
  if (missing) {
    const stray = [...found].find((p) => !expected.includes(p));
    throw new LedgerInvalidError(missing, `shard file missing${stray ? ` (and ${stray} is not a shard name)` : ""}`);
  }
  return expected;
}

/** Splits a shard file into its lines, which must each end in a newline and be non-empty. */
export function splitShard(path: string, bytes: Buffer): Buffer[] | LedgerInvalidError {
  const lines: Buffer[] = [];
  let start = 0;
  while (start < bytes.length) {
    const end = bytes.indexOf(10, start);
    if (end < 0) return new LedgerInvalidError(`${path}:${lines.length + 1}`, "last line has no newline (truncated?)");
    if (end === start) return new LedgerInvalidError(`${path}:${lines.length + 1}`, "empty line");
    lines.push(bytes.subarray(start, end));
    start = end + 1;
  }
  return lines;
}

/** Writes a file by renaming a complete temporary copy over it, so readers never see half of it. */
async function replaceFile(path: string, content: Buffer): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  await mkdir(dirname(path), { recursive: true });
  await writeFile(tmp, content);
  await rename(tmp, path);
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

/**
 * Stores an append's changes, each file replaced whole: entries and index first, then the checkpoint,
 * then head.json. A crash before the checkpoint leaves lines past the head, which the next append
 * drops; a crash after it leaves head.json behind the checkpoint, which the next append rolls forward.
 */
export async function writeChanges(dir: string, changes: ReadonlyMap<string, Buffer>): Promise<void> {
  const last = [CHECKPOINT_FILE, HEAD_FILE];
  try {
    for (const [path, content] of changes) if (!last.includes(path)) await replaceFile(join(dir, path), content);
    for (const path of last) {
      const content = changes.get(path);
      if (content) await replaceFile(join(dir, path), content);
    }
  } catch (e) {
    throw new LedgerIoError(`cannot write the ledger in ${dir}: ${(e as Error).message}`);
  }
}
