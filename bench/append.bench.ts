/**
 * Appending to a data branch: one append's latency and bytes fetched against ledgers of growing size
 * (it must not grow with them), and throughput under contention (8 writers at once vs 1).
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { appendToBranch } from "../src/store/git/append-branch.ts";
import { BENCH_DIR, benchBody, benchLedger } from "./ledger-fixture.ts";
import { fmt, median, type Section } from "./report.ts";

const CLI = join(import.meta.dirname, "..", "dist", "cli.js");

function git(args: string[], cwd?: string): string {
  return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 1 << 30 });
}

function bareRemote(dir: string): void {
  git(["init", "-q", "--bare", dir]);
  git(["-C", dir, "config", "uploadpack.allowFilter", "true"]);
  git(["-C", dir, "config", "uploadpack.allowAnySHA1InWant", "true"]);
}

/** A bare remote whose `meritlog` branch holds the benchmark ledger of `size` entries (cached). */
export async function remoteOf(size: number, log: (t: string) => void) {
  const ledger = await benchLedger(size, log);
  const remote = join(BENCH_DIR, `remote-${size}.git`);
  if (!existsSync(join(remote, "refs", "heads", "meritlog"))) {
    rmSync(remote, { recursive: true, force: true });
    bareRemote(remote);
    log(`  committing the ${size}-entry ledger to a bare remote…`);
    const env = { GIT_DIR: remote, GIT_WORK_TREE: ledger.dir, GIT_INDEX_FILE: join(remote, "bench-index") };
    execFileSync("git", ["add", "-A", "."], { env: { ...process.env, ...env }, stdio: "ignore" });
    const tree = execFileSync("git", ["write-tree"], { env: { ...process.env, ...env }, encoding: "utf8" }).trim();
    const commit = execFileSync(
      "git",
      ["-c", "user.name=bench", "-c", "user.email=bench@example.com", "commit-tree", tree, "-m", "ledger"],
      {
        env: { ...process.env, ...env },
        encoding: "utf8",
      },
    ).trim();
    git(["-C", remote, "update-ref", "refs/heads/meritlog", commit]);
    rmSync(join(remote, "bench-index"), { force: true });
    // Packed, as a hosted remote is: a million loose objects would measure the file system instead.
    git(["-C", remote, "repack", "-a", "-d", "-q"]);
  }
  return { remote, signer: ledger.signer };
}

interface Appended {
  readonly seconds: number;
  readonly bytes: number;
}

export async function appendBench(
  log: (t: string) => void,
  scale: { sizes: readonly number[]; runs: number; writers: number; perWriter: number },
): Promise<Section> {
  const figures = new Map<number, { latency: number; bytes: number }>();
  let next = 10_000_000;
  for (const size of scale.sizes) {
    const { remote, signer } = await remoteOf(size, log);
    const runs: Appended[] = [];
    for (let i = 0; i < scale.runs; i++) {
      const started = performance.now();
      const done = await appendToBranch({ url: remote, branch: "meritlog" }, [benchBody(next++)], signer);
      runs.push({ seconds: (performance.now() - started) / 1000, bytes: done.bytesFetched });
    }
    const latency = median(runs.map((r) => r.seconds));
    const bytes = median(runs.map((r) => r.bytes));
    figures.set(size, { latency, bytes });
    log(`  ${fmt(size)} entries: ${fmt(latency * 1000)} ms, ${fmt(bytes / 1024)} KiB fetched`);
  }
  const rows = [];
  const smallest = scale.sizes[0] as number;
  const base = figures.get(smallest) as { latency: number; bytes: number };
  for (const size of scale.sizes) {
    const f = figures.get(size) as { latency: number; bytes: number };
    const largest = size === scale.sizes.at(-1);
    rows.push({
      measure: `one append to a ${fmt(size)}-entry ledger: latency`,
      figure: `${fmt(f.latency * 1000)} ms`,
      baseline: `${fmt(base.latency * 1000)} ms (${fmt(smallest)} entries)`,
      ratio: `${fmt(f.latency / base.latency, 2)}×`,
      goal: largest ? "≤ 1.3×" : "—",
      met: !largest || f.latency / base.latency <= 1.3,
    });
    rows.push({
      measure: `one append to a ${fmt(size)}-entry ledger: bytes fetched`,
      figure: `${fmt(f.bytes / 1024)} KiB`,
      baseline: `${fmt(base.bytes / 1024)} KiB (${fmt(smallest)} entries)`,
      ratio: `${fmt(f.bytes / base.bytes, 2)}×`,
      goal: largest ? "≤ 1.3×" : "—",
      met: !largest || f.bytes / base.bytes <= 1.3,
    });
  }
  const single = await contention(1, scale.writers * scale.perWriter, log);
  const many = await contention(scale.writers, scale.perWriter, log);
  rows.push({
    measure: `${scale.writers} concurrent writers × ${scale.perWriter} appends: throughput`,
    figure: `${fmt(many.rate, 2)} appends/s, ${fmt(many.retries, 2)} retries per append`,
    baseline: `1 writer × ${scale.writers * scale.perWriter}: ${fmt(single.rate, 2)} appends/s, ${fmt(single.retries, 2)} retries per append`,
    ratio: `${fmt(many.rate / single.rate, 2)}×`,
    goal: "every append lands once; measured",
    met: many.landed === scale.writers * scale.perWriter,
  });
  return {
    title: "Appending to the data branch",
    method: `Each append is \`appendToBranch\` of one new fact against a local bare remote (file://, with partial fetch allowed as GitHub allows it), from a fresh scratch repository each time: fetch the tip, the files the append touches, build, sign, commit, push. Bytes fetched are the pack bytes received. Latency and bytes are medians of ${scale.runs} appends. Contention runs the built CLI (\`meritlog append --remote\`) in separate OS processes started together against one remote; retries are attempts beyond the first, from the CLI's output.`,
    rows,
  };
}

/** `writers` processes, each appending `each` facts one at a time to one fresh remote. */
async function contention(writers: number, each: number, log: (t: string) => void) {
  const dir = mkdtempSync(join(tmpdir(), "meritlog-bench-"));
  try {
    const remote = join(dir, "remote.git");
    bareRemote(remote);
    const { signer } = await benchLedger(1000, log);
    writeFileSync(join(dir, "key"), `${signer.skey}\n`, { mode: 0o600 });
    const script = join(dir, "writer.sh");
    // Each writer appends its facts one per process run, as one workflow run would.
    writeFileSync(
      script,
      `#!/bin/sh\nfor i in $(seq 1 ${each}); do node ${JSON.stringify(CLI)} append --remote ${JSON.stringify(remote)} --key ${JSON.stringify(join(dir, "key"))} < "$1.$i" || exit 1; done\n`,
    );
    for (let w = 0; w < writers; w++) {
      for (let i = 1; i <= each; i++) writeFileSync(join(dir, `w${w}.${i}`), `${JSON.stringify(benchBody(20_000_000 + w * 10_000 + i))}\n`);
    }
    const started = performance.now();
    const outputs = await Promise.all(
      Array.from({ length: writers }, (_, w) => {
        return new Promise<string>((resolve, reject) => {
          const child = spawn("sh", [script, join(dir, `w${w}`)], {
            env: { ...process.env, PATH: `${join(import.meta.dirname, "..", "node_modules", ".bin")}:${process.env.PATH}` },
          });
          let out = "";
          child.stdout.on("data", (d: Buffer) => {
            out += d.toString("utf8");
          });
          child.stderr.on("data", (d: Buffer) => log(`  writer ${w}: ${d.toString("utf8").trim()}`));
          child.on("close", (code) => (code === 0 ? resolve(out) : reject(new Error(`writer ${w} exited ${code}`))));
        });
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const attempts = outputs
      .flatMap((o) => o.split("\n").filter((l) => l.startsWith("appended")))
      .map((l) => Number(/\(attempt (\d+)\)/.exec(l)?.[1] ?? 1));
    const landed = Number(git(["-C", remote, "rev-list", "--count", "meritlog"]).trim());
    const retries = attempts.reduce((a, b) => a + b - 1, 0) / attempts.length;
    log(`  ${writers} writer(s): ${landed} commits in ${fmt(seconds, 1)} s, ${fmt(retries, 2)} retries/append`);
    return { rate: landed / seconds, retries, landed };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
