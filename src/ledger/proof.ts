/**
 * C2SP tlog-proof v1: an offline-verifiable proof that an entry is in the ledger, carrying the
 * checkpoint it proves against. The `extra` field carries the entry's line, so the proof is all a
 * third party needs besides the ledger's verifier key.
 */
import { type Checkpoint, CheckpointError, parseCheckpoint } from "./checkpoint.ts";
import { type Entry, entryShapeError, keyRef, signatureError } from "./entry.ts";
import type { Verifier } from "./keys.ts";
import { HASH_SIZE, leafHash, ProofError, verifyInclusion } from "./merkle.ts";
import { NoteError, openNote } from "./note.ts";

const HEADER = "c2sp.org/tlog-proof@v1";

export interface TlogProof {
  readonly extra?: Buffer;
  readonly index: number;
  readonly hashes: readonly Buffer[];
  /** The signed checkpoint note, verbatim. */
  readonly checkpoint: string;
}

export function formatProof(p: TlogProof): string {
  const lines = [HEADER];
  if (p.extra !== undefined) lines.push(`extra ${p.extra.toString("base64")}`);
  lines.push(`index ${p.index}`, ...p.hashes.map((h) => h.toString("base64")), "");
  return `${lines.join("\n")}\n${p.checkpoint}`;
}

export function parseProof(text: string): TlogProof {
  const lines = text.split("\n");
  let i = 0;
  if (lines[i++] !== HEADER) throw new ProofError(`the first line must be ${HEADER}`);
  let extra: Buffer | undefined;
  if (lines[i]?.startsWith("extra ")) {
    const b64 = (lines[i++] as string).slice("extra ".length);
    extra = Buffer.from(b64, "base64");
    if (extra.toString("base64") !== b64) throw new ProofError("extra must be standard base64");
  }
  const indexLine = lines[i++] ?? "";
  const index = /^index (0|[1-9]\d*)$/.exec(indexLine)?.[1];
  if (index === undefined || !Number.isSafeInteger(Number(index))) {
    throw new ProofError(`expected 'index <n>' with no leading zeros, found ${JSON.stringify(indexLine)}`);
  }
  const hashes: Buffer[] = [];
  while (i < lines.length && lines[i] !== "") {
    const b64 = lines[i++] as string;
    const hash = Buffer.from(b64, "base64");
    if (hash.length !== HASH_SIZE || hash.toString("base64") !== b64) throw new ProofError(`proof line ${i} is not a base64 SHA-256 hash`);
    hashes.push(hash);
  }
  if (lines[i++] !== "") throw new ProofError("the proof hashes must be followed by an empty line and the checkpoint");
  return { ...(extra ? { extra } : {}), index: Number(index), hashes, checkpoint: lines.slice(i).join("\n") };
}

export interface CheckedProof {
  readonly checkpoint: Checkpoint;
  readonly index: number;
  /** The proven entry. */
  readonly entry: Entry;
  /** Whether the entry's own signature was checked: only when its key is among the trusted ones. */
  readonly entrySignature: "verified" | "key not given";
}

/**
 * Checks a proof against trusted verifier keys: the checkpoint's signature by a key named after its
 * origin, then the inclusion of the entry carried in `extra` at `index`; and, when the key that
 * signed the entry is among `verifiers`, the entry's own signature.
 */
export function checkProof(text: string, verifiers: readonly Verifier[]): CheckedProof {
  const proof = parseProof(text);
  let checkpoint: Checkpoint;
  try {
    const opened = openNote(proof.checkpoint, verifiers);
    checkpoint = parseCheckpoint(opened.text);
    if (!opened.signedBy.some((v) => v.name === checkpoint.origin)) {
      throw new ProofError(
        `checkpoint: signed by ${opened.signedBy.map((v) => v.name).join(", ")}, none of them the log ${checkpoint.origin}`,
      );
    }
  } catch (e) {
    if (e instanceof NoteError || e instanceof CheckpointError) throw new ProofError(`checkpoint: ${e.message}`);
    throw e;
  }
  if (!proof.extra) throw new ProofError("the proof carries no entry (no extra line) to check");
  verifyInclusion(proof.index, checkpoint.size, leafHash(proof.extra), proof.hashes, checkpoint.root);
  let entry: unknown;
  try {
    entry = JSON.parse(proof.extra.toString("utf8"));
  } catch {
    throw new ProofError("the proven line is not a ledger entry (not JSON)");
  }
  const shape = entryShapeError(entry);
  if (shape) throw new ProofError(`the proven line is not a valid entry: ${shape}`);
  const e = entry as Entry;
  if (e.seq !== proof.index) throw new ProofError(`the entry's seq ${e.seq} is not the proven index ${proof.index}`);
  const key = verifiers.find((v) => keyRef(v) === e.sig.keyid);
  if (key) {
    const bad = signatureError(e, key);
    if (bad) throw new ProofError(bad);
  }
  return { checkpoint, index: proof.index, entry: e, entrySignature: key ? "verified" : "key not given" };
}
