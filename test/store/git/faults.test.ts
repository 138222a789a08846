/**
 * Appends that cannot be done: a remote that is not there, credentials it refuses, a branch rewritten
 * under the writer, a scratch disk that fails. Each gives one clear message and a non-zero exit,
 * writes nothing on the remote, and never shows the token.
 */
import { chmodSync, existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LedgerInvalidError } from "../../../src/store/folder.ts";
import { appendToBranch } from "../../../src/store/git/append-branch.ts";
import { RemoteError } from "../../../src/store/git/repo.ts";
import { CLI, jsonl } from "../../cli/run-cli.ts";
import {
  basicAuthorization,
  branchLog,
  branchTip,
  createBareRemote,
  fact,
  type GitHttpServer,
  gitSync,
  type ProcessResult,
  readBranch,
  remoteSnapshot,
  runMeritlog,
  runProcess,
  startGitHttpServer,
  tokenSightings,
  unusedPort,
  writeKeyFile,
} from "../../helpers/git-remote.ts";
import { removeTempDirs, tempDir, testSigner } from "../../helpers/ledger.ts";

const TOKEN = "ghs_rightTokenForFaults00112233445566";
const WRONG = "ghs_wrongTokenForFaults99887766554433";
const signer = testSigner("faults");

let root: string;
let server: GitHttpServer;
let keyDir: string;
let key: string;

beforeAll(async () => {
  root = tempDir("meritlog-served-");
  server = await startGitHttpServer(root, TOKEN);
  keyDir = tempDir();
  key = writeKeyFile(keyDir, signer);
});
afterAll(async () => {
  await server?.close();
  removeTempDirs();
});

/** Every way the tokens could be spelled in output. */
function expectNoSecrets(...texts: string[]): void {
  for (const secret of [TOKEN, WRONG]) {
    for (const form of [secret, basicAuthorization(secret).slice("Basic ".length)]) {
      for (const t of texts) expect(t).not.toContain(form);
    }
  }
}

/** A failed CLI run: the exit code, one message line on stderr and no stack trace, nothing on stdout. */
function expectFailure(r: ProcessResult, code: number, message: RegExp): void {
  expect(r.code, `exit code; stderr: ${r.stderr}`).toBe(code);
  expect(r.stdout).toBe("");
  expect(r.stderr).toMatch(message);
  expect(r.stderr, "stderr holds a stack trace").not.toMatch(/\n\s+at /);
  expectNoSecrets(r.stdout, r.stderr);
}

/** The text of a rejected promise's error, including its stack, for secret checks. */
async function failure(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(Error);
    expectNoSecrets(String(e), (e as Error).stack ?? "", JSON.stringify(e));
    return e as Error;
  }
  throw new Error("expected the append to fail, but it succeeded");
}

/** A served remote holding a ledger of `n` facts, appended with the right token. */
async function servedLedger(name: string, n: number): Promise<{ remote: string; url: string }> {
  const remote = createBareRemote(root, name);
  const url = server.url(name);
  await appendToBranch(
    { url, branch: "meritlog", token: TOKEN },
    Array.from({ length: n }, (_, i) => fact(`${name}:${i}`)),
    signer,
  );
  await server.idle();
  return { remote, url };
}

describe("an unreachable remote", () => {
  it("an HTTP port with nothing listening: RemoteError / exit 2, no token shown", async () => {
    const url = `http://127.0.0.1:${await unusedPort()}/ledger.git`;
    const e = await failure(appendToBranch({ url, branch: "meritlog", token: TOKEN }, [fact("x")], signer));
    expect(e).toBeInstanceOf(RemoteError);
    expect(e.message).toContain(`cannot reach the data branch 'meritlog' at ${url}`);
    expect(e.message).toMatch(/connect|refused/i);

    const r = await runMeritlog(["append", "--remote", url, "--key", key], { stdin: jsonl([fact("x")]), env: { MERITLOG_TOKEN: TOKEN } });
    expectFailure(
      r,
      2,
      new RegExp(`^meritlog append: cannot reach the data branch 'meritlog' at ${url.replaceAll(".", "\\.")}: .*(connect|refused)`, "is"),
    );
    const urlWithToken = url.replace("http://", `http://x-access-token:${TOKEN}@`);
    const v = await runMeritlog(["verify", urlWithToken]);
    expectFailure(v, 2, /^meritlog verify: cannot reach the data branch 'meritlog' at http:\/\/127\.0\.0\.1:\d+\/ledger\.git: /);
  });

  it("a path that does not exist: exit 2, and the path is not created", async () => {
    const missing = join(tempDir(), "no-such-remote.git");
    const e = await failure(appendToBranch({ url: missing, branch: "meritlog" }, [fact("x")], signer));
    expect(e).toBeInstanceOf(RemoteError);
    expect(e.message).toContain("cannot reach the data branch 'meritlog'");
    expect(e.message).toContain(missing);

    const r = await runMeritlog(["append", "--remote", missing, "--key", key], {
      stdin: jsonl([fact("x")]),
      env: { MERITLOG_TOKEN: TOKEN },
    });
    expectFailure(r, 2, /^meritlog append: cannot reach the data branch 'meritlog' at file:\/\/.*no-such-remote\.git/);
    expect(existsSync(missing)).toBe(false);
  });
});

describe("rejected credentials", () => {
  let remote: string;
  let url: string;
  beforeAll(async () => {
    ({ remote, url } = await servedLedger("creds.git", 2));
  });

  const cases: readonly { name: string; url: () => string; env: Record<string, string> }[] = [
    { name: "a wrong token in MERITLOG_TOKEN", url: () => url, env: { MERITLOG_TOKEN: WRONG } },
    { name: "a wrong token in the URL", url: () => url.replace("http://", `http://x-access-token:${WRONG}@`), env: {} },
    { name: "no token at all", url: () => url, env: {} },
  ];
  for (const c of cases) {
    it(`${c.name}: exit 2, remote unchanged, the token only ever in the Authorization header`, async () => {
      const before = remoteSnapshot(remote);
      const from = server.requests.length;
      const r = await runMeritlog(["append", "--remote", c.url(), "--key", key], { stdin: jsonl([fact("creds:new")]), env: c.env });
      // git's own words here ("could not read Username … terminal prompts disabled") say neither
      // that credentials were refused nor which ones; the message must, so that a user fixes the token.
      expectFailure(
        r,
        2,
        /^meritlog append: the data branch 'meritlog' at http:\/\/127\.0\.0\.1:\d+\/creds\.git (refused the credentials|needs credentials): .*MERITLOG_TOKEN/,
      );
      await server.idle();
      expect(remoteSnapshot(remote)).toEqual(before);
      const requests = server.requests.slice(from);
      expect(requests.length).toBeGreaterThan(0);
      expect(tokenSightings(requests, WRONG)).toEqual([]);
      expect(tokenSightings(requests, TOKEN)).toEqual([]);
      expect(requests.some((q) => q.headers.some(([, v]) => v === basicAuthorization(TOKEN)))).toBe(false);
    });
  }

  it("the library with a wrong token: RemoteError, remote unchanged", async () => {
    const before = remoteSnapshot(remote);
    const e = await failure(appendToBranch({ url, branch: "meritlog", token: WRONG }, [fact("creds:lib")], signer));
    expect(e).toBeInstanceOf(RemoteError);
    await server.idle();
    expect(remoteSnapshot(remote)).toEqual(before);
  });
});

describe("a branch rewritten under the writer", () => {
  /** A different history of the same ledger key, pushed over the remote's branch with force. */
  async function forcePushRewrite(remote: string, facts: readonly string[]): Promise<string> {
    const other = createBareRemote();
    await appendToBranch(
      { url: other, branch: "meritlog" },
      facts.map((f) => fact(f)),
      signer,
    );
    gitSync(other, ["push", "-q", "--force", remote, "meritlog:meritlog"]);
    return branchTip(remote) as string;
  }

  it("--since-head from an earlier append, after a force-push of a rebuilt ledger: exit 1, remote unchanged", async () => {
    const remote = createBareRemote();
    const dir = tempDir();
    const first = await runMeritlog(["append", "--remote", remote, "--key", key, "--save-head", "head.json"], {
      stdin: jsonl(["w:1", "w:2", "w:3"].map((f) => fact(f))),
      cwd: dir,
    });
    expect(first.code, first.stderr).toBe(0);
    const rewritten = await forcePushRewrite(remote, ["v:1", "v:2", "v:3", "v:4"]);
    const before = remoteSnapshot(remote);

    const r = await runMeritlog(["append", "--remote", remote, "--key", key, "--since-head", "head.json"], {
      stdin: jsonl([fact("w:4")]),
      cwd: dir,
    });
    expectFailure(
      r,
      1,
      /^meritlog append: branch meritlog: no longer extends the checkpoint of size 3 seen before: the entries it covered changed; it was rewritten \(force-pushed\?\), so nothing was appended\n$/,
    );
    expect(remoteSnapshot(remote)).toEqual(before);
    expect(branchTip(remote)).toBe(rewritten);
  });

  it("--since-head after the branch was reset to an older commit: exit 1, remote unchanged", async () => {
    const remote = createBareRemote();
    const dir = tempDir();
    for (const batch of [
      ["r:1", "r:2"],
      ["r:3", "r:4"],
    ]) {
      const r = await runMeritlog(["append", "--remote", remote, "--key", key, "--save-head", "head.json"], {
        stdin: jsonl(batch.map((f) => fact(f))),
        cwd: dir,
      });
      expect(r.code, r.stderr).toBe(0);
    }
    const [, older] = branchLog(remote);
    const work = tempDir();
    gitSync(work, ["clone", "-q", "--branch", "meritlog", remote, "."]);
    gitSync(work, ["push", "-q", "--force", "origin", `${older?.commit}:refs/heads/meritlog`]);
    const before = remoteSnapshot(remote);

    const r = await runMeritlog(["append", "--remote", remote, "--key", key, "--since-head", "head.json"], {
      stdin: jsonl([fact("r:5")]),
      cwd: dir,
    });
    expectFailure(
      r,
      1,
      /^meritlog append: branch meritlog: no longer extends the checkpoint of size 4 seen before: it now has only 2 entries; it was rewritten/,
    );
    expect(remoteSnapshot(remote)).toEqual(before);
  });

  it("the library's witness option, when the branch was deleted: LedgerInvalidError, no branch created", async () => {
    const remote = createBareRemote();
    const done = await appendToBranch({ url: remote, branch: "meritlog" }, [fact("d:1")], signer);
    gitSync(remote, ["update-ref", "-d", "refs/heads/meritlog"]);
    const before = remoteSnapshot(remote);
    const e = await failure(appendToBranch({ url: remote, branch: "meritlog" }, [fact("d:2")], signer, { witness: done.result.head }));
    expect(e).toBeInstanceOf(LedgerInvalidError);
    expect(e.message).toMatch(/no longer extends the checkpoint of size 1 seen before: the ledger is gone; it was rewritten/);
    expect(remoteSnapshot(remote)).toEqual(before);
    expect(branchTip(remote)).toBeUndefined();
  });

  it("a force-push between a rejected push and the retry: the retry stops, the rewrite stands, nothing of the writer lands", async () => {
    const remote = createBareRemote();
    await appendToBranch({ url: remote, branch: "meritlog" }, [fact("l:1"), fact("l:2")], signer);
    // The rewrite's objects are on the remote already, under a ref of its own.
    const other = createBareRemote();
    await appendToBranch(
      { url: other, branch: "meritlog" },
      ["m:1", "m:2", "m:3"].map((f) => fact(f)),
      signer,
    );
    gitSync(other, ["push", "-q", remote, "meritlog:refs/rewrite/meritlog"]);
    const rewritten = branchTip(other) as string;
    // Another writer force-pushes while this writer's push is in flight: the hook moves the branch
    // once, after the pack arrived and before the ref update, which then finds the branch moved.
    writeFileSync(join(remote, "rewrite-to"), `${rewritten}\n`);
    const hook = join(remote, "hooks", "pre-receive");
    writeFileSync(
      hook,
      [
        "#!/bin/sh",
        "cat >/dev/null",
        "if [ -f rewrite-to ] && [ ! -f rewrote ]; then",
        "  : > rewrote",
        '  (unset GIT_QUARANTINE_PATH; git update-ref refs/heads/meritlog "$(cat rewrite-to)") || exit 1',
        "fi",
        "",
      ].join("\n"),
    );
    chmodSync(hook, 0o755);

    const writer = ["l:3", "l:4"].map((f) => fact(f));
    const e = await failure(appendToBranch({ url: remote, branch: "meritlog" }, writer, signer));
    expect(existsSync(join(remote, "rewrote")), "the hook ran").toBe(true);
    expect(e).toBeInstanceOf(LedgerInvalidError);
    expect(e.message).toMatch(/^branch meritlog: no longer extends the checkpoint of size 2 seen before: .*it was rewritten/);
    expect(branchTip(remote)).toBe(rewritten);
    expect(gitSync(remote, ["for-each-ref", "--format=%(refname) %(objectname)"])).toBe(
      `refs/heads/meritlog ${rewritten}\nrefs/rewrite/meritlog ${rewritten}\n`,
    );
    const ledger = await readBranch(remote);
    expect(ledger?.entries.map((x) => x.id)).toEqual(["m:1", "m:2", "m:3"].map((f) => fact(f).id));
  });
});

describe("a scratch disk that fails", () => {
  it("the library's scratch folder under a regular file: a clear error, remote unchanged", async () => {
    const remote = createBareRemote();
    await appendToBranch({ url: remote, branch: "meritlog" }, [fact("s:1")], signer);
    const before = remoteSnapshot(remote);
    const file = join(tempDir(), "not-a-folder");
    writeFileSync(file, "");
    const e = await failure(appendToBranch({ url: remote, branch: "meritlog" }, [fact("s:2")], signer, { scratch: join(file, "scratch") }));
    expect(e.message).toMatch(/ENOTDIR|not a directory/);
    expect(e.message).toContain(join(file, "scratch"));
    expect(remoteSnapshot(remote)).toEqual(before);
  });

  it("the CLI with TMPDIR under a regular file: exit 2, remote unchanged", async () => {
    const remote = createBareRemote();
    await appendToBranch({ url: remote, branch: "meritlog" }, [fact("t:1")], signer);
    const before = remoteSnapshot(remote);
    const file = join(tempDir(), "not-a-folder");
    writeFileSync(file, "");
    const r = await runMeritlog(["append", "--remote", remote, "--key", key], { stdin: jsonl([fact("t:2")]), env: { TMPDIR: file } });
    expectFailure(r, 2, /^meritlog append: .*(ENOTDIR|not a directory).*not-a-folder/);
    expect(remoteSnapshot(remote)).toEqual(before);
  });

  // `ulimit -f` caps every file the writer and its git children write: at 1 KiB git itself is
  // stopped (SIGXFSZ) setting up the scratch repository; at 64 KiB the writer's own blob files fail.
  for (const [limit, what] of [
    [1, "git is killed by SIGXFSZ"],
    [64, "a write fails with EFBIG"],
  ] as const) {
    it(`the CLI under ulimit -f ${limit} (${what}): exit 2 naming the cause, remote unchanged, no scratch left`, async () => {
      const remote = createBareRemote();
      await appendToBranch({ url: remote, branch: "meritlog" }, [fact("u:0")], signer);
      const before = remoteSnapshot(remote);
      const tmp = tempDir();
      // 300 entries make a shard file of well over 64 KiB.
      const bodies = Array.from({ length: 300 }, (_, i) => fact(`u:${limit}:${i}`));
      const r = await runProcess(
        "bash",
        ["-c", `ulimit -f ${limit} && exec "$0" "$@"`, process.execPath, CLI, "append", "--remote", remote, "--key", key],
        { stdin: jsonl(bodies), env: { TMPDIR: tmp } },
      );
      expectFailure(r, 2, /^meritlog append: /);
      expect.soft(r.stderr, "the message names why the write failed").toMatch(/EFBIG|file too large|SIGXFSZ|file size limit/i);
      expect(remoteSnapshot(remote)).toEqual(before);
      expect.soft(readdirSync(tmp), "scratch repositories left in TMPDIR").toEqual([]);
    });
  }
});
