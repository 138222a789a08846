/**
 * The site build: time and peak memory for ledgers of growing numbers of contributors, against Astro
 * building the same number of trivial pages in the same run.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateSigner, parseSignerKey } from "../src/ledger/keys.ts";
import { buildHistoryLedger } from "../test/helpers/history.ts";
import { BENCH_DIR } from "./ledger-fixture.ts";
import { fmt, type Section } from "./report.ts";

const ROOT = join(import.meta.dirname, "..");
const ASTRO = join(ROOT, "node_modules", "astro", "bin", "astro.mjs");

interface Scale {
  readonly contributors: number;
  readonly pullRequests: number;
}

/** A history ledger of this scale, built once and cached. */
async function ledgerOf(s: Scale, log: (t: string) => void): Promise<string> {
  const dir = join(BENCH_DIR, `site-${s.contributors}-${s.pullRequests}`);
  if (existsSync(join(dir, "checkpoint"))) return dir;
  log(`  building a ledger of ${fmt(s.contributors)} contributors, ${fmt(s.pullRequests)} pull requests…`);
  rmSync(dir, { recursive: true, force: true });
  const keyFile = `${dir}.key`;
  const signer = existsSync(keyFile)
    ? parseSignerKey(readFileSync(keyFile, "utf8"))
    : generateSigner("github.com/octo-org/widgets/meritlog");
  writeFileSync(keyFile, signer.skey, { mode: 0o600 });
  await buildHistoryLedger(dir, signer, { ...s, months: 24 });
  return dir;
}

/** Runs an Astro build under /usr/bin/time: seconds and peak resident memory (MiB). */
function timedBuild(root: string, env: Record<string, string>): { seconds: number; peakMiB: number } {
  const run = spawnSync("/usr/bin/time", ["-f", "%e %M", process.execPath, ASTRO, "build", "--root", root], {
    cwd: ROOT,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1", ...env },
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });
  if (run.status !== 0) throw new Error(`astro build failed:\n${run.stdout}${run.stderr}`);
  // /usr/bin/time writes its line last on standard error.
  const [seconds, kib] = (run.stderr.trim().split("\n").at(-1) ?? "").split(" ").map(Number);
  return { seconds: seconds as number, peakMiB: (kib as number) / 1024 };
}

function files(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile() && /\.(html|json|svg|csv|xml)$/.test(d.name))
    .length;
}

/** An Astro project of `pages` trivial pages: the baseline. */
function trivialSite(pages: number): string {
  const root = join(BENCH_DIR, "trivial-site");
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, "src", "pages"), { recursive: true });
  writeFileSync(join(root, "astro.config.mjs"), 'import { defineConfig } from "astro/config";\nexport default defineConfig({});\n');
  writeFileSync(
    join(root, "src", "pages", "[n].astro"),
    `---\nexport function getStaticPaths() { return Array.from({ length: ${pages} }, (_, n) => ({ params: { n: String(n) } })); }\nconst { n } = Astro.params;\n---\n<html lang="en"><head><title>{n}</title></head><body><h1>Page {n}</h1></body></html>\n`,
  );
  return root;
}

export async function siteBench(log: (t: string) => void, scales: readonly Scale[], compareAt: number): Promise<Section> {
  const rows: Section["rows"][number][] = [];
  for (const s of scales) {
    const ledger = await ledgerOf(s, log);
    const out = join(BENCH_DIR, "site-out");
    rmSync(out, { recursive: true, force: true });
    log(`  building the site for ${fmt(s.contributors)} contributors…`);
    const built = timedBuild(join(ROOT, "site"), { MERITLOG_LEDGER: ledger, MERITLOG_SITE_OUT: out, MERITLOG_VERIFY: "fast" });
    const pages = files(out);
    const entries = Number(readFileSync(join(ledger, "checkpoint"), "utf8").split("\n")[1]);
    rows.push({
      measure: `site build, ${fmt(s.contributors)} contributors (${fmt(entries)} entries, ${fmt(pages)} files): peak memory`,
      figure: `${fmt(built.peakMiB)} MiB`,
      baseline: "—",
      ratio: "—",
      goal: s === scales.at(-1) ? "< 2 GiB" : "measured",
      met: built.peakMiB < 2048,
    });
    if (s.contributors === compareAt) {
      log(`  building ${fmt(pages)} trivial pages…`);
      const trivial = timedBuild(trivialSite(pages), {});
      rows.push({
        measure: `site build, ${fmt(s.contributors)} contributors: time (verification, aggregation, search index included)`,
        figure: `${fmt(built.seconds, 1)} s`,
        baseline: `${fmt(trivial.seconds, 1)} s (Astro, ${fmt(pages)} trivial pages)`,
        ratio: `${fmt(built.seconds / trivial.seconds, 2)}×`,
        goal: "≤ 2×",
        met: built.seconds / trivial.seconds <= 2,
      });
    } else {
      rows.push({
        measure: `site build, ${fmt(s.contributors)} contributors: time`,
        figure: `${fmt(built.seconds, 1)} s`,
        baseline: "—",
        ratio: "—",
        goal: "measured",
        met: true,
      });
    }
  }
  return {
    title: "The site",
    method:
      "`astro build` of site/ from a generated history ledger (long-tail contributors over 24 months, scored and signed by the project's own code), verification at level fast, under `/usr/bin/time` for elapsed time and peak resident memory; the baseline is Astro building the same number of trivial pages in the same run.",
    rows,
  };
}
