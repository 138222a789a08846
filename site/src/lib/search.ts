/**
 * The search index, built from the site's data while Astro renders the pages: a record per profile
 * and per repository, what search finds. Pagefind indexes in its own process, so this shares the
 * build's time with the rendering instead of reading every page back once they are all written;
 * pagefind-integration.mjs writes the index when the build is done.
 */
import * as pagefind from "pagefind";
import type { SiteData } from "../../../src/aggregate/model.ts";

/** Where the integration finds the index: it and the pages are bundled apart, but run in one process. */
export const SEARCH_INDEX = Symbol.for("meritlog.search-index");

type Index = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>["index"]>;

async function indexed(data: SiteData): Promise<Index> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`pagefind: ${errors.join("; ")}`);
  const records = [
    ...data.profiles.map((p) => ({
      url: `/u/${encodeURIComponent(p.person.login)}/`,
      title: p.person.login,
      words: [p.person.login, ...p.skills],
    })),
    ...data.repos.map((r) => ({ url: `/repos/${r.id}/`, title: r.name, words: [r.name] })),
  ];
  const added = await Promise.all(
    records.map((r) => index.addCustomRecord({ url: r.url, content: r.words.join(" "), language: "en", meta: { title: r.title } })),
  );
  const failed = added.flatMap((a) => a.errors);
  if (failed.length > 0) throw new Error(`pagefind: ${failed.join("; ")}`);
  return index;
}

/** Starts indexing `data`; the integration awaits it. */
export function indexSearch(data: SiteData): void {
  (globalThis as Record<symbol, unknown>)[SEARCH_INDEX] = indexed(data);
}

/** The index the pages started, once complete. */
export async function searchIndex(): Promise<Index> {
  const pending = (globalThis as Record<symbol, Promise<Index> | undefined>)[SEARCH_INDEX];
  if (!pending) throw new Error("no search index: no page loaded the site's data");
  return pending;
}
