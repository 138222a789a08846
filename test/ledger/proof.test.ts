import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatCheckpoint } from "../../src/ledger/checkpoint.ts";
import { type Entry, signEntry, unsigned } from "../../src/ledger/entry.ts";
import { canonicalize } from "../../src/ledger/json.ts";
import { inclusionProof, leafHash, ProofError } from "../../src/ledger/merkle.ts";
import { signNote } from "../../src/ledger/note.ts";
import { checkProof, formatProof, parseProof, type TlogProof } from "../../src/ledger/proof.ts";
import { buildLedger, flipped, refRootOfLines, removeTempDirs, sampleBodies, type TestLedger, testSigner } from "../helpers/ledger.ts";

afterAll(removeTempDirs);

const signer = testSigner("proof");
const stranger = testSigner("stranger");
let ledger: TestLedger;

beforeAll(async () => {
  ledger = await buildLedger(sampleBodies(9, 5), { signer, batchSize: 4 });
});

/** The proof `meritlog prove` would give for the line at `index` of `lines`, under `checkpoint`. */
function proofFor(lines: readonly string[], index: number, checkpoint: string): TlogProof {
  const leaves = lines.map((l) => leafHash(Buffer.from(l)));
  return { extra: Buffer.from(lines[index] as string), index, hashes: inclusionProof(leaves, index), checkpoint };
}

/** A checkpoint over `lines`, signed by `by`, computed with the reference tree. */
function checkpointOver(lines: readonly string[], by = signer): string {
  return signNote(formatCheckpoint({ origin: by.name, size: lines.length, root: refRootOfLines(lines), extensions: [] }), [by]);
}

function proofError(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof ProofError) return e.message;
    throw e;
  }
  throw new Error("expected a ProofError, but the proof was accepted");
}

describe("formatProof / parseProof", () => {
  it("round-trip any proof", () => {
    const hash = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => Buffer.from(b));
    fc.assert(
      fc.property(
        fc.option(
          fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)),
          { nil: undefined },
        ),
        fc.nat(),
        fc.array(hash, { maxLength: 12 }),
        fc.string({ unit: "binary" }),
        (extra, index, hashes, checkpoint) => {
          const proof: TlogProof = { ...(extra ? { extra } : {}), index, hashes, checkpoint };
          const text = formatProof(proof);
          expect(text.startsWith("c2sp.org/tlog-proof@v1\n")).toBe(true);
          expect(parseProof(text)).toEqual(proof);
        },
      ),
    );
  });

  it("refuse a malformed proof text, saying what is wrong", () => {
    const good = formatProof(proofFor(ledger.lines, 3, ledger.checkpoint));
    expect(proofError(() => parseProof(good.replace("c2sp.org/tlog-proof@v1", "c2sp.org/tlog-proof@v2")))).toBe(
      "the first line must be c2sp.org/tlog-proof@v1",
    );
    expect(proofError(() => parseProof(good.replace("\nindex 3\n", "\nindex 03\n")))).toBe(
      "expected 'index <n>' with no leading zeros, found \"index 03\"",
    );
    expect(proofError(() => parseProof(good.replace(/\nextra (\S+)/, "\nextra $1=")))).toBe("extra must be standard base64");
    const lines = good.split("\n");
    lines[3] = "not a hash";
    expect(proofError(() => parseProof(lines.join("\n")))).toBe("proof line 4 is not a base64 SHA-256 hash");
  });
});

describe("checkProof", () => {
  it("accepts the proof of every entry and returns the entry and the checkpoint", () => {
    expect(ledger.lines).toHaveLength(9);
    for (const [index, line] of ledger.lines.entries()) {
      const checked = checkProof(formatProof(proofFor(ledger.lines, index, ledger.checkpoint)), [signer.verifier]);
      expect(checked.index).toBe(index);
      expect(checked.entry).toEqual(JSON.parse(line));
      expect(checked.checkpoint.origin).toBe(signer.name);
      expect(checked.checkpoint.size).toBe(9);
      expect(checked.checkpoint.root.equals(refRootOfLines(ledger.lines))).toBe(true);
    }
  });

  it("refuses a proof whose entry line was altered anywhere", () => {
    fc.assert(
      fc.property(fc.nat({ max: 8 }), fc.nat(), fc.integer({ min: 0, max: 7 }), (index, at, bit) => {
        const proof = proofFor(ledger.lines, index, ledger.checkpoint);
        const extra = flipped(proof.extra as Buffer, at % (proof.extra as Buffer).length, 1 << bit);
        expect(proofError(() => checkProof(formatProof({ ...proof, extra }), [signer.verifier]))).toBe(
          "inclusion proof leads to a different root",
        );
      }),
    );
  });

  it("refuses a proof whose hashes or index were altered", () => {
    fc.assert(
      fc.property(fc.nat({ max: 8 }), fc.nat(), fc.nat({ max: 255 }), fc.integer({ min: 1, max: 255 }), (index, which, at, mask) => {
        const proof = proofFor(ledger.lines, index, ledger.checkpoint);
        const hashes = proof.hashes.map((h, i) => (i === which % proof.hashes.length ? flipped(h, at % 32, mask) : h));
        expect(proofError(() => checkProof(formatProof({ ...proof, hashes }), [signer.verifier]))).toBe(
          "inclusion proof leads to a different root",
        );
        expect(proofError(() => checkProof(formatProof({ ...proof, hashes: proof.hashes.slice(1) }), [signer.verifier]))).toMatch(
          /^inclusion proof (is shorter than the path to the root|leads to a different root)$/,
        );
        const other = (index + 1 + (which % 8)) % 9;
        proofError(() => checkProof(formatProof({ ...proof, index: other }), [signer.verifier]));
      }),
    );
  });

  it("refuses a checkpoint signed by a key the checker does not trust", () => {
    const text = formatProof(proofFor(ledger.lines, 2, ledger.checkpoint));
    expect(proofError(() => checkProof(text, [stranger.verifier]))).toBe("checkpoint: note is not signed by any known key");
    // The same name under another key is a different key.
    const impostor = testSigner("impostor", signer.name);
    expect(proofError(() => checkProof(text, [impostor.verifier]))).toBe("checkpoint: note is not signed by any known key");
    // A checkpoint signed by the stranger, over the very same tree, is no better.
    const forged = formatProof(proofFor(ledger.lines, 2, checkpointOver(ledger.lines, stranger)));
    expect(proofError(() => checkProof(forged, [signer.verifier]))).toBe("checkpoint: note is not signed by any known key");
  });

  it("refuses a checkpoint whose text was altered under its signature", () => {
    const altered = ledger.checkpoint.replace(/^(.*)\n9\n/, "$1\n10\n");
    expect(altered).not.toBe(ledger.checkpoint);
    const text = formatProof(proofFor(ledger.lines, 2, altered));
    expect(proofError(() => checkProof(text, [signer.verifier]))).toBe(`checkpoint: signature by ${signer.name} does not verify`);
  });

  it("refuses a proof that carries no entry", () => {
    const { extra: _extra, ...bare } = proofFor(ledger.lines, 2, ledger.checkpoint);
    expect(proofError(() => checkProof(formatProof(bare), [signer.verifier]))).toBe("the proof carries no entry (no extra line) to check");
  });

  it("refuses a proven line whose own signature does not verify under a trusted key", () => {
    const entry = JSON.parse(ledger.lines[4] as string) as Entry;
    // Signed by another key but claiming the ledger's key id.
    const resigned = signEntry(unsigned(entry), stranger);
    const forgedLine = canonicalize({ ...entry, sig: { keyid: entry.sig.keyid, sig: resigned.sig.sig } });
    const lines = ledger.lines.map((l, i) => (i === 4 ? forgedLine : l));
    const text = formatProof(proofFor(lines, 4, checkpointOver(lines)));
    expect(proofError(() => checkProof(text, [signer.verifier]))).toBe(`sig: signature by ${entry.sig.keyid} does not verify`);
  });

  it("refuses a proven line whose seq is not its index", () => {
    const lines = [...ledger.lines];
    [lines[0], lines[1]] = [lines[1] as string, lines[0] as string];
    const text = formatProof(proofFor(lines, 0, checkpointOver(lines)));
    expect(proofError(() => checkProof(text, [signer.verifier]))).toBe("the entry's seq 1 is not the proven index 0");
  });

  it("refuses a proven line that is not an entry", () => {
    const lines = ["{}", "not json"];
    const checkpoint = checkpointOver(lines);
    expect(proofError(() => checkProof(formatProof(proofFor(lines, 0, checkpoint)), [signer.verifier]))).toMatch(
      /^the proven line is not a valid entry: entry: missing field '\w+'$/,
    );
    expect(proofError(() => checkProof(formatProof(proofFor(lines, 1, checkpoint)), [signer.verifier]))).toBe(
      "the proven line is not a ledger entry (not JSON)",
    );
  });

  it("says whether the entry's own signature was checked", () => {
    const text = formatProof(proofFor(ledger.lines, 1, ledger.checkpoint));
    expect(checkProof(text, [signer.verifier]).entrySignature).toBe("verified");
    // An entry signed by a key the checker was not given is proven by the checkpoint alone.
    const entry = JSON.parse(ledger.lines[1] as string) as Entry;
    const byStranger = canonicalize(signEntry(unsigned(entry), stranger));
    const lines = ledger.lines.map((l, i) => (i === 1 ? byStranger : l));
    const checked = checkProof(formatProof(proofFor(lines, 1, checkpointOver(lines))), [signer.verifier]);
    expect(checked.entrySignature).toBe("key not given");
    expect(checked.entry).toEqual(JSON.parse(byStranger));
  });

  it("refuses a checkpoint signed only by a trusted key that is not the log's own", () => {
    const witness = testSigner("proof", "example.com/witness");
    const text = formatProof(
      proofFor(ledger.lines, 0, signNote(ledger.checkpoint.slice(0, ledger.checkpoint.indexOf("\n\n") + 1), [witness])),
    );
    expect(proofError(() => checkProof(text, [witness.verifier]))).toBe(
      `checkpoint: signed by example.com/witness, none of them the log ${signer.name}`,
    );
  });
});
