/**
 * Badges: milestones derived from a contributor's aggregated record, each awarded once, as a
 * zero-point ledger entry that names the badge and the figures that earned it.
 */
import { type ContributorStats, foldEntries } from "../aggregate/contributors.ts";
import { type Entry, type EntryBody, factId } from "../ledger/entry.ts";

export type Rarity = "common" | "uncommon" | "rare" | "epic" | "legendary";

export interface BadgeDefinition {
  readonly name: string;
  readonly title: string;
  readonly rarity: Rarity;
  readonly description: string;
}

export const BADGES: readonly BadgeDefinition[] = [
  { name: "first-pr", title: "First merged pull request", rarity: "common", description: "Had a first pull request merged." },
  { name: "prs-10", title: "10 merged pull requests", rarity: "uncommon", description: "Had 10 pull requests merged." },
  { name: "prs-50", title: "50 merged pull requests", rarity: "rare", description: "Had 50 pull requests merged." },
  { name: "prs-100", title: "100 merged pull requests", rarity: "epic", description: "Had 100 pull requests merged." },
  { name: "first-review", title: "First review", rarity: "common", description: "Reviewed a pull request." },
  { name: "reviews-25", title: "25 reviews", rarity: "rare", description: "Reviewed 25 pull requests." },
  {
    name: "quality",
    title: "Quality contributor",
    rarity: "epic",
    description: "A mean maintainer rating of at least 4.5 over at least 5 rated pull requests.",
  },
  {
    name: "champion",
    title: "Project champion",
    rarity: "legendary",
    description: "The most merged pull requests in a repository in a month.",
  },
  { name: "streak-3", title: "3-month streak", rarity: "uncommon", description: "Active 3 consecutive months." },
  { name: "streak-6", title: "6-month streak", rarity: "rare", description: "Active 6 consecutive months." },
  { name: "streak-12", title: "12-month streak", rarity: "epic", description: "Active 12 consecutive months." },
];

/** The longest run of consecutive calendar months in `months` (YYYY-MM). */
export function longestStreak(months: ReadonlySet<string>): number {
  const index = [...months].map((m) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1).sort((a, b) => a - b);
  let best = 0;
  let run = 0;
  for (const [i, m] of index.entries()) {
    run = i > 0 && m === (index[i - 1] as number) + 1 ? run + 1 : 1;
    best = Math.max(best, run);
  }
  return best;
}

interface Earned {
  readonly badge: string;
  /** Distinguishes repeatable badges (the champion of each repository and month). */
  readonly scope?: string;
  readonly figures: Record<string, number | string>;
}

/** Badges `s` has earned by its record, whether or not already awarded. */
export function earned(s: ContributorStats): Earned[] {
  const out: Earned[] = [];
  for (const [n, name] of [
    [1, "first-pr"],
    [10, "prs-10"],
    [50, "prs-50"],
    [100, "prs-100"],
  ] as const) {
    if (s.mergedPrs >= n) out.push({ badge: name, figures: { merged_prs: s.mergedPrs } });
  }
  if (s.reviews >= 1) out.push({ badge: "first-review", figures: { reviews: s.reviews } });
  if (s.reviews >= 25) out.push({ badge: "reviews-25", figures: { reviews: s.reviews } });
  if (s.ratings.length >= 5) {
    // Mean ≥ 4.5 ⇔ 2·sum ≥ 9·count: compared in integers.
    const sum = s.ratings.reduce((a, b) => a + b, 0);
    if (2 * sum >= 9 * s.ratings.length) out.push({ badge: "quality", figures: { rated_prs: s.ratings.length, rating_sum: sum } });
  }
  const streak = longestStreak(s.activeMonths);
  for (const n of [3, 6, 12]) if (streak >= n) out.push({ badge: `streak-${n}`, figures: { longest_streak_months: streak } });
  return out;
}

/**
 * Monthly champions of a finished month: for each repository, whoever merged the most pull requests
 * (ties: every one of them).
 */
export function champions(stats: Iterable<ContributorStats>, month: string): Map<string, { ids: number[]; merged: number }> {
  const best = new Map<string, { ids: number[]; merged: number }>();
  for (const s of stats) {
    for (const [key, merged] of s.mergedByRepoMonth) {
      const [repo, m] = key.split(":") as [string, string];
      if (m !== month) continue;
      const b = best.get(repo);
      if (!b || merged > b.merged) best.set(repo, { ids: [s.id], merged });
      else if (merged === b.merged) b.ids.push(s.id);
    }
  }
  return best;
}

/** Entry bodies for badges `s` has earned and not yet been awarded. */
export function badgeEntries(
  s: ContributorStats,
  earnedBadges: readonly Earned[],
  at: { time: string; repo: EntryBody["repo"]; rules: string; source: EntryBody["source"]; url: string },
): EntryBody[] {
  return earnedBadges
    .filter((b) => !s.badges.has(b.scope ? `${b.badge}:${b.scope}` : b.badge))
    .map((b) => ({
      id: factId(`badge:${b.badge}:${s.id}${b.scope ? `:${b.scope}` : ""}`),
      kind: "badge" as const,
      time: at.time,
      repo: at.repo,
      actor: { id: s.id, login: s.login },
      subject: { type: "repository" as const, url: at.url },
      points: 0,
      breakdown: [],
      rules: at.rules,
      source: at.source,
      badge: b.badge,
      inputs: { ...b.figures, ...(b.scope ? { scope: b.scope } : {}) },
    }));
}

/**
 * Why a badge entry is not backed by the record before it, or undefined when it is. `before` holds
 * the contributor records folded from every entry that precedes the badge.
 */
export function badgeMismatch(
  entry: { actor: { id: number }; badge?: string; inputs?: Readonly<Record<string, unknown>> },
  before: ReadonlyMap<number, ContributorStats>,
): string | undefined {
  const name = entry.badge ?? "";
  if (!BADGES.some((b) => b.name === name)) return `badge '${name}' is not in the catalogue`;
  const stats = before.get(entry.actor.id);
  if (name === "champion") {
    const scope = String(entry.inputs?.scope ?? "");
    const [repo, month] = scope.split(":");
    const best = champions(before.values(), month ?? "").get(repo ?? "");
    return best?.ids.includes(entry.actor.id) ? undefined : `the record does not make this contributor the champion of ${scope}`;
  }
  if (!stats || !earned(stats).some((e) => e.badge === name)) return `the record before it does not earn badge '${name}'`;
  if (stats.badges.has(name)) return `badge '${name}' was already awarded`;
  return undefined;
}

/**
 * The badge entries a whole record earns and does not hold yet: every contributor's milestones, and
 * the champions of each month before `now`'s. Entries in seq order; `now` is when they are awarded.
 */
export function newBadges(entries: readonly Entry[], now: string, rules: string, source: EntryBody["source"]): EntryBody[] {
  const stats = foldEntries(entries);
  const repos = new Map<number, EntryBody["repo"]>();
  const lastRepo = new Map<number, EntryBody["repo"]>();
  for (const e of entries) {
    repos.set(e.repo.id, e.repo);
    lastRepo.set(e.actor.id, e.repo);
  }
  const at = (repo: EntryBody["repo"]) => ({ time: now, repo, rules, source, url: `https://github.com/${repo.name}` });
  const out: EntryBody[] = [];
  for (const s of stats.values()) {
    const repo = lastRepo.get(s.id);
    if (repo) out.push(...badgeEntries(s, earned(s), at(repo)));
  }
  const months = new Set(entries.map((e) => e.time.slice(0, 7)).filter((m) => m < now.slice(0, 7)));
  for (const month of [...months].sort()) {
    for (const [repoId, best] of champions(stats.values(), month)) {
      const repo = repos.get(Number(repoId)) as EntryBody["repo"];
      for (const id of best.ids) {
        const s = stats.get(id) as ContributorStats;
        out.push(...badgeEntries(s, [{ badge: "champion", scope: `${repoId}:${month}`, figures: { merged_prs: best.merged } }], at(repo)));
      }
    }
  }
  return out;
}

/** The ids of the badges (without a scope) an account may hold: a writer checks them through the id index. */
export function milestoneBadgeIds(accountId: number): Map<string, string> {
  return new Map(BADGES.filter((b) => b.name !== "champion").map((b) => [factId(`badge:${b.name}:${accountId}`), b.name]));
}
