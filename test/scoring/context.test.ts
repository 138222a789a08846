/**
 * A claim's context from earlier entries, checked against a straightforward recount of the same
 * entries, and the month start a writer reads back to.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { EntryBody, EntryKind } from "../../src/ledger/entry.ts";
import { ContextTally, monthStart } from "../../src/scoring/context.ts";

const RULES = `sha256:${"0".repeat(64)}`;

function body(p: { kind: EntryKind; actor: number; repo: number; time: string; points: number; family?: string | undefined }): EntryBody {
  return {
    id: "0".repeat(64),
    kind: p.kind,
    time: p.time,
    repo: { id: p.repo, name: `o/r${p.repo}` },
    actor: { id: p.actor, login: `u${p.actor}` },
    subject: { type: "pull_request", number: 1, url: "https://github.com/o/r/pull/1" },
    points: p.points,
    breakdown: p.points === 0 ? [] : [{ rule: "x", points: p.points }],
    rules: RULES,
    source: { event: "test" },
    ...(p.family === undefined ? {} : { inputs: { family: p.family } }),
  };
}

const ACTORS = [1, 2, 3];
const REPOS = [10, 20];
/** Times over three months, a few days each, so months and days both collide and differ. */
const timeArb = fc
  .tuple(fc.constantFrom("2024-12", "2025-01", "2025-02"), fc.constantFrom("01", "02", "28", "31"), fc.integer({ min: 0, max: 86_399 }))
  .filter(([m, d]) => !(m === "2025-02" && d === "31"))
  .map(([m, d, s]) => {
    const hh = String(Math.floor(s / 3600)).padStart(2, "0");
    const mm = String(Math.floor((s % 3600) / 60)).padStart(2, "0");
    const ss = String(s % 60).padStart(2, "0");
    return `${m}-${d}T${hh}:${mm}:${ss}Z`;
  });

const entryArb = fc
  .record({
    kind: fc.constantFrom<EntryKind>("award", "award", "award", "bonus", "penalty", "reversal", "state", "command"),
    actor: fc.constantFrom(...ACTORS),
    repo: fc.constantFrom(...REPOS),
    time: timeArb,
    points: fc.integer({ min: -50_000, max: 50_000 }),
    family: fc.option(fc.constantFrom("pr_merged", "pr_opened", "commits", "review", "comment"), { nil: undefined }),
  })
  .map((p) => body(p));

/** The recount: every award of the actor in the repository, by month or day, summed or counted. */
function recount(entries: readonly EntryBody[], actor: number, repo: number, time: string) {
  const mine = entries.filter((e) => e.kind === "award" && e.actor.id === actor && e.repo.id === repo);
  const sameMonth = mine.filter((e) => e.time.slice(0, 7) === time.slice(0, 7));
  const sameDay = mine.filter((e) => e.time.slice(0, 10) === time.slice(0, 10));
  return {
    month_points: sameMonth.reduce((a, e) => a + e.points, 0),
    month_merged: sameMonth.filter((e) => e.inputs?.family === "pr_merged").length,
    day_opened: sameDay.filter((e) => e.inputs?.family === "pr_opened").length,
  };
}

describe("ContextTally", () => {
  it("an empty tally gives an empty context", () => {
    expect(new ContextTally().of(1, 10, "2025-01-02T00:00:00Z")).toEqual({ month_points: 0, month_merged: 0, day_opened: 0 });
  });

  it("counts awards only, by actor, repository, month and (for opened pull requests) day", () => {
    const t = new ContextTally([
      body({ kind: "award", actor: 1, repo: 10, time: "2025-01-02T10:00:00Z", points: 25_000, family: "pr_merged" }),
      body({ kind: "award", actor: 1, repo: 10, time: "2025-01-31T23:59:59Z", points: 15_000, family: "pr_opened" }),
      body({ kind: "bonus", actor: 1, repo: 10, time: "2025-01-03T00:00:00Z", points: 99_000 }),
      body({ kind: "state", actor: 1, repo: 10, time: "2025-01-03T00:00:00Z", points: 0, family: "pr_merged" }),
      body({ kind: "award", actor: 2, repo: 10, time: "2025-01-02T10:00:00Z", points: 7_000, family: "pr_merged" }),
      body({ kind: "award", actor: 1, repo: 20, time: "2025-01-02T10:00:00Z", points: 3_000, family: "pr_merged" }),
      body({ kind: "award", actor: 1, repo: 10, time: "2025-02-01T00:00:00Z", points: 1_000, family: "pr_opened" }),
    ]);
    expect(t.of(1, 10, "2025-01-31T23:59:59Z")).toEqual({ month_points: 40_000, month_merged: 1, day_opened: 1 });
    expect(t.of(1, 10, "2025-01-15T12:00:00Z")).toEqual({ month_points: 40_000, month_merged: 1, day_opened: 0 });
    expect(t.of(1, 10, "2025-02-01T08:00:00Z")).toEqual({ month_points: 1_000, month_merged: 0, day_opened: 1 });
    expect(t.of(2, 10, "2025-01-01T00:00:00Z")).toEqual({ month_points: 7_000, month_merged: 1, day_opened: 0 });
    expect(t.of(1, 20, "2025-01-01T00:00:00Z")).toEqual({ month_points: 3_000, month_merged: 1, day_opened: 0 });
  });

  it("passes a rating through, and leaves it out when there is none", () => {
    const t = new ContextTally();
    expect(t.of(1, 10, "2025-01-02T00:00:00Z", 4)).toEqual({ month_points: 0, month_merged: 0, day_opened: 0, rating: 4 });
    expect("rating" in t.of(1, 10, "2025-01-02T00:00:00Z")).toBe(false);
  });

  it("property: agrees with a recount of the entries, whether given at once or added one by one", () => {
    fc.assert(
      fc.property(
        fc.array(entryArb, { maxLength: 40 }),
        fc.constantFrom(...ACTORS),
        fc.constantFrom(...REPOS),
        timeArb,
        (entries, actor, repo, time) => {
          const expected = recount(entries, actor, repo, time);
          expect(new ContextTally(entries).of(actor, repo, time)).toEqual(expected);
          const incremental = new ContextTally();
          for (const e of entries) incremental.add(e);
          expect(incremental.of(actor, repo, time)).toEqual(expected);
        },
      ),
    );
  });

  it("property (model-based): after every add, every query agrees with the recount so far", () => {
    fc.assert(
      fc.property(fc.array(entryArb, { maxLength: 25 }), (entries) => {
        const t = new ContextTally();
        const seen: EntryBody[] = [];
        for (const e of entries) {
          t.add(e);
          seen.push(e);
          for (const actor of ACTORS)
            for (const repo of REPOS) expect(t.of(actor, repo, e.time)).toEqual(recount(seen, actor, repo, e.time));
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe("monthStart", () => {
  it("is the first second of the time's month", () => {
    expect(monthStart("2025-03-14T15:09:26Z")).toBe("2025-03-01T00:00:00Z");
    expect(monthStart("2024-02-29T23:59:59Z")).toBe("2024-02-01T00:00:00Z");
    expect(monthStart("2025-01-01T00:00:00Z")).toBe("2025-01-01T00:00:00Z");
  });

  it("property: no later than the time, in the same month, and at or after the end of the previous month", () => {
    const t = fc
      .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T23:59:59Z"), noInvalidDate: true })
      .map((d) => `${d.toISOString().slice(0, 19)}Z`);
    fc.assert(
      fc.property(t, (time) => {
        const start = monthStart(time);
        expect(start <= time).toBe(true);
        expect(start.slice(0, 7)).toBe(time.slice(0, 7));
        const d = new Date(start);
        expect(d.getUTCDate()).toBe(1);
        expect(d.toISOString()).toBe(start.replace("Z", ".000Z"));
        expect(new Date(d.getTime() - 1000).toISOString().slice(0, 7)).not.toBe(time.slice(0, 7));
      }),
    );
  });
});
