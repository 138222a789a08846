/**
 * Pull requests as the ledger tells their story: lifecycle `state` entries (opened, merged, closed,
 * each with the author, `created_at` and the milestone) and review awards. Profiles, repository
 * health and milestone boards all read these records, so they are gathered once.
 */
import type { Entry } from "../ledger/entry.ts";
import type { Person, PrState } from "./model.ts";

export interface PullRecord {
  readonly repo: number;
  readonly number: number;
  /** Known from any state entry; undefined when the ledger holds none for this pull request. */
  author?: Person;
  createdAt?: string;
  mergedAt?: string;
  closedAt?: string;
  /** The milestone recorded when it was merged. */
  milestone?: string;
  /** The earliest review by someone other than the author. */
  firstReviewAt?: string;
  /** The state of the latest review by someone other than the author (latest time; on equal times, latest seq). */
  latestReview?: { readonly time: string; readonly state: unknown };
  /** Points of the entries about this pull request, per person id (awards, adjustments, reversals). */
  readonly points: Map<number, number>;
}

export class PullRequests {
  /** By repository id, then number: nested maps spare a key string per entry. */
  readonly #records = new Map<number, Map<number, PullRecord>>();

  /** Takes every entry; `person` is who it is credited to. */
  add(e: Entry, person: Person, scored: boolean): void {
    const n = e.subject.number;
    if (n === undefined) return;
    const isPr = e.subject.type === "pull_request";
    const isReview = e.kind === "award" && e.inputs?.family === "review";
    if (!isPr && !isReview) return;
    const r = this.#record(e.repo.id, n);
    if (e.kind === "state" && isPr) {
      r.author = person;
      if (typeof e.inputs?.created_at === "string") r.createdAt = e.inputs.created_at;
      if (e.inputs?.state === "merged") {
        r.mergedAt = e.time;
        if (typeof e.inputs.milestone === "string") r.milestone = e.inputs.milestone;
      } else if (e.inputs?.state === "closed") {
        r.closedAt = e.time;
      }
    } else if (isReview && e.inputs?.self_review !== true) {
      if (r.firstReviewAt === undefined || e.time < r.firstReviewAt) r.firstReviewAt = e.time;
      if (r.latestReview === undefined || e.time >= r.latestReview.time) r.latestReview = { time: e.time, state: e.inputs?.review_state };
    }
    if (isPr && scored) r.points.set(person.id, (r.points.get(person.id) ?? 0) + e.points);
  }

  *records(): Iterable<PullRecord> {
    for (const repo of this.#records.values()) yield* repo.values();
  }

  #record(repo: number, number: number): PullRecord {
    let inRepo = this.#records.get(repo);
    if (!inRepo) {
      inRepo = new Map();
      this.#records.set(repo, inRepo);
    }
    let r = inRepo.get(number);
    if (!r) {
      r = { repo, number, points: new Map() };
      inRepo.set(number, r);
    }
    return r;
  }
}

/** Where a pull request stands: merged or closed settle it; otherwise its latest review decides. */
export function prState(r: PullRecord): PrState {
  if (r.mergedAt !== undefined) return "merged";
  if (r.closedAt !== undefined) return "closed";
  if (r.latestReview === undefined) return "open";
  return r.latestReview.state === "changes_requested" ? "changes_requested" : "under_review";
}
