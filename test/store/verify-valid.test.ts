import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import type { CheckLevel } from "../../src/ledger/check-lines.ts";
import { type VerifiedLedger, verifyFolder } from "../../src/store/verify.ts";
import {
  bodiesArb,
  buildLedger,
  readEntryLines,
  refRootOfLines,
  removeTempDir,
  removeTempDirs,
  sampleBodies,
  testSigner,
} from "../helpers/ledger.ts";

afterAll(removeTempDirs);

const MODES: readonly { level: CheckLevel; workers: number }[] = [
  { level: "full", workers: 0 },
  { level: "fast", workers: 0 },
  { level: "full", workers: 2 },
  { level: "fast", workers: 2 },
];

/** What must not depend on the level or on the workers. */
function outcome(v: VerifiedLedger): unknown {
  return {
    origin: v.origin,
    size: v.size,
    root: v.checkpoint.root.toString("base64"),
    ids: v.ids,
    head: { size: v.head.size, range: v.head.range.map((h) => h.toString("base64")), last: v.head.last?.toString("hex") },
  };
}

describe("verifyFolder on valid ledgers", () => {
  const signer = testSigner("valid");

  it("accepts any ledger a writer writes, at both levels, in this thread and in workers, with one result", async () => {
    await fc.assert(
      fc.asyncProperty(bodiesArb({ maxLength: 14 }), fc.integer({ min: 1, max: 14 }), async (bodies, batchSize) => {
        const ledger = await buildLedger(bodies, { signer, batchSize });
        const results = [];
        for (const mode of MODES) results.push(outcome(await verifyFolder(ledger.dir, mode)));
        for (const r of results.slice(1)) expect(r).toEqual(results[0]);
        expect(results[0]).toMatchObject({
          origin: signer.name,
          size: bodies.length,
          root: refRootOfLines(readEntryLines(ledger.dir)).toString("base64"),
          ids: bodies.map((b) => b.id),
        });
        removeTempDir(ledger.dir);
      }),
      // Each run starts worker processes twice, which costs far more than the checks themselves.
      { numRuns: 4 },
    );
  });

  it("accepts many more ledgers in this thread", async () => {
    await fc.assert(
      fc.asyncProperty(bodiesArb({ maxLength: 20 }), fc.integer({ min: 1, max: 20 }), async (bodies, batchSize) => {
        const ledger = await buildLedger(bodies, { signer, batchSize });
        const root = refRootOfLines(readEntryLines(ledger.dir)).toString("base64");
        for (const level of ["full", "fast"] as const) {
          const verified = await verifyFolder(ledger.dir, { level, workers: 0 });
          expect(outcome(verified)).toMatchObject({ size: bodies.length, root, ids: bodies.map((b) => b.id) });
        }
        removeTempDir(ledger.dir);
      }),
      { numRuns: 40 },
    );
  });

  it("accepts the empty ledger and the ledger of one entry", async () => {
    const empty = await buildLedger([], { signer });
    const one = await buildLedger(sampleBodies(1, 3), { signer });
    for (const mode of MODES) {
      expect(outcome(await verifyFolder(empty.dir, mode))).toEqual({
        origin: signer.name,
        size: 0,
        root: "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=",
        ids: [],
        head: { size: 0, range: [], last: undefined },
      });
      const single = outcome(await verifyFolder(one.dir, mode));
      expect(single).toMatchObject({ size: 1, root: refRootOfLines(one.lines).toString("base64") });
    }
  });
});
