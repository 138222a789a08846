/**
 * Appending to a ledger on a git data branch. The remote's atomic ref update is the only lock: build
 * the commit on the tip that was read, push without force, and when another writer got there first,
 * rebuild from its new tip (new seq, prev, signatures and checkpoint) and try again. Signed lines are
 * never rebased: a textual rebase would land, yet break the chain and repeat seqs.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { LedgerHead } from "../../ledger/append.ts";
import type { EntryBody } from "../../ledger/entry.ts";
import { extendsHead } from "../../ledger/head.ts";
import type { Signer } from "../../ledger/keys.ts";
import { HEAD_FILE, KEYS_FILE } from "../../ledger/layout.ts";
import { allowedSignersLine, sshPrivateKey } from "../../ledger/ssh.ts";
import { LedgerInvalidError } from "../folder.ts";
import { type LedgerFiles, linesBetween, type PreparedAppend, type PrepareOptions, prepareAppend, readState } from "../ledger-files.ts";
import { CommitFiles } from "./commit-files.ts";
import type { RemoteSpec } from "./remote.ts";
import { type Author, DEFAULT_AUTHOR, LocalRepo, PushRejectedError, type TreeEntry } from "./repo.ts";

export interface BranchAppendOptions extends PrepareOptions {
  readonly author?: Author;
  /** Attempts before giving up under contention (default 60). */
  readonly maxAttempts?: number;
  /** First backoff in milliseconds (default 100), doubled each retry up to 3 s, with full jitter. */
  readonly backoffMs?: number;
  /** A head seen before (e.g. by the previous run): the branch must still extend it. */
  readonly witness?: LedgerHead;
  /** Where scratch repositories go (default: the OS temp directory). */
  readonly scratch?: string;
  /** Base for a relative local remote path. */
  readonly cwd?: string;
  /**
   * Sign each commit with the ledger's key as an SSH signature, and keep an `allowed_signers` file on
   * the branch, so that `git verify-commit` works for auditors with stock git.
   */
  readonly signCommits?: boolean;
  /**
   * Files to write in the same commit as the entries (a reconcile's progress), computed on each
   * attempt's tip: they and the entries land together or not at all. Unchanged ones write nothing.
   */
  readonly alongside?: (files: LedgerFiles) => Promise<ReadonlyMap<string, Buffer>>;
}

/** Ledger lines are bytes to be kept exactly: no checkout may convert their line endings. */
const NEW_BRANCH_FILES: [string, Buffer] = [".gitattributes", Buffer.from("* -text\n")];

/** The allowed-signers file kept on the branch when commits are signed. */
export const ALLOWED_SIGNERS_FILE = "allowed_signers";

export interface BranchAppendResult extends PreparedAppend {
  /** The commit that now holds the entries; undefined when the append changed nothing. */
  readonly commit?: string;
  readonly attempts: number;
  readonly bytesFetched: number;
}

/** The longest single wait between attempts. */
const MAX_BACKOFF_MS = 3_000;

/** Too many other writers won the race, every time. */
export class ContentionError extends Error {
  override name = "ContentionError";
}

/**
 * What to append: fixed bodies, or bodies computed from the ledger as each attempt finds it (scoring
 * reads the month's entries for context, so a retry after losing a race scores again on the new tip).
 */
export type BodiesSource = readonly EntryBody[] | ((files: LedgerFiles) => Promise<readonly EntryBody[]>);

export async function appendToBranch(
  spec: RemoteSpec,
  bodies: BodiesSource,
  signer: Signer,
  options: BranchAppendOptions = {},
): Promise<BranchAppendResult> {
  const maxAttempts = options.maxAttempts ?? 60;
  const backoff = options.backoffMs ?? 100;
  const repo = await LocalRepo.create(spec, options.cwd ?? process.cwd(), options.scratch);
  try {
    let witness = options.witness;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const tip = await repo.fetchTip();
      const files = new CommitFiles(repo, tip);
      if (witness) await checkExtends(files, witness, spec.branch);
      const prepared = await withAlongside(
        files,
        await prepareAppend(files, typeof bodies === "function" ? await bodies(files) : bodies, signer, options),
        options.alongside,
      );
      if (prepared.changes.size === 0) return { ...prepared, attempts: attempt, bytesFetched: await repo.bytesFetched() };
      const author = options.author ?? DEFAULT_AUTHOR;
      const signing = options.signCommits ? await signingSetup(repo, files, signer, author) : undefined;
      const changes = new Map([...prepared.changes, ...(signing?.changes ?? []), ...(tip ? [] : [NEW_BRANCH_FILES])]);
      const commit = await commitChanges(repo, files, tip, changes, commitMessage(prepared), author, signing?.keyFile);
      try {
        await repo.push(commit);
        return { ...prepared, commit, attempts: attempt, bytesFetched: await repo.bytesFetched() };
      } catch (e) {
        if (!(e instanceof PushRejectedError)) throw e;
      }
      // Whatever the winner wrote must extend what this attempt read, or the branch was rewritten.
      witness = prepared.base;
      // Full jitter, capped: waits stay short enough for a workflow and long enough to spread writers.
      await sleep(Math.random() * Math.min(MAX_BACKOFF_MS, backoff * 2 ** (attempt - 1)));
    }
    throw new ContentionError(
      `gave up after ${maxAttempts} attempts: each time another writer appended to '${spec.branch}' first; retry later, or queue the writers (a workflow concurrency group)`,
    );
  } finally {
    await repo.dispose();
  }
}

async function withAlongside(
  files: LedgerFiles,
  prepared: PreparedAppend,
  alongside: BranchAppendOptions["alongside"],
): Promise<PreparedAppend> {
  if (!alongside) return prepared;
  const changes = new Map(prepared.changes);
  for (const [path, bytes] of await alongside(files)) if (!(await files.read(path))?.equals(bytes)) changes.set(path, bytes);
  return { ...prepared, changes };
}

/** Runs `use` on the branch tip's files, read on demand; nothing is written. */
export async function readBranch<T>(
  spec: RemoteSpec,
  use: (files: LedgerFiles) => Promise<T>,
  options: { cwd?: string; scratch?: string } = {},
): Promise<T> {
  const repo = await LocalRepo.create(spec, options.cwd ?? process.cwd(), options.scratch);
  try {
    return await use(new CommitFiles(repo, await repo.fetchTip()));
  } finally {
    await repo.dispose();
  }
}

/** Fails unless the branch still holds every entry of `witness`, unchanged. */
async function checkExtends(files: CommitFiles, witness: LedgerHead, branch: string): Promise<void> {
  const state = await readState(files);
  const head = state?.head;
  const rewritten = (why: string) =>
    new LedgerInvalidError(
      `branch ${branch}`,
      `no longer extends the checkpoint of size ${witness.size} seen before: ${why}; it was rewritten (force-pushed?), so nothing was appended`,
    );
  if (!head) throw rewritten("the ledger is gone");
  if (head.size < witness.size) throw rewritten(`it now has only ${head.size} entries`);
  const lines = await linesBetween(files, witness.size, head.size);
  if (!extendsHead(witness, head, lines)) throw rewritten("the entries it covered changed");
}

/**
 * Writes the SSH form of the signing key into the scratch repository and adds the key to the branch's
 * allowed_signers file (keys stay listed after a rotation, so old commits still verify).
 */
async function signingSetup(
  repo: LocalRepo,
  files: CommitFiles,
  signer: Signer,
  author: Author,
): Promise<{ keyFile: string; changes: Map<string, Buffer> }> {
  const line = allowedSignersLine(author.email, signer.verifier);
  const existing = (await files.read(ALLOWED_SIGNERS_FILE))?.toString("utf8") ?? "";
  const changes = new Map<string, Buffer>();
  if (!existing.split("\n").includes(line.trimEnd())) changes.set(ALLOWED_SIGNERS_FILE, Buffer.from(existing + line));
  return { keyFile: await repo.writePrivateFile("signing-key", sshPrivateKey(signer, author.email)), changes };
}

/** The commit message: what was appended, then one line per entry (seq, id, kind, login). */
function commitMessage(prepared: PreparedAppend): string {
  const { result, base } = prepared;
  const lines = result.entries.map((e) => `${e.seq} ${e.id} ${e.kind} ${e.actor.login}`);
  const n = result.entries.length;
  const summary =
    n > 0
      ? `meritlog: append ${n} ${n === 1 ? "entry" : "entries"} (seq ${base.size}–${result.head.size - 1})`
      : prepared.changes.has(KEYS_FILE)
        ? "meritlog: rotate the signing key"
        : prepared.changes.has(HEAD_FILE)
          ? "meritlog: repair head.json"
          : `meritlog: update ${[...prepared.changes.keys()].join(", ")}`;
  return `${summary}\n\n${lines.join("\n")}\n`;
}

/** Writes the changed files as blobs, rebuilds the trees above them, deepest first, and commits on `parent`. */
async function commitChanges(
  repo: LocalRepo,
  files: CommitFiles,
  parent: string | undefined,
  changes: ReadonlyMap<string, Buffer>,
  message: string,
  author: Author,
  sshKeyFile: string | undefined,
): Promise<string> {
  const paths = [...changes.keys()];
  const blobs = await repo.writeBlobs([...changes.values()]);
  const dirOf = (path: string) => path.slice(0, Math.max(0, path.lastIndexOf("/")));
  const nameOf = (path: string) => path.slice(path.lastIndexOf("/") + 1);
  // Every directory holding a change, and every directory above one.
  const dirs = new Set<string>([""]);
  for (const path of paths) {
    for (let d = dirOf(path); d !== ""; d = dirOf(d)) dirs.add(d);
  }
  const entries = new Map<string, Map<string, TreeEntry>>();
  for (const [dir, listing] of await files.listings([...dirs])) entries.set(dir, new Map(listing));
  paths.forEach((path, i) => {
    entries.get(dirOf(path))?.set(nameOf(path), { mode: "100644", type: "blob", oid: blobs[i] as string, name: nameOf(path) });
  });
  const depth = (d: string) => (d === "" ? 0 : d.split("/").length);
  const byDepth = [...dirs].sort((a, b) => depth(b) - depth(a));
  let root = "";
  for (let level = depth(byDepth[0] ?? ""); level >= 0; level--) {
    const batch = byDepth.filter((d) => depth(d) === level);
    const oids = await repo.writeTrees(batch.map((d) => [...(entries.get(d)?.values() ?? [])]));
    batch.forEach((dir, i) => {
      const oid = oids[i] as string;
      if (dir === "") root = oid;
      else entries.get(dirOf(dir))?.set(nameOf(dir), { mode: "040000", type: "tree", oid, name: nameOf(dir) });
    });
  }
  return repo.writeCommit(root, parent, message, author, sshKeyFile);
}
