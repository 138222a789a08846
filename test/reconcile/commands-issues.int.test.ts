/**
 * What a reconcile records besides pull requests, through the built action against the loopback
 * GitHub: a `/meritlog void` whose comment event was lost, issues opened and closed, a release
 * published. Each is compared with the event path in a second world given the same history: the
 * reconcile appends the entries the event would have, with the same ids, and nothing on a second run.
 */
import { afterEach, describe, expect, it } from "vitest";
import { factId } from "../../src/ledger/entry.ts";
import { ALICE, MAINTAINER, READER, World } from "../action/world.ts";
import { addComment, addIssue } from "../helpers/github-api.ts";
import {
  derivedIssueCommentOnPullRequest,
  derivedIssuesClosed,
  issuesOpened,
  pullRequestOpened,
  releasePublished,
  setAuthor,
  setCommentAuthor,
  setCommentBody,
  setNumber,
  setSender,
} from "../helpers/webhooks.ts";

const REPO_ID = 4242;
const SCHEDULE = { schedule: "17 3 * * *" };
/** Within a first reconcile's window (the last 30 days), whenever the test runs: the mark is taken from now. */
const RECENT = new Date(Date.now() - 2 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, "Z");

const worlds: World[] = [];
afterEach(async () => {
  await Promise.all(worlds.splice(0).map((w) => w.close()));
});

async function newWorld(): Promise<World> {
  const w = await World.create();
  worlds.push(w);
  return w;
}

async function ok(run: Promise<{ code: number | null; stdout: string }>): Promise<void> {
  const r = await run;
  expect(r.code, r.stdout).toBe(0);
}

/** Pull request #7 by alice, opened and merged, both recorded by the event path; then `who` comments `body` on it. */
async function votedWorld(who: { login: string; id: number }, body: string) {
  const w = await newWorld();
  const merged = w.mergedPullRequest(7);
  await ok(w.run("pull_request_target", w.payload(setAuthor(setNumber(pullRequestOpened(), 7), ALICE))));
  await ok(w.run("pull_request_target", merged));
  const pull = w.state.pulls[7];
  if (!pull) throw new Error("no pull request 7");
  pull.updatedAt = RECENT;
  const comment = addComment(w.state, 7, who.login, body);
  comment.createdAt = RECENT;
  const payload = w.payload(
    setCommentBody(setCommentAuthor(setAuthor(setNumber(derivedIssueCommentOnPullRequest(), 7), ALICE), who), body),
  );
  Object.assign(payload.comment, { id: comment.id, created_at: RECENT });
  return { w, payload };
}

const decided = (e: { kind: string }) => e.kind === "command" || e.kind === "reversal";

describe("a reconcile records what the event path lost", () => {
  it("a maintainer's `/meritlog void` whose event was lost: the same entries as the event path's, and nothing on a second run", async () => {
    const live = await votedWorld(MAINTAINER, "/meritlog void Spam");
    await ok(live.w.run("issue_comment", live.payload));
    const byEvent = (await live.w.entries()).filter(decided).map((e) => e.id);
    expect(byEvent).toContain(factId(`void:${REPO_ID}:7`));
    expect(byEvent.length).toBeGreaterThan(1);
    // A reconcile after the event path appends no decision of its own.
    await ok(live.w.run("schedule", SCHEDULE));
    expect((await live.w.entries()).filter(decided).map((e) => e.id)).toEqual(byEvent);

    const lost = await votedWorld(MAINTAINER, "/meritlog void Spam");
    const first = await lost.w.run("schedule", SCHEDULE);
    expect(first.code, first.stdout).toBe(0);
    const recorded = await lost.w.entries();
    expect(new Set(recorded.filter(decided).map((e) => e.id))).toEqual(new Set(byEvent));
    expect(recorded.filter((e) => e.subject.number === 7).reduce((a, e) => a + e.points, 0)).toBe(0);
    expect(recorded.find((e) => e.id === factId(`void:${REPO_ID}:7`))).toMatchObject({ reason: "Spam", by: { login: "maya" } });
    // The commenter's role was asked once, as the event path asks it.
    expect(lost.w.requestsSince(0).filter((r) => r.endsWith("/collaborators/maya/permission"))).toHaveLength(1);

    const second = await lost.w.run("schedule", SCHEDULE);
    expect(second.code, second.stdout).toBe(0);
    expect(second.summary).toMatch(/reconcile: \d+ pull requests read, 0 entries appended/);
    expect((await lost.w.entries()).length).toBe(recorded.length);
  });

  it("a void by someone without the permission is not recorded", async () => {
    const { w } = await votedWorld(READER, "/meritlog void I do not like it");
    const before = (await w.entries()).length;
    await ok(w.run("schedule", SCHEDULE));
    const after = await w.entries();
    expect(after.filter(decided)).toEqual([]);
    expect(after.some((e) => e.id === factId(`void:${REPO_ID}:7`))).toBe(false);
    // What the reconcile added is the opened pull request's history, not a decision.
    expect(after.length).toBeGreaterThanOrEqual(before);
    expect(w.requestsSince(0).filter((r) => r.endsWith("/collaborators/rita/permission"))).toHaveLength(1);
  });

  it("issues opened and closed and a release published: the same ids as their events give", async () => {
    const opened = setAuthor(setNumber(issuesOpened(), 31), ALICE);
    const closed = setSender(setAuthor(setNumber(derivedIssuesClosed("completed"), 31), ALICE), MAINTAINER);
    const release = releasePublished();
    const author = { login: MAINTAINER.login, id: MAINTAINER.id, type: "User" };
    Object.assign(release.release, { author: { ...release.release.author, ...author }, published_at: RECENT });

    /** The world's GitHub holds the issue and the release; GraphQL serves them as the events described them. */
    const seeded = async () => {
      const w = await newWorld();
      addIssue(w.state, 31);
      w.api.graphql.history.issues[31] = {
        user: ALICE.login,
        createdAt: opened.issue.created_at,
        updatedAt: RECENT,
        closedAt: closed.issue.closed_at,
        stateReason: "COMPLETED",
        closedBy: MAINTAINER.login,
      };
      w.api.graphql.history.releases.push({
        id: release.release.id,
        tag: release.release.tag_name,
        user: MAINTAINER.login,
        createdAt: RECENT,
        publishedAt: RECENT,
      });
      return w;
    };
    const about = (e: { subject: { type: string } }) => e.subject.type === "issue" || e.subject.type === "release";

    const live = await seeded();
    await ok(live.run("issues", live.payload(opened)));
    await ok(live.run("issues", live.payload(closed)));
    await ok(live.run("release", live.payload(release)));
    const byEvent = (await live.entries()).filter(about).map((e) => e.id);
    expect(byEvent).toEqual(
      expect.arrayContaining([
        factId(`issue_opened:${REPO_ID}:31`),
        factId(`issue_closed:${REPO_ID}:31:closer`),
        factId(`release:${REPO_ID}:${release.release.id}`),
      ]),
    );
    await ok(live.run("schedule", SCHEDULE));
    expect((await live.entries()).filter(about).map((e) => e.id)).toEqual(byEvent);

    const lost = await seeded();
    await ok(lost.run("schedule", SCHEDULE));
    const recorded = (await lost.entries()).filter(about);
    expect(new Set(recorded.map((e) => e.id))).toEqual(new Set(byEvent));
    const size = (await lost.entries()).length;
    await ok(lost.run("schedule", SCHEDULE));
    expect((await lost.entries()).length).toBe(size);
  });
});
