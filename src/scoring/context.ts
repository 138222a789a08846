/**
 * A claim's context from the entries before it: what the contributor already earned this month in
 * the repository, how many pull requests they merged this month and opened today. Awards count, in
 * the same way `simulate` replays them, so recording and replaying agree.
 */
import type { EntryBody } from "../ledger/entry.ts";
import type { Context } from "./compute.ts";

export class ContextTally {
  readonly #points = new Map<string, number>();
  readonly #merged = new Map<string, number>();
  readonly #opened = new Map<string, number>();

  constructor(entries: Iterable<EntryBody> = []) {
    for (const e of entries) this.add(e);
  }

  add(entry: EntryBody): void {
    if (entry.kind !== "award") return;
    const month = `${entry.actor.id}:${entry.repo.id}:${entry.time.slice(0, 7)}`;
    bump(this.#points, month, entry.points);
    const family = entry.inputs?.family;
    if (family === "pr_merged") bump(this.#merged, month, 1);
    if (family === "pr_opened") bump(this.#opened, `${entry.actor.id}:${entry.repo.id}:${entry.time.slice(0, 10)}`, 1);
  }

  /** The context of a claim crediting `actorId` in `repoId` at `time`. */
  of(actorId: number, repoId: number, time: string, rating?: Context["rating"]): Context {
    const month = `${actorId}:${repoId}:${time.slice(0, 7)}`;
    return {
      month_points: this.#points.get(month) ?? 0,
      month_merged: this.#merged.get(month) ?? 0,
      day_opened: this.#opened.get(`${actorId}:${repoId}:${time.slice(0, 10)}`) ?? 0,
      ...(rating === undefined ? {} : { rating }),
    };
  }
}

function bump(map: Map<string, number>, key: string, by: number): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/** The first second of `time`'s month (UTC): how far back a writer reads for context. */
export function monthStart(time: string): string {
  return `${time.slice(0, 7)}-01T00:00:00Z`;
}
