/**
 * Webhook payloads → events in meritlog's own terms. Only the fields meritlog uses are read, and each
 * is checked: a malformed payload fails with the field's path and what was expected, before anything
 * is fetched or written. The shapes are those of GitHub's webhooks (@octokit/webhooks-types).
 */
import type { Person, Repo } from "./facts.ts";

export class PayloadError extends Error {
  override name = "PayloadError";
  readonly event: string;
  readonly field: string;
  constructor(event: string, field: string, expected: string) {
    super(`malformed '${event}' event payload: ${field}: expected ${expected}`);
    this.event = event;
    this.field = field;
  }
}

/** A pull request as its webhook payload describes it. */
export interface PullRequestPayload {
  readonly number: number;
  readonly url: string;
  readonly author: Person;
  /** GitHub's author_association: FIRST_TIME_CONTRIBUTOR and FIRST_TIMER mark a newcomer. */
  readonly association: string;
  readonly labels: readonly string[];
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly closedAt?: string;
  readonly mergedAt?: string;
  readonly mergedBy?: Person;
  readonly additions: number;
  readonly deletions: number;
  readonly changedFiles: number;
  readonly milestone?: string;
  /** Opened from a fork: the head repository is another one. */
  readonly fromFork: boolean;
}

export interface IssuePayload {
  readonly number: number;
  readonly url: string;
  readonly author: Person;
  readonly labels: readonly string[];
  /** Present when the "issue" is a pull request (comments on pull requests arrive as issue comments). */
  readonly isPullRequest: boolean;
  readonly createdAt: string;
  readonly closedAt?: string;
  readonly stateReason?: string;
}

export interface CommentPayload {
  readonly id: number;
  readonly url: string;
  readonly author: Person;
  readonly body: string;
  readonly createdAt: string;
}

interface Common {
  readonly name: string;
  readonly action?: string;
  readonly repo: Repo;
  readonly sender?: Person;
}

export type GitHubEvent = Common &
  (
    | { readonly type: "pull_request"; readonly action: string; readonly pr: PullRequestPayload; readonly label?: string }
    | {
        readonly type: "review";
        readonly action: string;
        readonly pr: PullRequestPayload;
        readonly review: {
          readonly id: number;
          readonly url: string;
          readonly author: Person;
          readonly state: string;
          readonly submittedAt: string;
        };
      }
    | { readonly type: "review_comment"; readonly action: string; readonly pr: PullRequestPayload; readonly comment: CommentPayload }
    | { readonly type: "issue_comment"; readonly action: string; readonly issue: IssuePayload; readonly comment: CommentPayload }
    | { readonly type: "issues"; readonly action: string; readonly issue: IssuePayload }
    | {
        readonly type: "release";
        readonly action: string;
        readonly release: {
          readonly id: number;
          readonly tag: string;
          readonly url: string;
          readonly author: Person;
          readonly publishedAt: string;
        };
      }
    | { readonly type: "workflow_dispatch"; readonly inputs: Readonly<Record<string, unknown>> }
    | { readonly type: "schedule" }
    | { readonly type: "other" }
  );

/** Checked access to one payload's fields, naming the full path of whatever is wrong. */
class Reader {
  readonly event: string;
  readonly value: unknown;
  readonly path: string;
  constructor(event: string, value: unknown, path: string) {
    this.event = event;
    this.value = value;
    this.path = path;
  }

  #fail(expected: string): never {
    throw new PayloadError(this.event, this.path || "(payload)", expected);
  }

  at(key: string): Reader {
    if (typeof this.value !== "object" || this.value === null || Array.isArray(this.value)) this.#fail("an object");
    return new Reader(this.event, (this.value as Record<string, unknown>)[key], this.path ? `${this.path}.${key}` : key);
  }

  has(key: string): boolean {
    const v = this.at(key).value;
    return v !== undefined && v !== null;
  }

  string(): string {
    if (typeof this.value !== "string") this.#fail("a string");
    return this.value;
  }

  optionalString(): string | undefined {
    return this.value === undefined || this.value === null ? undefined : this.string();
  }

  int(): number {
    if (!Number.isSafeInteger(this.value) || (this.value as number) < 0) this.#fail("a non-negative integer");
    return this.value as number;
  }

  bool(): boolean {
    if (typeof this.value !== "boolean") this.#fail("true or false");
    return this.value;
  }

  /** An RFC 3339 time, normalised to UTC seconds as the ledger records times. */
  time(): string {
    const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
    const ms = typeof this.value === "string" && rfc3339.test(this.value) ? Date.parse(this.value) : Number.NaN;
    if (Number.isNaN(ms)) this.#fail("an RFC 3339 time");
    return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
  }

  optionalTime(): string | undefined {
    return this.value === undefined || this.value === null ? undefined : this.time();
  }

  url(): string {
    const s = this.string();
    if (!/^https:\/\/\S+$/.test(s)) this.#fail("an https URL");
    return s;
  }

  list(): Reader[] {
    if (!Array.isArray(this.value)) this.#fail("an array");
    return this.value.map((v, i) => new Reader(this.event, v, `${this.path}[${i}]`));
  }

  person(): Person {
    const type = this.at("type").string();
    if (type !== "User" && type !== "Bot" && type !== "Organization") return this.at("type").#fail("User, Bot or Organization");
    const login = this.at("login").string();
    if (!/^[A-Za-z0-9](?:[A-Za-z0-9_-]{0,38})(?:\[bot\])?$/.test(login)) this.at("login").#fail("a GitHub login");
    return { id: this.at("id").int(), login, type };
  }

  labels(): string[] {
    return this.list().map((l) => l.at("name").string());
  }
}

function repoOf(r: Reader): Repo {
  const name = r.at("full_name").string();
  if (!/^[A-Za-z0-9_.-]{1,100}\/[A-Za-z0-9_.-]{1,100}$/.test(name)) throw new PayloadError(r.event, `${r.path}.full_name`, "owner/name");
  return { id: r.at("id").int(), name, ownerId: r.at("owner").at("id").int() };
}

function pullRequestOf(r: Reader, repo: Repo): PullRequestPayload {
  const head = r.at("head").at("repo");
  // A head repository deleted since is null; it was a fork all the same.
  const fromFork = head.value === null || head.at("full_name").string() !== repo.name;
  return {
    number: r.at("number").int(),
    url: r.at("html_url").url(),
    author: r.at("user").person(),
    association: r.at("author_association").string(),
    labels: r.at("labels").labels(),
    createdAt: r.at("created_at").time(),
    updatedAt: r.at("updated_at").time(),
    ...optional("closedAt", r.at("closed_at").optionalTime()),
    ...optional("mergedAt", r.at("merged_at").optionalTime()),
    ...optional("mergedBy", r.has("merged_by") ? r.at("merged_by").person() : undefined),
    // Counts are absent from some event payloads' pull requests (reviews): read as 0, fetched when needed.
    additions: r.has("additions") ? r.at("additions").int() : 0,
    deletions: r.has("deletions") ? r.at("deletions").int() : 0,
    changedFiles: r.has("changed_files") ? r.at("changed_files").int() : 0,
    ...optional("milestone", r.has("milestone") ? r.at("milestone").at("title").string() : undefined),
    fromFork,
  };
}

function issueOf(r: Reader): IssuePayload {
  const pr = r.at("pull_request");
  return {
    number: r.at("number").int(),
    url: r.at("html_url").url(),
    author: r.at("user").person(),
    // Some issue payloads (pinned, unpinned) carry no labels at all.
    labels: r.has("labels") ? r.at("labels").labels() : [],
    isPullRequest: pr.value !== undefined && pr.value !== null,
    createdAt: r.at("created_at").time(),
    ...optional("closedAt", r.at("closed_at").optionalTime()),
    ...optional("stateReason", r.at("state_reason").optionalString()),
  };
}

function commentOf(r: Reader): CommentPayload {
  return {
    id: r.at("id").int(),
    url: r.at("html_url").url(),
    author: r.at("user").person(),
    body: r.at("body").optionalString() ?? "",
    createdAt: r.at("created_at").time(),
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** Reads the payload of event `name`; events meritlog does not handle come back as `other`. */
export function readEvent(name: string, payload: unknown): GitHubEvent {
  const r = new Reader(name, payload, "");
  if (name === "schedule") return { name, type: "schedule", repo: { id: 0, name: "", ownerId: 0 } };
  const repo = repoOf(r.at("repository"));
  const action = r.has("action") ? r.at("action").string() : undefined;
  const common = {
    name,
    repo,
    ...optional("action", action),
    ...optional("sender", r.has("sender") ? r.at("sender").person() : undefined),
  };
  switch (name) {
    case "pull_request":
    case "pull_request_target":
      return {
        ...common,
        type: "pull_request",
        action: action ?? "",
        pr: pullRequestOf(r.at("pull_request"), repo),
        ...optional("label", r.has("label") ? r.at("label").at("name").string() : undefined),
      };
    case "pull_request_review": {
      const review = r.at("review");
      return {
        ...common,
        type: "review",
        action: action ?? "",
        pr: pullRequestOf(r.at("pull_request"), repo),
        review: {
          id: review.at("id").int(),
          url: review.at("html_url").url(),
          author: review.at("user").person(),
          state: review.at("state").string().toLowerCase(),
          submittedAt: review.at("submitted_at").time(),
        },
      };
    }
    case "pull_request_review_comment":
      return {
        ...common,
        type: "review_comment",
        action: action ?? "",
        pr: pullRequestOf(r.at("pull_request"), repo),
        comment: commentOf(r.at("comment")),
      };
    case "issue_comment":
      return { ...common, type: "issue_comment", action: action ?? "", issue: issueOf(r.at("issue")), comment: commentOf(r.at("comment")) };
    case "issues":
      return { ...common, type: "issues", action: action ?? "", issue: issueOf(r.at("issue")) };
    case "release": {
      const rel = r.at("release");
      return {
        ...common,
        type: "release",
        action: action ?? "",
        release: {
          id: rel.at("id").int(),
          tag: rel.at("tag_name").string(),
          url: rel.at("html_url").url(),
          author: rel.at("author").person(),
          publishedAt: (rel.has("published_at") ? rel.at("published_at") : rel.at("created_at")).time(),
        },
      };
    }
    case "workflow_dispatch":
      return { ...common, type: "workflow_dispatch", inputs: (r.has("inputs") ? r.at("inputs").value : {}) as Record<string, unknown> };
    default:
      return { ...common, type: "other" };
  }
}
