import { afterAll, describe, expect, it } from "vitest";
import { foldEntries } from "../../src/aggregate/contributors.ts";
import type { Board, SiteData } from "../../src/aggregate/model.ts";
import { aggregate, RECENT } from "../../src/aggregate/site-data.ts";
import type { Person } from "../../src/events/facts.ts";
import type { Entry, EntryBody } from "../../src/ledger/entry.ts";
import { newBadges } from "../../src/scoring/badges.ts";
import { resolveConfig } from "../../src/scoring/config.ts";
import { reversalOf } from "../../src/scoring/record.ts";
import { allEntries } from "../../src/store/read-entries.ts";
import { ALICE, BOB, CAROL, DAVE, OWNER, prClosed, prMerged, prOpened, pullRequest, REPO, review } from "../helpers/facts.ts";
import { buildLedger, removeTempDirs } from "../helpers/ledger.ts";
import { asEntries, bonus, STATUS, scored } from "./support.ts";
import { syntheticEntries } from "./synthetic.ts";

afterAll(removeTempDirs);

function board(data: SiteData, slug: string): Board {
  const b = data.boards.find((x) => x.slug === slug);
  if (!b) throw new Error(`no board ${slug}: ${data.boards.map((x) => x.slug).join(", ")}`);
  return b;
}

const at = (time: string) => ({ time });
const pointsOf = (entries: readonly Entry[], id: number, where: (e: Entry) => boolean = () => true) =>
  entries.filter((e) => e.actor.id === id && where(e)).reduce((a, e) => a + e.points, 0);

describe("leaderboards", () => {
  it("rank with competition ranking, mark ties, and list zero points only for people with entries there", () => {
    const bodies = [
      bonus(OWNER, ALICE, 50_000, "a", at("2025-03-01T00:00:00Z")),
      bonus(OWNER, BOB, 30_000, "b", at("2025-03-01T00:00:00Z")),
      bonus(OWNER, CAROL, 30_000, "c", at("2025-03-01T00:00:00Z")),
      bonus(OWNER, DAVE, 0, "d", at("2025-03-01T00:00:00Z")),
    ];
    const data = aggregate(asEntries(bodies), STATUS);
    expect(board(data, "all-time").rows.map((r) => [r.person.login, r.rank, r.tied, r.points])).toEqual([
      ["alice", 1, false, 50_000],
      ["bob", 2, true, 30_000],
      ["carol", 2, true, 30_000],
      ["dave", 4, false, 0],
    ]);
    // OWNER gave the bonuses and has no entry of their own: on no board.
    expect(data.boards.every((b) => b.rows.every((r) => r.person.id !== OWNER.id))).toBe(true);
    expect(data.profiles.map((p) => [p.person.login, p.rank, p.toNextRank])).toEqual([
      ["alice", 1, undefined],
      ["bob", 2, 20_000],
      ["carol", 2, 20_000],
      ["dave", 4, 30_000],
    ]);
    expect(data.profiles.map((p) => p.share)).toEqual([0.45454545454545453, 0.2727272727272727, 0.2727272727272727, 0]);
  });

  it("per month (newest first), per repository, reviewers and skills", () => {
    const docs = pullRequest({ number: 1, author: ALICE, labels: ["Documentation"] });
    const plain = pullRequest({ number: 2, author: BOB });
    const bodies = scored([
      prOpened(docs, at("2025-02-10T00:00:00Z")),
      prMerged(docs, at("2025-03-10T00:00:00Z")),
      prOpened(plain, at("2025-03-11T00:00:00Z")),
      review(plain, CAROL, "approved", 5, at("2025-03-12T00:00:00Z")),
    ]);
    const entries = asEntries(bodies);
    const data = aggregate(entries, STATUS);
    expect(data.months).toEqual(["2025-03", "2025-02"]);
    expect(data.boards.map((b) => b.slug)).toEqual(["all-time", "month-2025-03", "month-2025-02", "repo-4242", "skill-docs", "reviewers"]);
    expect(board(data, "month-2025-02").title).toBe("February 2025");
    expect(board(data, "month-2025-02").rows.map((r) => r.person.login)).toEqual(["alice"]);
    expect(board(data, "repo-4242").title).toBe(REPO.name);
    expect(board(data, "reviewers").rows.map((r) => [r.person.login, r.points, r.counts])).toEqual([
      ["carol", pointsOf(entries, CAROL.id), { reviews: 1 }],
    ]);
    expect(board(data, "skill-docs").rows.map((r) => [r.person.login, r.points, r.counts])).toEqual([
      ["alice", pointsOf(entries, ALICE.id), { merged: 1 }],
    ]);
    expect(board(data, "all-time").rows.find((r) => r.person.id === ALICE.id)?.counts).toEqual({ merged: 1, reviews: 0 });
    expect(data.profiles.find((p) => p.person.id === ALICE.id)?.skills).toEqual(["docs"]);
  });

  it("skills come from the rules given, and a reversal leaves the skill board with its award", () => {
    const rules = resolveConfig({ labels: [{ match: "ci", skill: "infra" }] });
    const pr = pullRequest({ number: 3, author: ALICE, labels: ["CI"] });
    const bodies = scored([prMerged(pr, at("2025-03-10T00:00:00Z"))], rules);
    const award = asEntries(bodies).find((e) => e.inputs?.family === "pr_merged") as Entry;
    const voided = reversalOf(award, rules, { key: "void:4242:3", time: "2025-03-11T00:00:00Z", source: { event: "x" }, reason: "spam" });
    const data = aggregate(asEntries([...bodies, voided]), STATUS, { rules });
    const infra = board(data, "skill-infra").rows.find((r) => r.person.id === ALICE.id);
    expect(infra?.points).toBe(pointsOf(asEntries(bodies), ALICE.id, (e) => e.id !== award.id));
    expect(aggregate(asEntries(bodies), STATUS).boards.some((b) => b.kind === "skill")).toBe(false);
  });

  it("milestones credit merged pull requests' authors with their points for them", () => {
    const one = pullRequest({ number: 1, author: ALICE, milestone: "V1.2 Beta" });
    const two = pullRequest({ number: 2, author: BOB, milestone: "V1.2 Beta" });
    const open = pullRequest({ number: 3, author: CAROL, milestone: "V1.2 Beta" });
    const bodies = scored([
      prOpened(one, at("2025-03-01T00:00:00Z")),
      prMerged(one, at("2025-03-02T00:00:00Z")),
      prMerged(two, at("2025-03-03T00:00:00Z")),
      prOpened(open, at("2025-03-04T00:00:00Z")),
      review(one, BOB, "approved", 9, at("2025-03-01T12:00:00Z")),
    ]);
    const entries = asEntries(bodies);
    const data = aggregate(entries, STATUS);
    const m = board(data, "milestone-4242-v1.2-beta");
    expect(m.title).toBe(`${REPO.name} · V1.2 Beta`);
    const prPoints = (id: number, n: number) => pointsOf(entries, id, (e) => e.subject.type === "pull_request" && e.subject.number === n);
    expect(m.rows.map((r) => [r.person.login, r.points, r.counts])).toEqual(
      [
        ["alice", prPoints(ALICE.id, 1), { merged: 1 }],
        ["bob", prPoints(BOB.id, 2), { merged: 1 }],
      ].sort((a, b) => (b[1] as number) - (a[1] as number)),
    );
  });
});

describe("profiles", () => {
  it("count pull requests by state", () => {
    const pr = (number: number) => pullRequest({ number, author: BOB });
    const bodies = scored([
      prOpened(pr(10), at("2025-03-01T00:00:00Z")),
      prOpened(pr(11), at("2025-03-01T00:00:00Z")),
      review(pr(11), ALICE, "approved", 111, at("2025-03-02T00:00:00Z")),
      prOpened(pr(12), at("2025-03-01T00:00:00Z")),
      review(pr(12), CAROL, "approved", 121, at("2025-03-02T00:00:00Z")),
      review(pr(12), ALICE, "changes_requested", 122, at("2025-03-03T00:00:00Z")),
      prOpened(pr(13), at("2025-03-01T00:00:00Z")),
      review(pr(13), ALICE, "changes_requested", 131, at("2025-03-02T00:00:00Z")),
      review(pr(13), ALICE, "approved", 132, at("2025-03-03T00:00:00Z")),
      prOpened(pr(14), at("2025-03-01T00:00:00Z")),
      review(pr(14), ALICE, "changes_requested", 141, at("2025-03-02T00:00:00Z")),
      prClosed(pr(14), at("2025-03-03T00:00:00Z")),
      prOpened(pr(15), at("2025-03-01T00:00:00Z")),
      prMerged(pr(15), at("2025-03-03T00:00:00Z")),
    ]);
    const data = aggregate(asEntries(bodies), STATUS);
    const bob = data.profiles.find((p) => p.person.id === BOB.id);
    expect(bob?.prs).toEqual({ open: 1, under_review: 2, changes_requested: 1, merged: 1, closed: 1 });
    expect(data.profiles.find((p) => p.person.id === ALICE.id)?.reviews).toBe(5);
  });

  it("points over time are cumulative per month; the calendar counts scoring entries per day over the last year", () => {
    const bodies = [
      bonus(OWNER, ALICE, 10_000, "x", at("2024-01-20T00:00:00Z")),
      bonus(OWNER, ALICE, 5000, "x", at("2024-03-02T00:00:00Z")),
      bonus(OWNER, ALICE, -2000, "x", at("2024-03-02T08:00:00Z")),
      bonus(OWNER, ALICE, 0, "x", at("2024-03-05T00:00:00Z")),
      bonus(OWNER, BOB, 1000, "x", at("2025-01-30T00:00:00Z")),
    ];
    const data = aggregate(asEntries(bodies), STATUS);
    const alice = data.profiles.find((p) => p.person.id === ALICE.id);
    expect(alice?.overTime).toEqual([
      { month: "2024-01", points: 10_000 },
      { month: "2024-03", points: 13_000 },
    ]);
    // The year ends on 2025-01-30 and so starts on 2024-02-01 (2024 is a leap year): January is out.
    expect(alice?.calendar).toEqual([{ day: "2024-03-02", count: 2 }]);
    expect(aggregate(asEntries(bodies), STATUS, { now: "2025-03-02T12:00:00Z" }).profiles[0]?.calendar).toEqual([]);
    expect(alice?.entries.map((e) => e.time)).toEqual([
      "2024-03-05T00:00:00Z",
      "2024-03-02T08:00:00Z",
      "2024-03-02T00:00:00Z",
      "2024-01-20T00:00:00Z",
    ]);
  });

  it("badges, with the share of contributors holding each, and the catalogue's holders", () => {
    const merged = scored([
      prMerged(pullRequest({ number: 1, author: ALICE }), at("2025-03-01T00:00:00Z")),
      prMerged(pullRequest({ number: 2, author: BOB }), at("2025-03-01T00:00:00Z")),
      prMerged(pullRequest({ number: 3, author: BOB }), at("2025-03-02T00:00:00Z")),
      review(pullRequest({ number: 1, author: ALICE }), CAROL, "approved", 1, at("2025-03-02T00:00:00Z")),
    ]);
    const badges = newBadges(asEntries(merged), "2025-04-01T00:00:00Z", `sha256:${"0".repeat(64)}`, { event: "schedule" });
    const data = aggregate(asEntries([...merged, ...badges]), STATUS);
    const bob = data.profiles.find((p) => p.person.id === BOB.id);
    expect(bob?.badges.map((b) => [b.badge, b.rarity, b.scope, b.share])).toEqual([
      ["first-pr", "common", undefined, 2 / 3],
      ["champion", "legendary", "4242:2025-03", 1 / 3],
    ]);
    const catalogue = new Map(data.badges.map((b) => [b.badge, b.holders.map((p) => p.login)]));
    expect(catalogue.get("first-pr")).toEqual(["alice", "bob"]);
    expect(catalogue.get("first-review")).toEqual(["carol"]);
    expect(catalogue.get("prs-100")).toEqual([]);
  });
});

describe("recent", () => {
  it(`keeps the ${RECENT} newest entries that changed points, newest first`, () => {
    const bodies = Array.from({ length: 120 }, (_, i) =>
      bonus(
        OWNER,
        [ALICE, BOB][i % 2] as Person,
        i % 3 === 0 ? 0 : 1000,
        "x",
        at(`2025-03-${String(1 + (i % 28)).padStart(2, "0")}T00:00:00Z`),
      ),
    );
    const entries = asEntries(bodies);
    const data = aggregate(entries, STATUS);
    const expected = entries
      .filter((e) => e.points !== 0)
      .sort((a, b) => (a.time < b.time ? 1 : a.time > b.time ? -1 : b.seq - a.seq))
      .slice(0, RECENT);
    expect(data.recent.map((r) => r.seq)).toEqual(expected.map((e) => e.seq));
    expect(data.recent[0]?.person.login).toBe(expected[0]?.actor.login);
  });
});

describe("aggregate", () => {
  it("reads a signed ledger as it reads the bodies written to it", async () => {
    const bodies: EntryBody[] = [
      ...scored([
        prOpened(pullRequest({ number: 1, author: ALICE }), at("2025-03-01T00:00:00Z")),
        prMerged(pullRequest({ number: 1, author: ALICE }), at("2025-03-02T00:00:00Z")),
        review(pullRequest({ number: 1, author: ALICE }), BOB, "approved", 1, at("2025-03-01T12:00:00Z")),
      ]),
      bonus(OWNER, BOB, 2000, "thanks", at("2025-03-03T00:00:00Z")),
    ];
    const ledger = await buildLedger(bodies);
    expect(aggregate(await allEntries(ledger.dir), STATUS)).toEqual(aggregate(asEntries(bodies), STATUS));
  });

  it("handles a large ledger with 50,000 contributors, agreeing with foldEntries", () => {
    // Not timed. A quarter of the million entries it is built for keeps the suite quick; the work per
    // entry is the same, and nothing here is quadratic in entries or people.
    const entries = syntheticEntries(250_000, 50_000);
    const data = aggregate(entries, STATUS);
    const folded = foldEntries(entries);
    const total = [...folded.values()].reduce((a, s) => a + s.points, 0);
    expect(board(data, "all-time").rows.reduce((a, r) => a + r.points, 0)).toBe(total);
    expect(data.profiles.length).toBe(board(data, "all-time").rows.length);
    expect(data.profiles.length).toBeGreaterThan(30_000);
    expect(data.recent).toHaveLength(RECENT);
  });
});

describe("a source read afresh for each pass", () => {
  it("is gone over twice, holding no entry, and aggregates as the same entries in an array do", () => {
    const entries = syntheticEntries(5_000, 300);
    let passes = 0;
    // Each pass gets copies, as a source parsing the ledger's files again would give.
    const source = {
      *[Symbol.iterator]() {
        passes++;
        for (const e of entries) yield structuredClone(e);
      },
    };
    expect(aggregate(source, STATUS)).toEqual(aggregate(entries, STATUS));
    expect(passes).toBe(2);
  });
});

describe("with no entries", () => {
  it("gives empty boards and lists", () => {
    const data = aggregate([], STATUS);
    expect(data).toMatchObject({ profiles: [], repos: [], recent: [], months: [] });
    expect(data.boards.map((b) => [b.slug, b.rows.length])).toEqual([
      ["all-time", 0],
      ["reviewers", 0],
    ]);
  });
});
