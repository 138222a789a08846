import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { bodyShapeError, type EntryBody } from "../../ledger/entry.ts";
import { JsonSyntaxError, parseStrict } from "../../ledger/json.ts";
import { parseSignerKey, type Signer } from "../../ledger/keys.ts";
import { CompactRange } from "../../ledger/merkle.ts";
import { appendToFolder } from "../../store/append-folder.ts";
import { KeyMismatchError } from "../../store/ledger-files.ts";
import { EXIT, InvalidInputError, UsageError } from "../io.ts";
import type { Command } from "../main.ts";

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
  return parseSignerKey(await readFile(path, "utf8"));
}

export const appendCommand: Command = {
  summary: "append entry bodies (JSON lines on stdin) to a ledger folder, signing and checkpointing them",
  usage: "<ledger-dir> --key <file> [--rotate]",
  options: { key: { type: "string" }, rotate: { type: "boolean" } },
  async run({ values, positionals }, io) {
    const [target, ...extra] = positionals;
    if (!target) throw new UsageError("the ledger folder is required");
    if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`);
    if (!values.key) throw new UsageError("--key <file> is required");
    const signer = await readSigner(resolve(io.cwd, values.key as string));
    const bodies = parseBodies(await io.stdin());
    let prepared: Awaited<ReturnType<typeof appendToFolder>>;
    try {
      prepared = await appendToFolder(resolve(io.cwd, target), bodies, signer, { rotate: values.rotate === true });
    } catch (e) {
      if (e instanceof KeyMismatchError) throw new UsageError(`--key: ${e.message} (--rotate)`);
      throw e;
    }
    const { result, base } = prepared;
    if (prepared.changes.size === 0) {
      io.stdout(`appended 0 entries; ${result.skipped.length} already recorded; ledger unchanged at ${base.size} entries\n`);
      return EXIT.ok;
    }
    const root = CompactRange.fromHashes(result.head.size, [...result.head.range])
      .root()
      .toString("base64");
    const range = result.lines.length > 0 ? ` (seq ${base.size}–${result.head.size - 1})` : "";
    io.stdout(
      `appended ${result.lines.length} entries${range}; ${result.skipped.length} already recorded; checkpoint ${result.head.size} ${root}\n`,
    );
    return EXIT.ok;
  },
};
