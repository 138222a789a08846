/**
 * The fast level reads seq, id, prev and ref by position (ledger/FORMAT.md §11.1). Its byte scans must
 * give exactly what the spec's indexOf/lastIndexOf wording gives, on any line, not only canonical ones.
 * The full level checks each signature over bytes cut from the line, which must be exactly what the
 * signer signed, whatever else the entry holds.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkLines, unpackId } from "../../src/ledger/check-lines.ts";
import { type EntryBody, signEntry, type UnsignedEntry } from "../../src/ledger/entry.ts";
import { canonicalize } from "../../src/ledger/json.ts";
import type { Signer, Verifier } from "../../src/ledger/keys.ts";
import { leafHash } from "../../src/ledger/merkle.ts";
import { bodiesArb, testSigner } from "../helpers/ledger.ts";

const LINE = Buffer.from(
  '{"actor":{"id":102264,"login":"contributor-2264"},"breakdown":[{"points":25000,"rule":"pr.merged"}],' +
    `"id":"${"db36".repeat(16)}","inputs":{"additions":204800},"kind":"award","points":27560,"prev":"${"1707".repeat(16)}",` +
    `"ref":"${"abcd".repeat(16)}","repo":{"id":1296269,"name":"acme/widgets"},"seq":256,"sig":{"keyid":"k+0bc22545","sig":"38j7=="},"v":1}`,
);
const NEEDLES = ['"kind":"', '"id":"', '"seq":', '"prev":"', '"ref":"', '"seq":7,', "{", "}"];

/** §11.1 read literally, as the verifier did before it scanned bytes itself. */
function reference(bytes: Buffer): { seq: number; id: string; prev: string | undefined; ref: string | undefined } | string {
  const kindAt = bytes.lastIndexOf('"kind":"');
  const idAt = bytes.indexOf('"id":"');
  const seqAt = bytes.lastIndexOf('"seq":');
  if (bytes[0] !== 0x7b || kindAt < 0 || idAt < 0 || idAt > kindAt || seqAt < kindAt) return "not an entry line with id, kind and seq";
  const digits = /^[0-9]+/.exec(bytes.toString("latin1", seqAt + 6))?.[0] ?? "";
  const after = bytes[seqAt + 6 + digits.length];
  if (digits === "" || (after !== 0x2c && after !== 0x7d)) return "seq is not a decimal number";
  const value = (needle: string): string | undefined => {
    const at = bytes.lastIndexOf(needle);
    return at < kindAt ? undefined : bytes.toString("latin1", at + needle.length, at + needle.length + 64);
  };
  const seq = [...digits].reduce((n, d) => n * 10 + Number(d), 0);
  return { seq, id: bytes.toString("latin1", idAt + 6, idAt + 6 + 64), prev: value('"prev":"'), ref: value('"ref":"') };
}

const noKey = (): Verifier => {
  throw new Error("the fast level checks no signature");
};

/** A line edited by inserting needles, deleting bytes and changing bytes (never to LF). */
const lineArb = fc
  .array(
    fc.oneof(
      fc.tuple(fc.constant("insert" as const), fc.nat(), fc.constantFrom(...NEEDLES)),
      fc.tuple(fc.constant("delete" as const), fc.nat(), fc.integer({ min: 1, max: 80 })),
      fc.tuple(
        fc.constant("set" as const),
        fc.nat(),
        fc.integer({ min: 0, max: 255 }).filter((b) => b !== 0x0a),
      ),
    ),
    { maxLength: 6 },
  )
  .map((edits) => {
    let line = Buffer.from(LINE);
    for (const [op, where, what] of edits) {
      const at = where % (line.length + 1);
      if (op === "insert") line = Buffer.concat([line.subarray(0, at), Buffer.from(what), line.subarray(at)]);
      else if (op === "delete") line = Buffer.concat([line.subarray(0, at), line.subarray(at + what)]);
      else if (at < line.length) line[at] = what;
    }
    return line.length > 0 ? line : Buffer.from("{");
  });

describe("checkLines at the fast level", () => {
  it("reads seq, id, prev and ref from any line exactly as §11.1 says", () => {
    fc.assert(
      fc.property(lineArb, (line) => {
        const expected = reference(line);
        const seq = typeof expected === "string" ? 0 : expected.seq;
        const run = checkLines([line], seq, noKey, "fast");
        if (typeof expected === "string") {
          expect(run.problem).toEqual({ seq, reason: expected });
          return;
        }
        expect(run.problem).toBeUndefined();
        expect(unpackId(run.ids, 0)).toBe(expected.id);
        expect(run.firstPrev).toBe(expected.prev);
        expect(run.refs).toEqual(expected.ref === undefined ? [] : [[seq, expected.ref]]);
      }),
      { numRuns: 2000 },
    );
  });
});

/** The lines a writer signs for `bodies` from seq 0, chained. */
function signedLines(bodies: readonly EntryBody[], signer: Signer): Buffer[] {
  const lines: Buffer[] = [];
  for (const [seq, body] of bodies.entries()) {
    const prev = lines[seq - 1];
    const entry: UnsignedEntry = { ...body, v: 1, seq, ...(prev ? { prev: leafHash(prev).toString("hex") } : {}) };
    lines.push(Buffer.from(canonicalize(signEntry(entry, signer)), "utf8"));
  }
  return lines;
}

/**
 * Key names as a ledger may have them: the signature member, which the check cuts from the line,
 * then holds non-ASCII text, and bytes stop being characters.
 */
const signers = [testSigner(5), testSigner(6, "example.com/müller/ledger-ünïcode")];

/** Members shaped like the signature member, in the free-form parts of an entry before it. */
const lookalikes = fc.record({
  inputs: fc.constant({ sig: { keyid: "x+00000000", sig: `${"A".repeat(86)}==` }, seq: 1 }),
  reason: fc.constant(',"sig":{"keyid":"x+00000000","sig":"AA=="}'),
});

describe("checkLines at the full level", () => {
  it("accepts every line a writer signs, with look-alike signature members before the real one", () => {
    fc.assert(
      fc.property(
        bodiesArb({ minLength: 1, maxLength: 4 }),
        fc.constantFrom(...signers),
        fc.boolean(),
        lookalikes,
        (bodies, signer, mimic, extra) => {
          const lines = signedLines(mimic ? bodies.map((b) => ({ ...b, ...extra })) : bodies, signer);
          const run = checkLines(lines, 0, () => signer.verifier, "full");
          expect(run.problem).toBeUndefined();
          expect(run.count).toBe(lines.length);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("refuses a line whose signature was made over anything else", () => {
    fc.assert(
      fc.property(bodiesArb({ minLength: 2, maxLength: 2 }), fc.constantFrom(...signers), ([a, b], signer) => {
        // b's signature on a's line: a valid signature by the right key, over other bytes.
        const [lineA, lineB] = signedLines([a as EntryBody, b as EntryBody], signer).map((l) => JSON.parse(l.toString()));
        const forged = Buffer.from(canonicalize({ ...lineA, sig: lineB.sig }), "utf8");
        const run = checkLines([forged], 0, () => signer.verifier, "full");
        expect(run.problem).toEqual({ seq: 0, reason: `sig: signature by ${lineA.sig.keyid} does not verify` });
      }),
      { numRuns: 30 },
    );
  });

  it("names the first bad signature, not a later broken line, and returns the run as it stood before it", () => {
    fc.assert(
      fc.property(bodiesArb({ minLength: 3, maxLength: 8 }), fc.nat(), fc.nat(), fc.boolean(), (bodies, badAt, brokenAt, keepLeaves) => {
        const signer = signers[0] as Signer;
        const lines = signedLines(bodies, signer);
        // Signatures are checked after every line's other checks: a forged one must still be named
        // first, with the run cut short at it, even when a later line fails one of those checks.
        const k = badAt % (lines.length - 1);
        const entry = JSON.parse((lines[k] as Buffer).toString());
        const other = JSON.parse((lines[k + 1] as Buffer).toString());
        lines[k] = Buffer.from(canonicalize({ ...entry, sig: other.sig }), "utf8");
        const j = k + 1 + (brokenAt % (lines.length - k - 1));
        lines[j] = Buffer.from("{not json");
        const run = checkLines(lines, 0, () => signer.verifier, "full", keepLeaves);
        const clean = checkLines(lines.slice(0, k), 0, () => signer.verifier, "full", keepLeaves);
        expect(run.problem).toEqual({ seq: k, reason: `sig: signature by ${entry.sig.keyid} does not verify` });
        expect({ ...run, problem: undefined }).toEqual({ ...clean, problem: undefined });
        expect(run.count).toBe(k);
      }),
      { numRuns: 40 },
    );
  });
});
