/**
 * An entry as the site shows it: no signature, inputs or account logins, only display names, and
 * free text (reasons, notes, URLs) with pseudonymous people's logins replaced.
 */
import type { Entry, RuleContribution } from "../ledger/entry.ts";
import type { Identities } from "./identities.ts";
import type { EntryView } from "./model.ts";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** `repo` is the repository's displayed name (its latest, already redacted). */
export function entryView(e: Entry, repo: string, ids: Identities): EntryView {
  const url = ids.redact(e.subject.url);
  const subject: Mutable<EntryView["subject"]> = { type: e.subject.type, url };
  if (e.subject.number !== undefined) subject.number = e.subject.number;
  const view: Mutable<EntryView> = {
    seq: e.seq,
    id: e.id,
    kind: e.kind,
    time: e.time,
    repo,
    subject,
    points: e.points,
    breakdown: redactNotes(e.breakdown, ids),
  };
  if (e.reason !== undefined) view.reason = ids.redact(e.reason);
  if (e.by !== undefined) view.by = ids.person(e.by.id).login;
  return view;
}

/** The breakdown itself when no note changes: most do not, and a million copies would add up. */
function redactNotes(breakdown: readonly RuleContribution[], ids: Identities): readonly RuleContribution[] {
  let out: RuleContribution[] | undefined;
  breakdown.forEach((line, i) => {
    if (line.note === undefined) return;
    const note = ids.redact(line.note);
    if (note === line.note) return;
    out ??= [...breakdown];
    out[i] = { ...line, note };
  });
  return out ?? breakdown;
}

/** Newest first: by time, then by seq (entries need not be in time order). */
export function newestFirst(a: EntryView, b: EntryView): number {
  return a.time < b.time ? 1 : a.time > b.time ? -1 : b.seq - a.seq;
}
