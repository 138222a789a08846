/**
 * Where a data branch lives: a URL (with a token for HTTPS) or a local path, and the environment git
 * needs to talk to it without ever putting the token on a command line or in a message.
 */
import { isAbsolute, resolve } from "node:path";
import { pathToFileURL } from "node:url";

export const DEFAULT_BRANCH = "meritlog";

export interface RemoteSpec {
  /** A URL (https://…, file://…) or a path to a repository on this machine. */
  readonly url: string;
  readonly branch: string;
  /** A token for HTTPS remotes, sent as a Basic authorization header the way GitHub expects it. */
  readonly token?: string;
}

export interface RemoteAccess {
  /** The URL git is given, credentials stripped. */
  readonly url: string;
  /** Config for this remote in the local repository (`git config <key> <value>`). */
  readonly config: readonly (readonly [string, string])[];
  /** Environment for every git command that talks to the remote. */
  readonly env: NodeJS.ProcessEnv;
  /** Strings that must never appear in a message. */
  readonly secrets: readonly string[];
}

/** A branch name git accepts and that cannot be mistaken for an option or a path trick. */
export function checkBranchName(branch: string): void {
  if (!/^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$/.test(branch) || branch.includes("..") || branch.endsWith(".lock") || branch.endsWith("/")) {
    throw new Error(`invalid branch name '${branch}'`);
  }
}

export function remoteAccess(spec: RemoteSpec, cwd: string): RemoteAccess {
  checkBranchName(spec.branch);
  const isUrl = /^[a-z][a-z0-9+.-]*:\/\//i.test(spec.url);
  let url = isUrl ? spec.url : pathToFileURL(isAbsolute(spec.url) ? spec.url : resolve(cwd, spec.url)).href;
  const secrets: string[] = [];
  let token = spec.token;
  if (isUrl) {
    const parsed = new URL(url);
    // A token written into the URL is moved into the header, so that git never prints it.
    if (parsed.password || parsed.username) {
      token ??= decodeURIComponent(parsed.password || parsed.username);
      secrets.push(decodeURIComponent(parsed.password), decodeURIComponent(parsed.username));
      parsed.username = "";
      parsed.password = "";
      url = parsed.href;
    }
  }
  const env: NodeJS.ProcessEnv = {};
  if (token) {
    const basic = Buffer.from(`x-access-token:${token}`).toString("base64");
    secrets.push(token, basic);
    // GIT_CONFIG_* applies config to this process only: nothing on disk, nothing in `ps`.
    env.GIT_CONFIG_COUNT = "1";
    env.GIT_CONFIG_KEY_0 = "http.extraHeader";
    env.GIT_CONFIG_VALUE_0 = `Authorization: Basic ${basic}`;
  }
  const config: [string, string][] = [["remote.origin.url", url]];
  if (url.startsWith("file:")) {
    // Local repositories serve partial fetches only when their upload-pack allows it; this is the
    // server side's setting, passed to the upload-pack that git runs for a file:// remote.
    config.push(["remote.origin.uploadpack", "git -c uploadpack.allowFilter=true -c uploadpack.allowAnySHA1InWant=true upload-pack"]);
  }
  return { url, config, env, secrets: secrets.filter((s) => s.length > 0) };
}
