/**
 * The loopback GitHub's GraphQL endpoint (`POST /graphql`): each query is parsed, validated against
 * GitHub's published schema (@octokit/graphql-schema) and executed by graphql-js over the same
 * in-memory RepoState the REST handlers serve, so a query GitHub would reject fails here too. It
 * charges each query GitHub's documented cost (every connection's `first`, multiplied down the
 * nesting, divided by 100), keeps the remaining budget that `rateLimit` reports, answers a spent
 * budget as GitHub does, and can serve a fault after a number of requests.
 *
 * What RepoState does not hold (reviews, label timelines, issues' details, releases) lives in `history`.
 */
import { schema as published } from "@octokit/graphql-schema";
import {
  buildSchema,
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  graphqlSync,
  Kind,
  parse,
  type SelectionSetNode,
  validate,
} from "graphql";
import type { CommentState, Fault, PullState, RepoState } from "./github-api.ts";

let schema: GraphQLSchema | undefined;

/** GitHub's public schema. Its published SDL repeats two fields of one type, so SDL validation is skipped. */
export function githubSchema(): GraphQLSchema {
  schema ??= buildSchema(published.idl, { assumeValidSDL: true });
  return schema;
}

/** The reasons GitHub's schema rejects `query`; empty when it is valid. */
export function queryErrors(query: string): string[] {
  let doc: DocumentNode;
  try {
    doc = parse(query);
  } catch (e) {
    return [(e as GraphQLError).message];
  }
  return validate(githubSchema(), doc).map((e) => e.message);
}

export interface ReviewState {
  id: number;
  user: string;
  state: "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED" | "DISMISSED";
  submittedAt: string;
}

export interface LabelEventState {
  label: string;
  added: boolean;
  actor: string;
  createdAt: string;
}

/** A plain issue's details; its number must be in the state's `issues`, its labels and comments are the state's. */
export interface IssueState {
  user: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  stateReason: "COMPLETED" | "NOT_PLANNED" | null;
  closedBy: string | null;
}

export interface ReleaseState {
  id: number;
  tag: string;
  user: string;
  createdAt: string;
  /** Null for a draft. */
  publishedAt: string | null;
}

export interface GraphqlHistory {
  /** Pull request number → its reviews. */
  reviews: Record<number, ReviewState[]>;
  /** Pull request number → its label changes, oldest first. Labels with none are taken as added at creation. */
  labelEvents: Record<number, LabelEventState[]>;
  /** Issue number → its details. */
  issues: Record<number, IssueState>;
  releases: ReleaseState[];
}

export interface GraphqlService {
  readonly history: GraphqlHistory;
  /** Points left in the budget. */
  remaining: number;
  /** GraphQL requests answered, and points charged. */
  requests: number;
  charged: number;
  /** Serves `fault` instead of the answer to request number `after` + 1, once. */
  failAfter: { after: number; fault: Fault } | undefined;
  answer(state: RepoState, body: unknown): { status: number; body: unknown; headers?: Record<string, string> };
}

const RESET_IN_S = 3600;

export function graphqlService(history: Partial<GraphqlHistory> = {}, budget = 5000): GraphqlService {
  const resetAt = Math.floor(Date.now() / 1000) + RESET_IN_S;
  const service: GraphqlService = {
    history: {
      reviews: history.reviews ?? {},
      labelEvents: history.labelEvents ?? {},
      issues: history.issues ?? {},
      releases: history.releases ?? [],
    },
    remaining: budget,
    requests: 0,
    charged: 0,
    failAfter: undefined,
    answer(state, body) {
      service.requests++;
      const fault = service.failAfter;
      if (fault && service.requests === fault.after + 1) {
        service.failAfter = undefined;
        return { status: fault.fault.status, body: fault.fault.body, headers: headersOf(fault.fault) };
      }
      const { query, variables } = (body ?? {}) as { query?: unknown; variables?: Record<string, unknown> };
      if (typeof query !== "string") return { status: 400, body: { message: "Problems parsing JSON" } };
      let doc: DocumentNode;
      try {
        doc = parse(query);
      } catch (e) {
        return { status: 200, body: { errors: [(e as GraphQLError).toJSON()] } };
      }
      const invalid = validate(githubSchema(), doc);
      if (invalid.length > 0) return { status: 200, body: { errors: invalid.map((e) => e.toJSON()) } };
      const cost = costOf(doc, variables ?? {});
      const rate = {
        "x-ratelimit-limit": String(budget),
        "x-ratelimit-resource": "graphql",
        "x-ratelimit-reset": String(resetAt),
      };
      if (cost > service.remaining) {
        return {
          status: 403,
          headers: { ...rate, "x-ratelimit-remaining": "0", "x-ratelimit-used": String(budget) },
          body: { errors: [{ type: "RATE_LIMITED", message: "API rate limit exceeded for installation." }] },
        };
      }
      service.remaining -= cost;
      service.charged += cost;
      const rateLimit = {
        cost,
        remaining: service.remaining,
        resetAt: new Date(resetAt * 1000).toISOString(),
        limit: budget,
        used: budget - service.remaining,
      };
      const result = graphqlSync({
        schema: githubSchema(),
        source: query,
        variableValues: variables ?? {},
        rootValue: { rateLimit, repository: (args: { owner: string; name: string }) => repository(state, service.history, args) },
      });
      return {
        status: 200,
        headers: { ...rate, "x-ratelimit-remaining": String(service.remaining), "x-ratelimit-used": String(budget - service.remaining) },
        body: result,
      };
    },
  };
  return service;
}

function headersOf(fault: Fault): Record<string, string> {
  return Object.fromEntries(Object.entries(fault.headers ?? {}).map(([k, v]) => [k, typeof v === "function" ? v() : v]));
}

/**
 * GitHub's cost: the requests each connection needs at its `first` (or `last`), multiplied by the
 * nodes of the connections above it, summed, divided by 100 and rounded; at least 1.
 */
export function costOf(doc: DocumentNode, variables: Record<string, unknown>): number {
  let requests = 0;
  const walk = (set: SelectionSetNode | undefined, multiplier: number) => {
    for (const sel of set?.selections ?? []) {
      if (sel.kind === Kind.INLINE_FRAGMENT) walk(sel.selectionSet, multiplier);
      if (sel.kind !== Kind.FIELD) continue;
      const size = sel.arguments?.find((a) => a.name.value === "first" || a.name.value === "last")?.value;
      const n =
        size?.kind === Kind.INT ? Number(size.value) : size?.kind === Kind.VARIABLE ? Number(variables[size.name.value] ?? 0) : undefined;
      if (n === undefined) {
        walk(sel.selectionSet, multiplier);
      } else {
        requests += multiplier;
        walk(sel.selectionSet, multiplier * n);
      }
    }
  };
  for (const def of doc.definitions) if (def.kind === Kind.OPERATION_DEFINITION) walk(def.selectionSet, 1);
  return Math.max(1, Math.round(requests / 100));
}

// ---------------------------------------------------------------------------------------------------
// Resolvers: plain objects, with functions where a field takes arguments (graphql-js calls them)

interface Page {
  first?: number;
  last?: number;
  after?: string | null;
}

/** A page of `items`, each made into its GraphQL object only when it is on the page. */
function connection<T, U = T>(
  items: readonly T[],
  { first = 100, last, after }: Page,
  make: (item: T) => U = (item) => item as unknown as U,
) {
  if (last !== undefined) return connection(items.slice(Math.max(0, items.length - last)), { first: last }, make);
  const start = after ? Number(Buffer.from(after, "base64").toString("utf8").replace("cursor:", "")) + 1 : 0;
  const slice = items.slice(start, start + first).map(make);
  const end = start + slice.length - 1;
  return {
    totalCount: items.length,
    nodes: slice,
    pageInfo: {
      hasNextPage: start + slice.length < items.length,
      endCursor: slice.length > 0 ? Buffer.from(`cursor:${end}`).toString("base64") : null,
    },
  };
}

function actor(state: RepoState, login: string | null) {
  if (login === null) return null;
  const found = Object.entries(state.users).find(([k]) => k.toLowerCase() === login.toLowerCase());
  if (!found) throw new GraphQLError(`the state uses login ${login} but state.users lacks it`);
  const [name, user] = found;
  // GraphQL names an app's bot account without the [bot] suffix.
  return { __typename: user.type, login: name.replace(/\[bot\]$/, ""), databaseId: user.id };
}

const CO_AUTHOR = /^co-authored-by:.*<(\d+)\+([A-Za-z0-9-]+)@users\.noreply\.github\.com>\s*$/gim;

function repository(state: RepoState, history: GraphqlHistory, args: { owner: string; name: string }) {
  const { repo } = state;
  if (args.owner.toLowerCase() !== repo.owner.toLowerCase() || args.name.toLowerCase() !== repo.name.toLowerCase()) return null;
  const full = `${repo.owner}/${repo.name}`;
  const pulls = Object.values(state.pulls);
  return {
    databaseId: repo.id,
    nameWithOwner: full,
    owner: actor(state, repo.owner),
    pullRequests: (a: Page & { orderBy?: { field: "CREATED_AT" | "UPDATED_AT"; direction: "ASC" | "DESC" } }) => {
      const key = (p: PullState) => (a.orderBy?.field === "UPDATED_AT" ? p.updatedAt : p.createdAt);
      const sorted = [...pulls].sort((x, y) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : x.number - y.number));
      if (a.orderBy?.direction === "DESC") sorted.reverse();
      return connection(sorted, a, (p) => pullRequest(state, history, p, full));
    },
    issues: (a: Page & { filterBy?: { since?: string }; orderBy?: { field: "CREATED_AT" | "UPDATED_AT"; direction: "ASC" | "DESC" } }) => {
      const since = a.filterBy?.since;
      const listed = state.issues.flatMap((number) => {
        const issue = history.issues[number];
        return issue && (!since || issue.updatedAt >= since) ? [{ number, ...issue }] : [];
      });
      const key = (i: IssueState) => (a.orderBy?.field === "UPDATED_AT" ? i.updatedAt : i.createdAt);
      const sorted = listed.sort((x, y) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : x.number - y.number));
      if (a.orderBy?.direction === "DESC") sorted.reverse();
      return connection(sorted, a, (i) => ({
        number: i.number,
        url: `https://github.com/${full}/issues/${i.number}`,
        createdAt: i.createdAt,
        updatedAt: i.updatedAt,
        closedAt: i.closedAt,
        stateReason: i.stateReason,
        author: actor(state, i.user),
        labels: (b: Page) =>
          connection(
            (state.labels[i.number] ?? []).map((name) => ({ name })),
            b,
          ),
        timelineItems: (b: Page) =>
          connection(
            i.closedBy && i.closedAt ? [{ __typename: "ClosedEvent", createdAt: i.closedAt, actor: actor(state, i.closedBy) }] : [],
            b,
          ),
        comments: (b: Page) => comments(state, state.comments[i.number] ?? [], `${full}/issues/${i.number}`, b),
      }));
    },
    releases: (a: Page & { orderBy?: { direction: "ASC" | "DESC" } }) => {
      const sorted = [...history.releases].sort((x, y) => (x.createdAt < y.createdAt ? -1 : x.createdAt > y.createdAt ? 1 : x.id - y.id));
      if (a.orderBy?.direction === "DESC") sorted.reverse();
      return connection(sorted, a, (r) => ({
        databaseId: r.id,
        tagName: r.tag,
        url: `https://github.com/${full}/releases/tag/${r.tag}`,
        createdAt: r.createdAt,
        publishedAt: r.publishedAt,
        isDraft: r.publishedAt === null,
        author: actor(state, r.user),
      }));
    },
  };
}

/** A conversation's comments as `IssueComment`s. */
function comments(state: RepoState, list: readonly CommentState[], path: string, a: Page) {
  return connection(list, a, (c) => ({
    databaseId: c.id,
    url: `https://github.com/${path}#issuecomment-${c.id}`,
    body: c.body,
    createdAt: c.createdAt,
    author: actor(state, c.user),
  }));
}

function pullRequest(state: RepoState, history: GraphqlHistory, p: PullState, full: string) {
  const labels = state.labels[p.number] ?? [];
  const events = history.labelEvents[p.number] ?? [];
  // A label with no recorded change was there from the start.
  const initial = labels.filter((l) => !events.some((e) => e.label === l));
  const timeline = [
    ...initial.map((label) => ({
      __typename: "LabeledEvent",
      createdAt: p.createdAt,
      label: { name: label },
      actor: actor(state, p.user),
    })),
    ...events.map((e) => ({
      __typename: e.added ? "LabeledEvent" : "UnlabeledEvent",
      createdAt: e.createdAt,
      label: { name: e.label },
      actor: actor(state, e.actor),
    })),
  ];
  const reviews = history.reviews[p.number] ?? [];
  const sum = (of: (f: PullState["files"][number]) => number) => p.files.reduce((t, f) => t + of(f), 0);
  return {
    number: p.number,
    url: `https://github.com/${full}/pull/${p.number}`,
    title: p.title,
    body: p.body ?? "",
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    closedAt: p.closedAt,
    mergedAt: p.mergedAt,
    additions: sum((f) => f.additions),
    deletions: sum((f) => f.deletions),
    changedFiles: p.files.length,
    isCrossRepository: p.head.repo.id !== state.repo.id,
    authorAssociation: state.collaborators[p.user] ? "COLLABORATOR" : "NONE",
    author: actor(state, p.user),
    mergedBy: actor(state, p.mergedBy),
    milestone: null,
    labels: (a: Page) =>
      connection(
        labels.map((name) => ({ name })),
        a,
      ),
    timelineItems: (a: Page) => connection(timeline, a),
    reviews: (a: Page) =>
      connection(
        reviews.map((r) => ({
          databaseId: r.id,
          url: `https://github.com/${full}/pull/${p.number}#pullrequestreview-${r.id}`,
          state: r.state,
          submittedAt: r.submittedAt,
          author: actor(state, r.user),
        })),
        a,
      ),
    comments: (a: Page) => comments(state, state.comments[p.number] ?? [], `${full}/pull/${p.number}`, a),
    files: (a: Page) =>
      connection(
        p.files.map((f) => ({ path: f.filename, additions: f.additions, deletions: f.deletions })),
        a,
      ),
    commits: (a: Page) =>
      connection(
        p.commits.map((c) => {
          const author = c.login === null ? null : { login: actor(state, c.login)?.login, databaseId: actor(state, c.login)?.databaseId };
          const coAuthors = [...c.message.matchAll(CO_AUTHOR)].flatMap((m) => {
            const found = Object.entries(state.users).find(([k, u]) => k.toLowerCase() === m[2]?.toLowerCase() && u.id === Number(m[1]));
            return found ? [{ user: { login: found[0], databaseId: found[1].id } }] : [];
          });
          return {
            commit: {
              oid: c.sha,
              message: c.message,
              author: { user: author },
              authors: (b: Page) => connection([{ user: author }, ...coAuthors], b),
            },
          };
        }),
        a,
      ),
  };
}
