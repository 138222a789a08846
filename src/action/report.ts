/**
 * What people read: the sticky pull request comment, a command's reply, and the job summary's rows.
 * Pure text; every contributor-controlled string goes through `md`.
 */
import type { EntryBody } from "../ledger/entry.ts";
import { md, points, profileLink } from "../render/markdown.ts";
import { BADGES } from "../scoring/badges.ts";

/** Finds the one comment meritlog keeps per pull request. */
export const MARKER = "<!-- meritlog:summary -->";

export interface CheckpointInfo {
  readonly size: number;
  readonly root: string;
}

export interface CommentContent {
  readonly entries: readonly EntryBody[];
  /** Badges held by the people shown, by login. */
  readonly badges: ReadonlyMap<string, readonly string[]>;
  readonly checkpoint?: CheckpointInfo;
  readonly siteUrl: string;
  /** Open with a welcome: the author's first contribution to the repository. */
  readonly welcome?: string;
}

function what(e: EntryBody): string {
  const family = typeof e.inputs?.family === "string" ? ` · ${e.inputs.family.replace(/_/g, " ")}` : "";
  return `${e.kind}${family}`;
}

function breakdown(e: EntryBody): string {
  if (e.breakdown.length === 0) return "—";
  return e.breakdown.map((b) => `${md(b.rule)} ${points(b.points)}${b.note ? ` (${md(b.note)})` : ""}`).join(" · ");
}

/** The entries worth showing: scored ones and decisions, not lifecycle states. */
function visible(entries: readonly EntryBody[]): EntryBody[] {
  return entries.filter((e) => e.kind !== "state" && !(e.kind === "command" && e.points === 0 && e.inputs?.command !== "rate"));
}

export function entriesTable(entries: readonly EntryBody[], siteUrl: string): string {
  const rows = visible(entries).map(
    (e) => `| ${profileLink(e.actor.login, siteUrl)} | ${what(e)} | ${points(e.points)} | ${breakdown(e)} | \`${e.id.slice(0, 12)}\` |`,
  );
  if (rows.length === 0) return "_No points recorded._";
  return ["| Contributor | Entry | Points | Rule by rule | Id |", "|---|---|---:|---|---|", ...rows].join("\n");
}

function totals(entries: readonly EntryBody[], siteUrl: string): string {
  const by = new Map<number, { login: string; points: number }>();
  for (const e of visible(entries)) {
    const t = by.get(e.actor.id) ?? { login: e.actor.login, points: 0 };
    t.points += e.points;
    by.set(e.actor.id, t);
  }
  return [...by.values()].map((t) => `${profileLink(t.login, siteUrl)}: **${points(t.points)}** points`).join(" · ");
}

export function stickyComment(s: CommentContent): string {
  const parts = [MARKER, "### meritlog"];
  if (s.welcome) parts.push(s.welcome);
  const sum = totals(s.entries, s.siteUrl);
  if (sum) parts.push(sum);
  parts.push(entriesTable(s.entries, s.siteUrl));
  const badges = [...s.badges].filter(([, names]) => names.length > 0);
  if (badges.length > 0) {
    // Badge titles are the catalogue's own words, not a contributor's: shown as written.
    const title = (name: string) => BADGES.find((b) => b.name === name)?.title ?? md(name);
    const held = badges.map(([login, names]) => `${profileLink(login, s.siteUrl)} ${names.map((n) => `**${title(n)}**`).join(", ")}`);
    parts.push(`Badges: ${held.join(" · ")}`);
  }
  const foot = [`[How points work](${s.siteUrl}about/)`, `[Leaderboard](${s.siteUrl})`];
  if (s.checkpoint) foot.unshift(`Ledger checkpoint: ${s.checkpoint.size} entries, root \`${s.checkpoint.root}\``);
  parts.push(`<sub>${foot.join(" · ")}</sub>`);
  return `${parts.join("\n\n")}\n`;
}

export function welcome(login: string, siteUrl: string): string {
  return `Welcome, ${md(login)}, and thank you for your first contribution here! Contributions earn points on the project's [leaderboard](${siteUrl}); [how points work](${siteUrl}about/) explains each rule below.`;
}

/** The reply to a command that was refused or that explains. */
export function reply(text: string): string {
  return `${MARKER.replace("summary", "reply")}\n${text}\n`;
}
