/**
 * A synthetic but realistic project history: a long tail of contributors (a few do most of the work,
 * as in real projects), pull requests that are opened, reviewed and merged or closed, comments,
 * issues, releases, labels, milestones, and maintainers' decisions (ratings, a bonus whose reason
 * holds markup, a void, an opt-out, a linked account). Scored by the project's own scoring code and
 * signed by its own append code into a ledger folder: what the site is built and tested from.
 */

import type { Fact, Person, PullRequest, Repo } from "../../src/events/facts.ts";
import type { EntryBody } from "../../src/ledger/entry.ts";
import { factId } from "../../src/ledger/entry.ts";
import type { Signer } from "../../src/ledger/keys.ts";
import { newBadges } from "../../src/scoring/badges.ts";
import { DEFAULTS, rulesDocument, rulesHash } from "../../src/scoring/config.ts";
import { ContextTally } from "../../src/scoring/context.ts";
import { account, scoreFact } from "../../src/scoring/score.ts";
import { appendToFolder } from "../../src/store/append-folder.ts";
import { allEntries } from "../../src/store/read-entries.ts";
import { seededRandom } from "./git-remote.ts";

/** Markup a contributor or maintainer could type; every page must show it as text. */
export const HOSTILE = "<img src=x onerror=alert(1)>";

export interface HistoryOptions {
  readonly contributors: number;
  /** Pull requests in all (other events scale with them). */
  readonly pullRequests: number;
  readonly months: number;
  readonly seed?: number;
  /** The first month, YYYY-MM. */
  readonly from?: string;
}

export const HISTORY_REPOS: readonly Repo[] = [
  { id: 4242, name: "octo-org/widgets", ownerId: 9000 },
  { id: 4343, name: "octo-org/gadgets", ownerId: 9000 },
];

const MAINTAINER: Person = { id: 201, login: "maya", type: "User" };
const LABELS = ["bug", "enhancement", "documentation", "good first issue", "performance"];

export function person(i: number): Person {
  return { id: 100_000 + i, login: `dev-${i}`, type: "User" };
}

function iso(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

/** The decisions maintainers make along the way, as entry bodies (what the action's commands record). */
function command(
  kind: "rate" | "bonus" | "void" | "optout" | "link",
  at: string,
  repo: Repo,
  whom: Person,
  pr: number,
  extra: Record<string, unknown> = {},
): EntryBody {
  const who = account(whom);
  const maintainer = account(MAINTAINER);
  const rules = rulesHash(DEFAULTS);
  const subject = { type: "pull_request" as const, number: pr, url: `https://github.com/${repo.name}/pull/${pr}` };
  const base = { time: at, repo: { id: repo.id, name: repo.name }, subject, rules, source: { event: "issue_comment", action: "created" } };
  switch (kind) {
    case "bonus":
      return {
        ...base,
        id: factId(`command:${repo.id}:b${pr}`),
        kind: "bonus",
        actor: who,
        points: 10_000,
        breakdown: [{ rule: "command.bonus", points: 10_000, note: HOSTILE }],
        inputs: { command: "bonus" },
        reason: `${HOSTILE} for going the extra mile`,
        by: maintainer,
      };
    case "rate":
      return {
        ...base,
        id: factId(`rate:${repo.id}:${pr}`),
        kind: "command",
        actor: maintainer,
        points: 0,
        breakdown: [],
        inputs: { command: "rate", rating: 5, author_id: who.id, author_login: who.login },
        by: maintainer,
      };
    case "void":
      return {
        ...base,
        id: factId(`void:${repo.id}:${pr}`),
        kind: "command",
        actor: who,
        points: 0,
        breakdown: [],
        inputs: { command: "void" },
        reason: "spam",
        by: maintainer,
      };
    case "optout":
      return {
        ...base,
        id: factId(`optout:${who.id}:${pr}`),
        kind: "command",
        actor: who,
        points: 0,
        breakdown: [],
        inputs: { command: "optout" },
        by: who,
      };
    case "link":
      return {
        ...base,
        id: factId(`link:confirmed:${who.id}:${pr}`),
        kind: "command",
        actor: maintainer,
        points: 0,
        breakdown: [],
        inputs: { command: "link", confirmed: true, ...extra },
        by: maintainer,
      };
  }
}

/** The history's facts and decisions, in time order. */
export function* history(o: HistoryOptions): Generator<Fact | EntryBody> {
  const random = seededRandom(o.seed ?? 7);
  const start = Date.parse(`${o.from ?? "2026-01"}-01T00:00:00Z`);
  const span = o.months * 30 * 86_400_000;
  // Zipf-like: contributor k is picked with weight 1/(k+1).
  const weights = Array.from({ length: o.contributors }, (_, k) => 1 / (k + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative = weights.map(
    (
      (sum) => (w) =>
        (sum += w / total)
    )(0),
  );
  const pick = (): Person => {
    const r = random();
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) < r) lo = mid + 1;
      else hi = mid;
    }
    return person(lo);
  };
  let id = 1;
  for (let n = 1; n <= o.pullRequests; n++) {
    const repo = HISTORY_REPOS[n % HISTORY_REPOS.length] as Repo;
    const opened = start + (span * (n - 1)) / o.pullRequests;
    const author = pick();
    const size = Math.floor(5 + random() * random() * 900);
    const labels = LABELS.filter(() => random() < 0.15);
    const milestone = n % 50 === 0 ? "v1.0" : n % 97 === 0 ? HOSTILE : undefined;
    const pr: PullRequest = {
      number: n,
      url: `https://github.com/${repo.name}/pull/${n}`,
      author,
      labels,
      createdAt: iso(opened),
      additions: size,
      deletions: Math.floor(size / 3),
      changedFiles: 1 + (n % 4),
      files: Array.from({ length: 1 + (n % 4) }, (_, f) => ({
        path: `src/f${f}.ts`,
        additions: f === 0 ? size : 0,
        deletions: f === 0 ? Math.floor(size / 3) : 0,
      })),
      commits: Array.from({ length: 1 + (n % 3) }, (_, c) => ({ sha: `${n}`.padStart(39, "0") + c, author, coAuthors: [] })),
      ...(milestone ? { milestone } : {}),
    };
    const src = (event: string, action: string) => ({ event, action });
    yield { type: "pr_opened", repo, time: iso(opened), source: src("pull_request", "opened"), pr };
    const reviewer = pick();
    const reviewed = opened + (1 + random() * 48) * 3_600_000;
    if (reviewer.id !== author.id) {
      const state = random() < 0.7 ? "approved" : random() < 0.5 ? "changes_requested" : "commented";
      yield {
        type: "review",
        repo,
        time: iso(reviewed),
        source: src("pull_request_review", "submitted"),
        pr,
        review: { id: id++, url: `${pr.url}#review`, author: reviewer, state },
      };
    }
    if (random() < 0.3)
      yield {
        type: "comment",
        repo,
        time: iso(reviewed + 60_000),
        source: src("issue_comment", "created"),
        on: { number: n, kind: "pull_request" },
        comment: { id: id++, url: `${pr.url}#comment`, author: pick() },
      };
    const closed = reviewed + (1 + random() * 72) * 3_600_000;
    if (random() < 0.85)
      yield { type: "pr_merged", repo, time: iso(closed), source: src("pull_request", "closed"), pr, mergedBy: MAINTAINER };
    else yield { type: "pr_closed", repo, time: iso(closed), source: src("pull_request", "closed"), pr, closedBy: MAINTAINER };
    if (n % 10 === 0) {
      const issue = { number: 100_000 + n, url: `https://github.com/${repo.name}/issues/${100_000 + n}`, author: pick(), labels: ["bug"] };
      yield { type: "issue_opened", repo, time: iso(closed + 60_000), source: src("issues", "opened"), issue };
    }
    if (n % 40 === 0) yield command("rate", iso(closed + 120_000), repo, author, n);
    if (n === 3) yield command("bonus", iso(closed + 120_000), repo, author, n);
    if (n === 6) yield command("void", iso(closed + 120_000), repo, author, n);
    if (n % 200 === 0)
      yield {
        type: "release",
        repo,
        time: iso(closed + 180_000),
        source: src("release", "published"),
        release: { id: id++, tag: `v0.${n / 200}.0`, url: `https://github.com/${repo.name}/releases/v0.${n / 200}.0`, author: MAINTAINER },
      };
  }
  // One contributor from the middle of the tail opts out; two accounts of one person are linked.
  const end = iso(start + span);
  const hidden = person(Math.min(5, o.contributors - 1));
  yield command("optout", end, HISTORY_REPOS[0] as Repo, hidden, 1);
  if (o.contributors > 8)
    yield command("link", end, HISTORY_REPOS[0] as Repo, person(7), 2, {
      accounts: [person(7), person(8)].map((p) => ({ id: p.id, login: p.login })),
    });
}

/** Scores and signs a history into the ledger folder `dir` (in batches), then awards its badges. */
export async function buildHistoryLedger(dir: string, signer: Signer, o: HistoryOptions, batch = 4096): Promise<void> {
  const rules = new Map([[rulesHash(DEFAULTS), rulesDocument(DEFAULTS)]]);
  const tally = new ContextTally();
  let pending: EntryBody[] = [];
  const flush = async () => {
    if (pending.length > 0) await appendToFolder(dir, pending, signer, { rules });
    pending = [];
  };
  for (const item of history(o)) {
    const bodies = "type" in item ? scoreFact(item, DEFAULTS, (claim, fact) => tally.of(claim.actor.id, fact.repo.id, fact.time)) : [item];
    for (const b of bodies) tally.add(b);
    pending.push(...bodies);
    if (pending.length >= batch) await flush();
  }
  await flush();
  const entries = await allEntries(dir);
  const last = entries.at(-1)?.time ?? "2026-01-01T00:00:00Z";
  const badges = newBadges(entries, `${String(Number(last.slice(0, 4)) + 1)}-01-01T00:00:00Z`, rulesHash(DEFAULTS), { event: "schedule" });
  await appendToFolder(dir, badges, signer, { rules });
}
