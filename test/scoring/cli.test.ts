/**
 * The scoring commands as users run them: the built `dist/cli.js` in a child process, on ledgers
 * written with the library (facts scored under the default rules, signed by a fresh key). Expected
 * points are worked out by hand from the schema's documented defaults.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { foldEntries } from "../../src/aggregate/contributors.ts";
import type { EntryBody } from "../../src/ledger/entry.ts";
import { generateSigner } from "../../src/ledger/keys.ts";
import { EMPTY_CONTEXT } from "../../src/scoring/compute.ts";
import { parseConfig, rulesDocument, rulesHash } from "../../src/scoring/config.ts";
import { scoreFact } from "../../src/scoring/score.ts";
import { appendToFolder } from "../../src/store/append-folder.ts";
import { allEntries } from "../../src/store/read-entries.ts";
import { expectExit as exits, ORIGIN, runCli, snapshot, tempDir } from "../cli/run-cli.ts";
import { ALICE, BOB, CAROL, comment, file, prMerged, pullRequest, review } from "../helpers/facts.ts";

const defaults = parseConfig("");

/**
 * The tiny ledger, under the defaults:
 *   seq 0  state     alice  #1 merged                                             0
 *   seq 1  award     alice  #1 merged: 25 + 100 × 0.01 + size tier 100 → 5     31.000
 *   seq 2  award     bob    review approved: 20 × 1                            20.000
 *   seq 3  award     bob    review commented: 20 × 0.5                         10.000
 *   seq 4  award     carol  comment: 3                                           3.000
 * Totals: alice 31, bob 30, carol 3; 64 in all.
 */
function tinyBodies(): EntryBody[] {
  const pr1 = pullRequest({ number: 1, author: ALICE, files: [file("src/a.ts", 100, 0)] });
  const pr2 = pullRequest({ number: 2, author: CAROL, files: [file("src/b.ts", 3, 1)] });
  return [
    prMerged(pr1, { time: "2025-03-10T10:00:00Z" }),
    review(pr1, BOB, "approved", 11, { time: "2025-03-11T10:00:00Z" }),
    review(pr2, BOB, "commented", 12, { time: "2025-03-12T10:00:00Z" }),
    comment({ number: 1, kind: "pull_request" }, CAROL, 21, { time: "2025-03-13T10:00:00Z" }),
  ].flatMap((f) => scoreFact(f, defaults, () => EMPTY_CONTEXT));
}

interface Ledger {
  readonly root: string;
  readonly dir: string;
  readonly key: string;
  readonly bodies: readonly EntryBody[];
}

async function ledger(bodies: readonly EntryBody[] = tinyBodies()): Promise<Ledger> {
  const root = tempDir();
  const dir = join(root, "ledger");
  const signer = generateSigner(ORIGIN);
  await appendToFolder(dir, bodies, signer, { rules: new Map([[rulesHash(defaults), rulesDocument(defaults)]]) });
  const key = join(root, "meritlog.key");
  writeFileSync(key, `${signer.skey}\n`);
  return { root, dir, key, bodies };
}

function write(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe("check-config", () => {
  it("a valid file: exit 0, with the rules' content hash", async () => {
    const dir = tempDir();
    write(dir, "cfg.yml", "points:\n  review: 30\n");
    const r = await runCli(["check-config", "cfg.yml"], { cwd: dir });
    exits(r, 0);
    expect(r.stdout).toMatch(/^ok: cfg\.yml is valid; rules sha256:[0-9a-f]{64}\n$/);
  });

  it("an empty file is the defaults: the same rules as `version: 1`, other than a changed config's", async () => {
    const dir = tempDir();
    write(dir, "empty.yml", "");
    write(dir, "v1.yml", "version: 1\n");
    write(dir, "changed.yml", "points:\n  review: 30\n");
    const hash = async (name: string) => {
      const r = await runCli(["check-config", name], { cwd: dir });
      exits(r, 0);
      return /rules (sha256:[0-9a-f]{64})/.exec(r.stdout)?.[1];
    };
    const empty = await hash("empty.yml");
    expect(empty).toBeDefined();
    expect(await hash("v1.yml")).toBe(empty);
    expect(await hash("changed.yml")).not.toBe(empty);
  });

  it("no .github/meritlog.yml: exit 0, the documented defaults apply", async () => {
    const dir = tempDir();
    const r = await runCli(["check-config"], { cwd: dir });
    exits(r, 0);
    expect(r.stdout).toBe("no .github/meritlog.yml: the documented defaults apply\n");
  });

  it("with no argument it checks .github/meritlog.yml", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, ".github"));
    write(join(dir, ".github"), "meritlog.yml", "points:\n  relase: 3\n");
    const r = await runCli(["check-config"], { cwd: dir });
    exits(r, 1);
    expect(r.stderr).toContain(".github/meritlog.yml:2:3: points.relase: unknown key;");
    expect(r.stderr).toContain("did you mean 'release'?");
  });

  it("an invalid file: exit 1, every problem located as file:line:col, in line order, and counted", async () => {
    const dir = tempDir();
    write(dir, "bad.yml", "points:\n  release: thirty\nzzz: 1\nlimits:\n  monthly_cap: -5\n");
    const r = await runCli(["check-config", "bad.yml"], { cwd: dir });
    exits(r, 1);
    expect(r.stdout).toBe("");
    expect(r.stderr.split("\n")).toEqual([
      'bad.yml:2:12: points.release: found "thirty"; expected a number',
      expect.stringMatching(/^bad\.yml:3:1: zzz: unknown key; expected one of version, points, /),
      "bad.yml:5:16: limits.monthly_cap: found -5; expected a number ≥ 0",
      "3 problems in bad.yml",
      "",
    ]);
  });

  it("a usage error: exit 2", async () => {
    const dir = tempDir();
    write(dir, "a.yml", "");
    const extra = await runCli(["check-config", "a.yml", "b.yml"], { cwd: dir });
    exits(extra, 2);
    expect(extra.stderr).toContain("unexpected argument 'b.yml'");
  });

  it("a named file that does not exist is an I/O error, not the defaults", async () => {
    const dir = tempDir();
    const r = await runCli(["check-config", "missing.yml"], { cwd: dir });
    exits(r, 2);
    expect(r.stderr).toContain("missing.yml");
  });
});

describe("explain", () => {
  it("prints each breakdown rule, the total, and that recomputing gives the same points", async () => {
    const l = await ledger();
    const award = l.bodies[1] as EntryBody;
    const r = await runCli(["explain", l.dir, award.id]);
    exits(r, 0);
    const out = r.stdout;
    expect(out).toContain(`entry ${award.id} (seq 1, award) for alice in octo/demo, 2025-03-10T10:00:00Z`);
    expect(out).toMatch(/^pr\.merged\s+25\.000\s*$/m);
    expect(out).toMatch(/^pr\.lines\s+1\.000\s+100 added, 0 deleted$/m);
    expect(out).toMatch(/^pr\.size_tier\s+5\.000\s+100\+ lines$/m);
    expect(out).toMatch(/^total\s+31\.000$/m);
    expect(out).toContain("recomputed from the recorded inputs and rules: the same points");
  });

  it("says when the recorded points are not what the rules give", async () => {
    const bodies = tinyBodies();
    const forged = { ...(bodies[4] as EntryBody), points: 30_000, breakdown: [{ rule: "comment", points: 30_000 }] };
    const l = await ledger([...bodies.slice(0, 4), forged]);
    const r = await runCli(["explain", l.dir, forged.id]);
    exits(r, 0);
    expect(r.stdout).toMatch(/^total\s+30\.000$/m);
    expect(r.stdout).toContain("recomputed: 3.000 — DIFFERS from the record");
  });

  it("an id no entry has: exit 1; something that is not an id: exit 2", async () => {
    const l = await ledger();
    const unknown = await runCli(["explain", l.dir, "0".repeat(64)]);
    exits(unknown, 1);
    expect(unknown.stderr).toContain(`no entry has id ${"0".repeat(64)}`);
    const notHex = await runCli(["explain", l.dir, "pr-12"]);
    exits(notHex, 2);
    expect(notHex.stderr).toContain("'pr-12' is not an entry id (64 hex digits)");
  });
});

describe("verify --recompute", () => {
  it("an honest ledger: exit 0, every award recomputed", async () => {
    const l = await ledger();
    const r = await runCli(["verify", l.dir, "--recompute"]);
    exits(r, 0);
    expect(r.stdout).toContain("every award recomputed");
  });

  it("points changed and re-signed by the ledger's own key: only recomputation catches it, and names the seq", async () => {
    const bodies = tinyBodies();
    // carol's comment is worth 3 points; the forgery records 30, with a breakdown that adds up.
    const forged = { ...(bodies[4] as EntryBody), points: 30_000, breakdown: [{ rule: "comment", points: 30_000 }] };
    const l = await ledger([...bodies.slice(0, 4), forged]);
    exits(await runCli(["verify", l.dir]), 0);
    const r = await runCli(["verify", l.dir, "--recompute"]);
    exits(r, 1);
    expect(r.stderr).toContain("entries/000/000.jsonl:5");
    expect(r.stderr).toContain(`seq 4 (${forged.id}): recorded 30000 millipoints`);
    expect(r.stderr).toContain("the rules give 3000");
    expect(r.stderr).not.toMatch(/seq [0-35-9] /);
  });
});

describe("simulate", () => {
  it("shows totals and ranks moving as worked out by hand, and writes nothing", async () => {
    const l = await ledger();
    // Candidate: points.review 30. bob: 30 × 1 + 30 × 0.5 = 45 (was 30); alice 31 and carol 3 unchanged.
    // Ranks: bob 2 → 1, alice 1 → 2, carol 3 → 3. Total 64 → 79.
    write(l.root, "candidate.yml", "points:\n  review: 30\n");
    const before = snapshot(l.root);
    const r = await runCli(["simulate", l.dir, "--config", "candidate.yml"], { cwd: l.root });
    exits(r, 0);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("4 awards recomputed; 2 change; total 64.000 → 79.000 points");
    const rows = lines
      .map((line) => /^\s*(\d+)\s+(\S+)\s+(\S+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s+([+-][\d.]+)$/.exec(line)?.slice(1))
      .filter((row) => row !== undefined);
    expect(rows).toEqual([
      ["1", "2", "bob", "45.000", "30.000", "+15.000"],
      ["2", "1", "alice", "31.000", "31.000", "+0.000"],
      ["3", "3", "carol", "3.000", "3.000", "+0.000"],
    ]);
    expect(snapshot(l.root)).toEqual(before);
  });

  it("under the ledger's own rules nothing moves", async () => {
    const l = await ledger();
    write(l.root, "same.yml", "");
    const r = await runCli(["simulate", l.dir, "--config", "same.yml"], { cwd: l.root });
    exits(r, 0);
    expect(r.stdout.split("\n")[0]).toBe("4 awards recomputed; 0 change; total 64.000 → 64.000 points");
  });

  it("a candidate with problems: exit 1, located", async () => {
    const l = await ledger();
    write(l.root, "bad.yml", "points:\n  review: lots\n");
    const bad = await runCli(["simulate", l.dir, "--config", "bad.yml"], { cwd: l.root });
    exits(bad, 1);
    expect(bad.stderr).toContain('bad.yml:2:11: points.review: found "lots"; expected a number');
  });
});

describe("rescore", () => {
  it("appends reversals and new awards; a second run adds nothing; verify --recompute passes after", async () => {
    const l = await ledger();
    write(l.root, "candidate.yml", "points:\n  review: 30\n");
    const args = ["rescore", l.dir, "--since", "2025-01-01", "--config", "candidate.yml", "--key", l.key];
    const first = await runCli(args, { cwd: l.root });
    exits(first, 0);
    // Only bob's two reviews change: a reversal and a new award each.
    expect(first.stdout).toMatch(/appended 4 entries/);
    const entries = await allEntries(l.dir);
    expect(entries.slice(0, 5).map((e) => e.id)).toEqual(l.bodies.map((b) => b.id));
    const added = entries.slice(5);
    expect(added.map((e) => [e.kind, e.actor.login, e.points])).toEqual([
      ["reversal", "bob", -20_000],
      ["award", "bob", 30_000],
      ["reversal", "bob", -10_000],
      ["award", "bob", 15_000],
    ]);
    for (const reversal of added.filter((e) => e.kind === "reversal")) {
      const original = entries.find((e) => e.id === reversal.ref);
      expect((original?.points ?? 0) + reversal.points).toBe(0);
    }
    const totals = Object.fromEntries([...foldEntries(entries).values()].map((s) => [s.login, s.points]));
    expect(totals).toEqual({ alice: 31_000, bob: 45_000, carol: 3_000 });

    const after = snapshot(l.dir);
    const second = await runCli(args, { cwd: l.root });
    exits(second, 0);
    expect(second.stdout).toMatch(/appended 0 entries/);
    expect(snapshot(l.dir)).toEqual(after);

    exits(await runCli(["verify", l.dir, "--recompute"]), 0);
  });

  it("awards before --since are left alone", async () => {
    const l = await ledger();
    write(l.root, "candidate.yml", "points:\n  review: 30\n");
    // bob's reviews are on 2025-03-11 and 2025-03-12: only the second is on or after the 12th.
    const r = await runCli(["rescore", l.dir, "--since", "2025-03-12", "--config", "candidate.yml", "--key", l.key], { cwd: l.root });
    exits(r, 0);
    const added = (await allEntries(l.dir)).slice(5);
    expect(added.map((e) => [e.kind, e.ref, e.points])).toEqual([
      ["reversal", l.bodies[3]?.id, -10_000],
      ["award", l.bodies[3]?.id, 15_000],
    ]);
  });
});
