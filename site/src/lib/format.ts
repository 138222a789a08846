/** Display helpers shared by pages: points, dates, URLs under the site's base path. */

/** Millipoints as points, with the decimals they need (12500 → "12.5"). */
export function pts(millipoints: number): string {
  const sign = millipoints < 0 ? "−" : "";
  const abs = Math.abs(millipoints);
  const frac = String(abs % 1000)
    .padStart(3, "0")
    .replace(/0+$/, "");
  return `${sign}${Math.floor(abs / 1000).toLocaleString("en-US")}${frac ? `.${frac}` : ""}`;
}

/** A path under the site's base (GitHub Pages project sites live under /<repo>/). */
export function href(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, "");
  return `${base}/${path.replace(/^\//, "")}`;
}

export function profileHref(login: string): string {
  return href(`u/${encodeURIComponent(login)}/`);
}

export function day(time: string): string {
  return time.slice(0, 10);
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2026-11" → "November 2026". */
export function monthName(month: string): string {
  return `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

/** Characters that must not reach XML (SVG, Atom) as markup. */
export function xml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c] as string);
}

/** JSON that stays inert wherever it is embedded: no raw '<', '>' or '&'. */
export function safeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
