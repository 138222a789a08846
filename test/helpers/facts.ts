/**
 * Facts for scoring tests: plain builders for hand-made cases, and fast-check arbitraries that cover
 * every fact type. The people, repositories and file paths come from small fixed pools so that
 * properties can tell, by construction rather than by asking the code under test, who is a bot, whose
 * repository a pull request targets, and which files the default `lines.exclude` leaves out.
 */
import fc from "fast-check";
import type { ChangedFile, CommitInfo, Fact, Person, PullRequest, Repo } from "../../src/events/facts.ts";
import type { Account } from "../../src/ledger/entry.ts";

// ---------------------------------------------------------------------------------------------------
// Fixed pools

export const OWNER: Person = { id: 1, login: "octo", type: "User" };
export const ALICE: Person = { id: 101, login: "alice", type: "User" };
export const BOB: Person = { id: 102, login: "bob", type: "User" };
export const CAROL: Person = { id: 103, login: "carol", type: "User" };
export const DAVE: Person = { id: 104, login: "dave", type: "User" };
export const USERS: readonly Person[] = [OWNER, ALICE, BOB, CAROL, DAVE];

/** Bots told apart three ways: by type, by a `[bot]` login, or by a configured login. */
export const DEPENDABOT: Person = { id: 900, login: "dependabot[bot]", type: "Bot" };
export const TYPED_BOT: Person = { id: 901, login: "ci-helper", type: "Bot" };
export const SUFFIXED_BOT: Person = { id: 902, login: "release-drafter[bot]", type: "User" };
/** A plain user account unless a configuration lists its login (`CONFIGURED_BOT_LOGIN`) under `bots.logins`. */
export const LISTED_BOT: Person = { id: 903, login: "Mergify-CI", type: "User" };
/** Written in another case than the account's login, since logins compare case-insensitively. */
export const CONFIGURED_BOT_LOGIN = "mergify-ci";
export const BOTS: readonly Person[] = [DEPENDABOT, TYPED_BOT, SUFFIXED_BOT];

export const PEOPLE: readonly Person[] = [...USERS, ...BOTS, LISTED_BOT];
export const PEOPLE_BY_ID: ReadonlyMap<number, Person> = new Map(PEOPLE.map((p) => [p.id, p]));

/** A repository owned by OWNER, and one owned by ALICE (so her pull requests there are to her own repository). */
export const REPO: Repo = { id: 4242, name: "octo/demo", ownerId: OWNER.id };
export const ALICE_REPO: Repo = { id: 5151, name: "alice/tools", ownerId: ALICE.id };
export const REPOS: readonly Repo[] = [REPO, ALICE_REPO];

/** Paths that the documented default `lines.exclude` (lock files, dist/, vendor/, minified files, snapshots) leaves out. */
export const EXCLUDED_PATHS: readonly string[] = [
  "package-lock.json",
  "web/yarn.lock",
  "pnpm-lock.yaml",
  "Cargo.lock",
  "go.sum",
  "dist/cli.js",
  "dist/assets/app.js",
  "vendor/github.com/x/y.go",
  "static/app.min.js",
  "static/site.min.css",
  "src/__snapshots__/app.test.ts.snap",
];
/** Paths the default excludes keep, some of them close to an excluded one (`lib/dist/` is not `dist/`). */
export const COUNTED_PATHS: readonly string[] = [
  "src/app.ts",
  "src/util/strings.ts",
  "src/lock.ts",
  "docs/guide.md",
  "test/app.test.ts",
  "lib/dist/index.js",
  ".github/workflows/ci.yml",
  "README.md",
];

export function isExcludedByDefault(path: string): boolean {
  return EXCLUDED_PATHS.includes(path);
}

export const TIME = "2025-03-14T15:09:26Z";

// ---------------------------------------------------------------------------------------------------
// Builders

/** Where and when a fact happened; every field has a default. */
export interface At {
  readonly repo?: Repo;
  readonly time?: string;
  readonly source?: Fact["source"];
}

function base(at: At, event: string, action?: string): { repo: Repo; time: string; source: Fact["source"] } {
  return { repo: at.repo ?? REPO, time: at.time ?? TIME, source: at.source ?? { event, ...(action ? { action } : {}) } };
}

function url(repo: Repo, kind: string, n: number | string): string {
  return `https://github.com/${repo.name}/${kind}/${n}`;
}

/**
 * A pull request by ALICE; `additions`, `deletions` and `changedFiles` default to the totals of
 * `files`, as GitHub reports them.
 */
export function pullRequest(p: Partial<PullRequest> = {}, repo: Repo = REPO): PullRequest {
  const number = p.number ?? 12;
  const files = p.files;
  return {
    number,
    url: url(repo, "pull", number),
    author: ALICE,
    labels: [],
    createdAt: "2025-03-10T08:00:00Z",
    additions: files ? files.reduce((a, f) => a + f.additions, 0) : 0,
    deletions: files ? files.reduce((a, f) => a + f.deletions, 0) : 0,
    changedFiles: files ? files.length : 0,
    ...p,
  };
}

export function file(path: string, additions: number, deletions: number, whitespaceOnly?: boolean): ChangedFile {
  return { path, additions, deletions, ...(whitespaceOnly === undefined ? {} : { whitespaceOnly }) };
}

export function commit(sha: string, author: Person | undefined, coAuthors: readonly Account[] = []): CommitInfo {
  return { sha: sha.padEnd(40, "0"), ...(author ? { author } : {}), coAuthors };
}

export function prOpened(pr: PullRequest, at: At = {}): Fact {
  return { ...base(at, "pull_request", "opened"), type: "pr_opened", pr };
}

export function prMerged(pr: PullRequest, at: At & { mergedBy?: Person } = {}): Fact {
  return { ...base(at, "pull_request", "closed"), type: "pr_merged", pr, ...(at.mergedBy ? { mergedBy: at.mergedBy } : {}) };
}

export function prClosed(pr: PullRequest, at: At & { closedBy?: Person } = {}): Fact {
  return { ...base(at, "pull_request", "closed"), type: "pr_closed", pr, ...(at.closedBy ? { closedBy: at.closedBy } : {}) };
}

export function review(
  pr: PullRequest,
  author: Person,
  state: "approved" | "changes_requested" | "commented",
  id = 7001,
  at: At = {},
): Fact {
  const b = base(at, "pull_request_review", "submitted");
  return { ...b, type: "review", pr, review: { id, url: `${pr.url}#pullrequestreview-${id}`, author, state } };
}

export function reviewComment(pr: PullRequest, author: Person, id = 8001, at: At = {}): Fact {
  const b = base(at, "pull_request_review_comment", "created");
  return { ...b, type: "review_comment", pr, comment: { id, url: `${pr.url}#discussion_r${id}`, author } };
}

export interface IssueShape {
  readonly number: number;
  readonly author: Person;
  readonly labels?: readonly string[];
}

function issueOf(i: IssueShape, repo: Repo) {
  return { number: i.number, url: url(repo, "issues", i.number), author: i.author, labels: i.labels ?? [] };
}

export function issueOpened(issue: IssueShape, at: At = {}): Fact {
  const b = base(at, "issues", "opened");
  return { ...b, type: "issue_opened", issue: issueOf(issue, b.repo) };
}

export function issueClosed(issue: IssueShape, closedBy: Person | undefined, reason: "completed" | "not_planned", at: At = {}): Fact {
  const b = base(at, "issues", "closed");
  return { ...b, type: "issue_closed", issue: issueOf(issue, b.repo), reason, ...(closedBy ? { closedBy } : {}) };
}

export function comment(on: { number: number; kind: "issue" | "pull_request" }, author: Person, id = 9001, at: At = {}): Fact {
  const b = base(at, "issue_comment", "created");
  return { ...b, type: "comment", on, comment: { id, url: `${url(b.repo, "issues", on.number)}#issuecomment-${id}`, author } };
}

export function release(author: Person, id = 3001, tag = "v1.0.0", at: At = {}): Fact {
  const b = base(at, "release", "published");
  return { ...b, type: "release", release: { id, tag, url: url(b.repo, "releases/tag", tag), author } };
}

// ---------------------------------------------------------------------------------------------------
// Arbitraries

/** What facts are drawn from; each part can be narrowed (one person, one month, one repository). */
export interface FactPools {
  readonly people?: fc.Arbitrary<Person>;
  readonly repo?: fc.Arbitrary<Repo>;
  readonly time?: fc.Arbitrary<string>;
  readonly labels?: fc.Arbitrary<readonly string[]>;
  /** Accounts named by Co-authored-by trailers; by default anyone in `people`. */
  readonly coAuthors?: fc.Arbitrary<Account>;
}

export const personArb: fc.Arbitrary<Person> = fc.constantFrom(...PEOPLE);
export const userArb: fc.Arbitrary<Person> = fc.constantFrom(...USERS);
export const repoArb: fc.Arbitrary<Repo> = fc.constantFrom(...REPOS);

function seconds(from: number, to: number): fc.Arbitrary<string> {
  return fc.integer({ min: from / 1000, max: to / 1000 - 1 }).map((s) => new Date(s * 1000).toISOString().replace(".000Z", "Z"));
}

/** RFC 3339 times, UTC, whole seconds, over two years. */
export const timeArb: fc.Arbitrary<string> = seconds(Date.UTC(2024, 0, 1), Date.UTC(2026, 0, 1));

/** Times inside one calendar month (UTC), `month` as YYYY-MM. */
export function timeInMonth(month: string): fc.Arbitrary<string> {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return seconds(Date.UTC(y, m - 1, 1), Date.UTC(y, m, 1));
}

/**
 * The same label as a person might type it: any letter case, and any white space around a colon
 * (`gssoc: approved`, `GSSoC :Approved`). Label rules must treat all of these as one label.
 */
export function labelVariant(label: string): fc.Arbitrary<string> {
  const parts = label.split(":");
  return fc
    .tuple(
      fc.array(fc.boolean(), { minLength: label.length, maxLength: label.length }),
      fc.array(fc.tuple(fc.constantFrom("", " ", "  "), fc.constantFrom("", " ", "  ")), {
        minLength: parts.length - 1,
        maxLength: parts.length - 1,
      }),
    )
    .map(([upper, spaces]) => {
      const joined = parts.reduce((acc, part, i) => {
        const [before, after] = spaces[i - 1] ?? ["", ""];
        return i === 0 ? part : `${acc}${before}:${after}${part}`;
      }, "");
      let k = 0;
      // Casing walks the letters of the original label, so spaces added around a colon do not shift it.
      return [...joined].map((ch) => (/[a-z]/i.test(ch) ? (upper[k++] ? ch.toUpperCase() : ch.toLowerCase()) : ch)).join("");
    });
}

/** Labels the default rules act on, and some they do not. */
export const LABEL_NAMES: readonly string[] = [
  "documentation",
  "good first issue",
  "spam",
  "invalid",
  "bug",
  "enhancement",
  "gssoc:approved",
  "level:2",
];

export const labelArb: fc.Arbitrary<string> = fc.constantFrom(...LABEL_NAMES).chain(labelVariant);
export const labelsArb: fc.Arbitrary<readonly string[]> = fc.array(labelArb, { maxLength: 4 });

/** Line counts from a typo fix to a vendored library, so caps and every size tier are reached. */
export const lineCountArb: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: 0, max: 5 }),
  fc.integer({ min: 0, max: 400 }),
  fc.integer({ min: 0, max: 3000 }),
  fc.integer({ min: 0, max: 200_000 }),
);

export const changedFileArb: fc.Arbitrary<ChangedFile> = fc.record(
  {
    path: fc.constantFrom(...EXCLUDED_PATHS, ...COUNTED_PATHS),
    additions: lineCountArb,
    deletions: lineCountArb,
    whitespaceOnly: fc.boolean(),
  },
  { requiredKeys: ["path", "additions", "deletions"] },
);

const shaArb = fc.bigInt({ min: 0n, max: (1n << 160n) - 1n }).map((n) => n.toString(16).padStart(40, "0"));

function commitArb(people: fc.Arbitrary<Person>, coAuthors: fc.Arbitrary<Account>): fc.Arbitrary<CommitInfo> {
  return fc.record(
    {
      sha: shaArb,
      author: people,
      coAuthors: fc.array(coAuthors, { maxLength: 2 }),
    },
    { requiredKeys: ["sha", "coAuthors"] },
  );
}

/**
 * Pull requests whose totals agree with their files, or (as GitHub does for very large ones) whose
 * file list is missing or cut short, so that only the totals are known.
 */
export function pullRequestArb(pools: FactPools = {}, repo: Repo = REPO): fc.Arbitrary<PullRequest> {
  const people = pools.people ?? personArb;
  const coAuthors = pools.coAuthors ?? people.map((p): Account => ({ id: p.id, login: p.login }));
  return fc
    .record({
      number: fc.integer({ min: 1, max: 99_999 }),
      author: people,
      labels: pools.labels ?? labelsArb,
      createdAt: pools.time ?? timeArb,
      listing: fc.constantFrom("all", "all", "none", "partial"),
      files: fc.uniqueArray(changedFileArb, { selector: (f) => f.path, maxLength: 6 }),
      additions: lineCountArb,
      deletions: lineCountArb,
      commits: fc.option(fc.array(commitArb(people, coAuthors), { maxLength: 4 }), { nil: undefined }),
      milestone: fc.option(fc.constantFrom("v1.0", "v2.0"), { nil: undefined }),
    })
    .map((r): PullRequest => {
      const common = {
        number: r.number,
        url: url(repo, "pull", r.number),
        author: r.author,
        labels: r.labels,
        createdAt: r.createdAt,
        ...(r.commits ? { commits: r.commits } : {}),
        ...(r.milestone ? { milestone: r.milestone } : {}),
      };
      if (r.listing === "none") return { ...common, additions: r.additions, deletions: r.deletions, changedFiles: r.files.length + 1 };
      const additions = r.files.reduce((a, f) => a + f.additions, 0);
      const deletions = r.files.reduce((a, f) => a + f.deletions, 0);
      if (r.listing === "partial") {
        // GitHub listed only some files: the totals cover more than the list does.
        return {
          ...common,
          additions: additions + r.additions,
          deletions: deletions + r.deletions,
          changedFiles: r.files.length + 1,
          files: r.files,
        };
      }
      return { ...common, additions, deletions, changedFiles: r.files.length, files: r.files };
    });
}

const idArb = fc.integer({ min: 1, max: 2_000_000_000 });

function withBase(pools: FactPools) {
  return fc.record({
    repo: pools.repo ?? repoArb,
    time: pools.time ?? timeArb,
    delivery: fc.uuid(),
  });
}

/** Facts of one type. */
export function factOfTypeArb(type: Fact["type"], pools: FactPools = {}): fc.Arbitrary<Fact> {
  const people = pools.people ?? personArb;
  const labels = pools.labels ?? labelsArb;
  return withBase(pools).chain(({ repo, time, delivery }) => {
    const b = (event: string, action: string) => ({ repo, time, source: { event, action, delivery } });
    const pr = pullRequestArb(pools, repo);
    switch (type) {
      case "pr_opened":
        return pr.map((p): Fact => ({ ...b("pull_request", "opened"), type, pr: p }));
      case "pr_merged":
        return fc
          .tuple(pr, fc.option(people, { nil: undefined }))
          .map(([p, by]): Fact => ({ ...b("pull_request", "closed"), type, pr: p, ...(by ? { mergedBy: by } : {}) }));
      case "pr_closed":
        return fc
          .tuple(pr, fc.option(people, { nil: undefined }))
          .map(([p, by]): Fact => ({ ...b("pull_request", "closed"), type, pr: p, ...(by ? { closedBy: by } : {}) }));
      case "review":
        return fc.tuple(pr, idArb, people, fc.constantFrom("approved", "changes_requested", "commented")).map(
          ([p, id, author, state]): Fact => ({
            ...b("pull_request_review", "submitted"),
            type,
            pr: p,
            review: { id, url: `${p.url}#pullrequestreview-${id}`, author, state },
          }),
        );
      case "review_comment":
        return fc.tuple(pr, idArb, people).map(
          ([p, id, author]): Fact => ({
            ...b("pull_request_review_comment", "created"),
            type,
            pr: p,
            comment: { id, url: `${p.url}#discussion_r${id}`, author },
          }),
        );
      case "issue_opened":
        return fc.tuple(idArb, people, labels).map(
          ([number, author, l]): Fact => ({
            ...b("issues", "opened"),
            type,
            issue: { number, url: url(repo, "issues", number), author, labels: l },
          }),
        );
      case "issue_closed":
        return fc.tuple(idArb, people, labels, fc.option(people, { nil: undefined }), fc.constantFrom("completed", "not_planned")).map(
          ([number, author, l, closedBy, reason]): Fact => ({
            ...b("issues", "closed"),
            type,
            issue: { number, url: url(repo, "issues", number), author, labels: l },
            reason,
            ...(closedBy ? { closedBy } : {}),
          }),
        );
      case "comment":
        return fc.tuple(idArb, idArb, people, fc.constantFrom("issue", "pull_request")).map(
          ([number, id, author, kind]): Fact => ({
            ...b("issue_comment", "created"),
            type,
            on: { number, kind },
            comment: { id, url: `${url(repo, "issues", number)}#issuecomment-${id}`, author },
          }),
        );
      case "release":
        return fc.tuple(idArb, people, fc.nat({ max: 99 })).map(
          ([id, author, minor]): Fact => ({
            ...b("release", "published"),
            type,
            release: { id, tag: `v1.${minor}.0`, url: url(repo, "releases/tag", `v1.${minor}.0`), author },
          }),
        );
    }
  });
}

export const FACT_TYPES: readonly Fact["type"][] = [
  "pr_opened",
  "pr_merged",
  "pr_closed",
  "review",
  "review_comment",
  "issue_opened",
  "issue_closed",
  "comment",
  "release",
];

/** Facts of every type. */
export function factArb(pools: FactPools = {}): fc.Arbitrary<Fact> {
  return fc.oneof(...FACT_TYPES.map((t) => factOfTypeArb(t, pools)));
}
