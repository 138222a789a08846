import { access, mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import scoreWorkflow from "../../../.github/examples/meritlog.yml";
// The example files themselves, embedded by the bundler as text: one source for what users copy and what init writes.
import config from "../../../.github/examples/meritlog-config.yml";
import siteWorkflow from "../../../.github/examples/meritlog-site.yml";
import { generateSigner } from "../../ledger/keys.ts";
import { DEFAULT_CONFIG } from "../../scoring/config.ts";
import { GitError, git } from "../../store/git/run.ts";
import { EXIT, InvalidInputError, printable, UsageError } from "../io.ts";
import type { Command } from "../main.ts";
import { KEY_FILE_NAME } from "./keygen.ts";

/** The secret the example workflow passes to the action as `signing-key`. */
const SECRET_NAME = "MERITLOG_SIGNING_KEY";

/** What init writes, by path relative to the repository's root. */
const INIT_FILES: Readonly<Record<string, string>> = {
  ".github/workflows/meritlog.yml": scoreWorkflow,
  ".github/workflows/meritlog-site.yml": siteWorkflow,
  [DEFAULT_CONFIG]: config,
};

const REPO_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;

/**
 * `owner/name` and host of a GitHub remote URL in any form git accepts: https://host/owner/name(.git),
 * ssh://git@host/owner/name.git, git@host:owner/name.git. Undefined for anything else (a local path).
 */
function parseRemoteUrl(url: string): { host: string; repo: string } | undefined {
  const m = /^(?:[a-z+]+:\/\/(?:[^@/]+@)?([^/:]+)(?::\d+)?\/|[^@/\s]+@([^:/]+):)\/?([^/]+\/[^/]+?)(?:\.git)?\/?$/.exec(url.trim());
  if (!m) return undefined;
  const repo = m[3] as string;
  return REPO_NAME.test(repo) ? { host: (m[1] ?? m[2]) as string, repo } : undefined;
}

/** git's output, or undefined when git answered with a failure (not a repository, no such setting). */
async function gitText(args: readonly string[], cwd: string): Promise<string | undefined> {
  try {
    return (await git(args, { cwd })).toString("utf8").trim();
  } catch (e) {
    // No exit code: git could not be run at all, which is not an answer.
    if (e instanceof GitError && e.code !== null) return undefined;
    throw e;
  }
}

export const initCommand: Command = {
  summary: "set up a repository: the workflows, the configuration and a signing key",
  usage: "[--dir <repository>] [--repo <owner/name>] [--force]",
  options: { dir: { type: "string" }, repo: { type: "string" }, force: { type: "boolean" } },
  async run({ values, positionals }, io) {
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    const dir = resolve(io.cwd, (values.dir as string | undefined) ?? ".");
    if (!(await exists(dir))) throw new UsageError(`--dir ${dir}: no such folder`);
    const root = await gitText(["rev-parse", "--show-toplevel"], dir);
    if (root === undefined)
      throw new UsageError(`${dir} is not in a git repository; run it in your repository's clone, or name one with --dir`);

    let host = "github.com";
    let repo = values.repo as string | undefined;
    if (repo !== undefined) {
      if (!REPO_NAME.test(repo)) throw new UsageError(`--repo '${repo}' is not a repository name; expected owner/name`);
    } else {
      const url = await gitText(["config", "--get", "remote.origin.url"], root);
      if (url === undefined) throw new UsageError(`${root} has no remote 'origin'; name the GitHub repository with --repo <owner/name>`);
      const parsed = parseRemoteUrl(url);
      if (parsed === undefined) {
        throw new UsageError(
          `remote 'origin' (${printable(url)}) is not a GitHub repository URL; name the repository with --repo <owner/name>`,
        );
      }
      ({ host, repo } = parsed);
    }

    const paths = Object.keys(INIT_FILES);
    if (!values.force) {
      const existing = (await Promise.all(paths.map(async (p) => ((await exists(join(root, p))) ? p : undefined)))).filter(
        (p) => p !== undefined,
      );
      if (existing.length > 0) {
        throw new InvalidInputError(
          `${existing.map((p) => join(root, p)).join(", ")} already exist${existing.length === 1 ? "s" : ""}; --force overwrites`,
        );
      }
    }

    const signer = generateSigner(`${host}/${repo}/meritlog`);
    // Outside the repository, so the private key is never committed by accident.
    const keyDir = await mkdtemp(join(tmpdir(), "meritlog-key-"));
    const keyFile = join(keyDir, KEY_FILE_NAME);
    await writeFile(keyFile, `${signer.skey}\n`, { mode: 0o600, flag: "wx" });
    for (const p of paths) {
      await mkdir(dirname(join(root, p)), { recursive: true });
      await writeFile(join(root, p), INIT_FILES[p] as string);
    }

    io.stdout(
      [
        `wrote ${paths.map((p) => relative(io.cwd, join(root, p)) || p).join(", ")}`,
        "",
        `The ledger's private key is in ${keyFile} (mode 0600), outside the repository. Next:`,
        "",
        `1. Store it as the repository secret ${SECRET_NAME}, either`,
        `     gh secret set ${SECRET_NAME} --repo ${repo} < ${keyFile}`,
        `   or on https://${host}/${repo}/settings/secrets/actions (New repository secret, named ${SECRET_NAME}, the file's one line as the value).`,
        "   Keep a copy offline (a password manager); then delete the file.",
        `2. Publish the verifier key, so auditors can check the ledger (meritlog verify --vkey):`,
        `     ${signer.verifier.vkey}`,
        `3. Enable GitHub Pages with GitHub Actions as the source: https://${host}/${repo}/settings/pages`,
        "   (Build and deployment → Source → GitHub Actions).",
        "4. Commit and push the three files. The first scored event creates the data branch, meritlog; each change to it rebuilds the site.",
        "",
      ].join("\n"),
    );
    return EXIT.ok;
  },
};

function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
