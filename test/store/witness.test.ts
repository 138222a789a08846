import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { formatCheckpoint } from "../../src/ledger/checkpoint.ts";
import type { EntryBody } from "../../src/ledger/entry.ts";
import { signNote } from "../../src/ledger/note.ts";
import { verifyFolder } from "../../src/store/verify.ts";
import {
  bodiesArb,
  bodyArb,
  buildLedger,
  idOf,
  invalidity,
  refLeafHash,
  removeTempDir,
  removeTempDirs,
  sampleBodies,
  TestLedger,
  testSigner,
} from "../helpers/ledger.ts";

afterAll(removeTempDirs);

const signer = testSigner("witness");

/** A ledger of `bodies` whose checkpoint at size `m` was kept, then grown to all of them. */
async function grownPast(bodies: readonly EntryBody[], m: number): Promise<{ ledger: TestLedger; witness: string }> {
  const ledger = new TestLedger(signer);
  await ledger.append(bodies.slice(0, m));
  const witness = ledger.checkpoint;
  await ledger.append(bodies.slice(m));
  return { ledger, witness };
}

const sizes = bodiesArb({ minLength: 1, maxLength: 16 }).chain((bodies) =>
  fc.tuple(fc.constant(bodies), fc.integer({ min: 0, max: bodies.length }), fc.nat({ max: bodies.length - 1 })),
);

describe("witness checkpoints", () => {
  it("a checkpoint kept at size m is extended by every later state of the ledger", async () => {
    await fc.assert(
      fc.asyncProperty(sizes, async ([bodies, m]) => {
        const { ledger, witness } = await grownPast(bodies, m);
        for (const level of ["full", "fast"] as const) {
          const verified = await verifyFolder(ledger.dir, { level, workers: 0, witnesses: [{ path: "saved/checkpoint", note: witness }] });
          expect(verified.witnesses).toEqual([{ path: "saved/checkpoint", size: m }]);
          expect(verified.size).toBe(bodies.length);
        }
        removeTempDir(ledger.dir);
      }),
      { numRuns: 25 },
    );
  });

  it("rewriting an entry the witness covers is detected, rewriting a later one is not", async () => {
    await fc.assert(
      fc.asyncProperty(sizes, bodyArb, async ([bodies, m, j], replacement) => {
        const { ledger, witness } = await grownPast(bodies, m);
        // The same history with entry j replaced, re-signed with the same key: valid on its own.
        const rewritten = bodies.map((b, i) => (i === j ? { ...replacement, id: idOf(`rewritten ${b.id}`) } : b));
        const forged = await buildLedger(
          rewritten.map((b) => (b.ref === bodies[j]?.id ? { ...b, ref: idOf(`rewritten ${b.ref}`) } : b)),
          { signer },
        );
        await verifyFolder(forged.dir, { workers: 0 });
        const witnesses = [{ path: "auditor/checkpoint-m", note: witness }];
        for (const level of ["full", "fast"] as const) {
          const check = verifyFolder(forged.dir, { level, workers: 0, witnesses });
          if (j < m) {
            const report = await invalidity(check);
            expect({ where: report.where, seq: report.seq }).toEqual({ where: "auditor/checkpoint-m", seq: undefined });
            expect(report.reason).toMatch(
              new RegExp(`^the ledger does not extend this checkpoint of size ${m}: history was rewritten \\(.+\\)$`),
            );
          } else {
            expect((await check).witnesses).toEqual([{ path: "auditor/checkpoint-m", size: m }]);
          }
        }
        removeTempDir(ledger.dir);
        removeTempDir(forged.dir);
      }),
      { numRuns: 25 },
    );
  });

  it("a witness larger than the ledger means history was truncated", async () => {
    const bodies = sampleBodies(9, 31);
    const full = await buildLedger(bodies, { signer });
    for (const m of [0, 1, 8]) {
      const shorter = await buildLedger(bodies.slice(0, m), { signer });
      expect(await invalidity(verifyFolder(shorter.dir, { witnesses: [{ path: "w9", note: full.checkpoint }] }))).toEqual({
        where: "w9",
        seq: undefined,
        reason: `witness covers 9 entries but the ledger has only ${m}: history was truncated`,
      });
    }
  });

  it("a witness of size 0 must carry the empty-tree root", async () => {
    const ledger = await buildLedger(sampleBodies(3, 32), { signer });
    const empty = signNote(formatCheckpoint({ origin: signer.name, size: 0, root: refLeafHash("x"), extensions: [] }), [signer]);
    expect(await invalidity(verifyFolder(ledger.dir, { witnesses: [{ path: "w0", note: empty }] }))).toEqual({
      where: "w0",
      seq: undefined,
      reason:
        "the ledger does not extend this checkpoint of size 0: history was rewritten (a checkpoint of size 0 must carry the empty-tree root)",
    });
  });

  it("a witness that is not this ledger's checkpoint is refused, naming the witness among several", async () => {
    const bodies = sampleBodies(6, 33);
    const { ledger, witness } = await grownPast(bodies, 4);
    const good = { path: "good", note: witness };
    const stranger = signNote(formatCheckpoint({ origin: signer.name, size: 4, root: refLeafHash("x"), extensions: [] }), [
      testSigner("stranger", signer.name),
    ]);
    const elsewhere = signNote(formatCheckpoint({ origin: "example.com/elsewhere", size: 4, root: refLeafHash("x"), extensions: [] }), [
      signer,
    ]);
    expect(await invalidity(verifyFolder(ledger.dir, { witnesses: [good, { path: "stranger", note: stranger }] }))).toEqual({
      where: "stranger",
      seq: undefined,
      reason: "note is not signed by any known key",
    });
    expect(await invalidity(verifyFolder(ledger.dir, { witnesses: [good, { path: "elsewhere", note: elsewhere }] }))).toEqual({
      where: "elsewhere",
      seq: undefined,
      reason: `origin 'example.com/elsewhere' is not this ledger's origin '${signer.name}'`,
    });
    const verified = await verifyFolder(ledger.dir, { witnesses: [good, { path: "current", note: ledger.checkpoint }] });
    expect(verified.witnesses).toEqual([
      { path: "good", size: 4 },
      { path: "current", size: 6 },
    ]);
  });
});
