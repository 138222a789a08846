import { resolve } from "node:path";
import { isRemoteTarget, withCheckout } from "../store/git/checkout.ts";
import { checkBranchName, DEFAULT_BRANCH, type RemoteSpec } from "../store/git/remote.ts";
import { type CliIo, UsageError } from "./io.ts";

/** The token for HTTPS remotes comes from the environment, never a flag that `ps` would show. */
export const TOKEN_ENV = "MERITLOG_TOKEN";

export function remoteSpec(url: string, branch: string | undefined, env: NodeJS.ProcessEnv = process.env): RemoteSpec {
  const token = env[TOKEN_ENV];
  try {
    checkBranchName(branch ?? DEFAULT_BRANCH);
  } catch (e) {
    throw new UsageError(`--branch: ${(e as Error).message}`);
  }
  return { url, branch: branch ?? DEFAULT_BRANCH, ...(token ? { token } : {}) };
}

/**
 * Runs `use` on a ledger folder: `target` itself, or, when it is a git remote (a URL or a repository
 * path) or a branch is named, a temporary checkout of that branch.
 */
export async function withLedgerFolder<T>(
  target: string,
  branch: string | undefined,
  io: CliIo,
  use: (dir: string) => Promise<T>,
): Promise<T> {
  const path = resolve(io.cwd, target);
  if (branch === undefined && !isRemoteTarget(target) && !isRemoteTarget(path)) return use(path);
  return withCheckout(remoteSpec(target, branch), io.cwd, use);
}
