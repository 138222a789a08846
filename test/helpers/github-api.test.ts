/**
 * The fake GitHub API answers @octokit/rest as GitHub does (shapes, statuses, pagination, faults),
 * and the webhook payload helpers derive only what they document.
 */
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import { Octokit } from "@octokit/rest";
import { afterEach, describe, expect, it } from "vitest";
import {
  ACTIONS_BOT,
  addCollaborator,
  addComment,
  addIssue,
  addPull,
  addUser,
  badCredentials,
  type FakeGitHub,
  forbidden,
  labelObject,
  notFound,
  prCommit,
  prFile,
  primaryRateLimit,
  type RepoState,
  repoState,
  secondaryRateLimit,
  serverError,
  startGitHubApi,
  unprocessable,
} from "./github-api.ts";
import {
  derivedIssueCommentOnPullRequest,
  derivedIssuesClosed,
  derivedPullRequestMerged,
  derivedPullRequestOpenedFromFork,
  derivedPullRequestReviewApproved,
  derivedPullRequestReviewChangesRequested,
  FORK,
  GITHUB_API,
  issueCommentCreated,
  issuesOpened,
  pullRequestClosed,
  pullRequestLabeled,
  pullRequestOpened,
  pullRequestReopened,
  pullRequestReviewCommentCreated,
  pullRequestReviewDismissed,
  pullRequestReviewSubmitted,
  pullRequestSynchronize,
  pullRequestUnlabeled,
  releasePublished,
  retarget,
  setAuthor,
  setChangedLabel,
  setCommentAuthor,
  setCommentBody,
  setLabels,
  setNumber,
  setSender,
  useApiUrl,
  workflowDispatch,
} from "./webhooks.ts";

const TOKEN = "ghs_test-token";
const OWNER = "acme";
const REPO = "widgets";
const R = { owner: OWNER, repo: REPO };

/** A repository with pull request 7 (65 files, 3 commits, labelled) and a few collaborators. */
function sampleState(): RepoState {
  const state = repoState({ owner: OWNER, name: REPO, id: 4242, ownerId: 99 });
  addCollaborator(state, "bob", "write");
  addCollaborator(state, "mia", "maintain");
  addCollaborator(state, "tri", "triage");
  addUser(state, "stranger", { createdAt: "2020-05-06T07:08:09Z", name: "Stan Stranger" });
  const files = Array.from({ length: 64 }, (_, i) =>
    prFile({ filename: `src/file-${String(i).padStart(2, "0")}.ts`, additions: 2, deletions: 1 }),
  );
  addPull(state, {
    number: 7,
    user: "alice",
    title: "Add widgets",
    files: [...files, prFile({ filename: "logo.png", status: "added", additions: 0, deletions: 0, patch: null })],
    commits: [
      prCommit({ message: "First", login: "alice" }),
      prCommit({ message: "Second\n\nCo-authored-by: Bob <bob@users.noreply.github.com>", login: "alice" }),
      prCommit({ message: "Third", login: null, email: "ghost@example.com" }),
    ],
    labels: ["bug"],
  });
  addIssue(state, 8);
  return state;
}

/** The server the running test started, and every one still to close. */
let fake: FakeGitHub;
const running: FakeGitHub[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((f) => f.close()));
});

// Octokit logs every failed request; these tests fail requests on purpose.
const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

async function start(state = sampleState(), tokenUser?: string): Promise<Octokit> {
  fake = await startGitHubApi(state, tokenUser === undefined ? {} : { tokenUser });
  running.push(fake);
  return new Octokit({ auth: TOKEN, baseUrl: fake.url, log: quiet });
}

/** The status and body of a request octokit rejects. */
async function failure(promise: Promise<unknown>): Promise<{ status: number; data: unknown; headers: Record<string, unknown> }> {
  const error = await promise.then(
    () => expect.unreachable("the request succeeded"),
    (e: unknown) => e as { status: number; response: { data: unknown; headers: Record<string, unknown> } },
  );
  return { status: error.status, data: error.response.data, headers: error.response.headers };
}

describe("fake GitHub REST API", () => {
  it("pages lists by per_page and page, with GitHub's Link header, and octokit.paginate reads them all", async () => {
    const octokit = await start();
    const files = await octokit.paginate(octokit.rest.pulls.listFiles, { ...R, pull_number: 7, per_page: 30 });
    expect(files.map((f) => f.filename)).toEqual(fake.state.pulls[7]?.files.map((f) => f.filename));
    expect(fake.requests.map((r) => [r.path, r.status])).toEqual([
      [`/repos/${OWNER}/${REPO}/pulls/7/files?per_page=30`, 200],
      ["/repositories/4242/pulls/7/files?per_page=30&page=2", 200],
      ["/repositories/4242/pulls/7/files?per_page=30&page=3", 200],
    ]);

    const first = await octokit.rest.pulls.listFiles({ ...R, pull_number: 7 });
    expect(first.data).toHaveLength(30);
    expect(first.headers.link).toBe(
      `<${fake.url}/repositories/4242/pulls/7/files?page=2>; rel="next", <${fake.url}/repositories/4242/pulls/7/files?page=3>; rel="last"`,
    );
    const middle = await octokit.rest.pulls.listFiles({ ...R, pull_number: 7, page: 2 });
    expect(middle.headers.link).toContain('rel="prev"');
    expect(middle.headers.link).toContain('rel="first"');
    const capped = await octokit.rest.pulls.listFiles({ ...R, pull_number: 7, per_page: 500 });
    expect(capped.data).toHaveLength(65);
    expect(capped.headers.link).toBeUndefined();
  });

  it("answers with GitHub's headers, counting the rate limit down", async () => {
    const octokit = await start();
    const a = await octokit.rest.users.getByUsername({ username: "bob" });
    const b = await octokit.rest.users.getByUsername({ username: "bob" });
    expect(a.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(a.headers["x-ratelimit-resource"]).toBe("core");
    expect(Number(a.headers["x-ratelimit-remaining"]) - Number(b.headers["x-ratelimit-remaining"])).toBe(1);
    expect(Number(b.headers["x-ratelimit-used"]) + Number(b.headers["x-ratelimit-remaining"])).toBe(Number(b.headers["x-ratelimit-limit"]));
    expect(Number(a.headers["x-ratelimit-reset"])).toBeGreaterThan(Date.now() / 1000);
    expect(a.headers["x-github-request-id"]).not.toBe(b.headers["x-github-request-id"]);
  });

  it("refuses a wrong or missing token with 401 Bad credentials and accepts token or Bearer", async () => {
    await start();
    const wrong = new Octokit({ auth: "ghs_wrong", baseUrl: fake.url, log: quiet });
    expect(await failure(wrong.rest.pulls.get({ ...R, pull_number: 7 }))).toMatchObject({
      status: 401,
      data: { message: "Bad credentials", documentation_url: "https://docs.github.com/rest", status: "401" },
    });
    const anonymous = new Octokit({ baseUrl: fake.url, log: quiet });
    expect((await failure(anonymous.rest.pulls.get({ ...R, pull_number: 7 }))).status).toBe(401);
    for (const authorization of [`token ${TOKEN}`, `Bearer ${TOKEN}`]) {
      const res = await fetch(`${fake.url}/users/bob`, { headers: { authorization } });
      expect(res.status).toBe(200);
    }
  });

  it("lists a pull request's files, leaving out the patch of binary files", async () => {
    const octokit = await start();
    const { data } = await octokit.rest.pulls.listFiles({ ...R, pull_number: 7, per_page: 100 });
    const [first] = data;
    const head = fake.state.pulls[7]?.head.sha;
    expect(first).toMatchObject({ filename: "src/file-00.ts", status: "modified", additions: 2, deletions: 1, changes: 3 });
    expect(first?.patch).toBe("@@ -1,1 +1,2 @@\n-old line 1\n+new line 1\n+new line 2");
    expect(first?.blob_url).toBe(`https://github.com/${OWNER}/${REPO}/blob/${head}/src/file-00.ts`);
    expect(first?.sha).toMatch(/^[0-9a-f]{40}$/);
    const logo = data.find((f) => f.filename === "logo.png");
    expect(logo).toMatchObject({ status: "added", changes: 0 });
    expect(logo).not.toHaveProperty("patch");
  });

  it("lists a pull request's commits, with the GitHub account matched to each author or null", async () => {
    const octokit = await start();
    const { data } = await octokit.rest.pulls.listCommits({ ...R, pull_number: 7 });
    expect(data.map((c) => [c.commit.message.split("\n")[0], c.author && "login" in c.author ? c.author.login : null])).toEqual([
      ["First", "alice"],
      ["Second", "alice"],
      ["Third", null],
    ]);
    expect(data[2]?.commit.author).toMatchObject({ email: "ghost@example.com" });
    expect(data[1]?.parents[0]?.sha).toBe(data[0]?.sha);
  });

  it("gets a pull request from the state, with its labels, sums and branches", async () => {
    const state = sampleState();
    addPull(state, {
      number: 9,
      user: "stranger",
      head: { repo: { ...FORK, ownerType: "User" } },
      state: "closed",
      closedAt: "2024-02-03T04:05:06Z",
      merged: true,
      mergedAt: "2024-02-03T04:05:06Z",
      mergedBy: "bob",
    });
    // The state is plain data: after a JSON round trip it serves the same.
    const octokit = await start(JSON.parse(JSON.stringify(state)) as RepoState);
    const { data } = await octokit.rest.pulls.get({ ...R, pull_number: 7 });
    expect(data).toMatchObject({
      number: 7,
      title: "Add widgets",
      user: { login: "alice", type: "User" },
      labels: [{ name: "bug", default: true }],
      additions: 128,
      deletions: 64,
      changed_files: 65,
      commits: 3,
      merged: false,
      state: "open",
      author_association: "NONE",
      base: { ref: "main", repo: { full_name: `${OWNER}/${REPO}`, id: 4242, fork: false } },
      head: { repo: { full_name: `${OWNER}/${REPO}` } },
    });
    const fork = await octokit.rest.pulls.get({ ...R, pull_number: 9 });
    expect(fork.data).toMatchObject({
      merged: true,
      merged_at: "2024-02-03T04:05:06Z",
      mergeable: null,
      merged_by: { login: "bob" },
      head: { label: "forker:topic-9", repo: { full_name: "forker/Hello-World", fork: true } },
    });
    expect(await failure(octokit.rest.pulls.get({ ...R, pull_number: 99 }))).toMatchObject({ status: 404, data: { message: "Not Found" } });
  });

  it("reports collaborators' legacy permission and role, and read for anyone else on a public repository", async () => {
    const octokit = await start();
    const level = async (username: string) => {
      const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({ ...R, username });
      return [data.permission, data.role_name, data.user?.login];
    };
    expect(await level(OWNER)).toEqual(["admin", "admin", OWNER]);
    expect(await level("BOB")).toEqual(["write", "write", "bob"]);
    expect(await level("mia")).toEqual(["write", "maintain", "mia"]);
    expect(await level("tri")).toEqual(["read", "triage", "tri"]);
    expect(await level("stranger")).toEqual(["read", "read", "stranger"]);
    expect((await failure(octokit.rest.repos.getCollaboratorPermissionLevel({ ...R, username: "nobody" }))).status).toBe(404);
  });

  it("reports none for a non-collaborator on a private repository", async () => {
    const state = repoState({ owner: OWNER, name: REPO, id: 1, ownerId: 2, private: true });
    addUser(state, "stranger");
    const octokit = await start(state);
    const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({ ...R, username: "stranger" });
    expect([data.permission, data.role_name]).toEqual(["none", "none"]);
  });

  it("creates, lists and edits issue comments as the token's user, into the live state", async () => {
    const state = sampleState();
    addComment(state, 7, "bob", "Looks good");
    const octokit = await start(state);
    const created = await octokit.rest.issues.createComment({ ...R, issue_number: 7, body: "Score: 5" });
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({
      body: "Score: 5",
      user: { login: ACTIONS_BOT, type: "Bot", html_url: "https://github.com/apps/github-actions" },
      issue_url: `${fake.url}/repos/${OWNER}/${REPO}/issues/7`,
      html_url: `https://github.com/${OWNER}/${REPO}/pull/7#issuecomment-${created.data.id}`,
      author_association: "NONE",
    });
    const listed = await octokit.rest.issues.listComments({ ...R, issue_number: 7 });
    expect(listed.data.map((c) => [c.user?.login, c.body])).toEqual([
      ["bob", "Looks good"],
      [ACTIONS_BOT, "Score: 5"],
    ]);
    const updated = await octokit.rest.issues.updateComment({ ...R, comment_id: Number(created.data.id), body: "Score: 6" });
    expect(updated.status).toBe(200);
    expect(fake.state.comments[7]?.map((c) => c.body)).toEqual(["Looks good", "Score: 6"]);
    expect((await octokit.rest.pulls.get({ ...R, pull_number: 7 })).data.comments).toBe(2);
    expect((await octokit.rest.issues.createComment({ ...R, issue_number: 8, body: "On an issue" })).data.html_url).toContain("/issues/8#");
    expect((await failure(octokit.rest.issues.createComment({ ...R, issue_number: 99, body: "x" }))).status).toBe(404);
    expect((await failure(octokit.rest.issues.updateComment({ ...R, comment_id: 1, body: "x" }))).status).toBe(404);
  });

  it("acts as another token user when told", async () => {
    const state = sampleState();
    const octokit = await start(state, "bob");
    const { data } = await octokit.rest.issues.createComment({ ...R, issue_number: 7, body: "hi" });
    expect(data).toMatchObject({ user: { login: "bob", type: "User" }, author_association: "COLLABORATOR" });
  });

  it("refuses bad comment bodies with GitHub's validation error", async () => {
    const octokit = await start();
    const missing = await failure(
      octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", { ...R, issue_number: 7 } as never),
    );
    expect(missing).toEqual({
      status: 422,
      headers: expect.anything(),
      data: {
        message: "Validation Failed",
        errors: [{ resource: "IssueComment", code: "missing_field", field: "body" }],
        documentation_url: "https://docs.github.com/rest",
        status: "422",
      },
    });
    const blank = await failure(octokit.rest.issues.createComment({ ...R, issue_number: 7, body: "  " }));
    expect(blank.data).toMatchObject({ errors: [{ code: "custom", message: "Body cannot be blank" }] });
    const long = await failure(octokit.rest.issues.createComment({ ...R, issue_number: 7, body: "x".repeat(65537) }));
    expect(long.data).toEqual(unprocessable.body);
    const bad = await fetch(`${fake.url}/repos/${OWNER}/${REPO}/issues/7/comments`, {
      method: "POST",
      headers: { authorization: `token ${TOKEN}` },
      body: "{",
    });
    expect([bad.status, ((await bad.json()) as { message: string }).message]).toEqual([400, "Problems parsing JSON"]);
    expect(fake.state.comments[7]).toBeUndefined();
  });

  it("adds labels (returning them all) and removes them, 404 for one not there", async () => {
    const octokit = await start();
    const added = await octokit.rest.issues.addLabels({ ...R, issue_number: 7, labels: ["meritlog:scored", "BUG"] });
    expect(added.status).toBe(200);
    expect(added.data.map((l) => l.name)).toEqual(["bug", "meritlog:scored"]);
    expect(added.data[1]).toEqual(labelObject(fake.url, `${OWNER}/${REPO}`, "meritlog:scored"));
    expect((await octokit.rest.pulls.get({ ...R, pull_number: 7 })).data.labels.map((l) => l.name)).toEqual(["bug", "meritlog:scored"]);
    const removed = await octokit.rest.issues.removeLabel({ ...R, issue_number: 7, name: "Bug" });
    expect(removed.data.map((l) => l.name)).toEqual(["meritlog:scored"]);
    expect(fake.state.labels[7]).toEqual(["meritlog:scored"]);
    expect(await failure(octokit.rest.issues.removeLabel({ ...R, issue_number: 7, name: "bug" }))).toMatchObject({
      status: 404,
      data: { message: "Label does not exist", status: "404" },
    });
    const invalid = await failure(
      octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/labels", { ...R, issue_number: 7, labels: [3] } as never),
    );
    expect(invalid).toMatchObject({ status: 422, data: { message: "Validation Failed", errors: [{ field: "labels", code: "invalid" }] } });
  });

  it("gets public users, 404 for unknown ones", async () => {
    const octokit = await start();
    const { data } = await octokit.rest.users.getByUsername({ username: "Stranger" });
    expect(data).toMatchObject({
      login: "stranger",
      type: "User",
      name: "Stan Stranger",
      created_at: "2020-05-06T07:08:09Z",
      site_admin: false,
    });
    const bot = await octokit.rest.users.getByUsername({ username: ACTIONS_BOT });
    expect(bot.data).toMatchObject({ id: 41898282, type: "Bot" });
    expect(await failure(octokit.rest.users.getByUsername({ username: "nobody" }))).toMatchObject({
      status: 404,
      data: { message: "Not Found" },
    });
  });

  it("reacts to a comment once per content, 200 for a repeat, 422 for an unknown reaction", async () => {
    const state = sampleState();
    const comment = addComment(state, 7, "bob", "hi");
    const octokit = await start(state);
    const first = await octokit.rest.reactions.createForIssueComment({ ...R, comment_id: comment.id, content: "rocket" });
    expect(first).toMatchObject({ status: 201, data: { content: "rocket", user: { login: ACTIONS_BOT } } });
    const again = await octokit.rest.reactions.createForIssueComment({ ...R, comment_id: comment.id, content: "rocket" });
    expect(again).toMatchObject({ status: 200, data: { id: first.data.id } });
    expect(fake.state.comments[7]?.[0]?.reactions).toHaveLength(1);
    const listed = await octokit.rest.issues.listComments({ ...R, issue_number: 7 });
    expect(listed.data[0]?.reactions).toMatchObject({ total_count: 1, rocket: 1 });
    expect(
      (await failure(octokit.rest.reactions.createForIssueComment({ ...R, comment_id: comment.id, content: "nope" as "rocket" }))).status,
    ).toBe(422);
  });

  it("answers anything else, and other repositories, with GitHub's 404", async () => {
    const octokit = await start();
    const notFoundBody = { message: "Not Found", documentation_url: "https://docs.github.com/rest", status: "404" };
    expect((await failure(octokit.rest.repos.get(R))).data).toEqual(notFoundBody);
    expect((await failure(octokit.rest.pulls.get({ owner: "other", repo: REPO, pull_number: 7 }))).data).toEqual(notFoundBody);
    expect(
      (await failure(octokit.request("DELETE /repos/{owner}/{repo}/pulls/{pull_number}", { ...R, pull_number: 7 } as never))).status,
    ).toBe(404);
  });

  it("records every request with its method, path, headers, parsed body and status", async () => {
    const octokit = await start();
    await octokit.rest.issues.createComment({ ...R, issue_number: 7, body: "hi" });
    expect(fake.requests).toEqual([
      {
        method: "POST",
        path: `/repos/${OWNER}/${REPO}/issues/7/comments`,
        headers: expect.objectContaining({ authorization: `token ${TOKEN}` }),
        body: { body: "hi" },
        status: 201,
      },
    ]);
  });
});

describe("fake GitHub faults", () => {
  const cases = [
    ["badCredentials", badCredentials, 401, "Bad credentials"],
    ["forbidden", forbidden, 403, "Resource not accessible by integration"],
    ["notFound", notFound, 404, "Not Found"],
    ["unprocessable", unprocessable, 422, "Validation Failed"],
    ["serverError()", serverError(), 500, "Server Error"],
    ["serverError(502)", serverError(502), 502, "Bad Gateway"],
    ["serverError(503)", serverError(503), 503, "Service Unavailable"],
    ["secondaryRateLimit", secondaryRateLimit, 403, "You have exceeded a secondary rate limit"],
    ["primaryRateLimit", primaryRateLimit, 403, "API rate limit exceeded for installation ID 1."],
  ] as const;

  it.each(cases)("serves %s once, then answers normally", async (_, fault, status, message) => {
    const octokit = await start();
    fake.failNext("get", `/repos/${OWNER}/${REPO}/pulls/7`, fault);
    const failed = await failure(octokit.rest.pulls.get({ ...R, pull_number: 7 }));
    expect(failed.status).toBe(status);
    expect(failed.data).toMatchObject({ status: String(status) });
    expect((failed.data as { message: string }).message.startsWith(message)).toBe(true);
    expect((await octokit.rest.pulls.get({ ...R, pull_number: 7 })).status).toBe(200);
  });

  it("serves queued faults in order, matching a RegExp against the path with query", async () => {
    const octokit = await start();
    fake.failNext("GET", /\/pulls\/7\/files\?.*page=2/, serverError(502), forbidden);
    await octokit.rest.pulls.listFiles({ ...R, pull_number: 7, page: 1 });
    expect((await failure(octokit.rest.pulls.listFiles({ ...R, pull_number: 7, page: 2 }))).status).toBe(502);
    expect((await failure(octokit.rest.pulls.listFiles({ ...R, pull_number: 7, page: 2 }))).status).toBe(403);
    expect((await octokit.rest.pulls.listFiles({ ...R, pull_number: 7, page: 2 })).status).toBe(200);
  });

  it("sends the headers the throttling plugin reads: retry-after, and a reset a second ahead", async () => {
    const octokit = await start();
    fake.failNext("GET", `/repos/${OWNER}/${REPO}/pulls/7`, secondaryRateLimit, primaryRateLimit);
    expect((await failure(octokit.rest.pulls.get({ ...R, pull_number: 7 }))).headers["retry-after"]).toBe("1");
    const primary = await failure(octokit.rest.pulls.get({ ...R, pull_number: 7 }));
    expect(primary.headers["x-ratelimit-remaining"]).toBe("0");
    expect(Number(primary.headers["x-ratelimit-reset"]) - Date.now() / 1000).toBeGreaterThan(0);
    expect(Number(primary.headers["x-ratelimit-reset"]) - Date.now() / 1000).toBeLessThanOrEqual(1);
  });

  it("lets the retry and throttling plugins recover as they would from GitHub", async () => {
    await start();
    const waits: [string, number][] = [];
    const Client = Octokit.plugin(retry, throttling);
    const octokit = new Client({
      auth: TOKEN,
      baseUrl: fake.url,
      log: quiet,
      retry: { retryAfterBaseValue: 1 },
      throttle: {
        retryAfterBaseValue: 1,
        onSecondaryRateLimit: (after: number) => waits.push(["secondary", after]) > 0,
        onRateLimit: (after: number) => waits.push(["primary", after]) > 0,
      },
    });
    const path = `/repos/${OWNER}/${REPO}/pulls/7`;
    fake.failNext("GET", path, secondaryRateLimit, primaryRateLimit, serverError(502));
    const { data } = await octokit.rest.pulls.get({ ...R, pull_number: 7 });
    expect(data.number).toBe(7);
    expect(waits.map(([kind]) => kind)).toEqual(["secondary", "primary"]);
    expect(waits[0]?.[1]).toBe(1);
    expect(fake.requests.map((r) => r.status)).toEqual([403, 403, 502, 200]);
  });
});

/** Paths (a.b.0.c) at which two JSON values differ. */
function differences(a: unknown, b: unknown, path = ""): string[] {
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return Object.is(a, b) ? [] : [path];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].flatMap((k) =>
    differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path === "" ? k : `${path}.${k}`),
  );
}

describe("webhook payloads", () => {
  it("returns the published examples for each event and action, as fresh copies", () => {
    const actions = [
      pullRequestOpened(),
      pullRequestReopened(),
      pullRequestSynchronize(),
      pullRequestClosed(),
      pullRequestLabeled(),
      pullRequestUnlabeled(),
      pullRequestReviewSubmitted(),
      pullRequestReviewDismissed(),
      pullRequestReviewCommentCreated(),
      issueCommentCreated(),
      issuesOpened(),
      releasePublished(),
    ].map((p) => p.action);
    expect(actions).toEqual([
      "opened",
      "reopened",
      "synchronize",
      "closed",
      "labeled",
      "unlabeled",
      "submitted",
      "dismissed",
      "created",
      "created",
      "opened",
      "published",
    ]);
    expect(pullRequestClosed().pull_request.merged).toBe(false);
    expect(pullRequestReviewSubmitted().review.state).toBe("commented");
    expect(issueCommentCreated().issue.pull_request).toBeUndefined();
    expect(workflowDispatch().ref).toBe("refs/heads/main");
    const changed = pullRequestOpened();
    changed.pull_request.title = "changed";
    expect(pullRequestOpened().pull_request.title).not.toBe("changed");
  });

  it("derives each payload by changing only the documented fields", () => {
    const merged = derivedPullRequestMerged();
    expect(differences(pullRequestClosed(), merged)).toEqual(["pull_request.merged_at", "pull_request.merged", "pull_request.merged_by"]);
    expect(merged.pull_request.merged_by).toEqual(merged.sender);
    expect(merged.pull_request.merged_at).toBe(merged.pull_request.closed_at);
    expect(differences(pullRequestReviewSubmitted(), derivedPullRequestReviewApproved())).toEqual(["review.state"]);
    expect(differences(pullRequestReviewSubmitted(), derivedPullRequestReviewChangesRequested())).toEqual(
      ["review.body", "review.state"].sort(),
    );
    const onPull = derivedIssueCommentOnPullRequest();
    expect(differences(issueCommentCreated(), onPull).sort()).toEqual(["issue.html_url", "issue.pull_request", "comment.html_url"].sort());
    expect(onPull.issue.pull_request).toEqual({
      url: "https://api.github.com/repos/Codertocat/Hello-World/pulls/1",
      html_url: "https://github.com/Codertocat/Hello-World/pull/1",
      diff_url: "https://github.com/Codertocat/Hello-World/pull/1.diff",
      patch_url: "https://github.com/Codertocat/Hello-World/pull/1.patch",
      merged_at: null,
    });
    for (const reason of ["completed", "not_planned"] as const) {
      const closed = derivedIssuesClosed(reason);
      expect(differences(issuesOpened(), closed).sort()).toEqual([
        "action",
        "issue.closed_at",
        "issue.state",
        "issue.state_reason",
        "issue.updated_at",
      ]);
      expect(closed.issue).toMatchObject({ state: "closed", state_reason: reason, closed_at: "2019-05-15T16:20:18Z" });
    }
    const fork = derivedPullRequestOpenedFromFork();
    const forkChanges = differences(pullRequestOpened(), fork);
    expect(forkChanges.filter((p) => !p.startsWith("pull_request.head."))).toEqual([]);
    expect(forkChanges).toEqual(
      expect.arrayContaining([
        "pull_request.head.label",
        "pull_request.head.repo.fork",
        "pull_request.head.repo.id",
        "pull_request.head.user.login",
      ]),
    );
    expect(fork.pull_request.head).toMatchObject({
      label: "forker:changes",
      repo: { full_name: "forker/Hello-World", fork: true, owner: { login: "forker" } },
    });
  });

  it("retargets a payload onto the fake state's repository, leaving no trace of the example's", () => {
    const state = sampleState();
    const payload = retarget(derivedPullRequestMerged(), state.repo);
    const text = JSON.stringify(payload);
    expect(text).not.toContain("Codertocat/Hello-World");
    expect(text).not.toContain("186853002");
    expect(payload.repository).toMatchObject({ id: 4242, name: REPO, full_name: `${OWNER}/${REPO}`, owner: { login: OWNER, id: 99 } });
    expect(payload.pull_request.base).toMatchObject({ label: `${OWNER}:master`, user: { login: OWNER }, repo: { id: 4242 } });
    expect(payload.pull_request.url).toBe(`${GITHUB_API}/repos/${OWNER}/${REPO}/pulls/2`);
    expect(payload.sender.login).toBe("Codertocat");

    const org = retarget(workflowDispatch(), { owner: "acme-org", name: REPO, id: 5, ownerId: 6, ownerType: "Organization" });
    expect(org.organization).toMatchObject({ login: "acme-org", id: 6 });
    expect(retarget(workflowDispatch(), state.repo)).not.toHaveProperty("organization");
  });

  it("sets the number, people, labels and comment body, and points API URLs at the fake server", () => {
    const state = sampleState();
    const pr = setLabels(setNumber(retarget(pullRequestLabeled(), state.repo), 7), ["bug", "meritlog:scored"]);
    setChangedLabel(setAuthor(setSender(pr, { login: "bob", id: 5 }), { login: "alice", id: 6 }), "meritlog:scored");
    expect(pr).toMatchObject({ number: 7, sender: { login: "bob", id: 5 }, pull_request: { number: 7, user: { login: "alice", id: 6 } } });
    expect(pr.pull_request.html_url).toBe(`https://github.com/${OWNER}/${REPO}/pull/7`);
    expect(JSON.stringify(pr)).not.toMatch(/\/(pulls|pull|issues)\/2\b/);
    expect(pr.label).toEqual(labelObject(GITHUB_API, `${OWNER}/${REPO}`, "meritlog:scored"));

    const comment = setCommentBody(
      setCommentAuthor(retarget(derivedIssueCommentOnPullRequest(), state.repo), { login: "bob", id: 5 }),
      "/merit 3",
    );
    expect(comment.comment).toMatchObject({ body: "/merit 3", user: { login: "bob" } });
    const review = setCommentAuthor(derivedPullRequestReviewApproved(), { login: "bob", id: 5 });
    expect(review.review.user.login).toBe("bob");

    const pointed = useApiUrl(comment, "http://127.0.0.1:1");
    expect(JSON.stringify(pointed)).not.toContain(GITHUB_API);
    expect(pointed.issue.url).toBe(`http://127.0.0.1:1/repos/${OWNER}/${REPO}/issues/1`);
  });
});
