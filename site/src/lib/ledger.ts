/**
 * The site's one source: the ledger folder named by MERITLOG_LEDGER, verified by the meritlog CLI
 * (the same verifier auditors run; a ledger that does not verify fails the build with its message),
 * then read and aggregated by the library's own code. Loaded once per build.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { SiteData } from "../../../src/aggregate/model.ts";
import { aggregate } from "../../../src/aggregate/site-data.ts";
import type { Entry } from "../../../src/ledger/entry.ts";
import { allEntries } from "../../../src/store/read-entries.ts";

declare const __MERITLOG_ROOT__: string;
const ROOT = __MERITLOG_ROOT__;

let loaded: Promise<{ data: SiteData; entries: Entry[] }> | undefined;

function verify(dir: string): { origin: string; size: number; root: string } {
  const level = process.env.MERITLOG_VERIFY === "fast" ? ["--fast"] : [];
  try {
    const out = execFileSync(process.execPath, [join(ROOT, "dist", "cli.js"), "verify", dir, "--json", ...level], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 1 << 26,
    });
    return JSON.parse(out) as { origin: string; size: number; root: string };
  } catch (e) {
    const err = e as { stderr?: string; stdout?: string };
    throw new Error(`the ledger at ${dir} does not verify, so no site is built:\n${err.stderr || err.stdout || String(e)}`);
  }
}

async function load(): Promise<{ data: SiteData; entries: Entry[] }> {
  const dir = resolve(process.env.MERITLOG_LEDGER ?? "ledger");
  const verified = verify(dir);
  const keys = JSON.parse(readFileSync(join(dir, "keys.json"), "utf8")) as { keys: { vkey: string }[] };
  const status = {
    origin: verified.origin,
    entries: verified.size,
    root: verified.root,
    checkpoint: readFileSync(join(dir, "checkpoint"), "utf8"),
    keys: keys.keys.map((k) => k.vkey),
    verifiedAt: new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
  };
  const entries = await allEntries(dir);
  return { data: aggregate(entries, status), entries };
}

export async function siteData(): Promise<SiteData> {
  loaded ??= load();
  return (await loaded).data;
}

/** The verified entries themselves, for the audit pages (read once, shared with the aggregation). */
export async function ledgerEntries(): Promise<readonly Entry[]> {
  loaded ??= load();
  return (await loaded).entries;
}
