/** The all-time leaderboard as static JSON. */
import type { APIRoute } from "astro";
import { safeJson } from "../../lib/format.ts";
import { siteData } from "../../lib/ledger.ts";

export const GET: APIRoute = async () => {
  const data = await siteData();
  const board = data.boards.find((b) => b.kind === "all-time");
  const body = {
    ledger: { origin: data.status.origin, entries: data.status.entries, root: data.status.root },
    unit: "millipoints",
    rows: (board?.rows ?? []).map((r) => ({
      rank: r.rank,
      tied: r.tied,
      login: r.person.login,
      id: r.person.pseudonymous ? null : r.person.id,
      points: r.points,
      counts: r.counts,
    })),
  };
  return new Response(safeJson(body), { headers: { "content-type": "application/json" } });
};
