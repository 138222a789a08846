/**
 * A scratch git repository that talks to one data branch: fetches exactly the objects asked for
 * (a treeless, shallow tip, then trees and blobs by id), builds commits from whole-file changes
 * without a working tree, and pushes without force, so that the remote's ref update is the lock.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RemoteAccess, type RemoteSpec, remoteAccess } from "./remote.ts";
import { GitError, git } from "./run.ts";

export interface TreeEntry {
  readonly mode: string;
  readonly type: "blob" | "tree";
  readonly oid: string;
  readonly name: string;
}

export interface Author {
  readonly name: string;
  readonly email: string;
}

export const DEFAULT_AUTHOR: Author = { name: "meritlog[bot]", email: "meritlog[bot]@users.noreply.github.com" };

/** The remote could not be reached, or refused the credentials. */
export class RemoteError extends Error {
  override name = "RemoteError";
}

/** Another writer updated the branch first: rebuild on its new tip and try again. */
export class PushRejectedError extends Error {
  override name = "PushRejectedError";
}

const REJECTED = /\[rejected\]|non-fast-forward|fetch first|cannot lock ref|failed to update ref|stale info|but expected/i;

const AUTH_REFUSED =
  /could not read Username|Authentication failed|HTTP Basic: Access denied|returned error: 40[13]|403 Forbidden|401 Unauthorized/i;

/** A remote failure, told apart: refused credentials say so, rather than git's prompt message. */
export function remoteProblem(what: string, e: GitError, hadToken: boolean): RemoteError {
  if (AUTH_REFUSED.test(e.stderr)) {
    return new RemoteError(
      hadToken
        ? `${what} refused the credentials: check that the token (MERITLOG_TOKEN, or the workflow's github-token) is valid and may read and push this repository`
        : `${what} needs credentials: set MERITLOG_TOKEN to a token that may read and push this repository`,
    );
  }
  return new RemoteError(`cannot reach ${what}: ${e.stderr || e.message}`);
}

export class LocalRepo {
  readonly dir: string;
  readonly spec: RemoteSpec;
  private readonly access: RemoteAccess;
  private readonly present = new Set<string>();

  private constructor(dir: string, spec: RemoteSpec, access: RemoteAccess) {
    this.dir = dir;
    this.spec = spec;
    this.access = access;
  }

  /** A fresh scratch repository for `spec` in a new temp directory (or `parent`). */
  static async create(spec: RemoteSpec, cwd: string, parent = tmpdir()): Promise<LocalRepo> {
    const dir = await mkdtemp(join(parent, "meritlog-git-"));
    const repo = new LocalRepo(dir, spec, remoteAccess(spec, cwd));
    try {
      await repo.run(["init", "-q", "--bare"]);
      // A scratch repository lives for one append: no automatic gc or maintenance, which git would
      // otherwise start in the background after a fetch, inside a folder about to be removed.
      for (const [key, value] of [...repo.access.config, ["gc.auto", "0"], ["maintenance.auto", "false"]])
        await repo.run(["config", key as string, value as string]);
    } catch (e) {
      await repo.dispose();
      if (e instanceof GitError) throw new RemoteError(`cannot set up a scratch repository in ${parent}: ${e.message}`);
      throw e;
    }
    return repo;
  }

  async dispose(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }

  /**
   * Bytes of pack data received from the remote so far: everything in packs came from the remote,
   * since this repository writes its own objects loose. Asked once at the end, not after every fetch,
   * since each answer costs a process.
   */
  async bytesFetched(): Promise<number> {
    const stats = (await this.run(["count-objects", "-v"])).toString("utf8");
    return Number(/size-pack: (\d+)/.exec(stats)?.[1] ?? 0) * 1024;
  }

  private run(args: readonly string[], input?: string | Buffer, remote = false): Promise<Buffer> {
    return git(args, {
      cwd: this.dir,
      ...(remote ? { env: this.access.env } : {}),
      ...(input !== undefined ? { input } : {}),
      secrets: this.access.secrets,
    });
  }

  private async remote(args: readonly string[]): Promise<Buffer> {
    try {
      return await this.run(args, undefined, true);
    } catch (e) {
      if (!(e instanceof GitError)) throw e;
      if (/couldn't find remote ref|not our ref/i.test(e.stderr)) throw e;
      throw remoteProblem(`the data branch '${this.spec.branch}' at ${this.access.url}`, e, this.access.secrets.length > 0);
    }
  }

  /** Fetches the branch tip's commit only (no trees, no blobs); undefined when the branch does not exist. */
  async fetchTip(): Promise<string | undefined> {
    const ref = `refs/remotes/origin/${this.spec.branch}`;
    try {
      await this.remote(["fetch", "-q", "--no-tags", "--depth=1", "--filter=tree:0", "origin", `+refs/heads/${this.spec.branch}:${ref}`]);
    } catch (e) {
      if (e instanceof GitError && /couldn't find remote ref/i.test(e.stderr)) return undefined;
      throw e;
    }
    const tip = (await this.run(["rev-parse", "--verify", ref])).toString("utf8").trim();
    this.present.add(tip);
    return tip;
  }

  /** Fetches objects by id in one round trip, skipping those already here. */
  async fetchObjects(oids: readonly string[]): Promise<void> {
    const missing = [...new Set(oids)].filter((o) => !this.present.has(o));
    if (missing.length === 0) return;
    // tree:0 makes the remote send exactly the objects named, never what they contain.
    await this.remote([
      "-c",
      "fetch.negotiationAlgorithm=noop",
      "fetch",
      "-q",
      "--no-tags",
      "--no-write-fetch-head",
      "--filter=tree:0",
      "origin",
      ...missing,
    ]);
    for (const o of missing) this.present.add(o);
  }

  async treeOf(commit: string): Promise<string> {
    const text = (await this.run(["cat-file", "commit", commit])).toString("utf8");
    const tree = /^tree ([0-9a-f]{40,64})$/m.exec(text)?.[1];
    if (!tree) throw new Error(`commit ${commit} has no tree`);
    return tree;
  }

  /**
   * Lists fetched trees in one process: `cat-file --batch` hands over each raw tree object, whose
   * entries are `<mode> <name>\0<binary id>` (the id as long as the repository's hash).
   */
  async listTrees(trees: readonly string[]): Promise<Map<string, TreeEntry[]>> {
    const raw = await this.readObjects(trees);
    return new Map(trees.map((oid) => [oid, parseTree(raw.get(oid) as Buffer, oid.length / 2)]));
  }

  /** Reads fetched objects (blobs, or trees in git's raw form) in one process. */
  async readObjects(oids: readonly string[]): Promise<Map<string, Buffer>> {
    const out = new Map<string, Buffer>();
    if (oids.length === 0) return out;
    const batch = await this.run(["cat-file", "--batch"], `${oids.join("\n")}\n`);
    let at = 0;
    for (const oid of oids) {
      const nl = batch.indexOf(10, at);
      const header = batch.toString("utf8", at, nl).split(" ");
      const size = Number(header[2]);
      out.set(oid, batch.subarray(nl + 1, nl + 1 + size));
      at = nl + 1 + size + 1;
    }
    return out;
  }

  /** Writes blobs in one process, returning their ids in order. */
  async writeBlobs(contents: readonly Buffer[]): Promise<string[]> {
    if (contents.length === 0) return [];
    const dir = await mkdtemp(join(this.dir, "blobs-"));
    try {
      const paths = await Promise.all(
        contents.map(async (c, i) => {
          const path = join(dir, String(i));
          await writeFile(path, c);
          return path;
        }),
      );
      const out = await this.run(["hash-object", "-w", "--no-filters", "--stdin-paths"], `${paths.join("\n")}\n`);
      const oids = out.toString("utf8").trim().split("\n");
      for (const o of oids) this.present.add(o);
      return oids;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /**
   * Writes trees in one process, returning their ids in order. Names are the ledger's own file names
   * (digits, letters, dots), so the newline-separated input of `mktree --batch` is unambiguous.
   */
  async writeTrees(trees: readonly (readonly TreeEntry[])[]): Promise<string[]> {
    if (trees.length === 0) return [];
    const input = trees.map((entries) => entries.map((e) => `${e.mode} ${e.type} ${e.oid}\t${e.name}\n`).join("")).join("\n");
    // --missing: the trees name objects this repository never fetched, and need not.
    const out = await this.run(["mktree", "--missing", "--batch"], `${input}\n`);
    const oids = out.toString("utf8").trim().split("\n");
    for (const o of oids) this.present.add(o);
    return oids;
  }

  /** Commits `tree`; signed with `sshKeyFile` (an OpenSSH private key) when given, as `git verify-commit` checks. */
  async writeCommit(tree: string, parent: string | undefined, message: string, author: Author, sshKeyFile?: string): Promise<string> {
    const who = {
      GIT_AUTHOR_NAME: author.name,
      GIT_AUTHOR_EMAIL: author.email,
      GIT_COMMITTER_NAME: author.name,
      GIT_COMMITTER_EMAIL: author.email,
    };
    const signing = sshKeyFile ? ["-c", "gpg.format=ssh", "-c", `user.signingKey=${sshKeyFile}`] : [];
    const args = [...signing, "commit-tree", tree, ...(parent ? ["-p", parent] : []), ...(sshKeyFile ? ["-S"] : []), "-F", "-"];
    const oid = (await git(args, { cwd: this.dir, env: who, input: message })).toString("utf8").trim();
    this.present.add(oid);
    return oid;
  }

  /** Writes a file into the scratch repository's own directory, readable by this user only. */
  async writePrivateFile(name: string, content: string): Promise<string> {
    const path = join(this.dir, name);
    await writeFile(path, content, { mode: 0o600 });
    return path;
  }

  /** Pushes `commit` to the branch without force; PushRejectedError when another writer got there first. */
  async push(commit: string): Promise<void> {
    try {
      await this.run(["push", "-q", "--no-verify", "origin", `${commit}:refs/heads/${this.spec.branch}`], undefined, true);
    } catch (e) {
      if (e instanceof GitError && REJECTED.test(e.stderr)) throw new PushRejectedError(e.stderr);
      if (e instanceof GitError)
        throw remoteProblem(`the data branch '${this.spec.branch}' at ${this.access.url}`, e, this.access.secrets.length > 0);
      throw e;
    }
  }
}

/** A raw tree object's entries, with modes as `ls-tree` and `mktree` spell them (six digits). */
function parseTree(raw: Buffer, idBytes: number): TreeEntry[] {
  const entries: TreeEntry[] = [];
  let at = 0;
  while (at < raw.length) {
    const space = raw.indexOf(0x20, at);
    const nul = raw.indexOf(0, space);
    const mode = raw.toString("latin1", at, space).padStart(6, "0");
    entries.push({
      mode,
      type: mode === "040000" ? "tree" : "blob",
      oid: raw.toString("hex", nul + 1, nul + 1 + idBytes),
      name: raw.toString("utf8", space + 1, nul),
    });
    at = nul + 1 + idBytes;
  }
  return entries;
}
