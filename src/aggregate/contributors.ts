/**
 * The ledger folded into per-contributor facts and totals: one aggregation that badges, the CLI and
 * the site share. Pure: entries in seq order in, summaries out.
 */
import type { Entry } from "../ledger/entry.ts";

export interface ContributorStats {
  readonly id: number;
  login: string;
  /** Millipoints, reversals and penalties included. */
  points: number;
  mergedPrs: number;
  reviews: number;
  /** Maintainers' ratings of this contributor's pull requests. */
  ratings: number[];
  /** Calendar months (YYYY-MM, UTC) with at least one scored entry. */
  activeMonths: Set<string>;
  /** Merged pull requests by repository and month, for the monthly champion. */
  mergedByRepoMonth: Map<string, number>;
  badges: Set<string>;
}

function blank(id: number, login: string): ContributorStats {
  return {
    id,
    login,
    points: 0,
    mergedPrs: 0,
    reviews: 0,
    ratings: [],
    activeMonths: new Set(),
    mergedByRepoMonth: new Map(),
    badges: new Set(),
  };
}

/** Folds entries (in seq order) into `stats`, which may already hold earlier entries. */
export function foldEntries(entries: Iterable<Entry>, stats: Map<number, ContributorStats> = new Map()): Map<number, ContributorStats> {
  for (const e of entries) {
    const s = stats.get(e.actor.id) ?? blank(e.actor.id, e.actor.login);
    stats.set(e.actor.id, s);
    s.login = e.actor.login;
    s.points += e.points;
    const family = e.inputs?.family;
    if (e.kind === "award" && e.points !== 0) s.activeMonths.add(e.time.slice(0, 7));
    if (e.kind === "award" && family === "pr_merged") {
      s.mergedPrs++;
      const key = `${e.repo.id}:${e.time.slice(0, 7)}`;
      s.mergedByRepoMonth.set(key, (s.mergedByRepoMonth.get(key) ?? 0) + 1);
    }
    if (e.kind === "award" && family === "review") s.reviews++;
    if (e.kind === "command" && typeof e.inputs?.rating === "number") {
      // A rating is credited to the rated pull request's author, named in the command's inputs.
      const author = e.inputs.author_id;
      if (typeof author === "number") {
        const a = stats.get(author) ?? blank(author, String(e.inputs.author_login ?? author));
        stats.set(author, a);
        a.ratings.push(e.inputs.rating);
      }
    }
    if (e.kind === "badge" && e.badge) s.badges.add(`${e.badge}${typeof e.inputs?.scope === "string" ? `:${e.inputs.scope}` : ""}`);
  }
  return stats;
}
