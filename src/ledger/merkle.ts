/**
 * RFC 6962 Merkle tree hashing (§2.1) with the inclusion and consistency proof algorithms of
 * RFC 9162 §2.1.3–2.1.4. Every hash is SHA-256; every function here is pure.
 */
import { hash } from "node:crypto";

export const HASH_SIZE = 32;

const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

/** MTH({}) = SHA-256 of the empty string. */
export const EMPTY_ROOT: Buffer = hash("sha256", "", "buffer");

/** MTH({d}) = SHA-256(0x00 ‖ d). */
export function leafHash(data: Uint8Array): Buffer {
  // One-shot hashing of a joined buffer: verification hashes millions of these, and the streaming
  // Hash object costs more than the copy.
  return hash("sha256", Buffer.concat([LEAF_PREFIX, data]), "buffer");
}

/** Holds 0x00 ‖ line for leafHashHex, grown to the longest line seen. */
let leafInput = Buffer.alloc(4096);

/**
 * MTH({d}) as hex, through one reused buffer: verification hashes a million lines, and a Buffer
 * result or a fresh joined copy per line costs more than the hashing.
 */
export function leafHashHex(data: Uint8Array): string {
  if (data.length >= leafInput.length) leafInput = Buffer.alloc(2 * data.length + 1);
  leafInput[0] = 0x00;
  leafInput.set(data, 1);
  return hash("sha256", leafInput.subarray(0, data.length + 1), "hex");
}

/** SHA-256(0x01 ‖ left ‖ right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  return hash("sha256", Buffer.concat([NODE_PREFIX, left, right]), "buffer");
}

/** The largest power of two strictly smaller than n (n ≥ 2): RFC 6962's split point k. */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * The root of a tree over `leaves` (already leaf-hashed), from `start` to `end` exclusive.
 * Iterative over a compact range, so a million leaves cost a million node hashes and no recursion.
 */
export function subtreeRoot(leaves: readonly Uint8Array[], start = 0, end = leaves.length): Buffer {
  const range = new CompactRange();
  for (let i = start; i < end; i++) range.push(leaves[i] as Uint8Array);
  return range.root();
}

/**
 * A compact range built from leaf hashes pushed one at a time, as a verifier computes them. Each
 * height keeps one buffer, 0x01 ‖ left ‖ right, that its nodes are written into as they complete, so
 * that hashing a node costs neither a copy nor a Buffer: there are as many nodes as leaves.
 */
export class RangeBuilder {
  private readonly inputs: Buffer[] = [];
  size = 0;

  /** Appends a leaf hash given in hex, the form the chain check already has it in. */
  pushHex(leaf: string): void {
    this.input(0).write(leaf, 1 + HASH_SIZE * (this.size % 2), "hex");
    // While the node just written is a right child, its parent is complete.
    for (let h = 0, index = this.size; index % 2 === 1; h++, index = Math.floor(index / 2)) {
      const parent = hash("sha256", this.input(h), "binary");
      this.input(h + 1).write(parent, 1 + HASH_SIZE * (Math.floor(index / 2) % 2), "binary");
    }
    this.size++;
  }

  /** The roots of the range's perfect subtrees, largest first, as in CompactRange.hashes. */
  hashes(): Buffer[] {
    const roots: Buffer[] = [];
    // A subtree of height h is pending when bit h of the size is set; its root is a left child.
    for (let h = this.inputs.length - 1; h >= 0; h--) {
      if (Math.floor(this.size / 2 ** h) % 2 === 1) roots.push(Buffer.from(this.input(h).subarray(1, 1 + HASH_SIZE)));
    }
    return roots;
  }

  private input(height: number): Buffer {
    while (this.inputs.length <= height) this.inputs.push(Buffer.concat([NODE_PREFIX, Buffer.alloc(2 * HASH_SIZE)]));
    return this.inputs[height] as Buffer;
  }
}

/**
 * The right edge of a Merkle tree: the roots of the perfect subtrees that the binary representation
 * of its size decomposes it into, largest (leftmost) first. It is all an appender needs to compute
 * the next root, and it holds at most log2(size) hashes.
 */
export class CompactRange {
  /** Perfect subtree roots, left to right; `heights[i]` is the height of `hashes[i]`. */
  readonly hashes: Buffer[] = [];
  readonly heights: number[] = [];
  size = 0;

  /** Rebuilds a range from its stored hashes; the heights follow from the size's binary digits. */
  static fromHashes(size: number, hashes: readonly Buffer[]): CompactRange {
    const range = new CompactRange();
    const heights: number[] = [];
    for (let h = 52; h >= 0; h--) if (Math.floor(size / 2 ** h) % 2 === 1) heights.push(h);
    if (heights.length !== hashes.length) {
      throw new RangeError(`a tree of size ${size} has ${heights.length} subtree roots, not ${hashes.length}`);
    }
    range.size = size;
    range.hashes.push(...hashes);
    range.heights.push(...heights);
    return range;
  }

  push(leaf: Uint8Array): void {
    this.pushSubtree(Buffer.from(leaf), 0);
  }

  /** Appends a perfect subtree of 2^height leaves; the range must end on a multiple of its size. */
  pushSubtree(root: Buffer, height: number): void {
    if (this.size % 2 ** height !== 0) throw new RangeError(`subtree of height ${height} is not aligned at ${this.size}`);
    let hash = root;
    let h = height;
    while (this.heights.length > 0 && this.heights[this.heights.length - 1] === h) {
      this.heights.pop();
      hash = nodeHash(this.hashes.pop() as Buffer, hash);
      h++;
    }
    this.hashes.push(hash);
    this.heights.push(h);
    this.size += 2 ** height;
  }

  /** Appends every subtree of `next`, a range that starts where this one ends. */
  extend(next: CompactRange): void {
    for (const [i, h] of next.hashes.entries()) this.pushSubtree(h, next.heights[i] as number);
  }

  /** MTH of everything pushed: the subtree roots folded from the right, as RFC 6962's split implies. */
  root(): Buffer {
    if (this.hashes.length === 0) return EMPTY_ROOT;
    let acc = this.hashes[this.hashes.length - 1] as Buffer;
    for (let i = this.hashes.length - 2; i >= 0; i--) acc = nodeHash(this.hashes[i] as Buffer, acc);
    return acc;
  }
}

/** RFC 6962 §2.1.1 PATH(m, D[n]): the audit path of leaf `index` in the tree of the first `size` leaves. */
export function inclusionProof(leaves: readonly Uint8Array[], index: number, size = leaves.length): Buffer[] {
  if (!(index >= 0 && index < size && size <= leaves.length)) {
    throw new RangeError(`no leaf ${index} in a tree of size ${size}`);
  }
  const path: Buffer[] = [];
  let start = 0;
  let end = size;
  let m = index - start;
  while (end - start > 1) {
    const k = splitPoint(end - start);
    if (m < k) {
      path.push(subtreeRoot(leaves, start + k, end));
      end = start + k;
    } else {
      path.push(subtreeRoot(leaves, start, start + k));
      start += k;
    }
    m = index - start;
  }
  return path.reverse();
}

/** RFC 6962 §2.1.2 PROOF(m, D[n]): proves the tree of size `size1` is a prefix of the one of `size2`. */
export function consistencyProof(leaves: readonly Uint8Array[], size1: number, size2 = leaves.length): Buffer[] {
  if (!(size1 > 0 && size1 <= size2 && size2 <= leaves.length)) {
    throw new RangeError(`no consistency proof from size ${size1} to size ${size2}`);
  }
  const proof: Buffer[] = [];
  // SUBPROOF(m, D[start:end], b), unrolled: each step descends into one half and records the other.
  let start = 0;
  let end = size2;
  let m = size1;
  let complete = true;
  while (m !== end - start) {
    const n = end - start;
    const k = splitPoint(n);
    if (m <= k) {
      proof.push(subtreeRoot(leaves, start + k, end));
      end = start + k;
    } else {
      proof.push(subtreeRoot(leaves, start, start + k));
      start += k;
      m -= k;
      complete = false;
    }
  }
  if (!complete) proof.push(subtreeRoot(leaves, start, end));
  return proof.reverse();
}

export class ProofError extends Error {
  override name = "ProofError";
}

function checkHash(what: string, hash: Uint8Array): void {
  if (hash.length !== HASH_SIZE) throw new ProofError(`${what} is ${hash.length} bytes, not ${HASH_SIZE}`);
}

/** RFC 9162 §2.1.3.2: throws a ProofError unless `proof` proves `leaf` at `index` under `root`. */
export function verifyInclusion(index: number, size: number, leaf: Uint8Array, proof: readonly Uint8Array[], root: Uint8Array): void {
  if (!(Number.isSafeInteger(index) && Number.isSafeInteger(size) && index >= 0 && index < size)) {
    throw new ProofError(`index ${index} is not inside a tree of size ${size}`);
  }
  checkHash("leaf hash", leaf);
  checkHash("root", root);
  for (const p of proof) checkHash("proof hash", p);
  let fn = index;
  let sn = size - 1;
  let r: Buffer = Buffer.from(leaf);
  for (const p of proof) {
    if (sn === 0) throw new ProofError("inclusion proof is longer than the path to the root");
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  if (sn !== 0) throw new ProofError("inclusion proof is shorter than the path to the root");
  if (!r.equals(root)) throw new ProofError("inclusion proof leads to a different root");
}

/** RFC 9162 §2.1.4.2: throws a ProofError unless `proof` shows tree `size1` is a prefix of tree `size2`. */
export function verifyConsistency(size1: number, size2: number, root1: Uint8Array, root2: Uint8Array, proof: readonly Uint8Array[]): void {
  if (!(Number.isSafeInteger(size1) && Number.isSafeInteger(size2) && size1 >= 0 && size1 <= size2)) {
    throw new ProofError(`size ${size1} cannot be a prefix of size ${size2}`);
  }
  if (size1 === size2) {
    if (proof.length > 0) throw new ProofError("trees of equal size need an empty consistency proof");
    if (size1 === 0 || !Buffer.from(root1).equals(root2)) throw new ProofError("equal sizes with different roots");
    return;
  }
  // Every tree extends the empty one; a proof from size 0 proves nothing, so it is refused outright.
  if (size1 === 0) throw new ProofError("a consistency proof from the empty tree proves nothing");
  if (proof.length === 0) throw new ProofError("consistency proof is empty");
  checkHash("first root", root1);
  checkHash("second root", root2);
  for (const p of proof) checkHash("proof hash", p);
  const path = [...proof];
  // When size1 is a power of two its root is itself the first node of the path.
  if (2 ** Math.round(Math.log2(size1)) === size1) path.unshift(Buffer.from(root1));
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr: Buffer = Buffer.from(path[0] as Uint8Array);
  let sr: Buffer = Buffer.from(path[0] as Uint8Array);
  for (const c of path.slice(1)) {
    if (sn === 0) throw new ProofError("consistency proof is longer than needed");
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  if (sn !== 0) throw new ProofError("consistency proof is shorter than needed");
  if (!fr.equals(root1)) throw new ProofError("consistency proof does not lead to the first root");
  if (!sr.equals(root2)) throw new ProofError("consistency proof does not lead to the second root");
}
