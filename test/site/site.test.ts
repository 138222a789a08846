/**
 * The site, built by Astro from a ledger the project's own scoring and append code made, served on
 * 127.0.0.1 under a project-site base path, and driven in Debian's Chromium: every page template,
 * its numbers against sums taken straight from the entries, axe in light and dark schemes, search,
 * sorting, escaping and pseudonyms. Screenshots for the README are saved under docs/screenshots/.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Entry } from "../../src/ledger/entry.ts";
import { generateSigner } from "../../src/ledger/keys.ts";
import { allEntries } from "../../src/store/read-entries.ts";
import { runMeritlog } from "../helpers/git-remote.ts";
import { buildHistoryLedger, HOSTILE, person } from "../helpers/history.ts";
import { removeTempDirs, tempDir } from "../helpers/ledger.ts";
import { buildSite, launchChromium, ROOT, serve } from "../helpers/site.ts";

const BASE = "/widgets/";
const AXE = join(ROOT, "node_modules", "axe-core", "axe.min.js");
const SCREENSHOTS = join(ROOT, "docs", "screenshots");
/** The contributor who opted out (history.ts): their login must appear nowhere. */
const HIDDEN = person(5).login;

let ledger: string;
let out: string;
let url: string;
let server: Server;
let browser: Browser;
let entries: Entry[];

beforeAll(async () => {
  ledger = join(tempDir("meritlog-site-"), "ledger");
  await buildHistoryLedger(ledger, generateSigner("github.com/octo-org/widgets/meritlog"), {
    contributors: 60,
    pullRequests: 400,
    months: 6,
  });
  entries = await allEntries(ledger);
  out = join(tempDir("meritlog-site-out-"), "site");
  await buildSite(ledger, out, BASE);
  ({ url, server } = await serve(out, BASE));
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
  removeTempDirs();
});

/** Opens `path`, failing on any console error, failed request or dialog (an injected alert). */
async function open(path: string, scheme: "light" | "dark" = "light"): Promise<Page> {
  const page = await browser.newPage();
  await page.emulateMedia({ colorScheme: scheme });
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  page.on("dialog", (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
  });
  const response = await page.goto(new URL(path, url).href, { waitUntil: "networkidle" });
  expect(response?.status(), path).toBe(200);
  expect(problems, path).toEqual([]);
  return page;
}

/** Points of every account as an independent sum over the entries (no aggregation code). */
function pointsById(): Map<number, number> {
  const sums = new Map<number, number>();
  for (const e of entries) sums.set(e.actor.id, (sums.get(e.actor.id) ?? 0) + e.points);
  return sums;
}

function points(millipoints: number): string {
  const abs = Math.abs(millipoints);
  const frac = String(abs % 1000)
    .padStart(3, "0")
    .replace(/0+$/, "");
  return `${millipoints < 0 ? "−" : ""}${Math.floor(abs / 1000).toLocaleString("en-US")}${frac ? `.${frac}` : ""}`;
}

const TEMPLATES = [
  "",
  "leaderboards/",
  "leaderboards/all-time/",
  "leaderboards/reviewers/",
  "u/dev-0/",
  "repos/4242/",
  "repos/",
  "badges/",
  "audit/",
  "about/",
];

describe("every page template", () => {
  it("loads without errors, in light and dark schemes, with no serious or critical axe violations", async () => {
    const month = readdirSync(join(out, "audit")).find((d) => /^\d{4}-\d{2}$/.test(d)) as string;
    for (const path of [...TEMPLATES, `audit/${month}/`]) {
      for (const scheme of ["light", "dark"] as const) {
        const page = await open(path, scheme);
        await page.addScriptTag({ path: AXE });
        const violations = await page.evaluate(async () => {
          const result = await (
            globalThis as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }
          ).axe.run();
          return result.violations
            .filter((v) => v.impact === "serious" || v.impact === "critical")
            .map((v) => `${v.id} (${v.nodes.length})`);
        });
        expect(violations, `${path} ${scheme}`).toEqual([]);
        await page.close();
      }
    }
  }, 240_000);

  it("the static JSON, feed, CSV and SVG badge parse and agree with the entries", async () => {
    const sums = pointsById();
    const board = JSON.parse(readFileSync(join(out, "api", "leaderboard.json"), "utf8")) as {
      rows: { login: string; id: number | null; points: number; rank: number }[];
    };
    const top = board.rows[0];
    expect(top?.rank).toBe(1);
    const named = board.rows.filter((r) => r.id !== null && r.id !== person(7).id);
    for (const r of named) expect(r.points, r.login).toBe(sums.get(r.id as number));
    const user = JSON.parse(readFileSync(join(out, "api", "users", "dev-0.json"), "utf8")) as { points: number };
    expect(user.points).toBe(sums.get(person(0).id));
    const csv = readFileSync(join(out, "leaderboards", "all-time.csv"), "utf8").split("\r\n");
    expect(csv[0]).toMatch(/^rank,tied,login,points/);
    expect(csv[1]).toContain(`,${top?.login},${(top?.points ?? 0) / 1000}`);
    const page = await open("");
    const feed = await page.evaluate(async (f) => {
      const text = await (await fetch(f)).text();
      // In the page: the browser's own XML parser (this file is typed without the DOM library).
      type Doc = { querySelector(s: string): { textContent: string | null } | null; getElementsByTagName(n: string): { length: number } };
      const Parser = (globalThis as unknown as { DOMParser: new () => { parseFromString(t: string, type: string): Doc } }).DOMParser;
      const doc = new Parser().parseFromString(text, "application/xml");
      return { error: doc.querySelector("parsererror")?.textContent ?? null, entries: doc.getElementsByTagName("entry").length };
    }, `${BASE}feed.xml`);
    expect(feed).toEqual({ error: null, entries: 50 });
    const svg = readFileSync(join(out, "u", "dev-0", "badge.svg"), "utf8");
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain(`${points(sums.get(person(0).id) ?? 0)} pts`);
    await page.close();
  });
});

describe("numbers", () => {
  it("the all-time board shows each contributor's summed points, ranked, ties shown as ties", async () => {
    const sums = pointsById();
    const page = await open("leaderboards/all-time/");
    const rows = await page.$$eval("tbody tr", (trs) =>
      trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent?.trim() ?? "")),
    );
    const byLogin = new Map(entries.map((e) => [e.actor.login, e.actor.id]));
    let previous = Number.POSITIVE_INFINITY;
    for (const [rank, login, shown] of rows) {
      const id = byLogin.get(login as string);
      if (id !== undefined && id !== person(7).id) expect(shown, login).toBe(points(sums.get(id) ?? 0));
      const value = Number((shown as string).replace(/,/g, "").replace("−", "-"));
      expect(value).toBeLessThanOrEqual(previous);
      previous = value;
      expect(rank).toMatch(/^\d+( \(tie\))?$/);
    }
    await page.close();
  });

  it("a profile shows the same points and, page by page from the newest, the entries behind them", async () => {
    const sums = pointsById();
    const page = await open("u/dev-0/");
    await expect(page.locator(".card").first().textContent()).resolves.toContain(points(sums.get(person(0).id) ?? 0));
    // Every entry that moved the score; lifecycle states and commands carry no points.
    const expected = entries.filter((e) => e.actor.id === person(0).id && e.points !== 0);
    const dates: string[] = [];
    let pages = 0;
    for (let path: string | null = "u/dev-0/"; path !== null; pages++) {
      const shown: Page = pages === 0 ? page : await open(path);
      dates.push(...(await shown.locator("main table").last().locator("tbody tr td:first-child").allTextContents()));
      const next = shown.locator('a[rel="next"]');
      path = (await next.count()) === 0 ? null : new URL((await next.getAttribute("href")) as string, url).href;
      await shown.close();
    }
    expect(pages).toBeGreaterThan(1);
    expect(dates.length).toBe(expected.length);
    expect(dates).toEqual([...dates].sort().reverse());
  });
});

describe("the audit pages", () => {
  it("hold every entry once, on the page of its month, unscored months included", () => {
    const months = readdirSync(join(out, "audit")).filter((d) => /^\d{4}-\d{2}$/.test(d));
    const shown = months.flatMap((m) =>
      [...readFileSync(join(out, "audit", m, "index.html"), "utf8").matchAll(/id="seq-(\d+)"/g)].map((r) => `${m} ${r[1]}`),
    );
    expect(shown.sort()).toEqual(entries.map((e) => `${e.time.slice(0, 7)} ${e.seq}`).sort());
  });
});

describe("interaction", () => {
  it("search finds a contributor and leads to the profile", async () => {
    const page = await open("");
    const input = page.locator("#search input");
    await input.waitFor();
    await input.fill("dev-10");
    const result = page.locator(`.pagefind-ui__result-link[href="${BASE}u/dev-10/"]`);
    await result.waitFor({ timeout: 20_000 });
    await result.click();
    await page.waitForURL(/\/widgets\/u\/dev-10\/$/);
    await page.close();
  });

  it("sorting a leaderboard by points, with the keyboard, reverses and restores the order", async () => {
    const page = await open("leaderboards/all-time/");
    const values = () =>
      page.$$eval("tbody tr td:nth-child(3)", (tds) => tds.map((td) => Number((td.getAttribute("data-sort") ?? "0").replace("−", "-"))));
    const before = await values();
    const button = page.getByRole("button", { name: "Points" });
    await button.focus();
    await page.keyboard.press("Enter");
    expect(await values()).toEqual([...before].sort((a, b) => a - b));
    await expect(page.locator("th[aria-sort]").getAttribute("aria-sort")).resolves.toBe("ascending");
    await page.keyboard.press("Enter");
    expect(await values()).toEqual([...before].sort((a, b) => b - a));
    await page.close();
  });
});

describe("what contributors wrote stays text, and who opted out stays hidden", () => {
  it("markup in a reason or a milestone renders as text on every page, JSON and feed included", async () => {
    const files = readdirSync(out, { recursive: true, withFileTypes: true }).filter(
      (d) => d.isFile() && /\.(html|json|xml|svg|csv)$/.test(d.name),
    );
    for (const f of files) {
      const text = readFileSync(join(f.parentPath, f.name), "utf8");
      expect(text.includes(HOSTILE), f.name).toBe(false);
    }
    const author = entries.find((e) => e.kind === "bonus")?.actor.login as string;
    const page = await open(`u/${author}/`);
    await expect(page.getByText(HOSTILE, { exact: false }).first().isVisible()).resolves.toBe(true);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    await page.close();
  });

  it("an opted-out contributor's login appears nowhere: pages, JSON, feed, CSV, search index", () => {
    const hidden = new RegExp(`\\b${HIDDEN}\\b(?!\\d)`);
    for (const d of readdirSync(out, { recursive: true, withFileTypes: true })) {
      if (!d.isFile()) continue;
      const path = join(d.parentPath, d.name);
      expect(hidden.test(path.slice(out.length)), path).toBe(false);
      if (statSync(path).size < 5_000_000 && !/\.(wasm|png)$/.test(d.name))
        expect(hidden.test(readFileSync(path, "latin1")), path).toBe(false);
    }
  });
});

describe("meritlog site", () => {
  it("builds the site from a ledger folder into --out under --base", async () => {
    const dest = join(tempDir("meritlog-site-cli-"), "public");
    const run = await runMeritlog(["site", ledger, "--out", dest, "--base", "/w/"], { timeoutMs: 300_000 });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`built the site into ${dest}`);
    expect(readFileSync(join(dest, "index.html"), "utf8")).toContain('href="/w/leaderboards/"');
  }, 300_000);

  it("a --base that is not a path is a usage error (exit 2)", async () => {
    const run = await runMeritlog(["site", ledger, "--base", "widgets"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--base 'widgets' must be a path like / or /widgets/");
  });
});

describe("a ledger that does not verify", () => {
  it("fails the build with the verifier's message", async () => {
    const bad = join(tempDir("meritlog-site-bad-"), "ledger");
    cpSync(ledger, bad, { recursive: true });
    const shard = join(bad, "entries", "000", "000.jsonl");
    writeFileSync(shard, readFileSync(shard, "utf8").replace('"points":', '"points": '));
    await expect(buildSite(bad, join(tempDir(), "out"), BASE)).rejects.toThrow(/does not verify[\s\S]*entries\/000\/000\.jsonl:\d+/);
  }, 120_000);
});

describe("screenshots for the README", () => {
  it("home, a profile, a leaderboard and the audit page", async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const [name, path] of [
      ["home", ""],
      ["profile", "u/dev-0/"],
      ["leaderboard", "leaderboards/all-time/"],
      ["audit", "audit/"],
    ] as const) {
      const page = await open(path);
      await page.setViewportSize({ width: 1200, height: 900 });
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
      expect(statSync(join(SCREENSHOTS, `${name}.png`)).size).toBeGreaterThan(10_000);
      await page.close();
    }
  });
});
