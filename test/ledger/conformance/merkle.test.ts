/**
 * RFC 6962 Merkle trees against transparency-dev/merkle's published proof vectors and hasher goldens.
 */
import { describe, expect, test } from "vitest";
import {
  CompactRange,
  consistencyProof,
  EMPTY_ROOT,
  inclusionProof,
  leafHash,
  nodeHash,
  ProofError,
  subtreeRoot,
  verifyConsistency,
  verifyInclusion,
} from "../../../src/ledger/merkle.ts";
import { vectorFiles, vectorJson } from "./helpers.ts";

const DIR = "merkle-transparency-dev/testdata";

interface InclusionVector {
  leafIdx: number;
  treeSize: number;
  root: string;
  leafHash: string;
  proof: string[] | null;
  desc: string;
  wantErr: boolean;
}

interface ConsistencyVector {
  size1: number;
  size2: number;
  root1: string;
  root2: string;
  proof: string[] | null;
  desc: string;
  wantErr: boolean;
}

interface HasherGoldens {
  empty_root_hex: string;
  leaf_hash_of_empty_hex: string;
  leaf_hash_of_L123456_hex: string;
  node_hash_N123_N456_hex: string;
  reference_leaves_hex: string[];
  reference_roots_hex_sizes_1_to_8: string[];
}

const b64 = (s: string): Buffer => Buffer.from(s, "base64");
const hex = (s: string): Buffer => Buffer.from(s, "hex");
// Go's JSON encodes an empty slice of hashes as null.
const proofOf = (p: string[] | null): Buffer[] => (p ?? []).map(b64);

/** The verifier's verdict: "ok", or "ProofError" when it refused; anything else thrown propagates and fails the test. */
function outcome(run: () => void): "ok" | "ProofError" {
  try {
    run();
    return "ok";
  } catch (e) {
    if (e instanceof ProofError) return "ProofError";
    throw e;
  }
}

const inclusionFiles = vectorFiles(`${DIR}/inclusion`);
const consistencyFiles = vectorFiles(`${DIR}/consistency`);

const goldens = vectorJson<Record<string, unknown>>("signed-note/signed_note_and_tlog_vectors.json")
  .rfc6962_hasher_goldens_transparency_dev_merkle_rfc6962_test_go as HasherGoldens;
const referenceLeaves = goldens.reference_leaves_hex.map((l) => leafHash(hex(l)));
/** Published MTH of the first `size` reference leaves. */
const referenceRoot = (size: number): Buffer => hex(goldens.reference_roots_hex_sizes_1_to_8[size - 1] as string);

describe("transparency-dev/merkle proof vectors", () => {
  test("all 196 vector files are present (98 inclusion, 98 consistency)", () => {
    expect(inclusionFiles).toHaveLength(98);
    expect(consistencyFiles).toHaveLength(98);
  });

  test.each(inclusionFiles)("verifyInclusion: %s", (file) => {
    const v = vectorJson<InclusionVector>(file);
    const verdict = outcome(() => verifyInclusion(v.leafIdx, v.treeSize, b64(v.leafHash), proofOf(v.proof), b64(v.root)));
    expect(verdict).toBe(v.wantErr ? "ProofError" : "ok");
  });

  test.each(consistencyFiles)("verifyConsistency: %s", (file) => {
    const v = vectorJson<ConsistencyVector>(file);
    const verdict = outcome(() => verifyConsistency(v.size1, v.size2, b64(v.root1), b64(v.root2), proofOf(v.proof)));
    expect(verdict).toBe(v.wantErr ? "ProofError" : "ok");
  });
});

describe("RFC 6962 hasher goldens (transparency-dev/merkle rfc6962_test.go)", () => {
  test("the empty tree's root is SHA-256 of nothing", () => {
    expect(EMPTY_ROOT).toEqual(hex(goldens.empty_root_hex));
    expect(subtreeRoot([])).toEqual(hex(goldens.empty_root_hex));
    expect(new CompactRange().root()).toEqual(hex(goldens.empty_root_hex));
  });

  test("leaf hashes", () => {
    expect(leafHash(new Uint8Array(0))).toEqual(hex(goldens.leaf_hash_of_empty_hex));
    expect(leafHash(Buffer.from("L123456"))).toEqual(hex(goldens.leaf_hash_of_L123456_hex));
  });

  test("node hash", () => {
    expect(nodeHash(Buffer.from("N123"), Buffer.from("N456"))).toEqual(hex(goldens.node_hash_N123_N456_hex));
  });

  test.each([1, 2, 3, 4, 5, 6, 7, 8])("reference root of size %i, by subtreeRoot and by CompactRange", (size) => {
    expect(subtreeRoot(referenceLeaves, 0, size)).toEqual(referenceRoot(size));
    const range = new CompactRange();
    for (const leaf of referenceLeaves.slice(0, size)) range.push(leaf);
    expect(range.size).toBe(size);
    expect(range.root()).toEqual(referenceRoot(size));
    // A range rebuilt from its stored right edge is how a writer resumes; it must give the same root.
    expect(CompactRange.fromHashes(size, range.hashes).root()).toEqual(referenceRoot(size));
  });
});

describe("proof generation over the 8-leaf reference tree", () => {
  const SIZES = [1, 2, 3, 4, 5, 6, 7, 8];
  const leafInTree = SIZES.flatMap((size) => Array.from({ length: size }, (_, i): [number, number] => [i, size]));
  const prefixOfTree = SIZES.flatMap((size2) => Array.from({ length: size2 }, (_, i): [number, number] => [i + 1, size2]));

  test.each(leafInTree)("inclusionProof(%i, size %i) verifies", (index, size) => {
    const proof = inclusionProof(referenceLeaves, index, size);
    expect(outcome(() => verifyInclusion(index, size, referenceLeaves[index] as Buffer, proof, referenceRoot(size)))).toBe("ok");
  });

  test.each(prefixOfTree)("consistencyProof(%i, %i) verifies", (size1, size2) => {
    const proof = consistencyProof(referenceLeaves, size1, size2);
    expect(outcome(() => verifyConsistency(size1, size2, referenceRoot(size1), referenceRoot(size2), proof))).toBe("ok");
  });

  test("a generated proof does not verify against another size's root", () => {
    const proof = inclusionProof(referenceLeaves, 2, 5);
    expect(() => verifyInclusion(2, 5, referenceLeaves[2] as Buffer, proof, referenceRoot(6))).toThrow(ProofError);
    const cproof = consistencyProof(referenceLeaves, 3, 7);
    expect(() => verifyConsistency(3, 7, referenceRoot(3), referenceRoot(8), cproof)).toThrow(ProofError);
  });

  test.each([0, 1, 2, 3, 4])("inclusion/%i/happy-path.json is the proof inclusionProof generates", (n) => {
    const v = vectorJson<InclusionVector>(`${DIR}/inclusion/${n}/happy-path.json`);
    // Only meaningful if the vector is a proof in the reference tree: its root and leaf say so.
    expect(b64(v.root)).toEqual(referenceRoot(v.treeSize));
    expect(b64(v.leafHash)).toEqual(referenceLeaves[v.leafIdx]);
    expect(inclusionProof(referenceLeaves, v.leafIdx, v.treeSize)).toEqual(proofOf(v.proof));
  });

  test.each([0, 1, 2, 3, 4])("consistency/%i/happy-path.json is the proof consistencyProof generates", (n) => {
    const v = vectorJson<ConsistencyVector>(`${DIR}/consistency/${n}/happy-path.json`);
    expect(b64(v.root1)).toEqual(referenceRoot(v.size1));
    expect(b64(v.root2)).toEqual(referenceRoot(v.size2));
    expect(consistencyProof(referenceLeaves, v.size1, v.size2)).toEqual(proofOf(v.proof));
  });
});
