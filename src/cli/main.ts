/**
 * The `meritlog` command line: parses the command, runs it, and maps every error to one clear
 * message and an exit code (0 ok, 1 invalid, 2 usage or I/O).
 */
import { type ParseArgsConfig, parseArgs } from "node:util";
import { GitHubApiError } from "../github/api.ts";
import { KeyFormatError } from "../ledger/keys.ts";
import { ProofError } from "../ledger/merkle.ts";
import { RecomputeError } from "../scoring/recompute.ts";
import { LedgerInvalidError, LedgerIoError } from "../store/folder.ts";
import { ContentionError } from "../store/git/append-branch.ts";
import { RemoteError } from "../store/git/repo.ts";
import { GitError } from "../store/git/run.ts";
import { appendCommand } from "./commands/append.ts";
import { backfillCommand } from "./commands/backfill.ts";
import { checkConfigCommand } from "./commands/check-config.ts";
import { checkProofCommand } from "./commands/check-proof.ts";
import { explainCommand } from "./commands/explain.ts";
import { initCommand } from "./commands/init.ts";
import { keygenCommand } from "./commands/keygen.ts";
import { proveCommand } from "./commands/prove.ts";
import { reconcileCommand } from "./commands/reconcile.ts";
import { rescoreCommand } from "./commands/rescore.ts";
import { simulateCommand } from "./commands/simulate.ts";
import { siteCommand } from "./commands/site.ts";
import { verifyCommand } from "./commands/verify.ts";
import { type CliIo, EXIT, type ExitCode, FileArgumentError, InvalidInputError, UsageError } from "./io.ts";

export interface Command {
  readonly summary: string;
  readonly usage: string;
  readonly options: NonNullable<ParseArgsConfig["options"]>;
  run(args: { values: Record<string, unknown>; positionals: string[] }, io: CliIo): Promise<ExitCode>;
}

const COMMANDS: Record<string, Command> = {
  init: initCommand,
  keygen: keygenCommand,
  append: appendCommand,
  verify: verifyCommand,
  prove: proveCommand,
  "check-proof": checkProofCommand,
  "check-config": checkConfigCommand,
  explain: explainCommand,
  simulate: simulateCommand,
  rescore: rescoreCommand,
  reconcile: reconcileCommand,
  backfill: backfillCommand,
  site: siteCommand,
};

function help(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  const rows = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return `usage: meritlog <command> [options]\n\ncommands:\n${rows.join("\n")}\n\nmeritlog <command> --help shows a command's options.\nexit codes: 0 ok, 1 invalid ledger or input, 2 usage or I/O error\n`;
}

export async function main(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    (name === undefined ? io.stderr : io.stdout)(help());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`meritlog: unknown command '${name}'\n\n${help()}`);
    return EXIT.usage;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout(`usage: meritlog ${name} ${command.usage}\n`);
    return EXIT.ok;
  }
  try {
    let parsed: { values: Record<string, unknown>; positionals: string[] };
    try {
      parsed = parseArgs({ args: [...rest], options: command.options, allowPositionals: true, strict: true });
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    return await command.run(parsed, io);
  } catch (e) {
    return report(name, command, e, io);
  }
}

function report(name: string, command: Command, e: unknown, io: CliIo): ExitCode {
  if (e instanceof UsageError) {
    io.stderr(`meritlog ${name}: ${e.message}\nusage: meritlog ${name} ${command.usage}\n`);
    return EXIT.usage;
  }
  if (
    e instanceof LedgerIoError ||
    e instanceof FileArgumentError ||
    e instanceof KeyFormatError ||
    e instanceof RemoteError ||
    e instanceof ContentionError ||
    e instanceof GitHubApiError ||
    e instanceof GitError
  ) {
    io.stderr(`meritlog ${name}: ${e.message}\n`);
    return EXIT.usage;
  }
  if (e instanceof LedgerInvalidError || e instanceof InvalidInputError || e instanceof ProofError || e instanceof RecomputeError) {
    io.stderr(`meritlog ${name}: ${e.message}\n`);
    return EXIT.invalid;
  }
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === "string") {
    io.stderr(`meritlog ${name}: ${(e as Error).message}\n`);
    return EXIT.usage;
  }
  throw e;
}
