/**
 * Reading a ledger folder's entries in seq order, for the commands that look at their content
 * (explain, recompute, simulate) after verification has vouched for the bytes.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Entry } from "../ledger/entry.ts";
import { listShards, shardLinesOrThrow } from "./folder.ts";

export async function* readEntries(dir: string): AsyncGenerator<Entry> {
  for (const path of await listShards(dir)) {
    const lines = shardLinesOrThrow(path, await readFile(join(dir, path)));
    for (const line of lines) yield JSON.parse(line.toString("utf8")) as Entry;
  }
}

export async function allEntries(dir: string): Promise<Entry[]> {
  const out: Entry[] = [];
  for await (const e of readEntries(dir)) out.push(e);
  return out;
}
