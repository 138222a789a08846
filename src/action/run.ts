/**
 * The action: one GitHub event in; entries on the data branch, a pull request comment, a job summary
 * and outputs out. It reads the event payload and the API, never the pull request's code, so it is
 * safe under `pull_request_target` (see docs/operators.md).
 */
import { readFile } from "node:fs/promises";
import { isAbsolute, relative, resolve } from "node:path";
import * as core from "@actions/core";
import { applyCommand, needsRole, type Outcome } from "../commands/apply.ts";
import { commandLine, parseCommand } from "../commands/parse.ts";
import type { Fact } from "../events/facts.ts";
import { type GitHubEvent, PayloadError, type PullRequestPayload, readEvent } from "../events/payload.ts";
import { factsOf, type PullRequestDetails, pullRequestOf } from "../events/to-facts.ts";
import { GitHubApi, GitHubApiError, type RepoRef, type Role } from "../github/api.ts";
import { pullRequestDetails } from "../github/pr-details.ts";
import type { Account, EntryBody } from "../ledger/entry.ts";
import { factId } from "../ledger/entry.ts";
import { backfill, reconcile, type SyncOptions } from "../reconcile/sync.ts";
import { md, points } from "../render/markdown.ts";
import { milestoneBadgeIds, newBadges } from "../scoring/badges.ts";
import { countedLines, normalizeLabel, sizeTier } from "../scoring/compute.ts";
import { ConfigError, parseConfig, type ResolvedConfig, rulesHash } from "../scoring/config.ts";
import { adjustmentsFor, recordFacts, reversalOf, standing } from "../scoring/record.ts";
import { LedgerInvalidError } from "../store/folder.ts";
import { ContentionError, readBranch } from "../store/git/append-branch.ts";
import { withCheckout } from "../store/git/checkout.ts";
import type { RemoteSpec } from "../store/git/remote.ts";
import { RemoteError } from "../store/git/repo.ts";
import { KeyMismatchError } from "../store/ledger-files.ts";
import { LedgerView } from "../store/ledger-view.ts";
import { allEntries } from "../store/read-entries.ts";
import { verifyFolder } from "../store/verify.ts";
import { InputError, type Inputs, readInputs } from "./inputs.ts";
import { type Compose, type Mode, type Recorded, record } from "./record.ts";
import { type CommentContent, entriesTable, MARKER, reply, stickyComment, welcome } from "./report.ts";

/** Reads the configuration, confined to the workspace; the defaults apply when the file does not exist. */
async function loadRules(workspace: string, input: string): Promise<ResolvedConfig> {
  const path = resolve(workspace, input);
  const inside = relative(workspace, path);
  if (inside.startsWith("..") || isAbsolute(inside)) throw new InputError("config", `'${input}' is outside the workspace ${workspace}`);
  let text: string | undefined;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  const rules = parseConfig(text ?? "", inside);
  core.info(
    text === undefined
      ? `meritlog: no ${inside}; the documented defaults apply (rules ${rulesHash(rules)})`
      : `meritlog: rules ${rulesHash(rules)} from ${inside}`,
  );
  return rules;
}

async function readPayload(path: string | undefined, event: string): Promise<unknown> {
  if (!path) throw new PayloadError(event, "(payload)", "a file named by GITHUB_EVENT_PATH");
  const text = await readFile(path, "utf8");
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new PayloadError(event, `(payload at ${path})`, `JSON (${(e as Error).message})`);
  }
}

const NEWCOMER = new Set(["FIRST_TIME_CONTRIBUTOR", "FIRST_TIMER"]);

interface Context {
  readonly env: NodeJS.ProcessEnv;
  readonly inputs: Inputs;
  readonly rules: ResolvedConfig;
  readonly api: GitHubApi;
  readonly event: Exclude<GitHubEvent, { type: "other" }>;
  readonly source: Fact["source"];
  readonly spec: RemoteSpec;
  readonly mode: Mode;
  readonly repo: RepoRef;
  /** What was written so far, so that a later failure says truthfully what was recorded. */
  readonly progress: { recorded?: Recorded };
}

async function recordIn(c: Context, compose: Compose): Promise<Recorded> {
  const recorded = await record(c.spec, c.mode, c.rules, compose);
  c.progress.recorded = recorded;
  return recorded;
}

/** What one run did, for the outputs and the job summary. */
interface Result {
  readonly recorded: Recorded;
  readonly message?: string;
}

function sourceOf(env: NodeJS.ProcessEnv, event: GitHubEvent): Fact["source"] {
  const run = `${env.GITHUB_SERVER_URL ?? ""}/${env.GITHUB_REPOSITORY ?? ""}/actions/runs/${env.GITHUB_RUN_ID ?? ""}`;
  return {
    event: event.name,
    ...(event.action ? { action: event.action } : {}),
    ...(/^https:\/\/\S+\/actions\/runs\/\d+$/.test(run) ? { run } : {}),
  };
}

function modeOf(inputs: Inputs, event: GitHubEvent): Mode {
  if (inputs.dryRun) return { write: false, why: "Dry run: nothing was recorded." };
  // Events about a fork's pull request run with a read-only token and no secrets, but for
  // pull_request_target, which runs in the base repository's context.
  const fork = event.name !== "pull_request_target" && "pr" in event && event.pr.fromFork;
  if (fork) {
    return {
      write: false,
      why: "This pull request comes from a fork, and this event's workflow runs cannot write: nothing was recorded. Run meritlog on pull_request_target to record fork contributions (see docs/operators.md).",
    };
  }
  if (!inputs.signer) {
    throw new InputError("signing-key", "empty: add the key from 'meritlog keygen' as a repository secret and pass it as signing-key");
  }
  return { write: true, signer: inputs.signer };
}

/** What a pull request's comment shows: everything recorded about it with this run's bodies, and its people's badges. */
type Shown = Pick<CommentContent, "entries" | "badges">;

const NOTHING_SHOWN: Shown = { entries: [], badges: new Map() };
const NOTHING_RECORDED: Recorded = { bodies: [], fresh: [], appended: [], written: false };

async function shownFor(view: LedgerView, c: Context, number: number, bodies: readonly EntryBody[]): Promise<Shown> {
  // The ledger's copy of an entry wins: a replay recomputes bodies that were recorded long ago.
  const before = await view.subject(c.event.repo.id, number);
  const ids = new Set(before.map((e) => e.id));
  const entries = [...before, ...bodies.filter((b) => !ids.has(b.id))];
  // Badges are found by their ids in the id index: one small read per person, whatever the ledger's size.
  const badgeIds = new Map<string, { login: string; badge: string }>();
  for (const e of entries) {
    if (e.kind === "state") continue;
    for (const [id, badge] of milestoneBadgeIds(e.actor.id)) badgeIds.set(id, { login: e.actor.login, badge });
  }
  const badges = new Map<string, string[]>();
  for (const id of (await view.byIds([...badgeIds.keys()])).keys()) {
    const { login, badge } = badgeIds.get(id) as { login: string; badge: string };
    badges.set(login, [...(badges.get(login) ?? []), badge]);
  }
  return { entries, badges };
}

/**
 * Keeps the one sticky comment on a pull request current: found by its marker among the comments
 * meritlog's token wrote. App and workflow tokens write as a bot; a personal access token writes as
 * its owner, looked up once.
 */
async function upsertComment(c: Context, number: number, body: string): Promise<void> {
  const personal = /^(ghp_|github_pat_)/.test(c.inputs.token);
  const mine = personal ? await c.api.me() : undefined;
  const ours = (login: string) => (mine === undefined ? login.endsWith("[bot]") : login === mine);
  const existing = (await c.api.comments(c.repo, number)).find((x) => x.body.startsWith(MARKER) && ours(x.authorLogin));
  if (!existing) await c.api.createComment(c.repo, number, body);
  else if (existing.body !== body) await c.api.updateComment(c.repo, existing.id, body);
}

async function applySizeLabel(c: Context, pr: PullRequestPayload, details: PullRequestDetails): Promise<void> {
  if (!c.rules.size_labels || !c.mode.write) return;
  const lines = countedLines(pullRequestInputs(pr, details), c.rules);
  const label = sizeTier(lines.added + lines.deleted, c.rules)?.label;
  const tierLabels = new Set(c.rules.size_tiers.flatMap((t) => (t.label ? [t.label] : [])));
  for (const stale of pr.labels.filter((l) => tierLabels.has(l) && l !== label)) await c.api.removeLabel(c.repo, pr.number, stale);
  if (label && !pr.labels.includes(label)) await c.api.addLabels(c.repo, pr.number, [label]);
}

function pullRequestInputs(pr: PullRequestPayload, details: PullRequestDetails) {
  const full = pullRequestOf(pr, details);
  return {
    author_type: pr.author.type,
    login: pr.author.login,
    additions: full.additions,
    deletions: full.deletions,
    ...(full.files ? { files: full.files.map((f) => [f.path, f.additions, f.deletions, f.whitespaceOnly === true] as const) } : {}),
  };
}

async function onPullRequestLifecycle(c: Context & { event: { type: "pull_request" } }): Promise<Result> {
  const { pr, action } = c.event;
  const merged = action === "closed" && pr.mergedAt !== undefined;
  const needsFiles = merged || (c.rules.size_labels && ["opened", "reopened", "synchronize"].includes(action));
  const details = needsFiles ? await pullRequestDetails(c.api, c.repo, pr.number) : undefined;
  const facts = factsOf(c.event, c.source, merged ? details : undefined);
  let shown: Shown = NOTHING_SHOWN;
  const recorded = await recordIn(c, async (view) => {
    const bodies = await recordFacts(facts, c.rules, view);
    shown = await shownFor(view, c, pr.number, bodies);
    return bodies;
  });
  if (details) await applySizeLabel(c, pr, details);
  if (action !== "synchronize") await publishPr(c, pr, shown, recorded);
  return { recorded };
}

/** The pull request a comment is kept on: its number, author and, where the payload says, the author's association. */
interface CommentedPr {
  readonly number: number;
  readonly author: { readonly login: string };
  readonly association?: string;
}

async function publishPr(c: Context, pr: CommentedPr, shown: Shown, recorded: Recorded): Promise<void> {
  if (!c.inputs.comment || !c.mode.write) return;
  const body = stickyComment({
    entries: shown.entries,
    badges: shown.badges,
    siteUrl: c.inputs.siteUrl,
    ...(recorded.checkpoint ? { checkpoint: recorded.checkpoint } : {}),
    ...(pr.association && NEWCOMER.has(pr.association) ? { welcome: welcome(pr.author.login, c.inputs.siteUrl) } : {}),
  });
  await upsertComment(c, pr.number, body);
}

/** A label added or removed: the difference it makes to the awards already recorded. */
async function onLabel(c: Context & { event: { type: "pull_request" } }): Promise<Result> {
  const { pr, action, label } = c.event;
  const matches = (rule: ResolvedConfig["labels"][number]) =>
    (typeof rule.match === "string" ? [rule.match] : rule.match).some((m) => normalizeLabel(m) === normalizeLabel(label ?? ""));
  if (!label || !c.rules.labels.some(matches)) {
    return { recorded: NOTHING_RECORDED, message: `label '${label ?? ""}' has no scoring rule` };
  }
  const who = c.event.sender?.login ?? "someone";
  let shown: Shown = NOTHING_SHOWN;
  const recorded = await recordIn(c, async (view) => {
    const decision = {
      time: pr.updatedAt,
      source: c.source,
      ...(c.event.sender ? { by: { id: c.event.sender.id, login: c.event.sender.login } } : {}),
      reason: `label '${label}' ${action === "labeled" ? "added" : "removed"} by ${who}`,
    };
    const bodies = adjustmentsFor(await view.subject(c.event.repo.id, pr.number), c.rules, { labels: pr.labels }, decision);
    shown = await shownFor(view, c, pr.number, bodies);
    return bodies;
  });
  await publishPr(c, pr, shown, recorded);
  return { recorded };
}

async function onReview(c: Context & { event: { type: "review" } }): Promise<Result> {
  const { event } = c;
  let shown: Shown = NOTHING_SHOWN;
  const recorded = await recordIn(c, async (view) => {
    let bodies: EntryBody[];
    if (event.action === "dismissed") {
      const subject = await view.subject(event.repo.id, event.pr.number);
      const { voided, reversed } = standing(subject);
      const id = factId(`review:${event.repo.id}:${event.review.id}`);
      const award = voided || reversed.has(id) ? undefined : subject.find((e) => e.id === id);
      const decision = {
        key: `dismissed:${event.repo.id}:${event.review.id}`,
        time: event.pr.updatedAt,
        source: c.source,
        ...(event.sender ? { by: { id: event.sender.id, login: event.sender.login } } : {}),
        reason: "review dismissed",
      };
      bodies = award && award.points !== 0 ? [reversalOf(award, c.rules, decision)] : [];
    } else {
      bodies = await recordFacts(factsOf(event, c.source), c.rules, view);
    }
    shown = await shownFor(view, c, event.pr.number, bodies);
    return bodies;
  });
  if (event.action === "submitted" || event.action === "dismissed") await publishPr(c, event.pr, shown, recorded);
  return { recorded };
}

/** Facts recorded with no pull request comment: issues, releases, diff comments, plain comments. */
async function onPlainFacts(c: Context): Promise<Result> {
  const facts = factsOf(c.event, c.source);
  const recorded = await recordIn(c, (view) => recordFacts(facts, c.rules, view));
  return { recorded };
}

async function onComment(c: Context & { event: { type: "issue_comment" } }): Promise<Result> {
  const { event } = c;
  const line = event.action === "created" ? commandLine(event.comment.body) : undefined;
  if (line === undefined || event.comment.author.type === "Bot") return onPlainFacts(c);
  const parsed = parseCommand(line);
  const answer = async (text: string) => {
    if (c.inputs.comment && c.mode.write) await c.api.createComment(c.repo, event.issue.number, reply(text));
  };
  // A reply quotes what the commenter typed: escaped, like everything a contributor wrote.
  const refuse = async (why: string): Promise<Result> => {
    await answer(`@${event.comment.author.login}: not applied: ${md(why)}`);
    return { recorded: NOTHING_RECORDED, message: `command not applied: ${why}` };
  };
  if (!parsed.ok) return refuse(parsed.error);
  const { command } = parsed;
  const role: Role = needsRole(command) ? await c.api.role(c.repo, event.comment.author.login) : "none";
  const accounts: Account[] = [];
  if (command.name === "link") {
    for (const login of command.logins) {
      const found = await c.api.maybeUser(login);
      if (!found) return refuse(`there is no GitHub account '${login}'`);
      accounts.push(found);
    }
  }
  let outcome: Outcome = { applied: false, message: "" };
  let shown: Shown = NOTHING_SHOWN;
  const recorded = await recordIn(c, async (view) => {
    outcome = await applyCommand(
      { command, repo: event.repo, issue: event.issue, comment: event.comment, source: c.source, rules: c.rules, role, accounts },
      view,
    );
    const bodies = outcome.applied ? outcome.bodies : [];
    shown = await shownFor(view, c, event.issue.number, bodies);
    return bodies;
  });
  const done = outcome as Outcome;
  if (command.name === "explain") {
    await answer(`Points recorded for #${event.issue.number}:\n\n${entriesTable(shown.entries, c.inputs.siteUrl)}`);
  } else if (!done.applied) {
    await answer(`@${event.comment.author.login}: not applied: ${md(done.message)}`);
  } else {
    await answer(
      `Recorded: ${md(done.message)}. Entries: ${recorded.appended.map((id) => `\`${id.slice(0, 12)}\``).join(", ") || "none new"}.`,
    );
    if (event.issue.isPullRequest && recorded.written) await publishPr(c, event.issue, shown, recorded);
  }
  return { recorded, message: done.applied ? done.message : `command not applied: ${done.message}` };
}

/**
 * The scheduled run: badges need a contributor's whole record, so they are awarded here, from a
 * checkout of the whole branch verified first (chain, root, checkpoint), rather than on every event.
 */
async function onSchedule(c: Context): Promise<Result> {
  const size = await readBranch(c.spec, async (files) => (await LedgerView.open(files)).size);
  if (size === 0) return { recorded: NOTHING_RECORDED, message: "no ledger yet" };
  const entries = await withCheckout(c.spec, process.cwd(), async (dir) => {
    await verifyFolder(dir, { level: "fast", workers: 0 });
    return allEntries(dir);
  });
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
  const bodies = newBadges(entries, now, rulesHash(c.rules), c.source);
  const recorded = await recordIn(c, async () => bodies);
  return { recorded, message: `${bodies.length} badge${bodies.length === 1 ? "" : "s"} earned since the last run` };
}

/**
 * Brings the ledger level with GitHub: a backfill from the `since` input on a manual run that sets
 * it, otherwise a reconcile of what changed since the last one. Counts go to the log and the job
 * summary; a run that stops early (budget, rate limit) says where the next one resumes.
 */
async function onSync(c: Context): Promise<string> {
  if (!c.mode.write) return "reconcile skipped: nothing is recorded in this mode";
  const options: SyncOptions = {
    api: c.api,
    repo: c.repo,
    spec: c.spec,
    signer: c.mode.signer,
    rules: c.rules,
    source: { ...c.source, event: c.inputs.since ? "backfill" : "reconcile" },
    onProgress: (p) => core.info(`meritlog: ${p.pulls} of ${p.total} pull requests read, ${p.appended} entries appended`),
  };
  const report = c.inputs.since ? await backfill(options, c.inputs.since) : await reconcile(options);
  const what = c.inputs.since ? `backfill since ${c.inputs.since}` : "reconcile";
  const counts = `${what}: ${report.pulls} pull requests read, ${report.appended} entries appended in ${report.batches} commit${report.batches === 1 ? "" : "s"}, ${report.requests} API requests`;
  if (report.done) return counts;
  core.warning(`meritlog: ${what} stopped early (${report.stopped}); the next run resumes where it stopped`);
  return `${counts}; stopped early (${report.stopped}), the next run resumes`;
}

async function handle(c: Context): Promise<Result> {
  const { event } = c;
  switch (event.type) {
    case "schedule":
    case "workflow_dispatch": {
      // A manual run does the scheduled work now; with `since`, it backfills instead.
      const synced = await onSync(c);
      const badges = await onSchedule(c);
      return { ...badges, message: `${synced}. ${badges.message}` };
    }
    case "pull_request":
      if (["labeled", "unlabeled"].includes(event.action)) return onLabel({ ...c, event });
      return onPullRequestLifecycle({ ...c, event });
    case "review":
      return onReview({ ...c, event });
    case "issue_comment":
      return onComment({ ...c, event });
    default:
      return onPlainFacts(c);
  }
}

/** Which actions of each event meritlog handles; everything else is a no-op. */
const HANDLED: Readonly<Record<string, readonly string[]>> = {
  pull_request: ["opened", "reopened", "synchronize", "closed", "labeled", "unlabeled"],
  pull_request_target: ["opened", "reopened", "synchronize", "closed", "labeled", "unlabeled"],
  pull_request_review: ["submitted", "dismissed"],
  pull_request_review_comment: ["created"],
  issue_comment: ["created"],
  issues: ["opened", "closed"],
  release: ["published"],
};

function summarise(c: Context, result: Result): Promise<unknown> | undefined {
  const { recorded } = result;
  const total = recorded.fresh.reduce((a, b) => a + b.points, 0);
  core.setOutput("points", points(total).replace("−", "-"));
  core.setOutput("entry-ids", JSON.stringify(recorded.appended));
  core.setOutput("recorded", String(recorded.appended.length > 0));
  if (recorded.checkpoint) {
    core.setOutput("checkpoint-size", String(recorded.checkpoint.size));
    core.setOutput("checkpoint-root", recorded.checkpoint.root);
  }
  const status = c.mode.write
    ? recorded.appended.length > 0
      ? `Recorded ${recorded.appended.length} entr${recorded.appended.length === 1 ? "y" : "ies"} on \`${c.spec.branch}\` of ${c.inputs.ledgerRepository}.`
      : recorded.bodies.length > 0
        ? "Nothing new to record: every entry is already in the ledger."
        : "Nothing to record."
    : c.mode.why;
  core.info(`meritlog: ${result.message ? `${result.message}. ` : ""}${status}`);
  if (!c.env.GITHUB_STEP_SUMMARY) return undefined;
  const summary = core.summary.addHeading("meritlog", 3).addRaw(`${status}\n\n`, true);
  if (result.message) summary.addRaw(`${result.message.replace(/[<>&]/g, "")}\n\n`, true);
  summary.addRaw(`${entriesTable(recorded.fresh, c.inputs.siteUrl)}\n\n`, true);
  if (recorded.checkpoint) summary.addRaw(`Checkpoint: ${recorded.checkpoint.size} entries, root \`${recorded.checkpoint.root}\`\n`, true);
  return summary.write();
}

function fail(e: unknown, progress: Context["progress"] | undefined): void {
  const written = progress?.recorded?.appended.length ?? 0;
  const outcome =
    written > 0 ? `The ${written} entr${written === 1 ? "y was" : "ies were"} recorded before this failure.` : "Nothing was recorded.";
  if (e instanceof ConfigError) {
    for (const p of e.problems) {
      core.error(`${p.key ? `${p.key}: ` : ""}${p.message}`, {
        title: "meritlog configuration",
        file: p.file,
        startLine: p.line,
        startColumn: p.column,
      });
    }
    core.setFailed(`${e.problems.length} problem${e.problems.length === 1 ? "" : "s"} in the meritlog configuration:\n${e.message}`);
    return;
  }
  const known = [InputError, PayloadError, GitHubApiError, RemoteError, LedgerInvalidError, KeyMismatchError, ContentionError];
  if (known.some((k) => e instanceof k)) {
    core.setFailed(`meritlog: ${(e as Error).message}. ${outcome}`);
    return;
  }
  core.setFailed(`meritlog: unexpected error: ${(e as Error).stack ?? String(e)}. ${outcome}`);
}

export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const progress: Context["progress"] = {};
  try {
    const name = env.GITHUB_EVENT_NAME;
    if (!name) throw new InputError("GITHUB_EVENT_NAME", "not set: run meritlog as a step of a GitHub Actions workflow");
    const inputs = readInputs(env);
    const event = readEvent(name, await readPayload(env.GITHUB_EVENT_PATH, name));
    const scheduled = event.type === "schedule" || event.type === "workflow_dispatch";
    if (event.type === "other" || (!scheduled && !HANDLED[name]?.includes(event.action ?? ""))) {
      await loadRules(env.GITHUB_WORKSPACE ?? process.cwd(), inputs.config);
      core.info(`meritlog: the '${name}'${event.action ? ` '${event.action}'` : ""} event records nothing; nothing to do`);
      return;
    }
    // A scheduled event's payload names no repository: the workflow's is the one to read.
    const [owner, repoName] = (event.repo.name || env.GITHUB_REPOSITORY || "").split("/") as [string, string];
    const repo = { owner, repo: repoName };
    const api = new GitHubApi(inputs.token, env.GITHUB_API_URL ?? "https://api.github.com");
    if (event.type === "pull_request" && event.action === "closed" && event.pr.mergedAt) api.prefetchPullRequest(repo, event.pr.number);
    const rules = await loadRules(env.GITHUB_WORKSPACE ?? process.cwd(), inputs.config);
    const c: Context = {
      env,
      inputs,
      rules,
      api,
      event,
      source: sourceOf(env, event),
      spec: {
        url: `${env.GITHUB_SERVER_URL ?? "https://github.com"}/${inputs.ledgerRepository}.git`,
        branch: inputs.branch,
        token: inputs.token,
      },
      mode: modeOf(inputs, event),
      repo,
      progress,
    };
    const result = await handle(c);
    await summarise(c, result);
    core.info(`meritlog: ${c.api.requests} GitHub API request${c.api.requests === 1 ? "" : "s"}`);
  } catch (e) {
    fail(e, progress);
  }
}
