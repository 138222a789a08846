/**
 * The id index check of verification at level full (ledger/FORMAT.md §2.3, §11 check 26): every
 * bucket file is byte for byte what the entries' ids give, and nothing else is under `index/`.
 */
import { closeSync, type Dirent, openSync, readdirSync, readSync } from "node:fs";
import { join } from "node:path";
import { ID_BYTES } from "../ledger/check-lines.ts";
import { INDEX_DIR, indexPath } from "../ledger/layout.ts";
import { LedgerInvalidError } from "./folder.ts";

const BUCKETS = 0x10000;
const BUCKET_NAME = /^[0-9a-f]{2}$/;
const BUCKET_FILE = /^[0-9a-f]{2}\.ids$/;
const SPACE = 0x20;
const LF = 0x0a;
const ZERO = 0x30;

/** The value of each lowercase hex digit's byte. */
const HEX = new Uint8Array(256);
for (let d = 0; d < 16; d++) HEX[d.toString(16).charCodeAt(0)] = d;

/**
 * Reads the buckets while the entries are checked, a directory per turn of the event loop: they are
 * tens of thousands of small files, read synchronously because a promise per file costs more than
 * checking a line at level fast. They are compared once every id is known, line by line against the
 * packed ids, without building the text each bucket must hold.
 */
export class IndexReader {
  /** Every bucket file's bytes, back to back. */
  private arena = Buffer.allocUnsafe(1 << 20);
  private used = 0;
  /** Per bucket number, where its bytes start in the arena; −1 while no file is read for it. */
  private readonly start = new Float64Array(BUCKETS).fill(-1);
  private readonly length = new Uint32Array(BUCKETS);
  /** Buckets whose file could not be read, and why. */
  private readonly unreadable = new Map<number, Error>();
  /** Files whose names are no bucket's. */
  private readonly strays: string[] = [];
  private readonly done: Promise<unknown>;
  private stopped = false;

  constructor(dir: string) {
    // Kept, not thrown: a problem with the index is reported only after every other check passes.
    this.done = this.read(dir).catch((e: unknown) => e);
  }

  /** Ends the reading early, when verification fails before the index is needed. */
  stop(): void {
    this.stopped = true;
  }

  /**
   * The index must list the id of every seq below `size` with its seq, in seq order, and nothing else.
   * `ids` holds those ids packed (ID_BYTES each), every one lowercase hex, as the entry schema requires.
   */
  async check(ids: Buffer, size: number): Promise<void> {
    const failure = await this.done;
    if (failure) throw failure;
    const stray = this.strays[0];
    if (stray !== undefined) throw new LedgerInvalidError(stray, "lists ids that no entry has");
    const bucketOf = new Uint16Array(size);
    const counts = new Uint32Array(BUCKETS);
    for (let seq = 0; seq < size; seq++) {
      const bucket = bucketNumber(ids, seq * ID_BYTES);
      bucketOf[seq] = bucket;
      counts[bucket] = (counts[bucket] as number) + 1;
    }
    for (let bucket = 0; bucket < BUCKETS; bucket++) {
      if ((this.start[bucket] as number) >= 0 && counts[bucket] === 0)
        throw new LedgerInvalidError(bucketPath(bucket), "lists ids that no entry has");
    }
    // Where in the arena each bucket's next line must begin, as the seqs are taken in order.
    const next = Float64Array.from(this.start);
    for (let seq = 0; seq < size; seq++) {
      const bucket = bucketOf[seq] as number;
      const at = next[bucket] as number;
      if (at < 0) throw this.absent(bucket, counts[bucket] as number);
      const end = this.lineEnd(at, this.end(bucket), ids, seq);
      if (end < 0) throw notExactly(bucket);
      next[bucket] = end;
    }
    for (let bucket = 0; bucket < BUCKETS; bucket++) {
      if (counts[bucket] !== 0 && next[bucket] !== (this.start[bucket] as number) + (this.length[bucket] as number))
        throw notExactly(bucket);
    }
  }

  /**
   * Where the line after the one at `at` begins, if that one is `id ‖ SP ‖ decimal(seq) ‖ LF` for the
   * id of `seq` in `ids` and ends by `limit`; −1 if not.
   */
  private lineEnd(at: number, limit: number, ids: Buffer, seq: number): number {
    const arena = this.arena;
    const digits = at + ID_BYTES + 1;
    if (
      digits >= limit ||
      arena[digits - 1] !== SPACE ||
      arena.compare(ids, seq * ID_BYTES, (seq + 1) * ID_BYTES, at, at + ID_BYTES) !== 0
    ) {
      return -1;
    }
    // Decimal without leading zeros: a 0 stands alone.
    if (arena[digits] === ZERO) return seq === 0 && digits + 1 < limit && arena[digits + 1] === LF ? digits + 2 : -1;
    let value = 0;
    let i = digits;
    for (; i < limit && i - digits < 16; i++) {
      const c = arena[i] as number;
      if (c < ZERO || c > ZERO + 9) break;
      value = value * 10 + (c - ZERO);
    }
    return i > digits && i < limit && value === seq && arena[i] === LF ? i + 1 : -1;
  }

  /** Where the bytes of `bucket`, as read, end in the arena. */
  private end(bucket: number): number {
    return (this.start[bucket] as number) + (this.length[bucket] as number);
  }

  private absent(bucket: number, count: number): Error {
    return this.unreadable.get(bucket) ?? new LedgerInvalidError(bucketPath(bucket), `missing: the index must list ${count} id(s) here`);
  }

  private async read(dir: string): Promise<undefined> {
    const root = join(dir, INDEX_DIR);
    let subs: Dirent[];
    try {
      subs = readdirSync(root, { withFileTypes: true });
    } catch {
      // No readable index: every bucket the entries need is then reported missing.
      return undefined;
    }
    for (const sub of subs) {
      // Each directory in a turn of its own, the first after the workers have been started.
      await new Promise(setImmediate);
      if (this.stopped) return undefined;
      if (!sub.isDirectory()) {
        throw new LedgerInvalidError(`${INDEX_DIR}/${sub.name}`, "unexpected file: the index holds only directories of buckets");
      }
      const high = BUCKET_NAME.test(sub.name) ? Number.parseInt(sub.name, 16) << 8 : -1;
      const folder = join(root, sub.name);
      for (const file of readdirSync(folder)) {
        if (high < 0 || !BUCKET_FILE.test(file)) {
          this.strays.push(`${INDEX_DIR}/${sub.name}/${file}`);
          continue;
        }
        const bucket = high | Number.parseInt(file, 16);
        try {
          // Joined by hand: path.join's normalisation, per file, cost more than the read.
          this.readBucket(bucket, `${folder}/${file}`);
        } catch (e) {
          this.unreadable.set(bucket, e as Error);
        }
      }
    }
    return undefined;
  }

  /**
   * Appends a bucket file to the arena: one open, read and close, where readFileSync's stat, fresh
   * buffer and path normalisation per file cost more than the read itself.
   */
  private readBucket(bucket: number, path: string): void {
    const fd = openSync(path, "r");
    try {
      const start = this.used;
      for (;;) {
        if (this.used === this.arena.length) this.arena = Buffer.concat([this.arena, Buffer.allocUnsafe(this.arena.length)]);
        const room = this.arena.length - this.used;
        const read = readSync(fd, this.arena, this.used, room, null);
        this.used += read;
        // A regular file reads short only at its end, so one read is enough for most buckets.
        if (read < room) break;
      }
      this.start[bucket] = start;
      this.length[bucket] = this.used - start;
    } finally {
      closeSync(fd);
    }
  }
}

/** The bucket number of the id at `at`: its first four hex digits. */
function bucketNumber(ids: Buffer, at: number): number {
  let bucket = 0;
  for (let i = at; i < at + 4; i++) bucket = (bucket << 4) | (HEX[ids[i] as number] as number);
  return bucket;
}

function bucketPath(bucket: number): string {
  return indexPath(bucket.toString(16).padStart(4, "0"));
}

function notExactly(bucket: number): LedgerInvalidError {
  return new LedgerInvalidError(
    bucketPath(bucket),
    "does not list exactly the ids of the entries in its bucket, with their seqs, in seq order",
  );
}
