/**
 * docs/config-reference.md is generated from the schema and must stay so; and the defaults the schema
 * documents (which the reference shows) must be the defaults the engine applies.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import schema from "../../ledger/schema/config.schema.json" with { type: "json" };
import { parseConfig } from "../../src/scoring/config.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SCRIPT = join(ROOT, "scripts/config-reference.mjs");
const DOC = join(ROOT, "docs/config-reference.md");

const temp = mkdtempSync(join(tmpdir(), "meritlog-reference-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function run(args: readonly string[]) {
  const r = spawnSync(process.execPath, [SCRIPT, ...args], { cwd: ROOT, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("scripts/config-reference.mjs", () => {
  it("--check: docs/config-reference.md is what the schema generates", () => {
    const r = run(["--check"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });

  it("--check fails, and says how to fix it, when the reference is out of date or missing", () => {
    const stale = join(temp, "stale.md");
    writeFileSync(stale, readFileSync(DOC, "utf8").replace("| 2000 |", "| 3000 |"));
    const r = run(["--check", stale]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("is out of date with ledger/schema/config.schema.json: run node scripts/config-reference.mjs");
    const missing = run(["--check", join(temp, "missing.md")]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("is missing");
  });

  it("writes the same bytes as the committed reference", () => {
    const fresh = join(temp, "fresh.md");
    expect(run([fresh]).code).toBe(0);
    expect(readFileSync(fresh, "utf8")).toBe(readFileSync(DOC, "utf8"));
    expect(run(["--check", fresh]).code).toBe(0);
  });

  it("has a row per key, nested keys dotted, with type and default", () => {
    const doc = readFileSync(DOC, "utf8");
    const row = (key: string) => doc.split("\n").find((l) => l.startsWith(`| \`${key}\` |`));
    expect(row("limits.monthly_cap")).toMatch(/\| number from 0 to 1000000 .*\| 2000 \| Most points one contributor earns/);
    expect(row("review_states.commented")).toMatch(/\| 0\.5 \|/);
    expect(row("credit.issue_closed")).toMatch(/one of `closer`, `author`, `none` \| closer \|/);
    expect(row("size_tiers[].bonus")).toMatch(/\| Required\./);
    for (const key of [
      "version",
      "points.pr_merged",
      "lines.exclude",
      "labels[].match",
      "bots.logins",
      "ratings.5",
      "aliases.<name>",
      "size_labels",
    ]) {
      expect(row(key), key).toBeDefined();
    }
  });
});

describe("the documented defaults", () => {
  const defaults = parseConfig("") as unknown as Record<string, unknown>;

  interface Node {
    readonly description?: string;
    readonly properties?: Record<string, Node>;
  }

  /** Every "Default: …" in the schema's descriptions, by dotted key. */
  function documented(node: Node, path: string[] = [], out = new Map<string, string>()): Map<string, string> {
    const m = /Default: (.+?)\.?$/.exec(node.description ?? "");
    if (m && path.length > 0) out.set(path.join("."), m[1] as string);
    for (const [k, child] of Object.entries(node.properties ?? {})) documented(child, [...path, k], out);
    return out;
  }

  function valueAt(path: string): unknown {
    return path.split(".").reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], defaults);
  }

  it("are the defaults the engine applies", () => {
    const docs = documented(schema as Node);
    let compared = 0;
    for (const [key, text] of docs) {
      const actual = valueAt(key);
      if (/^-?\d+(\.\d+)?$|^true$|^false$/.test(text)) expect(actual, key).toEqual(JSON.parse(text));
      else if (/^[a-z]+$/.test(text) && text !== "none") expect(actual, key).toBe(text);
      else if (text === "none") expect(actual, key).toEqual([]);
      else if (key === "size_tiers") {
        const tiers = text.split(", ").map((t) => t.split(" → ").map(Number));
        expect(
          (actual as { lines: number; bonus: number }[]).map((t) => [t.lines, t.bonus]),
          key,
        ).toEqual(tiers);
      } else continue;
      compared++;
    }
    // Every key that states its default in numbers or a word, so the loop cannot pass by skipping:
    // version 1, points 9, review_states 3, lines 3, size_tiers 1, credit 1, bots 2, limits 8,
    // ratings 5, size_labels 1, commands 1 = 35. (lines.exclude, labels, size_tiers[].label and
    // labels[].skill describe theirs in prose.)
    expect(compared).toBe(35);
  });
});
