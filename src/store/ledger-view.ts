/**
 * Read-only lookups a writer needs before it scores: an entry by the id of its fact (through the id
 * index, one small file), and the entries of the recent past (the newest shards, walked back). Both
 * read a bounded number of files whatever the ledger's size.
 */
import type { Checkpoint } from "../ledger/checkpoint.ts";
import type { Entry } from "../ledger/entry.ts";
import { indexPath, SHARD_SIZE, shardOf, shardPath, subjectPath } from "../ledger/layout.ts";
import { shardLinesOrThrow } from "./folder.ts";
import { type LedgerFiles, parseIndexBucket, parseSubjectFile, readState } from "./ledger-files.ts";

/** Sources that append facts after the time they happened. */
const LATE_SOURCES: ReadonlySet<string> = new Set(["backfill", "reconcile", "rescore", "manual"]);

/** Shards fetched together when walking back. */
const WALK_BATCH = 8;

export class LedgerView {
  readonly #shards = new Map<number, Entry[]>();

  readonly files: LedgerFiles;
  /** The signed checkpoint; undefined for a ledger not yet created. */
  readonly checkpoint: Checkpoint | undefined;
  /** Entries in the ledger: the signed checkpoint's size. */
  readonly size: number;

  private constructor(files: LedgerFiles, checkpoint: Checkpoint | undefined) {
    this.files = files;
    this.checkpoint = checkpoint;
    this.size = checkpoint?.size ?? 0;
  }

  static async open(files: LedgerFiles): Promise<LedgerView> {
    return new LedgerView(files, (await readState(files))?.checkpoint);
  }

  async #shard(n: number): Promise<Entry[]> {
    const cached = this.#shards.get(n);
    if (cached) return cached;
    const path = shardPath(n);
    const bytes = await this.files.read(path);
    const count = Math.min(SHARD_SIZE, this.size - n * SHARD_SIZE);
    const entries = bytes
      ? shardLinesOrThrow(path, bytes)
          .slice(0, count)
          .map((l) => JSON.parse(l.toString("utf8")) as Entry)
      : [];
    this.#shards.set(n, entries);
    return entries;
  }

  /** The entries recording these ids, where the ledger has them; one round trip for all the index files. */
  async byIds(ids: readonly string[]): Promise<Map<string, Entry>> {
    const paths = [...new Set(ids.map(indexPath))];
    await this.files.prefetch(paths);
    const seqs = new Map<string, number>();
    for (const path of paths) {
      const bytes = await this.files.read(path);
      if (!bytes) continue;
      for (const [id, seq] of parseIndexBucket(path, bytes)) if (seq < this.size && ids.includes(id)) seqs.set(id, seq);
    }
    await this.files.prefetch([...new Set([...seqs.values()].map((s) => shardPath(shardOf(s))))]);
    const out = new Map<string, Entry>();
    for (const [id, seq] of seqs) {
      const entry = (await this.#shard(shardOf(seq)))[seq % SHARD_SIZE];
      if (entry?.id === id) out.set(id, entry);
    }
    return out;
  }

  /**
   * Every entry about pull request or issue `number` of repository `repoId`, through the subject index;
   * each is checked to be about it, since the index is derived data.
   */
  async subject(repoId: number, number: number): Promise<Entry[]> {
    const path = subjectPath(repoId, number);
    const seqs = parseSubjectFile(path, await this.files.read(path)).filter((s) => s < this.size);
    await this.files.prefetch([...new Set(seqs.map((s) => shardPath(shardOf(s))))]);
    const out: Entry[] = [];
    for (const seq of seqs) {
      const e = (await this.#shard(shardOf(seq)))[seq % SHARD_SIZE];
      if (e && e.repo.id === repoId && e.subject.number === number) out.push(e);
    }
    return out;
  }

  /** The entries at seq `from` … `to` − 1 (as far as the ledger goes). */
  async range(from: number, to: number): Promise<Entry[]> {
    const end = Math.min(to, this.size);
    if (end <= from) return [];
    const shards = Array.from({ length: shardOf(end - 1) - shardOf(from) + 1 }, (_, i) => shardOf(from) + i);
    await this.files.prefetch(shards.map(shardPath));
    const out: Entry[] = [];
    for (const n of shards) for (const e of await this.#shard(n)) if (e.seq >= from && e.seq < end) out.push(e);
    return out;
  }

  /**
   * Every entry whose time is at or after `since`, walking back from the newest shard. Live events
   * are appended in the order they happen, so the walk ends at a shard whose live entries are all
   * older; entries a backfill or reconcile appended late carry old times and never end it.
   */
  async since(since: string): Promise<Entry[]> {
    const out: Entry[][] = [];
    const newest = shardOf(this.size - 1);
    for (let n = newest; n >= 0 && this.size > 0; n--) {
      // Shards come in batches: one fetch round trip per batch, not per shard.
      if ((newest - n) % WALK_BATCH === 0) {
        await this.files.prefetch(Array.from({ length: Math.min(WALK_BATCH, n + 1) }, (_, i) => shardPath(n - i)));
      }
      const shard = await this.#shard(n);
      out.unshift(shard.filter((e) => e.time >= since));
      const live = shard.filter((e) => !LATE_SOURCES.has(e.source.event));
      if (live.length > 0 && live.every((e) => e.time < since)) break;
    }
    return out.flat();
  }
}
