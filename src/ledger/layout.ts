/**
 * Where things live in a ledger folder (ledger/FORMAT.md §Layout). Pure path arithmetic.
 */

export const CHECKPOINT_FILE = "checkpoint";
export const KEYS_FILE = "keys.json";
export const HEAD_FILE = "head.json";
export const ENTRIES_DIR = "entries";
/**
 * Entries per shard file: a power of two, so shards line up with Merkle subtrees; and small, because
 * a writer fetches and rewrites the newest shard whole on every append.
 */
export const SHARD_SIZE = 256;
/** Shard files per directory, so that no git tree object a writer fetches grows without bound either. */
export const SHARDS_PER_DIR = 256;

/** Shard file number `shard`, relative to the ledger folder, e.g. `entries/000/001.jsonl`. */
export function shardPath(shard: number): string {
  const dir = String(Math.floor(shard / SHARDS_PER_DIR)).padStart(3, "0");
  const file = String(shard % SHARDS_PER_DIR).padStart(3, "0");
  return `${ENTRIES_DIR}/${dir}/${file}.jsonl`;
}

export function shardOf(seq: number): number {
  return Math.floor(seq / SHARD_SIZE);
}

/** `file:line` of the entry at `seq`, where every shard before it is full. */
export function lineAt(seq: number): string {
  return `${shardPath(shardOf(seq))}:${(seq % SHARD_SIZE) + 1}`;
}

/** The number of shard files a ledger of `size` entries has. */
export function shardCount(size: number): number {
  return Math.ceil(size / SHARD_SIZE);
}

export const INDEX_DIR = "index";

/**
 * The id index bucket that lists `id`: 65,536 buckets, two directory levels of 256, so a writer
 * checks a fact for replay by fetching one small file and two bounded tree objects.
 */
export function indexPath(id: string): string {
  return `${INDEX_DIR}/${id.slice(0, 2)}/${id.slice(2, 4)}.ids`;
}

/** One index line: the id and the seq of the entry that records it. */
export function indexLine(id: string, seq: number): string {
  return `${id} ${seq}\n`;
}

export const RULES_DIR = "rules";

/** Where the rules document with content hash `sha256:<hex>` is stored. */
export function rulesPath(hash: string): string {
  return `${RULES_DIR}/${hash.replace(/^sha256:/, "")}.json`;
}

export const SUBJECTS_DIR = "subjects";

/**
 * The subject index file of pull request or issue `number` of repository `repoId`: the seqs of the
 * entries about it, so that a writer finds everything recorded for one pull request by reading one
 * file. Numbers are grouped 256 to a directory, so no tree object a writer fetches grows unbounded.
 */
export function subjectPath(repoId: number, number: number): string {
  return `${SUBJECTS_DIR}/${repoId}/${Math.floor(number / SHARDS_PER_DIR)}/${number}.seqs`;
}
