/**
 * Appending, as a pure function: the ledger's head and new entry bodies in; the signed lines, the
 * next head and the next signed checkpoint out. Writers (a folder, a git branch) only store the result.
 */
import { formatCheckpoint } from "./checkpoint.ts";
import { type Entry, type EntryBody, FORMAT_VERSION, signEntry, type UnsignedEntry } from "./entry.ts";
import { canonicalize } from "./json.ts";
import type { Signer } from "./keys.ts";
import { CompactRange, leafHash } from "./merkle.ts";
import { signNote } from "./note.ts";

/** All a writer needs to know about a ledger to extend it. */
export interface LedgerHead {
  readonly origin: string;
  /** Number of entries: the seq the next entry gets. */
  readonly size: number;
  /** The Merkle tree's right edge, from which the next root follows. */
  readonly range: readonly Buffer[];
  /** Leaf hash of entry size-1, which the next entry's `prev` names; absent when empty. */
  readonly last?: Buffer;
}

export function emptyHead(origin: string): LedgerHead {
  return { origin, size: 0, range: [] };
}

export interface AppendResult {
  readonly entries: readonly Entry[];
  /** The entries' canonical lines, without newline. */
  readonly lines: readonly string[];
  readonly head: LedgerHead;
  /** The signed checkpoint note of the new head. */
  readonly checkpoint: string;
  /** ids of bodies left out because the ledger (or the batch) already records their fact. */
  readonly skipped: readonly string[];
}

/**
 * Extends `head` with `bodies` in order. Bodies whose id `has` already reports, or that repeat an
 * earlier body of the batch, are skipped: a replayed event adds nothing.
 */
export function append(
  head: LedgerHead,
  bodies: readonly EntryBody[],
  signer: Signer,
  has: (id: string) => boolean = () => false,
): AppendResult {
  const range = CompactRange.fromHashes(head.size, head.range);
  const entries: Entry[] = [];
  const lines: string[] = [];
  const skipped: string[] = [];
  const batch = new Set<string>();
  let last = head.last;
  for (const body of bodies) {
    if (has(body.id) || batch.has(body.id)) {
      skipped.push(body.id);
      continue;
    }
    batch.add(body.id);
    const unsignedEntry: UnsignedEntry = {
      ...body,
      v: FORMAT_VERSION,
      seq: range.size,
      ...(last ? { prev: last.toString("hex") } : {}),
    };
    const line = canonicalize(signEntry(unsignedEntry, signer));
    last = leafHash(Buffer.from(line, "utf8"));
    range.push(last);
    // The entry as its line records it, which is not always the value signed: JCS writes -0 as 0.
    entries.push(JSON.parse(line) as Entry);
    lines.push(line);
  }
  const next: LedgerHead = { origin: head.origin, size: range.size, range: range.hashes, ...(last ? { last } : {}) };
  const checkpoint = signNote(formatCheckpoint({ origin: head.origin, size: range.size, root: range.root(), extensions: [] }), [signer]);
  return { entries, lines, head: next, checkpoint, skipped };
}
