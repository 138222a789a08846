import { spawnSync } from "node:child_process";
import { describe, expect, test } from "vitest";
import { expectExit, runCli, tempDir, usageOf } from "./run-cli.ts";

const COMMANDS = ["keygen", "append", "verify", "prove", "check-proof"] as const;

/** The overview: the synopsis, one row per command with its summary, and the exit codes. */
function expectOverview(text: string): void {
  const lines = text.split("\n");
  expect(lines[0]).toBe("usage: meritlog <command> [options]");
  for (const name of COMMANDS) expect(lines.some((l) => new RegExp(`^  ${name} +\\S`).test(l))).toBe(true);
  expect(text).toContain("meritlog <command> --help shows a command's options.\n");
  expect(text.endsWith("exit codes: 0 ok, 1 invalid ledger or input, 2 usage or I/O error\n")).toBe(true);
}

/** What each command's usage must mention: its arguments and every option a user needs. */
const MENTIONS: Record<(typeof COMMANDS)[number], string[]> = {
  keygen: ["--origin <name>", "[--out <dir>]"],
  append: ["<ledger-dir>", "--key <file>", "[--rotate]"],
  verify: ["<ledger-dir", "[--witness <checkpoint-file>]…", "[--fast]", "[--json]"],
  prove: ["<ledger-dir", "<seq|id>"],
  "check-proof": ["<proof-file>", "--vkey <verifier-key>"],
};

test("the CLI runs on Node 24, the runtime the package declares", () => {
  expect(process.versions.node.split(".")[0]).toBe("24");
  const child = spawnSync(process.execPath, ["--version"], { encoding: "utf8" });
  expect(child.stdout).toMatch(/^v24\.\d+\.\d+\n$/);
});

describe("meritlog", () => {
  test("with no arguments prints the usage on stderr and exits 2", async () => {
    const r = await runCli([]);
    expectExit(r, 2);
    expect(r.stdout).toBe("");
    expectOverview(r.stderr);
  });

  test.each(["--help", "-h", "help"])("%s prints the usage on stdout and exits 0", async (flag) => {
    const r = await runCli([flag]);
    expectExit(r, 0);
    expectOverview(r.stdout);
    expect(r.stderr).toBe("");
  });

  test("an unknown command exits 2, naming it", async () => {
    const r = await runCli(["frobnicate", "x"]);
    expectExit(r, 2);
    expect(r.stdout).toBe("");
    expect(r.stderr.startsWith("meritlog: unknown command 'frobnicate'\n\n")).toBe(true);
    expectOverview(r.stderr.slice("meritlog: unknown command 'frobnicate'\n\n".length));
  });
});

describe.each(COMMANDS)("meritlog %s", (name) => {
  test("--help prints the command's usage on stdout and exits 0", async () => {
    const r = await runCli([name, "--help"]);
    expectExit(r, 0);
    expect(r.stderr).toBe("");
    expect(r.stdout.startsWith(`usage: meritlog ${name} `)).toBe(true);
    expect(r.stdout.endsWith("\n")).toBe(true);
    for (const part of MENTIONS[name]) expect(r.stdout).toContain(part);
    const short = await runCli([name, "-h"]);
    expectExit(short, 0);
    expect(short.stdout).toBe(r.stdout);
  });

  test("an unknown option exits 2 with the command's usage", async () => {
    const r = await runCli([name, "--frobnicate"]);
    expectExit(r, 2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(new RegExp(`^meritlog ${name}: Unknown option '--frobnicate'\\.`));
    expect(r.stderr.endsWith(await usageOf(name))).toBe(true);
  });
});

describe("missing or surplus arguments exit 2 with the message and the command's usage", () => {
  const cases: [string, (dir: string) => string[], string][] = [
    ["keygen without --origin", () => ["keygen"], "--origin is required (e.g. github.com/<owner>/<repo>/meritlog)"],
    ["keygen with a stray argument", () => ["keygen", "--origin", "x", "extra"], "unexpected argument 'extra'"],
    ["keygen --origin without its value", () => ["keygen", "--origin"], "Option '--origin <value>' argument missing"],
    ["append without a folder", (d) => ["append", "--key", `${d}/k`], "a ledger folder, or --remote <url|path>, is required"],
    ["append without --key", (d) => ["append", `${d}/ledger`], "--key <file> is required"],
    ["append with a stray argument", (d) => ["append", `${d}/ledger`, "more", "--key", `${d}/k`], "unexpected argument 'more'"],
    ["verify without a folder", () => ["verify"], "the ledger folder is required"],
    ["verify with a stray argument", (d) => ["verify", d, "more"], "unexpected argument 'more'"],
    ["prove without anything", () => ["prove"], "the ledger folder and an entry's seq or id are required"],
    ["prove without a seq or id", (d) => ["prove", d], "the ledger folder and an entry's seq or id are required"],
    ["prove with a stray argument", (d) => ["prove", d, "0", "more"], "unexpected argument 'more'"],
    ["check-proof without a file", () => ["check-proof", "--vkey", "k"], "the proof file is required ('-' reads stdin)"],
    ["check-proof without --vkey", (d) => ["check-proof", `${d}/p`], "--vkey is required: the proof is only as good as the key you trust"],
    ["check-proof with a stray argument", () => ["check-proof", "a", "b", "--vkey", "k"], "unexpected argument 'b'"],
  ];
  test.each(cases)("%s", async (_, args, message) => {
    const dir = tempDir();
    const argv = args(dir);
    const name = argv[0] as string;
    const r = await runCli(argv, { cwd: dir });
    expectExit(r, 2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(`meritlog ${name}: ${message}\n${await usageOf(name)}`);
  });
});
