/**
 * Facts → ledger entry bodies. A fact yields claims (who may be credited, for what, with the fact's
 * measured values); `compute` turns each claim into points under the rules. The inputs and context
 * are recorded in the entry, so any entry can be recomputed from the ledger alone.
 */

import type { Fact, Person, PullRequest } from "../events/facts.ts";
import type { Account, EntryBody, EntryKind, SubjectType } from "../ledger/entry.ts";
import { factId } from "../ledger/entry.ts";
import { type Context, compute, type Family, type FileSize, type Inputs } from "./compute.ts";
import { type ResolvedConfig, rulesHash } from "./config.ts";

/** Files listed per pull request in an entry: beyond this the totals stand in for them. */
export const MAX_RECORDED_FILES = 300;

export interface Claim {
  /** Identifies the fact and the credited account: the entry id is its SHA-256. */
  readonly key: string;
  readonly family: Family;
  readonly actor: Person;
  readonly subject: EntryBody["subject"];
  readonly inputs: Inputs;
}

/** Context for a claim, from what the ledger holds before it (per contributor, repository, month). */
export type ContextOf = (claim: Claim, fact: Fact) => Context;

function person(p: Person): Inputs {
  return { author_type: p.type, login: p.login };
}

function prSubject(pr: PullRequest): EntryBody["subject"] {
  return { type: "pull_request", number: pr.number, url: pr.url };
}

function fileSizes(pr: PullRequest): readonly FileSize[] | undefined {
  if (!pr.files || pr.files.length !== pr.changedFiles || pr.files.length > MAX_RECORDED_FILES) return undefined;
  return pr.files.map((f) => [f.path, f.additions, f.deletions, f.whitespaceOnly === true] as const);
}

/** Everyone a fact may credit, with what was measured. */
export function claimsOf(fact: Fact): Claim[] {
  const r = fact.repo.id;
  switch (fact.type) {
    case "pr_opened":
      return [
        {
          key: `pr_opened:${r}:${fact.pr.number}`,
          family: "pr_opened",
          actor: fact.pr.author,
          subject: prSubject(fact.pr),
          inputs: { ...person(fact.pr.author), labels: fact.pr.labels, own_repository: fact.pr.author.id === fact.repo.ownerId },
        },
      ];
    case "pr_merged": {
      const files = fileSizes(fact.pr);
      const award: Claim = {
        key: `pr_merged:${r}:${fact.pr.number}`,
        family: "pr_merged",
        actor: fact.pr.author,
        subject: prSubject(fact.pr),
        inputs: {
          ...person(fact.pr.author),
          labels: fact.pr.labels,
          additions: fact.pr.additions,
          deletions: fact.pr.deletions,
          ...(files ? { files } : {}),
          own_repository: fact.pr.author.id === fact.repo.ownerId,
        },
      };
      // Commit credit per person: authored and co-authored commits count alike.
      const credited = new Map<number, { who: Person; commits: number }>();
      for (const c of fact.pr.commits ?? []) {
        const people: Person[] = [...(c.author ? [c.author] : []), ...c.coAuthors.map((a) => ({ ...a, type: "User" as const }))];
        for (const p of new Map(people.map((x) => [x.id, x])).values()) {
          const seen = credited.get(p.id);
          // A co-author trailer carries no account type: an account seen anywhere as a Bot is one.
          const who = seen && (seen.who.type === "Bot" || p.type !== "Bot") ? seen.who : p;
          credited.set(p.id, { who, commits: (seen?.commits ?? 0) + 1 });
        }
      }
      const commits = [...credited.values()].map(
        ({ who, commits: n }): Claim => ({
          key: `commits:${r}:${fact.pr.number}:${who.id}`,
          family: "commits",
          actor: who,
          subject: prSubject(fact.pr),
          inputs: { ...person(who), labels: fact.pr.labels, commits: n, own_repository: who.id === fact.repo.ownerId },
        }),
      );
      return [award, ...commits];
    }
    case "pr_closed":
      return [];
    case "review":
      return [
        {
          key: `review:${r}:${fact.review.id}`,
          family: "review",
          actor: fact.review.author,
          subject: { type: "review", number: fact.pr.number, id: fact.review.id, url: fact.review.url },
          inputs: {
            ...person(fact.review.author),
            review_state: fact.review.state,
            self_review: fact.review.author.id === fact.pr.author.id,
          },
        },
      ];
    case "review_comment":
      return [
        {
          key: `review_comment:${r}:${fact.comment.id}`,
          family: "review_comment",
          actor: fact.comment.author,
          subject: { type: "review_comment", number: fact.pr.number, id: fact.comment.id, url: fact.comment.url },
          inputs: { ...person(fact.comment.author), self_review: fact.comment.author.id === fact.pr.author.id },
        },
      ];
    case "issue_opened":
      return [
        {
          key: `issue_opened:${r}:${fact.issue.number}`,
          family: "issue_opened",
          actor: fact.issue.author,
          subject: { type: "issue", number: fact.issue.number, url: fact.issue.url },
          inputs: { ...person(fact.issue.author), labels: fact.issue.labels },
        },
      ];
    case "issue_closed": {
      const parties: [Person | undefined, "closer" | "author"][] = [
        [fact.closedBy, "closer"],
        [fact.issue.author, "author"],
      ];
      return parties.flatMap(([who, role]) =>
        who
          ? [
              {
                key: `issue_closed:${r}:${fact.issue.number}:${role}`,
                family: "issue_closed" as const,
                actor: who,
                subject: { type: "issue" as const, number: fact.issue.number, url: fact.issue.url },
                inputs: { ...person(who), labels: fact.issue.labels, role, close_reason: fact.reason },
              },
            ]
          : [],
      );
    }
    case "comment":
      return [
        {
          key: `comment:${r}:${fact.comment.id}`,
          family: "comment",
          actor: fact.comment.author,
          subject: { type: "comment", number: fact.on.number, id: fact.comment.id, url: fact.comment.url },
          inputs: person(fact.comment.author),
        },
      ];
    case "release":
      return [
        {
          key: `release:${r}:${fact.release.id}`,
          family: "release",
          actor: fact.release.author,
          subject: { type: "release", id: fact.release.id, url: fact.release.url },
          inputs: person(fact.release.author),
        },
      ];
  }
}

/** A pull request's lifecycle, as zero-point `state` entries: what health metrics are computed from. */
function lifecycle(fact: Fact, rules: string): EntryBody[] {
  if (fact.type !== "pr_opened" && fact.type !== "pr_merged" && fact.type !== "pr_closed") return [];
  const state = fact.type.slice(3);
  return [
    {
      id: factId(`pr_state:${fact.repo.id}:${fact.pr.number}:${state}`),
      kind: "state",
      time: fact.time,
      repo: { id: fact.repo.id, name: fact.repo.name },
      actor: { id: fact.pr.author.id, login: fact.pr.author.login },
      subject: { type: "pull_request", number: fact.pr.number, url: fact.pr.url },
      points: 0,
      breakdown: [],
      rules,
      source: fact.source,
      inputs: {
        state,
        created_at: fact.pr.createdAt,
        labels: [...fact.pr.labels],
        ...(fact.pr.milestone ? { milestone: fact.pr.milestone } : {}),
      },
    },
  ];
}

export function account(p: Account): Account {
  return { id: p.id, login: p.login };
}

/**
 * The entry bodies a fact adds under `rules`: its lifecycle state, then one award per scored claim.
 * `aliases` credit merged accounts to their primary id.
 */
export function scoreFact(fact: Fact, rules: ResolvedConfig, contextOf: ContextOf): EntryBody[] {
  const hash = rulesHash(rules);
  const bodies = lifecycle(fact, hash);
  for (const claim of claimsOf(fact)) {
    const context = contextOf(claim, fact);
    const computed = compute(claim.family, claim.inputs, context, rules);
    if (!computed) continue;
    const primary = rules.aliases[String(claim.actor.id)];
    const kind: EntryKind = "award";
    const subjectType: SubjectType = claim.subject.type;
    bodies.push({
      id: factId(claim.key),
      kind,
      time: fact.time,
      repo: { id: fact.repo.id, name: fact.repo.name },
      actor: primary === undefined ? account(claim.actor) : { id: primary, login: claim.actor.login },
      subject: { ...claim.subject, type: subjectType },
      points: computed.points,
      breakdown: computed.breakdown,
      rules: hash,
      source: fact.source,
      inputs: { family: claim.family, ...claim.inputs, context },
    });
  }
  return bodies;
}
