/**
 * Properties of the scoring engine over generated facts, rules and contexts. Expected values come
 * from the rules as the schema documents them (with the integer arithmetic in ./support.ts), or from
 * a relation between two runs of the engine (rated against unrated, one order against another).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Fact, PullRequest } from "../../src/events/facts.ts";
import { bodyShapeError, type EntryBody } from "../../src/ledger/entry.ts";
import { type Context, compute, EMPTY_CONTEXT } from "../../src/scoring/compute.ts";
import { type Config, parseConfig, type ResolvedConfig, resolveConfig, rulesHash } from "../../src/scoring/config.ts";
import { rescore } from "../../src/scoring/rescore.ts";
import { claimsOf, scoreFact } from "../../src/scoring/score.ts";
import { replay, simulate } from "../../src/scoring/simulate.ts";
import {
  ALICE,
  ALICE_REPO,
  BOB,
  BOTS,
  CAROL,
  CONFIGURED_BOT_LOGIN,
  DAVE,
  factArb,
  factOfTypeArb,
  isExcludedByDefault,
  LISTED_BOT,
  labelsArb,
  labelVariant,
  PEOPLE,
  PEOPLE_BY_ID,
  REPO,
  TYPED_BOT,
  timeInMonth,
  userArb,
} from "../helpers/facts.ts";
import { adjustment, asEntries, awards, configArb, exactSum, rulesArb, rulesWith, toMilli } from "./support.ts";

const contextArb: fc.Arbitrary<Context> = fc.record(
  {
    month_points: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3_000_000 })),
    month_merged: fc.nat({ max: 40 }),
    day_opened: fc.nat({ max: 15 }),
    rating: fc.constantFrom(1, 2, 3, 4, 5),
  },
  { requiredKeys: ["month_points", "month_merged", "day_opened"] },
);

const DEFAULT_RULES = parseConfig("");

function family(body: EntryBody): unknown {
  return body.inputs?.family;
}

function line(body: EntryBody, rule: string): number | undefined {
  const lines = body.breakdown.filter((l) => l.rule === rule);
  expect(lines.length, `${rule} appears at most once`).toBeLessThanOrEqual(1);
  return lines[0]?.points;
}

function prOf(fact: Fact): PullRequest {
  if (!("pr" in fact)) throw new Error(`${fact.type} has no pull request`);
  return fact.pr;
}

/**
 * The lines the documented rules count for a merged pull request: every listed file not excluded,
 * or GitHub's totals when the list is missing or cut short.
 */
function countedLines(pr: PullRequest): { added: number; deleted: number; whitespaceOnly: boolean } {
  if (!pr.files || pr.files.length !== pr.changedFiles) return { added: pr.additions, deleted: pr.deletions, whitespaceOnly: false };
  const counted = pr.files.filter((f) => !isExcludedByDefault(f.path));
  return {
    added: counted.reduce((a, f) => a + f.additions, 0),
    deleted: counted.reduce((a, f) => a + f.deletions, 0),
    whitespaceOnly: counted.length > 0 && counted.every((f) => f.whitespaceOnly === true),
  };
}

/** Key order reversed at every level: the rules' meaning and hash must not depend on it. */
function reordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reordered);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reordered(v)]),
  );
}

/** What identifies a fact, so that generated lists hold each fact once (a ledger never holds a replay). */
function factKey(f: Fact): string {
  switch (f.type) {
    case "pr_opened":
    case "pr_merged":
    case "pr_closed":
      return `pr:${f.repo.id}:${f.pr.number}`;
    case "review":
      return `review:${f.repo.id}:${f.review.id}`;
    case "review_comment":
    case "comment":
      return `${f.type}:${f.repo.id}:${f.comment.id}`;
    case "issue_opened":
    case "issue_closed":
      return `issue:${f.repo.id}:${f.issue.number}`;
    case "release":
      return `release:${f.repo.id}:${f.release.id}`;
  }
}

function distinctFactsArb(fact: fc.Arbitrary<Fact>, maxLength: number): fc.Arbitrary<Fact[]> {
  return fc.uniqueArray(fact, { selector: factKey, maxLength });
}

/**
 * Scores facts in order the way a writer keeps its books: each claim's context holds what the
 * contributor earned, merged and opened in that repository and month (day) before it.
 */
function scoreInOrder(facts: readonly Fact[], rules: ResolvedConfig): EntryBody[] {
  const month = new Map<string, number>();
  const merged = new Map<string, number>();
  const opened = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string, by: number) => m.set(k, (m.get(k) ?? 0) + by);
  return facts.flatMap((fact) =>
    scoreFact(fact, rules, (claim) => {
      const mk = `${claim.actor.id}:${fact.repo.id}:${fact.time.slice(0, 7)}`;
      const dk = `${claim.actor.id}:${fact.repo.id}:${fact.time.slice(0, 10)}`;
      const context = { month_points: month.get(mk) ?? 0, month_merged: merged.get(mk) ?? 0, day_opened: opened.get(dk) ?? 0 };
      // The claim's own points join the month's total before the next claim of the same fact is scored.
      bump(month, mk, compute(claim.family, claim.inputs, context, rules)?.points ?? 0);
      if (claim.family === "pr_merged") bump(merged, mk, 1);
      if (claim.family === "pr_opened") bump(opened, dk, 1);
      return context;
    }),
  );
}

describe("determinism", () => {
  it("the same facts, rules and context give the same bodies, bit for bit", () => {
    fc.assert(
      fc.property(factArb(), configArb, contextArb, (fact, config, context) => {
        const rules = resolveConfig(config);
        const once = JSON.stringify(scoreFact(fact, rules, () => context));
        expect(JSON.stringify(scoreFact(fact, rules, () => context))).toBe(once);
        // A deep copy of the fact, and the rules read back from a configuration file with its keys in
        // another order: nothing may depend on object identity or on the order keys were written in.
        const reread = parseConfig(JSON.stringify(reordered(config)), "reordered.yml");
        expect(rulesHash(reread)).toBe(rulesHash(rules));
        expect(JSON.stringify(scoreFact(structuredClone(fact), reread, () => ({ ...context })))).toBe(once);
      }),
    );
  });

  it("independent facts scored in any order give the same bodies", () => {
    fc.assert(
      fc.property(
        fc
          .array(factArb(), { minLength: 2, maxLength: 8 })
          .chain((facts) => fc.tuple(fc.constant(facts), fc.shuffledSubarray(facts, { minLength: facts.length, maxLength: facts.length }))),
        rulesArb,
        ([facts, shuffled], rules) => {
          const bodies = (list: readonly Fact[]) =>
            list
              .flatMap((f) => scoreFact(f, rules, () => EMPTY_CONTEXT))
              .map((b) => JSON.stringify(b))
              .sort();
          expect(bodies(shuffled)).toEqual(bodies(facts));
        },
      ),
    );
  });

  it("the order of a pull request's labels and files does not change its points", () => {
    fc.assert(
      fc.property(
        factOfTypeArb("pr_merged").chain((fact) => {
          const pr = prOf(fact);
          const files = pr.files ?? [];
          return fc.tuple(
            fc.constant(fact),
            fc.shuffledSubarray([...pr.labels], { minLength: pr.labels.length, maxLength: pr.labels.length }),
            fc.shuffledSubarray([...files], { minLength: files.length, maxLength: files.length }),
          );
        }),
        rulesArb,
        contextArb,
        ([fact, labels, files], rules, context) => {
          const pr = prOf(fact);
          const shuffled: Fact = { ...fact, pr: { ...pr, labels, ...(pr.files ? { files } : {}) } } as Fact;
          const points = (f: Fact) => awards(scoreFact(f, rules, () => context)).map((b) => [b.id, b.points, b.breakdown]);
          expect(points(shuffled)).toEqual(points(fact));
        },
      ),
    );
  });
});

describe("every body", () => {
  it("has integer points equal to the exact sum of its breakdown, and the ledger accepts it", () => {
    fc.assert(
      fc.property(factArb(), rulesArb, contextArb, (fact, rules, context) => {
        for (const body of scoreFact(fact, rules, () => context)) {
          expect(Number.isSafeInteger(body.points)).toBe(true);
          for (const l of body.breakdown) {
            expect(Number.isSafeInteger(l.points), `${l.rule} ${l.points}`).toBe(true);
            expect(l.points, `${l.rule} is listed only when it changes the points`).not.toBe(0);
          }
          expect(exactSum(body.breakdown)).toBe(BigInt(body.points));
          expect(bodyShapeError(body)).toBeUndefined();
        }
      }),
    );
  });
});

describe("lines and size tiers", () => {
  it("line points are per_added × added + per_deleted × deleted after exclusions, never above lines.cap", () => {
    fc.assert(
      fc.property(factOfTypeArb("pr_merged", { people: userArb }), rulesArb, (fact, rules) => {
        const award = awards(scoreFact(fact, rules, () => EMPTY_CONTEXT)).find((b) => family(b) === "pr_merged");
        if (!award) throw new Error("a user's merged pull request always has an award");
        const { added, deleted } = countedLines(prOf(fact));
        const cap = toMilli(rules.lines.cap);
        const uncapped = added * toMilli(rules.lines.per_added) + deleted * toMilli(rules.lines.per_deleted);
        const points = line(award, "pr.lines") ?? 0;
        expect(points).toBeLessThanOrEqual(cap);
        expect(points).toBe(Math.min(cap, uncapped));
      }),
    );
  });

  it("the size tier applied is the largest one reached, whatever order the tiers are written in", () => {
    fc.assert(
      fc.property(factOfTypeArb("pr_merged", { people: userArb }), rulesArb, (fact, rules) => {
        const award = awards(scoreFact(fact, rules, () => EMPTY_CONTEXT)).find((b) => family(b) === "pr_merged");
        if (!award) throw new Error("a user's merged pull request always has an award");
        const { added, deleted } = countedLines(prOf(fact));
        const reached = rules.size_tiers.filter((t) => added + deleted >= t.lines);
        const largest = reached.reduce<(typeof reached)[number] | undefined>((a, t) => (a && a.lines > t.lines ? a : t), undefined);
        expect(line(award, "pr.size_tier") ?? 0).toBe(largest ? toMilli(largest.bonus) : 0);
      }),
    );
  });
});

describe("void labels", () => {
  const voidCase = fc.oneof(
    // The default rules void spam and invalid.
    fc.record({ rule: fc.constant(undefined), label: fc.constantFrom("spam", "invalid").chain(labelVariant) }),
    // A configured rule written one way, the label typed another.
    fc.record({
      rule: fc.constant({ match: "GSSoC:approved", void: true as const }),
      label: labelVariant("gssoc:approved").chain((l) => fc.constantFrom(l, l.replace(":", ": "), l.replace(":", " :"))),
    }),
  );

  it("a pull request with a void label in any case or spacing contributes zero", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("pr_opened" as const, "pr_merged" as const).chain((t) => factOfTypeArb(t)),
        voidCase,
        labelsArb,
        fc.nat(),
        configArb,
        contextArb,
        (fact, { rule, label }, others, at, config, context) => {
          const rules = resolveConfig({
            ...config,
            labels: [...(config.labels ?? []), rule ?? { match: ["spam", "invalid"], void: true }],
          });
          const pr = prOf(fact);
          const labels = [...others];
          labels.splice(at % (labels.length + 1), 0, label);
          const voided = { ...fact, pr: { ...pr, labels } } as Fact;
          for (const body of scoreFact(voided, rules, () => context)) expect(body.points).toBe(0);
        },
      ),
    );
  });

  it("the same pull request without the void label scores", () => {
    const pr = { number: 5, url: "https://github.com/octo/demo/pull/5", author: ALICE, createdAt: "2025-03-01T00:00:00Z" };
    const opened = (labels: string[]): Fact => ({
      type: "pr_opened",
      repo: REPO,
      time: "2025-03-02T00:00:00Z",
      source: { event: "pull_request" },
      pr: { ...pr, labels, additions: 10, deletions: 0, changedFiles: 1 },
    });
    const total = (f: Fact) => awards(scoreFact(f, DEFAULT_RULES, () => EMPTY_CONTEXT)).reduce((a, b) => a + b.points, 0);
    expect(total(opened(["bug"]))).toBe(15_000);
    expect(total(opened(["bug", " SPAM "]))).toBe(0);
    const gssoc = resolveConfig({ labels: [{ match: "GSSoC:approved", void: true }] });
    expect(awards(scoreFact(opened(["gssoc : Approved"]), gssoc, () => EMPTY_CONTEXT))[0]?.points).toBe(0);
    expect(awards(scoreFact(opened(["gssoc approved"]), gssoc, () => EMPTY_CONTEXT))[0]?.points).toBe(15_000);
  });
});

describe("limits", () => {
  it("a contributor's month never exceeds the monthly cap, and reaches exactly min(cap, uncapped total)", () => {
    const month = "2025-03";
    fc.assert(
      fc.property(
        distinctFactsArb(factArb({ people: fc.constantFrom(CAROL, BOB), repo: fc.constant(REPO), time: timeInMonth(month) }), 25),
        rulesArb,
        fc.integer({ min: 1, max: 300_000 }),
        (facts, base, capMilli) => {
          const cap = capMilli / 1000;
          const rules = resolveConfig({ ...base, limits: { ...base.limits, monthly_cap: cap } });
          const uncappedRules = resolveConfig({ ...base, limits: { ...base.limits, monthly_cap: 0 } });
          let earned = 0;
          let uncapped = 0;
          let negative = false;
          let merged = 0;
          const opened = new Map<string, number>();
          const sorted = [...facts].sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
          for (const fact of sorted) {
            for (const claim of claimsOf(fact)) {
              if (claim.actor.id !== CAROL.id) continue;
              const day = fact.time.slice(0, 10);
              const context = { month_points: earned, month_merged: merged, day_opened: opened.get(day) ?? 0 };
              const capped = compute(claim.family, claim.inputs, context, rules)?.points ?? 0;
              const free = compute(claim.family, claim.inputs, context, uncappedRules)?.points ?? 0;
              earned += capped;
              uncapped += free;
              negative ||= free < 0;
              expect(earned).toBeLessThanOrEqual(toMilli(cap));
              if (claim.family === "pr_merged") merged++;
              if (claim.family === "pr_opened") opened.set(day, (opened.get(day) ?? 0) + 1);
            }
          }
          // With no penalties in the month, the cap takes exactly what is over it and no more.
          if (!negative) expect(earned).toBe(Math.min(toMilli(cap), uncapped));
        },
      ),
    );
  });

  it("merged pull requests beyond diminishing_after score diminishing_factor of their points", () => {
    fc.assert(
      fc.property(factOfTypeArb("pr_merged"), rulesWith({ limits: { monthly_cap: 0 } }), fc.nat({ max: 40 }), (fact, rules, before) => {
        const score = (monthMerged: number) =>
          new Map(scoreFact(fact, rules, () => ({ ...EMPTY_CONTEXT, month_merged: monthMerged })).map((b) => [b.id, b]));
        const full = score(0);
        const now = score(before);
        expect([...now.keys()]).toEqual([...full.keys()]);
        const n = rules.limits.diminishing_after;
        for (const [id, body] of now) {
          const p = (full.get(id) as EntryBody).points;
          const diminished = family(body) === "pr_merged" && n > 0 && before >= n;
          expect(body.points).toBe(diminished ? p + adjustment(p, rules.limits.diminishing_factor) : p);
        }
      }),
    );
  });

  it("the 21st merged pull request of a month scores half, by default", () => {
    const pr = { number: 5, url: "https://github.com/octo/demo/pull/5", author: ALICE, createdAt: "2025-03-01T00:00:00Z", labels: [] };
    const merged: Fact = {
      type: "pr_merged",
      repo: REPO,
      time: "2025-03-02T00:00:00Z",
      source: { event: "pull_request" },
      pr: { ...pr, additions: 40, deletions: 20, changedFiles: 1, files: [{ path: "src/a.ts", additions: 40, deletions: 20 }] },
    };
    const points = (n: number) => awards(scoreFact(merged, DEFAULT_RULES, () => ({ ...EMPTY_CONTEXT, month_merged: n })))[0]?.points;
    // 25 points + 40 × 0.01 + 20 × 0.005 = 25.5 points; no size tier below 100 lines.
    expect(points(19)).toBe(25_500);
    expect(points(20)).toBe(12_750);
  });

  it("opened pull requests beyond daily_prs in a day score nothing", () => {
    fc.assert(
      fc.property(factOfTypeArb("pr_opened", { people: userArb }), rulesArb, fc.nat({ max: 15 }), (fact, rules, today) => {
        const score = (n: number) => awards(scoreFact(fact, rules, () => ({ ...EMPTY_CONTEXT, day_opened: n })))[0]?.points;
        const limit = rules.limits.daily_prs;
        expect(score(today)).toBe(limit > 0 && today >= limit ? 0 : score(0));
      }),
    );
  });
});

describe("who is not scored", () => {
  const botRules = rulesWith({ bots: { exclude: true, logins: [CONFIGURED_BOT_LOGIN] } });
  const isBot = (id: number) => BOTS.some((b) => b.id === id) || id === LISTED_BOT.id;
  // A Co-authored-by trailer names an account by its noreply address, without its type: a co-author
  // is known to be a bot by its login only (every GitHub App's ends in [bot]) or by the configured list.
  const coAuthors = fc.constantFrom(...PEOPLE.filter((p) => p.id !== TYPED_BOT.id)).map((p) => ({ id: p.id, login: p.login }));

  it("bots (type Bot, [bot] logins, configured logins in any case) get no award", () => {
    fc.assert(
      fc.property(factArb({ coAuthors }), botRules, contextArb, (fact, rules, context) => {
        for (const body of awards(scoreFact(fact, rules, () => context))) {
          expect(PEOPLE_BY_ID.has(body.actor.id)).toBe(true);
          expect(isBot(body.actor.id), `${body.actor.login} got an award`).toBe(false);
        }
      }),
    );
  });

  it("a bot that authored one commit and co-authored another gets no award, whichever commit comes first", () => {
    const authored = { sha: "a".repeat(40), author: TYPED_BOT, coAuthors: [] };
    const coAuthored = { sha: "b".repeat(40), author: CAROL, coAuthors: [{ id: TYPED_BOT.id, login: TYPED_BOT.login }] };
    for (const commits of [
      [authored, coAuthored],
      [coAuthored, authored],
    ]) {
      const fact: Fact = {
        type: "pr_merged",
        repo: REPO,
        time: "2025-03-02T00:00:00Z",
        source: { event: "pull_request" },
        pr: {
          number: 8,
          url: "https://github.com/octo/demo/pull/8",
          author: CAROL,
          labels: [],
          createdAt: "2025-03-01T00:00:00Z",
          additions: 10,
          deletions: 0,
          changedFiles: 1,
          commits,
        },
      };
      const credited = awards(scoreFact(fact, DEFAULT_RULES, () => EMPTY_CONTEXT)).map((b) => b.actor.login);
      expect(credited, `commits in the order ${commits.map((c) => c.sha[0]).join(", ")}`).toEqual(["carol", "carol"]);
    }
  });

  it("bots score like anyone when bots.exclude is false", () => {
    const rules = resolveConfig({ bots: { exclude: false } });
    for (const bot of BOTS) {
      const fact: Fact = {
        type: "release",
        repo: REPO,
        time: "2025-03-02T00:00:00Z",
        source: { event: "release" },
        release: { id: 1, tag: "v1", url: "https://github.com/octo/demo/releases/tag/v1", author: bot },
      };
      expect(awards(scoreFact(fact, rules, () => EMPTY_CONTEXT))[0]?.points).toBe(30_000);
    }
  });

  it("pull requests to one's own repository score zero by default", () => {
    fc.assert(
      fc.property(
        fc
          .constantFrom("pr_opened" as const, "pr_merged" as const)
          .chain((t) => factOfTypeArb(t, { people: fc.constant(ALICE), repo: fc.constant(ALICE_REPO) })),
        contextArb,
        (fact, context) => {
          const bodies = awards(scoreFact(fact, DEFAULT_RULES, () => context));
          expect(bodies.length).toBeGreaterThan(0);
          for (const body of bodies) expect(body.points).toBe(0);
        },
      ),
    );
  });

  it("reviews and review comments on one's own pull request score zero by default", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("review" as const, "review_comment" as const).chain((t) => factOfTypeArb(t, { people: userArb })),
        contextArb,
        (fact, context) => {
          const own = (
            fact.type === "review"
              ? { ...fact, review: { ...fact.review, author: fact.pr.author } }
              : fact.type === "review_comment"
                ? { ...fact, comment: { ...fact.comment, author: fact.pr.author } }
                : fact
          ) as Fact;
          const bodies = awards(scoreFact(own, DEFAULT_RULES, () => context));
          expect(bodies).toHaveLength(1);
          expect(bodies[0]?.points).toBe(0);
        },
      ),
    );
  });

  it("own-repository pull requests and self-reviews score when the limits allow them", () => {
    const rules = resolveConfig({ limits: { own_repository: true, self_review: true } });
    const pr = {
      number: 3,
      url: "https://github.com/alice/tools/pull/3",
      author: ALICE,
      labels: [],
      createdAt: "2025-03-01T00:00:00Z",
      additions: 0,
      deletions: 0,
      changedFiles: 0,
    };
    const at = { repo: ALICE_REPO, time: "2025-03-02T00:00:00Z", source: { event: "pull_request" } };
    const opened: Fact = { ...at, type: "pr_opened", pr };
    const selfReview: Fact = { ...at, type: "review", pr, review: { id: 1, url: `${pr.url}#r1`, author: ALICE, state: "approved" } };
    expect(awards(scoreFact(opened, rules, () => EMPTY_CONTEXT))[0]?.points).toBe(15_000);
    expect(awards(scoreFact(selfReview, rules, () => EMPTY_CONTEXT))[0]?.points).toBe(20_000);
    expect(awards(scoreFact(opened, DEFAULT_RULES, () => EMPTY_CONTEXT))[0]?.points).toBe(0);
    expect(awards(scoreFact(selfReview, DEFAULT_RULES, () => EMPTY_CONTEXT))[0]?.points).toBe(0);
  });
});

describe("ratings", () => {
  it("a rating scales a merged pull request's award and its commits by the ratings table, and nothing else", () => {
    fc.assert(
      fc.property(
        factArb({ people: fc.constantFrom(ALICE, BOB, CAROL, DAVE) }),
        rulesWith({ limits: { monthly_cap: 0, diminishing_after: 0 } }),
        fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const, 5 as const),
        (fact, rules, rating) => {
          const plain = new Map(awards(scoreFact(fact, rules, () => EMPTY_CONTEXT)).map((b) => [b.id, b.points]));
          const rated = awards(scoreFact(fact, rules, () => ({ ...EMPTY_CONTEXT, rating })));
          expect(rated.map((b) => b.id)).toEqual([...plain.keys()]);
          for (const body of rated) {
            const p = plain.get(body.id) as number;
            const f = family(body);
            // A low-value pull request scores limits.low_value_points whatever its rating.
            const lines = f === "pr_merged" ? countedLines(prOf(fact)) : undefined;
            const lowValue = lines !== undefined && (lines.whitespaceOnly || lines.added + lines.deleted < rules.limits.low_value_lines);
            const scaled = (f === "pr_merged" && !lowValue) || f === "commits";
            expect(body.points).toBe(scaled ? p + adjustment(p, rules.ratings[String(rating) as "1"]) : p);
          }
        },
      ),
    );
  });

  it("the default table: 1 → ×0.5, 2 → ×0.8, 3 → ×1, 4 → ×1.2, 5 → ×1.5", () => {
    const pr = { number: 5, url: "https://github.com/octo/demo/pull/5", author: ALICE, createdAt: "2025-03-01T00:00:00Z", labels: [] };
    const merged: Fact = {
      type: "pr_merged",
      repo: REPO,
      time: "2025-03-02T00:00:00Z",
      source: { event: "pull_request" },
      pr: { ...pr, additions: 40, deletions: 20, changedFiles: 1, files: [{ path: "src/a.ts", additions: 40, deletions: 20 }] },
    };
    const points = (rating: 1 | 2 | 3 | 4 | 5) => awards(scoreFact(merged, DEFAULT_RULES, () => ({ ...EMPTY_CONTEXT, rating })))[0]?.points;
    // Unrated: 25 + 40 × 0.01 + 20 × 0.005 = 25.5 points = 25 500 millipoints.
    expect([1, 2, 3, 4, 5].map((r) => points(r as 1))).toEqual([12_750, 20_400, 25_500, 30_600, 38_250]);
  });
});

describe("rescore", () => {
  const source = { event: "rescore" };

  it("each reversal cancels its award exactly, new awards follow the new rules, and a second rescore adds nothing", () => {
    fc.assert(
      fc.property(
        distinctFactsArb(factArb(), 10),
        configArb,
        configArb,
        fc.constantFrom("2024-01-01", "2024-09-01", "2025-06-01", "2026-01-01"),
        (facts, a, b, day) => {
          const [before, after] = [resolveConfig(a), resolveConfig(b)];
          const since = `${day}T00:00:00Z`;
          const entries = asEntries(facts.flatMap((f) => scoreFact(f, before, () => EMPTY_CONTEXT)));
          const out = rescore(entries, after, since, source);
          // What the new rules give each award, with the month's running totals as they now are.
          const replayed = replay(entries, after);
          const byId = new Map(entries.map((e) => [e.id, e]));
          const reversals = out.filter((e) => e.kind === "reversal");
          const reawards = new Map(out.filter((e) => e.kind === "award").map((e) => [e.ref, e]));
          expect(new Set(reversals.map((r) => r.ref)).size).toBe(reversals.length);
          for (const r of reversals) {
            const original = byId.get(r.ref as string);
            if (!original) throw new Error(`reversal of an unknown entry ${r.ref}`);
            expect(original.kind).toBe("award");
            expect(original.time >= since).toBe(true);
            expect(original.points + r.points).toBe(0);
            expect(exactSum(r.breakdown)).toBe(BigInt(r.points));
            expect(r.rules).toBe(rulesHash(after));
            const again = replayed.get(original.id) as { points: number; breakdown: unknown };
            expect(again.points !== original.points || JSON.stringify(again.breakdown) !== JSON.stringify(original.breakdown)).toBe(true);
            const award = reawards.get(original.id);
            expect(award?.points ?? 0).toBe(again.points);
          }
          expect([...reawards.keys()].every((ref) => reversals.some((r) => r.ref === ref))).toBe(true);
          // Awards before `since`, or whose points the new rules keep, are left alone.
          const untouched = entries.filter((e) => e.kind === "award" && !reversals.some((r) => r.ref === e.id));
          for (const e of untouched) {
            const again = replayed.get(e.id) as { points: number; breakdown: unknown };
            if (e.time >= since) expect([again.points, again.breakdown]).toEqual([e.points, e.breakdown]);
          }
          const ledger = [...entries, ...asEntries(out, entries.length)];
          expect(rescore(ledger, after, since, source)).toEqual([]);
          expect(rescore(entries, before, since, source)).toEqual([]);
        },
      ),
    );
  });
});

describe("rescore and simulate agree", () => {
  const totals = (entries: readonly EntryBody[]) => {
    const out = new Map<number, number>();
    for (const e of entries) out.set(e.actor.id, (out.get(e.actor.id) ?? 0) + e.points);
    return out;
  };

  it("a rescore from the start gives each contributor the total simulate predicted", () => {
    // Under the defaults alice merged a PR (25 + 100 × 0.01 + size tier 5 = 31) and then reviewed
    // (20, with 31 already earned that month). Candidate: points.pr_merged 5, limits.monthly_cap 40.
    // The PR becomes 5 + 1 + 5 = 11; the review, with 11 earned so far, 20 (11 + 20 = 31 ≤ 40): 31 in all.
    const defaults = DEFAULT_RULES;
    const candidate = parseConfig("points:\n  pr_merged: 5\nlimits:\n  monthly_cap: 40\n");
    const pr = { number: 1, url: "https://github.com/octo/demo/pull/1", author: ALICE, createdAt: "2025-03-01T00:00:00Z", labels: [] };
    const files = [{ path: "src/a.ts", additions: 100, deletions: 0 }];
    const facts: Fact[] = [
      {
        type: "pr_merged",
        repo: REPO,
        time: "2025-03-10T10:00:00Z",
        source: { event: "pull_request" },
        pr: { ...pr, additions: 100, deletions: 0, changedFiles: 1, files },
      },
      {
        type: "review",
        repo: REPO,
        time: "2025-03-11T10:00:00Z",
        source: { event: "pull_request_review" },
        pr: { ...pr, number: 2, url: "https://github.com/octo/demo/pull/2", author: BOB, additions: 1, deletions: 0, changedFiles: 1 },
        review: { id: 7, url: "https://github.com/octo/demo/pull/2#r7", author: ALICE, state: "approved" },
      },
    ];
    const entries = asEntries(scoreInOrder(facts, defaults));
    expect(totals(entries).get(ALICE.id)).toBe(51_000);
    const predicted = simulate(entries, candidate).rows.find((r) => r.id === ALICE.id)?.after;
    expect(predicted).toBe(31_000);
    const applied = totals([...entries, ...rescore(entries, candidate, "2025-01-01T00:00:00Z", { event: "rescore" })]);
    expect(applied.get(ALICE.id)).toBe(predicted);
  });

  it("for any ledger and candidate rules", () => {
    fc.assert(
      fc.property(
        distinctFactsArb(
          factArb({ people: fc.constantFrom(ALICE, BOB, CAROL), repo: fc.constant(REPO), time: timeInMonth("2025-03") }),
          12,
        ),
        rulesArb,
        rulesArb,
        (facts, rules, candidate) => {
          const entries = asEntries(scoreInOrder(facts, rules));
          const predicted = new Map(simulate(entries, candidate).rows.map((r) => [r.id, r.after]));
          const applied = totals([...entries, ...rescore(entries, candidate, "2025-01-01T00:00:00Z", { event: "rescore" })]);
          expect(applied).toEqual(predicted);
        },
      ),
    );
  });
});

describe("simulate", () => {
  it("recomputing a ledger under its own rules changes no total and no rank", () => {
    fc.assert(
      fc.property(
        distinctFactsArb(
          factArb({
            people: fc.constantFrom(ALICE, BOB, CAROL, DAVE),
            repo: fc.constant(REPO),
            time: fc.oneof(timeInMonth("2025-03"), timeInMonth("2025-04")),
          }),
          20,
        ),
        rulesArb,
        (facts, rules) => {
          const entries = asEntries(scoreInOrder(facts, rules));
          const result = simulate(entries, rules);
          expect(result.changed).toBe(0);
          expect(result.after.total).toBe(result.before.total);
          for (const row of result.rows) {
            expect(row.after).toBe(row.before);
            expect(row.rankAfter).toBe(row.rankBefore);
          }
        },
      ),
    );
  });
});

describe("schema extremes", () => {
  // Every value here is allowed by ledger/schema/config.schema.json: points up to 1 000 000 and
  // multipliers up to 100, with up to 100 label rules. Points are then far past 2^53 millipoints.
  const extreme: Config = {
    points: { pr_merged: 1_000_000 },
    labels: ["a", "b", "c", "d"].map((match) => ({ match, multiply: 100 })),
  };
  const fact: Fact = {
    type: "pr_merged",
    repo: REPO,
    time: "2025-03-02T00:00:00Z",
    source: { event: "pull_request" },
    pr: {
      number: 9,
      url: "https://github.com/octo/demo/pull/9",
      author: ALICE,
      labels: ["a", "b", "c", "d"],
      createdAt: "2025-03-01T00:00:00Z",
      additions: 1000,
      deletions: 7,
      changedFiles: 1,
      files: [{ path: "src/a.ts", additions: 1000, deletions: 7 }],
    },
  };

  it("a configuration the schema accepts gives bodies the ledger accepts", () => {
    const rules = parseConfig(JSON.stringify(extreme));
    for (const body of scoreFact(fact, rules, () => EMPTY_CONTEXT)) {
      expect(body.breakdown.every((l) => Number.isSafeInteger(l.points))).toBe(true);
      expect(exactSum(body.breakdown)).toBe(BigInt(body.points));
      expect(bodyShapeError(body)).toBeUndefined();
    }
  });
});
