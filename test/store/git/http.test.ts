/**
 * The data branch over HTTP with a token, the way a workflow reaches GitHub: a loopback server runs
 * `git http-backend` and demands `Authorization: Basic base64(x-access-token:<token>)`. The token
 * must reach the server in that header and nowhere else, and never show in any output.
 */
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendToBranch } from "../../../src/store/git/append-branch.ts";
import { jsonl } from "../../cli/run-cli.ts";
import {
  basicAuthorization,
  branchLog,
  createBareRemote,
  fact,
  type GitHttpServer,
  readBranch,
  runMeritlog,
  startGitHttpServer,
  tokenSightings,
  writeKeyFile,
} from "../../helpers/git-remote.ts";
import { removeTempDirs, tempDir, testSigner } from "../../helpers/ledger.ts";

const TOKEN = "ghs_httpRoundTripToken0123456789abcdef";
const signer = testSigner("http");

let root: string;
let server: GitHttpServer;

beforeAll(async () => {
  root = tempDir("meritlog-served-");
  server = await startGitHttpServer(root, TOKEN);
});
afterAll(async () => {
  await server?.close();
  removeTempDirs();
});

/** Asserts the token reached the server only as the Authorization header, and did reach it. */
function expectTokenOnlyInHeader(from: number): void {
  const requests = server.requests.slice(from);
  expect(tokenSightings(requests, TOKEN)).toEqual([]);
  const authorized = requests.filter((r) =>
    r.headers.some(([n, v]) => n.toLowerCase() === "authorization" && v === basicAuthorization(TOKEN)),
  );
  expect(authorized.length).toBeGreaterThan(0);
  // Fetches and the push both went through: upload-pack and receive-pack were asked for.
  expect(requests.map((r) => r.target).join("\n")).toMatch(/git-upload-pack/);
}

function expectNoToken(...texts: string[]): void {
  for (const t of texts) {
    expect(t).not.toContain(TOKEN);
    expect(t).not.toContain(basicAuthorization(TOKEN).slice("Basic ".length));
  }
}

describe("a round trip through git http-backend with a token", () => {
  it("CLI append and verify with the token in MERITLOG_TOKEN", async () => {
    const remote = createBareRemote(root, "env.git");
    const dir = tempDir();
    const key = writeKeyFile(dir, signer);
    const from = server.requests.length;
    const url = server.url("env.git");
    const bodies = [fact("http:env:1"), fact("http:env:2")];

    const appended = await runMeritlog(["append", "--remote", url, "--key", key, "--save-head", "head.json"], {
      stdin: jsonl(bodies),
      env: { MERITLOG_TOKEN: TOKEN },
      cwd: dir,
    });
    expect(appended.code, appended.stderr).toBe(0);
    expect(appended.stdout).toMatch(
      /^appended 2 entries \(seq 0–1\) in commit [0-9a-f]{12} on meritlog; 0 already recorded; checkpoint 2 /,
    );
    expect(
      server.requests
        .slice(from)
        .map((r) => r.target)
        .join("\n"),
    ).toMatch(/git-receive-pack/);
    // Again, from the saved head: the branch still extends it.
    const more = await runMeritlog(["append", "--remote", url, "--key", key, "--since-head", "head.json"], {
      stdin: jsonl([fact("http:env:3")]),
      env: { MERITLOG_TOKEN: TOKEN },
      cwd: dir,
    });
    expect(more.code, more.stderr).toBe(0);

    const verified = await runMeritlog(["verify", url], { env: { MERITLOG_TOKEN: TOKEN } });
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toMatch(new RegExp(`^ok: 3 entries of ${signer.name.replaceAll(".", "\\.")}, root `));
    expectNoToken(appended.stdout, appended.stderr, more.stdout, more.stderr, verified.stdout, verified.stderr);
    expectTokenOnlyInHeader(from);

    expect(branchLog(remote)).toHaveLength(2);
    expect((await readBranch(remote))?.entries.map((e) => e.id)).toEqual([...bodies, fact("http:env:3")].map((b) => b.id));
  });

  it("CLI append and verify with the token in the URL (https://x-access-token:TOKEN@host/… form)", async () => {
    const remote = createBareRemote(root, "url.git");
    const dir = tempDir();
    const key = writeKeyFile(dir, signer);
    const from = server.requests.length;
    const url = server.url("url.git", `x-access-token:${TOKEN}`);
    const bodies = [fact("http:url:1")];

    const appended = await runMeritlog(["append", "--remote", url, "--key", key], { stdin: jsonl(bodies) });
    expect(appended.code, appended.stderr).toBe(0);
    const replayed = await runMeritlog(["append", "--remote", url, "--key", key], { stdin: jsonl(bodies) });
    expect(replayed.code, replayed.stderr).toBe(0);
    expect(replayed.stdout).toBe("appended 0 entries; 1 already recorded; ledger unchanged at 1 entries\n");
    const verified = await runMeritlog(["verify", url]);
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toMatch(/^ok: 1 entries of /);

    expectNoToken(appended.stdout, appended.stderr, replayed.stdout, replayed.stderr, verified.stdout, verified.stderr);
    expectTokenOnlyInHeader(from);
    expect((await readBranch(remote))?.entries.map((e) => e.id)).toEqual(bodies.map((b) => b.id));
  });

  it("library append with the token in the spec, and a bigger push than one request buffer", async () => {
    const remote = createBareRemote(root, "lib.git");
    const from = server.requests.length;
    // Enough entries, with text that does not compress, that the pack git pushes exceeds its 1 MiB
    // post buffer and goes chunked, with no Content-Length for the backend to go by.
    const noise = (i: number) => Array.from({ length: 8 }, (_, k) => createHash("sha256").update(`${i}:${k}`).digest("hex")).join("");
    const bodies = Array.from({ length: 3000 }, (_, i) => fact(`http:lib:${i}`, { reason: noise(i) }));
    const done = await appendToBranch({ url: server.url("lib.git"), branch: "meritlog", token: TOKEN }, bodies, signer);
    expect(done.commit).toMatch(/^[0-9a-f]{40}$/);
    const again = await appendToBranch({ url: server.url("lib.git"), branch: "meritlog", token: TOKEN }, [fact("http:lib:last")], signer);
    expect(again.result.entries.map((e) => e.seq)).toEqual([3000]);
    expectTokenOnlyInHeader(from);
    const chunked = server.requests
      .slice(from)
      .filter(
        (r) =>
          r.target.endsWith("/git-receive-pack") && r.headers.some(([n, v]) => n.toLowerCase() === "transfer-encoding" && v === "chunked"),
      );
    expect(chunked.length).toBeGreaterThan(0);
    const ledger = await readBranch(remote);
    expect(ledger?.verified.size).toBe(3001);
  }, 180_000);
});
