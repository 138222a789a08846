/**
 * The built action, run as the runner runs it, on the published example payloads (and ones derived
 * from them), against the loopback GitHub API and a real bare git remote.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { factId } from "../../src/ledger/entry.ts";
import { startGitHttpServer } from "../helpers/git-remote.ts";
import { addPull, prCommit, prFile } from "../helpers/github-api.ts";
import {
  derivedIssueCommentOnPullRequest,
  derivedIssuesClosed,
  derivedPullRequestOpenedFromFork,
  derivedPullRequestReviewApproved,
  FORK,
  issueCommentCreated,
  issuesOpened,
  moveHeadToFork,
  pullRequestClosed,
  pullRequestOpened,
  pullRequestReopened,
  pullRequestReviewCommentCreated,
  pullRequestReviewDismissed,
  pullRequestSynchronize,
  releasePublished,
  setAuthor,
  setCommentAuthor,
  setCommentBody,
  setNumber,
  setSender,
  workflowDispatch,
} from "../helpers/webhooks.ts";
import { ALICE, BOB, eachTestInANewWorld, type World } from "./world.ts";

const REPO_ID = 4242;
const world = eachTestInANewWorld();
let w: World;
beforeEach(() => {
  w = world();
});

/** A merged pull request #7 by alice with two files and two commits (one co-authored by bob). */
function mergedPr() {
  return w.mergedPullRequest(
    7,
    [
      prFile({ filename: "src/app.ts", additions: 120, deletions: 30 }),
      prFile({ filename: "package-lock.json", additions: 900, deletions: 0 }),
    ],
    [
      prCommit({ message: "Add the widget", login: ALICE.login }),
      prCommit({ message: `Test the widget\n\nCo-authored-by: Bob <${BOB.id}+${BOB.login}@users.noreply.github.com>`, login: ALICE.login }),
      // A trailer naming an id that is not bob's: GitHub does not confirm it, so no one is credited for it.
      prCommit({ message: `Tidy\n\nCo-authored-by: Eve <999999+${BOB.login}@users.noreply.github.com>`, login: ALICE.login }),
    ],
  );
}

describe("pull requests", () => {
  it("records a merged pull request with its files and co-authors, and comments once", async () => {
    const before = w.api.requests.length;
    const run = await w.run("pull_request_target", mergedPr());
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const entries = await w.entries();
    const merged = entries.find((e) => e.id === factId(`pr_merged:${REPO_ID}:7`));
    expect(merged?.kind).toBe("award");
    expect(merged?.actor.login).toBe("alice");
    // The lock file is excluded by default: 120 added, 30 deleted count.
    expect(merged?.breakdown.find((b) => b.rule === "pr.lines")?.note).toBe("120 added, 30 deleted");
    const credited = entries.filter((e) => e.inputs?.family === "commits").map((e) => [e.actor.login, e.inputs?.commits]);
    expect(credited.sort()).toEqual([
      ["alice", 3],
      ["bob", 1],
    ]);
    expect(entries.some((e) => e.kind === "state" && e.inputs?.state === "merged")).toBe(true);

    expect(run.outputs.recorded).toBe("true");
    expect(JSON.parse(run.outputs["entry-ids"] ?? "[]")).toEqual(entries.map((e) => e.id));
    expect(Number(run.outputs["checkpoint-size"])).toBe(entries.length);
    expect(run.outputs.points).toBe(String(entries.reduce((a, e) => a + e.points, 0) / 1000));

    const comments = w.state.comments[7] ?? [];
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain("<!-- meritlog:summary -->");
    expect(comments[0]?.body).toContain(merged?.id.slice(0, 12));
    expect(comments[0]?.body).toContain(`root \`${run.outputs["checkpoint-root"]}\``);
    // Files, commits, the co-author's check, the comment list and the new comment: within the budget of 6.
    const requests = w.requestsSince(before);
    expect(requests.length).toBeLessThanOrEqual(6);
    expect(run.summary).toContain("| alice |".replace("alice", "[alice](https://octo-org.github.io/widgets/u/alice/)"));
  });

  it("updates its comment in place on the next event instead of adding another", async () => {
    await w.run("pull_request_target", mergedPr());
    const review = w.payload(setCommentAuthor(setAuthor(setNumber(derivedPullRequestReviewApproved(), 7), ALICE), BOB));
    const run = await w.run("pull_request_review", review);
    expect(run.code, run.stdout).toBe(0);
    const comments = w.state.comments[7] ?? [];
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain("review");
    expect(comments[0]?.body).toMatch(/bob/);
    const entries = await w.entries();
    expect(entries.find((e) => e.inputs?.family === "review")?.actor.login).toBe("bob");
  });

  it("pushes over HTTPS-style git with the token in a header, never in a URL or the log", async () => {
    const git = await startGitHttpServer(w.root, "ghs_test-token");
    try {
      w.serverUrl = git.origin;
      const run = await w.run("pull_request_target", mergedPr());
      expect(run.code, run.stdout + run.stderr).toBe(0);
      expect(run.outputs.recorded).toBe("true");
      expect(git.requests.some((r) => r.target.includes("git-receive-pack"))).toBe(true);
      expect(git.requests.every((r) => !r.target.includes("ghs_test-token"))).toBe(true);
      expect(`${run.stdout}${run.stderr}`.replace(/::add-mask::.*\n/, "")).not.toContain("ghs_test-token");
      expect((await w.entries()).length).toBeGreaterThan(0);
    } finally {
      await git.close();
    }
  });

  it("replaying an event appends nothing and leaves the branch as it was", async () => {
    const payload = mergedPr();
    await w.run("pull_request_target", payload);
    const snapshot = w.snapshot();
    const again = await w.run("pull_request_target", payload);
    expect(again.code).toBe(0);
    expect(again.outputs.recorded).toBe("false");
    expect(again.outputs["entry-ids"]).toBe("[]");
    expect(w.snapshot().refs).toBe(snapshot.refs);
  });

  it("records opened, reopened and closed pull requests; synchronize records nothing", async () => {
    addPull(w.state, { number: 1, user: ALICE.login });
    const opened = await w.run("pull_request", w.payload(setAuthor(setNumber(pullRequestOpened(), 1), ALICE)));
    expect(opened.code, opened.stdout).toBe(0);
    const afterOpen = await w.entries();
    expect(afterOpen.map((e) => e.kind).sort()).toEqual(["award", "state"]);
    const reopened = await w.run("pull_request", w.payload(setAuthor(setNumber(pullRequestReopened(), 1), ALICE)));
    expect(reopened.code).toBe(0);
    const sync = await w.run("pull_request", w.payload(setAuthor(setNumber(pullRequestSynchronize(), 1), ALICE)));
    expect(sync.code).toBe(0);
    expect((await w.entries()).length).toBe(afterOpen.length);
    const closed = await w.run("pull_request", w.payload(setAuthor(setNumber(pullRequestClosed(), 1), ALICE)));
    expect(closed.code).toBe(0);
    const last = (await w.entries()).at(-1);
    expect([last?.kind, last?.inputs?.state]).toEqual(["state", "closed"]);
  });

  it("welcomes a first-time contributor in the comment", async () => {
    addPull(w.state, { number: 3, user: ALICE.login });
    const payload = setAuthor(setNumber(pullRequestOpened(), 3), ALICE);
    payload.pull_request.author_association = "FIRST_TIME_CONTRIBUTOR";
    const run = await w.run("pull_request_target", w.payload(payload));
    expect(run.code, run.stdout).toBe(0);
    expect(w.state.comments[3]?.[0]?.body).toMatch(/Welcome, alice/);
  });

  it("a fork's pull request under pull_request is scored in the summary, not written, and does not fail", async () => {
    addPull(w.state, { number: 5, user: ALICE.login });
    const before = w.snapshot();
    const payload = w.payload(setAuthor(setNumber(derivedPullRequestOpenedFromFork(), 5), ALICE));
    const run = await w.run("pull_request", payload, { inputs: { "signing-key": "" } });
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs.recorded).toBe("false");
    expect(run.summary).toMatch(/from a fork/);
    expect(run.summary).toMatch(/pr opened/);
    expect(w.snapshot()).toEqual(before);
    expect(w.state.comments[5] ?? []).toHaveLength(0);
  });

  it("a review of a fork's pull request under pull_request_review is reported, not written, and does not fail", async () => {
    addPull(w.state, { number: 5, user: ALICE.login });
    const before = w.snapshot();
    const review = moveHeadToFork(setCommentAuthor(setAuthor(setNumber(derivedPullRequestReviewApproved(), 5), ALICE), BOB), FORK);
    const run = await w.run("pull_request_review", w.payload(review), { inputs: { "signing-key": "" } });
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs.recorded).toBe("false");
    expect(run.summary).toMatch(/review/);
    expect(w.snapshot()).toEqual(before);
  });

  it("a dry run computes and records nothing", async () => {
    const before = w.snapshot();
    const run = await w.run("pull_request_target", mergedPr(), { inputs: { "dry-run": "on" } });
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs.recorded).toBe("false");
    expect(Number(run.outputs.points)).toBeGreaterThan(0);
    expect(w.snapshot()).toEqual(before);
  });

  it("applies the size label the size rule's line count gives, when the configuration asks", async () => {
    w.config = "size_labels: true\n";
    addPull(w.state, { number: 9, user: ALICE.login, files: [prFile({ filename: "src/big.ts", additions: 600, deletions: 10 })] });
    const run = await w.run("pull_request_target", w.payload(setAuthor(setNumber(pullRequestOpened(), 9), ALICE)));
    expect(run.code, run.stdout).toBe(0);
    expect(w.state.labels[9]).toContain("size/L");
  });
});

describe("reviews, comments, issues, releases", () => {
  it("records each published event", async () => {
    addPull(w.state, { number: 1, user: ALICE.login });
    const cases: [string, object, string][] = [
      ["pull_request_review", setCommentAuthor(setAuthor(setNumber(derivedPullRequestReviewApproved(), 1), ALICE), BOB), "review"],
      [
        "pull_request_review_comment",
        setCommentAuthor(setAuthor(setNumber(pullRequestReviewCommentCreated(), 1), ALICE), BOB),
        "review_comment",
      ],
      ["issue_comment", setCommentAuthor(issueCommentCreated(), BOB), "comment"],
      ["issues", setAuthor(issuesOpened(), ALICE), "issue_opened"],
      ["issues", setSender(setAuthor(derivedIssuesClosed(), ALICE), BOB), "issue_closed"],
      ["release", releasePublished(), "release"],
    ];
    for (const [event, payload, family] of cases) {
      const run = await w.run(event, w.payload(payload));
      expect(run.code, `${event}: ${run.stdout}`).toBe(0);
      const entries = await w.entries();
      expect(
        entries.some((e) => e.inputs?.family === family),
        family,
      ).toBe(true);
    }
  });

  it("a dismissed review's award is reversed", async () => {
    addPull(w.state, { number: 1, user: ALICE.login });
    const submitted = setCommentAuthor(setAuthor(setNumber(derivedPullRequestReviewApproved(), 1), ALICE), BOB);
    await w.run("pull_request_review", w.payload(submitted));
    const dismissed = setCommentAuthor(setAuthor(setNumber(pullRequestReviewDismissed(), 1), ALICE), BOB);
    dismissed.review.id = submitted.review.id;
    const run = await w.run("pull_request_review", w.payload(dismissed));
    expect(run.code, run.stdout).toBe(0);
    const entries = await w.entries();
    const award = entries.find((e) => e.inputs?.family === "review");
    const reversal = entries.find((e) => e.kind === "reversal");
    expect(reversal?.ref).toBe(award?.id);
    expect(reversal?.points).toBe(-(award?.points ?? 0));
  });

  it("events and actions it does not record are a clear no-op", async () => {
    const before = w.snapshot();
    const edited = issuesOpened() as unknown as { action: string };
    edited.action = "edited";
    for (const [event, payload] of [
      ["issues", edited],
      ["watch", { action: "started", repository: issuesOpened().repository }],
    ] as const) {
      const run = await w.run(event, w.payload(payload as object));
      expect(run.code, run.stdout).toBe(0);
      expect(run.stdout).toMatch(/records nothing/);
    }
    expect(w.snapshot()).toEqual(before);
  });
});

describe("the scheduled run", () => {
  it("awards the badges the record earns, once, and the pull request comment shows them", async () => {
    await w.run("pull_request_target", mergedPr());
    const schedule = { schedule: "17 3 * * *", workflow: ".github/workflows/meritlog.yml" };
    const run = await w.run("schedule", schedule);
    expect(run.code, run.stdout).toBe(0);
    const badges = (await w.entries()).filter((e) => e.kind === "badge").map((e) => [e.actor.login, (e as { badge?: string }).badge]);
    expect(badges).toContainEqual(["alice", "first-pr"]);
    expect(badges.every(([login]) => login === "alice" || login === "bob")).toBe(true);

    const snapshot = w.snapshot();
    const again = await w.run("schedule", schedule);
    expect(again.code).toBe(0);
    expect(w.snapshot().refs).toBe(snapshot.refs);

    const review = w.payload(setCommentAuthor(setAuthor(setNumber(derivedPullRequestReviewApproved(), 7), ALICE), BOB));
    await w.run("pull_request_review", review);
    expect(w.state.comments[7]?.[0]?.body).toMatch(/Badges: .*alice.*\*\*First merged pull request\*\*/);
  });

  it("a manual run (workflow_dispatch) does the scheduled work now", async () => {
    await w.run("pull_request_target", mergedPr());
    const run = await w.run("workflow_dispatch", w.payload(workflowDispatch()));
    expect(run.code, run.stdout).toBe(0);
    expect((await w.entries()).some((e) => e.kind === "badge")).toBe(true);
  });

  it("with no ledger yet, there is nothing to do", async () => {
    const run = await w.run("schedule", { schedule: "17 3 * * *" });
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toMatch(/no ledger yet/);
  });
});

describe("comment on a pull request", () => {
  it("a plain comment on a pull request scores as a comment", async () => {
    addPull(w.state, { number: 2, user: ALICE.login });
    const payload = setCommentBody(setCommentAuthor(setNumber(derivedIssueCommentOnPullRequest(), 2), BOB), "Looks good to me");
    const run = await w.run("issue_comment", w.payload(payload));
    expect(run.code, run.stdout).toBe(0);
    const entry = (await w.entries()).find((e) => e.inputs?.family === "comment");
    expect(entry?.actor.login).toBe("bob");
  });
});
