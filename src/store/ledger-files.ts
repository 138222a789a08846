/**
 * An append as a set of whole-file changes, computed from whatever the ledger's current files are.
 * The folder writer and the git data branch writer both store exactly these changes, so a ledger has
 * one layout wherever it lives; and reading only the files named here is what keeps an append's cost
 * independent of the ledger's size.
 */
import { type AppendResult, append, emptyHead, type LedgerHead } from "../ledger/append.ts";
import { type Checkpoint, CheckpointError, parseCheckpoint } from "../ledger/checkpoint.ts";
import type { EntryBody } from "../ledger/entry.ts";
import { formatHead, HeadError, parseHead, rollForward } from "../ledger/head.ts";
import { JsonSyntaxError, parseStrict } from "../ledger/json.ts";
import { type Keyring, KeyringError, type KeysFile, openKeyring, rotate } from "../ledger/keyring.ts";
import type { Signer } from "../ledger/keys.ts";
import {
  CHECKPOINT_FILE,
  HEAD_FILE,
  indexLine,
  indexPath,
  KEYS_FILE,
  rulesPath,
  SHARD_SIZE,
  shardOf,
  shardPath,
  subjectPath,
} from "../ledger/layout.ts";
import { CompactRange, leafHash } from "../ledger/merkle.ts";
import { NoteError, openNote } from "../ledger/note.ts";
import { LedgerInvalidError, shardLinesOrThrow } from "./folder.ts";

/** The files of a ledger wherever they are: a folder, or a commit of a data branch. */
export interface LedgerFiles {
  /** One file by its path inside the ledger; undefined when it does not exist. */
  read(path: string): Promise<Buffer | undefined>;
  /** Announces paths about to be read, so a remote reader fetches them in one round trip. */
  prefetch(paths: readonly string[]): Promise<void>;
}

/** Thrown when the signing key is not the one the ledger expects. */
export class KeyMismatchError extends Error {
  override name = "KeyMismatchError";
  /** Whether rotating to this key would resolve it (same origin, another key). */
  readonly rotatable: boolean;
  constructor(message: string, rotatable: boolean) {
    super(message);
    this.rotatable = rotatable;
  }
}

export interface PreparedAppend {
  readonly result: AppendResult;
  /** The head the append started from. */
  readonly base: LedgerHead;
  /** New contents of every file the append changes, by path; the checkpoint is written last. */
  readonly changes: ReadonlyMap<string, Buffer>;
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** Decodes a ledger text file; invalid UTF-8 is an error, never silently replaced. */
function utf8(path: string, bytes: Buffer): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    throw new LedgerInvalidError(path, "not valid UTF-8");
  }
}

async function readJsonFile(files: LedgerFiles, path: string): Promise<unknown | undefined> {
  const bytes = await files.read(path);
  if (bytes === undefined) return undefined;
  try {
    return parseStrict(utf8(path, bytes));
  } catch (e) {
    if (e instanceof JsonSyntaxError) throw new LedgerInvalidError(`${path}:${e.line}:${e.column}`, e.reason);
    throw e;
  }
}

export interface LedgerState {
  readonly keyring: Keyring;
  readonly head: LedgerHead;
  readonly checkpoint: Checkpoint;
  readonly checkpointNote: string;
}

/** Reads the keys, head and checkpoint, and checks that the checkpoint signs exactly that head. */
export async function readState(files: LedgerFiles): Promise<LedgerState | undefined> {
  await files.prefetch([KEYS_FILE, HEAD_FILE, CHECKPOINT_FILE]);
  const keys = await readJsonFile(files, KEYS_FILE);
  if (keys === undefined) return undefined;
  let keyring: Keyring;
  try {
    keyring = openKeyring(keys);
  } catch (e) {
    if (e instanceof KeyringError) throw new LedgerInvalidError(KEYS_FILE, e.message);
    throw e;
  }
  const origin = keyring.file.origin;
  let head: LedgerHead;
  try {
    head = parseHead(await readJsonFile(files, HEAD_FILE), origin);
  } catch (e) {
    if (e instanceof HeadError) throw new LedgerInvalidError(HEAD_FILE, e.message);
    throw e;
  }
  const noteBytes = await files.read(CHECKPOINT_FILE);
  const note = noteBytes && utf8(CHECKPOINT_FILE, noteBytes);
  if (note === undefined) throw new LedgerInvalidError(CHECKPOINT_FILE, "missing");
  let checkpoint: Checkpoint;
  try {
    checkpoint = parseCheckpoint(openNote(note, [keyring.current]).text);
  } catch (e) {
    if (e instanceof NoteError || e instanceof CheckpointError) throw new LedgerInvalidError(CHECKPOINT_FILE, e.message);
    throw e;
  }
  if (checkpoint.origin !== origin) {
    throw new LedgerInvalidError(CHECKPOINT_FILE, `origin '${checkpoint.origin}' is not this ledger's origin '${origin}'`);
  }
  return { keyring, head, checkpoint, checkpointNote: note };
}

/** A writer extends only the tree that the checkpoint signed: head.json must describe exactly it. */
function checkHeadIsCheckpointed({ head, checkpoint }: LedgerState): void {
  const root = CompactRange.fromHashes(head.size, [...head.range]).root();
  if (checkpoint.size !== head.size || !checkpoint.root.equals(root)) {
    throw new LedgerInvalidError(HEAD_FILE, `does not match the signed checkpoint (size ${checkpoint.size}); run meritlog verify`);
  }
}

/** Parses an index bucket into id → seq. */
export function parseIndexBucket(path: string, bytes: Buffer): Map<string, number> {
  const out = new Map<string, number>();
  const text = bytes.toString("utf8");
  for (const [i, line] of text.split("\n").entries()) {
    if (line === "" && i === text.split("\n").length - 1) continue;
    const match = /^([0-9a-f]{64}) (0|[1-9]\d*)$/.exec(line);
    if (!match) throw new LedgerInvalidError(`${path}:${i + 1}`, "expected '<64 hex id> <seq>'");
    out.set(match[1] as string, Number(match[2]));
  }
  return out;
}

export interface PrepareOptions {
  /** Make the signer the ledger's current key from the next entry on. */
  readonly rotate?: boolean;
  /** Rules documents by content hash (`sha256:<hex>`), stored once each under rules/ for recomputation. */
  readonly rules?: ReadonlyMap<string, string>;
  /** Whether an append of nothing creates a ledger that does not exist yet (default true). */
  readonly createEmpty?: boolean;
}

/** The lines of shard file `path` (empty when it does not exist). */
async function shardLines(files: LedgerFiles, path: string): Promise<Buffer[]> {
  const bytes = await files.read(path);
  if (bytes === undefined) return [];
  return shardLinesOrThrow(path, bytes);
}

/** The lines at seq `from` … `to` − 1, fetching only the shards that hold them. */
export async function linesBetween(files: LedgerFiles, from: number, to: number): Promise<Buffer[]> {
  if (to <= from) return [];
  const paths = Array.from({ length: shardOf(to - 1) - shardOf(from) + 1 }, (_, i) => shardPath(shardOf(from) + i));
  await files.prefetch(paths);
  const out: Buffer[] = [];
  for (const [i, path] of paths.entries()) {
    const first = (shardOf(from) + i) * SHARD_SIZE;
    for (const [j, line] of (await shardLines(files, path)).entries()) if (first + j >= from && first + j < to) out.push(line);
  }
  return out;
}

/**
 * The head a writer extends, checked against what it can see cheaply: the signed checkpoint, and the
 * newest shard's last line. A crash of a folder writer between writing the checkpoint and head.json
 * leaves the checkpoint ahead; the head then rolls forward over the lines the checkpoint covers.
 * Lines and index entries past the head were left by a crash before the checkpoint: not part of the
 * ledger, they are dropped.
 */
async function writerHead(files: LedgerFiles, state: LedgerState): Promise<{ head: LedgerHead; rolled: boolean; newest: Buffer[] }> {
  const { checkpoint } = state;
  let head = state.head;
  let rolled = false;
  if (checkpoint.size > head.size) {
    const rolledHead = rollForward(head, await linesBetween(files, head.size, checkpoint.size));
    if (
      !CompactRange.fromHashes(rolledHead.size, [...rolledHead.range])
        .root()
        .equals(checkpoint.root)
    ) {
      throw new LedgerInvalidError(
        HEAD_FILE,
        `is behind the signed checkpoint (size ${checkpoint.size}) and the entries do not make up the difference; run meritlog verify`,
      );
    }
    head = rolledHead;
    rolled = true;
  }
  checkHeadIsCheckpointed({ ...state, head });
  if (head.size === 0) return { head, rolled, newest: [] };
  const path = shardPath(shardOf(head.size - 1));
  const count = ((head.size - 1) % SHARD_SIZE) + 1;
  const lines = await shardLines(files, path);
  if (lines.length < count) throw new LedgerInvalidError(path, `holds ${lines.length} lines, but the checkpoint covers ${count} in it`);
  const newest = lines.slice(0, count);
  if (!head.last || !leafHash(newest[count - 1] as Buffer).equals(head.last)) {
    throw new LedgerInvalidError(HEAD_FILE, `last is not the leaf hash of ${path}:${count}; run meritlog verify`);
  }
  return { head, rolled, newest };
}

/** The subject index file an entry is listed in; undefined for entries about no pull request or issue. */
function subjectPathOf(body: EntryBody): string | undefined {
  return body.subject.number === undefined ? undefined : subjectPath(body.repo.id, body.subject.number);
}

function subjectPaths(bodies: readonly EntryBody[]): string[] {
  return [...new Set(bodies.flatMap((b) => subjectPathOf(b) ?? []))];
}

function groupBy<T>(items: readonly T[], key: (item: T) => string | undefined): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k !== undefined) out.set(k, [...(out.get(k) ?? []), item]);
  }
  return out;
}

/** The seqs a subject index file lists (none when it does not exist). */
export function parseSubjectFile(path: string, bytes: Buffer | undefined): number[] {
  if (!bytes) return [];
  return bytes
    .toString("utf8")
    .split("\n")
    .filter((l, i, all) => !(l === "" && i === all.length - 1))
    .map((line, i) => {
      if (!/^(0|[1-9]\d*)$/.test(line)) throw new LedgerInvalidError(`${path}:${i + 1}`, "expected a seq");
      return Number(line);
    });
}

/** Computes the file changes that append `bodies`, reading only the files that the append touches. */
export async function prepareAppend(
  files: LedgerFiles,
  bodies: readonly EntryBody[],
  signer: Signer,
  options: PrepareOptions = {},
): Promise<PreparedAppend> {
  const state = await readState(files);
  let keys: KeysFile | undefined;
  let head: LedgerHead;
  let rolled = false;
  let newest: Buffer[] = [];
  if (!state) {
    keys = { v: 1, origin: signer.name, keys: [{ vkey: signer.verifier.vkey, from: 0 }] };
    head = emptyHead(signer.name);
  } else {
    const { keyring } = state;
    if (signer.name !== keyring.file.origin) {
      throw new KeyMismatchError(`the signing key is named '${signer.name}', but this ledger's origin is '${keyring.file.origin}'`, false);
    }
    if (keyring.current.vkey !== signer.verifier.vkey) {
      if (!options.rotate) {
        throw new KeyMismatchError(
          `the signing key is not the ledger's current key ${keyring.current.vkey}; rotate to make it the current key from the next entry`,
          true,
        );
      }
    }
    await files.prefetch([
      ...(state.head.size > 0 ? [shardPath(shardOf(state.head.size - 1))] : []),
      ...new Set(bodies.map((b) => indexPath(b.id))),
      ...subjectPaths(bodies),
    ]);
    ({ head, rolled, newest } = await writerHead(files, state));
    if (keyring.current.vkey !== signer.verifier.vkey) keys = rotate(keyring.file, signer.verifier, head.size);
  }

  const buckets = new Map<string, Map<string, number>>();
  for (const path of new Set(bodies.map((b) => indexPath(b.id)))) {
    const bytes = await files.read(path);
    const listed = bytes ? parseIndexBucket(path, bytes) : new Map<string, number>();
    buckets.set(path, new Map([...listed].filter(([, seq]) => seq < head.size)));
  }
  const result = append(head, bodies, signer, (id) => buckets.get(indexPath(id))?.has(id) === true);

  const changes = new Map<string, Buffer>();
  if (result.lines.length === 0 && (!keys || (!state && options.createEmpty === false))) {
    // A replay changes nothing, not even the checkpoint; only a rolled-forward head.json is repaired.
    if (rolled) changes.set(HEAD_FILE, Buffer.from(formatHead(head)));
    return { result, base: head, changes };
  }
  if (keys) changes.set(KEYS_FILE, Buffer.from(`${JSON.stringify(keys, null, 1)}\n`));
  let seq = head.size;
  let i = 0;
  while (i < result.lines.length) {
    const path = shardPath(shardOf(seq));
    const take = Math.min(result.lines.length - i, SHARD_SIZE - (seq % SHARD_SIZE));
    const existing = seq === head.size && seq % SHARD_SIZE !== 0 ? newest.map((l) => `${l.toString("utf8")}\n`).join("") : "";
    const added = result.lines
      .slice(i, i + take)
      .map((l) => `${l}\n`)
      .join("");
    changes.set(path, Buffer.from(existing + added, "utf8"));
    i += take;
    seq += take;
  }
  const additions = new Map<string, string[]>();
  for (const entry of result.entries) {
    const path = indexPath(entry.id);
    additions.set(path, [...(additions.get(path) ?? []), indexLine(entry.id, entry.seq)]);
  }
  for (const [path, lines] of additions) {
    const kept = [...(buckets.get(path) ?? [])].map(([id, seq]) => indexLine(id, seq));
    changes.set(path, Buffer.from([...kept, ...lines].join(""), "utf8"));
  }
  for (const [path, seqs] of groupBy(result.entries, subjectPathOf)) {
    const kept = parseSubjectFile(path, await files.read(path)).filter((seq) => seq < head.size);
    changes.set(path, Buffer.from([...kept, ...seqs.map((e) => e.seq)].map((seq) => `${seq}\n`).join(""), "utf8"));
  }
  for (const [hash, document] of options.rules ?? []) {
    if (!result.entries.some((e) => e.rules === hash)) continue;
    const path = rulesPath(hash);
    if ((await files.read(path)) === undefined) changes.set(path, Buffer.from(document, "utf8"));
  }
  changes.set(HEAD_FILE, Buffer.from(formatHead(result.head)));
  changes.set(CHECKPOINT_FILE, Buffer.from(result.checkpoint));
  return { result, base: head, changes };
}
