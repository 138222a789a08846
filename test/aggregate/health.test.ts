import { describe, expect, it } from "vitest";
import { spread } from "../../src/aggregate/health.ts";
import type { RepoHealth } from "../../src/aggregate/model.ts";
import { aggregate } from "../../src/aggregate/site-data.ts";
import type { Person } from "../../src/events/facts.ts";
import { ALICE, ALICE_REPO, BOB, CAROL, comment, DAVE, prClosed, prMerged, prOpened, pullRequest, REPO, review } from "../helpers/facts.ts";
import { asEntries, bonus, STATUS, scored } from "./support.ts";

const ERIN: Person = { id: 105, login: "erin", type: "User" };

/**
 * Five pull requests in REPO, times chosen so every figure is easy to check by hand:
 *
 * | PR | author | opened     | reviews (other than the author's)          | outcome           |
 * | 1  | alice  | 03-01 00:00 | bob 03-01 10:00 (+10 h), carol 03-02 00:00 | merged 03-03 (+48 h) |
 * | 2  | bob    | 03-05 00:00 | alice 03-05 04:00 (+4 h)                  | merged 03-06 (+24 h) |
 * | 3  | carol  | 03-10 00:00 | alice 04-01 00:00 (+528 h)                | closed 04-02      |
 * | 4  | dave   | 03-20 00:00 | none                                      | merged 04-10 (+504 h) |
 * | 5  | alice  | 04-01 00:00 | only her own, 04-01 01:00                 | merged 04-02 (+24 h) |
 *
 * and a comment by erin in April.
 */
function story() {
  const pr = (number: number, author: Person, createdAt: string) => pullRequest({ number, author, createdAt });
  const p1 = pr(1, ALICE, "2025-03-01T00:00:00Z");
  const p2 = pr(2, BOB, "2025-03-05T00:00:00Z");
  const p3 = pr(3, CAROL, "2025-03-10T00:00:00Z");
  const p4 = pr(4, DAVE, "2025-03-20T00:00:00Z");
  const p5 = pr(5, ALICE, "2025-04-01T00:00:00Z");
  return scored([
    prOpened(p1, { time: p1.createdAt }),
    review(p1, BOB, "changes_requested", 11, { time: "2025-03-01T10:00:00Z" }),
    review(p1, CAROL, "approved", 12, { time: "2025-03-02T00:00:00Z" }),
    prMerged(p1, { time: "2025-03-03T00:00:00Z" }),
    prOpened(p2, { time: p2.createdAt }),
    review(p2, ALICE, "approved", 21, { time: "2025-03-05T04:00:00Z" }),
    prMerged(p2, { time: "2025-03-06T00:00:00Z" }),
    prOpened(p3, { time: p3.createdAt }),
    prOpened(p4, { time: p4.createdAt }),
    review(p3, ALICE, "commented", 31, { time: "2025-04-01T00:00:00Z" }),
    prClosed(p3, { time: "2025-04-02T00:00:00Z" }),
    prMerged(p4, { time: "2025-04-10T00:00:00Z" }),
    prOpened(p5, { time: p5.createdAt }),
    review(p5, ALICE, "approved", 51, { time: "2025-04-01T01:00:00Z" }),
    prMerged(p5, { time: "2025-04-02T00:00:00Z" }),
    comment({ number: 3, kind: "pull_request" }, ERIN, 91, { time: "2025-04-20T00:00:00Z" }),
  ]);
}

function healthOf(bodies: Parameters<typeof asEntries>[0], repo = REPO.id): RepoHealth {
  const h = aggregate(asEntries(bodies), STATUS).repos.find((r) => r.id === repo);
  if (!h) throw new Error(`no health for repository ${repo}`);
  return h;
}

describe("repository health", () => {
  it("acceptance is merged over merged and closed unmerged: 4 of 5", () => {
    const h = healthOf(story());
    expect(h.name).toBe(REPO.name);
    expect(h.acceptance).toBe(0.8);
  });

  it("time to first review: per month of the first review, self-reviews left out", () => {
    const h = healthOf(story());
    const march = h.byMonth.find((m) => m.month === "2025-03");
    const april = h.byMonth.find((m) => m.month === "2025-04");
    // March: PR 1 after 10 h, PR 2 after 4 h. April: PR 3 after 22 days; PR 5 had only its author's review.
    expect(march?.timeToFirstReview).toEqual({ count: 2, median: 4, p90: 10 });
    expect(april?.timeToFirstReview).toEqual({ count: 1, median: 528, p90: 528 });
  });

  it("time to merge: per month of the merge", () => {
    const h = healthOf(story());
    expect(h.byMonth.find((m) => m.month === "2025-03")?.timeToMerge).toEqual({ count: 2, median: 24, p90: 48 });
    expect(h.byMonth.find((m) => m.month === "2025-04")?.timeToMerge).toEqual({ count: 2, median: 24, p90: 504 });
  });

  it("new contributors have their first entry in the repository that month; returning ones had one before", () => {
    const h = healthOf(story());
    // March: alice, bob, carol and dave all start. April: alice (PR 5, review) and dave (merge) return, erin starts.
    expect(h.byMonth.map((m) => [m.month, m.newContributors, m.returningContributors])).toEqual([
      ["2025-03", 4, 0],
      ["2025-04", 1, 2],
    ]);
  });

  it("review load counts review awards per reviewer, most first, ties by account id", () => {
    const h = healthOf(story());
    expect(h.reviewLoad.map((r) => [r.person.login, r.reviews])).toEqual([
      ["alice", 3],
      ["bob", 1],
      ["carol", 1],
    ]);
  });

  it("concentration is the fewest people reaching half the positive points", () => {
    const at = (time: string) => ({ time, repo: { id: ALICE_REPO.id, name: ALICE_REPO.name } });
    const one = [
      bonus(DAVE, ALICE, 50_000, "a", at("2025-01-01T00:00:00Z")),
      bonus(DAVE, BOB, 30_000, "b", at("2025-01-01T00:00:00Z")),
      bonus(DAVE, CAROL, 20_000, "c", at("2025-01-01T00:00:00Z")),
      bonus(DAVE, ERIN, -10_000, "d", at("2025-01-01T00:00:00Z")),
    ];
    // 100 positive points: alice's 50 are half.
    expect(healthOf(one, ALICE_REPO.id).concentration.map((p) => p.login)).toEqual(["alice"]);
    const two = [
      bonus(DAVE, ALICE, 40_000, "a", at("2025-01-01T00:00:00Z")),
      bonus(DAVE, CAROL, 30_000, "c", at("2025-01-01T00:00:00Z")),
      bonus(DAVE, BOB, 30_000, "b", at("2025-01-01T00:00:00Z")),
    ];
    // 40 < 50, so one of the two at 30 joins: bob, the lower account id.
    expect(healthOf(two, ALICE_REPO.id).concentration.map((p) => p.login)).toEqual(["alice", "bob"]);
    expect(healthOf([bonus(DAVE, ALICE, -5000, "x", at("2025-01-01T00:00:00Z"))], ALICE_REPO.id).concentration).toEqual([]);
  });

  it("has no acceptance ratio before any pull request is decided", () => {
    const opened = scored([prOpened(pullRequest({ number: 9 }), { time: "2025-03-01T00:00:00Z" })]);
    expect(healthOf(opened).acceptance).toBeUndefined();
  });
});

describe("spread", () => {
  it("takes nearest-rank percentiles: always an observed value", () => {
    expect(spread([])).toBeUndefined();
    expect(spread([7])).toEqual({ count: 1, median: 7, p90: 7 });
    // ⌈0.5·5⌉ = 3rd and ⌈0.9·5⌉ = 5th smallest.
    expect(spread([5, 1, 4, 2, 3])).toEqual({ count: 5, median: 3, p90: 5 });
    // ⌈0.5·10⌉ = 5th, ⌈0.9·10⌉ = 9th.
    expect(spread([10, 9, 8, 7, 6, 5, 4, 3, 2, 1])).toEqual({ count: 10, median: 5, p90: 9 });
    // ⌈0.5·11⌉ = 6th, ⌈0.9·11⌉ = 10th.
    expect(spread([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])).toEqual({ count: 11, median: 6, p90: 10 });
  });
});
