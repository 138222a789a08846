/**
 * A profile's entries, newest first, a page at a time: the profile shows the newest and numbered
 * pages under it the older ones, so that no page grows with a contributor's history.
 */
import type { EntryView, Profile } from "../../../src/aggregate/model.ts";
import { profileHref } from "./format.ts";

export const ENTRIES_PER_PAGE = 100;

export interface EntryPage {
  readonly entries: readonly EntryView[];
  /** From 1, the profile itself. */
  readonly page: number;
  /** At least 1, even with no entries. */
  readonly pages: number;
  /** Every entry of the profile. */
  readonly total: number;
  readonly prev?: string;
  readonly next?: string;
}

/** Where page `page` of `login`'s entries is. */
export function entryPageHref(login: string, page: number): string {
  return page === 1 ? profileHref(login) : `${profileHref(login)}entries/${page}/`;
}

/** Page `page` (from 1) of the profile's entries. */
export function entryPage(profile: Profile, page: number): EntryPage {
  const total = profile.entries.length;
  const pages = Math.max(1, Math.ceil(total / ENTRIES_PER_PAGE));
  const login = profile.person.login;
  return {
    entries: profile.entries.slice((page - 1) * ENTRIES_PER_PAGE, page * ENTRIES_PER_PAGE),
    page,
    pages,
    total,
    ...(page > 1 ? { prev: entryPageHref(login, page - 1) } : {}),
    ...(page < pages ? { next: entryPageHref(login, page + 1) } : {}),
  };
}

/** The pages after the first, which the profile page itself shows. */
export function olderEntryPages(profile: Profile): EntryPage[] {
  const pages = Math.max(1, Math.ceil(profile.entries.length / ENTRIES_PER_PAGE));
  return Array.from({ length: pages - 1 }, (_, i) => entryPage(profile, i + 2));
}
