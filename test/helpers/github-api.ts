/**
 * A loopback stand-in for GitHub's REST API, for end-to-end tests that run the built action in a
 * child process with GITHUB_API_URL pointed here. It answers the few endpoints the action calls
 * from a plain in-memory state, with GitHub's response shapes (each typed against GitHub's
 * published OpenAPI schemas, so tsc checks them), status codes, rate-limit headers, Link
 * pagination and error bodies; and it serves canned faults on demand, so tests can show how the
 * action meets rate limits, outages and missing permissions.
 *
 * Build the state with the factories below (`repoState`, `addUser`, `addPull`, ...): it is plain
 * JSON-serialisable data, one repository's worth, mutated live by POST/PATCH/DELETE requests.
 *
 * URLs inside response bodies use the server's own base (as GitHub Enterprise Server does), so a
 * client that follows one never leaves the loopback; web URLs stay on https://github.com.
 */
import { createHash } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { components } from "@octokit/openapi-types";
import type { User as WebhookUser } from "@octokit/webhooks-types";
import { type GraphqlService, graphqlService } from "./github-graphql.ts";

type Schemas = components["schemas"];

// ---------------------------------------------------------------------------------------------------
// State

export type AccountType = "User" | "Bot" | "Organization";

/** The role names GitHub reports as `role_name` for a repository collaborator. */
export type Role = "admin" | "maintain" | "write" | "triage" | "read";

export type ReactionContent = Schemas["reaction"]["content"];

export interface UserState {
  id: number;
  type: AccountType;
  name: string | null;
  /** When the account was created (RFC 3339): GitHub's `created_at`, which account-age rules read. */
  createdAt: string;
}

/** A repository as the state names it: enough to build GitHub's repository objects. */
export interface RepoRef {
  owner: string;
  name: string;
  id: number;
  ownerId: number;
  ownerType: "User" | "Organization";
}

export interface RepoInfo extends RepoRef {
  private: boolean;
  defaultBranch: string;
}

export interface FileState {
  filename: string;
  status: Schemas["diff-entry"]["status"];
  additions: number;
  deletions: number;
  /** The unified diff; absent where GitHub omits it (binary files, very large diffs). */
  patch?: string;
  previousFilename?: string;
}

export interface GitIdentity {
  name: string;
  email: string;
  /** RFC 3339. */
  date: string;
}

export interface CommitState {
  sha: string;
  message: string;
  /** Author and committer both: the tests need no commit where they differ. */
  author: GitIdentity;
  /** The GitHub account GitHub matched to the author's email, or null when it matched none. */
  login: string | null;
}

export interface PullState {
  number: number;
  title: string;
  body: string | null;
  /** Login of the author. */
  user: string;
  state: "open" | "closed";
  draft: boolean;
  merged: boolean;
  mergedAt: string | null;
  mergedBy: string | null;
  mergeCommitSha: string | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  /** `repo` is the base repository itself unless the pull request comes from a fork. */
  head: { ref: string; sha: string; repo: RepoRef };
  base: { ref: string; sha: string };
  /** Every changed file; the PR's additions, deletions and changed_files are summed from these. */
  files: FileState[];
  commits: CommitState[];
}

export interface ReactionState {
  id: number;
  user: string;
  content: ReactionContent;
  createdAt: string;
}

export interface CommentState {
  id: number;
  user: string;
  body: string;
  createdAt: string;
  updatedAt: string;
  reactions: ReactionState[];
}

/** One repository's worth of GitHub, keyed the way the API addresses it. Logins match case-insensitively. */
export interface RepoState {
  repo: RepoInfo;
  /** login → account; every login used elsewhere in the state must be here. */
  users: Record<string, UserState>;
  /** login → role; the owner of a user-owned repository is an admin. */
  collaborators: Record<string, Role>;
  pulls: Record<number, PullState>;
  /** Numbers of the plain issues (not pull requests) that exist, so comments and labels on them are accepted. */
  issues: number[];
  /** Issue or pull request number → its conversation comments, oldest first. */
  comments: Record<number, CommentState[]>;
  /** Issue or pull request number → its label names; the single source for pull request objects too. */
  labels: Record<number, string[]>;
  /** The next id handed to a new user, comment or reaction. */
  nextId: number;
}

/** The account GitHub Actions' GITHUB_TOKEN acts as. */
export const ACTIONS_BOT = "github-actions[bot]";
const ACTIONS_BOT_ID = 41898282;

const CREATED = "2024-01-02T03:04:05Z";

/** A repository with its owner, the Actions bot, and the owner as admin when the owner is a user. */
export function repoState(input: {
  owner: string;
  name: string;
  id: number;
  ownerId: number;
  ownerType?: "User" | "Organization";
  private?: boolean;
  defaultBranch?: string;
}): RepoState {
  const repo: RepoInfo = {
    owner: input.owner,
    name: input.name,
    id: input.id,
    ownerId: input.ownerId,
    ownerType: input.ownerType ?? "User",
    private: input.private ?? false,
    defaultBranch: input.defaultBranch ?? "main",
  };
  const state: RepoState = { repo, users: {}, collaborators: {}, pulls: {}, issues: [], comments: {}, labels: {}, nextId: 1_000_001 };
  addUser(state, repo.owner, { id: repo.ownerId, type: repo.ownerType });
  addUser(state, ACTIONS_BOT, { id: ACTIONS_BOT_ID, type: "Bot" });
  if (repo.ownerType === "User") state.collaborators[repo.owner] = "admin";
  return state;
}

/** Adds an account (or returns the existing one); the id defaults to the state's next id. */
export function addUser(state: RepoState, login: string, input: Partial<UserState> = {}): UserState {
  const existing = findKey(state.users, login);
  if (existing !== undefined) return existing[1];
  const user: UserState = {
    id: input.id ?? state.nextId++,
    type: input.type ?? "User",
    name: input.name ?? null,
    createdAt: input.createdAt ?? CREATED,
  };
  state.users[login] = user;
  return user;
}

export function addCollaborator(state: RepoState, login: string, role: Role): void {
  addUser(state, login);
  state.collaborators[login] = role;
}

/** A plain issue the action may comment on or label. */
export function addIssue(state: RepoState, number: number, labels: string[] = []): void {
  state.issues.push(number);
  state.labels[number] = [...labels];
}

export type PullInput = Pick<PullState, "number" | "user"> &
  Partial<Omit<PullState, "number" | "user" | "head">> & {
    labels?: string[];
    head?: Partial<PullState["head"]>;
  };

/**
 * Adds a pull request, its labels, and accounts for its author, merger and commit authors. Unset
 * fields get an open, unmerged pull request from a branch of the repository itself; a closed or
 * merged one needs state, closedAt, merged, mergedAt and mergedBy set together, as GitHub sets them.
 */
export function addPull(state: RepoState, input: PullInput): PullState {
  const { labels = [], head = {}, ...fields } = input;
  const pull: PullState = {
    title: `Pull request ${input.number}`,
    body: null,
    state: "open",
    draft: false,
    merged: false,
    mergedAt: null,
    mergedBy: null,
    mergeCommitSha: sha("merge", state.repo.id, input.number),
    createdAt: CREATED,
    updatedAt: CREATED,
    closedAt: null,
    base: { ref: state.repo.defaultBranch, sha: sha("base", state.repo.id, input.number) },
    files: [],
    commits: [],
    ...fields,
    head: { ref: `topic-${input.number}`, sha: sha("head", state.repo.id, input.number), repo: repoRef(state.repo), ...head },
  };
  for (const login of [pull.user, pull.mergedBy, ...pull.commits.map((c) => c.login)]) {
    if (login !== null) addUser(state, login);
  }
  state.pulls[pull.number] = pull;
  state.labels[pull.number] = [...labels];
  return pull;
}

/** Posts a comment as `user` on an issue or pull request already in the state. */
export function addComment(state: RepoState, number: number, user: string, body: string): CommentState {
  addUser(state, user);
  const comment: CommentState = { id: state.nextId++, user, body, createdAt: CREATED, updatedAt: CREATED, reactions: [] };
  state.comments[number] = [...(state.comments[number] ?? []), comment];
  return comment;
}

/**
 * A changed file. Without `patch`, a plausible diff with the given line counts is generated, as
 * GitHub sends one; `patch: null` leaves it out, as GitHub does for binary or huge files.
 */
export function prFile(input: {
  filename: string;
  additions?: number;
  deletions?: number;
  status?: FileState["status"];
  patch?: string | null;
  previousFilename?: string;
}): FileState {
  const additions = input.additions ?? 1;
  const deletions = input.deletions ?? 0;
  const file: FileState = { filename: input.filename, status: input.status ?? "modified", additions, deletions };
  const patch = input.patch === undefined ? generatedPatch(additions, deletions) : input.patch;
  if (patch !== null) file.patch = patch;
  if (input.previousFilename !== undefined) file.previousFilename = input.previousFilename;
  return file;
}

function generatedPatch(additions: number, deletions: number): string {
  const header = `@@ -${deletions > 0 ? 1 : 0},${deletions} +${additions > 0 ? 1 : 0},${additions} @@`;
  const removed = Array.from({ length: deletions }, (_, i) => `-old line ${i + 1}`);
  const added = Array.from({ length: additions }, (_, i) => `+new line ${i + 1}`);
  return [header, ...removed, ...added].join("\n");
}

/** A commit; the author's email defaults to the account's noreply address, as GitHub's web editor writes it. */
export function prCommit(input: {
  message: string;
  login: string | null;
  name?: string;
  email?: string;
  date?: string;
  sha?: string;
}): CommitState {
  const name = input.name ?? input.login ?? "Someone";
  const email = input.email ?? (input.login === null ? "someone@example.com" : `${input.login}@users.noreply.github.com`);
  const date = input.date ?? CREATED;
  return {
    sha: input.sha ?? sha("commit", input.message, name, date),
    message: input.message,
    author: { name, email, date },
    login: input.login,
  };
}

// ---------------------------------------------------------------------------------------------------
// Faults

export interface Fault {
  status: number;
  /** Replace the server's headers; a function is read when the fault is served (for times relative to now). */
  headers?: Readonly<Record<string, string | (() => string)>>;
  body: unknown;
}

const DOCS = "https://docs.github.com/rest";
const RATE_LIMIT_DOCS = "https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api";

function errorBody(status: number, message: string, documentationUrl = DOCS): Schemas["basic-error"] {
  return { message, documentation_url: documentationUrl, status: String(status) };
}

export const badCredentials: Fault = { status: 401, body: errorBody(401, "Bad credentials") };

export const forbidden: Fault = { status: 403, body: errorBody(403, "Resource not accessible by integration") };

export const notFound: Fault = { status: 404, body: errorBody(404, "Not Found") };

export const secondaryRateLimit: Fault = {
  status: 403,
  headers: { "retry-after": "1" },
  body: errorBody(
    403,
    "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID FA1E:0:0:0:0.",
    `${RATE_LIMIT_DOCS}#about-secondary-rate-limits`,
  ),
};

export const primaryRateLimit: Fault = {
  status: 403,
  headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": () => String(nowSeconds() + 1) },
  body: errorBody(403, "API rate limit exceeded for installation ID 1.", `${RATE_LIMIT_DOCS}#about-the-primary-rate-limit`),
};

/** The primary limit spent for the next hour: too long to wait out, so a run stops and resumes later. */
export const hourLongRateLimit: Fault = {
  ...primaryRateLimit,
  headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": () => String(nowSeconds() + 3600) },
};

export const unprocessable: Fault = {
  status: 422,
  body: validationFailed("IssueComment", "body", "custom", "Body is too long (maximum is 65536 characters)"),
};

const SERVER_ERRORS = { 500: "Server Error", 502: "Bad Gateway", 503: "Service Unavailable" } as const;

/** GitHub's outages: 500 by default, or 502/503 as its front ends report them. */
export function serverError(status: keyof typeof SERVER_ERRORS = 500): Fault {
  return { status, body: errorBody(status, SERVER_ERRORS[status]) };
}

function validationFailed(
  resource: string,
  field: string,
  code: string,
  message?: string,
): Schemas["validation-error"] & { status: string } {
  const error = message === undefined ? { resource, field, code } : { resource, field, code, message };
  return { message: "Validation Failed", errors: [error], documentation_url: DOCS, status: "422" };
}

// ---------------------------------------------------------------------------------------------------
// Server

export interface FakeGitHubOptions {
  /** The token requests must carry; "ghs_test-token" by default. */
  token?: string;
  /** Login of the account the token acts as (authors created comments and reactions); the Actions bot by default. */
  tokenUser?: string;
  /** What answers POST /graphql: reviews and label timelines beyond the state, budget, faults. */
  graphql?: GraphqlService;
}

export interface RecordedRequest {
  method: string;
  /** Path with query, as sent. */
  path: string;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body; undefined when there was none, the raw text when it did not parse. */
  body: unknown;
  /** Status answered. */
  status: number;
}

export interface FakeGitHub {
  /** Base URL for GITHUB_API_URL (no trailing slash). */
  readonly url: string;
  readonly requests: RecordedRequest[];
  readonly state: RepoState;
  readonly graphql: GraphqlService;
  /**
   * Queues faults for the next requests matching `method` and `path`, served in order before any
   * other handling. A string matches the path without query exactly; a RegExp is tested against
   * the path with query.
   */
  failNext(method: string, path: string | RegExp, ...faults: Fault[]): void;
  close(): Promise<void>;
}

interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

interface Ctx {
  readonly state: RepoState;
  readonly api: string;
  readonly tokenUser: string;
  readonly url: URL;
  readonly body: unknown;
  /** The path below /repos/{owner}/{repo}, for Link headers that address the repository by id as GitHub does. */
  readonly repoPath: string;
}

const RATE_LIMIT = 5000;

export async function startGitHubApi(state: RepoState, options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const token = options.token ?? "ghs_test-token";
  const tokenUser = options.tokenUser ?? ACTIONS_BOT;
  if (findKey(state.users, tokenUser) === undefined) throw new Error(`tokenUser ${tokenUser} is not in state.users`);
  const graphql = options.graphql ?? graphqlService();
  const requests: RecordedRequest[] = [];
  const faults: { method: string; path: string | RegExp; fault: Fault }[] = [];
  const resetAt = nowSeconds() + 3600;
  let used = 0;
  let api = "";

  const rateHeaders = (): Record<string, string> => {
    used = Math.min(used + 1, RATE_LIMIT);
    return {
      "x-ratelimit-limit": String(RATE_LIMIT),
      "x-ratelimit-remaining": String(RATE_LIMIT - used),
      "x-ratelimit-reset": String(resetAt),
      "x-ratelimit-resource": "core",
      "x-ratelimit-used": String(used),
      "x-github-request-id": requestId(requests.length),
    };
  };

  const takeFault = (method: string, url: URL): Fault | undefined => {
    const index = faults.findIndex(
      (f) => f.method === method && (typeof f.path === "string" ? f.path === url.pathname : f.path.test(url.pathname + url.search)),
    );
    return index < 0 ? undefined : faults.splice(index, 1)[0]?.fault;
  };

  const answer = (req: IncomingMessage, body: unknown): Reply => {
    const method = req.method ?? "GET";
    const url = new URL(req.url ?? "/", api);
    const fault = takeFault(method, url);
    if (fault !== undefined) return { status: fault.status, body: fault.body, headers: resolveHeaders(fault.headers) };
    if (!authorized(req.headers.authorization, token)) return { status: 401, body: badCredentials.body };
    if (body === INVALID_JSON) return { status: 400, body: errorBody(400, "Problems parsing JSON") };
    if (method === "POST" && url.pathname === "/graphql") return graphql.answer(state, body);
    return route(method, url, { state, api, tokenUser, url, body, repoPath: "" });
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const body = parseBody(raw);
      const record: RecordedRequest = {
        method: req.method ?? "GET",
        path: req.url ?? "/",
        headers: req.headers,
        body: body === INVALID_JSON ? raw : body,
        status: 0,
      };
      requests.push(record);
      const reply = safely(() => answer(req, body));
      record.status = reply.status;
      send(res, reply, rateHeaders());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: api,
    requests,
    state,
    graphql,
    failNext(method, path, ...queued) {
      for (const fault of queued) faults.push({ method: method.toUpperCase(), path, fault });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        // Clients keep connections alive; without this, close waits for them to time out.
        server.closeAllConnections();
      }),
  };
}

function send(res: ServerResponse, reply: Reply, rate: Record<string, string>): void {
  res.writeHead(reply.status, { "content-type": "application/json; charset=utf-8", ...rate, ...reply.headers });
  res.end(JSON.stringify(reply.body));
}

/** A bug in a handler or an incomplete state becomes a 500 naming it, instead of a hung request. */
function safely(answer: () => Reply): Reply {
  try {
    return answer();
  } catch (e) {
    return { status: 500, body: errorBody(500, `fake GitHub: ${e instanceof Error ? e.message : String(e)}`) };
  }
}

function resolveHeaders(headers: Fault["headers"] = {}): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, typeof v === "function" ? v() : v]));
}

function authorized(header: string | undefined, token: string): boolean {
  const match = /^(?:token|bearer) +(\S+)$/i.exec(header ?? "");
  return match?.[1] === token;
}

const INVALID_JSON = Symbol("invalid JSON");

function parseBody(raw: string): unknown {
  if (raw === "") return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return INVALID_JSON;
  }
}

function requestId(n: number): string {
  const hex = (v: number) => v.toString(16).toUpperCase();
  return `FA1E:${hex(process.pid)}:${hex(n)}:${hex(n * 7 + 1)}:${hex(nowSeconds())}`;
}

// ---------------------------------------------------------------------------------------------------
// Routing

type Handler = (ctx: Ctx, params: string[]) => Reply;

interface Route {
  method: string;
  /** Matched against the path below /repos/{owner}/{repo}, or the whole path for non-repository routes. */
  path: RegExp;
  repo: boolean;
  handle: Handler;
}

const ROUTES: readonly Route[] = [
  { method: "GET", repo: true, path: /^\/pulls\/(\d+)\/files$/, handle: listPullFiles },
  { method: "GET", repo: true, path: /^\/pulls\/(\d+)\/commits$/, handle: listPullCommits },
  { method: "GET", repo: true, path: /^\/pulls\/(\d+)$/, handle: getPull },
  { method: "GET", repo: true, path: /^\/collaborators\/([^/]+)\/permission$/, handle: getPermission },
  { method: "GET", repo: true, path: /^\/issues\/(\d+)\/comments$/, handle: listComments },
  { method: "POST", repo: true, path: /^\/issues\/(\d+)\/comments$/, handle: createComment },
  { method: "PATCH", repo: true, path: /^\/issues\/comments\/(\d+)$/, handle: updateComment },
  { method: "POST", repo: true, path: /^\/issues\/comments\/(\d+)\/reactions$/, handle: createReaction },
  { method: "POST", repo: true, path: /^\/issues\/(\d+)\/labels$/, handle: addLabels },
  { method: "DELETE", repo: true, path: /^\/issues\/(\d+)\/labels\/([^/]+)$/, handle: removeLabel },
  { method: "GET", repo: false, path: /^\/users\/([^/]+)$/, handle: getUser },
];

function route(method: string, url: URL, ctx: Ctx): Reply {
  const target = repoTarget(ctx.state.repo, url.pathname);
  for (const r of ROUTES) {
    const match = r.method === method ? r.path.exec(r.repo ? (target ?? "") : url.pathname) : null;
    if (match !== null && (!r.repo || target !== undefined)) {
      return r.handle({ ...ctx, repoPath: target ?? "" }, match.slice(1).map(decodeURIComponent));
    }
  }
  return { status: 404, body: notFound.body };
}

/** The path below the repository, addressed as /repos/{owner}/{repo}/… or (in GitHub's Link headers) /repositories/{id}/…. */
function repoTarget(repo: RepoInfo, pathname: string): string | undefined {
  const byName = /^\/repos\/([^/]+)\/([^/]+)(\/.*)$/.exec(pathname);
  if (byName && sameLogin(byName[1] ?? "", repo.owner) && sameLogin(byName[2] ?? "", repo.name)) return byName[3];
  const byId = /^\/repositories\/(\d+)(\/.*)$/.exec(pathname);
  if (byId && Number(byId[1]) === repo.id) return byId[2];
  return undefined;
}

const notFoundAt = (docs: string): Reply => ({ status: 404, body: errorBody(404, "Not Found", `${DOCS}/${docs}`) });

/** A page of `items` as GitHub pages lists: per_page (default 30, at most 100) and page, with a Link header. */
function paginated(ctx: Ctx, items: readonly unknown[]): Reply {
  const perPage = Math.min(positiveInt(ctx.url.searchParams.get("per_page")) ?? 30, 100);
  const page = positiveInt(ctx.url.searchParams.get("page")) ?? 1;
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const body = items.slice((page - 1) * perPage, page * perPage);
  const link = linkHeader(ctx, page, last);
  return link === "" ? { status: 200, body } : { status: 200, body, headers: { link } };
}

function positiveInt(value: string | null): number | undefined {
  const n = Number(value);
  return value !== null && Number.isInteger(n) && n > 0 ? n : undefined;
}

function linkHeader(ctx: Ctx, page: number, last: number): string {
  const at = (p: number) => {
    const query = new URLSearchParams(ctx.url.searchParams);
    query.set("page", String(p));
    return `<${ctx.api}/repositories/${ctx.state.repo.id}${ctx.repoPath}?${query}>`;
  };
  const rels: string[] = [];
  if (page > 1) rels.push(`${at(page - 1)}; rel="prev"`);
  if (page < last) rels.push(`${at(page + 1)}; rel="next"`, `${at(last)}; rel="last"`);
  if (page > 1) rels.push(`${at(1)}; rel="first"`);
  return rels.join(", ");
}

// ---------------------------------------------------------------------------------------------------
// Handlers

// GitHub lists at most this many files and commits of a pull request, however many it has.
const MAX_PULL_FILES = 3000;
const MAX_PULL_COMMITS = 250;

function listPullFiles(ctx: Ctx, [n]: string[]): Reply {
  const pull = ctx.state.pulls[Number(n)];
  if (pull === undefined) return notFoundAt("pulls/pulls#list-pull-requests-files");
  return paginated(
    ctx,
    pull.files.slice(0, MAX_PULL_FILES).map((f) => diffEntry(ctx, pull, f)),
  );
}

function listPullCommits(ctx: Ctx, [n]: string[]): Reply {
  const pull = ctx.state.pulls[Number(n)];
  if (pull === undefined) return notFoundAt("pulls/pulls#list-commits-on-a-pull-request");
  const commits = pull.commits.slice(0, MAX_PULL_COMMITS);
  return paginated(
    ctx,
    commits.map((c, i) => commitObject(ctx, c, commits[i - 1]?.sha ?? pull.base.sha)),
  );
}

function getPull(ctx: Ctx, [n]: string[]): Reply {
  const pull = ctx.state.pulls[Number(n)];
  return pull === undefined ? notFoundAt("pulls/pulls#get-a-pull-request") : { status: 200, body: pullObject(ctx, pull) };
}

function getPermission(ctx: Ctx, [username = ""]: string[]): Reply {
  const found = findKey(ctx.state.users, username);
  if (found === undefined) return notFoundAt("collaborators/collaborators#get-repository-permissions-for-a-user");
  const [login, user] = found;
  // GitHub reports anyone as able to read a public repository, and no one else as able to read a private one.
  const role = findKey(ctx.state.collaborators, login)?.[1] ?? (ctx.state.repo.private ? "none" : "read");
  const body: Schemas["repository-collaborator-permission"] = {
    permission: LEGACY_PERMISSION[role],
    role_name: role,
    user: { ...account(ctx.api, login, user), permissions: ROLE_PERMISSIONS[role], role_name: role },
  };
  return { status: 200, body };
}

const LEGACY_PERMISSION = { admin: "admin", maintain: "write", write: "write", triage: "read", read: "read", none: "none" } as const;

const ROLE_PERMISSIONS = {
  admin: { admin: true, maintain: true, push: true, triage: true, pull: true },
  maintain: { admin: false, maintain: true, push: true, triage: true, pull: true },
  write: { admin: false, maintain: false, push: true, triage: true, pull: true },
  triage: { admin: false, maintain: false, push: false, triage: true, pull: true },
  read: { admin: false, maintain: false, push: false, triage: false, pull: true },
  none: { admin: false, maintain: false, push: false, triage: false, pull: false },
} as const;

function issueExists(state: RepoState, n: number): boolean {
  return state.pulls[n] !== undefined || state.issues.includes(n);
}

function listComments(ctx: Ctx, [n]: string[]): Reply {
  const number = Number(n);
  if (!issueExists(ctx.state, number)) return notFoundAt("issues/comments#list-issue-comments");
  return paginated(
    ctx,
    (ctx.state.comments[number] ?? []).map((c) => issueComment(ctx, number, c)),
  );
}

function createComment(ctx: Ctx, [n]: string[]): Reply {
  const number = Number(n);
  if (!issueExists(ctx.state, number)) return notFoundAt("issues/comments#create-an-issue-comment");
  const text = commentBody(ctx.body);
  if (typeof text !== "string") return text;
  const now = nowIso();
  const comment: CommentState = {
    id: ctx.state.nextId++,
    user: ctx.tokenUser,
    body: text,
    createdAt: now,
    updatedAt: now,
    reactions: [],
  };
  ctx.state.comments[number] = [...(ctx.state.comments[number] ?? []), comment];
  return { status: 201, body: issueComment(ctx, number, comment) };
}

function updateComment(ctx: Ctx, [id]: string[]): Reply {
  const found = findComment(ctx.state, Number(id));
  if (found === undefined) return notFoundAt("issues/comments#update-an-issue-comment");
  const text = commentBody(ctx.body);
  if (typeof text !== "string") return text;
  found.comment.body = text;
  found.comment.updatedAt = nowIso();
  return { status: 200, body: issueComment(ctx, found.number, found.comment) };
}

const MAX_COMMENT = 65536;

/** The comment text of a request, or GitHub's answer when it refuses it. */
function commentBody(body: unknown): string | Reply {
  const text = (body as { body?: unknown } | undefined)?.body;
  if (typeof text !== "string") return { status: 422, body: validationFailed("IssueComment", "body", "missing_field") };
  if (text.trim() === "") return { status: 422, body: validationFailed("IssueComment", "body", "custom", "Body cannot be blank") };
  if (text.length > MAX_COMMENT) return { status: 422, body: unprocessable.body };
  return text;
}

function findComment(state: RepoState, id: number): { number: number; comment: CommentState } | undefined {
  for (const [number, comments] of Object.entries(state.comments)) {
    const comment = comments.find((c) => c.id === id);
    if (comment !== undefined) return { number: Number(number), comment };
  }
  return undefined;
}

const REACTIONS: readonly ReactionContent[] = ["+1", "-1", "laugh", "confused", "heart", "hooray", "rocket", "eyes"];

function createReaction(ctx: Ctx, [id]: string[]): Reply {
  const found = findComment(ctx.state, Number(id));
  if (found === undefined) return notFoundAt("reactions/reactions#create-reaction-for-an-issue-comment");
  const content = (ctx.body as { content?: unknown } | undefined)?.content;
  const valid = REACTIONS.find((r) => r === content);
  if (valid === undefined)
    return { status: 422, body: validationFailed("Reaction", "content", content === undefined ? "missing_field" : "invalid") };
  // GitHub answers a repeated reaction with the existing one and 200 rather than adding another.
  const existing = found.comment.reactions.find((r) => r.content === valid && sameLogin(r.user, ctx.tokenUser));
  if (existing !== undefined) return { status: 200, body: reactionObject(ctx, existing) };
  const reaction: ReactionState = { id: ctx.state.nextId++, user: ctx.tokenUser, content: valid, createdAt: nowIso() };
  found.comment.reactions.push(reaction);
  return { status: 201, body: reactionObject(ctx, reaction) };
}

function addLabels(ctx: Ctx, [n]: string[]): Reply {
  const number = Number(n);
  if (!issueExists(ctx.state, number)) return notFoundAt("issues/labels#add-labels-to-an-issue");
  const names = (ctx.body as { labels?: unknown } | undefined)?.labels;
  if (!Array.isArray(names) || !names.every((l): l is string => typeof l === "string" && l.trim() !== "")) {
    return { status: 422, body: validationFailed("Label", "labels", names === undefined ? "missing_field" : "invalid") };
  }
  const current = ctx.state.labels[number] ?? [];
  // Label names are case-insensitive on GitHub: adding one that is there already changes nothing.
  for (const name of names) if (!current.some((l) => sameLogin(l, name))) current.push(name);
  ctx.state.labels[number] = current;
  return { status: 200, body: current.map((l) => labelObject(ctx.api, fullName(ctx.state.repo), l)) };
}

function removeLabel(ctx: Ctx, [n, name = ""]: string[]): Reply {
  const number = Number(n);
  if (!issueExists(ctx.state, number)) return notFoundAt("issues/labels#remove-a-label-from-an-issue");
  const current = ctx.state.labels[number] ?? [];
  const index = current.findIndex((l) => sameLogin(l, name));
  if (index < 0) {
    return { status: 404, body: errorBody(404, "Label does not exist", `${DOCS}/issues/labels#remove-a-label-from-an-issue`) };
  }
  current.splice(index, 1);
  return { status: 200, body: current.map((l) => labelObject(ctx.api, fullName(ctx.state.repo), l)) };
}

function getUser(ctx: Ctx, [username = ""]: string[]): Reply {
  const found = findKey(ctx.state.users, username);
  if (found === undefined) return notFoundAt("users/users#get-a-user");
  const [login, user] = found;
  const body: Schemas["public-user"] = {
    ...account(ctx.api, login, user),
    name: user.name,
    company: null,
    blog: "",
    location: null,
    email: null,
    hireable: null,
    bio: null,
    twitter_username: null,
    public_repos: 0,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: user.createdAt,
    updated_at: user.createdAt,
  };
  return { status: 200, body };
}

// ---------------------------------------------------------------------------------------------------
// Response objects

/** An account as GitHub embeds one (simple-user), also valid as a webhook payload's user. */
export type AccountObject = Schemas["simple-user"] & WebhookUser;

export function account(api: string, login: string, user: Pick<UserState, "id" | "type">): AccountObject {
  const path = `${api}/users/${encodeURIComponent(login)}`;
  return {
    login,
    id: user.id,
    node_id: nodeId(user.type, user.id),
    avatar_url: `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
    gravatar_id: "",
    url: path,
    // Apps' bot accounts live under /apps/{slug} on the web.
    html_url: user.type === "Bot" ? `https://github.com/apps/${login.replace(/\[bot\]$/, "")}` : `https://github.com/${login}`,
    followers_url: `${path}/followers`,
    following_url: `${path}/following{/other_user}`,
    gists_url: `${path}/gists{/gist_id}`,
    starred_url: `${path}/starred{/owner}{/repo}`,
    subscriptions_url: `${path}/subscriptions`,
    organizations_url: `${path}/orgs`,
    repos_url: `${path}/repos`,
    events_url: `${path}/events{/privacy}`,
    received_events_url: `${path}/received_events`,
    type: user.type,
    user_view_type: "public",
    site_admin: false,
  };
}

function accountOf(ctx: Ctx, login: string): AccountObject {
  const found = findKey(ctx.state.users, login);
  if (found === undefined) throw new Error(`the state uses login ${login} but state.users lacks it`);
  return account(ctx.api, found[0], found[1]);
}

// The labels GitHub gives every new repository.
const DEFAULT_LABELS = [
  "bug",
  "documentation",
  "duplicate",
  "enhancement",
  "good first issue",
  "help wanted",
  "invalid",
  "question",
  "wontfix",
];

/** A label as GitHub embeds one; id and colour derive from the name, so the same label always looks the same. */
export function labelObject(api: string, repoFullName: string, name: string): Schemas["label"] & { id: number } {
  const id = stableId("label", repoFullName, name.toLowerCase());
  return {
    id,
    node_id: nodeId("Label", id),
    url: `${api}/repos/${repoFullName}/labels/${encodeURIComponent(name)}`,
    name,
    description: null,
    color: sha("colour", name.toLowerCase()).slice(0, 6),
    default: DEFAULT_LABELS.includes(name),
  };
}

function diffEntry(ctx: Ctx, pull: PullState, file: FileState): Schemas["diff-entry"] {
  const repo = fullName(pull.head.repo);
  const path = encodeURIComponent(file.filename).replaceAll("%2F", "/");
  const entry: Schemas["diff-entry"] = {
    sha: sha("blob", file.filename, file.patch ?? "binary"),
    filename: file.filename,
    status: file.status,
    additions: file.additions,
    deletions: file.deletions,
    changes: file.additions + file.deletions,
    blob_url: `https://github.com/${repo}/blob/${pull.head.sha}/${path}`,
    raw_url: `https://github.com/${repo}/raw/${pull.head.sha}/${path}`,
    contents_url: `${ctx.api}/repos/${repo}/contents/${path}?ref=${pull.head.sha}`,
  };
  if (file.patch !== undefined) entry.patch = file.patch;
  if (file.previousFilename !== undefined) entry.previous_filename = file.previousFilename;
  return entry;
}

function commitObject(ctx: Ctx, commit: CommitState, parent: string): Schemas["commit"] {
  const repo = `${ctx.api}/repos/${fullName(ctx.state.repo)}`;
  const html = `https://github.com/${fullName(ctx.state.repo)}`;
  const author = commit.login === null ? null : accountOf(ctx, commit.login);
  const tree = sha("tree", commit.sha);
  return {
    sha: commit.sha,
    node_id: nodeId("Commit", `${ctx.state.repo.id}:${commit.sha}`),
    url: `${repo}/commits/${commit.sha}`,
    html_url: `${html}/commit/${commit.sha}`,
    comments_url: `${repo}/commits/${commit.sha}/comments`,
    commit: {
      url: `${repo}/git/commits/${commit.sha}`,
      author: { ...commit.author },
      committer: { ...commit.author },
      message: commit.message,
      comment_count: 0,
      tree: { sha: tree, url: `${repo}/git/trees/${tree}` },
      verification: { verified: false, reason: "unsigned", payload: null, signature: null, verified_at: null },
    },
    author,
    committer: author,
    parents: [{ sha: parent, url: `${repo}/commits/${parent}`, html_url: `${html}/commit/${parent}` }],
  };
}

function pullObject(ctx: Ctx, pull: PullState): Schemas["pull-request"] {
  const base = fullName(ctx.state.repo);
  const api = `${ctx.api}/repos/${base}`;
  const html = `https://github.com/${base}/pull/${pull.number}`;
  const id = stableId("pull", ctx.state.repo.id, pull.number);
  const link = (href: string) => ({ href });
  return {
    url: `${api}/pulls/${pull.number}`,
    id,
    node_id: nodeId("PullRequest", id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${api}/issues/${pull.number}`,
    commits_url: `${api}/pulls/${pull.number}/commits`,
    review_comments_url: `${api}/pulls/${pull.number}/comments`,
    review_comment_url: `${api}/pulls/comments{/number}`,
    comments_url: `${api}/issues/${pull.number}/comments`,
    statuses_url: `${api}/statuses/${pull.head.sha}`,
    number: pull.number,
    state: pull.state,
    locked: false,
    title: pull.title,
    user: accountOf(ctx, pull.user),
    body: pull.body,
    labels: (ctx.state.labels[pull.number] ?? []).map((l) => labelObject(ctx.api, base, l)),
    milestone: null,
    active_lock_reason: null,
    created_at: pull.createdAt,
    updated_at: pull.updatedAt,
    closed_at: pull.closedAt,
    merged_at: pull.mergedAt,
    merge_commit_sha: pull.mergeCommitSha,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: branch(ctx, pull.head),
    base: branch(ctx, { ...pull.base, repo: ctx.state.repo }),
    _links: {
      self: link(`${api}/pulls/${pull.number}`),
      html: link(html),
      issue: link(`${api}/issues/${pull.number}`),
      comments: link(`${api}/issues/${pull.number}/comments`),
      review_comments: link(`${api}/pulls/${pull.number}/comments`),
      review_comment: link(`${api}/pulls/comments{/number}`),
      commits: link(`${api}/pulls/${pull.number}/commits`),
      statuses: link(`${api}/statuses/${pull.head.sha}`),
    },
    author_association: association(ctx.state, pull.user),
    auto_merge: null,
    draft: pull.draft,
    merged: pull.merged,
    // GitHub stops computing mergeability once a pull request is closed.
    mergeable: pull.state === "open" ? true : null,
    rebaseable: pull.state === "open" ? true : null,
    mergeable_state: pull.state === "open" ? "clean" : "unknown",
    merged_by: pull.mergedBy === null ? null : accountOf(ctx, pull.mergedBy),
    comments: ctx.state.comments[pull.number]?.length ?? 0,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: pull.commits.length,
    additions: sum(pull.files, (f) => f.additions),
    deletions: sum(pull.files, (f) => f.deletions),
    changed_files: pull.files.length,
  };
}

function branch(ctx: Ctx, b: { ref: string; sha: string; repo: RepoRef }): Schemas["pull-request"]["head"] {
  const owner = account(ctx.api, b.repo.owner, { id: b.repo.ownerId, type: b.repo.ownerType });
  return { label: `${b.repo.owner}:${b.ref}`, ref: b.ref, sha: b.sha, user: owner, repo: repositoryObject(ctx, b.repo) };
}

function repositoryObject(ctx: Ctx, ref: RepoRef): Schemas["repository"] {
  const full = fullName(ref);
  const api = `${ctx.api}/repos/${full}`;
  const info = ctx.state.repo;
  const fork = ref.id !== info.id;
  return {
    id: ref.id,
    node_id: nodeId("Repository", ref.id),
    name: ref.name,
    full_name: full,
    license: null,
    forks: 0,
    owner: account(ctx.api, ref.owner, { id: ref.ownerId, type: ref.ownerType }),
    private: info.private,
    visibility: info.private ? "private" : "public",
    html_url: `https://github.com/${full}`,
    description: null,
    fork,
    url: api,
    archive_url: `${api}/{archive_format}{/ref}`,
    assignees_url: `${api}/assignees{/user}`,
    blobs_url: `${api}/git/blobs{/sha}`,
    branches_url: `${api}/branches{/branch}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    comments_url: `${api}/comments{/number}`,
    commits_url: `${api}/commits{/sha}`,
    compare_url: `${api}/compare/{base}...{head}`,
    contents_url: `${api}/contents/{+path}`,
    contributors_url: `${api}/contributors`,
    deployments_url: `${api}/deployments`,
    downloads_url: `${api}/downloads`,
    events_url: `${api}/events`,
    forks_url: `${api}/forks`,
    git_commits_url: `${api}/git/commits{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    git_url: `git://github.com/${full}.git`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    issue_events_url: `${api}/issues/events{/number}`,
    issues_url: `${api}/issues{/number}`,
    keys_url: `${api}/keys{/key_id}`,
    labels_url: `${api}/labels{/name}`,
    languages_url: `${api}/languages`,
    merges_url: `${api}/merges`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    pulls_url: `${api}/pulls{/number}`,
    releases_url: `${api}/releases{/id}`,
    ssh_url: `git@github.com:${full}.git`,
    stargazers_url: `${api}/stargazers`,
    statuses_url: `${api}/statuses/{sha}`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    tags_url: `${api}/tags`,
    teams_url: `${api}/teams`,
    trees_url: `${api}/git/trees{/sha}`,
    clone_url: `https://github.com/${full}.git`,
    mirror_url: null,
    hooks_url: `${api}/hooks`,
    svn_url: `https://github.com/${full}`,
    homepage: null,
    language: "TypeScript",
    forks_count: 0,
    stargazers_count: 0,
    watchers_count: 0,
    size: 128,
    default_branch: info.defaultBranch,
    open_issues_count: 0,
    is_template: false,
    topics: [],
    has_issues: !fork,
    has_projects: true,
    has_wiki: true,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: false,
    disabled: false,
    pushed_at: CREATED,
    created_at: CREATED,
    updated_at: CREATED,
    allow_forking: true,
    web_commit_signoff_required: false,
    open_issues: 0,
    watchers: 0,
  };
}

function issueComment(ctx: Ctx, number: number, comment: CommentState): Schemas["issue-comment"] {
  const full = fullName(ctx.state.repo);
  const api = `${ctx.api}/repos/${full}`;
  const kind = ctx.state.pulls[number] === undefined ? "issues" : "pull";
  return {
    id: comment.id,
    node_id: nodeId("IssueComment", comment.id),
    url: `${api}/issues/comments/${comment.id}`,
    html_url: `https://github.com/${full}/${kind}/${number}#issuecomment-${comment.id}`,
    body: comment.body,
    user: accountOf(ctx, comment.user),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    issue_url: `${api}/issues/${number}`,
    author_association: association(ctx.state, comment.user),
    performed_via_github_app: null,
    reactions: reactionRollup(`${api}/issues/comments/${comment.id}/reactions`, comment.reactions),
  };
}

function reactionRollup(url: string, reactions: readonly ReactionState[]): Schemas["reaction-rollup"] {
  const count = (content: ReactionContent) => reactions.filter((r) => r.content === content).length;
  return {
    url,
    total_count: reactions.length,
    "+1": count("+1"),
    "-1": count("-1"),
    laugh: count("laugh"),
    confused: count("confused"),
    heart: count("heart"),
    hooray: count("hooray"),
    eyes: count("eyes"),
    rocket: count("rocket"),
  };
}

function reactionObject(ctx: Ctx, reaction: ReactionState): Schemas["reaction"] {
  return {
    id: reaction.id,
    node_id: nodeId("Reaction", reaction.id),
    user: accountOf(ctx, reaction.user),
    content: reaction.content,
    created_at: reaction.createdAt,
  };
}

/** OWNER, COLLABORATOR, or NONE for anyone else (the state does not track earlier contributions). */
function association(state: RepoState, login: string): Schemas["author-association"] {
  if (sameLogin(login, state.repo.owner)) return "OWNER";
  return findKey(state.collaborators, login) === undefined ? "NONE" : "COLLABORATOR";
}

// ---------------------------------------------------------------------------------------------------
// Small helpers

/** A copy, so that the state stays a tree that serialises as it reads. */
function repoRef({ owner, name, id, ownerId, ownerType }: RepoRef): RepoRef {
  return { owner, name, id, ownerId, ownerType };
}

function fullName(repo: Pick<RepoRef, "owner" | "name">): string {
  return `${repo.owner}/${repo.name}`;
}

/** GitHub matches logins, repository names and label names without regard to case. */
function sameLogin(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** The entry of `record` whose key matches `login` case-insensitively, with the key as stored. */
function findKey<T>(record: Record<string, T>, login: string): [string, T] | undefined {
  return Object.entries(record).find(([key]) => sameLogin(key, login));
}

/** GitHub's legacy global node id: base64 of "0{type length}:{type}{id}". */
function nodeId(type: string, id: number | string): string {
  return Buffer.from(`0${type.length}:${type}${id}`).toString("base64");
}

/** A 40-hex digest of the parts, standing in for git and GitHub hashes so state stays reproducible. */
export function sha(...parts: readonly (string | number)[]): string {
  return createHash("sha1").update(parts.join("\0")).digest("hex");
}

function stableId(...parts: readonly (string | number)[]): number {
  return Number.parseInt(sha(...parts).slice(0, 8), 16);
}

function sum<T>(items: readonly T[], of: (item: T) => number): number {
  return items.reduce((total, item) => total + of(item), 0);
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** Now, in GitHub's timestamp form (seconds, UTC). */
function nowIso(): string {
  return new Date(nowSeconds() * 1000).toISOString().replace(".000Z", "Z");
}
