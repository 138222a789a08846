/**
 * Every leaderboard, filled in one pass over the scored entries (award, bonus, penalty, reversal):
 * all time, per month, per repository, per skill, reviewers, and per milestone.
 */
import { createHash } from "node:crypto";
import type { Entry } from "../ledger/entry.ts";
import type { Board, Person } from "./model.ts";
import type { PullRecord } from "./pull-requests.ts";
import { Tally } from "./ranking.ts";
import type { SkillsOf } from "./skills.ts";

/** Names of what rows count besides points: awards recorded for merged pull requests and for reviews. */
export const MERGED = "merged";
export const REVIEWS = "reviews";

export interface BoardSet {
  readonly allTime: Board;
  /** Newest first. */
  readonly months: readonly Board[];
  readonly repos: ReadonlyMap<number, Board>;
  /** By skill name. */
  readonly skills: readonly Board[];
  readonly reviewers: Board;
  /** By repository id, then slug. */
  readonly milestones: readonly Board[];
}

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

function monthTitle(month: string): string {
  return `${MONTH_NAMES[Number(month.slice(5, 7)) - 1] ?? month.slice(5, 7)} ${month.slice(0, 4)}`;
}

/** A URL-safe form of a milestone title; titles made only of other characters get a hash instead. */
export function slugify(title: string): string {
  const slug = title
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "");
  return slug === "" ? `m${createHash("sha256").update(title, "utf8").digest("hex").slice(0, 8)}` : slug;
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The tally under `key`, made on first use (no closure per call: this runs for every entry). */
function tallyOf<K>(map: Map<K, Tally>, key: K, countNames: readonly string[]): Tally {
  let t = map.get(key);
  if (t === undefined) {
    t = new Tally(countNames);
    map.set(key, t);
  }
  return t;
}

const GENERAL = [MERGED, REVIEWS];
const SKILL = [MERGED];

export class Leaderboards {
  readonly #allTime = new Tally(GENERAL);
  readonly #months = new Map<string, Tally>();
  readonly #repos = new Map<number, Tally>();
  readonly #skills = new Map<string, Tally>();
  readonly #reviewers = new Tally([REVIEWS]);
  /**
   * The skills of skill-bearing awards, by entry id: adjustments and reversals name their award in
   * `ref`, and count toward the same skills (a voided documentation award leaves the docs board too).
   */
  readonly #skillsById = new Map<string, readonly string[]>();
  readonly #skillsOf: SkillsOf;

  constructor(skillsOf: SkillsOf) {
    this.#skillsOf = skillsOf;
  }

  /** Takes a scored entry credited to `person`. */
  add(e: Entry, person: Person): void {
    const family = e.kind === "award" ? e.inputs?.family : undefined;
    const counted = family === "pr_merged" ? MERGED : family === "review" ? REVIEWS : undefined;
    this.#allTime.add(person, e.points, counted);
    tallyOf(this.#months, e.time.slice(0, 7), GENERAL).add(person, e.points, counted);
    tallyOf(this.#repos, e.repo.id, GENERAL).add(person, e.points, counted);
    // Review awards, and the entries that adjust or reverse them, keep the review as their subject.
    if (e.subject.type === "review") this.#reviewers.add(person, e.points, counted);
    const skills = e.kind === "award" ? this.#skillsOf(e.inputs?.labels) : e.ref === undefined ? undefined : this.#skillsById.get(e.ref);
    if (skills === undefined || skills.length === 0) return;
    if (e.kind === "award") this.#skillsById.set(e.id, skills);
    for (const skill of skills) tallyOf(this.#skills, skill, SKILL).add(person, e.points, counted);
  }

  /**
   * The boards. Milestone boards come from merged pull requests with a milestone: each credits the
   * author with their points for that pull request. `repoName` gives a repository's displayed name,
   * `redact` cleans milestone titles (free text).
   */
  boards(prs: Iterable<PullRecord>, repoName: (id: number) => string, redact: (text: string) => string): BoardSet {
    const milestones = new Map<string, { repo: number; title: string; tally: Tally }>();
    for (const pr of prs) {
      if (pr.mergedAt === undefined || pr.milestone === undefined || pr.author === undefined) continue;
      const title = redact(pr.milestone);
      const slug = `milestone-${pr.repo}-${slugify(title)}`;
      let m = milestones.get(slug);
      if (!m) {
        m = { repo: pr.repo, title, tally: new Tally([MERGED]) };
        milestones.set(slug, m);
      }
      m.tally.add(pr.author, pr.points.get(pr.author.id) ?? 0, MERGED);
    }
    const sorted = <K>(map: Map<K, unknown>, order: (a: K, b: K) => number) => [...map.keys()].sort(order);
    const tally = <K>(map: Map<K, Tally>, key: K) => map.get(key) as Tally;

    return {
      allTime: { slug: "all-time", title: "All time", kind: "all-time", rows: this.#allTime.rows() },
      months: sorted(this.#months, (a, b) => compareText(b, a)).map((month) => ({
        slug: `month-${month}`,
        title: monthTitle(month),
        kind: "month",
        rows: tally(this.#months, month).rows(),
      })),
      repos: new Map(
        sorted(this.#repos, (a, b) => a - b).map((id) => [
          id,
          { slug: `repo-${id}`, title: repoName(id), kind: "repository", rows: tally(this.#repos, id).rows() },
        ]),
      ),
      skills: sorted(this.#skills, compareText).map((skill) => ({
        slug: `skill-${skill}`,
        title: `Skill: ${skill}`,
        kind: "skill",
        rows: tally(this.#skills, skill).rows(),
      })),
      reviewers: { slug: "reviewers", title: "Reviewers", kind: "reviewers", rows: this.#reviewers.rows() },
      milestones: [...milestones]
        .sort(([sa, a], [sb, b]) => a.repo - b.repo || compareText(sa, sb))
        .map(([slug, m]) => ({ slug, title: `${repoName(m.repo)} · ${m.title}`, kind: "milestone", rows: m.tally.rows() })),
    };
  }
}
