/**
 * The built `meritlog backfill` and `meritlog reconcile` against the loopback GitHub and a bare git remote, with
 * the token and API URL from the environment: counts on stdout, progress on stderr, clear usage errors.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { runCli } from "../cli/run-cli.ts";
import { createBareRemote } from "../helpers/git-remote.ts";
import { type FakeGitHub, repoState, startGitHubApi } from "../helpers/github-api.ts";
import { graphqlService } from "../helpers/github-graphql.ts";
import { generateHistory } from "../helpers/github-world.ts";
import { removeTempDirs, tempDir, testSigner } from "../helpers/ledger.ts";

afterAll(removeTempDirs);

let gh: FakeGitHub;
let dir: string;
let remote: string;
beforeEach(async () => {
  const state = repoState({ owner: "octo-org", name: "widgets", id: 4242, ownerId: 9000, ownerType: "Organization" });
  const { history } = generateHistory(state, { contributors: 12, pulls: 70, seed: 11 });
  gh = await startGitHubApi(state, { graphql: graphqlService(history) });
  dir = tempDir("meritlog-cli-sync-");
  remote = createBareRemote();
  writeFileSync(join(dir, "meritlog.key"), testSigner("cli-sync").skey);
  vi.stubEnv("GITHUB_TOKEN", "ghs_test-token");
  vi.stubEnv("GITHUB_API_URL", gh.url);
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await gh.close();
});

/** The built CLI, run as users run it; it inherits the environment stubbed above. */
function cli(...args: string[]) {
  return runCli(args, { cwd: dir });
}

describe("meritlog backfill and reconcile", () => {
  it("backfills with counts and progress, then a reconcile appends nothing", async () => {
    const backfill = await cli("backfill", remote, "--repo", "octo-org/widgets", "--since", "2020-01-01", "--key", "meritlog.key");
    expect(backfill.code).toBe(0);
    expect(backfill.stdout).toMatch(
      /^backfill since 2020-01-01 of octo-org\/widgets: 70 pull requests read, [1-9]\d* entries appended in 1 commit, \d+ API requests\n$/,
    );
    expect(backfill.stderr).toMatch(/backfill since 2020-01-01: 70\/70 pull requests read/);
    const reconcile = await cli("reconcile", remote, "--repo", "octo-org/widgets", "--key", "meritlog.key");
    expect(reconcile.code).toBe(0);
    expect(reconcile.stdout).toMatch(/reconcile of octo-org\/widgets: \d+ pull requests read, 0 entries appended/);
  });

  it.each([
    [["backfill", "REMOTE", "--repo", "octo-org/widgets", "--key", "meritlog.key"], /--since YYYY-MM-DD is required/],
    [["backfill", "REMOTE", "--repo", "octo-org/widgets", "--since", "2021-02-30", "--key", "meritlog.key"], /'2021-02-30' is not a date/],
    [["reconcile", "REMOTE", "--repo", "widgets", "--key", "meritlog.key"], /'widgets' is not owner\/name/],
    [["reconcile", "REMOTE", "--repo", "octo-org/widgets"], /--key <file> is required/],
  ])("refuses %j with a usage error", async (args, message) => {
    const result = await cli(...args.map((a) => (a === "REMOTE" ? remote : a)));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it("needs GITHUB_TOKEN", async () => {
    vi.stubEnv("GITHUB_TOKEN", "");
    const result = await cli("reconcile", remote, "--repo", "octo-org/widgets", "--key", "meritlog.key");
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/GITHUB_TOKEN is not set/);
  });
});
