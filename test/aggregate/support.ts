/**
 * Shared by the aggregation tests: facts scored by the real scoring code (with the context a writer
 * would give them), maintainer commands shaped as src/commands/apply.ts records them, and entry
 * bodies numbered into entries.
 */
import { createHash } from "node:crypto";
import type { LedgerStatus } from "../../src/aggregate/model.ts";
import type { Fact } from "../../src/events/facts.ts";
import { type Account, type Entry, type EntryBody, factId } from "../../src/ledger/entry.ts";
import { DEFAULTS, type ResolvedConfig, rulesHash } from "../../src/scoring/config.ts";
import { ContextTally } from "../../src/scoring/context.ts";
import { scoreFact } from "../../src/scoring/score.ts";
import { REPO } from "../helpers/facts.ts";

export const STATUS: LedgerStatus = {
  origin: "example.com/meritlog/test",
  entries: 0,
  root: "0".repeat(64),
  checkpoint: "",
  keys: [],
  verifiedAt: "2026-01-01T00:00:00Z",
};

const RULES = rulesHash(DEFAULTS);

/** Bodies for `facts` as a writer records them: each claim's context from the awards before it. */
export function scored(facts: readonly Fact[], rules: ResolvedConfig = DEFAULTS): EntryBody[] {
  const tally = new ContextTally();
  return facts.flatMap((fact) => {
    const bodies = scoreFact(fact, rules, (claim) => tally.of(claim.actor.id, fact.repo.id, fact.time));
    for (const b of bodies) tally.add(b);
    return bodies;
  });
}

/** Bodies numbered into entries, each fact once (a ledger records a replayed fact once). Unsigned: aggregation reads content only. */
export function asEntries(bodies: readonly EntryBody[]): Entry[] {
  const seen = new Set<string>();
  const out: Entry[] = [];
  for (const b of bodies) {
    if (seen.has(b.id)) continue;
    seen.add(b.id);
    out.push({ ...b, v: 1, seq: out.length, sig: { keyid: "x+00000000", sig: "" } } as Entry);
  }
  return out;
}

let serial = 0;

interface Where {
  readonly time: string;
  readonly repo?: { readonly id: number; readonly name: string };
  /** The pull request or issue the command was given on. */
  readonly number?: number;
}

function commandBase(where: Where) {
  const repo = where.repo ?? { id: REPO.id, name: REPO.name };
  const number = where.number ?? 1;
  const comment = ++serial;
  return {
    time: where.time,
    repo,
    rules: RULES,
    source: { event: "issue_comment", action: "created" },
    comment,
    subject: {
      type: "comment" as const,
      number,
      id: comment,
      url: `https://github.com/${repo.name}/issues/${number}#issuecomment-${comment}`,
    },
  };
}

/** `/meritlog link`, confirmed: the accounts listed lower id first, as the writer lists them. */
export function link(by: Account, a: Account, b: Account, where: Where): EntryBody {
  const { comment: _c, ...base } = commandBase(where);
  const [low, high] = a.id < b.id ? [a, b] : [b, a];
  return {
    ...base,
    id: factId(`link:confirmed:${low.id}:${high.id}`),
    kind: "command",
    actor: { id: by.id, login: by.login },
    points: 0,
    breakdown: [],
    inputs: { command: "link", accounts: [low, high], confirmed: true },
    by: { id: by.id, login: by.login },
  };
}

/** `/meritlog optout` or `/meritlog optin`, from `who`. */
export function opt(command: "optout" | "optin", who: Account, where: Where): EntryBody {
  const { comment, ...base } = commandBase(where);
  const account = { id: who.id, login: who.login };
  return {
    ...base,
    id: factId(`${command}:${who.id}:${comment}`),
    kind: "command",
    actor: account,
    points: 0,
    breakdown: [],
    inputs: { command },
    by: account,
  };
}

/** `/meritlog bonus` (positive points) or `/meritlog penalty` (negative), by `by` to `to`, in millipoints. */
export function bonus(by: Account, to: Account, points: number, reason: string, where: Where): EntryBody {
  const { comment, subject, ...base } = commandBase(where);
  const kind = points >= 0 ? "bonus" : "penalty";
  return {
    ...base,
    subject: { type: "issue", number: subject.number, url: `https://github.com/${base.repo.name}/issues/${subject.number}` },
    id: factId(`command:${base.repo.id}:${comment}`),
    kind,
    actor: { id: to.id, login: to.login },
    points,
    breakdown: points === 0 ? [] : [{ rule: `command.${kind}`, points, note: reason.slice(0, 200) }],
    inputs: { command: kind },
    reason,
    by: { id: by.id, login: by.login },
  };
}

/** The pseudonym as documented, computed here rather than by the code under test. */
export function expectedPseudonym(id: number): string {
  return `contributor-${createHash("sha256").update(`meritlog-pseudonym:${id}`).digest("hex").slice(0, 8)}`;
}
