/**
 * Contributor-controlled text (logins, titles, reasons) made inert for GitHub-flavoured Markdown:
 * no markup, no HTML, no mentions that would notify anyone, no line breaks that escape a table cell.
 */

const HTML: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text shown as itself in a Markdown paragraph or table cell. */
export function md(text: string): string {
  // Markdown first: the HTML entities that follow carry a '#' that must stay as it is.
  return text
    .replace(/[\\`*_{}[\]()#+\-.!|~]/g, "\\$&")
    .replace(/[&<>"']/g, (c) => HTML[c] as string)
    .replace(/@/g, "@&#8203;")
    .replace(/\r?\n|\r/g, " ");
}

/** A login as a link to the contributor's profile page, without mentioning (and so notifying) them. */
export function profileLink(login: string, siteUrl: string | undefined): string {
  return siteUrl ? `[${md(login)}](${siteUrl}u/${encodeURIComponent(login)}/)` : md(login);
}

/** Millipoints as points, with as many decimals as they need (12500 → "12.5"). */
export function points(millipoints: number): string {
  const sign = millipoints < 0 ? "−" : "";
  const abs = Math.abs(millipoints);
  const whole = Math.floor(abs / 1000);
  const frac = String(abs % 1000)
    .padStart(3, "0")
    .replace(/0+$/, "");
  return `${sign}${whole}${frac ? `.${frac}` : ""}`;
}
