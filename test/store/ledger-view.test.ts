/**
 * The writer's read-only view of a ledger: entries by fact id through the id index, the entries of
 * one pull request or issue through the subject index, seq ranges, and the recent past walked back shard by shard, on ledgers built through the real append path. A
 * recording LedgerFiles shows which files each lookup reads and how it batches its prefetches.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EntryBody } from "../../src/ledger/entry.ts";
import { factId } from "../../src/ledger/entry.ts";
import { indexPath, SHARD_SIZE, shardPath, subjectPath } from "../../src/ledger/layout.ts";
import { folderFiles } from "../../src/store/folder.ts";
import type { LedgerFiles } from "../../src/store/ledger-files.ts";
import { LedgerView } from "../../src/store/ledger-view.ts";
import { buildLedger, removeTempDirs, type TestLedger, tempDir } from "../helpers/ledger.ts";

afterAll(removeTempDirs);

const RULES = `sha256:${"a".repeat(64)}`;
/** Entries a minute apart from this instant. */
const T0 = Date.UTC(2025, 0, 31, 20, 0, 0);
/** More than three shards, the last one partly filled. */
const SIZE = 3 * SHARD_SIZE + 57;

function timeOf(i: number): string {
  return new Date(T0 + i * 60_000).toISOString().replace(".000Z", "Z");
}

function keyOf(i: number): string {
  return `test:view:${i}`;
}

function body(i: number): EntryBody {
  return {
    id: factId(keyOf(i)),
    kind: "award",
    time: timeOf(i),
    repo: { id: 4242, name: "octo/demo" },
    actor: { id: 100 + (i % 5), login: `user${i % 5}` },
    subject: { type: "pull_request", number: i + 1, url: `https://github.com/octo/demo/pull/${i + 1}` },
    points: 1000 + i,
    breakdown: [{ rule: "pr.merged", points: 1000 + i }],
    rules: RULES,
    source: { event: "pull_request", action: "closed" },
    inputs: { i },
  };
}

/** Folder files that record every read and prefetch. */
function recording(dir: string): { files: LedgerFiles; reads: string[]; prefetches: string[][] } {
  const inner = folderFiles(dir);
  const reads: string[] = [];
  const prefetches: string[][] = [];
  return {
    reads,
    prefetches,
    files: {
      read: (path) => {
        reads.push(path);
        return inner.read(path);
      },
      prefetch: async (paths) => {
        prefetches.push([...paths]);
      },
    },
  };
}

let ledger: TestLedger;
beforeAll(async () => {
  // Two appends, so that the second starts in the middle of a shard.
  ledger = await buildLedger(
    Array.from({ length: SIZE }, (_, i) => body(i)),
    { batchSize: 500 },
  );
});

describe("LedgerView.open", () => {
  it("a folder without a ledger: size 0, no checkpoint, and every lookup empty", async () => {
    const view = await LedgerView.open(folderFiles(tempDir()));
    expect(view.size).toBe(0);
    expect(view.checkpoint).toBeUndefined();
    expect((await view.byIds([factId(keyOf(0))])).size).toBe(0);
    expect(await view.range(0, 10)).toEqual([]);
    expect(await view.since("2000-01-01T00:00:00Z")).toEqual([]);
  });

  it("a ledger: the signed checkpoint's size", async () => {
    const view = await LedgerView.open(folderFiles(ledger.dir));
    expect(view.size).toBe(SIZE);
    expect(view.checkpoint?.size).toBe(SIZE);
    expect(ledger.size).toBe(SIZE);
  });
});

describe("byIds", () => {
  it("finds the entries recording these ids, in any shard, and leaves out ids the ledger lacks", async () => {
    const view = await LedgerView.open(folderFiles(ledger.dir));
    const wanted = [0, 1, 255, 256, 600, SIZE - 1];
    const found = await view.byIds([...wanted.map((i) => factId(keyOf(i))), factId("not in the ledger")]);
    expect(found.size).toBe(wanted.length);
    for (const i of wanted) {
      const e = found.get(factId(keyOf(i)));
      expect(e?.seq).toBe(i);
      expect(e?.time).toBe(timeOf(i));
      expect(e?.inputs).toEqual({ i });
      expect(e?.sig.sig).toBeTypeOf("string");
      expect(JSON.stringify(e)).toBe(ledger.lines[i]);
    }
    expect((await view.byIds([])).size).toBe(0);
  });

  it("reads the index buckets in one prefetch, then the shards holding them in another", async () => {
    const { files, reads, prefetches } = recording(ledger.dir);
    const view = await LedgerView.open(files);
    reads.length = 0;
    prefetches.length = 0;
    const ids = [3, 300, 700].map((i) => factId(keyOf(i)));
    await view.byIds(ids);
    expect(prefetches[0]?.sort()).toEqual([...new Set(ids.map(indexPath))].sort());
    expect(prefetches[1]?.sort()).toEqual([shardPath(0), shardPath(1), shardPath(2)]);
    expect(reads.filter((p) => p.startsWith("entries/")).sort()).toEqual([shardPath(0), shardPath(1), shardPath(2)]);
  });

  it("ignores index lines past the signed size (left by a crashed append)", async () => {
    const id = factId("a crashed append's entry");
    const inner = folderFiles(ledger.dir);
    const files: LedgerFiles = {
      read: async (path) => {
        const bytes = await inner.read(path);
        return path === indexPath(id) ? Buffer.concat([bytes ?? Buffer.alloc(0), Buffer.from(`${id} ${SIZE}\n`)]) : bytes;
      },
      prefetch: inner.prefetch,
    };
    const view = await LedgerView.open(files);
    expect((await view.byIds([id])).size).toBe(0);
  });

  it("an index line naming the wrong seq does not return another fact's entry", async () => {
    const id = factId("an id the index points at the wrong line");
    const inner = folderFiles(ledger.dir);
    const files: LedgerFiles = {
      read: async (path) => {
        const bytes = await inner.read(path);
        return path === indexPath(id) ? Buffer.concat([bytes ?? Buffer.alloc(0), Buffer.from(`${id} 5\n`)]) : bytes;
      },
      prefetch: inner.prefetch,
    };
    const view = await LedgerView.open(files);
    expect((await view.byIds([id])).size).toBe(0);
  });
});

describe("range", () => {
  it("the entries at seq from … to − 1, across shard boundaries", async () => {
    const view = await LedgerView.open(folderFiles(ledger.dir));
    const r = await view.range(250, 520);
    expect(r.map((e) => e.seq)).toEqual(Array.from({ length: 270 }, (_, i) => 250 + i));
    expect(r.map((e) => e.id)).toEqual(Array.from({ length: 270 }, (_, i) => factId(keyOf(250 + i))));
  });

  it("as far as the ledger goes, and nothing for an empty or reversed range", async () => {
    const view = await LedgerView.open(folderFiles(ledger.dir));
    expect((await view.range(SIZE - 3, SIZE + 100)).map((e) => e.seq)).toEqual([SIZE - 3, SIZE - 2, SIZE - 1]);
    expect(await view.range(SIZE, SIZE + 10)).toEqual([]);
    expect(await view.range(10, 10)).toEqual([]);
    expect(await view.range(20, 10)).toEqual([]);
    expect((await view.range(0, 1)).map((e) => e.seq)).toEqual([0]);
    expect((await view.range(0, SIZE)).length).toBe(SIZE);
  });

  it("reads only the shards that hold the range", async () => {
    const { files, reads } = recording(ledger.dir);
    const view = await LedgerView.open(files);
    reads.length = 0;
    await view.range(300, 310);
    expect(reads).toEqual([shardPath(1)]);
  });
});

describe("since", () => {
  it("every entry at or after the time, in seq order, walking back across shards", async () => {
    const view = await LedgerView.open(folderFiles(ledger.dir));
    for (const from of [0, 1, 100, 255, 256, 257, 511, 512, 700, 768, SIZE - 1]) {
      const got = await view.since(timeOf(from));
      expect(got.map((e) => e.seq)).toEqual(Array.from({ length: SIZE - from }, (_, i) => from + i));
    }
  });

  it("a time before every entry gives them all; after every entry, none", async () => {
    const view = await LedgerView.open(folderFiles(ledger.dir));
    expect((await view.since("2000-01-01T00:00:00Z")).length).toBe(SIZE);
    expect(await view.since(timeOf(SIZE))).toEqual([]);
  });

  it("a month start, as a writer asks: the entries of the month", async () => {
    const view = await LedgerView.open(folderFiles(ledger.dir));
    // Entries run from 2025-01-31T20:00Z, one a minute: February starts at the 240th.
    const february = await view.since("2025-02-01T00:00:00Z");
    expect(february[0]?.seq).toBe(240);
    expect(february[0]?.time).toBe("2025-02-01T00:00:00Z");
    expect(february.every((e) => e.time >= "2025-02-01T00:00:00Z")).toBe(true);
    expect(february.length).toBe(SIZE - 240);
  });

  it("stops at the first shard that is wholly older: shards before it are not read", async () => {
    const { files, reads } = recording(ledger.dir);
    const shardsRead = async (since: string) => {
      const view = await LedgerView.open(files);
      reads.length = 0;
      await view.since(since);
      return reads.filter((p) => p.startsWith("entries/"));
    };
    // Shard 3 holds seq 768 on; shard 2 seq 512 to 767.
    expect(await shardsRead(timeOf(800))).toEqual([shardPath(3), shardPath(2)]);
    expect(await shardsRead(timeOf(700))).toEqual([shardPath(3), shardPath(2), shardPath(1)]);
    expect(await shardsRead(timeOf(SIZE))).toEqual([shardPath(3)]);
  });

  it("prefetches the walk in batches of shards, newest first", async () => {
    const { files, prefetches } = recording(ledger.dir);
    const view = await LedgerView.open(files);
    prefetches.length = 0;
    await view.since("2000-01-01T00:00:00Z");
    expect(prefetches).toEqual([[shardPath(3), shardPath(2), shardPath(1), shardPath(0)]]);
  });
});

describe("subject", () => {
  /** Entries about seven numbers in two repositories, and some about no number at all. */
  function subjectBody(i: number): EntryBody {
    const repo = i % 3 === 0 ? { id: 5151, name: "alice/tools" } : { id: 4242, name: "octo/demo" };
    const number = (i % 7) + 1;
    return {
      ...body(i),
      id: factId(`test:subject:${i}`),
      repo,
      subject:
        i % 11 === 0
          ? { type: "release", id: i, url: `https://github.com/${repo.name}/releases/tag/v${i}` }
          : {
              type: i % 2 ? "pull_request" : "review",
              number,
              ...(i % 2 ? {} : { id: i }),
              url: `https://github.com/${repo.name}/pull/${number}`,
            },
    };
  }
  const COUNT = SHARD_SIZE + 44;
  let subjects: TestLedger;
  beforeAll(async () => {
    subjects = await buildLedger(
      Array.from({ length: COUNT }, (_, i) => subjectBody(i)),
      { batchSize: 100 },
    );
  });

  it("every entry about the number in the repository, in seq order, across shards", async () => {
    const view = await LedgerView.open(folderFiles(subjects.dir));
    const all = await view.range(0, COUNT);
    for (const repo of [4242, 5151]) {
      for (let number = 1; number <= 7; number++) {
        const expected = all.filter((e) => e.repo.id === repo && e.subject.number === number).map((e) => e.seq);
        expect(expected.length).toBeGreaterThan(0);
        expect((await view.subject(repo, number)).map((e) => e.seq)).toEqual(expected);
      }
    }
  });

  it("nothing for a number or repository the ledger has no entry about", async () => {
    const view = await LedgerView.open(folderFiles(subjects.dir));
    expect(await view.subject(4242, 8)).toEqual([]);
    expect(await view.subject(1, 1)).toEqual([]);
  });

  it("index lines past the signed size, or naming an entry about something else, are ignored", async () => {
    const path = subjectPath(4242, 2);
    const inner = folderFiles(subjects.dir);
    const files: LedgerFiles = {
      read: async (p) => {
        const bytes = await inner.read(p);
        // seq 0 is about repository 5151; COUNT is past the end.
        return p === path ? Buffer.concat([bytes ?? Buffer.alloc(0), Buffer.from(`0\n${COUNT}\n`)]) : bytes;
      },
      prefetch: inner.prefetch,
    };
    const honest = (await (await LedgerView.open(folderFiles(subjects.dir))).subject(4242, 2)).map((e) => e.seq);
    expect((await (await LedgerView.open(files)).subject(4242, 2)).map((e) => e.seq)).toEqual(honest);
  });
});
