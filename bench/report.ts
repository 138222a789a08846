/**
 * The benchmark report: each figure beside the baseline it was measured against in the same run,
 * with the machine, the date and the command, written to BENCHMARKS.md.
 */
import { execFileSync } from "node:child_process";
import { availableParallelism, cpus, totalmem } from "node:os";

export interface Row {
  readonly measure: string;
  readonly figure: string;
  readonly baseline: string;
  readonly ratio: string;
  readonly goal: string;
  readonly met: boolean;
}

export interface Section {
  readonly title: string;
  readonly method: string;
  readonly rows: readonly Row[];
}

export function machine(): string {
  const git = (() => {
    try {
      return execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
    } catch {
      return "unknown";
    }
  })();
  return [
    `- Machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? "unknown CPU"}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB memory`,
    `- Runtime: Node ${process.version} (the action's runtime), ${process.platform}/${process.arch}`,
    `- Date: ${new Date().toISOString().slice(0, 10)}, commit ${git}`,
    "- Command: `npm run bench` (figures are medians of repeated runs; baselines are measured in the same run)",
  ].join("\n");
}

export function render(sections: readonly Section[]): string {
  const out = ["# Benchmarks", "", "Written by `npm run bench`; do not edit by hand.", "", machine(), ""];
  for (const s of sections) {
    out.push(
      `## ${s.title}`,
      "",
      s.method,
      "",
      "| measure | figure | baseline (same run) | ratio | goal | met |",
      "| --- | --- | --- | --- | --- | --- |",
    );
    for (const r of s.rows)
      out.push(`| ${r.measure} | ${r.figure} | ${r.baseline} | ${r.ratio} | ${r.goal} | ${r.met ? "yes" : "**no**"} |`);
    out.push("");
  }
  return out.join("\n");
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function fmt(n: number, digits = 0): string {
  return n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
}
