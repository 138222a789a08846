/**
 * A writer killed at any point of an append: the remote is served over HTTP, as GitHub serves it, so
 * that killing the writer (with every git process it started) leaves the server side running, as a
 * crashed CI job does. Whatever the moment, the remote must still hold a valid ledger with the batch
 * either all there or not there at all, and running the batch again must complete it exactly once.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EntryBody } from "../../../src/ledger/entry.ts";
import { jsonl } from "../../cli/run-cli.ts";
import {
  createBareRemote,
  fact,
  type GitHttpServer,
  idCounts,
  type ProcessOptions,
  readBranch,
  runMeritlog,
  type StartedProcess,
  seededRandom,
  startGitHttpServer,
  startMeritlog,
  writeKeyFile,
} from "../../helpers/git-remote.ts";
import { removeTempDir, removeTempDirs, tempDir, testSigner } from "../../helpers/ledger.ts";

const TOKEN = "ghs_crashTestToken000111222333444555";
const BATCH = 3;
const SEED = 20_240_917;

let root: string;
let server: GitHttpServer;
let key: string;

beforeAll(async () => {
  root = tempDir("meritlog-served-");
  server = await startGitHttpServer(root, TOKEN);
  key = writeKeyFile(tempDir(), testSigner("crash"));
});
afterAll(async () => {
  await server?.close();
  removeTempDirs();
});

function batchOf(name: string, i: number): EntryBody[] {
  return Array.from({ length: BATCH }, (_, j) => fact(`crash:${name}:${i}:${j}`));
}

function appendArgs(url: string, bodies: readonly EntryBody[], tmp: string): [string[], ProcessOptions] {
  return [["append", "--remote", url, "--key", key], { stdin: jsonl(bodies), env: { MERITLOG_TOKEN: TOKEN, TMPDIR: tmp } }];
}

interface Outcomes {
  notLanded: number;
  landedThenKilled: number;
  finishedFirst: number;
}

/**
 * Runs `rounds` rounds on a new served remote: start a writer of a new batch, kill it when `killAt`
 * says, check what the remote holds, then run the batch again to completion.
 */
async function crashRounds(
  name: string,
  rounds: number,
  killAt: (writer: StartedProcess, round: number) => Promise<void>,
): Promise<Outcomes> {
  const remote = createBareRemote(root, `${name}.git`);
  const url = server.url(`${name}.git`);
  const outcomes: Outcomes = { notLanded: 0, landedThenKilled: 0, finishedFirst: 0 };
  for (let i = 0; i < rounds; i++) {
    const batch = batchOf(name, i);
    const tmp = tempDir();
    const writer = startMeritlog(...appendArgs(url, batch, tmp));
    await killAt(writer, i);
    writer.kill();
    const killed = await writer.done;
    // The server finishes whatever the writer had already sent before anything is looked at.
    await server.idle();

    const ledger = await readBranch(remote);
    if (i > 0) expect(ledger, `round ${i}: the branch is gone`).toBeDefined();
    const counts = idCounts(ledger?.entries ?? []);
    const landed = counts.get(batch[0]?.id as string) === 1;
    // A batch lands whole or not at all, and nothing before it moved.
    expect(
      batch.map((b) => counts.get(b.id) ?? 0),
      `round ${i}`,
    ).toEqual(batch.map(() => (landed ? 1 : 0)));
    const expected = Array.from({ length: i }, (_, k) => batchOf(name, k)).flat();
    if (landed) expected.push(...batch);
    expect(ledger?.entries.map((e) => e.id) ?? []).toEqual(expected.map((b) => b.id));
    if (killed.signal === null) {
      expect(killed.code, killed.stderr).toBe(0);
      expect(landed).toBe(true);
      outcomes.finishedFirst++;
    } else {
      expect(killed.signal).toBe("SIGKILL");
      if (landed) outcomes.landedThenKilled++;
      else outcomes.notLanded++;
    }
    expect(killed.stdout + killed.stderr).not.toContain(TOKEN);

    const rerun = await runMeritlog(...appendArgs(url, batch, tmp));
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stdout).toMatch(
      landed
        ? new RegExp(`^appended 0 entries; ${BATCH} already recorded; ledger unchanged at ${BATCH * (i + 1)} entries\\n$`)
        : new RegExp(
            `^appended ${BATCH} entries \\(seq ${BATCH * i}–${BATCH * (i + 1) - 1}\\) in commit [0-9a-f]{12} on meritlog; 0 already recorded; `,
          ),
    );
    removeTempDir(tmp);
  }

  await server.idle();
  const ledger = await readBranch(remote);
  const all = Array.from({ length: rounds }, (_, k) => batchOf(name, k)).flat();
  expect(ledger?.entries).toEqual(all.map((b, seq) => ({ seq, id: b.id })));
  const verified = await runMeritlog(["verify", url], { env: { MERITLOG_TOKEN: TOKEN } });
  expect(verified.code, verified.stderr).toBe(0);
  expect(verified.stdout).toMatch(new RegExp(`^ok: ${rounds * BATCH} entries of `));
  return outcomes;
}

const summary = (o: Outcomes) =>
  `${o.notLanded} before the batch landed, ${o.landedThenKilled} after it landed, ${o.finishedFirst} after the writer had finished`;

describe("a writer killed with SIGKILL mid-append", () => {
  it("30 kills at random points: the remote always verifies, and a rerun completes the batch exactly once", async ({ annotate }) => {
    // How long an append takes here and now, start to exit, on a ledger of its own.
    createBareRemote(root, "warm.git");
    const durations: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await runMeritlog(...appendArgs(server.url("warm.git"), batchOf("warm", i), tempDir()));
      expect(r.code, r.stderr).toBe(0);
      durations.push(r.ms);
    }
    const typical = [...durations].sort((a, b) => a - b)[1] as number;
    const rounds = 30;
    const random = seededRandom(SEED);
    // One kill in each of 30 equal slices of the append's time, at a random point of its slice, so
    // that every phase is hit on every run, not only where the randomness happens to fall.
    const outcomes = await crashRounds("random", rounds, (_, i) => sleep((typical * (i + random())) / rounds));
    await annotate(`typical append ${Math.round(typical)} ms (seed ${SEED}); of ${rounds} kills: ${summary(outcomes)}`);
  }, 300_000);

  it("12 kills as the push starts and as it reaches the server: the same guarantees", async ({ annotate }) => {
    const random = seededRandom(SEED + 1);
    const rounds = 12;
    const outcomes = await crashRounds("at-push", rounds, async (writer, i) => {
      // Even rounds: when the push asks for the branch's ref (its pack not sent yet); odd rounds:
      // when its pack is on the way, which the server then applies without the writer.
      const push = server.nextRequest((r) =>
        i % 2 === 0
          ? r.target.endsWith("/info/refs?service=git-receive-pack")
          : r.method === "POST" && r.target.endsWith("/git-receive-pack"),
      );
      await Promise.race([push, writer.done]);
      await sleep(random() * 30);
    });
    expect(outcomes.landedThenKilled).toBeGreaterThan(0);
    await annotate(`of ${rounds} kills at the push (seed ${SEED + 1}): ${summary(outcomes)}`);
  }, 180_000);
});
