/**
 * A full copy of a data branch's tip in a temp folder, for reading the whole ledger (verify, prove).
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RemoteSpec, remoteAccess } from "./remote.ts";
import { remoteProblem } from "./repo.ts";
import { GitError, git } from "./run.ts";

/** Whether `target` names a git remote rather than a ledger folder: a URL, or a path to a repository. */
export function isRemoteTarget(target: string): boolean {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) return true;
  return existsSync(join(target, ".git")) || (existsSync(join(target, "HEAD")) && existsSync(join(target, "objects")));
}

/** Runs `use` on a checkout of the branch tip, then removes it. */
export async function withCheckout<T>(spec: RemoteSpec, cwd: string, use: (dir: string) => Promise<T>): Promise<T> {
  const access = remoteAccess(spec, cwd);
  const parent = await mkdtemp(join(tmpdir(), "meritlog-checkout-"));
  const dir = join(parent, "ledger");
  try {
    try {
      await git(["clone", "-q", "--depth=1", "--single-branch", "--no-tags", "--branch", spec.branch, access.url, dir], {
        cwd: parent,
        env: access.env,
        secrets: access.secrets,
      });
    } catch (e) {
      if (e instanceof GitError) throw remoteProblem(`the data branch '${spec.branch}' at ${access.url}`, e, access.secrets.length > 0);
      throw e;
    }
    return await use(dir);
  } finally {
    await rm(parent, { recursive: true, force: true });
  }
}
