/**
 * A generated history for the loopback GitHub: months of pull requests by many contributors with a
 * long tail (a few do most of the work), reviews, labels (some added weeks after the merge), a revert,
 * a pull request voided by the `invalid` label, one from a fork, and maintainer comments. The same
 * seed gives the same history, so tests and benchmarks can compare runs.
 */

import { seededRandom } from "./git-remote.ts";
import { addCollaborator, addComment, addPull, addUser, prCommit, prFile, type RepoState, sha } from "./github-api.ts";
import type { GraphqlHistory, LabelEventState, ReviewState } from "./github-graphql.ts";

export interface HistoryOptions {
  readonly contributors: number;
  readonly pulls: number;
  /** Months the history spans, ending at `end`. */
  readonly months?: number;
  readonly end?: string;
  readonly seed?: number;
  /** The first pull request's number (default 1), so a history can sit beside other numbered pull requests. */
  readonly first?: number;
}

/** The pull requests a test looks at by name. */
export interface Notable {
  /** Merged, then labelled `documentation` a month later. */
  readonly lateLabel: number;
  /** Merged, then labelled `invalid`: its points are taken back. */
  readonly invalid: number;
  /** Merged, then reverted by `revert`. */
  readonly reverted: number;
  readonly revert: number;
  /** Opened from a fork: the `pull_request` event path could not write for it. */
  readonly fork: number;
}

export interface GeneratedHistory {
  readonly history: GraphqlHistory;
  readonly notable: Notable;
  readonly maintainer: string;
  /** Every contributor's login, most active first. */
  readonly logins: readonly string[];
}

function iso(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Seeds `state` with the history; returns what the GraphQL endpoint serves beyond the state. */
export function generateHistory(state: RepoState, o: HistoryOptions): GeneratedHistory {
  const rnd = seededRandom(o.seed ?? 1);
  const end = Date.parse(o.end ?? "2026-10-31T00:00:00Z");
  const start = end - (o.months ?? 6) * 30 * DAY;
  const maintainer = "maya";
  addUser(state, maintainer, { id: 201 });
  addCollaborator(state, maintainer, "maintain");
  const logins = Array.from({ length: o.contributors }, (_, i) => `contributor-${i + 1}`);
  for (const [i, login] of logins.entries()) addUser(state, login, { id: 500_000 + i });
  const history: GraphqlHistory = { reviews: {}, labelEvents: {}, issues: {}, releases: [] };
  const step = (end - start - 10 * DAY) / Math.max(1, o.pulls);
  let reviewId = 7_000_000;
  const first = o.first ?? 1;
  const notable: Notable = {
    lateLabel: first + 2,
    invalid: first + 3,
    reverted: first + 4,
    revert: first + o.pulls - 1,
    fork: first + 5,
  };
  for (let i = 0; i < o.pulls; i++) {
    const number = first + i;
    // A long tail: the cube of a uniform draw favours the first contributors.
    const author = logins[Math.floor(o.contributors * rnd() ** 3)] as string;
    const created = start + i * step + rnd() * HOUR;
    const outcome = rnd();
    const merged = outcome < 0.8 || Object.values(notable).includes(number);
    const closed = merged || outcome < 0.9;
    const ended = created + (1 + rnd() * 48) * HOUR;
    const files = Array.from({ length: 1 + Math.floor(rnd() * 3) }, (_, f) =>
      prFile({ filename: `src/module-${f}/file-${number}.ts`, additions: 1 + Math.floor(rnd() * 120), deletions: Math.floor(rnd() * 30) }),
    );
    const labels = rnd() < 0.1 ? ["good first issue"] : [];
    const events: LabelEventState[] = [];
    let updated = closed ? ended : created;
    if (number === notable.lateLabel || number === notable.invalid) {
      const at = ended + 30 * DAY;
      const label = number === notable.lateLabel ? "documentation" : "invalid";
      events.push({ label, added: true, actor: maintainer, createdAt: iso(at) });
      labels.push(label);
      updated = at;
    }
    const reviews: ReviewState[] = [];
    for (let r = 0; r < Math.floor(rnd() * 3); r++) {
      const reviewer = r === 0 ? maintainer : (logins[Math.floor(rnd() * o.contributors)] as string);
      if (reviewer === author) continue;
      reviews.push({
        id: reviewId++,
        user: reviewer,
        state: r === 0 && merged ? "APPROVED" : rnd() < 0.5 ? "COMMENTED" : "CHANGES_REQUESTED",
        submittedAt: iso(created + (ended - created) * (0.3 + 0.2 * r)),
      });
    }
    const revert = number === notable.revert;
    addPull(state, {
      number,
      user: author,
      title: revert ? `Revert "Pull request ${notable.reverted}"` : `Pull request ${number}`,
      body: revert ? `Reverts ${state.repo.owner}/${state.repo.name}#${notable.reverted}` : null,
      createdAt: iso(created),
      updatedAt: iso(updated),
      state: closed ? "closed" : "open",
      closedAt: closed ? iso(ended) : null,
      merged,
      mergedAt: merged ? iso(ended) : null,
      mergedBy: merged ? maintainer : null,
      files,
      commits: [prCommit({ message: `Change ${number}`, login: author, date: iso(created) })],
      labels,
      ...(number === notable.fork
        ? { head: { repo: { owner: author, name: state.repo.name, id: 9_000_000 + number, ownerId: 500_000, ownerType: "User" as const } } }
        : {}),
    });
    if (events.length > 0) history.labelEvents[number] = events;
    if (reviews.length > 0) history.reviews[number] = reviews;
    if (rnd() < 0.2) addComment(state, number, maintainer, `Thanks! ${sha("note", number).slice(0, 8)}`);
  }
  return { history, notable, maintainer, logins };
}
