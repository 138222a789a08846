/**
 * Replays across processes: the same facts sent by several writers at once, or again later by another
 * process, are recorded once, because an entry's id comes from its fact and the writer checks the
 * branch's id index on every attempt, including the retries that follow a lost race.
 */
import { afterAll, describe, expect, it } from "vitest";
import { jsonl } from "../../cli/run-cli.ts";
import {
  branchLog,
  createBareRemote,
  fact,
  idCounts,
  readBranch,
  remoteSnapshot,
  runMeritlog,
  runWriters,
  startMeritlog,
  writeKeyFile,
} from "../../helpers/git-remote.ts";
import { removeTempDirs, tempDir, testSigner } from "../../helpers/ledger.ts";

afterAll(removeTempDirs);

const signer = testSigner("idempotence");

describe("the same facts from several processes", () => {
  it("4 CLI processes started together with one batch: one commit holds it, each fact once", async () => {
    const remote = createBareRemote();
    const key = writeKeyFile(tempDir(), signer);
    const batch = Array.from({ length: 5 }, (_, i) => fact(`same:${i}`));
    const writers = Array.from({ length: 4 }, () =>
      startMeritlog(["append", "--remote", remote, "--key", key], { stdin: jsonl(batch), env: { TMPDIR: tempDir() } }),
    );
    const results = await Promise.all(writers.map((w) => w.done));
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const log = branchLog(remote);
    expect(log).toHaveLength(1);
    // Writers that read the same tip in the same second build byte-identical commits (the entries'
    // signatures are deterministic), so more than one may report the commit that landed; none
    // reports another.
    const tip = log[0]?.commit.slice(0, 12);
    const winners = results.filter((r) => r.stdout.startsWith(`appended 5 entries (seq 0–4) in commit ${tip} on meritlog;`));
    const replays = results.filter((r) => r.stdout === "appended 0 entries; 5 already recorded; ledger unchanged at 5 entries\n");
    expect(winners.length).toBeGreaterThanOrEqual(1);
    expect(winners.length + replays.length).toBe(4);
    const ledger = await readBranch(remote);
    expect(ledger?.entries).toEqual(batch.map((b, seq) => ({ seq, id: b.id })));
  });

  it("4 library writers with overlapping batches: the union once, each batch accounted for in full", async () => {
    const remote = createBareRemote();
    const pool = Array.from({ length: 9 }, (_, i) => fact(`overlap:${i}`));
    // Writer k sends facts k…k+2, then k+3…k+5: each fact is sent by up to 4 writers.
    const jobs = Array.from({ length: 4 }, (_, k) => ({
      url: remote,
      branch: "meritlog",
      skey: signer.skey,
      batches: [pool.slice(k, k + 3), pool.slice(k + 3, k + 6)],
    }));
    const runs = await runWriters(jobs, tempDir());
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    const reports = runs.flatMap((r) => r.reports);
    expect(reports).toHaveLength(8);
    for (const r of reports) {
      expect(r.gaveUp).toBeUndefined();
      expect(r.appended + r.skipped).toBe(3);
      expect(r.commit === null).toBe(r.appended === 0);
    }
    // Identical batches on the same tip make identical commits: count each commit once.
    const byCommit = new Map(reports.flatMap((r) => (r.commit ? [[r.commit, r.appended] as const] : [])));
    expect([...byCommit.values()].reduce((sum, n) => sum + n, 0)).toBe(pool.length);

    const ledger = await readBranch(remote);
    const counts = idCounts(ledger?.entries ?? []);
    expect([...counts.keys()].sort()).toEqual(pool.map((b) => b.id).sort());
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(ledger?.entries.map((e) => e.seq)).toEqual(pool.map((_, i) => i));
    expect(new Set(branchLog(remote).map((c) => c.commit))).toEqual(new Set(byCommit.keys()));
  }, 120_000);

  it("a later replay by other processes, library and CLI, leaves the remote byte-identical", async () => {
    const remote = createBareRemote();
    const key = writeKeyFile(tempDir(), signer);
    const batch = Array.from({ length: 4 }, (_, i) => fact(`later:${i}`));
    const first = await runMeritlog(["append", "--remote", remote, "--key", key], { stdin: jsonl(batch) });
    expect(first.code, first.stderr).toBe(0);
    const before = remoteSnapshot(remote);

    const job = { url: remote, branch: "meritlog", skey: signer.skey, batches: [batch, batch.slice(1, 3), [...batch].reverse()] };
    const runs = await runWriters([job, job], tempDir());
    for (const run of runs) {
      expect(run.code, run.stderr).toBe(0);
      expect(run.reports.map((r) => [r.commit, r.appended, r.skipped])).toEqual([
        [null, 0, 4],
        [null, 0, 2],
        [null, 0, 4],
      ]);
    }
    const cli = await runMeritlog(["append", "--remote", remote, "--key", key], { stdin: jsonl([...batch, ...batch]) });
    expect(cli.stdout).toBe("appended 0 entries; 8 already recorded; ledger unchanged at 4 entries\n");
    expect(remoteSnapshot(remote)).toEqual(before);
  });
});
