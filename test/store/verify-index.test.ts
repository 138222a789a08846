/**
 * The id index check (ledger/FORMAT.md §11.2 check 26), which reads the buckets while the entries are
 * checked: each way the index can be wrong is named at its bucket, only at level full, only once
 * everything else has passed, in this process and with worker processes alike.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { indexLine, indexPath } from "../../src/ledger/layout.ts";
import { verifyFolder } from "../../src/store/verify.ts";
import { buildLedger, copyDir, flipped, invalidity, removeTempDirs, sampleBodies, type TestLedger } from "../helpers/ledger.ts";

afterAll(removeTempDirs);

let ledger: TestLedger;
let ids: string[];

beforeAll(async () => {
  ledger = await buildLedger(sampleBodies(40, 7));
  ids = ledger.lines.map((l) => (JSON.parse(l) as { id: string }).id);
}, 60_000);

/** A copy of the ledger with `edit` applied to it. */
function edited(edit: (dir: string) => void): string {
  const dir = copyDir(ledger.dir);
  edit(dir);
  return dir;
}

const WORKERS = [0, 2] as const;

describe("the id index", () => {
  it.each(WORKERS)("is read and accepted when it lists exactly the entries (workers: %i)", async (workers) => {
    expect((await verifyFolder(ledger.dir, { workers })).ids).toEqual(ids);
  });

  it.each(WORKERS)("a bucket no entry needs is named (workers: %i)", async (workers) => {
    const stray = "index/zz/zz.ids";
    const dir = edited((d) => {
      mkdirSync(join(d, "index/zz"));
      writeFileSync(join(d, stray), indexLine("zz".repeat(32), 0));
    });
    expect(await invalidity(verifyFolder(dir, { workers }))).toEqual({
      where: stray,
      seq: undefined,
      reason: "lists ids that no entry has",
    });
  });

  it.each(WORKERS)("a missing bucket is named with the number of ids it must list (workers: %i)", async (workers) => {
    const path = indexPath(ids[5] as string);
    const listed = readFileSync(join(ledger.dir, path), "latin1").split("\n").length - 1;
    const dir = edited((d) => rmSync(join(d, path)));
    expect(await invalidity(verifyFolder(dir, { workers }))).toEqual({
      where: path,
      seq: undefined,
      reason: `missing: the index must list ${listed} id(s) here`,
    });
  });

  it.each(WORKERS)("a bucket with a wrong seq or an extra line is named (workers: %i)", async (workers) => {
    const path = indexPath(ids[9] as string);
    const text = readFileSync(join(ledger.dir, path), "latin1");
    const wrongs = [
      text.replace(` ${9}\n`, ` ${19}\n`),
      text + indexLine(ids[9] as string, 9),
      text + indexLine("ab".repeat(32), 40),
      text.replace(` ${9}\n`, ` 0${9}\n`),
      text.replace(` ${9}\n`, ` ${9}`),
      text.replace(` ${9}\n`, `  ${9}\n`),
      text.slice(0, -1),
      "",
    ].filter((t) => t !== text);
    for (const wrong of wrongs) {
      const dir = edited((d) => writeFileSync(join(d, path), wrong));
      expect(await invalidity(verifyFolder(dir, { workers }))).toEqual({
        where: path,
        seq: undefined,
        reason: "does not list exactly the ids of the entries in its bucket, with their seqs, in seq order",
      });
    }
  });

  it.each(["index/ab/cd.txt", "index/AB/cd.ids", "index/abc/de.ids", "index/ab/CD.ids"])(
    "a file named for no bucket is named: %s",
    async (stray) => {
      const dir = edited((d) => {
        mkdirSync(join(d, stray, ".."), { recursive: true });
        writeFileSync(join(d, stray), indexLine(ids[0] as string, 0));
      });
      expect(await invalidity(verifyFolder(dir, { workers: 0 }))).toEqual({
        where: stray,
        seq: undefined,
        reason: "lists ids that no entry has",
      });
    },
  );

  it("a file among the bucket directories is named", async () => {
    const dir = edited((d) => writeFileSync(join(d, "index/stray"), ""));
    expect(await invalidity(verifyFolder(dir, { workers: 0 }))).toEqual({
      where: "index/stray",
      seq: undefined,
      reason: "unexpected file: the index holds only directories of buckets",
    });
  });

  it("a ledger without an index is missing every bucket", async () => {
    const dir = edited((d) => rmSync(join(d, "index"), { recursive: true }));
    const report = await invalidity(verifyFolder(dir, { workers: 0 }));
    expect(report.where).toBe(indexPath(ids[0] as string));
    expect(report.reason).toMatch(/^missing: the index must list \d+ id\(s\) here$/);
  });

  it("is not read at level fast", async () => {
    const dir = edited((d) => rmSync(join(d, "index"), { recursive: true }));
    expect((await verifyFolder(dir, { level: "fast", workers: 0 })).size).toBe(40);
  });

  it.each(WORKERS)("is reported only when the entries check out: a bad line is named first (workers: %i)", async (workers) => {
    const dir = edited((d) => {
      rmSync(join(d, "index"), { recursive: true });
      const shard = join(d, "entries/000/000.jsonl");
      const lines = readFileSync(shard, "utf8").split("\n");
      lines[3] = flipped(Buffer.from(lines[3] as string), 2, 0x20).toString("latin1");
      writeFileSync(shard, lines.join("\n"));
    });
    expect((await invalidity(verifyFolder(dir, { workers }))).seq).toBe(3);
  });

  it("a bucket larger than the reader's first buffer is read whole", async () => {
    // A thousand ids in one bucket list more than 64 KiB.
    const bodies = sampleBodies(5000, 11)
      .filter((b) => b.ref === undefined)
      .slice(0, 1000)
      .map((b, i) => ({ ...b, id: `0000${i.toString(16).padStart(60, "0")}` }));
    const big = await buildLedger(bodies);
    expect(readFileSync(join(big.dir, indexPath(bodies[0]?.id as string))).length).toBeGreaterThan(1 << 16);
    expect((await verifyFolder(big.dir, { workers: 0 })).size).toBe(1000);
  }, 60_000);
});
