/** One contributor's profile as static JSON. */
import type { APIRoute, GetStaticPaths } from "astro";
import type { Profile } from "../../../../../src/aggregate/model.ts";
import { safeJson } from "../../../lib/format.ts";
import { siteData } from "../../../lib/ledger.ts";

export const getStaticPaths = (async () =>
  (await siteData()).profiles.map((profile) => ({ params: { login: profile.person.login }, props: { profile } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { profile } = props as { profile: Profile };
  const person = profile.person.pseudonymous ? { login: profile.person.login, pseudonymous: true } : profile.person;
  return new Response(safeJson({ unit: "millipoints", ...profile, person }), { headers: { "content-type": "application/json" } });
};
