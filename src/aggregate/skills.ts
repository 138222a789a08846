/**
 * Skill tags: a label rule's `skill` names what work under its labels shows. An award counts toward
 * every skill whose rule matches one of its labels, compared as scoring compares them.
 */
import { normalizeLabel } from "../scoring/compute.ts";
import type { ResolvedConfig } from "../scoring/config.ts";

export type SkillsOf = (labels: unknown) => readonly string[];

const NONE: readonly string[] = [];

/** The skills of a list of labels (an award's `inputs.labels`) under `rules`, sorted. */
export function skillMatcher(rules: ResolvedConfig): SkillsOf {
  const byLabel = new Map<string, Set<string>>();
  for (const rule of rules.labels) {
    if (rule.skill === undefined) continue;
    for (const m of typeof rule.match === "string" ? [rule.match] : rule.match) {
      const label = normalizeLabel(m);
      byLabel.set(label, (byLabel.get(label) ?? new Set()).add(rule.skill));
    }
  }
  return (labels) => {
    if (byLabel.size === 0 || !Array.isArray(labels) || labels.length === 0) return NONE;
    const skills = new Set<string>();
    for (const l of labels) if (typeof l === "string") for (const s of byLabel.get(normalizeLabel(l)) ?? []) skills.add(s);
    return skills.size === 0 ? NONE : [...skills].sort();
  };
}
