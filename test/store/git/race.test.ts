/**
 * Writers racing for one data branch, as separate OS processes: the remote's atomic ref update is the
 * only lock, so every fact must land exactly once, with seqs contiguous and the chain intact.
 */
import { afterAll, describe, expect, it } from "vitest";
import { branchLog, createBareRemote, fact, idCounts, readBranch, runMeritlog, runWriters } from "../../helpers/git-remote.ts";
import { removeTempDirs, tempDir, testSigner } from "../../helpers/ledger.ts";

afterAll(removeTempDirs);

// The contention the store must bear. Every attempt is a dozen git processes, and the writers that
// lose a round have spent theirs too, so on a busy 2-core machine this takes minutes, not seconds.
const WRITERS = 8;
const APPENDS = 25;
const TOTAL = WRITERS * APPENDS;

describe("concurrent writers on one bare remote", () => {
  it(`${WRITERS} processes × ${APPENDS} sequential appends: every fact exactly once, seq contiguous, verify passes`, async ({
    annotate,
  }) => {
    const remote = createBareRemote();
    const signer = testSigner("race");
    const jobs = Array.from({ length: WRITERS }, (_, w) => ({
      url: remote,
      branch: "meritlog",
      skey: signer.skey,
      batches: Array.from({ length: APPENDS }, (_, a) => [fact(`race:${w}:${a}`)]),
    }));
    const started = performance.now();
    const runs = await runWriters(jobs, tempDir(), 290_000);
    const seconds = (performance.now() - started) / 1000;
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    const reports = runs.flatMap((r, w) => r.reports.map((report) => ({ ...report, writer: w })));
    expect(reports).toHaveLength(TOTAL);
    const landed = reports.filter((r) => r.gaveUp === undefined);
    const gaveUp = reports.filter((r) => r.gaveUp !== undefined);
    const retries = reports.reduce((sum, r) => sum + r.attempts - 1, 0);
    const worst = Math.max(...reports.map((r) => r.attempts));
    await annotate(
      `${TOTAL} appends by ${WRITERS} processes in ${seconds.toFixed(1)} s: ${retries} retries in all, at most ${worst} attempts for one append, ${gaveUp.length} given up`,
    );

    // Safety first, whatever the retry budget: what was reported landed exactly once, what was
    // given up left nothing behind, and the ledger stayed one valid chain.
    for (const r of landed) expect(r).toMatchObject({ appended: 1, skipped: 0 });
    const ledger = await readBranch(remote);
    if (!ledger) throw new Error("the branch was not created");
    const idOf = (r: { writer: number; batch: number }) => fact(`race:${r.writer}:${r.batch}`).id;
    const counts = idCounts(ledger.entries);
    expect([...counts.keys()].sort()).toEqual(landed.map(idOf).sort());
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(ledger.entries.map((e) => e.seq)).toEqual(Array.from({ length: landed.length }, (_, i) => i));
    expect(ledger.verified.size).toBe(landed.length);
    // Every append is one commit on the branch, and no winner's commit was lost.
    const log = branchLog(remote);
    expect(log).toHaveLength(landed.length);
    expect(new Set(log.map((c) => c.commit))).toEqual(new Set(landed.map((r) => r.commit)));
    const verified = await runMeritlog(["verify", remote]);
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toMatch(new RegExp(`^ok: ${landed.length} entries of `));

    // Then liveness: with the default retry budget, no writer may give up under this contention.
    expect(
      gaveUp.map((r) => `writer ${r.writer} batch ${r.batch}: ${r.gaveUp}`),
      "appends given up under contention",
    ).toEqual([]);
  }, 300_000);
});
