/**
 * Reconcile and backfill: read pull requests (with their comments, for `/meritlog` commands), then
 * issues and releases, from GitHub a GraphQL page at a time, plan what the
 * ledger lacks, and append it in batches. Each batch is one commit holding its entries and the
 * progress they account for (the state file), so a run stopped anywhere — budget spent, a rate limit,
 * a network failure — leaves the branch at its last whole batch, and the next run resumes there.
 */
import type { Fact, Repo } from "../events/facts.ts";
import type { Source } from "../events/to-facts.ts";
import { type GitHubApi, GitHubApiError, type RepoRef } from "../github/api.ts";
import {
  ISSUES_QUERY,
  type IssueRecord,
  PAGE_SIZE,
  PULL_REQUESTS_QUERY,
  type PullRequestRecord,
  type PullRequestsPage,
  type RateLimit,
  RELEASES_PAGE,
  RELEASES_QUERY,
  type ReleaseRecord,
  type ReleasesPage,
  readIssuesPage,
  readPullRequestsPage,
  readReleasesPage,
} from "../github/graphql.ts";
import { pullRequestDetails } from "../github/pr-details.ts";
import type { Signer } from "../ledger/keys.ts";
import { type ResolvedConfig, rulesDocument, rulesHash } from "../scoring/config.ts";
import { appendToBranch, readBranch } from "../store/git/append-branch.ts";
import type { RemoteSpec } from "../store/git/remote.ts";
import { LedgerView } from "../store/ledger-view.ts";
import { type CommentCommand, commandsIn, commandsOnPull, type GivenCommand, resolveCommands } from "./commands.ts";
import { RunContext } from "./context.ts";
import { issueFacts, releaseFacts } from "./history.ts";
import { type BatchExtras, planBatch, subjectPaths } from "./plan.ts";
import { formatSyncState, parseSyncState, type SyncState, syncPath } from "./state.ts";

export interface SyncOptions {
  readonly api: GitHubApi;
  readonly repo: RepoRef;
  readonly spec: RemoteSpec;
  readonly signer: Signer;
  readonly rules: ResolvedConfig;
  readonly source: Source;
  /** Stop while GitHub's GraphQL budget still has this many points left (default 100). */
  readonly reserve?: number;
  /** GraphQL pages per commit (default 10: 500 pull requests; fewer, larger commits append faster). */
  readonly pagesPerBatch?: number;
  /** Called after each page and each commit. */
  readonly onProgress?: (p: Progress) => void;
  /** Now, for the state file (tests fix it). */
  readonly now?: () => Date;
}

export interface Progress {
  /** Pull requests read in this run. */
  readonly pulls: number;
  /** Of the repository's, as GitHub counts them. */
  readonly total: number;
  readonly appended: number;
  readonly batches: number;
}

export interface SyncReport extends Progress {
  /** API requests this run sent (GraphQL and REST). */
  readonly requests: number;
  /** Why the run stopped before the end, if it did; the next run resumes. */
  readonly stopped?: string;
  readonly done: boolean;
}

/**
 * A rate limit's answer: the run stops cleanly and resumes next time. A 403 is one only when GitHub
 * says the budget is spent; otherwise it is a missing permission, which fails the run.
 */
function isRateLimit(e: unknown): boolean {
  if (!(e instanceof GitHubApiError)) return false;
  if (e.status === 429) return true;
  const response = (e.cause as { response?: { headers?: Record<string, string | undefined>; data?: unknown } } | undefined)?.response;
  // What GitHub said, not the hint added to the message, which names rate limits as one cause of a 403.
  return (
    e.status === 403 && (response?.headers?.["x-ratelimit-remaining"] === "0" || /rate limit/i.test(JSON.stringify(response?.data ?? "")))
  );
}

/** The GraphQL budget is down to the reserve: the run stops cleanly, as at a rate limit. */
class BudgetSpent extends Error {
  constructor(remaining: number) {
    super(`the GraphQL budget is down to ${remaining} points`);
  }
}

/** Whether the run stops here and resumes next time, rather than failing. */
function isStop(e: unknown): e is Error {
  return e instanceof BudgetSpent || isRateLimit(e);
}

function iso(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, "Z");
}

interface IssuesAndReleases extends BatchExtras {
  /** When each issue read was last updated: a reconcile's next mark is the latest. */
  readonly updated: readonly string[];
}

class Run {
  readonly o: SyncOptions;
  pulls = 0;
  total = 0;
  appended = 0;
  batches = 0;
  remaining = Number.POSITIVE_INFINITY;
  lastCost = 0;
  repo: Repo | undefined;
  /** A backfill's many batches read the ledger once, through this; a reconcile's one batch reads what it needs. */
  readonly context: RunContext | undefined;
  readonly #startRequests: number;

  constructor(o: SyncOptions, cached: boolean) {
    this.o = o;
    this.context = cached ? new RunContext() : undefined;
    this.#startRequests = o.api.requests;
  }

  /** Sends one query about the repository and reads its answer, noting what the budget has left. */
  async #ask<A, P extends { readonly rateLimit: RateLimit; readonly repo: Repo }>(
    what: string,
    query: string,
    variables: Record<string, unknown>,
    read: (answer: A, repoName: string) => P,
  ): Promise<P> {
    const { owner, repo } = this.o.repo;
    const name = `${owner}/${repo}`;
    const answer = await this.o.api.graphql<A>(`reading the ${what} of ${name}`, query, { owner, name: repo, ...variables });
    const page = read(answer, name);
    this.remaining = page.rateLimit.remaining;
    this.lastCost = page.rateLimit.cost;
    this.repo = page.repo;
    return page;
  }

  /** Every issue updated since `since`, a page at a time within the budget. */
  async issuesSince(since: string): Promise<IssueRecord[]> {
    const issues: IssueRecord[] = [];
    for (let cursor: string | undefined; ; ) {
      this.#spend();
      const page = await this.#ask("issues", ISSUES_QUERY, { first: PAGE_SIZE, after: cursor ?? null, since }, readIssuesPage);
      issues.push(...page.items);
      if (page.next === undefined) return issues;
      cursor = page.next;
    }
  }

  /** Every release published since `since`, reading newest first down to it. */
  async releasesSince(since: string): Promise<ReleaseRecord[]> {
    const releases: ReleaseRecord[] = [];
    for (let cursor: string | undefined; ; ) {
      this.#spend();
      const page: ReleasesPage = await this.#ask(
        "releases",
        RELEASES_QUERY,
        { first: RELEASES_PAGE, after: cursor ?? null },
        readReleasesPage,
      );
      releases.push(...page.items.filter((r) => r.publishedAt >= since));
      // Releases come by creation: one created before the mark was published before it too, but for a draft published late.
      if (page.next === undefined || (page.oldest ?? "") < since) return releases;
      cursor = page.next;
    }
  }

  /**
   * The issues updated and releases published since `since`, as facts, with the commands given in
   * issues' comments since then. A backfill keeps only facts from `factsFrom` on (an issue opened
   * before its `since` may have closed after); a reconcile keeps whatever the ledger lacks.
   */
  async issuesAndReleases(since: string, factsFrom = ""): Promise<IssuesAndReleases> {
    const issues = await this.issuesSince(since);
    const releases = await this.releasesSince(since);
    const repo = this.repo as Repo;
    const facts = [
      ...issues.flatMap((i) => issueFacts(i, repo, this.o.source)),
      ...releases.flatMap((r) => releaseFacts(r, repo, this.o.source)),
    ].filter((f) => f.time >= factsFrom);
    const commands = await this.resolve(issues.flatMap((i) => commandsIn(i.issue, i.comments, since)));
    return { facts, commands, updated: issues.map((i) => i.updatedAt) };
  }

  /** The commands with what GitHub says of their commenters and named accounts. */
  resolve(given: readonly CommentCommand[]): Promise<GivenCommand[]> {
    return resolveCommands(this.o.api, this.o.repo, given);
  }

  #spend(): void {
    if (!this.affordable()) throw new BudgetSpent(this.remaining);
  }

  /** Whether the budget allows another page, keeping the reserve. */
  affordable(): boolean {
    return this.remaining - Math.max(this.lastCost, 1) >= (this.o.reserve ?? 100);
  }

  async page(order: "CREATED_AT" | "UPDATED_AT", cursor: string | undefined): Promise<PullRequestsPage> {
    const variables = { first: PAGE_SIZE, after: cursor ?? null, field: order, direction: order === "CREATED_AT" ? "ASC" : "DESC" };
    const page = await this.#ask("pull requests", PULL_REQUESTS_QUERY, variables, readPullRequestsPage);
    this.total = page.total;
    return { ...page, pulls: await Promise.all(page.pulls.map((p) => this.complete(p))) };
  }

  /**
   * REST fills in what a page cannot tell: all files and commits of a large pull request, and the
   * patches of one whose every file changes as many lines as it adds, which may be white space only.
   */
  async complete(record: PullRequestRecord): Promise<PullRequestRecord> {
    if (!record.pr.mergedAt) return record;
    const files = record.details.files;
    const maybeWhitespace = files.length > 0 && files.every((f) => f.additions > 0 && f.additions === f.deletions);
    if (record.complete && !maybeWhitespace) return record;
    return { ...record, details: await pullRequestDetails(this.o.api, this.o.repo, record.pr.number), complete: true };
  }

  /** Appends a batch's entries and the state after it, in one commit. */
  async commit(
    records: readonly PullRequestRecord[],
    extras: BatchExtras,
    state: (old: SyncState | undefined) => SyncState,
  ): Promise<void> {
    const repo = this.repo as Repo;
    const path = syncPath(repo.id);
    const result = await appendToBranch(
      this.o.spec,
      async (files) => {
        const view = await LedgerView.open(files);
        if (!this.context) await files.prefetch(subjectPaths(records, repo, extras));
        return planBatch(records, repo, this.o.rules, this.context ? await this.context.over(view) : view, this.o.source, extras);
      },
      this.o.signer,
      {
        rules: new Map([[rulesHash(this.o.rules), rulesDocument(this.o.rules)]]),
        alongside: async (files) => new Map([[path, formatSyncState(state(parseSyncState(path, await files.read(path))))]]),
      },
    );
    this.appended += result.result.entries.length;
    this.batches++;
    this.progress();
  }

  progress(): void {
    this.o.onProgress?.({ pulls: this.pulls, total: this.total, appended: this.appended, batches: this.batches });
  }

  report(done: boolean, stopped?: string): SyncReport {
    return {
      pulls: this.pulls,
      total: this.total,
      appended: this.appended,
      batches: this.batches,
      requests: this.o.api.requests - this.#startRequests,
      done,
      ...(stopped ? { stopped } : {}),
    };
  }
}

/** The state file of the repository, read from the branch tip; undefined before the first run. */
async function readSyncState(o: SyncOptions, repoId: number): Promise<SyncState | undefined> {
  const path = syncPath(repoId);
  return readBranch(o.spec, async (files) => parseSyncState(path, await files.read(path)));
}

/**
 * Scores the repository's history from `since` (YYYY-MM-DD) under today's rules, oldest pull request
 * first and its issues and releases last, resuming where the last backfill with the same `since` stopped.
 */
export async function backfill(o: SyncOptions, since: string): Promise<SyncReport> {
  const run = new Run(o, true);
  const now = iso(o.now?.() ?? new Date());
  const perBatch = o.pagesPerBatch ?? 10;
  let first: PullRequestsPage;
  let state: SyncState | undefined;
  try {
    // The first page says which repository this is, and so which state file to read.
    first = await run.page("CREATED_AT", undefined);
    state = await readSyncState(o, first.repo.id);
  } catch (e) {
    if (isRateLimit(e)) return run.report(false, (e as Error).message);
    throw e;
  }
  const previous = state?.backfill?.since === since ? state.backfill : undefined;
  if (previous?.done) return run.report(true);
  let cursor = previous?.cursor;
  let pulls = previous?.pulls ?? 0;
  const started = previous?.started ?? now;
  // The page after the last one read, requested while the batch before it is committed: GitHub's
  // client spaces its requests a second apart, and the commit fills that second. The first page
  // starts this run's first batch only when there is nothing to resume.
  let ahead: Promise<PullRequestsPage> | undefined = cursor === undefined ? Promise.resolve(first) : undefined;
  const from = `${since}T00:00:00Z`;
  for (;;) {
    const records: PullRequestRecord[] = [];
    const commands: GivenCommand[] = [];
    let end = cursor;
    let last = false;
    let read = 0;
    let stopped: string | undefined;
    try {
      for (let i = 0; i < perBatch && !last; i++) {
        if (!ahead && !run.affordable()) {
          stopped = new BudgetSpent(run.remaining).message;
          break;
        }
        const page = await (ahead ?? run.page("CREATED_AT", end));
        ahead = undefined;
        // Facts before `since` are not recorded: a pull request that ended before it has none left.
        records.push(...page.pulls.filter((p) => (p.pr.mergedAt ?? p.pr.closedAt ?? p.pr.updatedAt) >= from));
        commands.push(...(await run.resolve(page.pulls.flatMap((p) => commandsOnPull(p, from)))));
        read += page.pulls.length;
        run.pulls += page.pulls.length;
        run.progress();
        end = page.endCursor ?? end;
        last = page.next === undefined;
      }
    } catch (e) {
      if (!isRateLimit(e)) throw e;
      stopped = (e as Error).message;
    }
    // With every pull request read, the issues and releases since `since` go in the last batch; if
    // they cannot all be read, the batch commits without them and the next run reads them again.
    let facts: readonly Fact[] = [];
    if (last && !stopped) {
      try {
        const others = await run.issuesAndReleases(from, from);
        facts = others.facts ?? [];
        commands.push(...(others.commands ?? []));
      } catch (e) {
        if (!isStop(e)) throw e;
        stopped = e.message;
        last = false;
      }
    }
    if (!last && !stopped && run.affordable()) {
      ahead = run.page("CREATED_AT", end);
      // Its failure surfaces where it is awaited, in the next batch.
      ahead.catch(() => {});
    }
    if (end !== cursor || last) {
      const total = pulls + read;
      await run.commit(records, { facts, commands }, (old) => {
        // A finished backfill hands over to reconcile, which covers what changed since it began.
        const reconciled = old?.reconciled ?? (last ? started : undefined);
        return {
          v: 1,
          repo: (run.repo as Repo).name,
          ...(reconciled ? { reconciled } : {}),
          backfill: { since, ...(end ? { cursor: end } : {}), pulls: total, done: last, started },
        };
      });
      pulls = total;
      cursor = end;
    }
    if (stopped) return run.report(false, stopped);
    if (last) return run.report(true);
  }
}

/**
 * Records what changed on GitHub since the last reconcile (or, the first time, the last 30 days):
 * pull requests by `updatedAt`, newest first, down to the high-water mark; then the issues updated
 * and the releases published since it, and the `/meritlog` commands given since it in the comments
 * of all of them.
 */
export async function reconcile(o: SyncOptions): Promise<SyncReport> {
  const run = new Run(o, false);
  const now = o.now?.() ?? new Date();
  const records: PullRequestRecord[] = [];
  let others: IssuesAndReleases;
  let commands: GivenCommand[];
  let mark = "";
  let newest: string | undefined;
  try {
    let cursor: string | undefined;
    for (;;) {
      if (cursor !== undefined && !run.affordable()) throw new BudgetSpent(run.remaining);
      const page = await run.page("UPDATED_AT", cursor);
      if (!mark) {
        const state = await readSyncState(o, page.repo.id);
        mark = state?.reconciled ?? iso(new Date(now.getTime() - 30 * 86_400_000));
      }
      const fresh = page.pulls.filter((p) => p.pr.updatedAt >= mark);
      records.push(...fresh);
      run.pulls += fresh.length;
      run.progress();
      newest ??= page.pulls[0]?.pr.updatedAt;
      if (fresh.length < page.pulls.length || page.next === undefined) break;
      cursor = page.next;
    }
    others = await run.issuesAndReleases(mark);
    commands = [...(await run.resolve(records.flatMap((r) => commandsOnPull(r, mark)))), ...(others.commands ?? [])];
  } catch (e) {
    // Nothing of this run was written: the mark stays, and the next run covers the same ground.
    if (isStop(e)) return run.report(false, e.message);
    throw e;
  }
  const repo = run.repo as Repo;
  const high = [mark, newest ?? "", ...others.updated].reduce((a, b) => (b > a ? b : a));
  const facts = others.facts ?? [];
  await run.commit(records, { facts, commands }, (old) => ({ ...(old ?? { v: 1, repo: repo.name }), repo: repo.name, reconciled: high }));
  return run.report(true);
}
