/**
 * A ledger as a folder of files (ledger/FORMAT.md §Layout): reading what a verifier or writer needs,
 * and writing an append's result.
 */
import { existsSync } from "node:fs";
import { appendFile, mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { LedgerHead } from "../ledger/append.ts";
import { JsonSyntaxError, parseStrict } from "../ledger/json.ts";
import { type Keyring, KeyringError, type KeysFile, openKeyring } from "../ledger/keyring.ts";
import { CHECKPOINT_FILE, ENTRIES_DIR, HEAD_FILE, KEYS_FILE, SHARD_SIZE, shardOf, shardPath } from "../ledger/layout.ts";

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

async function readText(dir: string, file: string): Promise<string> {
  try {
    return await readFile(join(dir, file), "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new LedgerInvalidError(file, "missing");
    throw new LedgerIoError(`cannot read ${join(dir, file)}: ${(e as Error).message}`);
  }
}

async function readJson(dir: string, file: string): Promise<unknown> {
  const text = await readText(dir, file);
  try {
    return parseStrict(text);
  } catch (e) {
    if (e instanceof JsonSyntaxError) throw new LedgerInvalidError(`${file}:${e.line}:${e.column}`, e.reason);
    throw e;
  }
}

export async function readKeyring(dir: string): Promise<Keyring> {
  const value = await readJson(dir, KEYS_FILE);
  try {
    return openKeyring(value);
  } catch (e) {
    if (e instanceof KeyringError) throw new LedgerInvalidError(KEYS_FILE, e.message);
    throw e;
  }
}

export function readCheckpointNote(dir: string): Promise<string> {
  return readText(dir, CHECKPOINT_FILE);
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

const HEAD_VERSION = 1;

/** head.json: the writer's cache of the head, which verification recomputes and compares. */
export function formatHead(head: LedgerHead): string {
  return `${JSON.stringify({ v: HEAD_VERSION, size: head.size, range: head.range.map((h) => h.toString("base64")) }, null, 1)}\n`;
}

/** head.json's size and Merkle right edge. */
export async function readHeadFile(dir: string): Promise<{ size: number; range: Buffer[] }> {
  const value = (await readJson(dir, HEAD_FILE)) as { v?: unknown; size?: unknown; range?: unknown };
  if (value.v !== HEAD_VERSION || !Number.isSafeInteger(value.size) || !Array.isArray(value.range)) {
    throw new LedgerInvalidError(HEAD_FILE, "expected {v: 1, size, range}");
  }
  return { size: value.size as number, range: (value.range as unknown[]).map((h) => Buffer.from(String(h), "base64")) };
}

/** Writes a file by renaming a complete temporary copy over it, so readers never see half of it. */
async function replaceFile(path: string, content: string): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  await writeFile(tmp, content);
  await rename(tmp, path);
}

export interface FolderWrite {
  readonly keys?: KeysFile;
  /** Index of the first new line's seq. */
  readonly startSeq: number;
  readonly lines: readonly string[];
  readonly head: LedgerHead;
  readonly checkpoint: string;
}

/**
 * Stores an append: entries first, then head.json, then the checkpoint, so that a crash part-way
 * leaves a ledger whose checkpoint does not cover the new lines, which `verify` reports.
 */
export async function writeAppend(dir: string, w: FolderWrite): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    if (w.keys) await replaceFile(join(dir, KEYS_FILE), `${JSON.stringify(w.keys, null, 1)}\n`);
    let seq = w.startSeq;
    let i = 0;
    while (i < w.lines.length) {
      const shard = shardOf(seq);
      const take = Math.min(w.lines.length - i, SHARD_SIZE - (seq % SHARD_SIZE));
      const path = join(dir, shardPath(shard));
      await mkdir(dirname(path), { recursive: true });
      await appendFile(
        path,
        w.lines
          .slice(i, i + take)
          .map((l) => `${l}\n`)
          .join(""),
      );
      i += take;
      seq += take;
    }
    await replaceFile(join(dir, HEAD_FILE), formatHead(w.head));
    await replaceFile(join(dir, CHECKPOINT_FILE), w.checkpoint);
  } catch (e) {
    throw new LedgerIoError(`cannot write the ledger in ${dir}: ${(e as Error).message}`);
  }
}
