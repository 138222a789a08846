/**
 * The files of one commit of a data branch, fetched on demand: every directory level a batch of
 * paths needs is one round trip, and nothing else of the tree is ever fetched.
 */
import type { LedgerFiles } from "../ledger-files.ts";
import type { LocalRepo, TreeEntry } from "./repo.ts";

function parentOf(path: string): string {
  const i = path.lastIndexOf("/");
  return i < 0 ? "" : path.slice(0, i);
}

function nameOf(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

export class CommitFiles implements LedgerFiles {
  private readonly repo: LocalRepo;
  private readonly commit: string | undefined;
  /** Directory listings by path; an absent directory lists as empty. */
  private readonly dirs = new Map<string, Map<string, TreeEntry>>();
  private readonly blobs = new Map<string, Buffer | undefined>();

  constructor(repo: LocalRepo, commit: string | undefined) {
    this.repo = repo;
    this.commit = commit;
  }

  /** The listings of directories ("" is the root), fetching the trees down to them as needed. */
  async listings(dirs: readonly string[]): Promise<Map<string, ReadonlyMap<string, TreeEntry>>> {
    await this.loadDirs(dirs);
    return new Map(dirs.map((d) => [d, this.dirs.get(d) ?? new Map()]));
  }

  private async loadDirs(wanted: readonly string[]): Promise<void> {
    // Each wanted directory and every directory above it.
    const needed = new Set<string>();
    for (const dir of wanted) {
      const parts = dir === "" ? [] : dir.split("/");
      for (let i = 1; i <= parts.length; i++) needed.add(parts.slice(0, i).join("/"));
    }
    if (!this.dirs.has("")) {
      if (!this.commit) {
        this.dirs.set("", new Map());
      } else {
        const root = await this.repo.treeOf(this.commit);
        await this.repo.fetchObjects([root]);
        const listed = await this.repo.listTrees([root]);
        this.dirs.set("", new Map((listed.get(root) ?? []).map((e) => [e.name, e])));
      }
    }
    const depthOf = (d: string) => (d === "" ? 0 : d.split("/").length);
    const maxDepth = Math.max(0, ...[...needed].map(depthOf));
    // One round trip a level: all the trees of a depth are fetched together.
    for (let depth = 1; depth <= maxDepth; depth++) {
      const level = [...needed].filter((d) => depthOf(d) === depth && !this.dirs.has(d));
      const trees = new Map<string, string>();
      for (const dir of level) {
        const entry = this.dirs.get(parentOf(dir))?.get(nameOf(dir));
        if (entry?.type === "tree") trees.set(dir, entry.oid);
        else this.dirs.set(dir, new Map());
      }
      await this.repo.fetchObjects([...trees.values()]);
      const listed = await this.repo.listTrees([...trees.values()]);
      for (const [dir, oid] of trees) this.dirs.set(dir, new Map((listed.get(oid) ?? []).map((e) => [e.name, e])));
    }
  }

  async prefetch(paths: readonly string[]): Promise<void> {
    const todo = paths.filter((p) => !this.blobs.has(p));
    if (todo.length === 0) return;
    await this.loadDirs(todo.map(parentOf));
    const oids = new Map<string, string>();
    for (const path of todo) {
      const entry = this.dirs.get(parentOf(path))?.get(nameOf(path));
      if (entry?.type === "blob") oids.set(path, entry.oid);
      else this.blobs.set(path, undefined);
    }
    await this.repo.fetchObjects([...oids.values()]);
    const contents = await this.repo.readObjects([...oids.values()]);
    for (const [path, oid] of oids) this.blobs.set(path, contents.get(oid));
  }

  async read(path: string): Promise<Buffer | undefined> {
    await this.prefetch([path]);
    return this.blobs.get(path);
  }
}
