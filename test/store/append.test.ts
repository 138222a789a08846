import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import type { EntryBody } from "../../src/ledger/entry.ts";
import { appendToFolder } from "../../src/store/append-folder.ts";
import { KeyMismatchError } from "../../src/store/ledger-files.ts";
import { verifyFolder } from "../../src/store/verify.ts";
import {
  bodiesArb,
  buildLedger,
  readEntryLines,
  refLeafHash,
  refRootOfLines,
  removeTempDir,
  removeTempDirs,
  sampleBodies,
  TestLedger,
  testSigner,
} from "../helpers/ledger.ts";

afterAll(removeTempDirs);

const signer = testSigner("store-append");

/** Every file under `dir` with its bytes, to show that nothing changed. */
function snapshotFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path), readFileSync(path).toString("base64"));
  }
  return files;
}

describe("appending to a ledger folder", () => {
  it("skips bodies already recorded in any earlier append and repeats within the batch", async () => {
    await fc.assert(
      fc.asyncProperty(
        bodiesArb({ minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 4 }),
        bodiesArb({ maxLength: 4 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        async (recorded, batchSize, fresh, picks) => {
          const ledger = await buildLedger(recorded, { signer, batchSize });
          const rename = (id: string): string => refLeafHash(`fresh ${id}`).toString("hex");
          const newBodies = fresh.map((b) => ({ ...b, id: rename(b.id), ...(b.ref ? { ref: rename(b.ref) } : {}) }));
          // Old bodies picked at random, interleaved with the new ones and each new one sent twice.
          const replays = picks.map((p) => recorded[p % recorded.length] as EntryBody);
          const batch = [...replays.slice(0, 3), ...newBodies, ...newBodies, ...replays.slice(3)];
          const before = ledger.size;
          const result = await ledger.append(batch);
          const firstOfEach = new Set<string>();
          const expectedSkips = batch
            .filter((b) => {
              const repeat = recorded.some((r) => r.id === b.id) || firstOfEach.has(b.id);
              firstOfEach.add(b.id);
              return repeat;
            })
            .map((b) => b.id);
          expect(result.skipped).toEqual(expectedSkips);
          expect(result.entries.map((e) => [e.seq, e.id])).toEqual(newBodies.map((b, i) => [before + i, b.id]));
          const lines = readEntryLines(ledger.dir).map((l) => l.toString());
          for (const e of result.entries) expect(e.prev).toBe(refLeafHash(lines[e.seq - 1] as string).toString("hex"));
          const verified = await verifyFolder(ledger.dir, { workers: 0 });
          expect(verified.ids).toEqual([...recorded, ...newBodies].map((b) => b.id));
          expect(verified.checkpoint.root.equals(refRootOfLines(lines))).toBe(true);
          removeTempDir(ledger.dir);
        },
      ),
      { numRuns: 25 },
    );
  });

  it("a batch of nothing but replays changes no file", async () => {
    const bodies = sampleBodies(7, 51);
    const ledger = await buildLedger(bodies, { signer, batchSize: 3 });
    const before = snapshotFiles(ledger.dir);
    const result = await ledger.append([bodies[4] as EntryBody, bodies[0] as EntryBody, bodies[4] as EntryBody]);
    expect(result.lines).toEqual([]);
    expect(result.skipped).toEqual([bodies[4]?.id, bodies[0]?.id, bodies[4]?.id]);
    expect(snapshotFiles(ledger.dir)).toEqual(before);
  });

  it("refuses a key that is not the ledger's current key, or not named after its origin, changing nothing", async () => {
    const ledger = new TestLedger(signer);
    await ledger.append(sampleBodies(3, 52));
    const before = snapshotFiles(ledger.dir);
    const more = sampleBodies(2, 53);
    await expect(appendToFolder(ledger.dir, more, testSigner("someone else"))).rejects.toThrow(KeyMismatchError);
    await expect(appendToFolder(ledger.dir, more, testSigner("store-append", "example.com/other"))).rejects.toThrow(KeyMismatchError);
    expect(snapshotFiles(ledger.dir)).toEqual(before);
  });
});
