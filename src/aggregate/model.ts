/**
 * What the site (and the CLI's summaries) show, as plain data computed from a verified ledger by
 * `aggregate()` in site-data.ts. Points are millipoints (integers); times are RFC 3339 UTC; months are
 * YYYY-MM. Every login here is already the display name: a pseudonym for opted-out contributors.
 */

/** A contributor as shown: `login` is a pseudonym when `pseudonymous`. */
export interface Person {
  readonly id: number;
  readonly login: string;
  readonly pseudonymous: boolean;
}

/** One row of a leaderboard. Equal points share a rank (1, 2, 2, 4); rows in rank order, ties by account id. */
export interface Row {
  readonly rank: number;
  /** Whether another row has the same rank. */
  readonly tied: boolean;
  readonly person: Person;
  readonly points: number;
  /** What the board counts besides points (merged pull requests, reviews…), by name. */
  readonly counts: Readonly<Record<string, number>>;
}

export interface Board {
  /** Stable identifier, used in URLs: `all-time`, `month-2026-11`, `repo-4242`, `skill-docs`, `reviewers`, `milestone-4242-v1.2`. */
  readonly slug: string;
  readonly title: string;
  readonly kind: "all-time" | "month" | "repository" | "skill" | "reviewers" | "milestone";
  readonly rows: readonly Row[];
}

export interface BadgeHeld {
  readonly badge: string;
  readonly title: string;
  readonly rarity: "common" | "uncommon" | "rare" | "epic" | "legendary";
  readonly scope?: string;
  readonly time: string;
  /** Share of contributors holding it, 0…1. */
  readonly share: number;
}

export type PrState = "open" | "under_review" | "changes_requested" | "merged" | "closed";

/** One entry behind a contributor's points, as the profile lists it. */
export interface EntryView {
  readonly seq: number;
  readonly id: string;
  readonly kind: string;
  readonly time: string;
  readonly repo: string;
  readonly subject: { readonly type: string; readonly number?: number; readonly url: string };
  readonly points: number;
  readonly breakdown: readonly { readonly rule: string; readonly points: number; readonly note?: string }[];
  readonly reason?: string;
  readonly by?: string;
}

export interface Profile {
  readonly person: Person;
  readonly points: number;
  readonly rank: number;
  /** Points still needed to reach the next rank up; undefined at rank 1. */
  readonly toNextRank?: number;
  /** Share of all points, 0…1. */
  readonly share: number;
  /** Cumulative points at the end of each month with activity, oldest first. */
  readonly overTime: readonly { readonly month: string; readonly points: number }[];
  /** Scored entries per day (YYYY-MM-DD) over the last year of the ledger. */
  readonly calendar: readonly { readonly day: string; readonly count: number }[];
  readonly badges: readonly BadgeHeld[];
  readonly prs: Readonly<Record<PrState, number>>;
  readonly reviews: number;
  readonly skills: readonly string[];
  readonly entries: readonly EntryView[];
}

/** A median and 90th percentile, in hours, over `count` samples. */
export interface Spread {
  readonly count: number;
  readonly median: number;
  readonly p90: number;
}

export interface RepoHealth {
  readonly id: number;
  readonly name: string;
  /** Merged / (merged + closed without merging), over the whole record. */
  readonly acceptance: number | undefined;
  readonly byMonth: readonly {
    readonly month: string;
    readonly timeToFirstReview: Spread | undefined;
    readonly timeToMerge: Spread | undefined;
    readonly newContributors: number;
    readonly returningContributors: number;
  }[];
  /** Reviews given per reviewer, most first. */
  readonly reviewLoad: readonly { readonly person: Person; readonly reviews: number }[];
  /** The smallest set of people doing half of the repository's points, most first. */
  readonly concentration: readonly Person[];
}

export interface LedgerStatus {
  readonly origin: string;
  readonly entries: number;
  readonly root: string;
  readonly checkpoint: string;
  readonly keys: readonly string[];
  readonly verifiedAt: string;
}

export interface SiteData {
  readonly status: LedgerStatus;
  readonly boards: readonly Board[];
  readonly profiles: readonly Profile[];
  readonly repos: readonly RepoHealth[];
  /** The badge catalogue with its holders. */
  readonly badges: readonly {
    readonly badge: string;
    readonly title: string;
    readonly rarity: string;
    readonly description: string;
    readonly holders: readonly Person[];
  }[];
  /** Recent awards, newest first (for the home page and the feed). */
  readonly recent: readonly (EntryView & { readonly person: Person })[];
  /** Months with entries, newest first. */
  readonly months: readonly string[];
}
