/**
 * The GraphQL queries meritlog sends, and typed readers for their answers. One query fetches a page
 * of pull requests with everything scoring needs — reviews, labels and when each was added or
 * removed, files' sizes, commits with their authors and co-authors, merge state — so a backfill costs
 * one request per page instead of several per pull request. Every query asks for `rateLimit`, so the
 * caller can stop before the budget runs out. The tests validate each query against GitHub's
 * published schema.
 *
 * The readers turn answers into the shapes the event path reads from webhooks (`PullRequestPayload`,
 * `PullRequestDetails`), so facts come from the same code, with the same ids, either way.
 */
import type { Person, Repo } from "../events/facts.ts";
import type { CommentPayload, GitHubEvent, IssuePayload, PullRequestPayload } from "../events/payload.ts";
import type { PullRequestDetails } from "../events/to-facts.ts";

/** Pull requests per page: 50 keeps a page's cost near 15 points while one request covers 50 of them. */
export const PAGE_SIZE = 50;
/** What one page lists of each pull request's parts; more than this is fetched through REST. */
export const NESTED = { labels: 20, timeline: 40, reviews: 30, files: 100, commits: 20, authors: 4, comments: 30 } as const;
/** Releases per page: a reconcile's window rarely holds more than a few. */
export const RELEASES_PAGE = 20;

const ACTOR = `__typename login ... on User { databaseId } ... on Bot { databaseId } ... on Organization { databaseId } ... on Mannequin { databaseId }`;

/** The latest conversation comments: where `/meritlog` commands are given. */
const COMMENTS = `comments(last: ${NESTED.comments}) { totalCount nodes { databaseId url body createdAt author { ${ACTOR} } } }`;

const REPOSITORY = `databaseId nameWithOwner owner { __typename login ... on User { databaseId } ... on Organization { databaseId } }`;

/**
 * A page of a repository's pull requests after `cursor`: by CREATED_AT ascending to walk history
 * forward with a cursor that stays valid between runs (backfill), by UPDATED_AT descending to read
 * what changed lately (reconcile).
 */
export const PULL_REQUESTS_QUERY = `query meritlogPullRequests($owner: String!, $name: String!, $first: Int!, $after: String, $field: IssueOrderField!, $direction: OrderDirection!) {
  rateLimit { cost remaining resetAt }
  repository(owner: $owner, name: $name) {
    ${REPOSITORY}
    pullRequests(first: $first, after: $after, orderBy: { field: $field, direction: $direction }) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        number url title body createdAt updatedAt closedAt mergedAt
        additions deletions changedFiles isCrossRepository authorAssociation
        author { ${ACTOR} }
        mergedBy { ${ACTOR} }
        milestone { title }
        labels(first: ${NESTED.labels}) { totalCount nodes { name } }
        timelineItems(first: ${NESTED.timeline}, itemTypes: [LABELED_EVENT, UNLABELED_EVENT]) {
          totalCount
          nodes {
            __typename
            ... on LabeledEvent { createdAt label { name } actor { ${ACTOR} } }
            ... on UnlabeledEvent { createdAt label { name } actor { ${ACTOR} } }
          }
        }
        reviews(first: ${NESTED.reviews}) {
          totalCount
          nodes { databaseId url state submittedAt author { ${ACTOR} } }
        }
        files(first: ${NESTED.files}) { totalCount nodes { path additions deletions } }
        commits(first: ${NESTED.commits}) {
          totalCount
          nodes {
            commit {
              oid message
              author { user { login databaseId } }
              authors(first: ${NESTED.authors}) { nodes { user { login databaseId } } }
            }
          }
        }
        ${COMMENTS}
      }
    }
  }
}`;

/**
 * A page of the issues (pull requests excluded, as GitHub's `issues` connection lists them) updated
 * since `since`, oldest update first, with who closed each and its latest comments.
 */
export const ISSUES_QUERY = `query meritlogIssues($owner: String!, $name: String!, $first: Int!, $after: String, $since: DateTime!) {
  rateLimit { cost remaining resetAt }
  repository(owner: $owner, name: $name) {
    ${REPOSITORY}
    issues(first: $first, after: $after, filterBy: { since: $since }, orderBy: { field: UPDATED_AT, direction: ASC }) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        number url createdAt updatedAt closedAt stateReason
        author { ${ACTOR} }
        labels(first: ${NESTED.labels}) { nodes { name } }
        timelineItems(last: 1, itemTypes: [CLOSED_EVENT]) { nodes { __typename ... on ClosedEvent { actor { ${ACTOR} } } } }
        ${COMMENTS}
      }
    }
  }
}`;

/** A page of releases, newest first: a reconcile reads back to its mark. */
export const RELEASES_QUERY = `query meritlogReleases($owner: String!, $name: String!, $first: Int!, $after: String) {
  rateLimit { cost remaining resetAt }
  repository(owner: $owner, name: $name) {
    ${REPOSITORY}
    releases(first: $first, after: $after, orderBy: { field: CREATED_AT, direction: DESC }) {
      pageInfo { hasNextPage endCursor }
      nodes { databaseId tagName url createdAt publishedAt isDraft author { __typename login databaseId } }
    }
  }
}`;

/** Every query the project sends, by name: the tests validate each against GitHub's schema. */
export const QUERIES = { pullRequests: PULL_REQUESTS_QUERY, issues: ISSUES_QUERY, releases: RELEASES_QUERY } as const;

// ---------------------------------------------------------------------------------------------------
// The answer's shape, as the query above asks for it

interface ActorNode {
  readonly __typename: string;
  readonly login: string;
  readonly databaseId?: number | null;
}

interface Connection<T> {
  readonly totalCount: number;
  readonly nodes: readonly (T | null)[] | null;
}

interface UserRef {
  readonly user: { readonly login: string; readonly databaseId: number | null } | null;
}

interface CommentNode {
  readonly databaseId: number | null;
  readonly url: string;
  readonly body: string;
  readonly createdAt: string;
  readonly author: ActorNode | null;
}

interface PullRequestNode {
  readonly number: number;
  readonly url: string;
  readonly title: string;
  readonly body: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly closedAt: string | null;
  readonly mergedAt: string | null;
  readonly additions: number;
  readonly deletions: number;
  readonly changedFiles: number;
  readonly isCrossRepository: boolean;
  readonly authorAssociation: string;
  readonly author: ActorNode | null;
  readonly mergedBy: ActorNode | null;
  readonly milestone: { readonly title: string } | null;
  readonly labels: Connection<{ readonly name: string }> | null;
  readonly timelineItems: Connection<{
    readonly __typename: string;
    readonly createdAt?: string;
    readonly label?: { readonly name: string };
    readonly actor?: ActorNode | null;
  }>;
  readonly reviews: Connection<{
    readonly databaseId: number | null;
    readonly url: string;
    readonly state: string;
    readonly submittedAt: string | null;
    readonly author: ActorNode | null;
  }> | null;
  readonly files: Connection<{ readonly path: string; readonly additions: number; readonly deletions: number }> | null;
  readonly commits: Connection<{
    readonly commit: {
      readonly oid: string;
      readonly message: string;
      readonly author: UserRef | null;
      readonly authors: { readonly nodes: readonly (UserRef | null)[] | null };
    };
  }>;
  readonly comments: Connection<CommentNode> | null;
}

interface IssueNode {
  readonly number: number;
  readonly url: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly closedAt: string | null;
  readonly stateReason: string | null;
  readonly author: ActorNode | null;
  readonly labels: Connection<{ readonly name: string }> | null;
  readonly timelineItems: { readonly nodes: readonly ({ readonly actor?: ActorNode | null } | null)[] | null };
  readonly comments: Connection<CommentNode> | null;
}

interface ReleaseNode {
  readonly databaseId: number | null;
  readonly tagName: string;
  readonly url: string;
  readonly createdAt: string;
  readonly publishedAt: string | null;
  readonly isDraft: boolean;
  readonly author: ActorNode | null;
}

export interface RateLimit {
  readonly cost: number;
  readonly remaining: number;
  readonly resetAt: string;
}

interface PageInfo {
  readonly hasNextPage: boolean;
  readonly endCursor: string | null;
}

interface RepositoryNode {
  readonly databaseId: number;
  readonly nameWithOwner: string;
  readonly owner: ActorNode;
}

export interface PullRequestsAnswer {
  readonly rateLimit: RateLimit;
  readonly repository:
    | (RepositoryNode & {
        readonly pullRequests: {
          readonly totalCount: number;
          readonly pageInfo: PageInfo;
          readonly nodes: readonly (PullRequestNode | null)[] | null;
        };
      })
    | null;
}

export interface IssuesAnswer {
  readonly rateLimit: RateLimit;
  readonly repository:
    | (RepositoryNode & {
        readonly issues: { readonly totalCount: number; readonly pageInfo: PageInfo; readonly nodes: readonly (IssueNode | null)[] | null };
      })
    | null;
}

export interface ReleasesAnswer {
  readonly rateLimit: RateLimit;
  readonly repository:
    | (RepositoryNode & { readonly releases: { readonly pageInfo: PageInfo; readonly nodes: readonly (ReleaseNode | null)[] | null } })
    | null;
}

// ---------------------------------------------------------------------------------------------------
// Readers

/** A label added to or removed from a pull request, as its timeline says. */
export interface LabelChange {
  readonly label: string;
  readonly added: boolean;
  readonly at: string;
  readonly by?: Person;
}

/** A review as the event path reads one; its state in lower case, as webhooks spell it. */
export type ReviewRecord = Extract<GitHubEvent, { type: "review" }>["review"];

/** One pull request as GitHub knows it now, with what is needed to tell its history. */
export interface PullRequestRecord {
  /** Its state now, labels as they are now. */
  readonly pr: PullRequestPayload;
  readonly title: string;
  readonly body: string;
  /** Files and commits as far as the page lists them; `complete` says whether that is all of them. */
  readonly details: PullRequestDetails;
  readonly complete: boolean;
  /** Reviews as far as the page lists them (the first ones). */
  readonly reviews: readonly ReviewRecord[];
  /** Label changes, oldest first; undefined when the page could not list all of them. */
  readonly labelChanges: readonly LabelChange[] | undefined;
  /** Its latest conversation comments, oldest first. */
  readonly comments: readonly CommentPayload[];
}

/** An issue as GitHub knows it now: as its webhooks describe it, with who closed it and its latest comments. */
export interface IssueRecord {
  readonly issue: IssuePayload;
  readonly updatedAt: string;
  readonly closedBy?: Person;
  readonly comments: readonly CommentPayload[];
}

/** A published release, as its `release` webhook describes it. */
export type ReleaseRecord = Extract<GitHubEvent, { type: "release" }>["release"];

/** What every page says besides its items. */
export interface PageOf<T> {
  readonly rateLimit: RateLimit;
  readonly repo: Repo;
  readonly items: readonly T[];
  /** The cursor after this page, or undefined when it was the last. */
  readonly next: string | undefined;
}

export interface PullRequestsPage {
  readonly rateLimit: RateLimit;
  readonly repo: Repo;
  readonly total: number;
  readonly pulls: readonly PullRequestRecord[];
  /** The cursor after this page, or undefined when it was the last. */
  readonly next: string | undefined;
  readonly endCursor: string | undefined;
}

/** An answer that lacks what the query asked for: GitHub changed, or something between us and it did. */
export class GraphqlAnswerError extends Error {
  override name = "GraphqlAnswerError";
  constructor(path: string, expected: string) {
    super(`GitHub GraphQL answer: ${path}: expected ${expected}`);
  }
}

/** Times as the ledger records them: UTC, whole seconds. */
function seconds(time: string): string {
  return new Date(Math.floor(Date.parse(time) / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

/**
 * An actor as a person. A deleted account is GitHub's "ghost"; it has no database id here, and is
 * read as the ghost account's id, as the REST API and webhooks report it.
 */
const GHOST: Person = { id: 10137, login: "ghost", type: "User" };

function personOf(a: ActorNode | null | undefined): Person {
  if (!a || typeof a.databaseId !== "number") return GHOST;
  const type = a.__typename === "Bot" || a.__typename === "Organization" ? a.__typename : "User";
  // GraphQL names an app's bot account without the suffix the REST API and webhooks give it.
  const login = type === "Bot" && !a.login.endsWith("[bot]") ? `${a.login}[bot]` : a.login;
  return { id: a.databaseId, login, type };
}

function nodes<T>(c: { readonly nodes: readonly (T | null)[] | null } | null | undefined): T[] {
  return (c?.nodes ?? []).filter((n): n is T => n !== null);
}

function commentsOf(c: Connection<CommentNode> | null): CommentPayload[] {
  return nodes(c).flatMap((n) =>
    n.databaseId ? [{ id: n.databaseId, url: n.url, author: personOf(n.author), body: n.body, createdAt: seconds(n.createdAt) }] : [],
  );
}

function pullRequestRecord(n: PullRequestNode): PullRequestRecord {
  const labels = nodes(n.labels).map((l) => l.name);
  const files = nodes(n.files);
  const commits = nodes(n.commits).map(({ commit }) => commit);
  const confirmed = new Set<string>();
  for (const c of commits) {
    for (const a of nodes(c.authors)) if (a.user?.databaseId) confirmed.add(`${a.user.login.toLowerCase()}:${a.user.databaseId}`);
  }
  const pr: PullRequestPayload = {
    number: n.number,
    url: n.url,
    author: personOf(n.author),
    association: n.authorAssociation,
    labels,
    createdAt: seconds(n.createdAt),
    updatedAt: seconds(n.updatedAt),
    ...(n.closedAt ? { closedAt: seconds(n.closedAt) } : {}),
    ...(n.mergedAt ? { mergedAt: seconds(n.mergedAt) } : {}),
    ...(n.mergedBy ? { mergedBy: personOf(n.mergedBy) } : {}),
    additions: n.additions,
    deletions: n.deletions,
    changedFiles: n.changedFiles,
    ...(n.milestone ? { milestone: n.milestone.title } : {}),
    fromFork: n.isCrossRepository,
  };
  const details: PullRequestDetails = {
    files: files.map((f) => ({ path: f.path, additions: f.additions, deletions: f.deletions })),
    commits: commits.map((c) => ({
      sha: c.oid,
      message: c.message,
      ...(c.author?.user?.databaseId ? { author: { id: c.author.user.databaseId, login: c.author.user.login, type: "User" } } : {}),
    })),
    confirmedCoAuthors: confirmed,
  };
  const timeline = n.timelineItems;
  const labelChanges =
    timeline.totalCount > nodes(timeline).length
      ? undefined
      : nodes(timeline).flatMap((e): LabelChange[] =>
          e.label && e.createdAt
            ? [
                {
                  label: e.label.name,
                  added: e.__typename === "LabeledEvent",
                  at: seconds(e.createdAt),
                  ...(e.actor ? { by: personOf(e.actor) } : {}),
                },
              ]
            : [],
        );
  const reviews = nodes(n.reviews).flatMap((r): ReviewRecord[] =>
    r.databaseId && r.submittedAt
      ? [{ id: r.databaseId, url: r.url, author: personOf(r.author), state: r.state.toLowerCase(), submittedAt: seconds(r.submittedAt) }]
      : [],
  );
  const complete = (n.files?.totalCount ?? 0) <= files.length && n.commits.totalCount <= commits.length;
  return { pr, title: n.title, body: n.body, details, complete, reviews, labelChanges, comments: commentsOf(n.comments) };
}

function issueRecord(n: IssueNode): IssueRecord {
  const closer = nodes(n.timelineItems).at(-1)?.actor;
  const issue: IssuePayload = {
    number: n.number,
    url: n.url,
    author: personOf(n.author),
    labels: nodes(n.labels).map((l) => l.name),
    isPullRequest: false,
    createdAt: seconds(n.createdAt),
    ...(n.closedAt ? { closedAt: seconds(n.closedAt) } : {}),
    ...(n.stateReason ? { stateReason: n.stateReason.toLowerCase() } : {}),
  };
  return {
    issue,
    updatedAt: seconds(n.updatedAt),
    ...(n.closedAt && closer ? { closedBy: personOf(closer) } : {}),
    comments: commentsOf(n.comments),
  };
}

/** The repository an answer is about; an answer without one means the token cannot see it. */
function repositoryOf<R extends RepositoryNode>(r: R | null, repoName: string): { node: R; repo: Repo } {
  if (!r) throw new GraphqlAnswerError("repository", `the repository ${repoName}, visible to this token`);
  if (typeof r.databaseId !== "number") throw new GraphqlAnswerError("repository.databaseId", "a number");
  return { node: r, repo: { id: r.databaseId, name: r.nameWithOwner, ownerId: personOf(r.owner).id } };
}

function pageOf<N, T>(
  answer: { readonly rateLimit: RateLimit },
  repo: Repo,
  c: { pageInfo: PageInfo; nodes: readonly (N | null)[] | null },
  read: (n: N) => T[],
): PageOf<T> {
  return {
    rateLimit: answer.rateLimit,
    repo,
    items: nodes(c).flatMap(read),
    next: c.pageInfo.hasNextPage && c.pageInfo.endCursor ? c.pageInfo.endCursor : undefined,
  };
}

/** Reads an answer to `ISSUES_QUERY`. */
export function readIssuesPage(answer: IssuesAnswer, repoName: string): PageOf<IssueRecord> {
  const { node, repo } = repositoryOf(answer.repository, repoName);
  return pageOf(answer, repo, node.issues, (n) => [issueRecord(n)]);
}

/** A page of releases, and when the oldest on it (published or draft) was created. */
export type ReleasesPage = PageOf<ReleaseRecord> & { readonly oldest?: string };

/** Reads an answer to `RELEASES_QUERY`: drafts, which no one has published, are left out. */
export function readReleasesPage(answer: ReleasesAnswer, repoName: string): ReleasesPage {
  const { node, repo } = repositoryOf(answer.repository, repoName);
  const page = pageOf(answer, repo, node.releases, (n): ReleaseRecord[] =>
    n.databaseId && n.publishedAt && !n.isDraft
      ? [{ id: n.databaseId, tag: n.tagName, url: n.url, author: personOf(n.author), publishedAt: seconds(n.publishedAt) }]
      : [],
  );
  // Pages are by creation, newest first: the oldest creation on a page says whether to read on.
  const oldest = nodes(node.releases).at(-1)?.createdAt;
  return { ...page, ...(oldest ? { oldest: seconds(oldest) } : {}) };
}

/** Reads an answer to `PULL_REQUESTS_QUERY`. */
export function readPullRequestsPage(answer: PullRequestsAnswer, repoName: string): PullRequestsPage {
  const { node: r, repo } = repositoryOf(answer.repository, repoName);
  const page = r.pullRequests;
  return {
    rateLimit: answer.rateLimit,
    repo,
    total: page.totalCount,
    pulls: nodes(page).map(pullRequestRecord),
    next: page.pageInfo.hasNextPage && page.pageInfo.endCursor ? page.pageInfo.endCursor : undefined,
    endCursor: page.pageInfo.endCursor ?? undefined,
  };
}
