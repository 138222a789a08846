/**
 * Webhook payloads for the events the action handles, taken from GitHub's published examples
 * (@octokit/webhooks-examples) so the action is tested against what GitHub sends, not against what
 * we believe it sends. Every function returns a fresh deep copy.
 *
 * Where the published examples lack a case (a merged pull request, an approval, ...), a `derived…`
 * function starts from a published example and changes only what GitHub would change; its doc
 * comment names the source and the changed fields, and github-api.test.ts checks that nothing else
 * differs.
 *
 * The examples live on Codertocat/Hello-World (workflow_dispatch: octo-org/octo-repo). `retarget`
 * moves a payload onto the fake API's repository, `setNumber`, `setSender`, ... adjust the rest,
 * and `useApiUrl`, called last, points its API URLs at the fake server.
 */
import { createRequire } from "node:module";
import type {
  IssueCommentCreatedEvent,
  IssuesClosedEvent,
  IssuesOpenedEvent,
  Label,
  PullRequestClosedEvent,
  PullRequestLabeledEvent,
  PullRequestOpenedEvent,
  PullRequestReopenedEvent,
  PullRequestReviewCommentCreatedEvent,
  PullRequestReviewDismissedEvent,
  PullRequestReviewSubmittedEvent,
  PullRequestSynchronizeEvent,
  PullRequestUnlabeledEvent,
  ReleasePublishedEvent,
  Repository,
  User,
  WorkflowDispatchEvent,
} from "@octokit/webhooks-types";
import { type AccountType, account, labelObject, type RepoInfo } from "./github-api.ts";

/** The API base the published examples' URLs use. */
export const GITHUB_API = "https://api.github.com";

// ---------------------------------------------------------------------------------------------------
// Published examples

interface Selection {
  readonly event: string;
  readonly action: string | undefined;
  readonly index: number;
}

/**
 * Which published example each function returns: in @octokit/webhooks-examples'
 * api.github.com/index.json, the entry whose `name` is `event`, its `examples[index]`, whose
 * `action` must be `action`: the first example with that action.
 */
export const EXAMPLES = {
  pullRequestOpened: { event: "pull_request", action: "opened", index: 0 },
  pullRequestReopened: { event: "pull_request", action: "reopened", index: 18 },
  pullRequestSynchronize: { event: "pull_request", action: "synchronize", index: 22 },
  pullRequestClosed: { event: "pull_request", action: "closed", index: 3 },
  pullRequestLabeled: { event: "pull_request", action: "labeled", index: 8 },
  pullRequestUnlabeled: { event: "pull_request", action: "unlabeled", index: 25 },
  pullRequestReviewSubmitted: { event: "pull_request_review", action: "submitted", index: 0 },
  pullRequestReviewDismissed: { event: "pull_request_review", action: "dismissed", index: 1 },
  pullRequestReviewCommentCreated: { event: "pull_request_review_comment", action: "created", index: 0 },
  issueCommentCreated: { event: "issue_comment", action: "created", index: 0 },
  issuesOpened: { event: "issues", action: "opened", index: 15 },
  releasePublished: { event: "release", action: "published", index: 0 },
  // workflow_dispatch has no action.
  workflowDispatch: { event: "workflow_dispatch", action: undefined, index: 0 },
} as const satisfies Record<string, Selection>;

interface ExampleEntry {
  name: string;
  examples: { action?: string }[];
}

let published: readonly ExampleEntry[] | undefined;

/** A deep copy of the selected example; throws if the package no longer has it where the selection says. */
export function example<T>(selection: Selection): T {
  published ??= createRequire(import.meta.url)("@octokit/webhooks-examples") as ExampleEntry[];
  const payload = published.find((e) => e.name === selection.event)?.examples[selection.index];
  if (payload === undefined || payload.action !== selection.action) {
    throw new Error(`@octokit/webhooks-examples: ${selection.event}[${selection.index}] is not a "${selection.action}" example any more`);
  }
  return structuredClone(payload) as T;
}

export function pullRequestOpened(): PullRequestOpenedEvent {
  return example(EXAMPLES.pullRequestOpened);
}

export function pullRequestReopened(): PullRequestReopenedEvent {
  return example(EXAMPLES.pullRequestReopened);
}

export function pullRequestSynchronize(): PullRequestSynchronizeEvent {
  return example(EXAMPLES.pullRequestSynchronize);
}

/** Closed without merging. */
export function pullRequestClosed(): PullRequestClosedEvent {
  return example(EXAMPLES.pullRequestClosed);
}

export function pullRequestLabeled(): PullRequestLabeledEvent {
  return example(EXAMPLES.pullRequestLabeled);
}

export function pullRequestUnlabeled(): PullRequestUnlabeledEvent {
  return example(EXAMPLES.pullRequestUnlabeled);
}

/** A review submitted with state "commented". */
export function pullRequestReviewSubmitted(): PullRequestReviewSubmittedEvent {
  return example(EXAMPLES.pullRequestReviewSubmitted);
}

export function pullRequestReviewDismissed(): PullRequestReviewDismissedEvent {
  return example(EXAMPLES.pullRequestReviewDismissed);
}

export function pullRequestReviewCommentCreated(): PullRequestReviewCommentCreatedEvent {
  return example(EXAMPLES.pullRequestReviewCommentCreated);
}

/** A comment on a plain issue (see derivedIssueCommentOnPullRequest for one on a pull request). */
export function issueCommentCreated(): IssueCommentCreatedEvent {
  return example(EXAMPLES.issueCommentCreated);
}

export function issuesOpened(): IssuesOpenedEvent {
  return example(EXAMPLES.issuesOpened);
}

export function releasePublished(): ReleasePublishedEvent {
  return example(EXAMPLES.releasePublished);
}

export function workflowDispatch(): WorkflowDispatchEvent {
  return example(EXAMPLES.workflowDispatch);
}

// ---------------------------------------------------------------------------------------------------
// Derived payloads

/**
 * A merged pull request. Source: EXAMPLES.pullRequestClosed. Changed: pull_request.merged (true),
 * pull_request.merged_at (the closing time), pull_request.merged_by (the sender, who merged it).
 * pull_request.merge_commit_sha is kept: the example already carries one.
 */
export function derivedPullRequestMerged(): PullRequestClosedEvent {
  const payload = pullRequestClosed();
  payload.pull_request.merged = true;
  payload.pull_request.merged_at = payload.pull_request.closed_at;
  payload.pull_request.merged_by = structuredClone(payload.sender);
  return payload;
}

/**
 * An approving review. Source: EXAMPLES.pullRequestReviewSubmitted. Changed: review.state ("approved").
 * The example's reviewer is also the pull request's author, which GitHub would refuse: set one with setCommentAuthor.
 */
export function derivedPullRequestReviewApproved(): PullRequestReviewSubmittedEvent {
  const payload = pullRequestReviewSubmitted();
  payload.review.state = "approved";
  return payload;
}

/**
 * A review requesting changes. Source: EXAMPLES.pullRequestReviewSubmitted. Changed: review.state
 * ("changes_requested"), review.body (GitHub requires one to request changes).
 */
export function derivedPullRequestReviewChangesRequested(): PullRequestReviewSubmittedEvent {
  const payload = pullRequestReviewSubmitted();
  payload.review.state = "changes_requested";
  payload.review.body = "Please add a test for this.";
  return payload;
}

/**
 * A comment on a pull request's conversation. Source: EXAMPLES.issueCommentCreated. Changed:
 * issue.pull_request (its url, html_url, diff_url, patch_url, merged_at), and issue.html_url and
 * comment.html_url, which GitHub gives under /pull/ rather than /issues/ for a pull request.
 */
export function derivedIssueCommentOnPullRequest(): IssueCommentCreatedEvent {
  const payload = issueCommentCreated();
  const { issue, comment } = payload;
  const html = issue.html_url.replace(/\/issues\/(\d+)$/, "/pull/$1");
  issue.pull_request = {
    url: issue.url.replace(/\/issues\/(\d+)$/, "/pulls/$1"),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    merged_at: null,
  };
  issue.html_url = html;
  comment.html_url = comment.html_url.replace(/\/issues\/(\d+)#/, "/pull/$1#");
  return payload;
}

/**
 * A closed issue. Source: EXAMPLES.issuesOpened. Changed: action ("closed"), issue.state ("closed"),
 * issue.state_reason (`reason`), issue.closed_at and issue.updated_at (an hour after creation).
 */
export function derivedIssuesClosed(reason: "completed" | "not_planned" = "completed"): IssuesClosedEvent {
  const { issue, ...rest } = issuesOpened();
  const closedAt = new Date(Date.parse(issue.created_at) + 3_600_000).toISOString().replace(".000Z", "Z");
  return {
    ...rest,
    action: "closed",
    issue: { ...issue, state: "closed", state_reason: reason, closed_at: closedAt, updated_at: closedAt },
  };
}

/** The fork `derivedPullRequestOpenedFromFork` uses unless told another. */
export const FORK: ForkTarget = { owner: "forker", name: "Hello-World", id: 314159265, ownerId: 27182818 };

/**
 * A pull request opened from a fork. Source: EXAMPLES.pullRequestOpened. Changed (see
 * moveHeadToFork): pull_request.head.repo (the fork: its id, node_id, name, full_name, owner, URLs,
 * fork: true), pull_request.head.user and pull_request.head.label (the fork's owner).
 */
export function derivedPullRequestOpenedFromFork(fork: ForkTarget = FORK): PullRequestOpenedEvent {
  return moveHeadToFork(pullRequestOpened(), fork);
}

interface PullHead {
  label: string;
  ref: string;
  user: User;
  repo: Repository | null;
}

/** The fork's repository; it has its base repository's visibility. */
export type ForkTarget = Omit<RepoTarget, "private">;

/** Makes any pull request payload's head branch live on `fork`, a fork of the payload's repository. */
export function moveHeadToFork<T extends { pull_request: { head: PullHead; base: { repo: Repository } } }>(
  payload: T,
  fork: ForkTarget,
): T {
  const { head, base } = payload.pull_request;
  const repo = structuredClone(base.repo);
  retargetRepository(repo, { ...fork, private: base.repo.private });
  repo.fork = true;
  head.repo = repo;
  head.user = structuredClone(repo.owner);
  head.label = `${fork.owner}:${head.ref}`;
  return payload;
}

// ---------------------------------------------------------------------------------------------------
// Adjusting payloads

/** A repository to move a payload onto: the fake state's `repo` fits. */
export type RepoTarget = Pick<RepoInfo, "owner" | "name" | "id" | "ownerId"> & Partial<Pick<RepoInfo, "ownerType" | "private">>;

/** An account to put into a payload: login and id must match the fake state's users for the two to agree. */
export interface Person {
  login: string;
  id: number;
  type?: AccountType;
}

type Json = Record<string, unknown>;

interface Payload {
  repository: Repository;
}

/**
 * Moves a payload onto another repository, consistently: every URL and name that mentions the
 * example's repository, every repository object of it (id, node_id, name, owner, private,
 * visibility), the base (and non-fork head) branch's user and label, and `organization`, present
 * exactly when the owner is an organization. Accounts other than the owner keep their identity.
 */
export function retarget<T extends Payload>(payload: T, target: RepoTarget): T {
  const from = payload.repository.full_name;
  const to = `${target.owner}/${target.name}`;
  mapStrings(payload, (s) => s.replaceAll(from, to));
  for (const obj of containers(payload)) {
    if (obj.full_name === to && typeof obj.owner === "object") retargetRepository(obj as unknown as Repository, target);
  }
  const owner = ownerObject(target);
  const pull = (payload as unknown as { pull_request?: { base: Json; head: Json } }).pull_request;
  for (const side of pull === undefined ? [] : [pull.base, pull.head]) {
    if ((side.repo as Repository | null)?.full_name === to) {
      side.user = structuredClone(owner);
      side.label = `${target.owner}:${String(side.ref)}`;
    }
  }
  const loose = payload as unknown as Json;
  if (target.ownerType === "Organization") loose.organization = organizationObject(owner);
  else delete loose.organization;
  return payload;
}

function retargetRepository(repo: Repository, target: RepoTarget): void {
  const from = repo.full_name;
  const to = `${target.owner}/${target.name}`;
  mapStrings(repo, (s) => s.replaceAll(from, to));
  repo.id = target.id;
  repo.node_id = Buffer.from(`010:Repository${target.id}`).toString("base64");
  repo.name = target.name;
  repo.full_name = to;
  repo.owner = ownerObject(target);
  if (target.private !== undefined) {
    repo.private = target.private;
    if ("visibility" in repo) repo.visibility = target.private ? "private" : "public";
  }
}

function ownerObject(target: RepoTarget): User {
  return account(GITHUB_API, target.owner, { id: target.ownerId, type: target.ownerType ?? "User" });
}

function organizationObject(owner: User): Json {
  const url = `${GITHUB_API}/orgs/${owner.login}`;
  return {
    login: owner.login,
    id: owner.id,
    node_id: owner.node_id,
    url,
    repos_url: `${url}/repos`,
    events_url: `${url}/events`,
    hooks_url: `${url}/hooks`,
    issues_url: `${url}/issues`,
    members_url: `${url}/members{/member}`,
    public_members_url: `${url}/public_members{/member}`,
    avatar_url: owner.avatar_url,
    description: null,
  };
}

/** Renumbers the pull request or issue: its number fields and every URL that addresses it. */
export function setNumber<T extends object>(payload: T, number: number): T {
  const loose = payload as Json;
  const subject = (loose.pull_request ?? loose.issue) as Json | undefined;
  const old = (loose.number ?? subject?.number) as number | undefined;
  if (old === undefined) throw new Error("setNumber: the payload has no pull request or issue");
  const addressed = new RegExp(`/(pulls|pull|issues)/${old}(?![0-9])`, "g");
  mapStrings(payload, (s) => s.replace(addressed, `/$1/${number}`));
  if ("number" in loose) loose.number = number;
  if (subject !== undefined) subject.number = number;
  return payload;
}

/** Who did it: `sender`. */
export function setSender<T extends { sender: User }>(payload: T, person: Person): T {
  payload.sender = userObject(person);
  return payload;
}

/** Who opened the pull request or issue the payload is about. */
export function setAuthor<T extends object>(payload: T, person: Person): T {
  subjectOf(payload).user = userObject(person);
  return payload;
}

/** Who wrote the review or comment the payload is about. */
export function setCommentAuthor<T extends object>(payload: T, person: Person): T {
  commentOf(payload).user = userObject(person);
  return payload;
}

export function setCommentBody<T extends object>(payload: T, body: string): T {
  commentOf(payload).body = body;
  return payload;
}

/** The pull request's or issue's labels, as the fake API shows them (same ids and colours). */
export function setLabels<T extends Payload>(payload: T, names: readonly string[]): T {
  subjectOf(payload).labels = names.map((name) => labelFor(payload, name));
  return payload;
}

/** The label a labeled/unlabeled event reports as added or removed. */
export function setChangedLabel<T extends Payload & { label?: Label }>(payload: T, name: string): T {
  payload.label = labelFor(payload, name);
  return payload;
}

/** Points every API URL at `apiUrl` (the fake server's): call it after the other adjustments. */
export function useApiUrl<T extends object>(payload: T, apiUrl: string): T {
  mapStrings(payload, (s) => (s.startsWith(GITHUB_API) ? apiUrl + s.slice(GITHUB_API.length) : s));
  return payload;
}

function labelFor(payload: Payload, name: string): Label {
  return labelObject(GITHUB_API, payload.repository.full_name, name);
}

function userObject(person: Person): User {
  return account(GITHUB_API, person.login, { id: person.id, type: person.type ?? "User" });
}

function subjectOf(payload: object): Json {
  const loose = payload as Json;
  const subject = loose.pull_request ?? loose.issue;
  if (typeof subject !== "object" || subject === null) throw new Error("the payload has no pull request or issue");
  return subject as Json;
}

function commentOf(payload: object): Json {
  const loose = payload as Json;
  const comment = loose.comment ?? loose.review;
  if (typeof comment !== "object" || comment === null) throw new Error("the payload has no comment or review");
  return comment as Json;
}

/** Every object and array inside `value`, itself included. */
function* containers(value: unknown): Generator<Json> {
  if (typeof value !== "object" || value === null) return;
  yield value as Json;
  for (const child of Object.values(value)) yield* containers(child);
}

/** Replaces every string value inside `value` by `f` of it. */
function mapStrings(value: unknown, f: (s: string) => string): void {
  for (const container of containers(value)) {
    for (const [key, child] of Object.entries(container)) if (typeof child === "string") container[key] = f(child);
  }
}
