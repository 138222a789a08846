/**
 * What goes wrong, and what the built action does then: each failure is one clear sentence, a
 * non-zero exit, and an unchanged ledger; what GitHub's plugins retry is retried.
 */
import { beforeEach, describe, expect, it } from "vitest";
import {
  badCredentials,
  forbidden,
  notFound,
  primaryRateLimit,
  secondaryRateLimit,
  serverError,
  unprocessable,
} from "../helpers/github-api.ts";
import { issuesOpened, setNumber } from "../helpers/webhooks.ts";
import { eachTestInANewWorld, type World } from "./world.ts";

const world = eachTestInANewWorld();
let w: World;
beforeEach(() => {
  w = world();
});

const FILES = "/repos/octo-org/widgets/pulls/7/files";

function mergedPr() {
  return w.mergedPullRequest();
}

async function expectFailure(run: Promise<{ code: number | null; stdout: string }>, message: RegExp): Promise<void> {
  const before = w.snapshot();
  const r = await run;
  expect(r.code, r.stdout).toBe(1);
  const error = /^::error::(.*)$/m.exec(r.stdout)?.[1] ?? "";
  expect(error).toMatch(message);
  expect(error).toMatch(/Nothing was recorded\.$/);
  expect(r.stdout).not.toMatch(/\n\s+at /);
  expect(w.snapshot()).toEqual(before);
}

describe("API failures", () => {
  it("401: the token was refused", async () => {
    w.api.failNext("GET", FILES, badCredentials);
    await expectFailure(
      w.run("pull_request_target", mergedPr()),
      /listing the files of #7 failed \(HTTP 401\): Bad credentials; the token was refused/,
    );
  });

  it("403: a missing permission", async () => {
    w.api.failNext("GET", FILES, forbidden);
    await expectFailure(w.run("pull_request_target", mergedPr()), /HTTP 403\): Resource not accessible by integration/);
  });

  it("404: not found", async () => {
    w.api.failNext("GET", FILES, notFound);
    await expectFailure(w.run("pull_request_target", mergedPr()), /HTTP 404\): Not Found; not found, or not visible to this token/);
  });

  it("422 on the comment, after the entries were written, says they were", async () => {
    w.api.failNext("POST", "/repos/octo-org/widgets/issues/7/comments", unprocessable);
    const r = await w.run("pull_request_target", mergedPr());
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/commenting on #7 failed \(HTTP 422\).*The \d+ entries were recorded before this failure\./);
    expect((await w.entries()).length).toBeGreaterThan(0);
  });

  it("a secondary rate limit is waited out and retried", async () => {
    w.api.failNext("GET", FILES, secondaryRateLimit);
    const r = await w.run("pull_request_target", mergedPr());
    expect(r.code, r.stdout).toBe(0);
    expect(w.api.requests.filter((q) => q.path.startsWith(FILES)).map((q) => q.status)).toEqual([403, 200]);
    expect(r.outputs.recorded).toBe("true");
  });

  it("a primary rate limit that resets soon is waited out and retried", async () => {
    w.api.failNext("GET", FILES, primaryRateLimit);
    const r = await w.run("pull_request_target", mergedPr());
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs.recorded).toBe("true");
  });

  it("server errors are retried until GitHub answers", async () => {
    w.api.failNext("GET", FILES, serverError(502), serverError(503));
    const r = await w.run("pull_request_target", mergedPr());
    expect(r.code, r.stdout).toBe(0);
    expect(w.api.requests.filter((q) => q.path.startsWith(FILES)).map((q) => q.status)).toEqual([502, 503, 200]);
  });
});

describe("bad input", () => {
  it("a malformed payload names the field and what was expected", async () => {
    const payload = mergedPr() as unknown as { pull_request: { user: { login: unknown } } };
    payload.pull_request.user.login = 42;
    await expectFailure(
      w.run("pull_request_target", payload),
      /malformed 'pull_request_target' event payload: pull_request\.user\.login: expected a string/,
    );
  });

  it("a payload that is not JSON", async () => {
    await expectFailure(w.run("issues", "{not json"), /malformed 'issues' event payload: \(payload at .*\): expected JSON/);
  });

  it("a missing signing key", async () => {
    await expectFailure(w.run("issues", w.payload(issuesOpened()), { inputs: { "signing-key": "" } }), /input 'signing-key': empty/);
  });

  it("a signing key that does not parse is refused without printing it", async () => {
    const r = await w.run("issues", w.payload(issuesOpened()), { inputs: { "signing-key": "PRIVATE+KEY+nonsense" } });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/input 'signing-key': not a meritlog signing key/);
    expect(r.masked).toContain("PRIVATE+KEY+nonsense");
  });

  it("another ledger's key is refused and the ledger is unchanged", async () => {
    await w.run("issues", w.payload(issuesOpened()));
    const other = (await import("../helpers/ledger.ts")).testSigner("other", "github.com/octo-org/widgets/meritlog");
    const payload = w.payload(setNumber(issuesOpened(), 99));
    await expectFailure(w.run("issues", payload, { inputs: { "signing-key": other.skey } }), /not the ledger's current key/);
  });

  it("invalid inputs name the input", async () => {
    for (const [inputs, message] of [
      [{ comment: "maybe" }, /input 'comment': 'maybe' is not on or off/],
      [{ "data-branch": "../x" }, /input 'data-branch': invalid branch name/],
      [{ "ledger-repository": "not a repo" }, /input 'ledger-repository': 'not a repo' is not owner\/name/],
      [{ "github-token": "" }, /input 'github-token': empty/],
    ] as const) {
      await expectFailure(w.run("issues", w.payload(issuesOpened()), { inputs }), message);
    }
  });

  it("the signing key and token are masked", async () => {
    const r = await w.run("issues", w.payload(issuesOpened()));
    expect(r.code).toBe(0);
    expect(r.masked).toEqual(expect.arrayContaining(["ghs_test-token", w.signer.skey]));
  });
});
