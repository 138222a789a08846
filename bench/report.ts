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
  /** When, at which commit and with which command the figures were measured. */
  readonly measured?: string;
}

/** A section BENCHMARKS.md already holds and this run did not measure again, kept word for word. */
export interface Kept {
  readonly title: string;
  readonly text: string;
}

function commit(): string {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
}

export function machine(): string {
  return [
    `- Machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? "unknown CPU"}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB memory`,
    `- Runtime: Node ${process.version} (the action's runtime), ${process.platform}/${process.arch}`,
    "- Figures are medians of repeated runs; baselines are measured in the same run. Each section says when, at which commit and with which command it was measured.",
  ].join("\n");
}

/** The section, saying it was measured now, at this commit, by `command`. */
export function stamp(section: Section, command: string): Section {
  return { ...section, measured: `Measured on ${new Date().toISOString().slice(0, 10)} at commit ${commit()} with \`${command}\`.` };
}

/**
 * The sections of the report `previous` holds, with those measured now in their place (new ones at
 * the end). A kept section from before sections were stamped takes the date and commit of the old
 * report's header.
 */
export function merge(previous: string, fresh: readonly Section[]): (Section | Kept)[] {
  const [head = "", ...parts] = previous.split(/^## /m);
  const date = /^- Date: (\S+), commit (\S+)$/m.exec(head);
  const kept: (Section | Kept)[] = parts.map((part) => {
    const title = part.slice(0, part.indexOf("\n"));
    let text = part.slice(title.length).trim();
    if (!text.startsWith("Measured on") && date) text = `Measured on ${date[1]} at commit ${date[2]} with \`npm run bench\`.\n\n${text}`;
    return fresh.find((f) => f.title === title) ?? { title, text };
  });
  return [...kept, ...fresh.filter((f) => !kept.includes(f))];
}

export function render(sections: readonly (Section | Kept)[]): string {
  const out = ["# Benchmarks", "", "Written by `npm run bench`; do not edit by hand.", "", machine(), ""];
  for (const s of sections) {
    out.push(`## ${s.title}`, "");
    if ("text" in s) {
      out.push(s.text, "");
      continue;
    }
    if (s.measured) out.push(s.measured, "");
    out.push(s.method, "", "| measure | figure | baseline (same run) | ratio | goal | met |", "| --- | --- | --- | --- | --- | --- |");
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
