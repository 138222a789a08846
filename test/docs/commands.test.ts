/**
 * Every command the documentation shows (`meritlog …`, `npx … meritlog …`, `npm run …`, `npm test`
 * in README.md's and docs/*.md's code blocks) is run for real, as a reader would type it: each code
 * block in order, in a shell, in its own copy of a sandbox that holds what the docs assume: a git
 * repository whose origin is on GitHub, the ledger's key in `meritlog.key`, a scored and signed
 * ledger folder, the same ledger on a bare remote standing in for the GitHub URL, entry bodies, a
 * candidate configuration and a kept checkpoint. Placeholders such as `<ledger-dir>` take sandbox
 * values; a placeholder without one fails the test, and so does any command that fails.
 *
 * A block that generates a key (`meritlog keygen`) starts from nothing instead: no key, no ledger,
 * an empty remote; the key it prints stands for `<verifier key>` in the commands after it.
 */
import { execFile, spawnSync } from "node:child_process";
import { chmodSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { body, CLI, jsonl } from "../cli/run-cli.ts";
import { createBareRemote, gitSync, writeKeyFile } from "../helpers/git-remote.ts";
import { type FakeGitHub, repoState, startGitHubApi } from "../helpers/github-api.ts";
import { graphqlService } from "../helpers/github-graphql.ts";
import { generateHistory } from "../helpers/github-world.ts";
import { buildHistoryLedger } from "../helpers/history.ts";
import { readEntryLines, removeTempDirs, tempDir, testSigner } from "../helpers/ledger.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Commands not run here, each with where it is exercised instead. */
const SKIPPED: Readonly<Record<string, string>> = {
  "npm run demo": "test/demo/demo.test.ts runs the demo end to end",
  "npm test": "the test suite itself: running it here would run this test again",
};

/** A line of a code block, as a reader would run it, and the commands it shows. */
interface Line {
  readonly text: string;
  readonly commands: readonly string[];
}

interface Block {
  readonly where: string;
  readonly lines: readonly Line[];
}

/** A command as the documentation shows it, perhaps after variables set for it (`GITHUB_TOKEN=… meritlog …`). */
const COMMAND = /^(?:[A-Z_]+=\S+ )*(?:npx (?:--prefix \S+ )?meritlog|meritlog|npm run|npm test)\b/;

/** The code blocks of the documentation that show commands, each with its lines that do, in order. */
function documentedBlocks(): Block[] {
  const files = [
    "README.md",
    ...readdirSync(join(ROOT, "docs"))
      .filter((f) => f.endsWith(".md"))
      .map((f) => `docs/${f}`),
  ];
  const blocks: Block[] = [];
  for (const file of files) {
    const text = readFileSync(join(ROOT, file), "utf8").split("\n");
    let start: number | undefined;
    let lines: Line[] = [];
    for (let i = 0; i < text.length; i++) {
      let line = (text[i] as string).trim();
      if (line.startsWith("```")) {
        if (start === undefined) start = i + 1;
        else {
          if (lines.length > 0) blocks.push({ where: `${file}:${start}`, lines });
          start = undefined;
          lines = [];
        }
        continue;
      }
      if (start === undefined) continue;
      // A continued line is one command with the next.
      while (line.endsWith("\\") && i + 1 < text.length) line = `${line.slice(0, -1).trim()} ${(text[++i] as string).trim()}`;
      line = line.replace(/^\$ /, "").replace(/\s+#\s.*$/, "");
      const commands = line
        .split(/ && | \|\| /)
        .map((part) => part.trim())
        .filter((part) => COMMAND.test(part));
      if (commands.length > 0) lines.push({ text: line, commands });
    }
  }
  return blocks;
}

const BLOCKS = documentedBlocks();

// ---------------------------------------------------------------------------------------------------
// The sandbox

const ORIGIN = "github.com/acme/widgets/meritlog";
const signer = testSigner("docs", ORIGIN);
let sandbox: string;
let fresh: string;
let entryId: string;
/** The GitHub API the sandbox's repository lives on: reconcile and backfill read its pull requests. */
let github: FakeGitHub;

/** A repository with its origin on GitHub, entry bodies, a candidate configuration, and a `meritlog` on PATH. */
function baseSandbox(dir: string): void {
  gitSync(dir, ["init", "-q"]);
  gitSync(dir, ["remote", "add", "origin", "https://github.com/acme/widgets.git"]);
  writeFileSync(join(dir, "bodies.jsonl"), jsonl([body("docs-1"), body("docs-2", { actor: { id: 8, login: "bob" } })]));
  writeFileSync(join(dir, "candidate.yml"), "points:\n  pr_merged: 40\n  review: 10\n");
  mkdirSync(join(dir, "bin"));
  // What `npm install` puts on PATH for the package's bin, pointing at the build under test.
  writeFileSync(join(dir, "bin", "meritlog"), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
  chmodSync(join(dir, "bin", "meritlog"), 0o755);
  createBareRemote(dir, "widgets.git");
}

beforeAll(async () => {
  const state = repoState({ owner: "acme", name: "widgets", id: 7070, ownerId: 7000, ownerType: "Organization" });
  const { history } = generateHistory(state, { contributors: 8, pulls: 30, seed: 5 });
  github = await startGitHubApi(state, { graphql: graphqlService(history), token: "docs-token" });

  fresh = tempDir("meritlog-docs-");
  baseSandbox(fresh);

  sandbox = tempDir("meritlog-docs-");
  baseSandbox(sandbox);
  writeKeyFile(sandbox, signer);
  const ledger = join(sandbox, "ledger");
  await buildHistoryLedger(ledger, signer, { contributors: 12, pullRequests: 40, months: 3, from: "2026-08" });
  // A checkpoint kept earlier, to witness with.
  cpSync(join(ledger, "checkpoint"), join(sandbox, "checkpoint-2026-10-01"));
  entryId = readEntryLines(ledger)
    .map((l) => JSON.parse(l.toString("utf8")) as { id: string; kind: string })
    .find((e) => e.kind === "award")?.id as string;
  // The same ledger as the data branch of the remote that stands in for the GitHub repository.
  const work = tempDir("meritlog-docs-branch-");
  cpSync(ledger, work, { recursive: true });
  gitSync(work, ["init", "-q", "-b", "meritlog"]);
  gitSync(work, ["add", "-A"]);
  gitSync(work, ["-c", "user.name=meritlog", "-c", "user.email=meritlog@example.com", "commit", "-q", "-m", "ledger"]);
  gitSync(work, ["push", "-q", join(sandbox, "widgets.git"), "meritlog"]);
}, 120_000);

afterAll(async () => {
  await github.close();
  removeTempDirs();
});

/** A reader's substitutions: placeholders and the example URL, by sandbox values. */
function substitute(command: string, dir: string, vkey: string): string {
  const values: Record<string, string> = {
    "~/meritlog": ROOT.replace(/\/$/, ""),
    "https://github.com/acme/widgets.git": join(dir, "widgets.git"),
    "<ledger-dir>": "ledger",
    "<remote>": join(dir, "widgets.git"),
    "<owner>/<repo>": "acme/widgets",
    "<seq>": "3",
    "<entry id>": entryId,
    "<verifier key>": vkey,
    "<YYYY-MM-DD>": "2026-10-01",
    "<token>": "docs-token",
  };
  let out = command;
  for (const [from, to] of Object.entries(values)) out = out.replaceAll(from, to);
  const left = /<[a-zA-Z][^<>]*>/.exec(out);
  if (left) throw new Error(`no sandbox value for the placeholder ${left[0]} in: ${command}`);
  return out;
}

/**
 * Runs one command line in bash in `dir`, with the sandbox's `meritlog` and this Node first on PATH,
 * and the loopback API standing in for api.github.com. Asynchronous: the API answers from this process.
 */
async function shell(line: string, dir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const options = {
    cwd: dir,
    encoding: "utf8" as const,
    timeout: 120_000,
    // A clean environment: nothing of the test runner's (Vite reads NODE_ENV, MODE, ...), nor the user's git or npm settings.
    env: {
      PATH: `${join(dir, "bin")}:${dirname(process.execPath)}:${process.env.PATH}`,
      HOME: dir,
      LANG: "C.UTF-8",
      TMPDIR: process.env.TMPDIR ?? "/tmp",
      GITHUB_API_URL: github.url,
    },
  };
  try {
    const { stdout, stderr } = await promisify(execFile)("bash", ["-c", line], options);
    return { code: 0, stdout, stderr };
  } catch (e) {
    const failed = e as { code?: number | string; stdout?: string; stderr?: string };
    return { code: typeof failed.code === "number" ? failed.code : null, stdout: failed.stdout ?? "", stderr: failed.stderr ?? String(e) };
  }
}

describe("the commands in the documentation", () => {
  test("are found, and cover every meritlog command", () => {
    const shown = new Set(
      BLOCKS.flatMap((b) => b.lines)
        .flatMap((l) => l.commands)
        .flatMap((c) => /meritlog ([a-z-]+)/.exec(c)?.[1] ?? []),
    );
    const help = spawnSync(process.execPath, [CLI, "--help"], { encoding: "utf8" }).stdout;
    const commands = [...help.matchAll(/^ {2}([a-z-]+) {2,}/gm)].map((m) => m[1]);
    expect(commands.length).toBeGreaterThan(5);
    expect(commands.filter((c) => !shown.has(c as string))).toEqual([]);
  });

  test.each(BLOCKS.map((b) => [b.where, b] as const))("%s", { timeout: 180_000 }, async (_, block) => {
    // A line is run whole, as typed, unless every command on it is one exercised elsewhere.
    const run = block.lines.filter((l) => l.commands.some((c) => SKIPPED[c] === undefined));
    if (run.length === 0) return;
    // A block that writes meritlog.key starts from nothing.
    const fromNothing = run.some((l) => l.commands.some((c) => c.startsWith("meritlog keygen") && !c.includes("--out")));
    const dir = tempDir("meritlog-docs-run-");
    cpSync(fromNothing ? fresh : sandbox, dir, { recursive: true });
    let vkey = signer.verifier.vkey;
    for (const { text, commands } of run) {
      const line = substitute(text, dir, vkey);
      const r = await shell(line, dir);
      expect(r.code, `${block.where}: ${text}\n$ ${line}\n${r.stdout}${r.stderr}`).toBe(0);
      if (fromNothing && commands.some((c) => c.startsWith("meritlog keygen"))) vkey = r.stdout.trim();
      // init's private key goes outside the repository, into a temporary folder of its own.
      const key = /private key is in (\S+)\/meritlog\.key/.exec(r.stdout)?.[1];
      if (key) rmSync(key, { recursive: true, force: true });
    }
  });
});
