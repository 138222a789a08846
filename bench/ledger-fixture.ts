/**
 * Builds realistic signed ledgers of a given size for benchmarks, through the same append path the
 * CLI uses, and caches them under .bench/ (they take a while to sign).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type EntryBody, factId } from "../src/ledger/entry.ts";
import { generateSigner, parseSignerKey, type Signer } from "../src/ledger/keys.ts";
import { appendToFolder } from "../src/store/append-folder.ts";

export const BENCH_DIR = join(import.meta.dirname, "..", ".bench");
const ORIGIN = "github.com/acme/widgets/meritlog";
const BATCH = 4096;

/** A plausible entry body: a merged PR award with a few rule contributions, from a long-tail of 5,000 people. */
export function benchBody(i: number): EntryBody {
  const login = `contributor-${(i * 7919) % 5000}`;
  const base = 25_000;
  const lines = 10 * (i % 400);
  return {
    id: factId(`pr-merged:1296269:${i}`),
    kind: "award",
    time: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString().replace(/\.\d{3}Z$/, "Z"),
    repo: { id: 1296269, name: "acme/widgets" },
    actor: { id: 100_000 + ((i * 7919) % 5000), login },
    subject: { type: "pull_request", number: i + 1, url: `https://github.com/acme/widgets/pull/${i + 1}` },
    points: base + lines,
    breakdown: [
      { rule: "pr.merged", points: base },
      { rule: "pr.lines", points: lines },
    ],
    rules: `sha256:${"ab".repeat(32)}`,
    source: { event: "pull_request", action: "closed", delivery: `d-${i}` },
    inputs: { additions: lines * 80, deletions: lines * 40, files: 1 + (i % 9) },
  };
}

/** A ledger folder of `size` entries and the signer that made it, built once and then reused. */
export async function benchLedger(size: number, log: (text: string) => void): Promise<{ dir: string; signer: Signer }> {
  const dir = join(BENCH_DIR, `ledger-${size}`);
  const keyFile = join(dir, "..", `ledger-${size}.key`);
  if (existsSync(join(dir, "checkpoint")) && existsSync(keyFile)) return { dir, signer: parseSignerKey(readFileSync(keyFile, "utf8")) };
  mkdirSync(BENCH_DIR, { recursive: true });
  const building = `${dir}.building`;
  rmSync(building, { recursive: true, force: true });
  const signer = generateSigner(ORIGIN);
  const started = performance.now();
  for (let start = 0; start < size; start += BATCH) {
    const bodies = Array.from({ length: Math.min(BATCH, size - start) }, (_, k) => benchBody(start + k));
    await appendToFolder(building, bodies, signer);
    if ((start / BATCH) % 25 === 0)
      log(`  building a ${size}-entry ledger: ${start + bodies.length} signed (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  rmSync(dir, { recursive: true, force: true });
  renameSync(building, dir);
  writeFileSync(keyFile, `${signer.skey}\n`, { mode: 0o600 });
  return { dir, signer };
}
