/**
 * The action's inputs (action.yml), read and checked: each problem names the input and what it
 * expects. Secrets are masked in the log before anything else can print them.
 */
import * as core from "@actions/core";
import { parseSignerKey, type Signer } from "../ledger/keys.ts";
import { DEFAULT_CONFIG } from "../scoring/config.ts";
import { checkBranchName, DEFAULT_BRANCH } from "../store/git/remote.ts";

export class InputError extends Error {
  override name = "InputError";
  constructor(input: string, message: string) {
    super(`input '${input}': ${message}`);
  }
}

export interface Inputs {
  readonly token: string;
  /** Undefined when the secret is not available (fork pull requests) or not set. */
  readonly signer: Signer | undefined;
  readonly config: string;
  readonly branch: string;
  /** owner/name of the repository holding the data branch. */
  readonly ledgerRepository: string;
  readonly comment: boolean;
  readonly dryRun: boolean;
  /** Base URL of the published site, ending in '/'. */
  readonly siteUrl: string;
  /** A manual run's backfill start (YYYY-MM-DD); undefined for a reconcile. */
  readonly since: string | undefined;
}

function onOff(input: string, fallback: boolean): boolean {
  const value = core.getInput(input).trim().toLowerCase();
  if (value === "") return fallback;
  if (["on", "true", "yes"].includes(value)) return true;
  if (["off", "false", "no"].includes(value)) return false;
  throw new InputError(input, `'${value}' is not on or off`);
}

const REPOSITORY = /^[A-Za-z0-9_.-]{1,100}\/[A-Za-z0-9_.-]{1,100}$/;

export function readInputs(env: NodeJS.ProcessEnv): Inputs {
  const token = core.getInput("github-token").trim();
  if (token) core.setSecret(token);
  const key = core.getInput("signing-key").trim();
  if (key) core.setSecret(key);
  if (!token) throw new InputError("github-token", "empty; the default is the workflow's token (github.token)");
  let signer: Signer | undefined;
  if (key) {
    try {
      signer = parseSignerKey(key);
    } catch (e) {
      // The message names the problem, never the key.
      throw new InputError("signing-key", `not a meritlog signing key (${(e as Error).message}); generate one with 'meritlog keygen'`);
    }
  }
  const branch = core.getInput("data-branch").trim() || DEFAULT_BRANCH;
  try {
    checkBranchName(branch);
  } catch (e) {
    throw new InputError("data-branch", (e as Error).message);
  }
  const ledgerRepository = core.getInput("ledger-repository").trim() || env.GITHUB_REPOSITORY || "";
  if (!REPOSITORY.test(ledgerRepository)) throw new InputError("ledger-repository", `'${ledgerRepository}' is not owner/name`);
  const [owner, name] = (env.GITHUB_REPOSITORY ?? ledgerRepository).split("/") as [string, string];
  const siteInput = core.getInput("site-url").trim();
  if (siteInput && !/^https?:\/\/\S+$/.test(siteInput)) throw new InputError("site-url", `'${siteInput}' is not an http(s) URL`);
  const siteUrl = siteInput ? siteInput.replace(/\/?$/, "/") : `https://${owner.toLowerCase()}.github.io/${name}/`;
  const since = core.getInput("since").trim();
  if (since && !isDate(since)) throw new InputError("since", `'${since}' is not a date (YYYY-MM-DD)`);
  return {
    token,
    signer,
    config: core.getInput("config").trim() || DEFAULT_CONFIG,
    branch,
    ledgerRepository,
    comment: onOff("comment", true),
    dryRun: onOff("dry-run", false),
    siteUrl,
    since: since || undefined,
  };
}

function isDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}
