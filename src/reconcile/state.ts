/**
 * Where reconcile and backfill stand, per repository: a small JSON file on the data branch
 * (`sync/<repository id>.json`, ledger/FORMAT.md §16.5), written in the same commit as the entries it
 * accounts for, so the two can never disagree.
 */
import { LedgerInvalidError } from "../store/folder.ts";

export interface BackfillState {
  /** The first day whose facts the backfill records (YYYY-MM-DD). */
  readonly since: string;
  /** GitHub's cursor after the last page recorded; absent before the first. */
  readonly cursor?: string;
  /** Pull requests recorded so far. */
  readonly pulls: number;
  readonly done: boolean;
  /** When this backfill began: what a reconcile needs to cover after it. */
  readonly started: string;
}

export interface SyncState {
  readonly v: 1;
  /** owner/name, for people reading the branch. */
  readonly repo: string;
  /** The newest `updatedAt` a reconcile has recorded up to (RFC 3339). */
  readonly reconciled?: string;
  readonly backfill?: BackfillState;
}

export function syncPath(repoId: number): string {
  return `sync/${repoId}.json`;
}

export function formatSyncState(state: SyncState): Buffer {
  return Buffer.from(`${JSON.stringify(state, null, 1)}\n`, "utf8");
}

const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** Reads a state file; anything but what formatSyncState writes fails, naming the file and field. */
export function parseSyncState(path: string, bytes: Buffer | undefined): SyncState | undefined {
  if (!bytes) return undefined;
  const bad = (field: string, expected: string) => new LedgerInvalidError(path, `${field}: expected ${expected}`);
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString("utf8"));
  } catch (e) {
    throw bad("(file)", `JSON (${(e as Error).message})`);
  }
  const s = value as Partial<SyncState>;
  if (typeof s !== "object" || s === null || s.v !== 1) throw bad("v", "1");
  if (typeof s.repo !== "string") throw bad("repo", "owner/name");
  if (s.reconciled !== undefined && !TIME.test(String(s.reconciled))) throw bad("reconciled", "an RFC 3339 UTC time");
  const b = s.backfill;
  if (b !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(String(b.since))) throw bad("backfill.since", "YYYY-MM-DD");
    if (b.cursor !== undefined && typeof b.cursor !== "string") throw bad("backfill.cursor", "a string");
    if (!Number.isSafeInteger(b.pulls) || b.pulls < 0) throw bad("backfill.pulls", "a non-negative integer");
    if (typeof b.done !== "boolean") throw bad("backfill.done", "true or false");
    if (!TIME.test(String(b.started))) throw bad("backfill.started", "an RFC 3339 UTC time");
  }
  return s as SyncState;
}
