import { readFile, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { LedgerHead } from "../../ledger/append.ts";
import { bodyShapeError, type EntryBody } from "../../ledger/entry.ts";
import { formatHead, HeadError, parseHead } from "../../ledger/head.ts";
import { JsonSyntaxError, parseStrict } from "../../ledger/json.ts";
import { parseSignerKey, type Signer } from "../../ledger/keys.ts";
import { CompactRange } from "../../ledger/merkle.ts";
import { appendToFolder } from "../../store/append-folder.ts";
import { appendToBranch } from "../../store/git/append-branch.ts";
import type { Author } from "../../store/git/repo.ts";
import { KeyMismatchError, type PreparedAppend } from "../../store/ledger-files.ts";
import { EXIT, InvalidInputError, readOptionFile, UsageError } from "../io.ts";
import type { Command } from "../main.ts";
import { remoteSpec } from "../target.ts";

/** Parses entry bodies, one JSON object a line; the first bad line is an error naming stdin:line:col. */
export function parseBodies(text: string): EntryBody[] {
  const bodies: EntryBody[] = [];
  for (const [i, line] of text.split("\n").entries()) {
    if (line.trim() === "") continue;
    let value: unknown;
    try {
      value = parseStrict(line);
    } catch (e) {
      if (e instanceof JsonSyntaxError) throw new InvalidInputError(`stdin:${i + 1}:${e.column}: ${e.reason}`);
      throw e;
    }
    const problem = bodyShapeError(value);
    if (problem) throw new InvalidInputError(`stdin:${i + 1}: ${problem}`);
    bodies.push(value as EntryBody);
  }
  return bodies;
}

export async function readSigner(path: string): Promise<Signer> {
  return parseSignerKey(await readOptionFile("--key", path));
}

/** Parses `Name <email>`. */
function parseAuthor(text: string): Author {
  const match = /^([^<>]+?)\s*<([^<>\s]+@[^<>\s]+)>$/.exec(text.trim());
  if (!match) throw new UsageError(`--author '${text}' must look like 'Name <email>'`);
  return { name: match[1] as string, email: match[2] as string };
}

async function readWitnessHead(path: string): Promise<LedgerHead> {
  try {
    return parseHead(parseStrict(await readFile(path, "utf8")), "");
  } catch (e) {
    if (e instanceof HeadError || e instanceof JsonSyntaxError) throw new InvalidInputError(`${path}: ${e.message}`);
    throw e;
  }
}

export const appendCommand: Command = {
  summary: "append entry bodies (JSON lines on stdin) to a ledger folder or data branch, signing and checkpointing them",
  usage:
    "<ledger-dir> --key <file> [--rotate]\n       meritlog append --remote <url|path> [--branch <name>] --key <file> [--rotate] [--author 'Name <email>'] [--since-head <head.json>] [--save-head <file>] [--sign-commits]",
  options: {
    key: { type: "string" },
    rotate: { type: "boolean" },
    remote: { type: "string" },
    branch: { type: "string" },
    author: { type: "string" },
    "since-head": { type: "string" },
    "save-head": { type: "string" },
    "sign-commits": { type: "boolean" },
  },
  async run({ values, positionals }, io) {
    const remote = values.remote as string | undefined;
    const [target, ...extra] = positionals;
    if (remote === undefined && !target) throw new UsageError("a ledger folder, or --remote <url|path>, is required");
    if (remote !== undefined && target) throw new UsageError(`give a ledger folder or --remote, not both ('${target}')`);
    if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`);
    if (!values.key) throw new UsageError("--key <file> is required");
    if (remote === undefined) {
      for (const flag of ["branch", "author", "since-head", "sign-commits"])
        if (values[flag] !== undefined) throw new UsageError(`--${flag} goes with --remote`);
    }
    const signer = await readSigner(resolve(io.cwd, values.key as string));
    const author = values.author === undefined ? undefined : parseAuthor(values.author as string);
    const sinceHead =
      values["since-head"] === undefined ? undefined : await readWitnessHead(resolve(io.cwd, values["since-head"] as string));
    const bodies = parseBodies(await io.stdin());
    const rotate = values.rotate === true;
    let prepared: PreparedAppend;
    let where: string;
    try {
      if (remote === undefined) {
        prepared = await appendToFolder(resolve(io.cwd, target as string), bodies, signer, { rotate });
        where = "";
      } else {
        const spec = remoteSpec(remote, values.branch as string | undefined);
        const done = await appendToBranch(spec, bodies, signer, {
          rotate,
          cwd: io.cwd,
          signCommits: values["sign-commits"] === true,
          ...(author ? { author } : {}),
          ...(sinceHead ? { witness: { ...sinceHead, origin: signer.name } } : {}),
        });
        prepared = done;
        where = done.commit
          ? ` in commit ${done.commit.slice(0, 12)} on ${spec.branch}${done.attempts > 1 ? ` (attempt ${done.attempts})` : ""}`
          : "";
      }
    } catch (e) {
      if (e instanceof KeyMismatchError) throw new UsageError(`--key: ${e.message}${e.rotatable ? " (--rotate)" : ""}`);
      throw e;
    }
    const { result, base } = prepared;
    if (values["save-head"] !== undefined)
      await writeFile(resolve(io.cwd, values["save-head"] as string), formatHead(prepared.changes.size > 0 ? result.head : base));
    if (prepared.changes.size === 0) {
      io.stdout(`appended 0 entries; ${result.skipped.length} already recorded; ledger unchanged at ${base.size} entries\n`);
      return EXIT.ok;
    }
    const root = CompactRange.fromHashes(result.head.size, [...result.head.range])
      .root()
      .toString("base64");
    const range = result.lines.length > 0 ? ` (seq ${base.size}–${result.head.size - 1})` : "";
    io.stdout(
      `appended ${result.lines.length} entries${range}${where}; ${result.skipped.length} already recorded; checkpoint ${result.head.size} ${root}\n`,
    );
    return EXIT.ok;
  },
};
