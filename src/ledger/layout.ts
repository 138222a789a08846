/**
 * Where things live in a ledger folder (ledger/FORMAT.md §Layout). Pure path arithmetic.
 */

export const CHECKPOINT_FILE = "checkpoint";
export const KEYS_FILE = "keys.json";
export const HEAD_FILE = "head.json";
export const ENTRIES_DIR = "entries";
/** Entries per shard file: a power of two, so shards line up with Merkle subtrees. */
export const SHARD_SIZE = 1024;
/** Shard files per directory, so no git tree object grows without bound either. */
export const SHARDS_PER_DIR = 1000;

/** The shard file holding `seq`, relative to the ledger folder, e.g. `entries/000/001.jsonl`. */
export function shardPath(shard: number): string {
  const dir = String(Math.floor(shard / SHARDS_PER_DIR)).padStart(3, "0");
  const file = String(shard % SHARDS_PER_DIR).padStart(3, "0");
  return `${ENTRIES_DIR}/${dir}/${file}.jsonl`;
}

export function shardOf(seq: number): number {
  return Math.floor(seq / SHARD_SIZE);
}

/** The number of shard files a ledger of `size` entries has. */
export function shardCount(size: number): number {
  return Math.ceil(size / SHARD_SIZE);
}
