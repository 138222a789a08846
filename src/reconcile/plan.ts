/**
 * What a reconcile or backfill appends for a batch of pull requests, given the ledger as it stands:
 * the facts the ledger lacks, scored in the order they happened; then, for what the ledger already
 * holds or this batch adds, the adjustments that labels changed since call for, reversals of reviews
 * since dismissed, `/meritlog` commands given in comments (applied by the event path's own code), and
 * reversals of pull requests a merged revert took back. Every id derives from what it records, so
 * planning twice plans nothing new the second time.
 */
import { applyCommand } from "../commands/apply.ts";
import type { Fact, Repo } from "../events/facts.ts";
import type { Source } from "../events/to-facts.ts";
import type { PullRequestRecord } from "../github/graphql.ts";
import type { Entry, EntryBody } from "../ledger/entry.ts";
import { factId } from "../ledger/entry.ts";
import { subjectPath } from "../ledger/layout.ts";
import type { ResolvedConfig } from "../scoring/config.ts";
import { adjustmentsFor, recordFacts, reversalOf, standing } from "../scoring/record.ts";
import { claimsOf } from "../scoring/score.ts";
import type { LedgerView } from "../store/ledger-view.ts";
import type { GivenCommand } from "./commands.ts";
import { historyFacts, revertedBy } from "./history.ts";

/** The ids of the awards a fact may record. */
function awardIds(fact: Fact): string[] {
  return claimsOf(fact).map((c) => factId(c.key));
}

/**
 * Facts whose awards are all missing from the ledger. A fact already (partly) recorded is left out
 * before scoring: its awards count in the month's context once, from the ledger.
 */
async function missingFacts(facts: readonly Fact[], view: LedgerView): Promise<Fact[]> {
  const known = await view.byIds(facts.flatMap(awardIds));
  return facts.filter((f) => !awardIds(f).some((id) => known.has(id)));
}

/** Entries of a subject, the ledger's and this plan's, as adjustments and reversals read them. */
function subjectOf(ledger: readonly Entry[], planned: readonly EntryBody[], number: number): Entry[] {
  const ids = new Set(ledger.map((e) => e.id));
  const fresh = planned.filter((b) => b.subject.number === number && !ids.has(b.id) && b.kind !== "state");
  // Planned bodies stand in for entries: adjustments read their fields, never seq or signature.
  return [...ledger, ...(fresh as Entry[])];
}

/** The ledger with this plan's bodies as if appended: what a command applied after them reads. */
function withPlanned(view: LedgerView, planned: readonly EntryBody[]): LedgerView {
  // Delegation rather than a subclass: only the lookups applying a command makes are answered here.
  return {
    byIds: async (ids: readonly string[]) => {
      const found = new Map(await view.byIds(ids));
      const wanted = new Set(ids);
      for (const b of planned) if (wanted.has(b.id) && !found.has(b.id)) found.set(b.id, b as Entry);
      return found;
    },
    subject: async (repoId: number, number: number) => subjectOf(await view.subject(repoId, number), planned, number),
  } as unknown as LedgerView;
}

/** What a batch holds besides pull requests: facts of issues and releases, and commands given in comments. */
export interface BatchExtras {
  readonly facts?: readonly Fact[];
  readonly commands?: readonly GivenCommand[];
}

/** The subject files planning reads for a batch: fetch them in one go before planning on a view that reads on demand. */
export function subjectPaths(records: readonly PullRequestRecord[], repo: Repo, extras: BatchExtras = {}): string[] {
  return [
    ...records.flatMap((r) => [r.pr.number, revertedBy(r, repo) ?? []].flat()),
    ...(extras.commands ?? []).map((c) => c.issue.number),
  ].map((n) => subjectPath(repo.id, n));
}

/** The entries to append for `records` on the ledger `view` shows; empty when the ledger already agrees with GitHub. */
export async function planBatch(
  records: readonly PullRequestRecord[],
  repo: Repo,
  rules: ResolvedConfig,
  view: LedgerView,
  source: Source,
  extras: BatchExtras = {},
): Promise<EntryBody[]> {
  const facts = [...records.flatMap((r) => historyFacts(r, repo, source)), ...(extras.facts ?? [])].sort((a, b) =>
    a.time < b.time ? -1 : a.time > b.time ? 1 : 0,
  );
  const planned = await recordFacts(await missingFacts(facts, view), rules, view);
  const out = [...planned];
  for (const record of records) {
    const { pr } = record;
    const subject = subjectOf(await view.subject(repo.id, pr.number), out, pr.number);
    // Labels now versus labels when each award was recorded: the difference is owed.
    const latest = record.labelChanges?.at(-1);
    const who = latest?.by?.login ?? "someone";
    out.push(
      ...adjustmentsFor(
        subject,
        rules,
        { labels: pr.labels },
        {
          time: latest?.at ?? pr.updatedAt,
          source,
          ...(latest?.by ? { by: { id: latest.by.id, login: latest.by.login } } : {}),
          reason: latest ? `label '${latest.label}' ${latest.added ? "added" : "removed"} by ${who}` : "labels changed",
        },
      ),
    );
    out.push(...dismissals(record, repo, rules, subject, source));
  }
  // Commands in the order they were given, each reading what the ones before it appended.
  const commands = [...(extras.commands ?? [])].sort((a, b) => (a.comment.createdAt < b.comment.createdAt ? -1 : 1));
  for (const { command, issue, comment, role, accounts } of commands) {
    const outcome = await applyCommand({ command, repo, issue, comment, source, rules, role, accounts }, withPlanned(view, out));
    if (outcome.applied) out.push(...outcome.bodies);
  }
  for (const record of records) {
    const target = revertedBy(record, repo);
    if (target === undefined) continue;
    const subject = subjectOf(await view.subject(repo.id, target), out, target);
    out.push(...revertReversals(record, repo, rules, subject, source));
  }
  return out;
}

/** Reviews dismissed since they were scored: reversed as the event path reverses them. */
function dismissals(record: PullRequestRecord, repo: Repo, rules: ResolvedConfig, subject: readonly Entry[], source: Source): EntryBody[] {
  const { voided, reversed } = standing(subject);
  if (voided) return [];
  return record.reviews.flatMap((review) => {
    if (review.state !== "dismissed") return [];
    const id = factId(`review:${repo.id}:${review.id}`);
    const award = reversed.has(id) ? undefined : subject.find((e) => e.id === id);
    if (!award || award.points === 0) return [];
    return [
      reversalOf(award, rules, {
        key: `dismissed:${repo.id}:${review.id}`,
        time: record.pr.updatedAt,
        source,
        reason: "review dismissed",
      }),
    ];
  });
}

/** A merged revert takes back what the reverted pull request still scores: its awards and their label adjustments. */
function revertReversals(
  revert: PullRequestRecord,
  repo: Repo,
  rules: ResolvedConfig,
  subject: readonly Entry[],
  source: Source,
): EntryBody[] {
  const { voided, reversed } = standing(subject);
  if (voided) return [];
  const counting = subject.filter(
    (e) =>
      e.points !== 0 &&
      !reversed.has(e.id) &&
      !reversed.has(e.ref ?? "") &&
      (e.kind === "award" || (e.ref !== undefined && e.inputs?.labels !== undefined)),
  );
  return counting.map((e) =>
    reversalOf(e, rules, {
      key: `revert:${repo.id}:${revert.pr.number}`,
      time: revert.pr.mergedAt as string,
      source,
      ...(revert.pr.mergedBy ? { by: { id: revert.pr.mergedBy.id, login: revert.pr.mergedBy.login } } : {}),
      reason: `reverted by #${revert.pr.number}`,
    }),
  );
}
