/** Any leaderboard as CSV (RFC 4180): rank, tie, login, points, then the board's counts. */
import type { APIRoute, GetStaticPaths } from "astro";
import type { Board } from "../../../../src/aggregate/model.ts";
import { siteData } from "../../lib/ledger.ts";

export const getStaticPaths = (async () =>
  (await siteData()).boards.map((board) => ({ params: { slug: board.slug }, props: { board } }))) satisfies GetStaticPaths;

/** A field quoted when it must be; a leading =, +, - or @ is defused so spreadsheets do not run it. */
function field(value: string | number): string {
  let s = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const GET: APIRoute = ({ props }) => {
  const { board } = props as { board: Board };
  const counts = [...new Set(board.rows.flatMap((r) => Object.keys(r.counts)))].sort();
  const lines = [["rank", "tied", "login", "points", ...counts].join(",")];
  for (const r of board.rows) {
    lines.push(
      [r.rank, r.tied ? "yes" : "no", r.person.login, r.points / 1000, ...counts.map((c) => r.counts[c] ?? 0)].map(field).join(","),
    );
  }
  return new Response(`${lines.join("\r\n")}\r\n`, { headers: { "content-type": "text/csv; charset=utf-8" } });
};
