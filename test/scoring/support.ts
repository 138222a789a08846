/**
 * Shared by the scoring tests: configurations as fast-check arbitraries (valid by the schema), the
 * integer arithmetic of the documented rules written independently of src/scoring/units.ts, and
 * entry bodies dressed up as ledger entries for the pure rescore and simulate functions.
 */
import fc from "fast-check";
import type { Entry, EntryBody } from "../../src/ledger/entry.ts";
import { type Config, type LabelRule, type ResolvedConfig, resolveConfig } from "../../src/scoring/config.ts";
import { CONFIGURED_BOT_LOGIN, LABEL_NAMES } from "../helpers/facts.ts";

/** Points as a configuration writes them: whole, or with up to three decimals. */
function pointsArb(maxPoints: number): fc.Arbitrary<number> {
  return fc.oneof(
    fc.integer({ min: 0, max: maxPoints }),
    fc.integer({ min: 0, max: maxPoints * 1000 }).map((m) => m / 1000),
  );
}

/** A factor with up to three decimals; the common ones drawn more often. */
export const factorArb: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, 0.5, 0.8, 1, 1.2, 1.5, 2),
  fc.integer({ min: 0, max: 10_000 }).map((m) => m / 1000),
);

const signedPointsArb = fc.oneof(
  fc.integer({ min: -50, max: 50 }),
  fc.integer({ min: -50_000, max: 50_000 }).map((m) => m / 1000),
);

const labelRuleArb: fc.Arbitrary<LabelRule> = fc
  .record(
    {
      match: fc.oneof(fc.constantFrom(...LABEL_NAMES), fc.uniqueArray(fc.constantFrom(...LABEL_NAMES), { minLength: 1, maxLength: 3 })),
      add: signedPointsArb,
      multiply: factorArb,
      void: fc.constant(true as const),
      skill: fc.constantFrom("docs", "triage", "ci"),
    },
    { requiredKeys: ["match"] },
  )
  .filter((r) => Object.keys(r).length >= 2);

const optional = { requiredKeys: [] as [] };

/**
 * Configurations a maintainer might write: every key optional, values anywhere from zero to well past
 * the defaults, but multipliers at most 10 and points at most a few hundred. The schema's extremes
 * (a million points, ×100 factors chained) are tested on their own, not mixed into every property.
 */
export const configArb: fc.Arbitrary<Config> = fc.record(
  {
    points: fc.record(
      {
        release: pointsArb(100),
        pr_merged: pointsArb(100),
        review: pointsArb(100),
        pr_opened: pointsArb(100),
        commit: pointsArb(100),
        issue_opened: pointsArb(100),
        issue_closed: pointsArb(100),
        review_comment: pointsArb(100),
        comment: pointsArb(100),
      },
      optional,
    ),
    review_states: fc.record({ approved: factorArb, changes_requested: factorArb, commented: factorArb }, optional),
    lines: fc.record({ per_added: pointsArb(1), per_deleted: pointsArb(1), cap: pointsArb(1000) }, optional),
    size_tiers: fc.uniqueArray(fc.record({ lines: fc.integer({ min: 1, max: 5000 }), bonus: pointsArb(100) }), {
      selector: (t) => t.lines,
      maxLength: 5,
    }),
    labels: fc.array(labelRuleArb, { maxLength: 5 }),
    credit: fc.record({ issue_closed: fc.constantFrom("closer", "author", "none") }, optional),
    bots: fc.record({ exclude: fc.boolean(), logins: fc.subarray([CONFIGURED_BOT_LOGIN, "someone-else"]) }, optional),
    limits: fc.record(
      {
        monthly_cap: fc.oneof(fc.constant(0), pointsArb(3000)),
        diminishing_after: fc.integer({ min: 0, max: 30 }),
        diminishing_factor: factorArb,
        daily_prs: fc.integer({ min: 0, max: 12 }),
        low_value_lines: fc.integer({ min: 0, max: 20 }),
        low_value_points: signedPointsArb,
        own_repository: fc.boolean(),
        self_review: fc.boolean(),
      },
      optional,
    ),
    ratings: fc.record({ "1": factorArb, "2": factorArb, "3": factorArb, "4": factorArb, "5": factorArb }, optional),
    size_labels: fc.boolean(),
  },
  optional,
);

/** Resolved rules, with the documented defaults filling every key the configuration leaves out. */
export const rulesArb: fc.Arbitrary<ResolvedConfig> = configArb.map(resolveConfig);

/** Rules with one part of a configuration pinned (merged over a generated configuration). */
export function rulesWith(pin: Config): fc.Arbitrary<ResolvedConfig> {
  return configArb.map((c) => {
    const merged: Record<string, unknown> = { ...c };
    for (const [k, v] of Object.entries(pin)) {
      const had = merged[k];
      merged[k] = typeof v === "object" && !Array.isArray(v) && typeof had === "object" && had !== null ? { ...had, ...v } : v;
    }
    return resolveConfig(merged as Config);
  });
}

// ---------------------------------------------------------------------------------------------------
// The documented arithmetic, in BigInt: points with three decimals are millipoints, factors are per
// mille, and every scaled amount is truncated toward zero (BigInt division truncates toward zero).

/** Configuration points → millipoints. */
export function toMilli(points: number): number {
  return Math.round(points * 1000);
}

/** The adjustment a factor makes to `millipoints`: millipoints × (factor − 1), truncated toward zero. */
export function adjustment(millipoints: number, factor: number): number {
  return Number((BigInt(millipoints) * BigInt(Math.round(factor * 1000) - 1000)) / 1000n);
}

/** The sum of a breakdown, exactly. */
export function exactSum(breakdown: EntryBody["breakdown"]): bigint {
  return breakdown.reduce((a, l) => a + BigInt(l.points), 0n);
}

// ---------------------------------------------------------------------------------------------------
// Entries

/**
 * Bodies as a ledger would hold them (seq in order; signatures are not looked at by the pure
 * functions these feed).
 */
export function asEntries(bodies: readonly EntryBody[], from = 0): Entry[] {
  return bodies.map((b, i) => ({ ...b, v: 1, seq: from + i, sig: { keyid: "test+00000000", sig: "" } }));
}

/** The award bodies among `bodies` (not the zero-point lifecycle `state` entries). */
export function awards(bodies: readonly EntryBody[]): EntryBody[] {
  return bodies.filter((b) => b.kind === "award");
}
