/** An Atom feed (RFC 4287) of the newest awards. */
import type { APIRoute } from "astro";
import { href, pts, xml } from "../lib/format.ts";
import { siteData } from "../lib/ledger.ts";

export const GET: APIRoute = async ({ site }) => {
  const data = await siteData();
  const base = new URL(href(""), site).href;
  const entries = data.recent.map(
    (e) => `  <entry>
    <id>urn:meritlog:${xml(data.status.origin)}:${e.id}</id>
    <title>${xml(`${e.person.login}: ${pts(e.points)} points (${e.kind})`)}</title>
    <updated>${e.time}</updated>
    <link href="${xml(new URL(href(`u/${encodeURIComponent(e.person.login)}/`), site).href)}"/>
    <summary>${xml(`${e.repo}${e.subject.number !== undefined ? `#${e.subject.number}` : ""}: ${e.breakdown.map((b) => `${b.rule} ${pts(b.points)}`).join(", ")}`)}</summary>
  </entry>`,
  );
  const body = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>urn:meritlog:${xml(data.status.origin)}</id>
  <title>meritlog awards</title>
  <updated>${data.recent[0]?.time ?? data.status.verifiedAt}</updated>
  <link rel="self" href="${xml(`${base}feed.xml`)}"/>
  <link href="${xml(base)}"/>
  <author><name>meritlog</name></author>
${entries.join("\n")}
</feed>
`;
  return new Response(body, { headers: { "content-type": "application/atom+xml; charset=utf-8" } });
};
