/**
 * A writer process for the race tests: appends batches to a data branch through the library, one
 * call per batch, in order. Run it as `node writer.ts <job.json>`. It prints `ready` once loaded and
 * starts only when its standard input ends, so that a test can release many writers at the same
 * instant; then one JSON line per batch. A batch given up under contention is reported and the next
 * one tried, so that one run shows how often that happens; any other failure prints the error's
 * name and message on stderr and exits 1.
 */
import { readFileSync } from "node:fs";
import { text } from "node:stream/consumers";
import type { EntryBody } from "../../../src/ledger/entry.ts";
import { parseSignerKey } from "../../../src/ledger/keys.ts";
import { appendToBranch, ContentionError } from "../../../src/store/git/append-branch.ts";

export interface WriterJob {
  readonly url: string;
  readonly branch: string;
  readonly token?: string;
  /** The signing key, as a key file holds it. */
  readonly skey: string;
  readonly batches: readonly (readonly EntryBody[])[];
}

/** What the writer prints for each batch. */
export interface WriterReport {
  readonly batch: number;
  readonly commit: string | null;
  readonly attempts: number;
  readonly appended: number;
  readonly skipped: number;
  /** The ContentionError's message when the writer gave up on this batch. */
  readonly gaveUp?: string;
}

const job = JSON.parse(readFileSync(process.argv[2] as string, "utf8")) as WriterJob;
const signer = parseSignerKey(job.skey);
const spec = { url: job.url, branch: job.branch, ...(job.token ? { token: job.token } : {}) };
process.stdout.write("ready\n");
await text(process.stdin);
try {
  for (const [batch, bodies] of job.batches.entries()) {
    let done: Awaited<ReturnType<typeof appendToBranch>>;
    try {
      done = await appendToBranch(spec, bodies, signer);
    } catch (e) {
      if (!(e instanceof ContentionError)) throw e;
      const attempts = Number(/after (\d+) attempts/.exec(e.message)?.[1] ?? 0);
      const report: WriterReport = { batch, commit: null, attempts, appended: 0, skipped: 0, gaveUp: e.message };
      process.stdout.write(`${JSON.stringify(report)}\n`);
      continue;
    }
    const report: WriterReport = {
      batch,
      commit: done.commit ?? null,
      attempts: done.attempts,
      appended: done.result.lines.length,
      skipped: done.result.skipped.length,
    };
    process.stdout.write(`${JSON.stringify(report)}\n`);
  }
} catch (e) {
  process.stderr.write(`${(e as Error).name}: ${(e as Error).message}\n`);
  process.exitCode = 1;
}
