/**
 * `npm run bench`: runs every benchmark and writes BENCHMARKS.md. `--quick` runs small sizes to check
 * that the benchmarks themselves work, and writes nothing.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { actionBench } from "./action.bench.ts";
import { appendBench } from "./append.bench.ts";
import { backfillBench } from "./backfill.bench.ts";
import { render, type Section } from "./report.ts";
import { siteBench } from "./site.bench.ts";
import { verifyBench } from "./verify.bench.ts";

const quick = process.argv.includes("--quick");
const log = (t: string) => process.stderr.write(`${t}\n`);
const sections: Section[] = [];

log("ledger verification…");
sections.push(await verifyBench(log, quick ? { full: 5_000, fast: 20_000, runs: 1 } : { full: 100_000, fast: 1_000_000, runs: 3 }));

log("appending to the data branch…");
sections.push(
  await appendBench(
    log,
    quick
      ? { sizes: [1_000, 3_000], runs: 2, writers: 2, perWriter: 2 }
      : { sizes: [1_000, 100_000, 1_000_000], runs: 5, writers: 8, perWriter: 10 },
  ),
);

log("the action…");
sections.push(await actionBench(log, quick ? { ledger: 3_000, runs: 2 } : { ledger: 100_000, runs: 5 }));

log("backfill through the GitHub API…");
sections.push(await backfillBench(log, { pulls: quick ? 300 : 20_000 }));

log("the site…");
sections.push(
  await siteBench(
    log,
    quick
      ? [{ contributors: 100, pullRequests: 400 }]
      : [
          { contributors: 1_000, pullRequests: 4_000 },
          { contributors: 10_000, pullRequests: 40_000 },
          { contributors: 50_000, pullRequests: 120_000 },
        ],
    quick ? 100 : 10_000,
  ),
);

const report = render(sections);
if (quick) process.stdout.write(report);
else {
  writeFileSync(join(import.meta.dirname, "..", "BENCHMARKS.md"), report);
  log("wrote BENCHMARKS.md");
}
