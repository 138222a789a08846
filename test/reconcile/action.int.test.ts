/**
 * The built action on `schedule` and `workflow_dispatch` against the loopback GitHub with a generated
 * history: a fork's pull request the event path could not record is recorded by the backfill; a
 * rate limit mid-backfill stops the run cleanly and the next run completes it with no duplicates; a
 * reconcile after that, and after the event path, appends nothing.
 */
import { describe, expect, it } from "vitest";
import { factId } from "../../src/ledger/entry.ts";
import { eachTestInANewWorld, MAINTAINER } from "../action/world.ts";
import { gitSync } from "../helpers/git-remote.ts";
import { hourLongRateLimit } from "../helpers/github-api.ts";
import { type GeneratedHistory, generateHistory } from "../helpers/github-world.ts";
import {
  derivedPullRequestMerged,
  derivedPullRequestOpenedFromFork,
  setAuthor,
  setLabels,
  setNumber,
  setSender,
  workflowDispatch,
} from "../helpers/webhooks.ts";

const world = eachTestInANewWorld();

function seed(pulls: number): GeneratedHistory {
  const w = world();
  const generated = generateHistory(w.state, { contributors: 30, pulls, seed: 3 });
  Object.assign(w.api.graphql.history, generated.history);
  return generated;
}

function authorOf(number: number) {
  const login = world().state.pulls[number]?.user as string;
  return { login, id: world().state.users[login]?.id as number, type: "User" as const };
}

function syncState(): { reconciled?: string; backfill?: { done: boolean; cursor?: string; pulls: number } } {
  return JSON.parse(gitSync(world().remote, ["show", "meritlog:sync/4242.json"]));
}

describe("backfill and reconcile, as the action runs them", () => {
  it("backfills through a rate limit in two runs, records the fork's pull request, and a reconcile then appends nothing", async () => {
    const w = world();
    const { notable } = seed(160);
    // The event path records one merge as it happens.
    const merged = 12;
    w.state.labels[merged] = [];
    const pull = w.state.pulls[merged];
    const event = w.payload(
      setLabels(setSender(setAuthor(setNumber(derivedPullRequestMerged(), merged), authorOf(merged)), MAINTAINER), []),
    );
    Object.assign(event.pull_request, { merged_at: pull?.mergedAt, closed_at: pull?.closedAt, created_at: pull?.createdAt });
    expect((await w.run("pull_request_target", event)).outputs.recorded).toBe("true");
    // A fork's pull request under `pull_request` runs without the secret and records nothing.
    const fork = w.payload(setNumber(setAuthor(derivedPullRequestOpenedFromFork(), authorOf(notable.fork)), notable.fork));
    const forkRun = await w.run("pull_request", fork, { inputs: { "signing-key": "" } });
    expect(forkRun.outputs.recorded).toBe("false");

    w.api.graphql.failAfter = { after: 3, fault: hourLongRateLimit };
    const dispatch = w.payload(workflowDispatch());
    const first = await w.run("workflow_dispatch", dispatch, { inputs: { since: "2020-01-01" } });
    expect(first.errors).toEqual([]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/::warning::.*stopped early/);
    expect(first.summary).toMatch(/backfill since 2020-01-01: \d+ pull requests read, \d+ entries appended/);
    const stopped = syncState();
    expect(stopped.backfill?.done).toBe(false);
    expect(stopped.backfill?.cursor).toBeTruthy();
    const partial = await w.entries();
    expect(partial.length).toBeGreaterThan(0);

    const second = await w.run("workflow_dispatch", dispatch, { inputs: { since: "2020-01-01" } });
    expect(second.code).toBe(0);
    expect(syncState().backfill).toMatchObject({ done: true, pulls: 160 });
    const all = await w.entries();
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
    const ids = new Set(all.map((e) => e.id));
    expect(ids.has(factId(`pr_merged:4242:${notable.fork}`))).toBe(true);
    expect(all.filter((e) => e.id === factId(`pr_merged:4242:${merged}`))).toHaveLength(1);

    const before = w.commits().length;
    const scheduled = await w.run("schedule", { schedule: "17 3 * * *" });
    expect(scheduled.code).toBe(0);
    expect(scheduled.summary).toMatch(/reconcile: \d+ pull requests read, 0 entries appended/);
    expect((await w.entries()).length).toBe(all.length);
    expect(w.commits().length).toBeLessThanOrEqual(before + 1);
  });

  it("refuses a since that is not a date, and records nothing", async () => {
    const w = world();
    const run = await w.run("workflow_dispatch", w.payload(workflowDispatch()), { inputs: { since: "last year" } });
    expect(run.code).not.toBe(0);
    expect(run.errors.map((e) => e.message).join("\n")).toMatch(/input 'since': 'last year' is not a date \(YYYY-MM-DD\)/);
    expect(await w.entries()).toEqual([]);
  });
});
