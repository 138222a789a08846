/**
 * Events → facts: each event and action, what it records (or that it records nothing), and a
 * merged pull request's files and commits as the API lists them.
 */
import { createRequire } from "node:module";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Person, Repo } from "../../src/events/facts.ts";
import { isWhitespaceOnlyPatch } from "../../src/events/patch.ts";
import { type GitHubEvent, type IssuePayload, type PullRequestPayload, readEvent } from "../../src/events/payload.ts";
import { coAuthorsOf, factsOf, type PullRequestDetails, pullRequestOf } from "../../src/events/to-facts.ts";

const REPO: Repo = { id: 4242, name: "octo/demo", ownerId: 1 };
const ALICE: Person = { id: 101, login: "alice", type: "User" };
const BOB: Person = { id: 102, login: "bob", type: "User" };
const OWNER: Person = { id: 1, login: "octo", type: "User" };
const SOURCE = { event: "pull_request", action: "closed", delivery: "d-1", run: "https://github.com/octo/demo/actions/runs/9" };

function prPayload(p: Partial<PullRequestPayload> = {}): PullRequestPayload {
  return {
    number: 12,
    url: "https://github.com/octo/demo/pull/12",
    author: ALICE,
    association: "CONTRIBUTOR",
    labels: ["bug"],
    createdAt: "2025-03-10T08:00:00Z",
    updatedAt: "2025-03-12T09:00:00Z",
    additions: 120,
    deletions: 30,
    changedFiles: 3,
    fromFork: true,
    ...p,
  };
}

function issuePayload(p: Partial<IssuePayload> = {}): IssuePayload {
  return {
    number: 7,
    url: "https://github.com/octo/demo/issues/7",
    author: BOB,
    labels: ["bug"],
    isPullRequest: false,
    createdAt: "2025-03-01T10:00:00Z",
    ...p,
  };
}

function prEvent(action: string, pr: PullRequestPayload, sender: Person = OWNER): GitHubEvent {
  return { name: "pull_request", type: "pull_request", action, repo: REPO, sender, pr };
}

const MERGED = prPayload({ closedAt: "2025-03-14T15:09:26Z", mergedAt: "2025-03-14T15:09:26Z", mergedBy: OWNER });

const DETAILS: PullRequestDetails = {
  files: [
    { path: "src/a.ts", additions: 100, deletions: 20, patch: "@@ -1 +1 @@\n-const x = 1;\n+const x = 2;\n" },
    { path: "src/b.ts", additions: 2, deletions: 2, patch: "@@ -1,2 +1,2 @@\n-if (a) {\n-  b();\n+if (a) {\n+    b();\n" },
    { path: "logo.png", additions: 0, deletions: 0 },
  ],
  commits: [
    {
      sha: "a".repeat(40),
      message: "Fix\n\nCo-authored-by: Bob <102+bob@users.noreply.github.com>",
      author: { id: 101, login: "alice", type: "User" },
    },
    { sha: "b".repeat(40), message: "Bump", author: { id: 900, login: "dependabot[bot]", type: "Bot" } },
    { sha: "c".repeat(40), message: "Org commit", author: { id: 5, login: "octo-org", type: "Organization" } },
    { sha: "d".repeat(40), message: "Mannequin", author: { id: 6, login: "ghost", type: "Mannequin" } },
    { sha: "e".repeat(40), message: "No account matched" },
  ],
  confirmedCoAuthors: new Set(["bob:102"]),
};

describe("coAuthorsOf", () => {
  it("reads the trailers that name a GitHub account by its noreply address", () => {
    const message = [
      "Add a feature",
      "",
      "Co-authored-by: Bob Builder <102+bob@users.noreply.github.com>",
      "co-authored-by: carol <103+Carol-C@users.noreply.github.com>",
      "CO-AUTHORED-BY: <104+dave@USERS.NOREPLY.GITHUB.COM>   ",
    ].join("\n");
    expect(coAuthorsOf(message)).toEqual([
      { id: 102, login: "bob" },
      { id: 103, login: "Carol-C" },
      { id: 104, login: "dave" },
    ]);
  });

  it("reads trailers of a CRLF message", () => {
    expect(coAuthorsOf("Fix\r\n\r\nCo-authored-by: Bob <102+bob@users.noreply.github.com>\r\n")).toEqual([{ id: 102, login: "bob" }]);
  });

  it("ignores other addresses, the old noreply form, quoted or indented trailers and text after the address", () => {
    const message = [
      "Co-authored-by: Bob <bob@example.com>",
      "Co-authored-by: Bob <bob@users.noreply.github.com>",
      "> Co-authored-by: Bob <102+bob@users.noreply.github.com>",
      "  Co-authored-by: Bob <102+bob@users.noreply.github.com>",
      "Co-authored-by: Bob <102+bob@users.noreply.github.com> and friends",
      "Signed-off-by: Bob <102+bob@users.noreply.github.com>",
      "Co-authored-by: Bot <49699333+dependabot[bot]@users.noreply.github.com>",
      "Co-authored-by: Bob <102+bob@users.noreply.github.com.evil.example>",
      "Co-authored-by: Bob <x102+bob@users.noreply.github.com>",
    ].join("\n");
    expect(coAuthorsOf(message)).toEqual([]);
    expect(coAuthorsOf("")).toEqual([]);
  });

  it("property: every trailer built from an id and a login is read back, in order", () => {
    const login = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9-]{0,38}$/);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 2 ** 31 }), login, fc.stringMatching(/^[A-Za-z ]{0,12}$/)), { maxLength: 5 }),
        (people) => {
          const message = [
            "Subject",
            "",
            "Body text.",
            "",
            ...people.map(([id, l, name]) => `Co-authored-by: ${name} <${id}+${l}@users.noreply.github.com>`),
          ].join("\n");
          expect(coAuthorsOf(message)).toEqual(people.map(([id, l]) => ({ id, login: l })));
        },
      ),
    );
  });
});

describe("pullRequestOf", () => {
  it("without details: the payload's fields and counts, no files or commits", () => {
    const pr = pullRequestOf(prPayload({ milestone: "v1.0" }));
    expect(pr).toEqual({
      number: 12,
      url: "https://github.com/octo/demo/pull/12",
      author: ALICE,
      labels: ["bug"],
      createdAt: "2025-03-10T08:00:00Z",
      additions: 120,
      deletions: 30,
      changedFiles: 3,
      milestone: "v1.0",
    });
    expect("files" in pr).toBe(false);
    expect("commits" in pr).toBe(false);
    expect("milestone" in pullRequestOf(prPayload())).toBe(false);
  });

  it("with details: files judged for white space from their patches, counts from the files", () => {
    const pr = pullRequestOf(prPayload(), DETAILS);
    expect(pr.files).toEqual([
      { path: "src/a.ts", additions: 100, deletions: 20, whitespaceOnly: false },
      { path: "src/b.ts", additions: 2, deletions: 2, whitespaceOnly: true },
      { path: "logo.png", additions: 0, deletions: 0 },
    ]);
    for (const [i, f] of DETAILS.files.entries()) {
      if (f.patch !== undefined) expect(pr.files?.[i]?.whitespaceOnly).toBe(isWhitespaceOnlyPatch(f.patch));
    }
    expect(pr.additions).toBe(102);
    expect(pr.deletions).toBe(22);
    expect(pr.changedFiles).toBe(3);
  });

  it("with details: commits with their authors (types narrowed to User, Bot, Organization) and co-authors", () => {
    const pr = pullRequestOf(prPayload(), DETAILS);
    expect(pr.commits).toEqual([
      { sha: "a".repeat(40), author: ALICE, coAuthors: [{ id: 102, login: "bob" }] },
      { sha: "b".repeat(40), author: { id: 900, login: "dependabot[bot]", type: "Bot" }, coAuthors: [] },
      { sha: "c".repeat(40), author: { id: 5, login: "octo-org", type: "Organization" }, coAuthors: [] },
      { sha: "d".repeat(40), author: { id: 6, login: "ghost", type: "User" }, coAuthors: [] },
      { sha: "e".repeat(40), coAuthors: [] },
    ]);
    expect("author" in (pr.commits?.[4] ?? {})).toBe(false);
  });

  it("a co-author trailer GitHub did not confirm credits no one", () => {
    const unconfirmed = pullRequestOf(prPayload(), { ...DETAILS, confirmedCoAuthors: new Set(["bob:999"]) });
    expect(unconfirmed.commits?.[0]?.coAuthors).toEqual([]);
    const { confirmedCoAuthors: _, ...none } = DETAILS;
    expect(pullRequestOf(prPayload(), none).commits?.[0]?.coAuthors).toEqual([]);
  });

  it("more files changed than listed: the changed file count stays the payload's", () => {
    const pr = pullRequestOf(prPayload({ changedFiles: 5 }), { files: DETAILS.files, commits: [] });
    expect(pr.changedFiles).toBe(5);
    expect(pr.files).toHaveLength(3);
  });

  it("more files listed than the payload counts (a payload without counts): the listed count", () => {
    const pr = pullRequestOf(prPayload({ changedFiles: 0, additions: 0, deletions: 0 }), { files: DETAILS.files, commits: [] });
    expect(pr.changedFiles).toBe(3);
    expect(pr.additions).toBe(102);
  });

  it("a partial file listing keeps the payload's line totals, which cover more than the list", () => {
    // GitHub lists at most 3000 files; the payload's totals cover them all.
    const pr = pullRequestOf(prPayload({ changedFiles: 5, additions: 300, deletions: 50 }), { files: DETAILS.files, commits: [] });
    expect(pr.changedFiles).toBe(5);
    expect(pr.additions).toBe(300);
    expect(pr.deletions).toBe(50);
  });
});

describe("factsOf: pull_request", () => {
  it.each(["opened", "reopened"])("%s records pr_opened at the creation time", (action) => {
    expect(factsOf(prEvent(action, prPayload()), SOURCE)).toEqual([
      { type: "pr_opened", repo: REPO, time: "2025-03-10T08:00:00Z", source: SOURCE, pr: pullRequestOf(prPayload()) },
    ]);
  });

  it("closed and merged records pr_merged at the merge time, by the merger, with the details", () => {
    const facts = factsOf(prEvent("closed", MERGED), SOURCE, DETAILS);
    expect(facts).toEqual([
      { type: "pr_merged", repo: REPO, time: "2025-03-14T15:09:26Z", source: SOURCE, pr: pullRequestOf(MERGED, DETAILS), mergedBy: OWNER },
    ]);
    const fact = facts[0];
    if (fact?.type !== "pr_merged") throw new Error("expected pr_merged");
    expect(fact.pr.files?.map((f) => f.whitespaceOnly)).toEqual([false, true, undefined]);
    expect(fact.pr.commits?.[0]?.coAuthors).toEqual([{ id: 102, login: "bob" }]);
  });

  it("merged without a merger or details: no mergedBy, the payload's counts", () => {
    const pr = prPayload({ closedAt: "2025-03-14T15:09:26Z", mergedAt: "2025-03-14T15:09:26Z" });
    const [fact] = factsOf(prEvent("closed", pr), SOURCE);
    expect(fact).toEqual({ type: "pr_merged", repo: REPO, time: "2025-03-14T15:09:26Z", source: SOURCE, pr: pullRequestOf(pr) });
    expect(fact && "mergedBy" in fact).toBe(false);
  });

  it("closed without merging records pr_closed at the close time, closed by the sender", () => {
    const pr = prPayload({ closedAt: "2025-03-13T00:00:00Z" });
    expect(factsOf(prEvent("closed", pr, BOB), SOURCE)).toEqual([
      { type: "pr_closed", repo: REPO, time: "2025-03-13T00:00:00Z", source: SOURCE, pr: pullRequestOf(pr), closedBy: BOB },
    ]);
  });

  it("closed without a close time falls back to the update time; without a sender, no closer", () => {
    const event: GitHubEvent = { name: "pull_request", type: "pull_request", action: "closed", repo: REPO, pr: prPayload() };
    const [fact] = factsOf(event, SOURCE);
    expect(fact?.time).toBe("2025-03-12T09:00:00Z");
    expect(fact && "closedBy" in fact).toBe(false);
  });

  it.each([
    "edited",
    "labeled",
    "unlabeled",
    "synchronize",
    "assigned",
    "ready_for_review",
    "converted_to_draft",
    "review_requested",
    "locked",
    "",
  ])("'%s' records nothing", (action) => {
    expect(factsOf(prEvent(action, MERGED), SOURCE, DETAILS)).toEqual([]);
  });
});

describe("factsOf: reviews and review comments", () => {
  function reviewEvent(action: string, state: string): GitHubEvent {
    return {
      name: "pull_request_review",
      type: "review",
      action,
      repo: REPO,
      pr: prPayload({ additions: 0, deletions: 0, changedFiles: 0 }),
      review: {
        id: 77,
        url: "https://github.com/octo/demo/pull/12#pullrequestreview-77",
        author: BOB,
        state,
        submittedAt: "2025-03-11T12:00:00Z",
      },
    };
  }

  it.each(["approved", "changes_requested", "commented"] as const)("submitted, %s, records a review", (state) => {
    const event = reviewEvent("submitted", state);
    expect(factsOf(event, SOURCE)).toEqual([
      {
        type: "review",
        repo: REPO,
        time: "2025-03-11T12:00:00Z",
        source: SOURCE,
        pr: pullRequestOf(prPayload({ additions: 0, deletions: 0, changedFiles: 0 })),
        review: { id: 77, url: "https://github.com/octo/demo/pull/12#pullrequestreview-77", author: BOB, state },
      },
    ]);
  });

  it("a dismissed state, or an action other than submitted, records nothing", () => {
    expect(factsOf(reviewEvent("submitted", "dismissed"), SOURCE)).toEqual([]);
    expect(factsOf(reviewEvent("submitted", "pending"), SOURCE)).toEqual([]);
    expect(factsOf(reviewEvent("dismissed", "approved"), SOURCE)).toEqual([]);
    expect(factsOf(reviewEvent("edited", "approved"), SOURCE)).toEqual([]);
  });

  it("a review comment created records review_comment at its time; edited or deleted records nothing", () => {
    const comment = {
      id: 88,
      url: "https://github.com/octo/demo/pull/12#discussion_r88",
      author: BOB,
      body: "nit",
      createdAt: "2025-03-11T12:30:00Z",
    };
    const event = (action: string): GitHubEvent => ({
      name: "pull_request_review_comment",
      type: "review_comment",
      action,
      repo: REPO,
      pr: prPayload(),
      comment,
    });
    expect(factsOf(event("created"), SOURCE)).toEqual([
      { type: "review_comment", repo: REPO, time: "2025-03-11T12:30:00Z", source: SOURCE, pr: pullRequestOf(prPayload()), comment },
    ]);
    expect(factsOf(event("edited"), SOURCE)).toEqual([]);
    expect(factsOf(event("deleted"), SOURCE)).toEqual([]);
  });
});

describe("factsOf: issue comments, issues, releases", () => {
  const comment = {
    id: 99,
    url: "https://github.com/octo/demo/issues/7#issuecomment-99",
    author: ALICE,
    body: "me too",
    createdAt: "2025-03-02T00:00:00Z",
  };
  const commentEvent = (action: string, issue: IssuePayload): GitHubEvent => ({
    name: "issue_comment",
    type: "issue_comment",
    action,
    repo: REPO,
    issue,
    comment,
  });

  it("a comment created records comment on an issue or a pull request", () => {
    expect(factsOf(commentEvent("created", issuePayload()), SOURCE)).toEqual([
      { type: "comment", repo: REPO, time: "2025-03-02T00:00:00Z", source: SOURCE, on: { number: 7, kind: "issue" }, comment },
    ]);
    const [onPr] = factsOf(commentEvent("created", issuePayload({ isPullRequest: true })), SOURCE);
    expect(onPr?.type === "comment" && onPr.on).toEqual({ number: 7, kind: "pull_request" });
  });

  it("a comment edited or deleted records nothing", () => {
    expect(factsOf(commentEvent("edited", issuePayload()), SOURCE)).toEqual([]);
    expect(factsOf(commentEvent("deleted", issuePayload()), SOURCE)).toEqual([]);
  });

  const issueEvent = (action: string, issue: IssuePayload, sender?: Person): GitHubEvent => ({
    name: "issues",
    type: "issues",
    action,
    repo: REPO,
    issue,
    ...(sender ? { sender } : {}),
  });
  const shape = { number: 7, url: "https://github.com/octo/demo/issues/7", author: BOB, labels: ["bug"] };

  it("an issue opened records issue_opened at its creation time", () => {
    expect(factsOf(issueEvent("opened", issuePayload()), SOURCE)).toEqual([
      { type: "issue_opened", repo: REPO, time: "2025-03-01T10:00:00Z", source: SOURCE, issue: shape },
    ]);
  });

  it("an issue closed records issue_closed with its reason and closer", () => {
    const closed = issuePayload({ closedAt: "2025-03-05T00:00:00Z", stateReason: "not_planned" });
    expect(factsOf(issueEvent("closed", closed, OWNER), SOURCE)).toEqual([
      {
        type: "issue_closed",
        repo: REPO,
        time: "2025-03-05T00:00:00Z",
        source: SOURCE,
        issue: shape,
        closedBy: OWNER,
        reason: "not_planned",
      },
    ]);
    for (const stateReason of ["completed", "reopened", undefined]) {
      const [fact] = factsOf(
        issueEvent("closed", issuePayload({ closedAt: "2025-03-05T00:00:00Z", ...(stateReason ? { stateReason } : {}) })),
        SOURCE,
      );
      expect(fact?.type === "issue_closed" && fact.reason).toBe("completed");
      expect(fact && "closedBy" in fact).toBe(false);
    }
    const [noTime] = factsOf(issueEvent("closed", issuePayload()), SOURCE);
    expect(noTime?.time).toBe("2025-03-01T10:00:00Z");
  });

  it.each(["edited", "labeled", "reopened", "assigned", "pinned", "deleted", "transferred"])("an issue '%s' records nothing", (action) => {
    expect(factsOf(issueEvent(action, issuePayload()), SOURCE)).toEqual([]);
  });

  const releaseEvent = (action: string): GitHubEvent => ({
    name: "release",
    type: "release",
    action,
    repo: REPO,
    release: {
      id: 3001,
      tag: "v1.0.0",
      url: "https://github.com/octo/demo/releases/tag/v1.0.0",
      author: OWNER,
      publishedAt: "2025-03-20T00:00:00Z",
    },
  });

  it("a release published records release at its published time", () => {
    expect(factsOf(releaseEvent("published"), SOURCE)).toEqual([
      {
        type: "release",
        repo: REPO,
        time: "2025-03-20T00:00:00Z",
        source: SOURCE,
        release: { id: 3001, tag: "v1.0.0", url: "https://github.com/octo/demo/releases/tag/v1.0.0", author: OWNER },
      },
    ]);
  });

  it.each(["created", "prereleased", "released", "edited", "deleted"])("a release '%s' records nothing", (action) => {
    expect(factsOf(releaseEvent(action), SOURCE)).toEqual([]);
  });

  it("workflow_dispatch, schedule and other events record nothing", () => {
    expect(factsOf({ name: "workflow_dispatch", type: "workflow_dispatch", repo: REPO, inputs: {} }, SOURCE)).toEqual([]);
    expect(factsOf({ name: "schedule", type: "schedule", repo: REPO }, SOURCE)).toEqual([]);
    expect(factsOf({ name: "push", type: "other", repo: REPO }, SOURCE)).toEqual([]);
  });
});

describe("factsOf on published example payloads", () => {
  const index = createRequire(import.meta.url)("@octokit/webhooks-examples/api.github.com/index.json") as {
    name: string;
    examples: { action?: string }[];
  }[];
  const first = (name: string, action: string): unknown =>
    structuredClone(index.find((e) => e.name === name)?.examples.find((x) => x.action === action));

  it("pull_request opened → pr_opened by Codertocat on Hello-World #2", () => {
    const [fact] = factsOf(readEvent("pull_request", first("pull_request", "opened")), { event: "pull_request", action: "opened" });
    expect(fact?.type).toBe("pr_opened");
    expect(fact?.repo).toEqual({ id: 186853002, name: "Codertocat/Hello-World", ownerId: 21031067 });
    expect(fact?.type === "pr_opened" && fact.pr.number).toBe(2);
    expect(fact?.type === "pr_opened" && fact.pr.author.login).toBe("Codertocat");
  });

  it("pull_request closed unmerged → pr_closed; review submitted (commented) → review; issues opened → issue_opened; release published → release", () => {
    expect(factsOf(readEvent("pull_request", first("pull_request", "closed")), SOURCE).map((f) => f.type)).toEqual(["pr_closed"]);
    expect(factsOf(readEvent("pull_request_review", first("pull_request_review", "submitted")), SOURCE).map((f) => f.type)).toEqual([
      "review",
    ]);
    expect(factsOf(readEvent("pull_request_review", first("pull_request_review", "dismissed")), SOURCE)).toEqual([]);
    expect(factsOf(readEvent("issues", first("issues", "opened")), SOURCE).map((f) => f.type)).toEqual(["issue_opened"]);
    expect(factsOf(readEvent("issue_comment", first("issue_comment", "created")), SOURCE).map((f) => f.type)).toEqual(["comment"]);
    expect(factsOf(readEvent("release", first("release", "published")), SOURCE).map((f) => f.type)).toEqual(["release"]);
    expect(factsOf(readEvent("release", first("release", "created")), SOURCE)).toEqual([]);
  });
});
