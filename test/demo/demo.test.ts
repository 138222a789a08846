/**
 * `npm run demo`, run as a user runs it (`node scripts/demo.ts`), in a temporary work folder and
 * without serving: it must end with a ledger that verifies under the key it printed, holding what the
 * stream did, and a built site.
 */
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, test } from "vitest";
import { gitSync, runMeritlog, runProcess } from "../helpers/git-remote.ts";
import { readEntryLines, removeTempDirs, tempDir } from "../helpers/ledger.ts";

const DEMO = fileURLToPath(new URL("../../scripts/demo.ts", import.meta.url));

interface Line {
  kind: string;
  points: number;
  actor: { id: number; login: string };
  subject: { number?: number };
  source: { event: string };
  by?: { login: string };
  inputs?: Record<string, unknown>;
}

afterAll(removeTempDirs);

describe("npm run demo", () => {
  test("replays the stream through the built action, verifies the ledger and builds the site", {
    timeout: 300_000,
  }, async () => {
    const work = join(tempDir("meritlog-demo-"), "work");
    const run = await runProcess(process.execPath, [DEMO, "--no-serve", "--dir", work], { timeoutMs: 280_000 });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    // Each step reports itself with its elapsed time.
    for (const step of ["key", "history: .*", "published examples", "live stream", "verify", "site"]) {
      expect(run.stdout).toMatch(new RegExp(`^\\[ *\\d+\\.\\ds\\] ${step}$`, "m"));
    }
    expect(run.stdout).toMatch(/backfill since 2025-01-01: 800 pull requests read, [1-9]\d* entries appended/);

    const remote = join(work, "server", "octo-org", "widgets.git");
    const vkey = /verifier key (\S+)/.exec(run.stdout)?.[1] as string;
    const verified = await runMeritlog(["verify", remote, "--vkey", vkey]);
    expect(verified.code, verified.stderr).toBe(0);
    expect(existsSync(join(work, "site", "index.html"))).toBe(true);
    expect(readdirSync(join(work, "site", "u"))).toEqual(expect.arrayContaining(["alice", "erin"]));

    const clone = join(tempDir("meritlog-demo-clone-"), "ledger");
    gitSync(work, ["clone", "-q", "--branch", "meritlog", remote, clone]);
    const lines = readEntryLines(clone).map((l) => JSON.parse(l.toString("utf8")) as Line);
    // Payloads and the API agree on who is who: one account id per login.
    const ids = new Map<string, Set<number>>();
    for (const e of lines) ids.set(e.actor.login, (ids.get(e.actor.login) ?? new Set()).add(e.actor.id));
    expect([...ids].filter(([, s]) => s.size > 1)).toEqual([]);
    // The generated year came in through the backfill: a long tail of a few hundred contributors.
    const backfilled = lines.filter((e) => e.source.event === "backfill");
    expect(new Set(backfilled.map((e) => e.actor.login)).size).toBeGreaterThan(200);
    const on = (n: number) => lines.filter((e) => e.subject.number === n);
    const total = (entries: Line[]) => entries.reduce((a, e) => a + e.points, 0);
    // The reverted pull request and the spam are voided: their points net to nothing.
    expect(on(15).some((e) => e.kind === "reversal")).toBe(true);
    expect(total(on(15))).toBe(0);
    expect(total(on(17))).toBe(0);
    // The maintainer's bonus and rating are recorded; the reader's bonus is not; the bot scores nothing.
    expect(on(14).find((e) => e.kind === "bonus")?.by?.login).toBe("maya");
    expect(on(13).some((e) => e.inputs?.command === "rate")).toBe(true);
    expect(lines.some((e) => e.by?.login === "rita")).toBe(false);
    expect(lines.filter((e) => e.actor.login === "dependabot[bot]" && e.points !== 0)).toEqual([]);
    // The first-time contributor's merge scores, and the daily run gave badges.
    expect(on(19).some((e) => e.actor.login === "erin" && e.kind === "award" && e.points > 0)).toBe(true);
    expect(lines.some((e) => e.kind === "badge")).toBe(true);
  });

  test("refuses to empty a work folder that holds anything but a previous demo", async () => {
    const work = tempDir("meritlog-demo-");
    writeFileSync(join(work, "notes.txt"), "mine\n");
    const run = await runProcess(process.execPath, [DEMO, "--no-serve", "--dir", work]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`demo failed: ${work} holds files that are not the demo's; name an empty or new folder with --dir\n`);
    expect(readdirSync(work)).toEqual(["notes.txt"]);
  });
});
