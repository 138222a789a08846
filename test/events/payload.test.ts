/**
 * Webhook payloads → events, driven by GitHub's published example payloads
 * (@octokit/webhooks-examples), and malformed variants of them: a malformed payload must fail with
 * the event, the full path of the field and what was expected.
 */
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { type GitHubEvent, PayloadError, type PullRequestPayload, readEvent } from "../../src/events/payload.ts";

// biome-ignore lint/suspicious/noExplicitAny: published example payloads are untyped JSON, read field by field
type Json = any;

const require = createRequire(import.meta.url);
const INDEX = require("@octokit/webhooks-examples/api.github.com/index.json") as { name: string; examples: Json[] }[];

/** A fresh copy of the published examples of `event`. */
function examples(event: string): Json[] {
  const found = INDEX.find((e) => e.name === event);
  if (!found) throw new Error(`no published examples for ${event}`);
  return structuredClone(found.examples);
}

/** A fresh copy of the first published example of `event` with `action`. */
function example(event: string, action?: string): Json {
  const found = examples(event).find((e) => e.action === action);
  if (!found) throw new Error(`no published example of ${event}.${action}`);
  return found;
}

const HANDLED = [
  "pull_request",
  "pull_request_review",
  "pull_request_review_comment",
  "issue_comment",
  "issues",
  "release",
  "workflow_dispatch",
];
const TYPE_OF: Record<string, GitHubEvent["type"]> = {
  pull_request: "pull_request",
  pull_request_review: "review",
  pull_request_review_comment: "review_comment",
  issue_comment: "issue_comment",
  issues: "issues",
  release: "release",
  workflow_dispatch: "workflow_dispatch",
};

function person(raw: Json) {
  return { id: raw.id, login: raw.login, type: raw.type };
}

/** The pull request fields read, taken straight from the raw payload. */
function expectPullRequest(pr: PullRequestPayload, raw: Json, repoName: string): void {
  expect(pr.number).toBe(raw.number);
  expect(pr.url).toBe(raw.html_url);
  expect(pr.author).toEqual(person(raw.user));
  expect(pr.association).toBe(raw.author_association);
  expect(pr.labels).toEqual(raw.labels.map((l: Json) => l.name));
  expect(pr.createdAt).toBe(raw.created_at);
  expect(pr.updatedAt).toBe(raw.updated_at);
  expect(pr.closedAt).toBe(raw.closed_at ?? undefined);
  expect(pr.mergedAt).toBe(raw.merged_at ?? undefined);
  expect(pr.mergedBy).toEqual(raw.merged_by ? person(raw.merged_by) : undefined);
  expect(pr.additions).toBe(raw.additions ?? 0);
  expect(pr.deletions).toBe(raw.deletions ?? 0);
  expect(pr.changedFiles).toBe(raw.changed_files ?? 0);
  expect(pr.milestone).toBe(raw.milestone?.title ?? undefined);
  expect(pr.fromFork).toBe(raw.head.repo === null || raw.head.repo.full_name !== repoName);
}

/** The PayloadError `f` throws. */
function payloadError(f: () => unknown): PayloadError {
  try {
    f();
  } catch (e) {
    if (e instanceof PayloadError) return e;
    throw e;
  }
  throw new Error("expected a PayloadError, but the payload was read");
}

describe("readEvent: every published example of the handled events", () => {
  const cases = HANDLED.flatMap((name) => examples(name).map((p, i) => [name, i, p.action ?? "(no action)"] as const));
  it.each(cases)("%s #%i (%s) reads, with the repository, action and sender", (name, i) => {
    const raw = examples(name)[i];
    const ev = readEvent(name, raw);
    expect(ev.name).toBe(name);
    expect(ev.type).toBe(TYPE_OF[name]);
    expect(ev.repo).toEqual({ id: raw.repository.id, name: raw.repository.full_name, ownerId: raw.repository.owner.id });
    expect(ev.action).toBe(raw.action);
    expect(ev.sender).toEqual(raw.sender ? person(raw.sender) : undefined);
  });
});

describe("readEvent: the fields each event reads", () => {
  it("pull_request opened", () => {
    const raw = example("pull_request", "opened");
    const ev = readEvent("pull_request", raw);
    if (ev.type !== "pull_request") throw new Error(ev.type);
    expect(ev.action).toBe("opened");
    expectPullRequest(ev.pr, raw.pull_request, raw.repository.full_name);
    expect(ev.pr).toMatchObject({ number: 2, author: { id: 21031067, login: "Codertocat", type: "User" }, fromFork: false });
    expect(ev.label).toBeUndefined();
  });

  it("pull_request labeled names the label", () => {
    const raw = example("pull_request", "labeled");
    const ev = readEvent("pull_request", raw);
    if (ev.type !== "pull_request") throw new Error(ev.type);
    expect(ev.label).toBe(raw.label.name);
    expectPullRequest(ev.pr, raw.pull_request, raw.repository.full_name);
  });

  it("pull_request_target reads as a pull_request event", () => {
    const ev = readEvent("pull_request_target", example("pull_request", "opened"));
    expect(ev.type).toBe("pull_request");
    expect(ev.name).toBe("pull_request_target");
  });

  it("pull_request closed, merged: merged time and merger", () => {
    const raw = example("pull_request", "closed");
    raw.pull_request.merged = true;
    raw.pull_request.merged_at = "2019-05-15T15:21:18Z";
    raw.pull_request.merged_by = structuredClone(raw.sender);
    raw.pull_request.milestone = { title: "v1.0" };
    const ev = readEvent("pull_request", raw);
    if (ev.type !== "pull_request") throw new Error(ev.type);
    expectPullRequest(ev.pr, raw.pull_request, raw.repository.full_name);
    expect(ev.pr.mergedAt).toBe("2019-05-15T15:21:18Z");
    expect(ev.pr.mergedBy).toEqual(person(raw.sender));
    expect(ev.pr.milestone).toBe("v1.0");
  });

  it("pull_request closed without merging has a closed time and no merge", () => {
    const raw = example("pull_request", "closed");
    const ev = readEvent("pull_request", raw);
    if (ev.type !== "pull_request") throw new Error(ev.type);
    expect(ev.pr.closedAt).toBe(raw.pull_request.closed_at);
    expect(ev.pr.mergedAt).toBeUndefined();
    expect("mergedAt" in ev.pr).toBe(false);
    expect("mergedBy" in ev.pr).toBe(false);
  });

  it("pull_request_review submitted: the review, its state in lower case, and a pull request without counts", () => {
    const raw = example("pull_request_review", "submitted");
    const ev = readEvent("pull_request_review", raw);
    if (ev.type !== "review") throw new Error(ev.type);
    expect(ev.review).toEqual({
      id: raw.review.id,
      url: raw.review.html_url,
      author: person(raw.review.user),
      state: raw.review.state.toLowerCase(),
      submittedAt: raw.review.submitted_at,
    });
    expectPullRequest(ev.pr, raw.pull_request, raw.repository.full_name);
    expect(ev.pr.additions).toBe(0);
    raw.review.state = "APPROVED";
    expect((readEvent("pull_request_review", raw) as Extract<GitHubEvent, { type: "review" }>).review.state).toBe("approved");
  });

  it("pull_request_review_comment created: the comment", () => {
    const raw = example("pull_request_review_comment", "created");
    const ev = readEvent("pull_request_review_comment", raw);
    if (ev.type !== "review_comment") throw new Error(ev.type);
    expect(ev.comment).toEqual({
      id: raw.comment.id,
      url: raw.comment.html_url,
      author: person(raw.comment.user),
      body: raw.comment.body,
      createdAt: raw.comment.created_at,
    });
    expectPullRequest(ev.pr, raw.pull_request, raw.repository.full_name);
  });

  it("issue_comment created on an issue: the issue and the comment", () => {
    const raw = example("issue_comment", "created");
    const ev = readEvent("issue_comment", raw);
    if (ev.type !== "issue_comment") throw new Error(ev.type);
    expect(ev.issue).toEqual({
      number: raw.issue.number,
      url: raw.issue.html_url,
      author: person(raw.issue.user),
      labels: raw.issue.labels.map((l: Json) => l.name),
      isPullRequest: false,
      createdAt: raw.issue.created_at,
      ...(raw.issue.closed_at ? { closedAt: raw.issue.closed_at } : {}),
    });
    expect(ev.comment).toEqual({
      id: raw.comment.id,
      url: raw.comment.html_url,
      author: person(raw.comment.user),
      body: raw.comment.body,
      createdAt: raw.comment.created_at,
    });
  });

  it("issue_comment on a pull request: isPullRequest", () => {
    const raw = example("issue_comment", "created");
    raw.issue.pull_request = { url: "https://api.github.com/repos/Codertocat/Hello-World/pulls/1", merged_at: null };
    const open = readEvent("issue_comment", raw) as Extract<GitHubEvent, { type: "issue_comment" }>;
    expect(open.issue.isPullRequest).toBe(true);
  });

  it("a comment without a body reads as an empty body", () => {
    const raw = example("issue_comment", "created");
    raw.comment.body = null;
    expect((readEvent("issue_comment", raw) as Extract<GitHubEvent, { type: "issue_comment" }>).comment.body).toBe("");
  });

  it("issues opened and closed (with its state reason)", () => {
    const opened = example("issues", "opened");
    const ev = readEvent("issues", opened);
    if (ev.type !== "issues") throw new Error(ev.type);
    expect(ev.issue).toMatchObject({
      number: opened.issue.number,
      url: opened.issue.html_url,
      author: person(opened.issue.user),
      labels: opened.issue.labels.map((l: Json) => l.name),
      isPullRequest: false,
    });
    const closed = example("issues", "opened");
    closed.action = "closed";
    closed.issue.closed_at = "2019-05-16T10:00:00Z";
    closed.issue.state_reason = "not_planned";
    const c = readEvent("issues", closed) as Extract<GitHubEvent, { type: "issues" }>;
    expect(c.action).toBe("closed");
    expect(c.issue.closedAt).toBe("2019-05-16T10:00:00Z");
    expect(c.issue.stateReason).toBe("not_planned");
  });

  it("an issue without labels (the published issues.pinned example) reads with no labels", () => {
    const raw = example("issues", "pinned");
    expect(raw.issue.labels).toBeUndefined();
    const ev = readEvent("issues", raw) as Extract<GitHubEvent, { type: "issues" }>;
    expect(ev.issue.labels).toEqual([]);
  });

  it("release published: the release, and its creation time when it has no published time", () => {
    const raw = example("release", "published");
    const ev = readEvent("release", raw);
    if (ev.type !== "release") throw new Error(ev.type);
    expect(ev.release).toEqual({
      id: raw.release.id,
      tag: raw.release.tag_name,
      url: raw.release.html_url,
      author: person(raw.release.author),
      publishedAt: raw.release.published_at,
    });
    raw.release.published_at = null;
    raw.release.created_at = "2019-05-15T15:19:00Z";
    expect((readEvent("release", raw) as Extract<GitHubEvent, { type: "release" }>).release.publishedAt).toBe("2019-05-15T15:19:00Z");
  });

  it("workflow_dispatch: its inputs, and none when there are none", () => {
    const raw = examples("workflow_dispatch")[0];
    const ev = readEvent("workflow_dispatch", raw);
    if (ev.type !== "workflow_dispatch") throw new Error(ev.type);
    expect(ev.inputs).toEqual(raw.inputs ?? {});
    expect(ev.action).toBeUndefined();
    expect("action" in ev).toBe(false);
    raw.inputs = { since: "2025-01-01", dry_run: true };
    expect((readEvent("workflow_dispatch", raw) as Extract<GitHubEvent, { type: "workflow_dispatch" }>).inputs).toEqual({
      since: "2025-01-01",
      dry_run: true,
    });
    delete raw.inputs;
    expect((readEvent("workflow_dispatch", raw) as Extract<GitHubEvent, { type: "workflow_dispatch" }>).inputs).toEqual({});
  });

  it("schedule needs no repository; unhandled events read as 'other'", () => {
    expect(readEvent("schedule", { schedule: "0 * * * *" })).toEqual({
      name: "schedule",
      type: "schedule",
      repo: { id: 0, name: "", ownerId: 0 },
    });
    const push = { repository: example("pull_request", "opened").repository, sender: example("pull_request", "opened").sender };
    const ev = readEvent("push", push);
    expect(ev.type).toBe("other");
    expect(ev.repo.name).toBe("Codertocat/Hello-World");
  });

  it("times are normalised to UTC whole seconds", () => {
    const raw = example("pull_request", "opened");
    raw.pull_request.created_at = "2019-05-15T17:20:33.987+02:00";
    raw.pull_request.updated_at = "2019-05-15T15:20:33.000Z";
    const ev = readEvent("pull_request", raw) as Extract<GitHubEvent, { type: "pull_request" }>;
    expect(ev.pr.createdAt).toBe("2019-05-15T15:20:33Z");
    expect(ev.pr.updatedAt).toBe("2019-05-15T15:20:33Z");
  });

  it("bots and organizations are people too, with a [bot] login", () => {
    const raw = example("pull_request", "opened");
    raw.pull_request.user = { login: "dependabot[bot]", id: 49699333, type: "Bot" };
    raw.sender = { login: "octo-org", id: 6811672, type: "Organization" };
    const ev = readEvent("pull_request", raw) as Extract<GitHubEvent, { type: "pull_request" }>;
    expect(ev.pr.author).toEqual({ login: "dependabot[bot]", id: 49699333, type: "Bot" });
    expect(ev.sender).toEqual({ login: "octo-org", id: 6811672, type: "Organization" });
  });
});

describe("readEvent: fork detection", () => {
  it("the head repository is the base repository: not a fork", () => {
    const raw = example("pull_request", "opened");
    expect(raw.pull_request.head.repo.full_name).toBe(raw.repository.full_name);
    expect((readEvent("pull_request", raw) as Extract<GitHubEvent, { type: "pull_request" }>).pr.fromFork).toBe(false);
  });
  it("the head repository is another repository: a fork", () => {
    const raw = example("pull_request", "opened");
    raw.pull_request.head.repo.full_name = "forker/Hello-World";
    expect((readEvent("pull_request", raw) as Extract<GitHubEvent, { type: "pull_request" }>).pr.fromFork).toBe(true);
  });
  it("the head repository was deleted (null): a fork", () => {
    const raw = example("pull_request", "closed");
    raw.pull_request.head.repo = null;
    expect((readEvent("pull_request", raw) as Extract<GitHubEvent, { type: "pull_request" }>).pr.fromFork).toBe(true);
  });
  it("the same on a review's pull request", () => {
    const raw = example("pull_request_review", "submitted");
    raw.pull_request.head.repo.full_name = "forker/Hello-World";
    expect((readEvent("pull_request_review", raw) as Extract<GitHubEvent, { type: "review" }>).pr.fromFork).toBe(true);
  });
});

describe("readEvent: malformed payloads name the event, the field and what was expected", () => {
  type Case = readonly [
    what: string,
    event: string,
    action: string | undefined,
    change: (p: Json) => void,
    field: string,
    expected: string,
  ];
  const cases: readonly Case[] = [
    ["a payload that is not an object", "pull_request", "opened", () => {}, "(payload)", "an object"],
    ["no repository", "pull_request", "opened", (p) => delete p.repository, "repository", "an object"],
    [
      "a repository name without owner",
      "issues",
      "opened",
      (p) => (p.repository.full_name = "Hello-World"),
      "repository.full_name",
      "owner/name",
    ],
    ["a repository id as a string", "issues", "opened", (p) => (p.repository.id = "186853002"), "repository.id", "a non-negative integer"],
    ["no owner id", "issues", "opened", (p) => delete p.repository.owner.id, "repository.owner.id", "a non-negative integer"],
    ["an action that is a number", "issues", "opened", (p) => (p.action = 1), "action", "a string"],
    ["no pull request", "pull_request", "opened", (p) => delete p.pull_request, "pull_request", "an object"],
    [
      "no pull request number",
      "pull_request",
      "opened",
      (p) => delete p.pull_request.number,
      "pull_request.number",
      "a non-negative integer",
    ],
    ["a negative number", "pull_request", "opened", (p) => (p.pull_request.number = -2), "pull_request.number", "a non-negative integer"],
    [
      "a fractional number",
      "pull_request",
      "opened",
      (p) => (p.pull_request.number = 2.5),
      "pull_request.number",
      "a non-negative integer",
    ],
    [
      "a bad login",
      "pull_request",
      "opened",
      (p) => (p.pull_request.user.login = "not a login"),
      "pull_request.user.login",
      "a GitHub login",
    ],
    [
      "a login that is too long",
      "pull_request",
      "opened",
      (p) => (p.pull_request.user.login = "a".repeat(40)),
      "pull_request.user.login",
      "a GitHub login",
    ],
    ["no user", "pull_request", "opened", (p) => (p.pull_request.user = null), "pull_request.user", "an object"],
    [
      "an unknown account type",
      "pull_request",
      "opened",
      (p) => (p.pull_request.user.type = "Robot"),
      "pull_request.user.type",
      "User, Bot or Organization",
    ],
    [
      "a user id as a string",
      "pull_request",
      "opened",
      (p) => (p.pull_request.user.id = "21031067"),
      "pull_request.user.id",
      "a non-negative integer",
    ],
    [
      "a non-https URL",
      "pull_request",
      "opened",
      (p) => (p.pull_request.html_url = "http://github.com/Codertocat/Hello-World/pull/2"),
      "pull_request.html_url",
      "an https URL",
    ],
    ["a javascript: URL", "issues", "opened", (p) => (p.issue.html_url = "javascript:alert(1)"), "issue.html_url", "an https URL"],
    [
      "a URL with a space",
      "release",
      "published",
      (p) => (p.release.html_url = "https://github.com/a b"),
      "release.html_url",
      "an https URL",
    ],
    [
      "a bad time",
      "pull_request",
      "opened",
      (p) => (p.pull_request.created_at = "yesterday"),
      "pull_request.created_at",
      "an RFC 3339 time",
    ],
    [
      "a time that is a number",
      "pull_request",
      "opened",
      (p) => (p.pull_request.created_at = 1557933633),
      "pull_request.created_at",
      "an RFC 3339 time",
    ],
    [
      "a bad merged time",
      "pull_request",
      "closed",
      (p) => (p.pull_request.merged_at = "2019-13-45T99:00:00Z"),
      "pull_request.merged_at",
      "an RFC 3339 time",
    ],
    ["labels that are not a list", "pull_request", "opened", (p) => (p.pull_request.labels = "bug"), "pull_request.labels", "an array"],
    [
      "a label without a name",
      "pull_request",
      "labeled",
      (p) => delete p.pull_request.labels[0].name,
      "pull_request.labels[0].name",
      "a string",
    ],
    ["a changed label without a name", "pull_request", "labeled", (p) => (p.label = {}), "label.name", "a string"],
    ["no head", "pull_request", "opened", (p) => delete p.pull_request.head, "pull_request.head", "an object"],
    [
      "a head repository without a name",
      "pull_request",
      "opened",
      (p) => delete p.pull_request.head.repo.full_name,
      "pull_request.head.repo.full_name",
      "a string",
    ],
    [
      "additions as a string",
      "pull_request",
      "opened",
      (p) => (p.pull_request.additions = "1"),
      "pull_request.additions",
      "a non-negative integer",
    ],
    [
      "a milestone without a title",
      "pull_request",
      "opened",
      (p) => (p.pull_request.milestone = {}),
      "pull_request.milestone.title",
      "a string",
    ],
    [
      "a merger with a bad login",
      "pull_request",
      "closed",
      (p) => (p.pull_request.merged_by = { login: "-x", id: 1, type: "User" }),
      "pull_request.merged_by.login",
      "a GitHub login",
    ],
    ["a sender with a bad type", "issues", "opened", (p) => (p.sender.type = "user"), "sender.type", "User, Bot or Organization"],
    ["no review", "pull_request_review", "submitted", (p) => delete p.review, "review", "an object"],
    ["a review state that is not a string", "pull_request_review", "submitted", (p) => (p.review.state = null), "review.state", "a string"],
    [
      "a review without a submitted time",
      "pull_request_review",
      "submitted",
      (p) => delete p.review.submitted_at,
      "review.submitted_at",
      "an RFC 3339 time",
    ],
    [
      "a review author with a bad login",
      "pull_request_review",
      "submitted",
      (p) => (p.review.user.login = "x y"),
      "review.user.login",
      "a GitHub login",
    ],
    [
      "a comment id as a string",
      "pull_request_review_comment",
      "created",
      (p) => (p.comment.id = "1"),
      "comment.id",
      "a non-negative integer",
    ],
    ["a comment body that is a number", "issue_comment", "created", (p) => (p.comment.body = 5), "comment.body", "a string"],
    [
      "a comment with a bad time",
      "issue_comment",
      "created",
      (p) => (p.comment.created_at = "not a time"),
      "comment.created_at",
      "an RFC 3339 time",
    ],
    ["an issue number as a string", "issue_comment", "created", (p) => (p.issue.number = "1"), "issue.number", "a non-negative integer"],
    ["an issue state reason that is a number", "issues", "opened", (p) => (p.issue.state_reason = 3), "issue.state_reason", "a string"],
    ["a release without a tag", "release", "published", (p) => delete p.release.tag_name, "release.tag_name", "a string"],
    [
      "a release author with a bad login",
      "release",
      "published",
      (p) => (p.release.author.login = ""),
      "release.author.login",
      "a GitHub login",
    ],
  ];

  it.each(cases)("%s", (_, event, action, change, field, expected) => {
    const raw = _ === "a payload that is not an object" ? null : example(event, action);
    if (raw) change(raw);
    const e = payloadError(() => readEvent(event, raw));
    expect(e.name).toBe("PayloadError");
    expect(e.event).toBe(event);
    expect(e.field).toBe(field);
    expect(e.message).toBe(`malformed '${event}' event payload: ${field}: expected ${expected}`);
  });

  it("a workflow_dispatch payload without a repository fails on the repository", () => {
    const raw = examples("workflow_dispatch")[0];
    delete raw.repository;
    expect(payloadError(() => readEvent("workflow_dispatch", raw)).field).toBe("repository");
  });

  it("a bare number is not an RFC 3339 time", () => {
    const raw = example("pull_request", "opened");
    raw.pull_request.created_at = "3";
    const e = payloadError(() => readEvent("pull_request", raw));
    expect(e.field).toBe("pull_request.created_at");
  });
});
