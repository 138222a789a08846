/**
 * Recomputing recorded entries from their inputs and the rules document they name: the basis of
 * `explain`, `verify --recompute`, `simulate` and `rescore`.
 */
import { createHash } from "node:crypto";
import type { Entry } from "../ledger/entry.ts";
import { canonicalize } from "../ledger/json.ts";
import { type Computed, type Context, compute, type Family, type Inputs } from "./compute.ts";
import { type ResolvedConfig, resolveConfig } from "./config.ts";

/** Rules documents by content hash, as stored under rules/. */
export type RulesLookup = (hash: string) => ResolvedConfig | undefined;

export class RecomputeError extends Error {
  override name = "RecomputeError";
}

/** Reads a stored rules document, checking that its content is what its hash names. */
export function openRulesDocument(hash: string, document: string): ResolvedConfig {
  const actual = `sha256:${createHash("sha256").update(document, "utf8").digest("hex")}`;
  if (actual !== hash) throw new RecomputeError(`rules document ${hash} has content hash ${actual}`);
  return resolveConfig(JSON.parse(document));
}

interface Recorded {
  readonly family: Family;
  readonly inputs: Inputs;
  readonly context: Context;
}

/** The family, inputs and context an award entry recorded; undefined for entries that are not computed awards. */
export function recorded(entry: Entry): Recorded | undefined {
  if (entry.kind !== "award" || !entry.inputs || typeof entry.inputs.family !== "string") return undefined;
  const { family, context, ...inputs } = entry.inputs as unknown as Inputs & { family: Family; context: Context };
  return { family, inputs, context };
}

/** What the rules give for an award entry; undefined when it is not a computed award. */
export function recompute(entry: Entry, rules: ResolvedConfig, context?: Context): Computed | undefined {
  const r = recorded(entry);
  if (!r) return undefined;
  return compute(r.family, r.inputs, context ?? r.context, rules) ?? { points: 0, breakdown: [] };
}

/** Why an entry's recorded points differ from a recomputation, or undefined when they agree. */
export function mismatch(entry: Entry, rules: RulesLookup): string | undefined {
  const r = recorded(entry);
  if (!r) return undefined;
  const doc = rules(entry.rules);
  if (!doc) return `rules document ${entry.rules} is not in the ledger`;
  const again = recompute(entry, doc) as Computed;
  if (again.points !== entry.points || canonicalize(again.breakdown) !== canonicalize(entry.breakdown)) {
    return `recorded ${entry.points} millipoints (${describe(entry.breakdown)}), the rules give ${again.points} (${describe(again.breakdown)})`;
  }
  return undefined;
}

function describe(breakdown: Entry["breakdown"]): string {
  return breakdown.map((b) => `${b.rule} ${b.points}`).join(", ") || "no rule";
}
