import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { parseCheckpoint } from "../../src/ledger/checkpoint.ts";
import {
  CompactRange,
  consistencyProof,
  EMPTY_ROOT,
  inclusionProof,
  leafHash,
  leafHashHex,
  ProofError,
  RangeBuilder,
  subtreeRoot,
  verifyConsistency,
  verifyInclusion,
} from "../../src/ledger/merkle.ts";
import { openNote } from "../../src/ledger/note.ts";
import { bodiesArb, buildLedger, flipped, refLeafHash, refRoot, removeTempDirs, testSigner } from "../helpers/ledger.ts";

afterAll(removeTempDirs);

const hex = (b: Uint8Array): string => Buffer.from(b).toString("hex");
const unhex = (h: string): Buffer => Buffer.from(h, "hex");

// The Certificate Transparency reference tree (certificate-transparency-go, merkle tree tests): eight
// leaves, the roots of each prefix, and two inclusion and two consistency proofs.
const CT_LEAVES = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"].map((d) =>
  leafHash(unhex(d)),
);
const CT_ROOTS = [
  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
  "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
  "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
  "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
  "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
  "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
  "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
  "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
  "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
];
const CT_INCLUSION = [
  {
    index: 0,
    size: 8,
    proof: [
      "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
    ],
  },
  {
    index: 5,
    size: 8,
    proof: [
      "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
      "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    ],
  },
];
const CT_CONSISTENCY = [
  {
    size1: 2,
    size2: 8,
    proof: [
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
    ],
  },
  {
    size1: 6,
    size2: 8,
    proof: [
      "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
      "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    ],
  },
];

/** Distinct leaf hashes, `n` of them, from a random salt. */
const leavesArb = (min: number, max: number): fc.Arbitrary<Buffer[]> =>
  fc
    .tuple(fc.integer({ min, max }), fc.string({ maxLength: 8 }))
    .map(([n, salt]) => Array.from({ length: n }, (_, i) => refLeafHash(`${salt}/${i}`)));

/** The ProofError `fn` throws; fails the test when it throws anything else or nothing. */
function proofError(fn: () => void): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof ProofError) return e.message;
    throw e;
  }
  throw new Error("expected a ProofError, but the proof verified");
}

describe("RFC 6962 hashing against the Certificate Transparency reference tree", () => {
  it("the reference implementation in the test helpers matches the published roots", () => {
    for (let n = 0; n <= 8; n++) expect(hex(refRoot(CT_LEAVES.slice(0, n)))).toBe(CT_ROOTS[n]);
  });

  it("leaf hashes, subtree roots and compact ranges give the published roots", () => {
    expect(hex(EMPTY_ROOT)).toBe(CT_ROOTS[0]);
    expect(hex(leafHash(new Uint8Array()))).toBe(CT_ROOTS[1]);
    for (let n = 0; n <= 8; n++) {
      expect(hex(subtreeRoot(CT_LEAVES, 0, n))).toBe(CT_ROOTS[n]);
      const range = new CompactRange();
      for (const leaf of CT_LEAVES.slice(0, n)) range.push(leaf);
      expect(hex(range.root())).toBe(CT_ROOTS[n]);
    }
  });

  it("inclusion proofs are the published ones and verify", () => {
    for (const v of CT_INCLUSION) {
      expect(inclusionProof(CT_LEAVES, v.index, v.size).map(hex)).toEqual(v.proof);
      verifyInclusion(v.index, v.size, CT_LEAVES[v.index] as Buffer, v.proof.map(unhex), unhex(CT_ROOTS[v.size] as string));
    }
  });

  it("consistency proofs are the published ones and verify", () => {
    for (const v of CT_CONSISTENCY) {
      expect(consistencyProof(CT_LEAVES, v.size1, v.size2).map(hex)).toEqual(v.proof);
      verifyConsistency(v.size1, v.size2, unhex(CT_ROOTS[v.size1] as string), unhex(CT_ROOTS[v.size2] as string), v.proof.map(unhex));
    }
  });
});

describe("CompactRange", () => {
  it("holds the root of every prefix, also when rebuilt from its stored hashes or joined from aligned parts", () => {
    fc.assert(
      fc.property(leavesArb(0, 80), fc.nat(), (leaves, cut) => {
        const range = new CompactRange();
        for (const leaf of leaves) range.push(leaf);
        const root = refRoot(leaves);
        expect(range.root().equals(root)).toBe(true);
        expect(range.size).toBe(leaves.length);
        // The right edge holds one hash per set bit of the size.
        expect(range.hashes.length).toBe(leaves.length.toString(2).replaceAll("0", "").length);
        expect(CompactRange.fromHashes(range.size, range.hashes).root().equals(root)).toBe(true);
        // Join at a multiple of a power of two at least as large as the second part, as verify joins runs.
        const step = 16;
        const at = Math.min(leaves.length, Math.floor((cut % (leaves.length + 1)) / step) * step);
        if (leaves.length - at <= step) {
          const first = new CompactRange();
          const second = new CompactRange();
          for (const leaf of leaves.slice(0, at)) first.push(leaf);
          for (const leaf of leaves.slice(at)) second.push(leaf);
          first.extend(second);
          expect(first.root().equals(root)).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("is what RangeBuilder builds from the same leaves pushed in hex, and leafHashHex is leafHash", () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 80 }), (data) => {
        const range = new CompactRange();
        const built = new RangeBuilder();
        for (const d of data) {
          expect(leafHashHex(d)).toBe(hex(leafHash(d)));
          range.push(leafHash(d));
          built.pushHex(leafHashHex(d));
        }
        expect(built.size).toBe(range.size);
        expect(built.hashes().map(hex)).toEqual(range.hashes.map(hex));
      }),
      { numRuns: 100 },
    );
  });

  it("refuses stored hashes that do not fit the size", () => {
    expect(() => CompactRange.fromHashes(3, [Buffer.alloc(32)])).toThrow(RangeError);
    expect(() => CompactRange.fromHashes(4, [Buffer.alloc(32), Buffer.alloc(32)])).toThrow(RangeError);
  });
});

describe("inclusion proofs", () => {
  it("every leaf's proof verifies, and only for that leaf at that index", () => {
    fc.assert(
      fc.property(leavesArb(1, 40), (leaves) => {
        const n = leaves.length;
        const root = refRoot(leaves);
        for (let i = 0; i < n; i++) {
          const proof = inclusionProof(leaves, i);
          verifyInclusion(i, n, leaves[i] as Buffer, proof, root);
          for (let j = 0; j < n; j++) {
            if (j === i) continue;
            proofError(() => verifyInclusion(j, n, leaves[i] as Buffer, proof, root));
            proofError(() => verifyInclusion(i, n, leaves[j] as Buffer, proof, root));
          }
          // A size is only bound to a root by a signed checkpoint, so a wrong size comes with its own root.
          const grown = refRoot([...leaves, refLeafHash("one more")]);
          proofError(() => verifyInclusion(i, n + 1, leaves[i] as Buffer, proof, grown));
          if (proof.length > 0) {
            proofError(() => verifyInclusion(i, n, leaves[i] as Buffer, proof.slice(1), root));
            const bent = [flipped(proof[0] as Buffer, 0, 1), ...proof.slice(1)];
            expect(proofError(() => verifyInclusion(i, n, leaves[i] as Buffer, bent, root))).toBe(
              "inclusion proof leads to a different root",
            );
          }
          expect(proofError(() => verifyInclusion(i, n, leaves[i] as Buffer, [...proof, Buffer.alloc(32)], root))).toMatch(
            /inclusion proof (is longer than the path to the root|leads to a different root)/,
          );
        }
      }),
      { numRuns: 30 },
    );
  });

  it("proofs into any earlier tree size verify against that size's root", () => {
    fc.assert(
      fc.property(leavesArb(1, 60), fc.nat(), fc.nat(), (leaves, a, b) => {
        const size = (a % leaves.length) + 1;
        const index = b % size;
        verifyInclusion(index, size, leaves[index] as Buffer, inclusionProof(leaves, index, size), refRoot(leaves.slice(0, size)));
      }),
    );
  });

  it("a ledger's lines are proven against its signed checkpoint's root", async () => {
    const signer = testSigner();
    await fc.assert(
      fc.asyncProperty(bodiesArb({ minLength: 1, maxLength: 12 }), async (bodies) => {
        const ledger = await buildLedger(bodies, { signer });
        const checkpoint = parseCheckpoint(openNote(ledger.checkpoint, [signer.verifier]).text);
        expect(checkpoint.size).toBe(bodies.length);
        const leaves = ledger.lines.map((l) => leafHash(Buffer.from(l)));
        for (let i = 0; i < leaves.length; i++) {
          verifyInclusion(i, checkpoint.size, leaves[i] as Buffer, inclusionProof(leaves, i), checkpoint.root);
        }
      }),
      { numRuns: 15 },
    );
  });

  it("refuses impossible indexes and malformed hashes", () => {
    expect(() => inclusionProof(CT_LEAVES, 8)).toThrow(RangeError);
    expect(() => inclusionProof(CT_LEAVES, -1)).toThrow(RangeError);
    expect(() => inclusionProof(CT_LEAVES, 0, 9)).toThrow(RangeError);
    const root = unhex(CT_ROOTS[8] as string);
    const leaf = CT_LEAVES[5] as Buffer;
    const proof = inclusionProof(CT_LEAVES, 5);
    expect(proofError(() => verifyInclusion(8, 8, leaf, proof, root))).toBe("index 8 is not inside a tree of size 8");
    expect(proofError(() => verifyInclusion(-1, 8, leaf, proof, root))).toBe("index -1 is not inside a tree of size 8");
    expect(proofError(() => verifyInclusion(5, 8, leaf.subarray(1), proof, root))).toBe("leaf hash is 31 bytes, not 32");
    expect(proofError(() => verifyInclusion(5, 8, leaf, [Buffer.alloc(31), ...proof.slice(1)], root))).toBe(
      "proof hash is 31 bytes, not 32",
    );
    expect(proofError(() => verifyInclusion(5, 8, leaf, proof, root.subarray(1)))).toBe("root is 31 bytes, not 32");
  });
});

describe("consistency proofs", () => {
  it("a proof from size m to size n verifies, and fails for any other pair of sizes", () => {
    fc.assert(
      fc.property(leavesArb(1, 50), fc.nat(), fc.nat(), fc.nat(), (leaves, a, b, c) => {
        const n = leaves.length;
        const m = (a % n) + 1;
        const root = (size: number): Buffer => refRoot(leaves.slice(0, size));
        const proof = consistencyProof(leaves, m, n);
        verifyConsistency(m, n, root(m), root(n), proof);
        const otherM = (b % n) + 1;
        if (otherM !== m) proofError(() => verifyConsistency(otherM, n, root(otherM), root(n), proof));
        const otherN = m + (c % (n - m + 1));
        if (otherN !== n) proofError(() => verifyConsistency(m, otherN, root(m), root(otherN), proof));
        // The right sizes with the wrong trees fail too.
        if (m < n) {
          proofError(() => verifyConsistency(m, n, root(m - 1), root(n), proof));
          proofError(() => verifyConsistency(m, n, root(m), root(n - 1), proof));
        }
      }),
      { numRuns: 200 },
    );
  });

  it("equal sizes need equal roots and an empty proof; the empty tree proves nothing", () => {
    const r4 = unhex(CT_ROOTS[4] as string);
    const r5 = unhex(CT_ROOTS[5] as string);
    const r8 = unhex(CT_ROOTS[8] as string);
    verifyConsistency(4, 4, r4, r4, []);
    expect(proofError(() => verifyConsistency(4, 4, r4, r5, []))).toBe("equal sizes with different roots");
    expect(proofError(() => verifyConsistency(4, 4, r4, r4, [r4]))).toBe("trees of equal size need an empty consistency proof");
    expect(proofError(() => verifyConsistency(0, 8, EMPTY_ROOT, r8, []))).toBe("a consistency proof from the empty tree proves nothing");
    expect(proofError(() => verifyConsistency(6, 8, unhex(CT_ROOTS[6] as string), r8, []))).toBe("consistency proof is empty");
    expect(proofError(() => verifyConsistency(8, 6, r8, unhex(CT_ROOTS[6] as string), []))).toBe("size 8 cannot be a prefix of size 6");
    expect(() => consistencyProof(CT_LEAVES, 0, 8)).toThrow(RangeError);
    expect(() => consistencyProof(CT_LEAVES, 5, 3)).toThrow(RangeError);
    expect(() => consistencyProof(CT_LEAVES, 1, 9)).toThrow(RangeError);
  });
});
