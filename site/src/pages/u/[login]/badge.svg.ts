/** A shields-style SVG badge with a contributor's points and rank, for READMEs. */
import type { APIRoute, GetStaticPaths } from "astro";
import type { Profile } from "../../../../../src/aggregate/model.ts";
import { pts, xml } from "../../../lib/format.ts";
import { siteData } from "../../../lib/ledger.ts";

export const getStaticPaths = (async () =>
  (await siteData()).profiles.map((profile) => ({ params: { login: profile.person.login }, props: { profile } }))) satisfies GetStaticPaths;

/** Width of text in Verdana 11px, approximately, as shields.io estimates it. */
const width = (text: string) => Math.round(text.length * 6.5 + 10);

export const GET: APIRoute = ({ props }) => {
  const { profile } = props as { profile: Profile };
  const left = "meritlog";
  const right = `${pts(profile.points)} pts · #${profile.rank}`;
  const lw = width(left);
  const rw = width(right);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${lw + rw}" height="20" role="img" aria-label="${xml(`${left}: ${profile.person.login} ${right}`)}"><title>${xml(`${profile.person.login}: ${right}`)}</title><rect width="${lw}" height="20" fill="#555"/><rect x="${lw}" width="${rw}" height="20" fill="#8250df"/><g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11" text-anchor="middle"><text x="${lw / 2}" y="14">${xml(left)}</text><text x="${lw + rw / 2}" y="14">${xml(right)}</text></g></svg>`;
  return new Response(svg, { headers: { "content-type": "image/svg+xml" } });
};
