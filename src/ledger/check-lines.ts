/**
 * The per-line half of verification, pure and self-contained so that worker processes can run it on
 * disjoint runs of lines: each line's own validity, and the chain between neighbours inside the run.
 * What spans runs (boundaries, duplicate ids, the Merkle root) is joined by the caller.
 */
import { isUtf8 } from "node:buffer";
import { type Entry, entryShapeError, signatureError } from "./entry.ts";
import { canonicalize, JsonSyntaxError, parseStrict } from "./json.ts";
import type { Verifier } from "./keys.ts";
import { CompactRange, leafHash } from "./merkle.ts";

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
  /** Leaf hashes of every line, 32 bytes each, in order. */
  readonly leaves: Buffer;
  /** The run's Merkle subtrees (the run starts at a multiple of a power of two at least its length). */
  readonly subtrees: readonly Buffer[];
  /** Entry ids in order, and the `ref`s entries make, for the caller's ledger-wide checks. */
  readonly ids: readonly string[];
  readonly refs: readonly (readonly [seq: number, ref: string])[];
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

function parseLine(bytes: Buffer, level: CheckLevel): ChainFields | string {
  if (level === "fast") return chainFields(bytes);
  if (!isUtf8(bytes)) return "not valid UTF-8";
  const text = bytes.toString("utf8");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return lineFormError(text);
  }
  let canonical: string | undefined;
  try {
    canonical = canonicalize(value);
  } catch {
    canonical = undefined;
  }
  if (canonical !== text) return lineFormError(text);
  return entryShapeError(value) ?? (value as Entry);
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
  const kindAt = bytes.lastIndexOf(KIND);
  const idAt = bytes.indexOf(ID);
  const seqAt = bytes.lastIndexOf(SEQ);
  if (bytes[0] !== 0x7b || kindAt < 0 || idAt < 0 || idAt > kindAt || seqAt < kindAt) return "not an entry line with id, kind and seq";
  let seq = 0;
  let i = seqAt + SEQ.length;
  for (let c = bytes[i]; c !== undefined && c >= 0x30 && c <= 0x39; c = bytes[++i]) seq = seq * 10 + (c - 0x30);
  if (i === seqAt + SEQ.length || (bytes[i] !== 0x2c && bytes[i] !== 0x7d)) return "seq is not a decimal number";
  return { seq, id: hexAt(bytes, idAt + ID.length), prev: hexAfter(bytes, PREV, kindAt), ref: hexAfter(bytes, REF, kindAt) };
}

/** The 64-character value at `start`; its format is the full check's business, not this one's. */
function hexAt(bytes: Buffer, start: number): string {
  return bytes.toString("latin1", start, start + 64);
}

function hexAfter(bytes: Buffer, key: Buffer, from: number): string | undefined {
  const at = bytes.lastIndexOf(key);
  return at < from ? undefined : hexAt(bytes, at + key.length);
}

/**
 * Checks `lines`, which stand at seq `startSeq` onward. `keyFor` gives the key that must have signed
 * each seq (used at level `full` only). Stops at the first problem; hashes are still returned for the
 * lines before it.
 */
export function checkLines(lines: readonly Buffer[], startSeq: number, keyFor: (seq: number) => Verifier, level: CheckLevel): RunCheck {
  const leaves = Buffer.alloc(lines.length * 32);
  const range = new CompactRange();
  const ids: string[] = [];
  const refs: [number, string][] = [];
  let firstPrev: string | undefined;
  let previous: string | undefined;
  let problem: LineProblem | undefined;
  for (let i = 0; i < lines.length; i++) {
    const seq = startSeq + i;
    const bytes = lines[i] as Buffer;
    const leaf = leafHash(bytes);
    const entry = parseLine(bytes, level);
    const reason = typeof entry === "string" ? entry : entryError(entry, seq, i === 0 ? undefined : previous, keyFor, level);
    if (reason !== undefined) {
      problem = { seq, reason };
      break;
    }
    const e = entry as ChainFields;
    if (i === 0) firstPrev = e.prev;
    leaf.copy(leaves, i * 32);
    range.push(leaf);
    previous = leaf.toString("hex");
    ids.push(e.id);
    if (e.ref !== undefined) refs.push([seq, e.ref]);
  }
  return {
    ...(problem ? { problem } : {}),
    ...(firstPrev !== undefined ? { firstPrev } : {}),
    leaves: leaves.subarray(0, ids.length * 32),
    subtrees: range.hashes,
    ids,
    refs,
  };
}

function entryError(
  e: ChainFields | Entry,
  seq: number,
  previous: string | undefined,
  keyFor: (seq: number) => Verifier,
  level: CheckLevel,
): string | undefined {
  if (e.seq !== seq) {
    return `seq is ${e.seq}, expected ${seq}: an entry is missing, repeated or out of order here`;
  }
  if (previous !== undefined && e.prev !== previous) {
    return `prev is ${String(e.prev)}, but the leaf hash of seq ${seq - 1} is ${previous}`;
  }
  if (level === "full") return signatureError(e as Entry, keyFor(seq));
  return undefined;
}
