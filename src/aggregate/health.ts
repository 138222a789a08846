/**
 * Repository health, after the CHAOSS metrics of the same names: change request acceptance ratio,
 * time to first response (first review), time to close (merge), new and returning contributors,
 * review load, and contributor concentration (the "bus factor": how few people do half the work).
 */
import type { Entry } from "../ledger/entry.ts";
import type { Board, Person, RepoHealth, Row, Spread } from "./model.ts";
import type { PullRecord } from "./pull-requests.ts";

const HOUR_MS = 3_600_000;

/**
 * Median and 90th percentile by the nearest-rank method: the p-th percentile of n sorted samples is
 * the ⌈p·n/100⌉-th smallest, always an observed value (so the median of an even count is the lower
 * middle one, not the mean of the two).
 */
export function spread(samples: readonly number[]): Spread | undefined {
  if (samples.length === 0) return undefined;
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.ceil((p * sorted.length) / 100) - 1] as number;
  return { count: sorted.length, median: at(50), p90: at(90) };
}

/** The fewest people, most points first, whose points reach half the positive points of `rows` (ranked rows). */
export function concentration(rows: readonly Row[]): Person[] {
  const positive = rows.reduce((sum, r) => sum + Math.max(r.points, 0), 0);
  const out: Person[] = [];
  let covered = 0;
  for (const r of rows) {
    if (positive === 0 || 2 * covered >= positive) break;
    out.push(r.person);
    covered += r.points;
  }
  return out;
}

interface Month {
  readonly firstReview: number[];
  readonly merge: number[];
  /** Who had scored entries in the repository this month. */
  readonly active: Set<number>;
}

interface Repo {
  readonly months: Map<string, Month>;
  /** Review awards per reviewer id. */
  readonly reviews: Map<number, { readonly person: Person; count: number }>;
}

/** Collects, per repository, who was active in which month and who reviewed, from scored entries. */
export class RepoActivity {
  readonly #repos = new Map<number, Repo>();

  add(e: Entry, person: Person): void {
    const repo = this.#repo(e.repo.id);
    month(repo, e.time).active.add(person.id);
    if (e.kind !== "award" || e.inputs?.family !== "review") return;
    const r = repo.reviews.get(person.id);
    if (r) r.count++;
    else repo.reviews.set(person.id, { person, count: 1 });
  }

  /**
   * Health of every repository in `names` (id → displayed name), by id. `prs` gives the review and
   * merge times; `boards` each repository's ranked points, for concentration.
   */
  health(names: ReadonlyMap<number, string>, prs: Iterable<PullRecord>, boards: ReadonlyMap<number, Board>): RepoHealth[] {
    const decided = new Map<number, { merged: number; closed: number }>();
    for (const pr of prs) {
      const repo = this.#repo(pr.repo);
      const d = decided.get(pr.repo) ?? { merged: 0, closed: 0 };
      decided.set(pr.repo, d);
      if (pr.mergedAt !== undefined) d.merged++;
      else if (pr.closedAt !== undefined) d.closed++;
      if (pr.createdAt === undefined) continue;
      const opened = Date.parse(pr.createdAt);
      // A sample belongs to the month of the event that ends the wait: the first review, the merge.
      if (pr.firstReviewAt !== undefined && Date.parse(pr.firstReviewAt) >= opened) {
        month(repo, pr.firstReviewAt).firstReview.push((Date.parse(pr.firstReviewAt) - opened) / HOUR_MS);
      }
      if (pr.mergedAt !== undefined && Date.parse(pr.mergedAt) >= opened) {
        month(repo, pr.mergedAt).merge.push((Date.parse(pr.mergedAt) - opened) / HOUR_MS);
      }
    }
    return [...names.keys()]
      .sort((a, b) => a - b)
      .map((id) => {
        const repo = this.#repo(id);
        const d = decided.get(id);
        const seen = new Set<number>();
        const byMonth = [...repo.months.keys()].sort().map((m) => {
          const { firstReview, merge, active } = repo.months.get(m) as Month;
          let returning = 0;
          for (const p of active) if (seen.has(p)) returning++;
          for (const p of active) seen.add(p);
          return {
            month: m,
            timeToFirstReview: spread(firstReview),
            timeToMerge: spread(merge),
            newContributors: active.size - returning,
            returningContributors: returning,
          };
        });
        return {
          id,
          name: names.get(id) as string,
          acceptance: d && d.merged + d.closed > 0 ? d.merged / (d.merged + d.closed) : undefined,
          byMonth,
          reviewLoad: [...repo.reviews.values()]
            .sort((a, b) => b.count - a.count || a.person.id - b.person.id)
            .map((r) => ({ person: r.person, reviews: r.count })),
          concentration: concentration(boards.get(id)?.rows ?? []),
        };
      });
  }

  #repo(id: number): Repo {
    let r = this.#repos.get(id);
    if (!r) {
      r = { months: new Map(), reviews: new Map() };
      this.#repos.set(id, r);
    }
    return r;
  }
}

function month(repo: Repo, time: string): Month {
  const key = time.slice(0, 7);
  let m = repo.months.get(key);
  if (!m) {
    m = { firstReview: [], merge: [], active: new Set() };
    repo.months.set(key, m);
  }
  return m;
}
