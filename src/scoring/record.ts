/**
 * What a writer appends for facts and maintainer decisions, given the ledger as it stands: each
 * claim's context from the month's entries, ratings and voids recorded earlier, and — when labels or
 * a rating change after the fact — the difference they make to awards already recorded.
 */
import type { Fact } from "../events/facts.ts";
import type { Account, Entry, EntryBody } from "../ledger/entry.ts";
import { factId } from "../ledger/entry.ts";
import type { LedgerView } from "../store/ledger-view.ts";
import { type Context, compute, normalizeLabel } from "./compute.ts";
import { type ResolvedConfig, rulesHash } from "./config.ts";
import { ContextTally, monthStart } from "./context.ts";
import { recorded } from "./recompute.ts";
import { scoreFact } from "./score.ts";

type Rating = NonNullable<Context["rating"]>;

/** Fact keys of the decisions recorded against a pull request or issue. */
export const decisionKey = {
  voided: (repoId: number, number: number) => `void:${repoId}:${number}`,
  rated: (repoId: number, number: number) => `rate:${repoId}:${number}`,
};

/** The pull request or issue number a fact is about. */
function subjectNumber(fact: Fact): number | undefined {
  switch (fact.type) {
    case "pr_opened":
    case "pr_merged":
    case "pr_closed":
    case "review":
    case "review_comment":
      return fact.pr.number;
    case "issue_opened":
    case "issue_closed":
      return fact.issue.number;
    case "comment":
      return fact.on.number;
    case "release":
      return undefined;
  }
}

/** Entry bodies for `facts`: lifecycle states, and awards unless their pull request or issue was voided. */
export async function recordFacts(facts: readonly Fact[], rules: ResolvedConfig, view: LedgerView): Promise<EntryBody[]> {
  if (facts.length === 0) return [];
  const earliest = facts.map((f) => f.time).sort()[0] as string;
  const tally = new ContextTally(await view.since(monthStart(earliest)));
  const numbers = facts.flatMap((f) => {
    const n = subjectNumber(f);
    return n === undefined ? [] : [[f.repo.id, n] as const];
  });
  const decisions = await view.byIds(numbers.flatMap(([r, n]) => [factId(decisionKey.voided(r, n)), factId(decisionKey.rated(r, n))]));
  const out: EntryBody[] = [];
  for (const fact of facts) {
    const n = subjectNumber(fact);
    const voided = n !== undefined && decisions.has(factId(decisionKey.voided(fact.repo.id, n)));
    const rating = n === undefined ? undefined : ratingOf(decisions.get(factId(decisionKey.rated(fact.repo.id, n))));
    const bodies = scoreFact(fact, rules, (claim) =>
      tally.of(rules.aliases[String(claim.actor.id)] ?? claim.actor.id, fact.repo.id, fact.time, rating),
    ).filter((b) => !(voided && b.kind === "award"));
    for (const b of bodies) tally.add(b);
    out.push(...bodies);
  }
  return out;
}

function ratingOf(entry: Entry | undefined): Rating | undefined {
  const r = entry?.inputs?.rating;
  return typeof r === "number" && [1, 2, 3, 4, 5].includes(r) ? (r as Rating) : undefined;
}

export interface Decision {
  /** Fact key of the decision; combined with each award's id for its reversal. */
  readonly key: string;
  readonly time: string;
  readonly source: Fact["source"];
  readonly by?: Account;
  readonly reason: string;
}

/** An adjustment records the state it brought its award to: the labels, and the rating. */
function isAdjustment(e: Entry): boolean {
  return e.ref !== undefined && e.inputs !== undefined && ("labels" in e.inputs || "rating" in e.inputs);
}

/**
 * What still counts about a pull request or issue: its awards and every adjustment of them, less what
 * `/meritlog void` or a dismissed review reversed. A voided subject has nothing left to adjust.
 */
export function standing(subject: readonly Entry[]): { readonly voided: boolean; readonly reversed: ReadonlySet<string> } {
  const voided = subject.some((e) => e.kind === "command" && e.inputs?.command === "void");
  const reversed = new Set(subject.flatMap((e) => (e.kind === "reversal" && e.ref && !isAdjustment(e) ? [e.ref] : [])));
  return { voided, reversed };
}

/** The rating recorded for a subject, if any. */
export function ratingIn(subject: readonly Entry[]): Rating | undefined {
  return ratingOf(subject.find((e) => e.kind === "command" && e.inputs?.command === "rate"));
}

/**
 * Entries that bring each award of a subject to what the rules give it with the subject's labels and
 * rating as they are now (`change` says what is new; the rest is as last recorded). Each compares the
 * target with the award plus its earlier adjustments, so replays, concurrent label changes and
 * labels combined with a rating all land on the same total. A bonus or penalty for the difference, or
 * a reversal when a void label takes the award away.
 */
export function adjustmentsFor(
  subject: readonly Entry[],
  rules: ResolvedConfig,
  change: { readonly labels?: readonly string[]; readonly rating?: Rating },
  decision: Omit<Decision, "key">,
): EntryBody[] {
  const { voided, reversed } = standing(subject);
  if (voided) return [];
  const rating = change.rating ?? ratingIn(subject);
  const out: EntryBody[] = [];
  for (const award of subject) {
    const r = recorded(award);
    if (!r || reversed.has(award.id)) continue;
    const earlier = subject.filter((e) => e.ref === award.id && isAdjustment(e));
    const lastLabels = [...earlier].reverse().find((e) => Array.isArray(e.inputs?.labels))?.inputs?.labels as string[] | undefined;
    const labels = r.inputs.labels === undefined ? undefined : (change.labels ?? lastLabels ?? r.inputs.labels);
    const inputs = labels === undefined ? r.inputs : { ...r.inputs, labels };
    const context = rating === undefined ? r.context : { ...r.context, rating };
    const target = compute(r.family, inputs, context, rules)?.points ?? 0;
    const delta = target - earlier.reduce((sum, e) => sum + e.points, award.points);
    if (delta === 0) continue;
    const voids = target === 0 && labels !== undefined && voidedBy(labels, rules);
    out.push({
      id: factId(`adjust:${award.id}:${earlier.length}`),
      kind: voids ? "reversal" : delta > 0 ? "bonus" : "penalty",
      time: decision.time,
      repo: award.repo,
      actor: award.actor,
      subject: award.subject,
      points: delta,
      breakdown: [{ rule: change.rating === undefined ? "label.change" : "rating", points: delta, note: decision.reason.slice(0, 200) }],
      rules: rulesHash(rules),
      source: decision.source,
      inputs: { ...(labels === undefined ? {} : { labels: [...labels] }), ...(rating === undefined ? {} : { rating }) },
      ref: award.id,
      reason: decision.reason,
      ...(decision.by ? { by: decision.by } : {}),
    });
  }
  return out;
}

function voidedBy(labels: readonly string[], rules: ResolvedConfig): boolean {
  const set = new Set(labels.map(normalizeLabel));
  return rules.labels.some((r) => r.void && (typeof r.match === "string" ? [r.match] : r.match).some((m) => set.has(normalizeLabel(m))));
}

/** A reversal that cancels `award` (or any entry with points), for `/meritlog void` and dismissed reviews. */
export function reversalOf(award: Entry, rules: ResolvedConfig, decision: Decision): EntryBody {
  return {
    id: factId(`${decision.key}:${award.id}`),
    kind: "reversal",
    time: decision.time,
    repo: award.repo,
    actor: award.actor,
    subject: award.subject,
    points: -award.points,
    breakdown: award.points === 0 ? [] : [{ rule: "void", points: -award.points, note: decision.reason.slice(0, 200) }],
    rules: rulesHash(rules),
    source: decision.source,
    ref: award.id,
    reason: decision.reason,
    ...(decision.by ? { by: decision.by } : {}),
  };
}
