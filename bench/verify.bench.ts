/**
 * Ledger verification throughput: the whole `meritlog verify` process (the built CLI), against the
 * machine's own Ed25519 verification limit (OpenSSL, every core) and, for --fast, a fixed goal.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { benchLedger } from "./ledger-fixture.ts";
import { fmt, median, type Section } from "./report.ts";

const CLI = join(import.meta.dirname, "..", "dist", "cli.js");

/** OpenSSL's Ed25519 verifications per second: on one core, or with `multi` processes at once (their sum). */
function opensslVerifyPerSecond(multi = 1): number {
  const args = ["speed", ...(multi > 1 ? ["-multi", String(multi)] : []), "-seconds", "2", "ed25519"];
  const out = execFileSync("openssl", args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  const row = out.split("\n").find((l) => /Ed25519/.test(l) && /\d+\.\d+\s+\d+\.\d+\s*$/.test(l));
  const verify = Number(row?.trim().split(/\s+/).at(-1));
  if (!Number.isFinite(verify) || verify <= 0) throw new Error(`cannot read openssl speed output:\n${out}`);
  return verify;
}

/** Seconds for one whole `meritlog verify` process, failing loudly if the ledger does not verify. */
function timeVerify(dir: string, args: readonly string[]): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, [CLI, "verify", dir, ...args], { encoding: "utf8" });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`verify failed: ${run.stderr}`);
  return seconds;
}

/** Functions of OpenSSL's Ed25519 verification (curve arithmetic and its SHA-512), as perf names them. */
const ED25519_SYMBOL = /^(fe_|ge_|slide$|ossl_ed25519_|x25519_sc_|sha512_block|SHA512_)/;

/**
 * The share of all CPU time of one whole `verify` (every process) spent inside OpenSSL's Ed25519
 * verification, from perf's cpu-clock samples: a figure the host's drifting speed does not move, and
 * what the ratio to OpenSSL would be on cores that run as fast together as one alone. Undefined
 * where perf is missing or cannot sample, or Node's binary carries no symbols.
 */
function ed25519Share(dir: string): number | undefined {
  const data = join(tmpdir(), `meritlog-verify-${process.pid}.perf`);
  try {
    const record = spawnSync(
      "perf",
      ["record", "-q", "-e", "cpu-clock", "-F", "1999", "-o", data, "--", process.execPath, CLI, "verify", dir],
      {
        stdio: "ignore",
      },
    );
    if (record.error || record.status !== 0) return undefined;
    const report = spawnSync("perf", ["report", "-i", data, "--sort", "sym", "--stdio"], { encoding: "utf8", maxBuffer: 256 << 20 });
    let total = 0;
    let ed25519 = 0;
    for (const line of report.stdout?.split("\n") ?? []) {
      const sample = /^\s*([\d.]+)%\s+\[.\]\s+(\S+)/.exec(line);
      if (!sample) continue;
      total += Number(sample[1]);
      if (ED25519_SYMBOL.test(sample[2] as string)) ed25519 += Number(sample[1]);
    }
    return total > 0 && ed25519 > 0 ? ed25519 / total : undefined;
  } finally {
    rmSync(data, { force: true });
  }
}

export async function verifyBench(log: (t: string) => void, scale: { full: number; fast: number; runs: number }): Promise<Section> {
  const cores = availableParallelism();
  const full = await benchLedger(scale.full, log);
  const fast = await benchLedger(scale.fast, log);
  const rows = [];
  // The host's speed drifts by tens of percent within a minute (other tenants), so each verification
  // is paired with OpenSSL measured just before and just after it, and compared with that; the ratio
  // reported is the median of those paired ratios.
  const pairs: { rate: number; limit: number; multi: number }[] = [];
  const baseline = (): { one: number; all: number } => ({ one: opensslVerifyPerSecond(), all: opensslVerifyPerSecond(cores) });
  for (let i = 0; i < scale.runs; i++) {
    const before = baseline();
    const rate = scale.full / timeVerify(full.dir, []);
    const after = baseline();
    pairs.push({ rate, limit: (cores * (before.one + after.one)) / 2, multi: (before.all + after.all) / 2 });
    log(
      `  run ${i + 1}: openssl ${fmt(before.one)} then ${fmt(after.one)} verify/s on one core, ${fmt(before.all)} then ${fmt(after.all)} on ${cores} at once; meritlog verify ${fmt(rate)} entries/s`,
    );
  }
  const fullRate = median(pairs.map((p) => p.rate));
  const vsLimit = median(pairs.map((p) => p.rate / p.limit));
  const vsMulti = median(pairs.map((p) => p.rate / p.multi));
  rows.push({
    measure: `\`verify\` (full) of ${fmt(scale.full)} entries`,
    figure: `${fmt(fullRate)} entries/s`,
    baseline: `${fmt(median(pairs.map((p) => p.limit)))} Ed25519 verify/s (\`openssl speed ed25519\` on one core × ${cores} cores)`,
    ratio: `${fmt(100 * vsLimit, 1)} %`,
    goal: "≥ 75 %",
    met: vsLimit >= 0.75,
  });
  rows.push({
    measure: `\`verify\` (full) of ${fmt(scale.full)} entries, against what ${cores} cores deliver at once`,
    figure: `${fmt(fullRate)} entries/s`,
    baseline: `${fmt(median(pairs.map((p) => p.multi)))} Ed25519 verify/s (\`openssl speed -multi ${cores} ed25519\`: ${cores} processes at once)`,
    ratio: `${fmt(100 * vsMulti, 1)} %`,
    goal: "context for the row above",
    met: true,
  });
  const share = ed25519Share(full.dir);
  rows.push({
    measure: `\`verify\` (full) of ${fmt(scale.full)} entries: share of all CPU time inside OpenSSL's Ed25519 verification`,
    figure: share === undefined ? "not measured (no perf)" : `${fmt(100 * share, 1)} %`,
    baseline: "—",
    ratio: "—",
    goal: "context: the ratio above on cores as fast together as alone",
    met: true,
  });
  const fastRuns = Array.from({ length: scale.runs }, () => scale.fast / timeVerify(fast.dir, ["--fast"]));
  const fastRate = median(fastRuns);
  rows.push({
    measure: `\`verify --fast\` of ${fmt(scale.fast)} entries`,
    figure: `${fmt(fastRate)} entries/s`,
    baseline: "—",
    ratio: "—",
    goal: "≥ 250,000 entries/s",
    met: fastRate >= 250_000,
  });
  return {
    title: "Ledger verification",
    method:
      "Each figure times a whole `node dist/cli.js verify` process (start-up, reading, checking, Merkle root, checkpoint) on a ledger built by the project's own append code (entries of ~880 bytes: merged-PR awards with a breakdown and inputs). Full verification checks every entry's schema, canonical form and Ed25519 signature; its baseline is the machine's raw Ed25519 verification rate from OpenSSL on one core times the number of cores. Each verification is paired with OpenSSL measured just before and just after it (the host's speed drifts by tens of percent within a minute); figures and baselines are medians, and each ratio is the median of the paired ratios. The CPU share is from `perf record -e cpu-clock` over one more full verification, every process of it, counting the samples in OpenSSL's curve arithmetic and SHA-512: unlike the rates, it does not move with the host's speed.",
    rows,
  };
}
