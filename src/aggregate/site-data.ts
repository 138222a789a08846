/**
 * The static site's data, computed from a verified ledger: leaderboards, profiles, repository
 * health, the badge catalogue and the latest awards. Pure, and linear in the ledger: one pass to
 * learn identities, one pass to fill every collector, then work per person, board or repository.
 */
import type { Entry } from "../ledger/entry.ts";
import { DEFAULTS, type ResolvedConfig } from "../scoring/config.ts";
import { BadgeHolders } from "./badge-holders.ts";
import { entryView, newestFirst } from "./entry-view.ts";
import { RepoActivity } from "./health.ts";
import { identities } from "./identities.ts";
import { Leaderboards } from "./leaderboards.ts";
import type { EntryView, LedgerStatus, Person, SiteData } from "./model.ts";
import { Contributions, profiles } from "./profiles.ts";
import { PullRequests } from "./pull-requests.ts";
import { skillMatcher } from "./skills.ts";

export interface AggregateOptions {
  /** The rules whose label `skill`s make the skill boards; default: the documented defaults. */
  readonly rules?: ResolvedConfig;
  /** Ends the profiles' one-year calendar on this time's day; default: the latest entry's day. */
  readonly now?: string;
}

/** How many of the newest point-changing entries `recent` keeps. */
export const RECENT = 50;

/** The kinds whose points make up scores: the others (badge, state, command) carry none. */
const SCORED = new Set<string>(["award", "bonus", "penalty", "reversal"]);

/**
 * `entries` in seq order, already verified. They are iterated twice, identities first and then every
 * collector, and nothing keeps them: a source may read them afresh each time rather than hold a
 * large ledger in memory.
 */
export function aggregate(entries: Iterable<Entry>, status: LedgerStatus, options: AggregateOptions = {}): SiteData {
  // Repositories are keyed by id and shown under the latest name the ledger records for them.
  const recorded = new Map<number, string>();
  let latest = "";
  const ids = identities(
    seeing(entries, (e) => {
      recorded.set(e.repo.id, e.repo.name);
      if (e.time > latest) latest = e.time;
    }),
  );
  const names = new Map([...recorded].map(([id, name]) => [id, ids.redact(name)]));
  const repoName = (id: number) => names.get(id) as string;

  const leaderboards = new Leaderboards(skillMatcher(options.rules ?? DEFAULTS));
  const prs = new PullRequests();
  const activity = new RepoActivity();
  const contributions = new Contributions();
  const badges = new BadgeHolders();
  const recent = new Newest(RECENT);
  for (const e of entries) {
    const person = ids.person(e.actor.id);
    const scored = SCORED.has(e.kind);
    prs.add(e, person, scored);
    if (e.kind === "badge") badges.add(e, person);
    if (!scored) continue;
    const view = entryView(e, repoName(e.repo.id), ids);
    leaderboards.add(e, person);
    activity.add(e, person);
    contributions.add(person.id, view, e.kind === "award" && e.inputs?.family === "review");
    if (e.points !== 0) recent.offer(view, person);
  }

  const boards = leaderboards.boards(prs.records(), repoName, ids.redact);
  return {
    status,
    boards: [boards.allTime, ...boards.months, ...boards.repos.values(), ...boards.skills, boards.reviewers, ...boards.milestones],
    profiles: profiles({
      allTime: boards.allTime,
      skills: boards.skills,
      contributions,
      badges,
      prs: prs.records(),
      lastDay: (options.now ?? latest).slice(0, 10),
    }),
    repos: activity.health(names, prs.records(), boards.repos),
    badges: badges.catalogue(),
    recent: recent.list(),
    months: boards.months.map((b) => b.slug.slice("month-".length)),
  };
}

/** `entries`, each shown to `see` as it goes by. */
function* seeing(entries: Iterable<Entry>, see: (e: Entry) => void): Generator<Entry> {
  for (const e of entries) {
    see(e);
    yield e;
  }
}

/** The `size` newest entries offered, kept sorted as they come: no sort of the whole ledger. */
class Newest {
  readonly #size: number;
  readonly #kept: (EntryView & { readonly person: Person })[] = [];

  constructor(size: number) {
    this.#size = size;
  }

  offer(view: EntryView, person: Person): void {
    const kept = this.#kept;
    const last = kept[kept.length - 1];
    if (kept.length === this.#size && last && newestFirst(view, last) >= 0) return;
    let i = kept.length;
    while (i > 0 && newestFirst(view, kept[i - 1] as EntryView) < 0) i--;
    kept.splice(i, 0, { ...view, person });
    if (kept.length > this.#size) kept.pop();
  }

  list(): readonly (EntryView & { readonly person: Person })[] {
    return this.#kept;
  }
}
