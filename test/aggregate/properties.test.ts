/**
 * Properties of the site's data over ledgers of scored facts (every fact type, the default rules)
 * mixed with maintainer bonuses and penalties, account links and opt-outs. Expected values are
 * computed here from the entries by brute force, not by the code under test.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Board, SiteData } from "../../src/aggregate/model.ts";
import { aggregate } from "../../src/aggregate/site-data.ts";
import type { Person } from "../../src/events/facts.ts";
import type { Entry, EntryBody } from "../../src/ledger/entry.ts";
import { factArb, timeArb, USERS, userArb } from "../helpers/facts.ts";
import { asEntries, bonus, expectedPseudonym, link, opt, STATUS, scored } from "./support.ts";

type Command =
  | { readonly type: "link"; readonly a: Person; readonly b: Person; readonly time: string }
  | { readonly type: "optout" | "optin"; readonly who: Person; readonly time: string }
  | {
      readonly type: "bonus";
      readonly by: Person;
      readonly to: Person;
      readonly points: number;
      readonly mention: Person;
      readonly time: string;
    };

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  fc
    .record({ a: userArb, b: userArb, time: timeArb })
    .filter((c) => c.a.id !== c.b.id)
    .map((c) => ({ type: "link" as const, ...c })),
  fc.record({ type: fc.constantFrom("optout" as const, "optin" as const), who: userArb, time: timeArb }),
  fc.record({
    type: fc.constant("bonus" as const),
    by: userArb,
    to: userArb,
    points: fc.integer({ min: -20_000, max: 20_000 }),
    mention: userArb,
    time: timeArb,
  }),
);

function commandBody(c: Command): EntryBody {
  switch (c.type) {
    case "link":
      return link(c.a, c.a, c.b, { time: c.time });
    case "optout":
    case "optin":
      return opt(c.type, c.who, { time: c.time });
    case "bonus":
      return bonus(c.by, c.to, c.points, `for the work with @${c.mention.login}`, { time: c.time });
  }
}

/** A ledger: scored facts with commands slotted in between them. */
const ledgerArb: fc.Arbitrary<Entry[]> = fc
  .record({
    facts: fc.array(factArb(), { maxLength: 30 }),
    commands: fc.array(fc.tuple(commandArb, fc.nat()), { maxLength: 12 }),
  })
  .map(({ facts, commands }) => {
    const bodies = scored(facts);
    for (const [c, at] of commands) bodies.splice(at % (bodies.length + 1), 0, commandBody(c));
    return asEntries(bodies);
  });

const SCORED = new Set(["award", "bonus", "penalty", "reversal"]);

/** Linked groups by brute force: each account id → the set of ids linked with it, directly or not. */
function groups(entries: readonly Entry[]): Map<number, Set<number>> {
  const of = new Map<number, Set<number>>();
  const get = (id: number) => of.get(id) ?? new Set([id]);
  for (const e of entries) {
    const accounts = e.inputs?.accounts as { id: number }[] | undefined;
    if (e.kind !== "command" || e.inputs?.command !== "link" || !accounts) continue;
    const joined = new Set([...get(accounts[0]?.id as number), ...get(accounts[1]?.id as number)]);
    for (const id of joined) of.set(id, joined);
  }
  return of;
}

/** The expected points per linked group (keyed by the group's smallest id), over entries matching `where`. */
function expectedTotals(entries: readonly Entry[], where: (e: Entry) => boolean): Map<number, number> {
  const g = groups(entries);
  const totals = new Map<number, number>();
  for (const e of entries) {
    if (!SCORED.has(e.kind) || !where(e)) continue;
    const key = Math.min(...(g.get(e.actor.id) ?? [e.actor.id]));
    totals.set(key, (totals.get(key) ?? 0) + e.points);
  }
  return totals;
}

function actualTotals(entries: readonly Entry[], board: Board): Map<number, number> {
  const g = groups(entries);
  return new Map(board.rows.map((r) => [Math.min(...(g.get(r.person.id) ?? [r.person.id])), r.points]));
}

function boardOf(data: SiteData, slug: string): Board {
  return data.boards.find((b) => b.slug === slug) as Board;
}

/**
 * `login` as a whole word, as logins are written: not inside a longer run of letters, digits and
 * hyphens ("octo" is a login, "October" a month).
 */
function asWord(login: string): RegExp {
  return new RegExp(`(?<![a-z0-9-])${login.toLowerCase()}(?![a-z0-9-])`);
}

describe("site data properties", () => {
  it("board totals are the sums of entry points per person, linked accounts summed", () => {
    fc.assert(
      fc.property(ledgerArb, (entries) => {
        const data = aggregate(entries, STATUS);
        expect(actualTotals(entries, boardOf(data, "all-time"))).toEqual(expectedTotals(entries, () => true));
        for (const month of data.months) {
          const b = boardOf(data, `month-${month}`);
          expect(actualTotals(entries, b)).toEqual(expectedTotals(entries, (e) => e.time.startsWith(month)));
        }
        const repos = new Set(entries.filter((e) => SCORED.has(e.kind)).map((e) => e.repo.id));
        for (const repo of repos) {
          expect(actualTotals(entries, boardOf(data, `repo-${repo}`))).toEqual(expectedTotals(entries, (e) => e.repo.id === repo));
        }
        expect(data.months).toEqual(
          [...new Set(entries.filter((e) => SCORED.has(e.kind)).map((e) => e.time.slice(0, 7)))].sort().reverse(),
        );
        // Every linked group is one row: no two rows share a group.
        const g = groups(entries);
        for (const row of boardOf(data, "all-time").rows) {
          for (const other of g.get(row.person.id) ?? []) {
            if (other !== row.person.id) expect(boardOf(data, "all-time").rows.some((r) => r.person.id === other)).toBe(false);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it("ranks are competition ranks, ties are marked, rows are in rank then id order", () => {
    fc.assert(
      fc.property(ledgerArb, (entries) => {
        for (const board of aggregate(entries, STATUS).boards) {
          const rows = board.rows;
          rows.forEach((r, i) => {
            expect(r.rank).toBe(1 + rows.filter((o) => o.points > r.points).length);
            expect(r.tied).toBe(rows.some((o) => o !== r && o.points === r.points));
            const next = rows[i + 1];
            if (next) expect(r.rank < next.rank || (r.rank === next.rank && r.person.id < next.person.id)).toBe(true);
          });
        }
      }),
      { numRuns: 150 },
    );
  });

  it("shares sum to 1 when anyone has positive points, and profiles match the all-time board", () => {
    fc.assert(
      fc.property(ledgerArb, (entries) => {
        const data = aggregate(entries, STATUS);
        const rows = boardOf(data, "all-time").rows;
        const sum = data.profiles.reduce((a, p) => a + p.share, 0);
        if (rows.some((r) => r.points > 0)) expect(sum).toBeCloseTo(1, 9);
        else expect(sum).toBe(0);
        expect(data.profiles.map((p) => [p.person, p.points, p.rank])).toEqual(rows.map((r) => [r.person, r.points, r.rank]));
        for (const p of data.profiles) {
          expect(p.overTime.at(-1)?.points ?? 0).toBe(p.points);
          expect(p.entries.reduce((a, e) => a + e.points, 0)).toBe(p.points);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("a pseudonymous person's logins appear nowhere in the site data", () => {
    fc.assert(
      fc.property(ledgerArb, (entries) => {
        const data = aggregate(entries, STATUS);
        const json = JSON.stringify(data).toLowerCase();
        const g = groups(entries);
        for (const user of USERS) {
          const group = g.get(user.id) ?? new Set([user.id]);
          const last = entries.findLast(
            (e) => e.kind === "command" && (e.inputs?.command === "optout" || e.inputs?.command === "optin") && group.has(e.actor.id),
          );
          const hidden = last?.inputs?.command === "optout";
          if (hidden) {
            for (const id of group) expect(json).not.toMatch(asWord(USERS.find((u) => u.id === id)?.login ?? ""));
          }
          for (const row of boardOf(data, "all-time").rows.filter((r) => group.has(r.person.id))) {
            expect(row.person.pseudonymous).toBe(hidden);
            if (hidden) expect(row.person.login).toBe(expectedPseudonym(row.person.id));
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
