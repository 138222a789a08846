/**
 * What a writer appends for facts and decisions, read from real ledgers built through the append
 * path: context from earlier entries of the month, voided subjects, recorded ratings, and adjustments
 * and reversals of recorded awards. Expected points are worked out by
 * hand from the documented default rules:
 *
 *   a merged pull request of 200 added lines in src/ = 25 (base) + 2 (200 × 0.01) + 5 (100+ tier) = 32 points
 */
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import type { Fact, PullRequest } from "../../src/events/facts.ts";
import { bodyShapeError, type Entry, type EntryBody, factId } from "../../src/ledger/entry.ts";
import { EMPTY_CONTEXT, normalizeLabel } from "../../src/scoring/compute.ts";
import { DEFAULTS, parseConfig, type ResolvedConfig, rulesHash } from "../../src/scoring/config.ts";
import { adjustmentsFor, type Decision, decisionKey, ratingIn, recordFacts, reversalOf, standing } from "../../src/scoring/record.ts";
import { account, scoreFact } from "../../src/scoring/score.ts";
import { folderFiles } from "../../src/store/folder.ts";
import { LedgerView } from "../../src/store/ledger-view.ts";
import { ALICE, BOB, commit, file, labelArb, labelsArb, OWNER, prMerged, prOpened, pullRequest, REPO, review } from "../helpers/facts.ts";
import { removeTempDirs, TestLedger, tempDir, testSigner } from "../helpers/ledger.ts";

afterAll(removeTempDirs);

const RULES = DEFAULTS;
const MARCH = "2025-03-14T15:09:26Z";

/** A pull request of 200 added lines: 32 points when merged under the defaults. */
function pr200(number: number, p: Partial<PullRequest> = {}): PullRequest {
  return pullRequest({ number, files: [file("src/app.ts", 200, 0)], ...p });
}

/** A ledger folder written by the real append path, and fresh views of it. */
class Ledger {
  readonly test = new TestLedger(testSigner(), tempDir());
  async append(bodies: readonly EntryBody[]): Promise<void> {
    await this.test.append(bodies);
  }
  view(): Promise<LedgerView> {
    return LedgerView.open(folderFiles(this.test.dir));
  }
  /** Scores `facts` against the ledger as it stands and appends what a writer would. */
  async record(facts: readonly Fact[], rules: ResolvedConfig = RULES): Promise<EntryBody[]> {
    const bodies = await recordFacts(facts, rules, await this.view());
    await this.append(bodies);
    return bodies;
  }
  /** Every entry about #`number`. */
  async subject(number = 12): Promise<Entry[]> {
    return (await this.view()).subject(REPO.id, number);
  }
  /** What a label event or a rating of #12 appends, appended. */
  async adjust(change: Change, rules: ResolvedConfig = RULES, decision: Omit<Decision, "key"> = CHANGE): Promise<EntryBody[]> {
    const bodies = adjustmentsFor(await this.subject(), rules, change, decision);
    await this.append(bodies);
    return bodies;
  }
  /** An award's points with everything recorded against it since. */
  async totalOf(id: string): Promise<number> {
    return (await this.subject()).filter((e) => e.id === id || e.ref === id).reduce((a, e) => a + e.points, 0);
  }
}

function awardsOf(bodies: readonly EntryBody[], family?: string): EntryBody[] {
  return bodies.filter((b) => b.kind === "award" && (family === undefined || b.inputs?.family === family));
}

function only<T>(items: readonly T[]): T {
  expect(items).toHaveLength(1);
  return items[0] as T;
}

/** A decision marker as `/meritlog void` or `rate` records it. */
function marker(key: string, inputs: Record<string, unknown>, number = 12): EntryBody {
  return {
    id: factId(key),
    kind: "command",
    time: "2025-03-01T00:00:00Z",
    repo: { id: REPO.id, name: REPO.name },
    actor: account(ALICE),
    subject: { type: "pull_request", number, url: `https://github.com/${REPO.name}/pull/${number}` },
    points: 0,
    breakdown: [],
    rules: rulesHash(RULES),
    source: { event: "issue_comment", action: "created" },
    inputs,
    by: account(OWNER),
  };
}

/** A body dressed as a recorded entry, for the pure adjust and reverse functions. */
function asEntry(body: EntryBody, seq = 0): Entry {
  return { ...body, v: 1, seq, sig: { keyid: "k", sig: "s" } };
}

const DECISION: Decision = {
  key: "label:4242:12:1",
  time: "2025-03-20T00:00:00Z",
  source: { event: "pull_request", action: "labeled" },
  by: account(OWNER),
  reason: "label changed",
};

/** A label event as the writer passes it on: no fact key, since each adjustment is named by its award. */
const { key: _key, ...CHANGE } = DECISION;
type Change = Parameters<typeof adjustmentsFor>[2];

describe("recordFacts", () => {
  it("nothing to record: nothing recorded", async () => {
    expect(await recordFacts([], RULES, await new Ledger().view())).toEqual([]);
  });

  it("on an empty ledger: the state entry, then the award with an empty context", async () => {
    const bodies = await recordFacts([prOpened(pr200(12), { time: MARCH })], RULES, await new Ledger().view());
    expect(bodies.map((b) => b.kind)).toEqual(["state", "award"]);
    expect(bodies[0]?.id).toBe(factId(`pr_state:${REPO.id}:12:opened`));
    const award = bodies[1] as EntryBody;
    expect(award.id).toBe(factId(`pr_opened:${REPO.id}:12`));
    expect(award.points).toBe(15_000);
    expect(award.inputs?.context).toEqual(EMPTY_CONTEXT);
    for (const b of bodies) expect(bodyShapeError(b)).toBeUndefined();
  });

  it("a second merged pull request in the month sees the first in its context", async () => {
    const ledger = new Ledger();
    const first = awardsOf(await ledger.record([prMerged(pr200(12), { time: "2025-03-02T10:00:00Z" })]), "pr_merged");
    expect(only(first).points).toBe(32_000);
    const second = only(awardsOf(await ledger.record([prMerged(pr200(13), { time: "2025-03-20T10:00:00Z" })]), "pr_merged"));
    expect(second.inputs?.context).toEqual({ month_points: 32_000, month_merged: 1, day_opened: 0 });
    const nextMonth = only(
      awardsOf(await recordFacts([prMerged(pr200(14), { time: "2025-04-01T00:00:00Z" })], RULES, await ledger.view()), "pr_merged"),
    );
    expect(nextMonth.inputs?.context).toEqual(EMPTY_CONTEXT);
  });

  it("within one call, each fact sees the facts before it", async () => {
    const bodies = await recordFacts(
      [prMerged(pr200(12), { time: "2025-03-02T10:00:00Z" }), prMerged(pr200(13), { time: "2025-03-03T10:00:00Z" })],
      RULES,
      await new Ledger().view(),
    );
    const [a, b] = awardsOf(bodies, "pr_merged");
    expect(a?.inputs?.context).toEqual(EMPTY_CONTEXT);
    expect(b?.inputs?.context).toEqual({ month_points: 32_000, month_merged: 1, day_opened: 0 });
  });

  it("another contributor's or repository's awards are not in the context", async () => {
    const ledger = new Ledger();
    await ledger.record([prMerged(pr200(12, { author: BOB }), { time: "2025-03-02T10:00:00Z" })]);
    const award = only(awardsOf(await ledger.record([prMerged(pr200(13), { time: "2025-03-20T10:00:00Z" })]), "pr_merged"));
    expect(award.inputs?.context).toEqual(EMPTY_CONTEXT);
  });

  it("the monthly cap applies across facts, recorded earlier and in the same call", async () => {
    const rules = parseConfig("limits:\n  monthly_cap: 50\n");
    const ledger = new Ledger();
    expect(only(awardsOf(await ledger.record([prMerged(pr200(12), { time: "2025-03-02T10:00:00Z" })], rules))).points).toBe(32_000);
    const bodies = await ledger.record(
      [prMerged(pr200(13), { time: "2025-03-05T10:00:00Z" }), prMerged(pr200(14), { time: "2025-03-06T10:00:00Z" })],
      rules,
    );
    const [capped, nothing] = awardsOf(bodies);
    expect(capped?.points).toBe(18_000);
    expect(capped?.breakdown.find((l) => l.rule === "limits.monthly_cap")?.points).toBe(-14_000);
    expect(capped?.inputs?.context).toMatchObject({ month_points: 32_000, month_merged: 1 });
    expect(nothing?.points).toBe(0);
    expect(nothing?.inputs?.context).toMatchObject({ month_points: 50_000, month_merged: 2 });
  });

  it("an alias is counted with its primary account", async () => {
    const rules = parseConfig('aliases:\n  "102": 101\n');
    const ledger = new Ledger();
    await ledger.record([prMerged(pr200(12), { time: "2025-03-02T10:00:00Z" })], rules);
    const award = only(awardsOf(await ledger.record([prMerged(pr200(13, { author: BOB }), { time: "2025-03-04T10:00:00Z" })], rules)));
    expect(award.actor).toEqual({ id: ALICE.id, login: BOB.login });
    expect(award.inputs?.context).toEqual({ month_points: 32_000, month_merged: 1, day_opened: 0 });
  });

  it("a voided subject gets its state entries but no awards; other subjects are unaffected", async () => {
    const ledger = new Ledger();
    await ledger.append([marker(decisionKey.voided(REPO.id, 12), { command: "void" })]);
    const voided = pr200(12, { commits: [commit("a1", ALICE, [BOB])] });
    const bodies = await ledger.record([
      prOpened(voided, { time: MARCH }),
      review(voided, BOB, "approved", 7001, { time: MARCH }),
      prMerged(voided, { time: MARCH }),
      prMerged(pr200(13), { time: MARCH }),
    ]);
    const on12 = bodies.filter((b) => b.subject.number === 12);
    expect(on12.map((b) => b.kind)).toEqual(["state", "state"]);
    expect(on12.map((b) => b.inputs?.state)).toEqual(["opened", "merged"]);
    expect(bodies.filter((b) => b.subject.number === 13).map((b) => b.kind)).toEqual(["state", "award"]);
  });

  it("a voided subject's awards do not count towards the context either", async () => {
    const ledger = new Ledger();
    await ledger.append([marker(decisionKey.voided(REPO.id, 12), { command: "void" })]);
    await ledger.record([prMerged(pr200(12), { time: "2025-03-02T10:00:00Z" })]);
    const award = only(awardsOf(await ledger.record([prMerged(pr200(13), { time: "2025-03-03T10:00:00Z" })])));
    expect(award.inputs?.context).toEqual(EMPTY_CONTEXT);
  });

  it("a rating recorded before the merge applies to the merged award and the commit credits", async () => {
    const ledger = new Ledger();
    await ledger.append([marker(decisionKey.rated(REPO.id, 12), { command: "rate", rating: 5 })]);
    const bodies = await ledger.record([
      prMerged(pr200(12, { commits: [commit("a1", ALICE)] }), { time: MARCH }),
      prMerged(pr200(13, { commits: [commit("b1", ALICE)] }), { time: MARCH }),
    ]);
    const [rated, ratedCommits, plain, plainCommits] = awardsOf(bodies);
    expect(rated?.subject.number).toBe(12);
    expect(rated?.inputs?.context).toEqual({ ...EMPTY_CONTEXT, rating: 5 });
    expect(rated?.breakdown.find((l) => l.rule === "rating")).toEqual({ rule: "rating", points: 16_000, note: "rated 5" });
    expect(rated?.points).toBe(48_000);
    expect(ratedCommits?.inputs?.family).toBe("commits");
    expect(ratedCommits?.points).toBe(15_000);
    // The rating of #12 is not #13's.
    expect(plain?.subject.number).toBe(13);
    expect(plain?.inputs?.context).not.toHaveProperty("rating");
    expect(plain?.points).toBe(32_000);
    expect(plainCommits?.points).toBe(10_000);
  });

  it("a recorded rating outside 1–5 is ignored", async () => {
    const ledger = new Ledger();
    await ledger.append([marker(decisionKey.rated(REPO.id, 12), { command: "rate", rating: 7 })]);
    const award = only(awardsOf(await ledger.record([prMerged(pr200(12), { time: MARCH })])));
    expect(award.inputs?.context).toEqual(EMPTY_CONTEXT);
    expect(award.points).toBe(32_000);
  });
});

describe("standing and ratingIn", () => {
  it("a void marker voids the subject; only reversals without labels or a rating are hard reversals", () => {
    const award = asEntry(only(awardsOf(scoreFact(prMerged(pr200(12), { time: MARCH }), RULES, () => EMPTY_CONTEXT))), 1);
    const labelReversal = asEntry({ ...reversalOf(award, RULES, DECISION), inputs: { labels: ["spam"] } }, 2);
    expect(standing([award, labelReversal])).toEqual({ voided: false, reversed: new Set() });
    const hard = asEntry(reversalOf(award, RULES, { ...DECISION, key: `dismissed:${REPO.id}:7001` }), 3);
    expect(standing([award, hard])).toEqual({ voided: false, reversed: new Set([award.id]) });
    const voided = asEntry(marker(decisionKey.voided(REPO.id, 12), { command: "void" }), 0);
    expect(standing([voided, award]).voided).toBe(true);
    // A rating's marker does not void the subject.
    expect(standing([asEntry(marker("x", { command: "rate", rating: 4 })), award]).voided).toBe(false);
  });

  it("the rating recorded by `rate`, if it is 1–5", () => {
    const rated = (rating: unknown) => [asEntry(marker(decisionKey.rated(REPO.id, 12), { command: "rate", rating }))];
    expect(ratingIn(rated(4))).toBe(4);
    expect(ratingIn(rated(7))).toBeUndefined();
    expect(ratingIn(rated("5"))).toBeUndefined();
    expect(ratingIn([])).toBeUndefined();
  });
});

describe("adjustmentsFor", () => {
  const MERGED = factId(`pr_merged:${REPO.id}:12`);
  const COMMITS = factId(`commits:${REPO.id}:12:${ALICE.id}`);
  /** Labels that double the points: with a rating of 5 (×1.5), three times the points. */
  const DOUBLE = parseConfig("labels:\n  - match: double\n    multiply: 2\n  - match: spam\n    void: true\n");

  /** #12 of 200 lines with one commit by ALICE, merged: 32 points, and 10 for the commit (under the defaults). */
  async function merged12(p: Partial<PullRequest> = {}, rules: ResolvedConfig = RULES): Promise<Ledger> {
    const ledger = new Ledger();
    await ledger.record([prMerged(pr200(12, { commits: [commit("a1", ALICE)], ...p }), { time: MARCH })], rules);
    return ledger;
  }

  function byRef(bodies: readonly EntryBody[], ref: string): EntryBody | undefined {
    const found = bodies.filter((b) => b.ref === ref);
    expect(found.length).toBeLessThanOrEqual(1);
    return found[0];
  }

  it("a label added: a bonus of exactly the difference for each award, referring to it", async () => {
    const ledger = await merged12();
    const award = (await ledger.subject()).find((e) => e.id === MERGED) as Entry;
    expect(award.points).toBe(32_000);
    const bodies = await ledger.adjust({ labels: ["documentation"] });
    expect(bodies.map((b) => b.ref)).toEqual([MERGED, COMMITS]);
    const body = byRef(bodies, MERGED);
    expect(body).toEqual({
      id: factId(`adjust:${MERGED}:0`),
      kind: "bonus",
      time: CHANGE.time,
      repo: award.repo,
      actor: award.actor,
      subject: award.subject,
      points: 6_400,
      breakdown: [{ rule: "label.change", points: 6_400, note: CHANGE.reason }],
      rules: rulesHash(RULES),
      source: CHANGE.source,
      inputs: { labels: ["documentation"] },
      ref: MERGED,
      reason: CHANGE.reason,
      by: account(OWNER),
    });
    expect(byRef(bodies, COMMITS)).toMatchObject({ kind: "bonus", points: 2_000, actor: account(ALICE) });
    for (const b of bodies) expect(bodyShapeError(b)).toBeUndefined();
    expect(await ledger.totalOf(MERGED)).toBe(38_400);
  });

  it("a label removed: a penalty of exactly the difference", async () => {
    const ledger = await merged12({ labels: ["documentation"] });
    expect(await ledger.totalOf(MERGED)).toBe(38_400);
    const body = byRef(await ledger.adjust({ labels: [] }), MERGED);
    expect(body?.kind).toBe("penalty");
    expect(body?.points).toBe(-6_400);
    expect(body?.breakdown).toEqual([{ rule: "label.change", points: -6_400, note: CHANGE.reason }]);
    expect(body?.inputs).toEqual({ labels: [] });
  });

  it("a label added that adds points, written in another case", async () => {
    const ledger = await merged12();
    expect(byRef(await ledger.adjust({ labels: ["Good First Issue"] }), MERGED)?.points).toBe(5_000);
  });

  it("a void label added: a reversal of each whole award", async () => {
    const ledger = await merged12();
    const bodies = await ledger.adjust({ labels: ["spam"] });
    expect(bodies.map((b) => [b.ref, b.kind, b.points])).toEqual([
      [MERGED, "reversal", -32_000],
      [COMMITS, "reversal", -10_000],
    ]);
    expect(await ledger.totalOf(MERGED)).toBe(0);
    expect(await ledger.totalOf(COMMITS)).toBe(0);
    // A void label's reversal is an adjustment, not a hard reversal: the award is still live.
    expect(standing(await ledger.subject()).reversed.size).toBe(0);
  });

  it("a void label recorded with the award, removed: a bonus that restores the award", async () => {
    const ledger = await merged12({ labels: ["invalid"] });
    expect(await ledger.totalOf(MERGED)).toBe(0);
    const body = byRef(await ledger.adjust({ labels: [] }), MERGED);
    expect(body?.kind).toBe("bonus");
    expect(body?.points).toBe(32_000);
  });

  it("a void label added, then removed: the exact points are back, and a further label counts from there", async () => {
    const ledger = await merged12();
    const voided = await ledger.adjust({ labels: ["Spam"] });
    expect(voided.map((b) => b.kind)).toEqual(["reversal", "reversal"]);
    const restored = await ledger.adjust({ labels: [] });
    expect(restored.map((b) => [b.ref, b.kind, b.points])).toEqual([
      [MERGED, "bonus", 32_000],
      [COMMITS, "bonus", 10_000],
    ]);
    expect(await ledger.totalOf(MERGED)).toBe(32_000);
    expect(await ledger.totalOf(COMMITS)).toBe(10_000);
    await ledger.adjust({ labels: ["documentation"] });
    expect(await ledger.totalOf(MERGED)).toBe(38_400);
  });

  it("a label the rules ignore: nothing", async () => {
    const ledger = await merged12({ labels: ["bug"] });
    expect(await ledger.adjust({ labels: ["bug", "enhancement"] })).toEqual([]);
  });

  it("an award without labels among its inputs (a review): nothing, for a label or a rating", async () => {
    const ledger = new Ledger();
    const reviewAward = only(awardsOf(await ledger.record([review(pr200(12), BOB, "approved", 7001, { time: MARCH })])));
    expect(reviewAward.inputs?.family).toBe("review");
    expect(reviewAward.inputs).not.toHaveProperty("labels");
    expect(await ledger.adjust({ labels: ["documentation"] })).toEqual([]);
    expect(await ledger.adjust({ rating: 5 })).toEqual([]);
  });

  it("a rating: a bonus or penalty for the rating's factor; a neutral rating is nothing", async () => {
    const subject = await (await merged12()).subject();
    const rate = (rating: 1 | 2 | 3 | 4 | 5) =>
      byRef(adjustmentsFor(subject, RULES, { rating }, { ...CHANGE, reason: `rated ${rating}` }), MERGED);
    const five = rate(5);
    expect(five).toMatchObject({
      id: factId(`adjust:${MERGED}:0`),
      kind: "bonus",
      points: 16_000,
      inputs: { labels: [], rating: 5 },
      ref: MERGED,
    });
    expect(five?.breakdown).toEqual([{ rule: "rating", points: 16_000, note: "rated 5" }]);
    expect(rate(1)).toMatchObject({ kind: "penalty", points: -16_000 });
    expect(rate(2)).toMatchObject({ kind: "penalty", points: -6_400 });
    expect(rate(4)).toMatchObject({ kind: "bonus", points: 6_400 });
    expect(rate(3)).toBeUndefined();
    expect(adjustmentsFor(subject, RULES, { rating: 3 }, CHANGE)).toEqual([]);
  });

  it("without `by`, the adjustment has no `by`; a long reason is cut to 200 in the note", async () => {
    const { by: _by, ...anonymous } = CHANGE;
    const subject = await (await merged12()).subject();
    const [body] = adjustmentsFor(subject, RULES, { rating: 5 }, { ...anonymous, reason: "r".repeat(300) });
    expect(body && "by" in body).toBe(false);
    expect(body?.reason).toBe("r".repeat(300));
    expect(body?.breakdown[0]?.note).toBe("r".repeat(200));
  });

  it("a replayed label event or rating appends nothing", async () => {
    const ledger = await merged12();
    expect(await ledger.adjust({ labels: ["documentation"] })).toHaveLength(2);
    expect(await ledger.adjust({ labels: ["documentation"] })).toEqual([]);
    // The same labels in another case and order are the same labels.
    expect(await ledger.adjust({ labels: ["  DOCUMENTATION "] })).toEqual([]);
    await ledger.append([marker(decisionKey.rated(REPO.id, 12), { command: "rate", rating: 5 })]);
    expect(await ledger.adjust({ rating: 5 })).toHaveLength(2);
    expect(await ledger.adjust({ rating: 5 })).toEqual([]);
    expect(await ledger.adjust({ labels: ["documentation"] })).toEqual([]);
    // Nothing recorded yet is nothing to adjust.
    expect(await new Ledger().adjust({ labels: ["documentation"] })).toEqual([]);
  });

  it("two label events, in either order or both carrying both labels, land where both labels at once do", async () => {
    const totals = async (events: readonly (readonly string[])[]) => {
      const ledger = await merged12();
      for (const labels of events) await ledger.adjust({ labels });
      return [await ledger.totalOf(MERGED), await ledger.totalOf(COMMITS)];
    };
    // (32 + 5) × 1.2 and (10 + 5) × 1.2: additions first, then multipliers, whatever the order of the labels.
    const both = [44_400, 18_000];
    expect(await totals([["documentation", "good first issue"]])).toEqual(both);
    expect(await totals([["documentation"], ["documentation", "good first issue"]])).toEqual(both);
    expect(await totals([["good first issue"], ["good first issue", "documentation"]])).toEqual(both);
    expect(
      await totals([
        ["documentation", "good first issue"],
        ["good first issue", "documentation"],
      ]),
    ).toEqual(both);
    const full = only(
      awardsOf(
        scoreFact(prMerged(pr200(12, { labels: ["documentation", "good first issue"] }), { time: MARCH }), RULES, () => EMPTY_CONTEXT),
        "pr_merged",
      ),
    );
    expect(full.points).toBe(both[0]);
  });

  it("labels and a rating compose: ×2 then rated 5 (×1.5) is three times the points, in either order", async () => {
    const rate = async (ledger: Ledger) => {
      const rated = marker(decisionKey.rated(REPO.id, 12), { command: "rate", rating: 5 });
      const bodies = adjustmentsFor(await ledger.subject(), DOUBLE, { rating: 5 }, { ...CHANGE, reason: "rated 5" });
      await ledger.append([rated, ...bodies]);
      return bodies;
    };
    const labelFirst = await merged12({}, DOUBLE);
    expect(await labelFirst.totalOf(MERGED)).toBe(32_000);
    expect(byRef(await labelFirst.adjust({ labels: ["double"] }, DOUBLE), MERGED)?.points).toBe(32_000);
    const rated = byRef(await rate(labelFirst), MERGED);
    expect(rated).toMatchObject({ kind: "bonus", points: 32_000, inputs: { labels: ["double"], rating: 5 } });
    expect(rated?.breakdown).toEqual([{ rule: "rating", points: 32_000, note: "rated 5" }]);
    expect(await labelFirst.totalOf(MERGED)).toBe(96_000);
    expect(await labelFirst.totalOf(COMMITS)).toBe(30_000);

    const rateFirst = await merged12({}, DOUBLE);
    await rate(rateFirst);
    expect(await rateFirst.totalOf(MERGED)).toBe(48_000);
    // The label event carries no rating: the one recorded for the subject applies.
    const labelled = byRef(await rateFirst.adjust({ labels: ["double"] }, DOUBLE), MERGED);
    expect(labelled).toMatchObject({ points: 48_000, inputs: { labels: ["double"], rating: 5 } });
    expect(await rateFirst.totalOf(MERGED)).toBe(96_000);
    expect(await rateFirst.totalOf(COMMITS)).toBe(30_000);
    // Removing the label keeps the rating.
    await rateFirst.adjust({ labels: [] }, DOUBLE);
    expect(await rateFirst.totalOf(MERGED)).toBe(48_000);
  });

  it("a voided subject gets no adjustments, for a label or a rating", async () => {
    const ledger = await merged12();
    await ledger.append([marker(decisionKey.voided(REPO.id, 12), { command: "void" })]);
    expect(await ledger.adjust({ labels: ["documentation"] })).toEqual([]);
    expect(await ledger.adjust({ labels: ["spam"] })).toEqual([]);
    expect(await ledger.adjust({ rating: 5 })).toEqual([]);
  });

  it("an award reversed as a dismissed review reverses it gets none; the others still do", async () => {
    const ledger = await merged12();
    const award = (await ledger.subject()).find((e) => e.id === MERGED) as Entry;
    const dismissed = reversalOf(award, RULES, {
      key: `dismissed:${REPO.id}:7001`,
      time: CHANGE.time,
      source: { event: "pull_request_review", action: "dismissed" },
      reason: "review dismissed",
    });
    await ledger.append([dismissed]);
    const bodies = await ledger.adjust({ labels: ["documentation"] });
    expect(bodies.map((b) => b.ref)).toEqual([COMMITS]);
    expect(await ledger.adjust({ labels: ["spam"] }).then((b) => b.map((x) => x.ref))).toEqual([COMMITS]);
    expect(await ledger.totalOf(MERGED)).toBe(0);
  });

  it("the id counts the award's earlier adjustments, so each change has its own", async () => {
    const ledger = await merged12();
    const ids: string[] = [];
    for (const labels of [["documentation"], ["documentation"], [], ["spam"], []]) {
      const body = byRef(await ledger.adjust({ labels }), MERGED);
      if (body) ids.push(body.id);
    }
    // The replay in second place appends nothing and so does not advance the count.
    expect(ids).toEqual([0, 1, 2, 3].map((n) => factId(`adjust:${MERGED}:${n}`)));
    expect(new Set(ids).size).toBe(4);
    const commits = (await ledger.subject()).filter((e) => e.ref === COMMITS).map((e) => e.id);
    expect(commits).toEqual([0, 1, 2, 3].map((n) => factId(`adjust:${COMMITS}:${n}`)));
  });

  it("property: after any label events (and perhaps a rating), each award with its adjustments scores what the final labels give", () => {
    const event = fc.tuple(fc.boolean(), labelArb);
    const ratingAt = fc.option(fc.tuple(fc.nat(8), fc.constantFrom(1, 2, 3, 4, 5) as fc.Arbitrary<1 | 2 | 3 | 4 | 5>), { nil: undefined });
    fc.assert(
      fc.property(
        labelsArb,
        fc.array(event, { maxLength: 8 }),
        ratingAt,
        fc.integer({ min: 0, max: 3000 }),
        (initial, events, rated, lines) => {
          const awards = (labels: readonly string[], r?: 1 | 2 | 3 | 4 | 5) => {
            const pr = pullRequest({ number: 12, labels, files: [file("src/app.ts", lines, 0)], commits: [commit("a1", ALICE)] });
            const context = () => (r === undefined ? EMPTY_CONTEXT : { ...EMPTY_CONTEXT, rating: r });
            return [
              ...scoreFact(prOpened(pr, { time: MARCH }), RULES, context),
              ...scoreFact(prMerged(pr, { time: MARCH }), RULES, context),
            ];
          };
          const subject: Entry[] = awards(initial).map((b, i) => asEntry(b, i));
          const append = (bodies: readonly EntryBody[]) => {
            for (const b of bodies) subject.push(asEntry(b, subject.length));
          };
          let labels = [...initial];
          let rating: 1 | 2 | 3 | 4 | 5 | undefined;
          const check = (bodies: readonly EntryBody[]) => {
            for (const b of bodies) {
              expect(b.points).not.toBe(0);
              expect(b.breakdown.reduce((a, l) => a + l.points, 0)).toBe(b.points);
              const voids = labels.some((l) => ["spam", "invalid"].includes(l.trim().toLowerCase()));
              expect(b.kind).toBe(voids ? "reversal" : b.points > 0 ? "bonus" : "penalty");
            }
            append(bodies);
            for (const expected of awards(labels, rating).filter((b) => b.kind === "award")) {
              const total = subject.filter((e) => e.id === expected.id || e.ref === expected.id).reduce((a, e) => a + e.points, 0);
              expect(total, expected.id).toBe(expected.points);
            }
          };
          for (const [i, [add, label]] of events.entries()) {
            if (rated && rated[0] === i) {
              rating = rated[1];
              subject.push(asEntry(marker(decisionKey.rated(REPO.id, 12), { command: "rate", rating }), subject.length));
              check(adjustmentsFor(subject, RULES, { rating }, CHANGE));
            }
            labels = add ? [...labels, label] : labels.filter((l) => normalizeLabel(l) !== normalizeLabel(label));
            check(adjustmentsFor(subject, RULES, { labels }, CHANGE));
          }
          // Replaying the last event changes nothing.
          expect(adjustmentsFor(subject, RULES, { labels }, CHANGE)).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("reversalOf", () => {
  it("cancels the award, naming it, who ordered it and why", () => {
    const award = asEntry(only(awardsOf(scoreFact(prMerged(pr200(12), { time: MARCH }), RULES, () => EMPTY_CONTEXT))), 5);
    const decision: Decision = {
      key: `void:${REPO.id}:12:reversal`,
      time: "2025-03-21T00:00:00Z",
      source: { event: "issue_comment" },
      by: account(OWNER),
      reason: "spam",
    };
    const body = reversalOf(award, RULES, decision);
    expect(body).toEqual({
      id: factId(`${decision.key}:${award.id}`),
      kind: "reversal",
      time: decision.time,
      repo: award.repo,
      actor: award.actor,
      subject: award.subject,
      points: -32_000,
      breakdown: [{ rule: "void", points: -32_000, note: "spam" }],
      rules: rulesHash(RULES),
      source: decision.source,
      ref: award.id,
      reason: "spam",
      by: account(OWNER),
    });
    expect(bodyShapeError(body)).toBeUndefined();
  });

  it("a zero-point award reverses with an empty breakdown; a long reason is cut to 200 in the note", () => {
    const award = asEntry({
      ...only(awardsOf(scoreFact(prMerged(pr200(12), { time: MARCH }), RULES, () => EMPTY_CONTEXT))),
      points: 0,
      breakdown: [],
    });
    const zero = reversalOf(award, RULES, { ...DECISION, reason: "x" });
    expect(zero.points === 0).toBe(true);
    expect(zero.breakdown).toEqual([]);
    const long = "r".repeat(300);
    const full = asEntry(only(awardsOf(scoreFact(prMerged(pr200(12), { time: MARCH }), RULES, () => EMPTY_CONTEXT))));
    const body = reversalOf(full, RULES, { ...DECISION, reason: long });
    expect(body.breakdown[0]?.note).toBe(long.slice(0, 200));
    expect(body.reason).toBe(long);
  });
});
