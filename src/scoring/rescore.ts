/**
 * Rescoring: applying new rules to past facts without rewriting the ledger. Every award since a date
 * whose points the new rules change gets a reversal and a new award, both visible and auditable;
 * entry ids are deterministic, so a repeated rescore adds nothing.
 */
import { type Entry, type EntryBody, factId } from "../ledger/entry.ts";
import { canonicalize } from "../ledger/json.ts";
import { type ResolvedConfig, rulesHash } from "./config.ts";
import { recorded } from "./recompute.ts";
import { replay } from "./simulate.ts";

export function rescore(entries: readonly Entry[], rules: ResolvedConfig, since: string, source: EntryBody["source"]): EntryBody[] {
  const hash = rulesHash(rules);
  const reversed = new Set(entries.filter((e) => e.kind === "reversal" && e.ref).map((e) => e.ref as string));
  const out: EntryBody[] = [];
  // The same replay as `simulate`: what rescore appends is what simulate predicted.
  const replayed = replay(entries, rules);
  for (const e of entries) {
    if (e.time < since || reversed.has(e.id) || e.rules === hash || !recorded(e)) continue;
    const again = replayed.get(e.id);
    if (!again || (again.points === e.points && canonicalize(again.breakdown) === canonicalize(e.breakdown))) continue;
    const common = { time: e.time, repo: e.repo, actor: e.actor, subject: e.subject, rules: hash, source };
    out.push({
      ...common,
      id: factId(`reversal:${e.id}:${hash}`),
      kind: "reversal",
      ref: e.id,
      points: -e.points,
      breakdown: e.points === 0 ? [] : [{ rule: "rescore.reversal", points: -e.points, note: `rules changed to ${hash.slice(0, 19)}` }],
      reason: `rescored under ${hash}`,
    });
    if (again.points === 0 && again.breakdown.length === 0) continue;
    out.push({
      ...common,
      id: factId(`rescore:${e.id}:${hash}`),
      kind: "award",
      ref: e.id,
      points: again.points,
      breakdown: again.breakdown,
      inputs: e.inputs ?? {},
      reason: `rescored under ${hash}`,
    });
  }
  return out;
}
