/**
 * `npm run bench`: runs every benchmark and writes BENCHMARKS.md. `--only verify,site` runs the named
 * benchmarks and replaces just their sections, each of which says when and at which commit it was
 * measured. `--quick` runs small sizes to check that the benchmarks themselves work, and writes nothing.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { actionBench } from "./action.bench.ts";
import { appendBench } from "./append.bench.ts";
import { backfillBench } from "./backfill.bench.ts";
import { merge, render, type Section, stamp } from "./report.ts";
import { siteBench } from "./site.bench.ts";
import { verifyBench } from "./verify.bench.ts";

type Log = (t: string) => void;

/** Every benchmark, in the report's order: what it measures, and how at full and quick sizes. */
const BENCHES: Readonly<Record<string, { what: string; run: (log: Log, quick: boolean) => Promise<Section> }>> = {
  verify: {
    what: "ledger verification",
    run: (log, quick) => verifyBench(log, quick ? { full: 5_000, fast: 20_000, runs: 1 } : { full: 100_000, fast: 1_000_000, runs: 7 }),
  },
  append: {
    what: "appending to the data branch",
    run: (log, quick) =>
      appendBench(
        log,
        quick
          ? { sizes: [1_000, 3_000], runs: 2, writers: 2, perWriter: 2 }
          : { sizes: [1_000, 100_000, 1_000_000], runs: 5, writers: 8, perWriter: 10 },
      ),
  },
  action: {
    what: "the action",
    run: (log, quick) => actionBench(log, quick ? { ledger: 3_000, runs: 2 } : { ledger: 100_000, runs: 5 }),
  },
  backfill: {
    what: "backfill through the GitHub API",
    run: (log, quick) => backfillBench(log, { pulls: quick ? 300 : 20_000 }),
  },
  site: {
    what: "the site",
    run: (log, quick) =>
      siteBench(
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
  },
};

const { values } = parseArgs({ options: { quick: { type: "boolean" }, only: { type: "string" } } });
const names = values.only ? values.only.split(",").map((n) => n.trim()) : Object.keys(BENCHES);
const unknown = names.filter((n) => !(n in BENCHES));
if (unknown.length > 0) {
  process.stderr.write(`npm run bench: no benchmark named ${unknown.join(", ")}; the benchmarks are ${Object.keys(BENCHES).join(", ")}\n`);
  process.exit(2);
}

const log: Log = (t) => process.stderr.write(`${t}\n`);
const command = values.only ? `npm run bench -- --only ${names.join(",")}` : "npm run bench";
const sections: Section[] = [];
for (const name of names) {
  const bench = BENCHES[name] as (typeof BENCHES)[string];
  log(`${bench.what}…`);
  sections.push(stamp(await bench.run(log, values.quick ?? false), command));
}

const file = join(import.meta.dirname, "..", "BENCHMARKS.md");
if (values.quick) process.stdout.write(render(sections));
else {
  writeFileSync(file, render(merge(existsSync(file) ? readFileSync(file, "utf8") : "", sections)));
  log(`wrote ${file}`);
}
