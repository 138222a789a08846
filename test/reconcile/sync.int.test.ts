/**
 * Backfill and reconcile against the loopback GitHub (GraphQL validated against GitHub's schema),
 * appending to a real bare git remote: pages of pull requests, a rate limit mid-backfill that stops
 * cleanly and resumes with no duplicates, idempotent reconciles, late labels, a revert.
 */
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { GitHubApi } from "../../src/github/api.ts";
import { factId } from "../../src/ledger/entry.ts";
import { backfill, reconcile, type SyncOptions } from "../../src/reconcile/sync.ts";
import { parseConfig } from "../../src/scoring/config.ts";
import { readBranch as readLedger } from "../../src/store/git/append-branch.ts";
import { LedgerView } from "../../src/store/ledger-view.ts";
import { createBareRemote, gitSync } from "../helpers/git-remote.ts";
import { addComment, addIssue, type FakeGitHub, hourLongRateLimit, repoState, startGitHubApi } from "../helpers/github-api.ts";
import { graphqlService } from "../helpers/github-graphql.ts";
import { type GeneratedHistory, generateHistory } from "../helpers/github-world.ts";
import { removeTempDirs, testSigner } from "../helpers/ledger.ts";

afterAll(removeTempDirs);
let open: FakeGitHub | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

const REPO = { owner: "octo-org", repo: "widgets" };

async function world(pulls: number, budget = 5000): Promise<{ gh: FakeGitHub; generated: GeneratedHistory; o: SyncOptions }> {
  const state = repoState({ owner: REPO.owner, name: REPO.repo, id: 4242, ownerId: 9000, ownerType: "Organization" });
  const generated = generateHistory(state, { contributors: 40, pulls, seed: 7 });
  const gh = await startGitHubApi(state, { graphql: graphqlService(generated.history, budget) });
  open = gh;
  const o: SyncOptions = {
    api: new GitHubApi("ghs_test-token", gh.url),
    repo: REPO,
    spec: { url: createBareRemote(), branch: "meritlog" },
    signer: testSigner("sync"),
    rules: parseConfig("", ".github/meritlog.yml"),
    source: { event: "backfill" },
    reserve: 0,
  };
  return { gh, generated, o };
}

interface Line {
  id: string;
  kind: string;
  points: number;
  ref?: string;
  subject: { number?: number };
}

function entries(o: SyncOptions): Line[] {
  const names = gitSync(o.spec.url, ["ls-tree", "-r", "--name-only", "meritlog", "entries/"]).trim().split("\n").filter(Boolean).sort();
  return names.flatMap((f) =>
    gitSync(o.spec.url, ["show", `meritlog:${f}`])
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Line),
  );
}

function syncState(o: SyncOptions): Record<string, unknown> {
  return JSON.parse(gitSync(o.spec.url, ["show", "meritlog:sync/4242.json"]));
}

describe("backfill", () => {
  it("records hundreds of pull requests across pages, and a second run appends nothing", async () => {
    const { gh, o, generated } = await world(230);
    const report = await backfill(o, "2020-01-01");
    expect(report).toMatchObject({ done: true, total: 230 });
    const lines = entries(o);
    expect(new Set(lines.map((l) => l.id)).size).toBe(lines.length);
    expect(lines.some((l) => l.id === factId(`pr_merged:4242:${generated.notable.fork}`))).toBe(true);
    // The late label: an adjustment of the merge award; `invalid`: a reversal; the revert: reversals.
    const merged = (n: number) => factId(`pr_merged:4242:${n}`);
    expect(lines.find((l) => l.ref === merged(generated.notable.lateLabel))?.kind).toBe("bonus");
    expect(lines.find((l) => l.ref === merged(generated.notable.invalid))?.kind).toBe("reversal");
    const reverted = lines.filter((l) => l.subject.number === generated.notable.reverted);
    expect(reverted.reduce((a, l) => a + l.points, 0)).toBe(0);
    expect(syncState(o)).toMatchObject({ backfill: { since: "2020-01-01", done: true, pulls: 230 } });
    // 5 pages of 50 pull requests, one of issues and one of releases.
    expect(gh.graphql.requests).toBe(7);
    const before = gitSync(o.spec.url, ["rev-parse", "meritlog"]);
    expect(await backfill(o, "2020-01-01")).toMatchObject({ done: true, appended: 0 });
    expect(gitSync(o.spec.url, ["rev-parse", "meritlog"])).toBe(before);
  });

  it("stops cleanly at a rate limit mid-way, keeping whole batches and the cursor, and the next run completes with no duplicates", async () => {
    const { gh, o } = await world(260);
    gh.graphql.failAfter = { after: 3, fault: hourLongRateLimit };
    const first = await backfill({ ...o, pagesPerBatch: 2 }, "2020-01-01");
    expect(first.done).toBe(false);
    expect(first.stopped).toMatch(/403/);
    const partial = entries(o);
    // Pages 1–2 were committed as one batch; page 3 was read, but its batch never completed.
    expect(syncState(o)).toMatchObject({ backfill: { done: false } });
    expect(await readLedger(o.spec, async (files) => (await LedgerView.open(files)).size)).toBe(partial.length);
    const second = await backfill({ ...o, pagesPerBatch: 2 }, "2020-01-01");
    expect(second.done).toBe(true);
    const all = entries(o);
    expect(new Set(all.map((l) => l.id)).size).toBe(all.length);
    // The same as one uninterrupted backfill.
    const { o: fresh } = await world(260);
    await backfill(fresh, "2020-01-01");
    expect(new Set(all.map((l) => l.id))).toEqual(new Set(entries(fresh).map((l) => l.id)));
  });

  it("fails on a 403 that is not a rate limit, naming GitHub's answer, and writes nothing", async () => {
    const { gh, o } = await world(60);
    gh.graphql.failAfter = { after: 0, fault: { status: 403, body: { message: "Resource not accessible by integration" } } };
    await expect(backfill(o, "2020-01-01")).rejects.toThrow(/HTTP 403\): Resource not accessible by integration/);
    expect(gitSync(o.spec.url, ["branch", "--list", "meritlog"]).trim()).toBe("");
  });

  it("rides out a 502 mid-way: the client retries, and the backfill completes", async () => {
    const { gh, o } = await world(160);
    gh.graphql.failAfter = { after: 2, fault: { status: 502, body: { message: "Bad Gateway" } } };
    expect(await backfill(o, "2020-01-01")).toMatchObject({ done: true, total: 160 });
    expect(syncState(o)).toMatchObject({ backfill: { done: true, pulls: 160 } });
  });

  it("stops before the budget runs out and says so", async () => {
    const { o } = await world(200, 40);
    const report = await backfill({ ...o, reserve: 20 }, "2020-01-01");
    expect(report.done).toBe(false);
    expect(report.stopped).toMatch(/budget is down to/);
    expect(syncState(o)).toMatchObject({ backfill: { done: false } });
  });
});

describe("backfill of issues and releases", () => {
  it("records those since `since`, not before it, once", async () => {
    const { gh, o, generated } = await world(60);
    const issue = (number: number, createdAt: string, closedAt: string) => {
      addIssue(gh.state, number);
      gh.graphql.history.issues[number] = {
        user: generated.logins[0] as string,
        createdAt,
        updatedAt: closedAt,
        closedAt,
        stateReason: "COMPLETED",
        closedBy: generated.maintainer,
      };
    };
    issue(900, "2025-06-01T09:00:00Z", "2025-06-03T18:00:00Z");
    // Opened before `since`, closed after it: only the closing is in the backfill's time.
    issue(901, "2019-06-01T09:00:00Z", "2025-01-02T18:00:00Z");
    const release = (id: number, publishedAt: string) =>
      gh.graphql.history.releases.push({ id, tag: `v${id}`, user: generated.maintainer, createdAt: publishedAt, publishedAt });
    release(71, "2019-05-01T12:00:00Z");
    release(72, "2025-07-01T12:00:00Z");

    expect(await backfill(o, "2020-01-01")).toMatchObject({ done: true });
    const ids = new Set(entries(o).map((l) => l.id));
    expect(ids.has(factId("issue_opened:4242:900"))).toBe(true);
    expect(ids.has(factId("issue_closed:4242:900:closer"))).toBe(true);
    expect(ids.has(factId("issue_closed:4242:901:closer"))).toBe(true);
    expect(ids.has(factId("issue_opened:4242:901"))).toBe(false);
    expect(ids.has(factId("release:4242:72"))).toBe(true);
    expect(ids.has(factId("release:4242:71"))).toBe(false);
    expect(await backfill(o, "2020-01-01")).toMatchObject({ done: true, appended: 0 });
  });

  it("a rate limit while reading them commits the pull requests and reads them again next run", async () => {
    const { gh, o, generated } = await world(40);
    addIssue(gh.state, 900);
    gh.graphql.history.issues[900] = {
      user: generated.logins[0] as string,
      createdAt: "2025-06-01T09:00:00Z",
      updatedAt: "2025-06-01T09:00:00Z",
      closedAt: null,
      stateReason: null,
      closedBy: null,
    };
    // One page of pull requests, then the issues query meets the limit.
    gh.graphql.failAfter = { after: 1, fault: hourLongRateLimit };
    const first = await backfill(o, "2020-01-01");
    expect(first).toMatchObject({ done: false, total: 40 });
    expect(entries(o).some((l) => l.id === factId("issue_opened:4242:900"))).toBe(false);
    expect(syncState(o)).toMatchObject({ backfill: { done: false, pulls: 40 } });
    const second = await backfill(o, "2020-01-01");
    expect(second).toMatchObject({ done: true });
    const lines = entries(o);
    expect(lines.filter((l) => l.id === factId("issue_opened:4242:900"))).toHaveLength(1);
    expect(new Set(lines.map((l) => l.id)).size).toBe(lines.length);
  });
});

describe("commands in comments", () => {
  it("a backfill applies a maintainer's void and a bonus, asks each commenter's role once, and refuses a contributor's", async () => {
    const { gh, o, generated } = await world(60);
    const [a, b] = [20, 21];
    const at = (n: number) => gh.state.pulls[n]?.mergedAt ?? "2026-10-01T00:00:00Z";
    const say = (n: number, login: string, body: string) => Object.assign(addComment(gh.state, n, login, body), { createdAt: at(n) });
    say(a, generated.maintainer, "/meritlog void Spam");
    const bonus = say(b, generated.maintainer, "Great work\n/meritlog bonus 5 Fixed the build too");
    const contributor = generated.logins.find((l) => l !== gh.state.pulls[b]?.user) as string;
    say(b, contributor, "/meritlog void I do not like it");
    const before = gh.requests.length;
    expect(await backfill(o, "2020-01-01")).toMatchObject({ done: true });
    const lines = entries(o);
    expect(lines.some((l) => l.id === factId(`void:4242:${a}`))).toBe(true);
    expect(lines.filter((l) => l.subject.number === a).reduce((s, l) => s + l.points, 0)).toBe(0);
    expect(lines.find((l) => l.id === factId(`command:4242:${bonus.id}`))).toMatchObject({ kind: "bonus", points: 5000 });
    expect(lines.some((l) => l.id === factId(`void:4242:${b}`))).toBe(false);
    const roles = gh.requests.slice(before).filter((r) => r.path.includes("/permission"));
    expect(roles.map((r) => r.path.split("/").at(-2)).sort()).toEqual([contributor, generated.maintainer].sort());
    expect(await backfill({ ...o, source: { event: "reconcile" } }, "2019-01-01")).toMatchObject({ done: true });
    expect(entries(o).filter((l) => l.subject.number === a || l.subject.number === b)).toHaveLength(
      lines.filter((l) => l.subject.number === a || l.subject.number === b).length,
    );
  });
});

describe("reconcile", () => {
  it("records what changed since the mark; twice in a row appends nothing the second time", async () => {
    const { gh, o } = await world(120);
    await backfill(o, "2020-01-01");
    const mark = syncState(o).reconciled;
    expect(typeof mark).toBe("string");
    // A label added after the backfill: the next reconcile owes its difference.
    const n = 10;
    gh.state.labels[n] = [...(gh.state.labels[n] ?? []), "good first issue"];
    const pull = gh.state.pulls[n];
    if (!pull) throw new Error("no pull request 10");
    pull.updatedAt = "2099-01-01T00:00:00Z";
    gh.graphql.history.labelEvents[n] = [{ label: "good first issue", added: true, actor: "maya", createdAt: "2099-01-01T00:00:00Z" }];
    const r1 = await reconcile({ ...o, source: { event: "reconcile" } });
    expect(r1.appended).toBeGreaterThan(0);
    expect(syncState(o).reconciled).toBe("2099-01-01T00:00:00Z");
    const r2 = await reconcile({ ...o, source: { event: "reconcile" } });
    expect(r2.appended).toBe(0);
  });
});
