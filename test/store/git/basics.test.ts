/**
 * Appending to a data branch on a real bare remote, through the library and the built CLI: the orphan
 * branch, one commit per append naming its entries, the author, replays that change nothing, and a
 * call's facts landing together or not at all.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { EntryBody } from "../../../src/ledger/entry.ts";
import { appendToBranch } from "../../../src/store/git/append-branch.ts";
import { KeyMismatchError } from "../../../src/store/ledger-files.ts";
import { jsonl } from "../../cli/run-cli.ts";
import {
  branchLog,
  branchTip,
  type CommitInfo,
  createBareRemote,
  fact,
  gitSync,
  idCounts,
  readBranch,
  remoteSnapshot,
  runMeritlog,
  writeKeyFile,
} from "../../helpers/git-remote.ts";
import { removeTempDirs, tempDir, testSigner } from "../../helpers/ledger.ts";

afterAll(removeTempDirs);

const signer = testSigner("basics");
const BOT = "meritlog[bot] <meritlog[bot]@users.noreply.github.com>";

function facts(prefix: string, n: number): EntryBody[] {
  return Array.from({ length: n }, (_, i) => fact(`${prefix}:${i}`));
}

/** `<seq> <id>` for each entry a commit message lists after its summary line. */
function listedEntries(c: CommitInfo): string[] {
  const [, blank, ...rest] = c.message.trimEnd().split("\n");
  expect(blank, `the summary line is followed by a blank line in:\n${c.message}`).toBe("");
  return rest.map((line) => {
    const [seq, id] = line.split(" ");
    return `${seq} ${id}`;
  });
}

function seqIds(bodies: readonly EntryBody[], first: number): string[] {
  return bodies.map((b, i) => `${first + i} ${b.id}`);
}

/** An append through the library with a scratch folder the test can look into afterwards. */
function libraryAppend(remote: string, bodies: readonly EntryBody[], options: Parameters<typeof appendToBranch>[3] = {}) {
  const scratch = tempDir("meritlog-scratch-");
  return {
    scratch,
    done: appendToBranch({ url: remote, branch: "meritlog" }, bodies, signer, { scratch, ...options }),
  };
}

describe("appending to a new remote", () => {
  it("creates the orphan branch meritlog with one commit that lists the entries, by meritlog[bot]", async () => {
    // A repository with code on main, as a user's repository has: the data branch shares none of it.
    const remote = createBareRemote();
    const work = tempDir();
    gitSync(work, ["init", "-q", "-b", "main"]);
    gitSync(work, ["-c", "user.name=Dev", "-c", "user.email=dev@example.com", "commit", "-q", "--allow-empty", "-m", "code"]);
    gitSync(work, ["push", "-q", remote, "main"]);
    const main = branchTip(remote, "main");

    const bodies = facts("new", 3);
    const { scratch, done } = libraryAppend(remote, bodies);
    const result = await done;

    const log = branchLog(remote);
    expect(log).toHaveLength(1);
    const [commit] = log as [CommitInfo];
    expect(commit.commit).toBe(result.commit);
    expect(commit.parents).toEqual([]);
    expect(commit.author).toBe(BOT);
    expect(commit.committer).toBe(BOT);
    expect(commit.message.split("\n")[0]).toBe("meritlog: append 3 entries (seq 0–2)");
    expect(listedEntries(commit)).toEqual(seqIds(bodies, 0));
    expect(result.attempts).toBe(1);
    expect(branchTip(remote, "main")).toBe(main);
    expect(gitSync(remote, ["for-each-ref", "--format=%(refname)"]).split("\n").filter(Boolean).sort()).toEqual([
      "refs/heads/main",
      "refs/heads/meritlog",
    ]);

    const ledger = await readBranch(remote);
    expect(ledger?.entries).toEqual(bodies.map((b, seq) => ({ seq, id: b.id })));
    expect(ledger?.verified.origin).toBe(signer.name);
    // The scratch repository is removed once the append is done.
    expect(readdirSync(scratch)).toEqual([]);
  });

  it("the CLI creates the branch named by --branch, with the author given by --author", async () => {
    const remote = createBareRemote();
    const dir = tempDir();
    const key = writeKeyFile(dir, signer);
    const bodies = facts("cli-new", 2);
    const r = await runMeritlog(
      ["append", "--remote", remote, "--branch", "data/ledger", "--key", key, "--author", "Ledger Keeper <keeper@example.com>"],
      { stdin: jsonl(bodies), env: { TMPDIR: dir } },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe("");
    const log = branchLog(remote, "data/ledger");
    expect(log).toHaveLength(1);
    expect(log[0]?.parents).toEqual([]);
    expect(log[0]?.author).toBe("Ledger Keeper <keeper@example.com>");
    expect(log[0]?.committer).toBe("Ledger Keeper <keeper@example.com>");
    expect(listedEntries(log[0] as CommitInfo)).toEqual(seqIds(bodies, 0));
    expect(r.stdout).toMatch(
      new RegExp(
        `^appended 2 entries \\(seq 0–1\\) in commit ${log[0]?.commit.slice(0, 12)} on data/ledger; 0 already recorded; checkpoint 2 `,
      ),
    );
    expect(branchTip(remote, "meritlog")).toBeUndefined();
    expect((await readBranch(remote, "data/ledger"))?.entries.map((e) => e.id)).toEqual(bodies.map((b) => b.id));
    // Only the key file is left in the CLI's temp folder: its scratch repository is gone.
    expect(readdirSync(dir)).toEqual(["meritlog.key"]);
  });

  it("a relative remote path is taken from cwd", async () => {
    const remote = createBareRemote();
    const bodies = facts("relative", 1);
    await appendToBranch({ url: "ledger.git", branch: "meritlog" }, bodies, signer, { cwd: join(remote, "..") });
    expect((await readBranch(remote))?.entries.map((e) => e.id)).toEqual([bodies[0]?.id]);
  });
});

describe("each append is one commit", () => {
  it("library, CLI and library appends each add one commit on the previous tip, listing exactly its entries", async () => {
    const remote = createBareRemote();
    const dir = tempDir();
    const key = writeKeyFile(dir, signer);
    const a = facts("a", 2);
    const b = facts("b", 4);
    const c = facts("c", 1);

    const first = await libraryAppend(remote, a, { author: { name: "Alice", email: "alice@example.com" } }).done;
    const cli = await runMeritlog(["append", "--remote", remote, "--key", key], { stdin: jsonl(b) });
    expect(cli.code, cli.stderr).toBe(0);
    const third = await libraryAppend(remote, c).done;

    const log = branchLog(remote).reverse();
    expect(log.map((x) => x.parents)).toEqual([[], [log[0]?.commit], [log[1]?.commit]]);
    expect(log[0]?.commit).toBe(first.commit);
    expect(log[2]?.commit).toBe(third.commit);
    expect(log.map((x) => x.author)).toEqual(["Alice <alice@example.com>", BOT, BOT]);
    expect(log.map((x) => x.message.split("\n")[0])).toEqual([
      "meritlog: append 2 entries (seq 0–1)",
      "meritlog: append 4 entries (seq 2–5)",
      "meritlog: append 1 entry (seq 6–6)",
    ]);
    expect(log.map(listedEntries)).toEqual([seqIds(a, 0), seqIds(b, 2), seqIds(c, 6)]);
    expect((await readBranch(remote))?.entries.map((e) => e.id)).toEqual([...a, ...b, ...c].map((x) => x.id));
  });

  it("a batch that crosses a shard boundary lands in one commit, all of it", async () => {
    const remote = createBareRemote();
    await libraryAppend(remote, facts("before", 250)).done;
    const tip = branchTip(remote);
    const batch = facts("across", 20);
    const result = await libraryAppend(remote, batch).done;

    const log = branchLog(remote);
    expect(log).toHaveLength(2);
    expect(log[0]?.parents).toEqual([tip]);
    expect(listedEntries(log[0] as CommitInfo)).toEqual(seqIds(batch, 250));
    const changed = gitSync(remote, ["diff-tree", "-r", "--name-only", "--no-commit-id", tip as string, result.commit as string])
      .split("\n")
      .filter(Boolean);
    expect(changed).toEqual(expect.arrayContaining(["entries/000/000.jsonl", "entries/000/001.jsonl", "head.json", "checkpoint"]));
    const ledger = await readBranch(remote);
    expect(ledger?.entries.slice(250).map((e) => e.id)).toEqual(batch.map((b) => b.id));
    expect(ledger?.verified.size).toBe(270);
  });
});

describe("replays", () => {
  it("the same bodies appended 10 more times, by library and CLI, add no entry and no commit", async () => {
    const remote = createBareRemote();
    const dir = tempDir();
    const key = writeKeyFile(dir, signer);
    const bodies = facts("replay", 5);
    await libraryAppend(remote, bodies).done;
    const before = remoteSnapshot(remote);

    for (let i = 0; i < 5; i++) {
      const again = await libraryAppend(remote, bodies).done;
      expect(again.commit).toBeUndefined();
      expect(again.result.lines).toEqual([]);
      expect(again.result.skipped).toEqual(bodies.map((b) => b.id));
    }
    for (let i = 0; i < 5; i++) {
      const r = await runMeritlog(["append", "--remote", remote, "--key", key], { stdin: jsonl(bodies) });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe("appended 0 entries; 5 already recorded; ledger unchanged at 5 entries\n");
    }
    expect(remoteSnapshot(remote)).toEqual(before);
    const ledger = await readBranch(remote);
    expect(ledger?.entries).toEqual(bodies.map((b, seq) => ({ seq, id: b.id })));
  });

  it("a batch mixing recorded and new facts commits only the new ones, and lists only them", async () => {
    const remote = createBareRemote();
    const old = facts("old", 3);
    const fresh = facts("fresh", 2);
    await libraryAppend(remote, old).done;
    const mixed = [old[1], fresh[0], old[0], fresh[1], fresh[0]] as EntryBody[];
    const result = await libraryAppend(remote, mixed).done;
    expect(result.result.skipped).toEqual([old[1]?.id, old[0]?.id, fresh[0]?.id]);
    const log = branchLog(remote);
    expect(log).toHaveLength(2);
    expect(listedEntries(log[0] as CommitInfo)).toEqual(seqIds(fresh, 3));
    const ledger = await readBranch(remote);
    expect([...idCounts(ledger?.entries ?? []).values()]).toEqual([1, 1, 1, 1, 1]);
  });
});

describe("all or nothing", () => {
  it("a CLI batch with one bad line writes nothing, not even the good lines before it", async () => {
    const remote = createBareRemote();
    const dir = tempDir();
    const key = writeKeyFile(dir, signer);
    await libraryAppend(remote, facts("base", 2)).done;
    const before = remoteSnapshot(remote);
    const good = facts("good", 2);
    const r = await runMeritlog(["append", "--remote", remote, "--key", key], {
      stdin: jsonl([...good, { ...fact("bad"), points: "many" }]),
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^meritlog append: stdin:3: /);
    expect(r.stdout).toBe("");
    expect(remoteSnapshot(remote)).toEqual(before);
  });

  it("a batch signed by a key the ledger does not know writes nothing", async () => {
    const remote = createBareRemote();
    await libraryAppend(remote, facts("base", 2)).done;
    const before = remoteSnapshot(remote);
    const stranger = testSigner("someone else");
    const scratch = tempDir("meritlog-scratch-");
    await expect(appendToBranch({ url: remote, branch: "meritlog" }, facts("intruder", 3), stranger, { scratch })).rejects.toBeInstanceOf(
      KeyMismatchError,
    );
    expect(remoteSnapshot(remote)).toEqual(before);
    expect(readdirSync(scratch)).toEqual([]);
  });
});
