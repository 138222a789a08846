/**
 * A pull request's history as the events that told it would have: opened, reviewed, merged or
 * closed, each with the labels it had at that moment. The facts come from `factsOf`, the event path's
 * own derivation, so a fact has the same id whichever way it arrives.
 */
import type { Fact, Repo } from "../events/facts.ts";
import type { GitHubEvent, PullRequestPayload } from "../events/payload.ts";
import { factsOf, type Source } from "../events/to-facts.ts";
import type { IssueRecord, PullRequestRecord, ReleaseRecord } from "../github/graphql.ts";

/** Review states the event path scores when a review is submitted. */
const SCORED_REVIEW = new Set(["approved", "changes_requested", "commented"]);

/**
 * The labels a pull request had at `time`: its label changes replayed up to then. Without a complete
 * timeline, its labels now are the best knowledge there is.
 */
export function labelsAt(record: PullRequestRecord, time: string): string[] {
  if (!record.labelChanges) return [...record.pr.labels];
  const labels: string[] = [];
  for (const change of record.labelChanges) {
    if (change.at > time) break;
    const at = labels.indexOf(change.label);
    if (change.added && at < 0) labels.push(change.label);
    if (!change.added && at >= 0) labels.splice(at, 1);
  }
  return labels;
}

/** The facts of a pull request's history, in the order they happened. */
export function historyFacts(record: PullRequestRecord, repo: Repo, source: Source): Fact[] {
  const { pr } = record;
  const at = (time: string): PullRequestPayload => ({ ...pr, labels: labelsAt(record, time) });
  const event = (action: string, payload: PullRequestPayload): GitHubEvent => ({
    name: source.event,
    type: "pull_request",
    action,
    repo,
    pr: payload,
  });
  const facts = factsOf(event("opened", at(pr.createdAt)), source);
  for (const review of record.reviews) {
    if (!SCORED_REVIEW.has(review.state)) continue;
    const submitted: GitHubEvent = {
      name: source.event,
      type: "review",
      action: "submitted",
      repo,
      pr: at(review.submittedAt),
      review,
    };
    facts.push(...factsOf(submitted, source));
  }
  const end = pr.mergedAt ?? pr.closedAt;
  if (end) facts.push(...factsOf(event("closed", at(end)), source, pr.mergedAt ? record.details : undefined));
  return facts.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
}

/** An issue's facts: opened, and closed if it is, by whoever closed it last, as its `issues` events would give them. */
export function issueFacts(record: IssueRecord, repo: Repo, source: Source): Fact[] {
  const event = (action: string): GitHubEvent => ({
    name: source.event,
    type: "issues",
    action,
    repo,
    issue: record.issue,
    ...(action === "closed" && record.closedBy ? { sender: record.closedBy } : {}),
  });
  return [...factsOf(event("opened"), source), ...(record.issue.closedAt ? factsOf(event("closed"), source) : [])];
}

/** A published release's fact, as its `release` event would give it. */
export function releaseFacts(release: ReleaseRecord, repo: Repo, source: Source): Fact[] {
  return factsOf({ name: source.event, type: "release", action: "published", repo, release }, source);
}

/** `Revert "…"` pull requests name what they revert: GitHub's revert button writes "Reverts owner/name#N". */
const REVERTS = /\b(?:Reverts|This reverts)\s+(?:(?:[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+)?#|pull request #)(\d+)/;

/** The number of the pull request a merged revert took back, if it is one. */
export function revertedBy(record: PullRequestRecord, repo: Repo): number | undefined {
  if (!record.pr.mergedAt || !/^Revert\b/.test(record.title)) return undefined;
  const m = REVERTS.exec(record.body);
  if (!m) return undefined;
  const named = /([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+)#/.exec(m[0]);
  // A revert of another repository's pull request is that repository's business.
  if (named && named[1]?.toLowerCase() !== repo.name.toLowerCase()) return undefined;
  const n = Number(m[1]);
  return n === record.pr.number ? undefined : n;
}
