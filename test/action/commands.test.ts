/**
 * Maintainer controls through the built action: `/meritlog` comment commands, checked against the
 * commenter's permission as the API reports it, and labels mapped in the configuration.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { factId } from "../../src/ledger/entry.ts";
import { addIssue, addPull } from "../helpers/github-api.ts";
import {
  derivedIssueCommentOnPullRequest,
  issueCommentCreated,
  pullRequestLabeled,
  pullRequestUnlabeled,
  setAuthor,
  setChangedLabel,
  setCommentAuthor,
  setCommentBody,
  setLabels,
  setNumber,
  setSender,
} from "../helpers/webhooks.ts";
import { ALICE, BOB, eachTestInANewWorld, MAINTAINER, READER, type World } from "./world.ts";

const REPO_ID = 4242;
const world = eachTestInANewWorld();
let w: World;
beforeEach(() => {
  w = world();
});

/** Records merged pull request #7 by alice, then returns a comment on it by `who` saying `body`. */
async function onMergedPr(who: { login: string; id: number }, body: string) {
  const merged = await w.run("pull_request_target", w.mergedPullRequest());
  expect(merged.code, merged.stdout).toBe(0);
  return comment(who, body);
}

function comment(who: { login: string; id: number }, body: string, number = 7) {
  return w.payload(setCommentBody(setCommentAuthor(setAuthor(setNumber(derivedIssueCommentOnPullRequest(), number), ALICE), who), body));
}

function replies(number = 7): string[] {
  return (w.state.comments[number] ?? []).map((c) => c.body).filter((b) => b.startsWith("<!-- meritlog:reply -->"));
}

describe("commands", () => {
  it("a maintainer's bonus is recorded naming who ordered it and why", async () => {
    const run = await w.run("issue_comment", await onMergedPr(MAINTAINER, "/meritlog bonus 12.5 Fixed the flaky build too"));
    expect(run.code, run.stdout).toBe(0);
    const bonus = (await w.entries()).find((e) => e.kind === "bonus");
    expect(bonus).toMatchObject({
      points: 12_500,
      reason: "Fixed the flaky build too",
      by: { login: "maya", id: MAINTAINER.id },
      actor: { login: "alice" },
    });
    expect(replies().at(-1)).toMatch(/Recorded: bonus of 12\\\.5 points/);
    expect(w.api.requests.some((r) => r.path.includes("/collaborators/maya/permission"))).toBe(true);
  });

  it("a penalty subtracts", async () => {
    const run = await w.run("issue_comment", await onMergedPr(MAINTAINER, "/meritlog penalty 3 Copied code without attribution"));
    expect(run.code, run.stdout).toBe(0);
    expect((await w.entries()).find((e) => e.kind === "penalty")?.points).toBe(-3000);
  });

  it("an unauthorised command gets a reply saying why and changes nothing", async () => {
    const payload = await onMergedPr(READER, "/meritlog bonus 10 please");
    const before = w.snapshot();
    const run = await w.run("issue_comment", payload);
    expect(run.code, run.stdout).toBe(0);
    expect(w.snapshot()).toEqual(before);
    expect(replies().at(-1)).toMatch(/rita has (read|none) permission .* needs maintain or higher/);
  });

  it("a write collaborator is not enough by default; the configured permission is", async () => {
    const payload = await onMergedPr(BOB, "/meritlog bonus 10 Great work");
    const refused = await w.run("issue_comment", payload);
    expect(refused.code).toBe(0);
    expect(replies().at(-1)).toMatch(/bob has write permission/);
    w.config = "commands:\n  permission: write\n";
    const allowed = await w.run("issue_comment", payload);
    expect(allowed.code, allowed.stdout).toBe(0);
    expect((await w.entries()).some((e) => e.kind === "bonus" && e.by?.login === "bob")).toBe(true);
  });

  it("no one awards or rates their own work", async () => {
    addPull(w.state, { number: 8, user: MAINTAINER.login });
    for (const body of ["/meritlog bonus 5 mine", "/meritlog rate 5"]) {
      const payload = w.payload(
        setCommentBody(setCommentAuthor(setAuthor(setNumber(derivedIssueCommentOnPullRequest(), 8), MAINTAINER), MAINTAINER), body),
      );
      const before = w.snapshot();
      const run = await w.run("issue_comment", payload);
      expect(run.code).toBe(0);
      expect(w.snapshot()).toEqual(before);
      expect(replies(8).at(-1)).toMatch(/no one (awards|rates) their own work/);
    }
  });

  it("a malformed command gets a reply with the usage and changes nothing", async () => {
    const payload = await onMergedPr(MAINTAINER, "/meritlog bonus lots");
    const before = w.snapshot();
    const run = await w.run("issue_comment", payload);
    expect(run.code).toBe(0);
    expect(w.snapshot()).toEqual(before);
    expect(replies().at(-1)).toMatch(/&#39;lots&#39; is not a number of points/);
  });

  it("void reverses every award of the pull request, once", async () => {
    const payload = await onMergedPr(MAINTAINER, "/meritlog void Spam");
    const run = await w.run("issue_comment", payload);
    expect(run.code, run.stdout).toBe(0);
    const entries = await w.entries();
    const awarded = entries.filter((e) => e.kind === "award" && e.points !== 0);
    const reversed = entries.filter((e) => e.kind === "reversal");
    expect(reversed.map((r) => r.ref).sort()).toEqual(awarded.map((a) => a.id).sort());
    expect(entries.reduce((a, e) => a + (e.subject.number === 7 ? e.points : 0), 0)).toBe(0);
    const again = await w.run("issue_comment", comment(MAINTAINER, "/meritlog void Spam again"));
    expect(again.code).toBe(0);
    expect(replies().at(-1)).toMatch(/already void/);
  });

  it("rate after the merge adjusts the merge award by the rating's multiplier", async () => {
    const run = await w.run("issue_comment", await onMergedPr(MAINTAINER, "/meritlog rate 5"));
    expect(run.code, run.stdout).toBe(0);
    const entries = await w.entries();
    const award = entries.find((e) => e.id === factId(`pr_merged:${REPO_ID}:7`));
    const adjustment = entries.find((e) => e.ref === award?.id && e.kind === "bonus");
    // Rated 5 multiplies by 1.5 by default.
    expect(adjustment?.points).toBe(Math.trunc((award?.points ?? 0) / 2));
    expect(entries.find((e) => e.kind === "command" && e.inputs?.command === "rate")?.inputs).toMatchObject({
      rating: 5,
      author_login: "alice",
    });
  });

  it("explain replies with the entries behind the points, escaped", async () => {
    const run = await w.run("issue_comment", await onMergedPr(BOB, "/meritlog explain"));
    expect(run.code, run.stdout).toBe(0);
    expect(replies().at(-1)).toMatch(/pr\\\.merged/);
  });

  it("link is confirmed by both accounts", async () => {
    addPull(w.state, { number: 4, user: ALICE.login });
    await w.run("issue_comment", comment(ALICE, "/meritlog link @bob", 4));
    let links = (await w.entries()).filter((e) => e.inputs?.command === "link");
    expect(links.map((l) => l.inputs?.confirmed)).toEqual([false]);
    await w.run("issue_comment", comment(BOB, "/meritlog link @alice", 4));
    links = (await w.entries()).filter((e) => e.inputs?.command === "link");
    expect(links.map((l) => l.inputs?.confirmed)).toEqual([false, false, true]);
  });

  it("a reply quotes what was typed inert: no image, link or mention", async () => {
    const payload = await onMergedPr(READER, "/meritlog ![x](https://evil.example/p.png) @acme/security-team");
    const run = await w.run("issue_comment", payload);
    expect(run.code, run.stdout).toBe(0);
    const answer = replies().at(-1) ?? "";
    expect(answer).not.toContain("![x](");
    expect(answer).not.toMatch(/@acme/);
  });

  it("a link to an account that does not exist gets a reply, not a failure", async () => {
    addPull(w.state, { number: 4, user: ALICE.login });
    const run = await w.run("issue_comment", comment(ALICE, "/meritlog link @no-such-person", 4));
    expect(run.code, run.stdout).toBe(0);
    expect(replies(4).at(-1)).toMatch(/there is no GitHub account &#39;no\\-such\\-person&#39;/);
  });

  it("after a void, labels and ratings change nothing", async () => {
    await w.run("issue_comment", await onMergedPr(MAINTAINER, "/meritlog void Spam"));
    const before = (await w.entries()).length;
    const labeled = setSender(
      setChangedLabel(setLabels(setAuthor(setNumber(pullRequestLabeled(), 7), ALICE), ["documentation"]), "documentation"),
      MAINTAINER,
    );
    await w.run("pull_request_target", w.payload(labeled));
    await w.run("issue_comment", comment(MAINTAINER, "/meritlog rate 5"));
    const entries = await w.entries();
    expect(entries.slice(before).filter((e) => e.points !== 0)).toEqual([]);
    expect(entries.filter((e) => e.subject.number === 7).reduce((a, e) => a + e.points, 0)).toBe(0);
  });

  it("optout and optin are the contributor's own", async () => {
    addIssue(w.state, 1);
    const payload = w.payload(setCommentBody(setCommentAuthor(issueCommentCreated(), READER), "/meritlog optout"));
    const run = await w.run("issue_comment", payload);
    expect(run.code, run.stdout).toBe(0);
    expect((await w.entries()).find((e) => e.inputs?.command === "optout")?.actor.login).toBe("rita");
  });

  it("a reason with markup, HTML and mentions is shown inert", async () => {
    const run = await w.run(
      "issue_comment",
      await onMergedPr(MAINTAINER, "/meritlog bonus 1 <img src=x onerror=alert(1)> @everyone [x](javascript:alert(1))"),
    );
    expect(run.code, run.stdout).toBe(0);
    const sticky = (w.state.comments[7] ?? []).find((c) => c.body.startsWith("<!-- meritlog:summary -->"))?.body ?? "";
    expect(sticky).toContain("&lt;img src=x onerror=alert\\(1\\)&gt;");
    expect(sticky).not.toMatch(/<img/);
    expect(sticky).not.toMatch(/@everyone/);
    expect(sticky).not.toContain("](javascript");
  });
});

describe("labels", () => {
  it("a label added after the merge adds exactly its difference; removing it takes it back", async () => {
    await onMergedPr(MAINTAINER, "");
    const labeled = setSender(
      setChangedLabel(setLabels(setAuthor(setNumber(pullRequestLabeled(), 7), ALICE), ["documentation"]), "documentation"),
      MAINTAINER,
    );
    const run = await w.run("pull_request_target", w.payload(labeled));
    expect(run.code, run.stdout).toBe(0);
    let entries = await w.entries();
    const award = entries.find((e) => e.id === factId(`pr_merged:${REPO_ID}:7`));
    const bonus = entries.find((e) => e.kind === "bonus" && e.ref === award?.id);
    // documentation ×1.2 by default.
    expect(bonus?.points).toBe(Math.trunc((award?.points ?? 0) * 0.2));
    expect(bonus?.by?.login).toBe("maya");

    const unlabeled = setSender(
      setChangedLabel(setLabels(setAuthor(setNumber(pullRequestUnlabeled(), 7), ALICE), []), "documentation"),
      MAINTAINER,
    );
    unlabeled.pull_request.updated_at = "2026-11-03T10:00:00Z";
    const undo = await w.run("pull_request_target", w.payload(unlabeled));
    expect(undo.code, undo.stdout).toBe(0);
    entries = await w.entries();
    expect(entries.find((e) => e.kind === "penalty" && e.ref === award?.id)?.points).toBe(-(bonus?.points ?? 0));
  });

  it("a void label reverses the awards", async () => {
    await onMergedPr(MAINTAINER, "");
    const labeled = setSender(
      setChangedLabel(setLabels(setAuthor(setNumber(pullRequestLabeled(), 7), ALICE), ["spam"]), "spam"),
      MAINTAINER,
    );
    const run = await w.run("pull_request_target", w.payload(labeled));
    expect(run.code, run.stdout).toBe(0);
    const entries = await w.entries();
    const award = entries.find((e) => e.id === factId(`pr_merged:${REPO_ID}:7`));
    expect(entries.find((e) => e.ref === award?.id)).toMatchObject({ kind: "reversal", points: -(award?.points ?? 0) });
  });

  it("a label without a rule records nothing", async () => {
    await onMergedPr(MAINTAINER, "");
    const before = w.snapshot();
    const labeled = setChangedLabel(setLabels(setAuthor(setNumber(pullRequestLabeled(), 7), ALICE), ["needs-triage"]), "needs-triage");
    const run = await w.run("pull_request_target", w.payload(labeled));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/has no scoring rule/);
    expect(w.snapshot()).toEqual(before);
  });
});
