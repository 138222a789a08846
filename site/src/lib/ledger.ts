/**
 * The site's one source: the ledger folder named by MERITLOG_LEDGER, verified by the meritlog CLI
 * (the same verifier auditors run; a ledger that does not verify fails the build with its message),
 * and read and aggregated by the library's own code meanwhile. Loaded once per build.
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import type { LedgerStatus, SiteData } from "../../../src/aggregate/model.ts";
import { aggregate } from "../../../src/aggregate/site-data.ts";
import type { Entry } from "../../../src/ledger/entry.ts";
import { leafHashHex } from "../../../src/ledger/merkle.ts";
import { listShards, shardLinesOrThrow } from "../../../src/store/folder.ts";
import { indexSearch } from "./search.ts";

declare const __MERITLOG_ROOT__: string;
const ROOT = __MERITLOG_ROOT__;

/** One ledger line as the audit pages show it: what an auditor recomputes from the data branch. */
export interface AuditRow {
  readonly seq: number;
  /** The account the entry is credited to. */
  readonly actor: number;
  readonly kind: string;
  readonly points: number;
  readonly id: string;
  /** SHA-256(0x00 ‖ line), hex: the Merkle leaf of the line as stored. */
  readonly leaf: string;
  readonly keyid: string;
  readonly sig: string;
}

interface Loaded {
  readonly data: SiteData;
  readonly dir: string;
  /** The shards holding each month's entries (YYYY-MM), in order: an audit page reads only those. */
  readonly shardsByMonth: ReadonlyMap<string, ReadonlySet<string>>;
}

let loaded: Promise<Loaded> | undefined;

async function verify(dir: string): Promise<void> {
  const level = process.env.MERITLOG_VERIFY === "fast" ? ["--fast"] : [];
  try {
    await promisify(execFile)(process.execPath, [join(ROOT, "dist", "cli.js"), "verify", dir, "--json", ...level], {
      encoding: "utf8",
      maxBuffer: 1 << 26,
    });
  } catch (e) {
    const err = e as { stderr?: string; stdout?: string };
    throw new Error(`the ledger at ${dir} does not verify, so no site is built:\n${err.stderr || err.stdout || String(e)}`);
  }
}

/** A shard's entries, each with its line as stored. */
function* shardEntries(dir: string, path: string): Generator<{ readonly entry: Entry; readonly line: Buffer }> {
  for (const line of shardLinesOrThrow(path, readFileSync(join(dir, path))))
    yield { entry: JSON.parse(line.toString("utf8")) as Entry, line };
}

/**
 * The ledger's entries, read from its folder each time they are iterated: the aggregation goes over
 * them twice, and holding them all would take several times the ledger's size in memory. The first
 * pass also notes which shards hold which month, for the audit pages.
 */
class LedgerEntries implements Iterable<Entry> {
  readonly shardsByMonth = new Map<string, Set<string>>();
  readonly #dir: string;
  readonly #shards: readonly string[];
  #passes = 0;

  constructor(dir: string, shards: readonly string[]) {
    this.#dir = dir;
    this.#shards = shards;
  }

  *[Symbol.iterator](): Iterator<Entry> {
    const first = this.#passes++ === 0;
    for (const path of this.#shards) {
      for (const { entry } of shardEntries(this.#dir, path)) {
        if (first) {
          const month = entry.time.slice(0, 7);
          const shards = this.shardsByMonth.get(month);
          if (shards) shards.add(path);
          else this.shardsByMonth.set(month, new Set([path]));
        }
        yield entry;
      }
    }
  }
}

/**
 * The ledger as it says it is: its checkpoint (origin, size, root) and keys. These are what the
 * verifier checks the entries against, so once it passes they are the verified figures.
 */
async function status(dir: string): Promise<LedgerStatus> {
  const checkpoint = await readFile(join(dir, "checkpoint"), "utf8");
  const [origin = "", size = "", root = ""] = checkpoint.split("\n");
  const keys = JSON.parse(await readFile(join(dir, "keys.json"), "utf8")) as { keys: { vkey: string }[] };
  return {
    origin,
    entries: Number(size),
    root,
    checkpoint,
    keys: keys.keys.map((k) => k.vkey),
    verifiedAt: new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
  };
}

async function aggregated(dir: string): Promise<Loaded> {
  const entries = new LedgerEntries(dir, await listShards(dir));
  return { data: aggregate(entries, await status(dir)), dir, shardsByMonth: entries.shardsByMonth };
}

async function load(): Promise<Loaded> {
  const dir = resolve(process.env.MERITLOG_LEDGER ?? "ledger");
  // The verifier runs in its own process while this one reads: nothing read is shown unless the
  // ledger verifies, and when it does not, the verifier's message is the build's, whatever the
  // reading met.
  const [verified, read] = await Promise.allSettled([verify(dir), aggregated(dir)]);
  if (verified.status === "rejected") throw verified.reason;
  if (read.status === "rejected") throw read.reason;
  indexSearch(read.value.data);
  return read.value;
}

export async function siteData(): Promise<SiteData> {
  loaded ??= load();
  return (await loaded).data;
}

/** Every calendar month (YYYY-MM) that holds an entry, scored or not, oldest first: the audit pages. */
export async function auditMonths(): Promise<string[]> {
  loaded ??= load();
  return [...(await loaded).shardsByMonth.keys()].sort();
}

/**
 * A month's audit rows, in seq order, read again from the shards that hold them: kept for the whole
 * build, every line's rows would take a large ledger's memory.
 */
export async function auditRows(month: string): Promise<AuditRow[]> {
  loaded ??= load();
  const { dir, shardsByMonth } = await loaded;
  const rows: AuditRow[] = [];
  for (const path of shardsByMonth.get(month) ?? []) {
    for (const { entry: e, line } of shardEntries(dir, path)) {
      if (!e.time.startsWith(month)) continue;
      rows.push({
        seq: e.seq,
        actor: e.actor.id,
        kind: e.kind,
        points: e.points,
        id: e.id,
        leaf: leafHashHex(line),
        keyid: e.sig.keyid,
        sig: e.sig.sig,
      });
    }
  }
  return rows;
}
