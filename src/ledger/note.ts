/**
 * C2SP signed-note v1: a UTF-8 text ending in a newline, a blank line, and signature lines
 * `— <key name> <base64(4-byte key id ‖ signature)>`.
 */
import type { Signer, Verifier } from "./keys.ts";

const SIG_PREFIX = "\u2014 ";
/** As in the Go implementation: a note with more signature lines than this is refused unread. */
const MAX_SIGNATURES = 100;

export class NoteError extends Error {
  override name = "NoteError";
}

/** A note whose signatures were checked: its text and the known keys that signed it. */
export interface OpenedNote {
  readonly text: string;
  readonly signedBy: readonly Verifier[];
  /** Signature lines from keys not given to `openNote`, kept so a note can be re-served with them. */
  readonly otherSignatures: readonly string[];
}

function checkText(text: string): void {
  if (!text.endsWith("\n")) throw new NoteError("note text must end with a newline");
  if (!text.isWellFormed()) throw new NoteError("note text must be valid UTF-8");
  // Control characters other than newline would let two different readings of one note exist.
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if ((c < 0x20 && c !== 0x0a) || c === 0x7f) throw new NoteError("note text holds a control character");
  }
}

/** Signs `text` with every signer, appending to any existing signature lines. */
export function signNote(text: string, signers: readonly Signer[], existing: readonly string[] = []): string {
  checkText(text);
  const message = Buffer.from(text, "utf8");
  const lines = signers.map((s) => {
    const sig = Buffer.alloc(4 + 64);
    sig.writeUInt32BE(s.id, 0);
    s.sign(message).copy(sig, 4);
    return `${SIG_PREFIX}${s.name} ${sig.toString("base64")}\n`;
  });
  return `${text}\n${[...lines, ...existing].join("")}`;
}

/**
 * Opens a signed note. Lines from unknown keys are ignored (so witnesses can cosign and keys can
 * rotate); a line from a known key that does not verify is an error; at least one known key must
 * have signed.
 */
export function openNote(note: string, verifiers: readonly Verifier[]): OpenedNote {
  const split = note.lastIndexOf("\n\n");
  if (split < 0) throw new NoteError("note has no blank line before its signatures");
  const text = note.slice(0, split + 1);
  checkText(text);
  const sigBlock = note.slice(split + 2);
  if (!sigBlock.endsWith("\n")) throw new NoteError("note signatures must end with a newline");
  const lines = sigBlock.slice(0, -1).split("\n");
  if (lines.length > MAX_SIGNATURES) throw new NoteError(`note has more than ${MAX_SIGNATURES} signatures`);
  const message = Buffer.from(text, "utf8");
  const signedBy: Verifier[] = [];
  const otherSignatures: string[] = [];
  for (const line of lines) {
    if (!line.startsWith(SIG_PREFIX)) throw new NoteError(`malformed signature line ${JSON.stringify(line)}`);
    const rest = line.slice(SIG_PREFIX.length);
    const space = rest.lastIndexOf(" ");
    const name = rest.slice(0, space);
    const b64 = rest.slice(space + 1);
    const raw = Buffer.from(b64, "base64");
    if (space <= 0 || raw.toString("base64") !== b64 || raw.length < 5) {
      throw new NoteError(`malformed signature line ${JSON.stringify(line)}`);
    }
    const id = raw.readUInt32BE(0);
    const verifier = verifiers.find((v) => v.name === name && v.id === id);
    if (!verifier) {
      otherSignatures.push(`${line}\n`);
      continue;
    }
    if (signedBy.includes(verifier)) throw new NoteError(`key ${name} signed the note twice`);
    if (!verifier.verify(message, raw.subarray(4))) throw new NoteError(`signature by ${name} does not verify`);
    signedBy.push(verifier);
  }
  if (signedBy.length === 0) throw new NoteError("note is not signed by any known key");
  return { text, signedBy, otherSignatures };
}
