// npm run demo: the main job end to end on this machine. Generates a ledger key, creates a bare git
// remote and a loopback GitHub API holding one repository with a generated year of history, backfills
// that year and then replays an event stream through the built action (dist/index.js) exactly as the
// Actions runner runs it, verifies the ledger, builds the site and serves it on 127.0.0.1 until Ctrl-C.
//
//   node scripts/demo.ts [--no-serve] [--dir <work dir>]    (default .demo/, emptied first)
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { type ActionRun, runAction } from "../test/helpers/action-runner.ts";
import { createBareRemote, type ProcessResult, runMeritlog } from "../test/helpers/git-remote.ts";
import {
  addCollaborator,
  addIssue,
  addPull,
  addUser,
  type FakeGitHub,
  type FileState,
  prCommit,
  prFile,
  type RepoState,
  repoState,
  startGitHubApi,
} from "../test/helpers/github-api.ts";
import { graphqlService } from "../test/helpers/github-graphql.ts";
import { generateHistory } from "../test/helpers/github-world.ts";
import { removeTempDirs } from "../test/helpers/ledger.ts";
import { serve } from "../test/helpers/site.ts";
import {
  derivedIssueCommentOnPullRequest,
  derivedIssuesClosed,
  derivedPullRequestMerged,
  derivedPullRequestReviewApproved,
  derivedPullRequestReviewChangesRequested,
  issueCommentCreated,
  issuesOpened,
  type Person,
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
} from "../test/helpers/webhooks.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const OWNER = { login: "octo-org", id: 9000 };
const REPO = "widgets";
const ORIGIN = `github.com/${OWNER.login}/${REPO}/meritlog`;

const MAYA = { login: "maya", id: 201 };
const ALICE = { login: "alice", id: 101 };
const BOB = { login: "bob", id: 102 };
const CAROL = { login: "carol", id: 103 };
const DAN = { login: "dan", id: 104 };
const ERIN = { login: "erin", id: 105 };
const FRANK = { login: "frank", id: 106 };
const RITA = { login: "rita", id: 107 };
const DEPENDABOT = { login: "dependabot[bot]", id: 49699333, type: "Bot" as const };
/** The account the published examples come from. */
const CODERTOCAT = { login: "Codertocat", id: 21031067 };

/** What every step shares: the work folder, the key, the remote and the fake GitHub. */
interface Demo {
  readonly work: string;
  readonly remote: string;
  readonly serverUrl: string;
  readonly state: RepoState;
  readonly api: FakeGitHub;
  skey: string;
  vkey: string;
}

const started = performance.now();
function say(text: string): void {
  process.stdout.write(`[${((performance.now() - started) / 1000).toFixed(1).padStart(5)}s] ${text}\n`);
}

/** Runs the built CLI, failing the demo with its output when it fails. */
async function meritlog(args: string[]): Promise<ProcessResult> {
  const run = await runMeritlog(args, { cwd: ROOT, timeoutMs: 600_000 });
  if (run.code !== 0) throw new Error(`meritlog ${args.join(" ")} failed (exit ${run.code}):\n${run.stdout}${run.stderr}`);
  return run;
}

/** Runs the built action on one event, as the runner would, and prints what it recorded. */
async function act(demo: Demo, event: string, payload: object, what: string, inputs: Record<string, string> = {}): Promise<ActionRun> {
  const run = await runAction({
    event,
    payload: useApiUrl(retarget(payload as never, demo.state.repo), demo.api.url),
    apiUrl: demo.api.url,
    serverUrl: demo.serverUrl,
    repository: `${OWNER.login}/${REPO}`,
    inputs: { "signing-key": demo.skey, ...inputs },
  });
  if (run.code !== 0) throw new Error(`the action failed on ${what} (exit ${run.code}):\n${run.stdout}${run.stderr}`);
  const points = Number(run.outputs.points ?? 0);
  const recorded = JSON.parse(run.outputs["entry-ids"] ?? "[]").length as number;
  say(
    `  ${what.padEnd(60)} ${recorded} ${recorded === 1 ? "entry" : "entries"}${points === 0 ? "" : `, ${points > 0 ? "+" : ""}${points} points`}`,
  );
  return run;
}

/** A time in the demo's autumn, `day` days after 1 September 2026, at `hour`. */
function at(day: number, hour = 10): string {
  return new Date(Date.UTC(2026, 8, 1 + day, hour)).toISOString().replace(".000Z", "Z");
}

// ---------------------------------------------------------------------------------------------------
// The steps

/** The year before the live stream: a long tail of contributors, backfilled by the action in one run. */
const HISTORY = { contributors: 300, pulls: 800, months: 12, end: "2026-08-31T00:00:00Z", first: 100, seed: 7 } as const;

async function key(demo: Demo): Promise<void> {
  const run = await meritlog(["keygen", "--origin", ORIGIN, "--out", demo.work]);
  demo.vkey = run.stdout.trim();
  demo.skey = readFileSync(join(demo.work, "meritlog.key"), "utf8").trim();
  say(`  verifier key ${demo.vkey}`);
}

/** The workflow_dispatch backfill reads the generated year through the loopback GraphQL API. */
async function history(demo: Demo): Promise<void> {
  const run = await act(demo, "workflow_dispatch", workflowDispatch(), "workflow_dispatch since 2025-01-01 (backfill)", {
    since: "2025-01-01",
  });
  const counts = /backfill since [^\n]*/.exec(run.summary)?.[0];
  if (counts) say(`  ${counts}`);
}

/** GitHub's published example payloads for every event the action handles, on this repository. */
async function examples(demo: Demo): Promise<void> {
  addUser(demo.state, CODERTOCAT.login, { id: CODERTOCAT.id });
  addIssue(demo.state, 1, ["bug"]);
  addPull(demo.state, {
    number: 2,
    user: CODERTOCAT.login,
    title: "Update the README with new information.",
    labels: ["bug"],
    files: [prFile({ filename: "README.md", additions: 1, deletions: 1 })],
  });
  const events: [string, object][] = [
    ["pull_request_target", pullRequestOpened()],
    ["pull_request_target", pullRequestLabeled()],
    ["pull_request_target", pullRequestSynchronize()],
    ["pull_request_review_comment", pullRequestReviewCommentCreated()],
    ["pull_request_review", pullRequestReviewSubmitted()],
    ["pull_request_review", pullRequestReviewDismissed()],
    ["pull_request_target", pullRequestUnlabeled()],
    ["pull_request_target", pullRequestClosed()],
    ["pull_request_target", pullRequestReopened()],
    ["issues", issuesOpened()],
    ["issue_comment", issueCommentCreated()],
    ["release", releasePublished()],
  ];
  for (const [event, payload] of events) {
    const action = (payload as { action?: string }).action;
    await act(demo, event, payload, `${event} ${action} (published example)`);
  }
}

/**
 * Three months of one repository: pull requests opened, reviewed and merged; labels; maintainer
 * commands; a revert; spam voided by label; a bot; a first-time contributor; a release; the daily run.
 */
async function stream(demo: Demo): Promise<void> {
  const s = demo.state;
  for (const p of [MAYA, ALICE, BOB, CAROL, DAN, ERIN, FRANK, RITA]) addUser(s, p.login, { id: p.id });
  addCollaborator(s, MAYA.login, "maintain");
  addCollaborator(s, BOB.login, "write");
  addUser(s, DEPENDABOT.login, { id: DEPENDABOT.id, type: "Bot" });
  let nextId = 880_000_000;
  /** The pull request, which must exist, and its author as payloads name people. */
  const pullOf = (number: number) => {
    const pull = s.pulls[number];
    if (!pull) throw new Error(`no pull request #${number}`);
    return { pull, author: { login: pull.user, id: s.users[pull.user]?.id ?? 0 } };
  };

  const pr = {
    async open(number: number, author: Person, title: string, files: FileState[], day: number, labels: string[] = []) {
      const commits = [prCommit({ message: title, login: author.login, date: at(day) })];
      addPull(s, { number, user: author.login, title, files, commits, createdAt: at(day), updatedAt: at(day), labels });
      const payload = setSender(setAuthor(setNumber(pullRequestOpened(), number), author), author);
      Object.assign(payload.pull_request, { title, created_at: at(day), updated_at: at(day) });
      setLabels(payload, labels);
      await act(demo, "pull_request_target", payload, `#${number} opened by ${author.login}: ${title}`);
    },
    async review(number: number, reviewer: Person, state: "approved" | "changes_requested" | "commented", day: number) {
      const { author } = pullOf(number);
      const base =
        state === "approved"
          ? derivedPullRequestReviewApproved()
          : state === "changes_requested"
            ? derivedPullRequestReviewChangesRequested()
            : pullRequestReviewSubmitted();
      const payload = setSender(setCommentAuthor(setAuthor(setNumber(base, number), author), reviewer), reviewer);
      Object.assign(payload.review, { id: nextId++, submitted_at: at(day, 14) });
      await act(demo, "pull_request_review", payload, `#${number} ${state.replace("_", " ")} by ${reviewer.login}`);
    },
    async merge(number: number, day: number, by: Person = MAYA) {
      const { pull, author } = pullOf(number);
      Object.assign(pull, {
        state: "closed",
        merged: true,
        mergedAt: at(day, 17),
        closedAt: at(day, 17),
        mergedBy: by.login,
        updatedAt: at(day, 17),
      });
      const payload = setSender(setAuthor(setNumber(derivedPullRequestMerged(), number), author), by);
      Object.assign(payload.pull_request, {
        title: pull.title,
        created_at: pull.createdAt,
        updated_at: at(day, 17),
        closed_at: at(day, 17),
        merged_at: at(day, 17),
      });
      setLabels(payload, s.labels[number] ?? []);
      await act(demo, "pull_request_target", payload, `#${number} merged by ${by.login}`);
    },
    async close(number: number, day: number, by: Person = MAYA) {
      const { pull, author } = pullOf(number);
      Object.assign(pull, { state: "closed", closedAt: at(day, 18), updatedAt: at(day, 18) });
      const payload = setSender(setAuthor(setNumber(pullRequestClosed(), number), author), by);
      Object.assign(payload.pull_request, { title: pull.title, updated_at: at(day, 18), closed_at: at(day, 18) });
      setLabels(payload, s.labels[number] ?? []);
      await act(demo, "pull_request_target", payload, `#${number} closed unmerged by ${by.login}`);
    },
    async label(number: number, label: string, day: number) {
      const labels = [...(s.labels[number] ?? []), label];
      s.labels[number] = labels;
      const { pull, author } = pullOf(number);
      const payload = setSender(
        setChangedLabel(setLabels(setAuthor(setNumber(pullRequestLabeled(), number), author), labels), label),
        MAYA,
      );
      Object.assign(payload.pull_request, { updated_at: at(day, 11), merged: pull.merged, merged_at: pull.mergedAt });
      await act(demo, "pull_request_target", payload, `#${number} labeled '${label}' by maya`);
    },
  };

  async function comment(number: number, who: Person, body: string, day: number) {
    const onPull = s.pulls[number] !== undefined;
    const author = onPull ? pullOf(number).author : issueAuthors.get(number);
    if (!author) throw new Error(`no issue or pull request #${number}`);
    const base = onPull ? derivedIssueCommentOnPullRequest() : issueCommentCreated();
    const payload = setCommentBody(setSender(setCommentAuthor(setAuthor(setNumber(base, number), author), who), who), body);
    Object.assign(payload.comment, { id: nextId++, created_at: at(day, 15), updated_at: at(day, 15) });
    await act(demo, "issue_comment", payload, `#${number} ${who.login}: ${body.length > 40 ? `${body.slice(0, 39)}…` : body}`);
  }

  const issueAuthors = new Map<number, Person>();
  async function issue(number: number, author: Person, title: string, day: number) {
    addIssue(s, number);
    issueAuthors.set(number, author);
    const payload = setSender(setAuthor(setNumber(issuesOpened(), number), author), author);
    Object.assign(payload.issue, { title, created_at: at(day, 9), updated_at: at(day, 9), labels: [] });
    await act(demo, "issues", payload, `issue #${number} opened by ${author.login}: ${title}`);
  }

  async function closeIssue(number: number, by: Person, day: number) {
    const author = issueAuthors.get(number);
    if (!author) throw new Error(`no issue #${number}`);
    const payload = setSender(setAuthor(setNumber(derivedIssuesClosed(), number), author), by);
    Object.assign(payload.issue, { created_at: at(day - 2, 9), closed_at: at(day, 18), updated_at: at(day, 18), labels: [] });
    await act(demo, "issues", payload, `issue #${number} closed by ${by.login}`);
  }

  const code = (name: string, additions: number, deletions = 0) => prFile({ filename: name, additions, deletions });

  // September: a feature, documentation, and a newcomer's first fix.
  await pr.open(10, ALICE, "Add the widget cache", [code("src/cache.ts", 180, 12), code("test/cache.test.ts", 95)], 1);
  await pr.review(10, BOB, "changes_requested", 2);
  await pr.review(10, BOB, "approved", 3);
  await pr.merge(10, 3);
  await pr.open(11, CAROL, "Document the configuration", [code("docs/configuration.md", 140, 20)], 7);
  await pr.label(11, "documentation", 8);
  await pr.merge(11, 9);
  await issue(12, DAN, "Crash without a cache directory", 11);
  await comment(12, ALICE, "Reproduced on main; the cache assumes the folder exists.", 11);
  await pr.open(13, DAN, "Create the cache directory on first use", [code("src/cache.ts", 14, 3), code("test/cache.test.ts", 22)], 13, [
    "good first issue",
  ]);
  await pr.review(13, ALICE, "approved", 14);
  await pr.merge(13, 15);
  await closeIssue(12, DAN, 15);
  await comment(13, MAYA, "/meritlog rate 5", 15);

  // October: a large refactor with a bonus, a feature that is reverted, spam, a bot, a refused command.
  await pr.open(14, BOB, "Split the renderer into modules", [code("src/render/index.ts", 420, 610), code("src/render/layout.ts", 380)], 30);
  await pr.merge(14, 32);
  await comment(14, MAYA, "/meritlog bonus 10 Fixed the flaky CI job along the way", 33);
  await comment(14, RITA, "/meritlog bonus 50 for me too please", 33);
  await pr.open(15, ALICE, "Stream large widgets", [code("src/stream.ts", 260, 40)], 35);
  await pr.merge(15, 36);
  await pr.open(16, MAYA, 'Revert "Stream large widgets"', [code("src/stream.ts", 40, 260)], 38);
  await pr.merge(16, 38, BOB);
  await comment(15, MAYA, "/meritlog void Reverted in #16: it broke rendering on Windows", 38);
  await pr.open(17, FRANK, "Update README.md", [code("README.md", 1)], 41);
  await pr.label(17, "spam", 41);
  await pr.close(17, 41);
  await pr.open(18, DEPENDABOT, "Bump vitest to 5.1.1", [code("package.json", 1, 1), code("package-lock.json", 40, 40)], 44);
  await pr.merge(18, 45);

  // November: a first-time contributor, a review cycle, an issue, a release, and the daily run.
  await pr.open(19, ERIN, "Fix a typo in the error messages", [code("src/errors.ts", 6, 6)], 62);
  await pr.review(19, CAROL, "commented", 63);
  await pr.merge(19, 64);
  await comment(19, ERIN, "/meritlog explain", 64);
  await pr.open(20, CAROL, "Add keyboard navigation", [code("src/keys.ts", 150, 10), code("docs/keys.md", 30)], 66);
  await pr.review(20, ALICE, "approved", 69);
  await pr.merge(20, 69);
  const release = releasePublished();
  setSender(release, MAYA);
  Object.assign(release.release, { id: nextId++, tag_name: "v1.2.0", name: "v1.2.0", published_at: at(73), author: release.sender });
  await act(demo, "release", release, "release v1.2.0 published by maya");
  await act(demo, "workflow_dispatch", workflowDispatch(), "workflow_dispatch: the daily run (badges)");
}

async function verify(demo: Demo): Promise<void> {
  const run = await meritlog(["verify", demo.remote, "--vkey", demo.vkey]);
  say(`  ${(run.stdout + run.stderr).trim().split("\n").join("\n          ")}`);
}

async function site(demo: Demo): Promise<void> {
  await meritlog(["site", demo.remote, "--out", join(demo.work, "site")]);
  say(`  built ${relative(ROOT, join(demo.work, "site")) || "."}`);
}

// ---------------------------------------------------------------------------------------------------

const { values } = parseArgs({ options: { "no-serve": { type: "boolean" }, dir: { type: "string" } } });
const work = resolve(ROOT, values.dir ?? ".demo");

/** Marks a work folder as the demo's, so that emptying it never takes anything else with it. */
const MARKER = ".meritlog-demo";

async function main(): Promise<void> {
  if (existsSync(work) && readdirSync(work).length > 0 && !existsSync(join(work, MARKER))) {
    throw new Error(`${work} holds files that are not the demo's; name an empty or new folder with --dir`);
  }
  say(`work folder ${work} (emptied)`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  writeFileSync(join(work, MARKER), "");
  const server = join(work, "server");
  mkdirSync(join(server, OWNER.login), { recursive: true });
  const remote = createBareRemote(join(server, OWNER.login), `${REPO}.git`);
  say(`bare remote ${relative(ROOT, remote)}`);
  const state = repoState({ owner: OWNER.login, name: REPO, id: 4242, ownerId: OWNER.id, ownerType: "Organization" });
  const generated = generateHistory(state, HISTORY);
  const api = await startGitHubApi(state, { graphql: graphqlService(generated.history) });
  say(`loopback GitHub API on ${api.url}`);
  const demo: Demo = { work, remote, serverUrl: pathToFileURL(server).href, state, api, skey: "", vkey: "" };
  const steps: [string, (d: Demo) => Promise<void>][] = [
    ["key", key],
    [`history: ${HISTORY.pulls} pull requests by ${HISTORY.contributors} contributors over ${HISTORY.months} months`, history],
    ["published examples", examples],
    ["live stream", stream],
    ["verify", verify],
    ["site", site],
  ];
  try {
    for (const [name, step] of steps) {
      say(name);
      await step(demo);
    }
  } finally {
    await api.close();
    removeTempDirs();
  }
  say("done");
  if (values["no-serve"]) return;
  const { url } = await serve(join(work, "site"));
  say(`the site is at ${url} (Ctrl-C stops)`);
}

main().catch((e: unknown) => {
  process.stderr.write(`demo failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
