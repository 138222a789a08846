/**
 * What-if: the recorded facts recomputed under candidate rules, in ledger order (so monthly caps and
 * diminishing returns see the candidate's own running totals), compared with the record.
 */
import type { Entry } from "../ledger/entry.ts";
import type { Computed } from "./compute.ts";
import type { ResolvedConfig } from "./config.ts";
import { recompute, recorded } from "./recompute.ts";

export interface SimulatedRow {
  readonly id: number;
  readonly login: string;
  readonly before: number;
  readonly after: number;
  readonly rankBefore: number | undefined;
  readonly rankAfter: number;
}

export interface Simulation {
  readonly recomputed: number;
  readonly changed: number;
  readonly before: { readonly total: number };
  readonly after: { readonly total: number };
  /** Contributors by their simulated rank. */
  readonly rows: readonly SimulatedRow[];
}

function monthKey(entry: Entry): string {
  return `${entry.actor.id}:${entry.repo.id}:${entry.time.slice(0, 7)}`;
}

/** Ranks by points, highest first; equal points share a rank; ties broken by account id for a stable order. */
export function rank(totals: ReadonlyMap<number, number>): Map<number, number> {
  const sorted = [...totals].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const ranks = new Map<number, number>();
  sorted.forEach(([id, points], i) => {
    const prev = sorted[i - 1];
    ranks.set(id, prev && prev[1] === points ? (ranks.get(prev[0]) as number) : i + 1);
  });
  return ranks;
}

/**
 * Each recorded award recomputed under `rules`, in ledger order, with the month's running total as
 * the candidate rules would have made it (monthly caps see their own totals). Other recorded entries
 * keep their points, except reversals, which cancel what their award now gives.
 */
export function replay(entries: readonly Entry[], rules: ResolvedConfig): Map<string, Computed> {
  const month = new Map<string, number>();
  const out = new Map<string, Computed>();
  for (const e of entries) {
    const r = recorded(e);
    if (r) {
      const again = recompute(e, rules, { ...r.context, month_points: month.get(monthKey(e)) ?? 0 }) ?? { points: 0, breakdown: [] };
      out.set(e.id, again);
      month.set(monthKey(e), (month.get(monthKey(e)) ?? 0) + again.points);
    } else if (e.kind === "reversal" && e.ref !== undefined && out.has(e.ref)) {
      const points = -(out.get(e.ref) as Computed).points;
      out.set(e.id, { points, breakdown: [] });
    }
  }
  return out;
}

export function simulate(entries: readonly Entry[], candidate: ResolvedConfig): Simulation {
  const before = new Map<number, number>();
  const after = new Map<number, number>();
  const logins = new Map<number, string>();
  const again = replay(entries, candidate);
  let recomputed = 0;
  let changed = 0;
  for (const e of entries) {
    logins.set(e.actor.id, e.actor.login);
    before.set(e.actor.id, (before.get(e.actor.id) ?? 0) + e.points);
    const points = again.get(e.id)?.points ?? e.points;
    if (recorded(e)) {
      recomputed++;
      if (points !== e.points) changed++;
    }
    after.set(e.actor.id, (after.get(e.actor.id) ?? 0) + points);
  }
  const rb = rank(before);
  const ra = rank(after);
  const rows = [...after.keys()]
    .map((id) => ({
      id,
      login: logins.get(id) ?? String(id),
      before: before.get(id) ?? 0,
      after: after.get(id) ?? 0,
      rankBefore: rb.get(id),
      rankAfter: ra.get(id) as number,
    }))
    .sort((a, b) => a.rankAfter - b.rankAfter || a.id - b.id);
  const sum = (m: Map<number, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  return { recomputed, changed, before: { total: sum(before) }, after: { total: sum(after) }, rows };
}
