/**
 * The GitHub REST calls meritlog makes, through Octokit with GitHub's own retry and rate-limit
 * plugins: server errors are retried with backoff, secondary rate limits wait what GitHub says, and a
 * primary limit that would hold the job for long fails it with a message instead.
 */
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import { Octokit } from "@octokit/rest";

const Client = Octokit.plugin(retry, throttling);
type Client = InstanceType<typeof Client>;

/** The longest wait for a primary rate limit's reset worth spending inside a workflow job. */
const MAX_RATE_LIMIT_WAIT_S = 60;

export interface RepoRef {
  readonly owner: string;
  readonly repo: string;
}

export type Role = "admin" | "maintain" | "write" | "triage" | "read" | "none";

export interface PrFile {
  readonly path: string;
  readonly additions: number;
  readonly deletions: number;
  /** The unified diff hunk text; GitHub omits it for binary and very large files. */
  readonly patch?: string;
}

export interface PrCommit {
  readonly sha: string;
  readonly message: string;
  readonly author?: { readonly id: number; readonly login: string; readonly type: string };
}

export interface IssueComment {
  readonly id: number;
  readonly body: string;
  readonly authorLogin: string;
}

/** A failed API call, said in a sentence: what was asked, what GitHub answered, what to do. */
export class GitHubApiError extends Error {
  override name = "GitHubApiError";
  readonly status: number | undefined;
  constructor(what: string, status: number | undefined, detail: string, options?: ErrorOptions) {
    super(`GitHub API: ${what} failed${status ? ` (HTTP ${status})` : ""}: ${detail}`, options);
    this.status = status;
  }
}

function hint(status: number | undefined): string {
  switch (status) {
    case 401:
      return "the token was refused; check it (the action's github-token input, GITHUB_TOKEN on the command line)";
    case 403:
      return "the token lacks a permission (see the workflow's permissions: block) or a rate limit was hit";
    case 404:
      return "not found, or not visible to this token";
    case 422:
      return "GitHub rejected the request as invalid";
    default:
      return "GitHub did not answer successfully after retries";
  }
}

export class GitHubApi {
  readonly #octokit: Client;
  /** Requests sent, retries included: the figure the request budget is measured in. */
  requests = 0;

  constructor(token: string, baseUrl: string, userAgent = "meritlog") {
    this.#octokit = new Client({
      auth: token,
      baseUrl,
      userAgent,
      throttle: {
        onRateLimit: (after: number, _options: unknown, _octokit: unknown, retryCount: number) =>
          retryCount < 1 && after <= MAX_RATE_LIMIT_WAIT_S,
        onSecondaryRateLimit: (after: number, _options: unknown, _octokit: unknown, retryCount: number) =>
          retryCount < 2 && after <= MAX_RATE_LIMIT_WAIT_S,
      },
    });
    this.#octokit.hook.before("request", () => {
      this.requests++;
    });
  }

  async #call<T>(what: string, call: (o: Client) => Promise<T>): Promise<T> {
    try {
      return await call(this.#octokit);
    } catch (e) {
      const status = (e as { status?: number }).status;
      const message = (e as { response?: { data?: { message?: string } } }).response?.data?.message;
      throw new GitHubApiError(what, status, `${message ? `${message}; ` : ""}${hint(status)}`, { cause: e });
    }
  }

  readonly #started = new Map<string, Promise<unknown>>();

  /** One request per key per run: a read started early (see `prefetchPullRequest`) is reused, not repeated. */
  #once<T>(key: string, start: () => Promise<T>): Promise<T> {
    let p = this.#started.get(key) as Promise<T> | undefined;
    if (!p) {
      p = start();
      // Whoever awaits it sees the failure; a read nobody awaits must not crash the process.
      p.catch(() => {});
      this.#started.set(key, p);
    }
    return p;
  }

  /**
   * Starts reading a merged pull request's files and commits at once, so the requests overlap the
   * configuration's parsing instead of following it.
   */
  prefetchPullRequest(r: RepoRef, number: number): void {
    void this.prFiles(r, number);
    void this.prCommits(r, number);
  }

  prFiles(r: RepoRef, number: number): Promise<PrFile[]> {
    return this.#once(`files ${r.owner}/${r.repo}#${number}`, () => this.#files(r, number));
  }

  prCommits(r: RepoRef, number: number): Promise<PrCommit[]> {
    return this.#once(`commits ${r.owner}/${r.repo}#${number}`, () => this.#commits(r, number));
  }

  #files(r: RepoRef, number: number): Promise<PrFile[]> {
    return this.#call(`listing the files of #${number}`, async (o) =>
      (await o.paginate(o.rest.pulls.listFiles, { ...r, pull_number: number, per_page: 100 })).map((f) => ({
        path: f.filename,
        additions: f.additions,
        deletions: f.deletions,
        ...(f.patch === undefined ? {} : { patch: f.patch }),
      })),
    );
  }

  #commits(r: RepoRef, number: number): Promise<PrCommit[]> {
    return this.#call(`listing the commits of #${number}`, async (o) =>
      (await o.paginate(o.rest.pulls.listCommits, { ...r, pull_number: number, per_page: 100 })).map((c) => ({
        sha: c.sha,
        message: c.commit.message,
        ...(c.author ? { author: { id: c.author.id, login: c.author.login, type: c.author.type } } : {}),
      })),
    );
  }

  /** A query of graphql.ts; its answer is read there. GitHub's errors in the answer fail the call, naming them. */
  async graphql<T>(what: string, query: string, variables: Record<string, unknown>): Promise<T> {
    try {
      return await this.#call(what, (o) => o.graphql<T>(query, variables));
    } catch (e) {
      // An answer with errors comes back as HTTP 200: what GitHub said is in the errors.
      const cause = (e as Error).cause as { errors?: { message: string }[] } | undefined;
      if (e instanceof GitHubApiError && e.status === undefined && cause?.errors) {
        throw new GitHubApiError(what, undefined, cause.errors.map((x) => x.message).join("; "));
      }
      throw e;
    }
  }

  /**
   * The account's role on the repository (`role_name` names maintain and triage, which `permission`
   * folds away); asked once per login and run, however many commands the login gave.
   */
  role(r: RepoRef, login: string): Promise<Role> {
    return this.#once(`role ${r.owner}/${r.repo} ${login.toLowerCase()}`, () => this.#role(r, login));
  }

  #role(r: RepoRef, login: string): Promise<Role> {
    return this.#call(`reading @${login}'s permission`, async (o) => {
      const { data } = await o.rest.repos.getCollaboratorPermissionLevel({ ...r, username: login });
      // A custom repository role has its own role_name; the legacy permission then says what it grants.
      const known = (r: string | undefined) =>
        r && ["admin", "maintain", "write", "triage", "read"].includes(r) ? (r as Role) : undefined;
      return known((data as { role_name?: string }).role_name) ?? known(data.permission) ?? "none";
    });
  }

  /** The account of a login, asked once per login and run (co-authors and linked accounts repeat). */
  user(login: string): Promise<{ id: number; login: string; type: string }> {
    return this.#once(`user ${login.toLowerCase()}`, () => this.#user(login));
  }

  #user(login: string): Promise<{ id: number; login: string; type: string }> {
    return this.#call(`looking up @${login}`, async (o) => {
      const { data } = await o.rest.users.getByUsername({ username: login });
      return { id: data.id, login: data.login, type: data.type };
    });
  }

  comments(r: RepoRef, number: number): Promise<IssueComment[]> {
    return this.#call(`listing the comments of #${number}`, async (o) =>
      (await o.paginate(o.rest.issues.listComments, { ...r, issue_number: number, per_page: 100 })).map((c) => ({
        id: c.id,
        body: c.body ?? "",
        authorLogin: c.user?.login ?? "",
      })),
    );
  }

  createComment(r: RepoRef, number: number, body: string): Promise<number> {
    return this.#call(
      `commenting on #${number}`,
      async (o) => (await o.rest.issues.createComment({ ...r, issue_number: number, body })).data.id,
    );
  }

  updateComment(r: RepoRef, id: number, body: string): Promise<void> {
    return this.#call(`updating comment ${id}`, async (o) => {
      await o.rest.issues.updateComment({ ...r, comment_id: id, body });
    });
  }

  addLabels(r: RepoRef, number: number, labels: readonly string[]): Promise<void> {
    return this.#call(`labelling #${number}`, async (o) => {
      await o.rest.issues.addLabels({ ...r, issue_number: number, labels: [...labels] });
    });
  }

  /** Removes a label; one already removed (by someone else meanwhile) is not an error. */
  removeLabel(r: RepoRef, number: number, label: string): Promise<void> {
    return this.#call(`removing label '${label}' from #${number}`, async (o) => {
      try {
        await o.rest.issues.removeLabel({ ...r, issue_number: number, name: label });
      } catch (e) {
        if ((e as { status?: number }).status !== 404) throw e;
      }
    });
  }

  /** An account by login, or undefined when there is none. */
  async maybeUser(login: string): Promise<{ id: number; login: string; type: string } | undefined> {
    try {
      return await this.user(login);
    } catch (e) {
      if (e instanceof GitHubApiError && e.status === 404) return undefined;
      throw e;
    }
  }

  /** The login the token acts as (for a personal access token; app tokens comment as a bot). */
  me(): Promise<string> {
    return this.#call("reading the token's account", async (o) => (await o.rest.users.getAuthenticated()).data.login);
  }
}
