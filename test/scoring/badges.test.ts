import { describe, expect, it } from "vitest";
import { foldEntries } from "../../src/aggregate/contributors.ts";
import type { Entry, EntryBody } from "../../src/ledger/entry.ts";
import { badgeEntries, badgeMismatch, earned, longestStreak } from "../../src/scoring/badges.ts";
import { EMPTY_CONTEXT } from "../../src/scoring/compute.ts";
import { DEFAULTS } from "../../src/scoring/config.ts";
import { scoreFact } from "../../src/scoring/score.ts";
import { ALICE, BOB, prMerged, pullRequest, REPO, review } from "../helpers/facts.ts";

/** Bodies as entries, numbered in order: badges only look at content, not at signatures. */
function asEntries(bodies: readonly EntryBody[]): Entry[] {
  return bodies.map((b, seq) => ({ ...b, v: 1, seq, sig: { keyid: "x+00000000", sig: "" } }) as Entry);
}

function merged(n: number, month = "2025-03"): EntryBody[] {
  return Array.from({ length: n }, (_, i) =>
    scoreFact(
      prMerged(pullRequest({ number: 100 + i, author: ALICE }), { time: `${month}-1${i % 9}T10:00:00Z` }),
      DEFAULTS,
      () => EMPTY_CONTEXT,
    ),
  ).flat();
}

const at = {
  time: "2025-03-31T00:00:00Z",
  repo: { id: REPO.id, name: REPO.name },
  rules: `sha256:${"0".repeat(64)}`,
  source: { event: "schedule" },
  url: "https://github.com/octo/demo",
};

describe("badges", () => {
  it("are earned at 1, 10, 50 and 100 merged pull requests, and awarded once", () => {
    const stats = foldEntries(asEntries(merged(10))).get(ALICE.id);
    expect(stats?.mergedPrs).toBe(10);
    const names = earned(stats as NonNullable<typeof stats>).map((b) => b.badge);
    expect(names).toEqual(expect.arrayContaining(["first-pr", "prs-10"]));
    expect(names).not.toContain("prs-50");
    const first = badgeEntries(stats as NonNullable<typeof stats>, earned(stats as NonNullable<typeof stats>), at);
    const again = foldEntries(asEntries([...merged(10), ...first])).get(ALICE.id);
    expect(badgeEntries(again as NonNullable<typeof again>, earned(again as NonNullable<typeof again>), at)).toEqual([]);
  });

  it("count reviews for first review and 25 reviews", () => {
    const pr = pullRequest({ number: 7, author: ALICE });
    const bodies = Array.from({ length: 25 }, (_, i) =>
      scoreFact(review(pr, BOB, "approved", 5000 + i), DEFAULTS, () => EMPTY_CONTEXT),
    ).flat();
    const stats = foldEntries(asEntries(bodies)).get(BOB.id);
    expect(earned(stats as NonNullable<typeof stats>).map((b) => b.badge)).toEqual(expect.arrayContaining(["first-review", "reviews-25"]));
  });

  it("streaks count consecutive calendar months, across a year's end", () => {
    expect(longestStreak(new Set(["2024-11", "2024-12", "2025-01", "2025-03"]))).toBe(3);
    expect(longestStreak(new Set(["2025-01", "2025-03", "2025-05"]))).toBe(1);
    expect(longestStreak(new Set())).toBe(0);
  });

  it("recompute: a badge the record before it does not earn is named; an earned one passes", () => {
    const record = asEntries(merged(1));
    const stats = foldEntries(record);
    const [badge] = badgeEntries(
      stats.get(ALICE.id) as NonNullable<ReturnType<typeof stats.get>>,
      [{ badge: "first-pr", figures: { merged_prs: 1 } }],
      at,
    );
    expect(badgeMismatch(badge as EntryBody, stats)).toBeUndefined();
    expect(badgeMismatch({ ...(badge as EntryBody), badge: "prs-100" }, stats)).toMatch(/does not earn badge 'prs-100'/);
    expect(badgeMismatch({ ...(badge as EntryBody), badge: "first-pr" }, foldEntries([]))).toMatch(/does not earn/);
    expect(badgeMismatch({ ...(badge as EntryBody), badge: "gold-star" }, stats)).toMatch(/not in the catalogue/);
  });
});
