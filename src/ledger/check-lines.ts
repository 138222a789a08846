/**
 * The per-line half of verification, pure and self-contained so that worker processes can run it on
 * disjoint runs of lines: each line's own validity, and the chain between neighbours inside the run.
 * What spans runs (boundaries, duplicate ids, the Merkle root) is joined by the caller.
 */
import { isUtf8 } from "node:buffer";
import { pae } from "./dsse.ts";
import { ENTRY_PAYLOAD_TYPE, type Entry, entryShapeError, signatureBytes, signatureMismatch } from "./entry.ts";
import { canonicalIJson, canonicalize, JsonSyntaxError, parseStrict } from "./json.ts";
import type { Verifier } from "./keys.ts";
import { HASH_SIZE, leafHashHex, RangeBuilder } from "./merkle.ts";

/** How much of each entry to check. `fast` trusts each entry's own bytes and signature. */
export type CheckLevel = "full" | "fast";

/** A problem with one line, located by the seq it stands at. */
export interface LineProblem {
  readonly seq: number;
  readonly reason: string;
}

export interface RunCheck {
  readonly problem?: LineProblem;
  /** `prev` of the run's first line as read (undefined when absent), for the caller to join runs. */
  readonly firstPrev?: string;
  /** How many lines checked out: all of them, or those before the problem. */
  readonly count: number;
  /** The leaf hash of the last of those lines, if any. */
  readonly lastLeaf?: Buffer;
  /** Leaf hashes of those lines, 32 bytes each, in order, if asked for. */
  readonly leaves?: Buffer;
  /** The run's Merkle subtrees (the run starts at a multiple of a power of two at least its length). */
  readonly subtrees: readonly Buffer[];
  /** Their entry ids, packed (packedIds), and the `ref`s entries make, for the caller's ledger-wide checks. */
  readonly ids: Buffer;
  readonly refs: readonly (readonly [seq: number, ref: string])[];
}

/** Bytes per id in packed ids: an id as read is at most 64 Latin-1 characters. */
export const ID_BYTES = 64;
/**
 * Pads an id shorter than ID_BYTES (read from a line cut short). No line holds an LF, so padded ids
 * are equal exactly when the ids are.
 */
const ID_PAD = 0x0a;

/** Room for `count` packed ids. */
export function packedIds(count: number): Buffer {
  return Buffer.alloc(count * ID_BYTES, ID_PAD);
}

/** Writes `id` into slot `index` of packed ids made by packedIds. */
export function packId(ids: Buffer, index: number, id: string): void {
  ids.write(id, index * ID_BYTES, ID_BYTES, "latin1");
}

/** The id in slot `index` of packed ids. */
export function unpackId(ids: Buffer, index: number): string {
  const start = index * ID_BYTES;
  let end = start + ID_BYTES;
  while (end > start && ids[end - 1] === ID_PAD) end--;
  return ids.toString("latin1", start, end);
}

/** Why `bytes` is not a canonical entry line: the precise I-JSON complaint where there is one. */
function lineFormError(text: string): string {
  try {
    parseStrict(text);
  } catch (e) {
    if (e instanceof JsonSyntaxError) return `not I-JSON at column ${e.column}: ${e.reason}`;
    throw e;
  }
  return "not in RFC 8785 canonical form";
}

/** The entry on a line, or why the line is not one: UTF-8, canonical I-JSON, the schema and value rules. */
function parseEntry(bytes: Buffer): Entry | string {
  if (!isUtf8(bytes)) return "not valid UTF-8";
  const text = bytes.toString("utf8");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return lineFormError(text);
  }
  // Every line of a valid ledger takes this path; the one below says what is wrong with the others.
  if (canonicalIJson(value) === text) return entryShapeError(value, { isIJson: true }) ?? (value as Entry);
  let canonical: string | undefined;
  try {
    canonical = canonicalize(value);
  } catch {
    canonical = undefined;
  }
  if (canonical !== text) return lineFormError(text);
  return entryShapeError(value) ?? (value as Entry);
}

const SIG_MEMBER = Buffer.from(',"sig":{"keyid":"');

/**
 * The bytes `entry`'s signature covers (signingInput), cut from its canonical line instead of
 * serialising the entry again: removing a member from a canonical object leaves the canonical form of
 * the rest. The top-level `sig` member is the last place its opening bytes occur: a string cannot hold
 * an unescaped quote, and the members after it have fixed shapes without a "sig". It runs for
 * ',"sig":' and then the JCS form of its value, which the parsed value gives.
 */
function signedBytes(line: Buffer, entry: Entry): Buffer {
  const at = line.lastIndexOf(SIG_MEMBER);
  const end = at + ',"sig":'.length + Buffer.byteLength(JSON.stringify(entry.sig));
  return pae(ENTRY_PAYLOAD_TYPE, line.subarray(0, at), line.subarray(end));
}

/** What the chain checks read of an entry. */
type ChainFields = Pick<Entry, "seq" | "id"> & { readonly prev?: string | undefined; readonly ref?: string | undefined };

// Needles as bytes: searching a Buffer for a string converts the string on every call.
const KIND = Buffer.from('"kind":"');
const ID = Buffer.from('"id":"');
const SEQ = Buffer.from('"seq":');
const PREV = Buffer.from('"prev":"');
const REF = Buffer.from('"ref":"');

/**
 * Reads seq, prev, id and ref from a canonical line by position instead of parsing it, which is what
 * lets `--fast` keep up with hashing. JCS sorts members, so every top-level member after "kind" is
 * one whose value holds no free-form object ("kind" itself follows "inputs", the one that can): the
 * last occurrences of `"prev":"`, `"ref":"` and `"seq":` past `"kind":` are the top-level ones; and
 * "id" precedes "inputs", with only numeric ids nested before it. Lines a full verification accepted
 * always have this shape; anything else is reported, not guessed at.
 */
function chainFields(bytes: Buffer): ChainFields | string {
  const { kindAt, seqAt, prevAt, refAt } = lastNeedles(bytes);
  const idAt = idBefore(bytes, kindAt);
  if (bytes[0] !== 0x7b || kindAt < 0 || idAt < 0 || seqAt < kindAt) return "not an entry line with id, kind and seq";
  let seq = 0;
  let i = seqAt + SEQ.length;
  for (let c = bytes[i]; c !== undefined && c >= 0x30 && c <= 0x39; c = bytes[++i]) seq = seq * 10 + (c - 0x30);
  if (i === seqAt + SEQ.length || (bytes[i] !== 0x2c && bytes[i] !== 0x7d)) return "seq is not a decimal number";
  return {
    seq,
    id: hexAt(bytes, idAt + ID.length),
    prev: prevAt < kindAt ? undefined : hexAt(bytes, prevAt + PREV.length),
    ref: refAt < kindAt ? undefined : hexAt(bytes, refAt + REF.length),
  };
}

/** The needles lastNeedles looks for, each starting with `"`, and the shortest one's length. */
const BACKWARD = [KIND, SEQ, PREV, REF];
const SHORTEST = Math.min(...BACKWARD.map((n) => n.length));
/**
 * For each byte value, how far before a position holding it the next possible needle start is:
 * its smallest offset past the first in any needle's first SHORTEST bytes, or SHORTEST if none.
 */
const SKIP = new Uint8Array(256).fill(SHORTEST);
for (const needle of BACKWARD) {
  for (let k = 1; k < SHORTEST; k++) {
    const byte = needle[k] as number;
    SKIP[byte] = Math.min(SKIP[byte] as number, k);
  }
}

/**
 * The last occurrence of `"kind":"`, and the last ones of `"seq":`, `"prev":"` and `"ref":"` if they
 * are after it (else −1): what lastIndexOf would give, but in one backward pass that stops at "kind"
 * and skips bytes no needle can start near (Horspool), far cheaper than four lastIndexOf calls.
 */
function lastNeedles(bytes: Buffer): { kindAt: number; seqAt: number; prevAt: number; refAt: number } {
  let kindAt = -1;
  let seqAt = -1;
  let prevAt = -1;
  let refAt = -1;
  for (let i = bytes.length - SHORTEST; i >= 0; ) {
    const c = bytes[i] as number;
    if (c === 0x22) {
      // The byte after the quote tells which needle this can be.
      const next = bytes[i + 1];
      if (next === KIND[1]) {
        if (occursAt(bytes, i, KIND)) {
          kindAt = i;
          break;
        }
      } else if (next === SEQ[1]) {
        if (seqAt < 0 && occursAt(bytes, i, SEQ)) seqAt = i;
      } else if (next === PREV[1]) {
        if (prevAt < 0 && occursAt(bytes, i, PREV)) prevAt = i;
      } else if (next === REF[1] && refAt < 0 && occursAt(bytes, i, REF)) refAt = i;
    }
    i -= SKIP[c] as number;
  }
  return { kindAt, seqAt, prevAt, refAt };
}

/**
 * For ID at each byte value at the end of a window that does not match: how far the next window
 * that can starts (Horspool), as for SKIP but forward.
 */
const ID_SKIP = new Uint8Array(256).fill(ID.length);
for (let k = 0; k < ID.length - 1; k++) ID_SKIP[ID[k] as number] = ID.length - 1 - k;

/** Where `"id":"` first occurs, if it starts before `end`; −1 otherwise. */
function idBefore(bytes: Uint8Array, end: number): number {
  for (let i = 0; i < end && i + ID.length <= bytes.length; i += ID_SKIP[bytes[i + ID.length - 1] as number] as number) {
    if (occursAt(bytes, i, ID)) return i;
  }
  return -1;
}

function occursAt(bytes: Uint8Array, at: number, needle: Uint8Array): boolean {
  if (at + needle.length > bytes.length) return false;
  for (let j = 0; j < needle.length; j++) if (bytes[at + j] !== needle[j]) return false;
  return true;
}

/** The 64-character value at `start`; its format is the full check's business, not this one's. */
function hexAt(bytes: Buffer, start: number): string {
  return bytes.toString("latin1", start, start + 64);
}

/**
 * A line accepted but for its signature, which checkLines verifies after the run's other checks:
 * what the verification needs and nothing more, since a run holds a thousand of these.
 */
interface Unverified {
  readonly key: Verifier;
  /** The signed bytes (signingInput) and the signature. */
  readonly message: Buffer;
  readonly sig: Buffer;
}

/**
 * Checks `lines`, which stand at seq `startSeq` onward. `keyFor` gives the key that must have signed
 * each seq (used at level `full` only). Stops at the first problem; hashes are still returned for the
 * lines before it, every leaf hash only if `keepLeaves`.
 */
export function checkLines(
  lines: readonly Buffer[],
  startSeq: number,
  keyFor: (seq: number) => Verifier,
  level: CheckLevel,
  keepLeaves = false,
): RunCheck {
  const run = new RunBuilder(lines.length, keepLeaves);
  const unverified: Unverified[] = [];
  let problem: LineProblem | undefined;
  for (const bytes of lines) {
    const seq = startSeq + run.count;
    const reason = level === "full" ? checkFull(bytes, seq, run, keyFor(seq), unverified) : checkFast(bytes, seq, run);
    if (reason !== undefined) {
      problem = { seq, reason };
      break;
    }
  }
  // The signatures come last, together: between the other checks of each line they cost more, the
  // two evicting each other's code and data from the processor's caches.
  const bad = unverified.findIndex((u) => !u.key.verify(u.message, u.sig));
  if (bad < 0) return run.result(problem);
  // Lines before the first bad signature stand; the run is rebuilt from them, as if it had stopped
  // there. They parsed once, so they parse again.
  const before = new RunBuilder(lines.length, keepLeaves);
  for (const bytes of lines.slice(0, bad)) before.accept(bytes, parseEntry(bytes) as Entry);
  return before.result({ seq: startSeq + bad, reason: signatureMismatch(parseEntry(lines[bad] as Buffer) as Entry) });
}

/** What a run has checked so far: the lines that passed, as the caller's joins need them. */
class RunBuilder {
  readonly ids: Buffer;
  readonly refs: [number, string][] = [];
  /** The leaf hash of the last line accepted, in hex, as the next line's prev names it. */
  previous: string | undefined;
  firstPrev: string | undefined;
  count = 0;
  private readonly range = new RangeBuilder();
  private readonly leaves: Buffer | undefined;

  constructor(lines: number, keepLeaves: boolean) {
    this.ids = packedIds(lines);
    this.leaves = keepLeaves ? Buffer.alloc(lines * HASH_SIZE) : undefined;
  }

  /** Records a line that passed its checks, with what the chain checks read of it. */
  accept(bytes: Buffer, e: ChainFields): void {
    if (this.count === 0) this.firstPrev = e.prev;
    packId(this.ids, this.count, e.id);
    if (e.ref !== undefined) this.refs.push([e.seq, e.ref]);
    // Hex, because that is how the next line's prev names it.
    const leaf = leafHashHex(bytes);
    this.range.pushHex(leaf);
    this.leaves?.write(leaf, this.count * HASH_SIZE, "hex");
    this.previous = leaf;
    this.count++;
  }

  result(problem: LineProblem | undefined): RunCheck {
    const { count, previous, firstPrev, leaves } = this;
    return {
      ...(problem ? { problem } : {}),
      ...(firstPrev !== undefined ? { firstPrev } : {}),
      count,
      ...(previous !== undefined ? { lastLeaf: Buffer.from(previous, "hex") } : {}),
      ...(leaves ? { leaves: leaves.subarray(0, count * HASH_SIZE) } : {}),
      subtrees: this.range.hashes(),
      ids: this.ids.subarray(0, count * ID_BYTES),
      refs: this.refs,
    };
  }
}

/**
 * Checks a line at level full but for the cryptography of its signature, and if it passes records it
 * in `run` and what its signature must verify in `unverified`.
 */
function checkFull(bytes: Buffer, seq: number, run: RunBuilder, key: Verifier, unverified: Unverified[]): string | undefined {
  const entry = parseEntry(bytes);
  if (typeof entry === "string") return entry;
  const chain = chainError(entry.seq, seq, run.previous, entry.prev);
  if (chain !== undefined) return chain;
  const sig = signatureBytes(entry, key);
  if (typeof sig === "string") return sig;
  unverified.push({ key, message: signedBytes(bytes, entry), sig });
  run.accept(bytes, entry);
  return undefined;
}

/** Checks a line at level fast (chainFields), and records it in `run` if it passes. */
function checkFast(bytes: Buffer, seq: number, run: RunBuilder): string | undefined {
  const e = chainFields(bytes);
  if (typeof e === "string") return e;
  const reason = chainError(e.seq, seq, run.previous, e.prev);
  if (reason === undefined) run.accept(bytes, e);
  return reason;
}

/** Why a line with this seq and prev cannot follow the line whose leaf hash is `previous`, at `expected`. */
function chainError(seq: number, expected: number, previous: string | undefined, prev: string | undefined): string | undefined {
  if (seq !== expected) return `seq is ${seq}, expected ${expected}: an entry is missing, repeated or out of order here`;
  if (previous !== undefined && prev !== previous)
    return `prev is ${String(prev)}, but the leaf hash of seq ${expected - 1} is ${previous}`;
  return undefined;
}
