/**
 * `meritlog init` on temporary git repositories, run as users run it (the built CLI in a child
 * process): what it writes, where the key goes, what it prints, and every way it refuses.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, onTestFinished, test } from "vitest";
import { parse } from "yaml";
import { parseSignerKey } from "../../src/ledger/keys.ts";
import { DEFAULTS, parseConfig } from "../../src/scoring/config.ts";
import { expectExit, runCli, snapshot, tempDir, usageOf } from "./run-cli.ts";

const EXAMPLES = fileURLToPath(new URL("../../.github/examples/", import.meta.url));
/** Where each example lands in the user's repository. */
const WRITTEN: Record<string, string> = {
  ".github/workflows/meritlog.yml": "meritlog.yml",
  ".github/workflows/meritlog-site.yml": "meritlog-site.yml",
  ".github/meritlog.yml": "meritlog-config.yml",
};

function repository(origin?: string): string {
  const dir = tempDir();
  execFileSync("git", ["init", "-q", dir]);
  if (origin !== undefined) execFileSync("git", ["-C", dir, "remote", "add", "origin", origin]);
  return dir;
}

/** The key file init names in its output; removed when the test ends. */
function keyFileOf(stdout: string): string {
  const m = /private key is in (\S+) \(mode 0600\)/.exec(stdout);
  if (!m) throw new Error(`no key file named in:\n${stdout}`);
  const file = m[1] as string;
  onTestFinished(() => rmSync(dirname(file), { recursive: true, force: true }));
  return file;
}

describe("meritlog init", () => {
  test("writes the example workflows and configuration byte for byte, and the key outside the repository", async () => {
    const dir = repository("https://github.com/acme/widgets.git");
    const r = await runCli(["init"], { cwd: dir });
    expectExit(r, 0);
    expect(r.stderr).toBe("");
    for (const [path, example] of Object.entries(WRITTEN)) {
      expect(readFileSync(join(dir, path), "utf8"), path).toBe(readFileSync(join(EXAMPLES, example), "utf8"));
    }
    // Nothing else, and nothing secret, in the repository.
    expect(execFileSync("git", ["-C", dir, "status", "--porcelain", "-uall"], { encoding: "utf8" }).trim().split("\n").sort()).toEqual(
      Object.keys(WRITTEN)
        .map((p) => `?? ${p}`)
        .sort(),
    );
    for (const bytes of snapshot(dir).values()) expect(bytes.toString("utf8")).not.toContain("PRIVATE+KEY");

    const keyFile = keyFileOf(r.stdout);
    expect(keyFile.startsWith(dir)).toBe(false);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const signer = parseSignerKey(readFileSync(keyFile, "utf8"));
    expect(signer.verifier.name).toBe("github.com/acme/widgets/meritlog");
    // The one secret, both ways to set it, the verifier key to publish, and Pages.
    expect(r.stdout).toContain(`gh secret set MERITLOG_SIGNING_KEY --repo acme/widgets < ${keyFile}`);
    expect(r.stdout).toContain("https://github.com/acme/widgets/settings/secrets/actions");
    expect(r.stdout).toContain(signer.verifier.vkey);
    expect(r.stdout).toMatch(/GitHub Pages with GitHub Actions as the source: https:\/\/github\.com\/acme\/widgets\/settings\/pages/);

    const check = await runCli(["check-config"], { cwd: dir });
    expectExit(check, 0);
    expect(check.stdout).toMatch(/^ok: \.github\/meritlog\.yml is valid/);
  });

  test.each([
    ["https", "https://github.com/acme/widgets.git", "github.com/acme/widgets"],
    ["https without .git", "https://github.com/acme/widgets", "github.com/acme/widgets"],
    ["https with a user", "https://someone@github.com/acme/widgets.git", "github.com/acme/widgets"],
    ["scp-like ssh", "git@github.com:acme/widgets.git", "github.com/acme/widgets"],
    ["ssh URL", "ssh://git@github.com/acme/widgets.git", "github.com/acme/widgets"],
    ["an Enterprise host", "https://git.example.com/acme/widgets.js.git", "git.example.com/acme/widgets.js"],
  ])("takes the key's origin from an origin URL in %s form", async (_, url, name) => {
    const r = await runCli(["init"], { cwd: repository(url) });
    expectExit(r, 0);
    expect(parseSignerKey(readFileSync(keyFileOf(r.stdout), "utf8")).verifier.name).toBe(`${name}/meritlog`);
  });

  test("--repo names the repository when there is no origin; --dir names the clone; a subfolder means its root", async () => {
    const dir = repository();
    mkdirSync(join(dir, "src"));
    const r = await runCli(["init", "--dir", "src", "--repo", "acme/gadgets"], { cwd: dir });
    expectExit(r, 0);
    expect(parseSignerKey(readFileSync(keyFileOf(r.stdout), "utf8")).verifier.name).toBe("github.com/acme/gadgets/meritlog");
    expect(Object.keys(WRITTEN).every((p) => existsSync(join(dir, p)))).toBe(true);
    expect(existsSync(join(dir, "src", ".github"))).toBe(false);
  });

  test("refuses to overwrite (exit 1), naming the file, writing nothing; --force overwrites", async () => {
    const dir = repository("git@github.com:acme/widgets.git");
    mkdirSync(join(dir, ".github"));
    writeFileSync(join(dir, ".github/meritlog.yml"), "points: { pr_merged: 50 }\n");
    const before = snapshot(dir);
    const r = await runCli(["init"], { cwd: dir });
    expectExit(r, 1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(`meritlog init: ${join(dir, ".github/meritlog.yml")} already exists; --force overwrites\n`);
    expect(snapshot(dir)).toEqual(before);

    const forced = await runCli(["init", "--force"], { cwd: dir });
    expectExit(forced, 0);
    keyFileOf(forced.stdout);
    expect(readFileSync(join(dir, ".github/meritlog.yml"), "utf8")).toBe(readFileSync(join(EXAMPLES, "meritlog-config.yml"), "utf8"));
  });

  test.each([
    ["not a repository", () => ({ cwd: tempDir(), args: [] }), (d: string) => `${d} is not in a git repository`],
    ["no origin and no --repo", () => ({ cwd: repository(), args: [] }), (d: string) => `${d} has no remote 'origin'`],
    [
      "an origin that is not a GitHub URL",
      () => ({ cwd: repository("/srv/git/widgets.git"), args: [] }),
      () => "remote 'origin' (/srv/git/widgets.git) is not a GitHub repository URL",
    ],
    [
      "a --dir that does not exist",
      () => ({ cwd: repository(), args: ["--dir", "nowhere"] }),
      (d: string) => `--dir ${d}/nowhere: no such folder`,
    ],
    ["a malformed --repo", () => ({ cwd: repository(), args: ["--repo", "widgets"] }), () => "--repo 'widgets' is not a repository name"],
    ["a stray argument", () => ({ cwd: repository(), args: ["now"] }), () => "unexpected argument 'now'"],
  ])("%s is a usage error (exit 2) that writes nothing", async (_, setup, message) => {
    const { cwd, args } = setup();
    const r = await runCli(["init", ...args], { cwd });
    expectExit(r, 2);
    expect(r.stdout).toBe("");
    expect(r.stderr.startsWith(`meritlog init: ${message(cwd)}`)).toBe(true);
    expect(r.stderr.endsWith(await usageOf("init"))).toBe(true);
    expect(readdirSync(cwd).filter((f) => f !== ".git")).toEqual([]);
  });
});

describe("the example files init writes", () => {
  const yaml = (name: string) => parse(readFileSync(join(EXAMPLES, name), "utf8"));

  test("the configuration spells out the defaults: what it shows is what applies", () => {
    expect(parseConfig(readFileSync(join(EXAMPLES, "meritlog-config.yml"), "utf8"))).toEqual(DEFAULTS);
  });

  test("the scoring workflow: every event, least permissions, one run at a time, never the pull request's code", () => {
    const wf = yaml("meritlog.yml");
    expect(Object.keys(wf.on).sort()).toEqual(
      [
        "issue_comment",
        "issues",
        "pull_request_review",
        "pull_request_review_comment",
        "pull_request_target",
        "release",
        "schedule",
        "workflow_dispatch",
      ].sort(),
    );
    expect(wf.permissions).toEqual({ contents: "read" });
    expect(wf.jobs.score.permissions).toEqual({ contents: "write", "pull-requests": "write", issues: "write" });
    // Runs queue (up to GitHub's 100) rather than replace each other: each event is recorded by its own run.
    expect(wf.concurrency).toEqual({ group: "meritlog-ledger", "cancel-in-progress": false, queue: "max" });
    const steps = wf.jobs.score.steps as { uses?: string; run?: string; with?: Record<string, unknown> }[];
    // No step runs a command, and the only checkout takes the configuration file from the default (base) ref.
    expect(steps.filter((s) => s.run !== undefined)).toEqual([]);
    const checkout = steps.find((s) => s.uses?.startsWith("actions/checkout@"));
    expect(checkout?.with).toMatchObject({ "sparse-checkout": ".github/meritlog.yml", "persist-credentials": false });
    expect(checkout?.with).not.toHaveProperty("ref");
    expect(checkout?.with).not.toHaveProperty("repository");
    expect(steps.at(-1)).toEqual({
      uses: "meritlog/meritlog@v1",
      with: { "signing-key": `\${{ secrets.MERITLOG_SIGNING_KEY }}`, since: `\${{ inputs.since }}` },
    });
    // A run by hand takes the date a backfill starts from; without one it reconciles.
    expect(wf.on.workflow_dispatch.inputs.since).toMatchObject({ required: false });
  });

  test("the site workflow builds when the data branch changes and deploys with Pages' official actions", () => {
    const wf = yaml("meritlog-site.yml");
    expect(wf.on.push).toEqual({ branches: ["meritlog"] });
    // The scoring workflow pushes with its GITHUB_TOKEN, which starts no workflow: its completed runs do.
    expect(wf.on.workflow_run).toEqual({ workflows: [yaml("meritlog.yml").name], types: ["completed"] });
    expect(wf.jobs.build.if).toMatch(/github\.event\.workflow_run\.conclusion == 'success'/);
    expect(wf.permissions).toEqual({ contents: "read" });
    expect(wf.concurrency).toEqual({ group: "meritlog-pages", "cancel-in-progress": false });
    const uses = Object.values(wf.jobs as Record<string, { steps: { uses?: string }[] }>)
      .flatMap((j) => j.steps)
      .flatMap((s) => (s.uses ? [s.uses.split("@")[0]] : []));
    expect(uses).toEqual(expect.arrayContaining(["actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"]));
    expect(wf.jobs.deploy.permissions).toEqual({ pages: "write", "id-token": "write" });
    expect(wf.jobs.deploy.environment.name).toBe("github-pages");
  });

  test("every third-party action is pinned to a commit", () => {
    for (const name of ["meritlog.yml", "meritlog-site.yml"]) {
      for (const [, ref] of readFileSync(join(EXAMPLES, name), "utf8").matchAll(/uses: (\S+)/g)) {
        if (ref?.startsWith("meritlog/meritlog@")) continue;
        expect(ref, name).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
      }
    }
  });
});
