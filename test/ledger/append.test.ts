import { createPublicKey, verify } from "node:crypto";
import jcs from "canonicalize";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { append, emptyHead, type LedgerHead } from "../../src/ledger/append.ts";
import { parseCheckpoint } from "../../src/ledger/checkpoint.ts";
import type { EntryBody } from "../../src/ledger/entry.ts";
import { CompactRange } from "../../src/ledger/merkle.ts";
import { openNote } from "../../src/ledger/note.ts";
import { bodiesArb, keyRefOf, refLeafHash, refRootOfLines, sampleBodies, TEST_ORIGIN, testSigner } from "../helpers/ledger.ts";

const signer = testSigner("append");
const publicKey = createPublicKey({
  key: { kty: "OKP", crv: "Ed25519", x: signer.verifier.publicKey.toString("base64url") },
  format: "jwk",
});

/** DSSE v1 PAE, spelled out here from the DSSE protocol rather than taken from the code under test. */
function pae(body: string): Buffer {
  const type = "application/vnd.meritlog.entry+json";
  const bytes = Buffer.from(body, "utf8");
  return Buffer.concat([Buffer.from(`DSSEv1 ${type.length} ${type} ${bytes.length} `), bytes]);
}

/** Checks every property a line written at `seq` after `previousLine` must have. */
function expectEntryLine(line: string, body: EntryBody, seq: number, previousLine: string | undefined): void {
  const entry = JSON.parse(line) as Record<string, unknown> & { sig: { keyid: string; sig: string } };
  expect(line).toBe(jcs(entry));
  const { sig, ...rest } = entry;
  expect(rest).toEqual({
    ...JSON.parse(JSON.stringify(body)),
    v: 1,
    seq,
    ...(previousLine === undefined ? {} : { prev: refLeafHash(previousLine).toString("hex") }),
  });
  expect(sig.keyid).toBe(keyRefOf(signer));
  expect(verify(null, pae(jcs(rest) as string), publicKey, Buffer.from(sig.sig, "base64"))).toBe(true);
}

/** The checkpoint must be signed by the signer and commit to exactly `lines`. */
function expectCheckpointOver(note: string, lines: readonly string[]): void {
  const opened = openNote(note, [signer.verifier]);
  expect(opened.text).toBe(`${TEST_ORIGIN}\n${lines.length}\n${refRootOfLines(lines).toString("base64")}\n`);
  expect(parseCheckpoint(opened.text).size).toBe(lines.length);
}

function headAfter(bodies: readonly EntryBody[]): { head: LedgerHead; lines: readonly string[] } {
  const result = append(emptyHead(TEST_ORIGIN), bodies, signer);
  return { head: result.head, lines: result.lines };
}

describe("append", () => {
  it("numbers, chains and signs each body, and checkpoints the whole ledger", () => {
    fc.assert(
      fc.property(bodiesArb({ maxLength: 6 }), bodiesArb({ maxLength: 6 }), (first, second) => {
        // Two lists with their own ids; the second gets its own salt so no id repeats the first's.
        const later = second.map((b, i) => ({ ...b, id: refLeafHash(`later ${i} ${b.id}`).toString("hex") }));
        const base = headAfter(first);
        const result = append(base.head, later, signer);
        expect(result.skipped).toEqual([]);
        expect(result.lines).toHaveLength(later.length);
        const all = [...base.lines, ...result.lines];
        for (const [i, line] of result.lines.entries()) {
          const seq = first.length + i;
          expectEntryLine(line, later[i] as EntryBody, seq, all[seq - 1]);
          expect(result.entries[i]).toEqual(JSON.parse(line));
        }
        expectCheckpointOver(result.checkpoint, all);
        expect(result.head.size).toBe(all.length);
        expect(CompactRange.fromHashes(result.head.size, result.head.range).root().equals(refRootOfLines(all))).toBe(true);
        if (all.length > 0) expect(result.head.last?.toString("hex")).toBe(refLeafHash(all[all.length - 1] as string).toString("hex"));
        else expect(result.head.last).toBeUndefined();
      }),
      { numRuns: 40 },
    );
  });

  it("hands back each entry as its line records it: a -0 in a body is the 0 JCS writes", () => {
    const [body] = sampleBodies(1, 12) as [EntryBody];
    const result = append(emptyHead(TEST_ORIGIN), [{ ...body, inputs: { delta: -0 } }], signer);
    expect(result.lines[0]).toContain('"inputs":{"delta":0}');
    expect(Object.is(result.entries[0]?.inputs?.delta, 0)).toBe(true);
    expect(result.entries[0]).toEqual(JSON.parse(result.lines[0] as string));
  });

  it("gives the same bytes whether bodies come in one batch or several", () => {
    const bodies = sampleBodies(12, 3);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 12 }), (cut) => {
        const whole = append(emptyHead(TEST_ORIGIN), bodies, signer);
        const part = append(emptyHead(TEST_ORIGIN), bodies.slice(0, cut), signer);
        const rest = append(part.head, bodies.slice(cut), signer);
        expect([...part.lines, ...rest.lines]).toEqual(whole.lines);
        expect(rest.checkpoint).toBe(whole.checkpoint);
        expect(rest.head).toEqual(whole.head);
      }),
      { numRuns: 13 },
    );
  });

  it("skips a body that repeats an earlier body of the batch", () => {
    const [x, y, z] = sampleBodies(3, 8) as [EntryBody, EntryBody, EntryBody];
    const replayOfX = { ...y, id: x.id };
    const result = append(emptyHead(TEST_ORIGIN), [x, replayOfX, z, x], signer);
    expect(result.skipped).toEqual([x.id, x.id]);
    expect(result.lines).toHaveLength(2);
    expectEntryLine(result.lines[0] as string, x, 0, undefined);
    expectEntryLine(result.lines[1] as string, z, 1, result.lines[0]);
    expectCheckpointOver(result.checkpoint, result.lines);
  });

  it("skips a body whose id the ledger already records", () => {
    const bodies = sampleBodies(6, 9);
    const base = headAfter(bodies.slice(0, 3));
    const recorded = new Set(bodies.slice(0, 3).map((b) => b.id));
    const replay = [bodies[1] as EntryBody, bodies[3] as EntryBody, bodies[0] as EntryBody, bodies[4] as EntryBody];
    const result = append(base.head, replay, signer, (id) => recorded.has(id));
    expect(result.skipped).toEqual([bodies[1]?.id, bodies[0]?.id]);
    expect(result.entries.map((e) => [e.seq, e.id])).toEqual([
      [3, bodies[3]?.id],
      [4, bodies[4]?.id],
    ]);
    expectEntryLine(result.lines[0] as string, bodies[3] as EntryBody, 3, base.lines[2]);
    expectCheckpointOver(result.checkpoint, [...base.lines, ...result.lines]);
  });

  it("an empty or all-replayed batch leaves the head as it was and re-signs the same tree", () => {
    const bodies = sampleBodies(4, 10);
    const base = headAfter(bodies);
    for (const batch of [[], bodies]) {
      const result = append(base.head, batch, signer, () => true);
      expect(result.lines).toEqual([]);
      expect(result.head).toEqual(base.head);
      expectCheckpointOver(result.checkpoint, base.lines);
    }
    expectCheckpointOver(append(emptyHead(TEST_ORIGIN), [], signer).checkpoint, []);
  });
});
