/**
 * Backfill of a synthetic history served by the loopback GitHub (GraphQL executed against GitHub's
 * schema, REST for the few pull requests whose patches are needed), appended to a bare git remote:
 * API requests per pull request and entries appended per second. The budget's goal is 0.05 requests
 * per pull request, so that a 100,000-pull-request history fits in one day of a workflow token's
 * 1,000 requests an hour.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GitHubApi } from "../src/github/api.ts";
import { backfill } from "../src/reconcile/sync.ts";
import { parseConfig } from "../src/scoring/config.ts";
import { createBareRemote } from "../test/helpers/git-remote.ts";
import { repoState, startGitHubApi } from "../test/helpers/github-api.ts";
import { graphqlService } from "../test/helpers/github-graphql.ts";
import { generateHistory } from "../test/helpers/github-world.ts";
import { testSigner } from "../test/helpers/ledger.ts";
import { fmt, type Section } from "./report.ts";

const GOAL_REQUESTS_PER_PR = 0.05;

export async function backfillBench(log: (t: string) => void, scale: { pulls: number }): Promise<Section> {
  const state = repoState({ owner: "bench-org", name: "history", id: 777, ownerId: 7000, ownerType: "Organization" });
  const { history } = generateHistory(state, { contributors: Math.max(10, Math.round(scale.pulls / 20)), pulls: scale.pulls, months: 36 });
  const gh = await startGitHubApi(state, { graphql: graphqlService(history, 2 ** 31 - 1) });
  const dir = mkdtempSync(join(tmpdir(), "meritlog-bench-backfill-"));
  let logged = 0;
  try {
    const started = performance.now();
    const report = await backfill(
      {
        api: new GitHubApi("ghs_test-token", gh.url),
        repo: { owner: "bench-org", repo: "history" },
        spec: { url: createBareRemote(dir), branch: "meritlog" },
        signer: testSigner("bench-backfill"),
        rules: parseConfig("", ".github/meritlog.yml"),
        source: { event: "backfill" },
        onProgress: (p) => {
          if (p.batches > logged) log(`  ${p.pulls}/${p.total} pull requests, ${p.appended} entries`);
          logged = p.batches;
        },
      },
      "2000-01-01",
    );
    const seconds = (performance.now() - started) / 1000;
    const requests = gh.requests.length;
    const rest = requests - gh.graphql.requests;
    const perPr = requests / scale.pulls;
    // What the same history costs through REST alone: a list page per 100, then files, commits and
    // reviews for each pull request.
    const restOnly = Math.ceil(scale.pulls / 100) + scale.pulls * 3;
    return {
      title: `Backfill of a ${fmt(scale.pulls)}-pull-request history`,
      method: `\`backfill\` from the first pull request, through the loopback GitHub (GraphQL validated and executed against GitHub's published schema; ${fmt(gh.graphql.requests)} GraphQL and ${fmt(rest)} REST requests; ${fmt(gh.graphql.charged)} GraphQL points charged at GitHub's published cost), appending ${fmt(report.appended)} entries in ${report.batches} commits to a bare git remote on this machine. Baseline: the requests the same history needs through REST alone (list, then files, commits and reviews per pull request), computed.`,
      rows: [
        {
          measure: "API requests per pull request",
          figure: fmt(perPr, 4),
          baseline: `${fmt(restOnly / scale.pulls, 2)} (REST only)`,
          ratio: `${fmt(restOnly / requests, 0)}× fewer`,
          goal: `≤ ${GOAL_REQUESTS_PER_PR}`,
          met: perPr <= GOAL_REQUESTS_PER_PR,
        },
        {
          measure: "GraphQL points per pull request",
          figure: fmt(gh.graphql.charged / scale.pulls, 3),
          baseline: "",
          ratio: "",
          goal: "",
          met: true,
        },
        {
          measure: "entries appended per second",
          figure: fmt(report.appended / seconds, 0),
          baseline: `${fmt(seconds, 1)} s in all`,
          ratio: "",
          goal: "",
          met: true,
        },
      ],
    };
  } finally {
    await gh.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const pulls = Number(process.argv[2] ?? 20_000);
  const section = await backfillBench((t) => process.stderr.write(`${t}\n`), { pulls });
  process.stdout.write(`${JSON.stringify(section, null, 1)}\n`);
}
