/**
 * Planning properties over generated histories, on ledger folders: the event path delivers any
 * subset of the events in order (the rest lost: fork runs, outages), then a reconcile runs. Whatever
 * was lost, the ledger ends with the same awards and the same net points for each as when every
 * event arrived; a reconcile after a complete event stream appends only what the event path never
 * records (reversals of reverted pull requests); and a second reconcile appends nothing.
 */
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import type { Repo } from "../../src/events/facts.ts";
import { PULL_REQUESTS_QUERY, type PullRequestRecord, type PullRequestsAnswer, readPullRequestsPage } from "../../src/github/graphql.ts";
import type { Entry, EntryBody } from "../../src/ledger/entry.ts";
import { historyFacts, labelsAt } from "../../src/reconcile/history.ts";
import { planBatch } from "../../src/reconcile/plan.ts";
import { parseConfig } from "../../src/scoring/config.ts";
import { adjustmentsFor, recordFacts } from "../../src/scoring/record.ts";
import { appendToFolder } from "../../src/store/append-folder.ts";
import { folderFiles } from "../../src/store/folder.ts";
import { LedgerView } from "../../src/store/ledger-view.ts";
import { repoState } from "../helpers/github-api.ts";
import { graphqlService } from "../helpers/github-graphql.ts";
import { generateHistory } from "../helpers/github-world.ts";
import { removeTempDirs, tempDir, testSigner } from "../helpers/ledger.ts";

afterAll(removeTempDirs);

const RULES = parseConfig("", ".github/meritlog.yml");
const SIGNER = testSigner("plan");
const LIVE = { event: "pull_request_target" };
const RECONCILE = { event: "reconcile" };

/** The history as GitHub's GraphQL endpoint answers it: one page of every pull request. */
function recordsOf(seed: number, pulls: number): { records: PullRequestRecord[]; repo: Repo } {
  const state = repoState({ owner: "octo-org", name: "widgets", id: 4242, ownerId: 9000, ownerType: "Organization" });
  const { history } = generateHistory(state, { contributors: 6, pulls, seed, months: 2 });
  const variables = { owner: "octo-org", name: "widgets", first: 100, after: null, field: "CREATED_AT", direction: "ASC" };
  const answer = graphqlService(history).answer(state, { query: PULL_REQUESTS_QUERY, variables });
  const page = readPullRequestsPage((answer.body as { data: PullRequestsAnswer }).data, "octo-org/widgets");
  return { records: [...page.pulls], repo: page.repo };
}

/** One delivered event, as the action handles it: facts recorded, or a label's difference to the awards. */
interface Delivery {
  readonly time: string;
  readonly apply: (view: LedgerView) => Promise<EntryBody[]>;
}

function eventStream(records: readonly PullRequestRecord[], repo: Repo): Delivery[] {
  const out: Delivery[] = [];
  for (const record of records) {
    // The facts of each moment, recorded as its event would record them.
    for (const fact of historyFacts(record, repo, LIVE)) {
      out.push({ time: fact.time, apply: (view) => recordFacts([fact], RULES, view) });
    }
    for (const change of record.labelChanges ?? []) {
      out.push({
        time: change.at,
        apply: async (view) =>
          adjustmentsFor(
            await view.subject(repo.id, record.pr.number),
            RULES,
            { labels: labelsAt(record, change.at) },
            {
              time: change.at,
              source: LIVE,
              reason: `label '${change.label}' ${change.added ? "added" : "removed"}`,
            },
          ),
      });
    }
  }
  return out.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
}

async function append(dir: string, plan: (view: LedgerView) => Promise<EntryBody[]>): Promise<number> {
  const bodies = await plan(await LedgerView.open(folderFiles(dir)));
  return (await appendToFolder(dir, bodies, SIGNER)).result.entries.length;
}

async function entries(dir: string): Promise<Entry[]> {
  const view = await LedgerView.open(folderFiles(dir));
  return view.range(0, view.size);
}

/** Each award with the net points it stands at once every adjustment and reversal of it is counted. */
function standing(all: readonly Entry[]): Map<string, number> {
  const net = new Map<string, number>();
  for (const e of all) if (e.kind === "award") net.set(e.id, e.points);
  for (const e of all) if (e.kind !== "award" && e.ref && net.has(e.ref)) net.set(e.ref, (net.get(e.ref) ?? 0) + e.points);
  return net;
}

const reconcile = (records: readonly PullRequestRecord[], repo: Repo) => (view: LedgerView) =>
  planBatch(records, repo, RULES, view, RECONCILE);

describe("reconcile planning", () => {
  it("converges on what the full event stream gives, whatever part of it was lost, and a second reconcile appends nothing", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 6, max: 14 }),
        fc.infiniteStream(fc.boolean()),
        async (seed, pulls, kept) => {
          const { records, repo } = recordsOf(seed, pulls);
          const stream = eventStream(records, repo);
          const ideal = tempDir("meritlog-ideal-");
          for (const d of stream) await append(ideal, d.apply);
          await append(ideal, reconcile(records, repo));
          const partial = tempDir("meritlog-partial-");
          for (const d of stream) if (kept.next().value) await append(partial, d.apply);
          await append(partial, reconcile(records, repo));
          expect(standing(await entries(partial))).toEqual(standing(await entries(ideal)));
          expect(await append(partial, reconcile(records, repo))).toBe(0);
        },
      ),
      { numRuns: 12 },
    );
  });

  it("after a complete event stream, appends only the reversals of reverted pull requests", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 6, max: 14 }), async (seed, pulls) => {
        const { records, repo } = recordsOf(seed, pulls);
        const dir = tempDir("meritlog-complete-");
        for (const d of eventStream(records, repo)) await append(dir, d.apply);
        const before = (await entries(dir)).length;
        await append(dir, reconcile(records, repo));
        const added = (await entries(dir)).slice(before);
        expect(added.every((e) => e.kind === "reversal" && e.reason?.startsWith("reverted by #"))).toBe(true);
      }),
      { numRuns: 12 },
    );
  });
});
