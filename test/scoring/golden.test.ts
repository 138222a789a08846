/**
 * The documented defaults (ledger/schema/config.schema.json, "Default: …" in each description) applied
 * to a handful of hand-made facts. Every expected number below is worked out by hand in the comment
 * above it, in millipoints (1 point = 1000), from the schema's text alone.
 */
import { describe, expect, it } from "vitest";
import { foldEntries } from "../../src/aggregate/contributors.ts";
import type { Fact } from "../../src/events/facts.ts";
import type { EntryBody } from "../../src/ledger/entry.ts";
import { EMPTY_CONTEXT } from "../../src/scoring/compute.ts";
import { parseConfig } from "../../src/scoring/config.ts";
import { scoreFact } from "../../src/scoring/score.ts";
import {
  ALICE,
  BOB,
  CAROL,
  comment,
  commit,
  DAVE,
  file,
  issueClosed,
  OWNER,
  prMerged,
  pullRequest,
  REPO,
  release,
  review,
} from "../helpers/facts.ts";
import { asEntries } from "./support.ts";

// No configuration file at all: the documented defaults.
const rules = parseConfig("");

const pr = pullRequest({
  number: 12,
  author: ALICE,
  labels: ["documentation"],
  files: [file("src/app.ts", 300, 60), file("src/util/strings.ts", 100, 40), file("package-lock.json", 2000, 1500)],
  commits: [commit("c1", ALICE), commit("c2", ALICE, [{ id: BOB.id, login: BOB.login }])],
});

const facts: Fact[] = [
  prMerged(pr, { time: "2025-03-14T10:00:00Z", mergedBy: OWNER }),
  review(pr, BOB, "approved", 501, { time: "2025-03-13T09:00:00Z" }),
  review(pr, CAROL, "commented", 502, { time: "2025-03-13T09:30:00Z" }),
  issueClosed({ number: 30, author: DAVE, labels: ["bug"] }, CAROL, "completed", { time: "2025-03-15T12:00:00Z" }),
  release(OWNER, 77, "v2.0.0", { time: "2025-03-20T16:00:00Z" }),
  comment({ number: 30, kind: "issue" }, DAVE, 601, { time: "2025-03-15T11:00:00Z" }),
];

const bodies = facts.flatMap((f) => scoreFact(f, rules, () => EMPTY_CONTEXT));

function award(family: string, login: string): EntryBody {
  const found = bodies.filter((b) => b.kind === "award" && b.inputs?.family === family && b.actor.login === login);
  expect(found, `one ${family} award for ${login}`).toHaveLength(1);
  return found[0] as EntryBody;
}

function rulesOf(body: EntryBody): { rule: string; points: number }[] {
  return body.breakdown.map(({ rule, points }) => ({ rule, points }));
}

describe("the defaults, worked by hand", () => {
  it("a merged pull request: base, lines after excluding the lock file, size tier, documentation ×1.2", () => {
    const b = award("pr_merged", "alice");
    // points.pr_merged 25                                   → 25 000
    // lines: the lock file is excluded (lines.exclude), leaving 300 + 100 = 400 added, 60 + 40 = 100 deleted;
    //   400 × 0.01 + 100 × 0.005 = 4 + 0.5 = 4.5 points     →  4 500 (under lines.cap 500)
    // size tier: 400 + 100 = 500 changed lines reach 500 (not 1000) → bonus 10 → 10 000
    // label documentation ×1.2: (25 000 + 4 500 + 10 000) × 0.2 = 39 500 × 0.2 → 7 900
    // total 25 000 + 4 500 + 10 000 + 7 900                 → 47 400
    expect(rulesOf(b)).toEqual([
      { rule: "pr.merged", points: 25_000 },
      { rule: "pr.lines", points: 4_500 },
      { rule: "pr.size_tier", points: 10_000 },
      { rule: "label.multiply", points: 7_900 },
    ]);
    expect(b.points).toBe(47_400);
    expect(b.breakdown.find((l) => l.rule === "pr.lines")?.note).toBe("400 added, 100 deleted");
    // What the points came from is recorded, so anyone can recompute them from the ledger alone.
    expect(b.inputs).toMatchObject({ additions: 2400, deletions: 1600, labels: ["documentation"], own_repository: false });
    expect(b.actor).toEqual({ id: ALICE.id, login: "alice" });
    expect(b.subject).toEqual({ type: "pull_request", number: 12, url: "https://github.com/octo/demo/pull/12" });
  });

  it("its commits: to the author and to the Co-authored-by co-author, with the PR's labels", () => {
    // alice authored c1 and c2: 2 × points.commit 10 = 20 000; documentation ×1.2: 20 000 × 0.2 = 4 000 → 24 000
    const alice = award("commits", "alice");
    expect(rulesOf(alice)).toEqual([
      { rule: "commits", points: 20_000 },
      { rule: "label.multiply", points: 4_000 },
    ]);
    expect(alice.points).toBe(24_000);
    // bob co-authored c2: 1 × 10 = 10 000; documentation ×1.2: 10 000 × 0.2 = 2 000 → 12 000
    const bob = award("commits", "bob");
    expect(rulesOf(bob)).toEqual([
      { rule: "commits", points: 10_000 },
      { rule: "label.multiply", points: 2_000 },
    ]);
    expect(bob.points).toBe(12_000);
  });

  it("reviews: approved at ×1, commented at ×0.5", () => {
    // points.review 20 × review_states.approved 1 → 20 000
    expect(rulesOf(award("review", "bob"))).toEqual([{ rule: "review", points: 20_000 }]);
    expect(award("review", "bob").points).toBe(20_000);
    // points.review 20 × review_states.commented 0.5 → 10 000
    expect(rulesOf(award("review", "carol"))).toEqual([{ rule: "review", points: 10_000 }]);
    expect(award("review", "carol").points).toBe(10_000);
  });

  it("an issue closed as completed: credit.issue_closed closer, so the maintainer who closed it, not its author", () => {
    // points.issue_closed 5 → 5 000, to carol (the closer); dave (the author) gets no issue_closed award.
    expect(rulesOf(award("issue_closed", "carol"))).toEqual([{ rule: "issue.closed", points: 5_000 }]);
    expect(award("issue_closed", "carol").points).toBe(5_000);
    expect(bodies.filter((b) => b.inputs?.family === "issue_closed" && b.actor.login === "dave")).toEqual([]);
  });

  it("a release and a comment", () => {
    // points.release 30 → 30 000; points.comment 3 → 3 000
    expect(rulesOf(award("release", "octo"))).toEqual([{ rule: "release", points: 30_000 }]);
    expect(award("release", "octo").points).toBe(30_000);
    expect(rulesOf(award("comment", "dave"))).toEqual([{ rule: "comment", points: 3_000 }]);
    expect(award("comment", "dave").points).toBe(3_000);
  });

  it("the merged pull request's lifecycle is recorded at zero points, and nothing else is scored", () => {
    const states = bodies.filter((b) => b.kind === "state");
    expect(states.map((b) => [b.actor.login, b.points, b.inputs?.state])).toEqual([["alice", 0, "merged"]]);
    // 1 state + pr_merged + 2 commits + 2 reviews + issue_closed + release + comment
    expect(bodies).toHaveLength(9);
  });

  it("contributor totals", () => {
    // alice 47 400 + 24 000 = 71 400; bob 12 000 + 20 000 = 32 000; carol 10 000 + 5 000 = 15 000;
    // octo 30 000; dave 3 000; together 151 400.
    const stats = foldEntries(asEntries(bodies));
    const totals = Object.fromEntries([...stats.values()].map((s) => [s.login, s.points]));
    expect(totals).toEqual({ alice: 71_400, bob: 32_000, carol: 15_000, octo: 30_000, dave: 3_000 });
    expect(stats.get(ALICE.id)?.mergedPrs).toBe(1);
    expect(stats.get(BOB.id)?.reviews).toBe(1);
    expect(bodies.every((b) => b.repo.id === REPO.id)).toBe(true);
  });
});
