/**
 * head.json: a writer's cache of the ledger head (size, the Merkle tree's right edge, the last leaf
 * hash), so that appending reads neither old entries nor old shards. Verifiers recompute and compare it.
 */
import type { LedgerHead } from "./append.ts";
import { CompactRange, HASH_SIZE, leafHash } from "./merkle.ts";

const HEAD_VERSION = 1;

export class HeadError extends Error {
  override name = "HeadError";
}

export function formatHead(head: LedgerHead): string {
  const value = {
    v: HEAD_VERSION,
    size: head.size,
    range: head.range.map((h) => h.toString("base64")),
    ...(head.last ? { last: head.last.toString("hex") } : {}),
  };
  return `${JSON.stringify(value, null, 1)}\n`;
}

/** Reads head.json's value (already parsed as I-JSON) for a ledger of `origin`. */
export function parseHead(value: unknown, origin: string): LedgerHead {
  const v = value as { v?: unknown; size?: unknown; range?: unknown[]; last?: unknown } | null;
  const size = v?.size;
  if (v?.v !== HEAD_VERSION || typeof size !== "number" || !Number.isSafeInteger(size) || size < 0 || !Array.isArray(v.range)) {
    throw new HeadError("expected {v: 1, size, range, last}");
  }
  const unknown = Object.keys(v).find((k) => !["v", "size", "range", "last"].includes(k));
  if (unknown !== undefined) throw new HeadError(`unknown member '${unknown}'`);
  const range = v.range.map((h: unknown) => Buffer.from(String(h), "base64"));
  if (range.some((h: Buffer, i: number) => h.length !== HASH_SIZE || h.toString("base64") !== v.range?.[i])) {
    throw new HeadError("range holds a value that is not the canonical base64 of a SHA-256 hash");
  }
  if ((size === 0) !== (v.last === undefined) || (v.last !== undefined && (typeof v.last !== "string" || !/^[0-9a-f]{64}$/.test(v.last)))) {
    throw new HeadError("last must be the hex leaf hash of the last entry, absent when the ledger is empty");
  }
  return { origin, size, range, ...(v.last !== undefined ? { last: Buffer.from(String(v.last), "hex") } : {}) };
}

export function sameHead(a: LedgerHead, b: LedgerHead): boolean {
  return (
    a.size === b.size &&
    a.range.length === b.range.length &&
    a.range.every((h, i) => h.equals(b.range[i] as Buffer)) &&
    (a.last === undefined ? b.last === undefined : b.last !== undefined && a.last.equals(b.last))
  );
}

/** `prev` extended by the leaves of `lines`: the head a ledger has after them. */
export function rollForward(prev: LedgerHead, lines: readonly Uint8Array[]): LedgerHead {
  const range = CompactRange.fromHashes(prev.size, [...prev.range]);
  let last = prev.last;
  for (const line of lines) {
    last = leafHash(line);
    range.push(last);
  }
  return { origin: prev.origin, size: range.size, range: range.hashes, ...(last ? { last } : {}) };
}

/**
 * Whether `next` extends `prev`: the leaves of `between` (the lines from seq prev.size to next.size)
 * pushed onto prev's right edge must give next's, so every entry prev covered is still there, unchanged.
 * Costs only the lines appended since `prev`, however large the ledger.
 */
export function extendsHead(prev: LedgerHead, next: LedgerHead, between: readonly Uint8Array[]): boolean {
  return next.size >= prev.size && between.length === next.size - prev.size && sameHead(rollForward(prev, between), next);
}
