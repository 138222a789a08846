/**
 * One profile per person on the all-time board: their standing, their points over time, their
 * activity calendar, badges, pull requests, reviews, skills and every scored entry behind it all.
 */
import type { BadgeHolders } from "./badge-holders.ts";
import { newestFirst } from "./entry-view.ts";
import type { Board, EntryView, Profile, PrState } from "./model.ts";
import { type PullRecord, prState } from "./pull-requests.ts";

const DAY_MS = 86_400_000;
/** The calendar's span: a year of days, ending on the last day (inclusive). */
const CALENDAR_DAYS = 365;

/** Gathers each person's scored entries (as shown) and review count, as the entries go by. */
export class Contributions {
  readonly #people = new Map<number, { readonly views: EntryView[]; reviews: number }>();

  add(personId: number, view: EntryView, isReview: boolean): void {
    let p = this.#people.get(personId);
    if (!p) {
      p = { views: [], reviews: 0 };
      this.#people.set(personId, p);
    }
    p.views.push(view);
    if (isReview) p.reviews++;
  }

  of(personId: number): { readonly views: EntryView[]; readonly reviews: number } {
    return this.#people.get(personId) ?? { views: [], reviews: 0 };
  }
}

export interface ProfileSources {
  readonly allTime: Board;
  readonly skills: readonly Board[];
  readonly contributions: Contributions;
  readonly badges: BadgeHolders;
  readonly prs: Iterable<PullRecord>;
  /** The calendar's last day, YYYY-MM-DD. */
  readonly lastDay: string;
}

export function profiles(s: ProfileSources): Profile[] {
  const rows = s.allTime.rows;
  if (rows.length === 0) return [];
  // Shares of positive points: a negative total is no share, and the shares still sum to 1.
  const positive = rows.reduce((sum, r) => sum + Math.max(r.points, 0), 0);
  const firstDay = new Date(Date.parse(`${s.lastDay}T00:00:00Z`) - (CALENDAR_DAYS - 1) * DAY_MS).toISOString().slice(0, 10);
  const prs = prsByAuthor(s.prs);
  const skills = new Map<number, string[]>();
  for (const board of s.skills) {
    const skill = board.slug.slice("skill-".length);
    for (const r of board.rows) {
      const held = skills.get(r.person.id);
      if (held) held.push(skill);
      else skills.set(r.person.id, [skill]);
    }
  }

  let nextUp: number | undefined;
  return rows.map((row, i) => {
    const above = rows[i - 1];
    if (above && above.points !== row.points) nextUp = above.points;
    const { views, reviews } = s.contributions.of(row.person.id);
    const entries = views.sort(newestFirst);
    const profile: { -readonly [K in keyof Profile]: Profile[K] } = {
      person: row.person,
      points: row.points,
      rank: row.rank,
      share: positive === 0 ? 0 : Math.max(row.points, 0) / positive,
      overTime: overTime(entries),
      calendar: calendar(entries, firstDay, s.lastDay),
      badges: s.badges.held(row.person.id, rows.length),
      prs: prs.get(row.person.id) ?? noPrs(),
      reviews,
      skills: skills.get(row.person.id) ?? [],
      entries,
    };
    if (row.rank > 1 && nextUp !== undefined) profile.toNextRank = nextUp - row.points;
    return profile;
  });
}

function noPrs(): Record<PrState, number> {
  return { open: 0, under_review: 0, changes_requested: 0, merged: 0, closed: 0 };
}

function prsByAuthor(prs: Iterable<PullRecord>): Map<number, Record<PrState, number>> {
  const out = new Map<number, Record<PrState, number>>();
  for (const pr of prs) {
    if (pr.author === undefined) continue;
    const counts = out.get(pr.author.id) ?? noPrs();
    out.set(pr.author.id, counts);
    counts[prState(pr)]++;
  }
  return out;
}

/** Cumulative points at the end of each month the person has entries in; `views` newest first. */
function overTime(views: readonly EntryView[]): { month: string; points: number }[] {
  const out: { month: string; points: number }[] = [];
  let total = 0;
  // Oldest first, a month's entries are consecutive: no map, and one substring per month.
  for (let i = views.length - 1; i >= 0; i--) {
    const v = views[i] as EntryView;
    total += v.points;
    const last = out[out.length - 1];
    if (last && v.time.startsWith(last.month)) last.points = total;
    else out.push({ month: v.time.slice(0, 7), points: total });
  }
  return out;
}

/** Entries that changed the score, per day from `first` to `last` (YYYY-MM-DD); `views` newest first. */
function calendar(views: readonly EntryView[], first: string, last: string): { day: string; count: number }[] {
  const out: { day: string; count: number }[] = [];
  const end = `${last}T23:59:59Z`;
  for (let i = views.length - 1; i >= 0; i--) {
    const v = views[i] as EntryView;
    if (v.points === 0 || v.time < first || v.time > end) continue;
    const day = out[out.length - 1];
    if (day && v.time.startsWith(day.day)) day.count++;
    else out.push({ day: v.time.slice(0, 10), count: 1 });
  }
  return out;
}
