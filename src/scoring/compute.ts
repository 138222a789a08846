/**
 * The rules, applied: a claim's measured inputs and its context in, points and a rule-by-rule
 * breakdown out. Pure and total, and the only place points are computed, so that scoring, `explain`,
 * `verify --recompute` and `simulate` cannot disagree.
 */
import picomatch from "picomatch";
import type { RuleContribution } from "../ledger/entry.ts";
import type { PointsKey, ResolvedConfig } from "./config.ts";
import { clamp, milli, perMille, scale } from "./units.ts";

/** What is scored, and under which base rule. */
export type Family =
  | "pr_merged"
  | "pr_opened"
  | "commits"
  | "review"
  | "review_comment"
  | "issue_opened"
  | "issue_closed"
  | "comment"
  | "release";

/** A file of a merged pull request: path, added, deleted, and whether only white space changed. */
export type FileSize = readonly [path: string, additions: number, deletions: number, whitespaceOnly: boolean];

/** Measured values of the fact: everything the rules look at, and nothing that depends on them. */
export interface Inputs {
  readonly author_type: "User" | "Bot" | "Organization";
  readonly login: string;
  readonly labels?: readonly string[];
  /** Merged pull requests: sizes. `files` is absent when GitHub did not list every file. */
  readonly additions?: number;
  readonly deletions?: number;
  readonly files?: readonly FileSize[];
  readonly own_repository?: boolean;
  /** Commits of a merged pull request credited to this person (authored or co-authored). */
  readonly commits?: number;
  readonly review_state?: "approved" | "changes_requested" | "commented";
  readonly self_review?: boolean;
  /** Issue closed: whether this claim is the closer's or the author's, and why it closed. */
  readonly role?: "closer" | "author";
  readonly close_reason?: "completed" | "not_planned";
}

/** What the ledger held before this claim: per contributor, repository and month (UTC). */
export interface Context {
  /** Millipoints already earned this month in this repository. */
  readonly month_points: number;
  /** Pull requests merged this month in this repository, before this one. */
  readonly month_merged: number;
  /** Pull requests opened this day (UTC), before this one. */
  readonly day_opened: number;
  /** The maintainers' rating of the pull request, when there is one. */
  readonly rating?: 1 | 2 | 3 | 4 | 5;
}

export const EMPTY_CONTEXT: Context = { month_points: 0, month_merged: 0, day_opened: 0 };

export interface Computed {
  readonly points: number;
  readonly breakdown: readonly RuleContribution[];
}

const BASE: Record<Family, PointsKey> = {
  pr_merged: "pr_merged",
  pr_opened: "pr_opened",
  commits: "commit",
  review: "review",
  review_comment: "review_comment",
  issue_opened: "issue_opened",
  issue_closed: "issue_closed",
  comment: "comment",
  release: "release",
};

/** Label matching ignores case and white space around a colon: `GSSoC: approved` = `gssoc:approved`. */
export function normalizeLabel(label: string): string {
  return label
    .trim()
    .toLowerCase()
    .replace(/\s*:\s*/g, ":")
    .replace(/\s+/g, " ");
}

export function isBot(inputs: Inputs, rules: ResolvedConfig): boolean {
  if (!rules.bots.exclude) return false;
  return (
    inputs.author_type === "Bot" ||
    inputs.login.endsWith("[bot]") ||
    rules.bots.logins.some((l) => l.toLowerCase() === inputs.login.toLowerCase())
  );
}

/** Lines counted by the line rule: every file not excluded (or the totals when files are unknown). */
export function countedLines(inputs: Inputs, rules: ResolvedConfig): { added: number; deleted: number; whitespaceOnly: boolean } {
  if (!inputs.files) return { added: inputs.additions ?? 0, deleted: inputs.deletions ?? 0, whitespaceOnly: false };
  const excluded = picomatch([...rules.lines.exclude], { dot: true });
  const counted = inputs.files.filter(([path]) => !excluded(path));
  return {
    added: counted.reduce((a, f) => a + f[1], 0),
    deleted: counted.reduce((a, f) => a + f[2], 0),
    whitespaceOnly: counted.length > 0 && counted.every((f) => f[3]),
  };
}

/** The size tier a merged pull request reaches, if any. */
export function sizeTier(lines: number, rules: ResolvedConfig): ResolvedConfig["size_tiers"][number] | undefined {
  return [...rules.size_tiers].sort((a, b) => b.lines - a.lines).find((t) => lines >= t.lines);
}

/**
 * Points and breakdown of one claim, or undefined when the rules do not score it at all (a bot, or
 * the party a credit rule does not name). Steps run in a fixed order; each adjustment is its own
 * breakdown line, so "why is my score this?" has an answer line by line.
 */
export function compute(family: Family, inputs: Inputs, context: Context, rules: ResolvedConfig): Computed | undefined {
  if (isBot(inputs, rules)) return undefined;
  if (family === "issue_closed" && (inputs.close_reason !== "completed" || rules.credit.issue_closed !== inputs.role)) return undefined;
  const lines: RuleContribution[] = [];
  const total = () => lines.reduce((a, l) => a + l.points, 0);
  // Each line is limited so that the running total stays within ±MAX_MILLIPOINTS: extreme but valid
  // configurations still give entries the ledger accepts, and the lines still sum to the points.
  const add = (rule: string, points: number, note?: string) => {
    const limited = clamp(total() + points) - total();
    if (limited !== 0) lines.push({ rule, points: limited, ...(note ? { note } : {}) });
  };

  let base = milli(rules.points[BASE[family]]);
  if (family === "commits") base = clamp(base * (inputs.commits ?? 0));
  if (family === "review") base = scale(base, perMille(rules.review_states[inputs.review_state ?? "commented"]));
  add(`${family.replace("_", ".")}`, base, family === "commits" ? `${inputs.commits} commit(s)` : undefined);

  let lowValue = false;
  if (family === "pr_merged") {
    const { added, deleted, whitespaceOnly } = countedLines(inputs, rules);
    const linePoints = Math.min(
      milli(rules.lines.cap),
      clamp(added * milli(rules.lines.per_added) + deleted * milli(rules.lines.per_deleted)),
    );
    add("pr.lines", linePoints, `${added} added, ${deleted} deleted`);
    const tier = sizeTier(added + deleted, rules);
    if (tier) add("pr.size_tier", milli(tier.bonus), `${tier.lines}+ lines`);
    lowValue = whitespaceOnly || added + deleted < rules.limits.low_value_lines;
  }

  // Label modifiers: additions first, then multipliers, each matching rule once, in configuration order.
  const labels = new Set((inputs.labels ?? []).map(normalizeLabel));
  const matching = rules.labels.filter((r) =>
    (typeof r.match === "string" ? [r.match] : r.match).some((m) => labels.has(normalizeLabel(m))),
  );
  const labelNote = (r: (typeof matching)[number]) => (typeof r.match === "string" ? r.match : r.match.join(", "));
  for (const r of matching) if (r.add !== undefined) add("label.add", milli(r.add), labelNote(r));
  for (const r of matching) if (r.multiply !== undefined) add("label.multiply", scale(total(), perMille(r.multiply) - 1000), labelNote(r));

  if (context.rating !== undefined && (family === "pr_merged" || family === "commits")) {
    add("rating", scale(total(), perMille(rules.ratings[String(context.rating) as "1"]) - 1000), `rated ${context.rating}`);
  }
  if (lowValue) add("limits.low_value", milli(rules.limits.low_value_points) - total(), "whitespace-only or trivially small change");
  if (family === "pr_merged" && rules.limits.diminishing_after > 0 && context.month_merged >= rules.limits.diminishing_after) {
    add(
      "limits.diminishing",
      scale(total(), perMille(rules.limits.diminishing_factor) - 1000),
      `${context.month_merged} merged this month`,
    );
  }
  if (family === "pr_opened" && rules.limits.daily_prs > 0 && context.day_opened >= rules.limits.daily_prs) {
    add("limits.daily_prs", -total(), `${context.day_opened} opened today`);
  }
  if (inputs.own_repository && !rules.limits.own_repository) add("limits.own_repository", -total(), "own repository");
  if (inputs.self_review && !rules.limits.self_review) add("limits.self_review", -total(), "review of one's own pull request");
  if (matching.some((r) => r.void))
    add(
      "label.void",
      -total(),
      matching
        .filter((r) => r.void)
        .map(labelNote)
        .join(", "),
    );

  const cap = milli(rules.limits.monthly_cap);
  if (cap > 0 && total() > 0 && context.month_points + total() > cap) {
    add("limits.monthly_cap", Math.max(cap - context.month_points, 0) - total(), `cap ${rules.limits.monthly_cap} a month`);
  }
  return { points: total(), breakdown: lines };
}
