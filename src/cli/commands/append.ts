import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { append, emptyHead, type LedgerHead } from "../../ledger/append.ts";
import { bodyShapeError, type EntryBody } from "../../ledger/entry.ts";
import { JsonSyntaxError, parseStrict } from "../../ledger/json.ts";
import { type KeysFile, rotate } from "../../ledger/keyring.ts";
import { parseSignerKey, type Signer } from "../../ledger/keys.ts";
import { KEYS_FILE } from "../../ledger/layout.ts";
import { CompactRange } from "../../ledger/merkle.ts";
import { readKeyring, writeAppend } from "../../store/folder.ts";
import { verifyFolder } from "../../store/verify.ts";
import { EXIT, InvalidInputError, UsageError } from "../io.ts";
import type { Command } from "../main.ts";

/** Parses entry bodies, one JSON object a line; the first bad line is an error naming stdin:line:col. */
export function parseBodies(text: string): EntryBody[] {
  const bodies: EntryBody[] = [];
  text.split("\n").forEach((line, i) => {
    if (line.trim() === "") return;
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
  });
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
    const dir = resolve(io.cwd, target);
    const signer = await readSigner(resolve(io.cwd, values.key as string));
    const bodies = parseBodies(await io.stdin());

    let head: LedgerHead;
    let keys: KeysFile | undefined;
    let known: ReadonlySet<string>;
    if (!existsSync(join(dir, KEYS_FILE))) {
      keys = { v: 1, origin: signer.name, keys: [{ vkey: signer.verifier.vkey, from: 0 }] };
      head = emptyHead(signer.name);
      known = new Set();
    } else {
      const keyring = await readKeyring(dir);
      if (signer.name !== keyring.file.origin) {
        throw new UsageError(`--key is named '${signer.name}', but this ledger's origin is '${keyring.file.origin}'`);
      }
      const rotating = keyring.current.vkey !== signer.verifier.vkey;
      if (rotating && !values.rotate) {
        throw new UsageError(
          `--key is not the ledger's current key ${keyring.current.vkey}; pass --rotate to make it the current key from the next entry`,
        );
      }
      // Appending onto a ledger that does not verify would sign whatever is wrong with it; and until
      // the data branch keeps an id index, this pass is also what dedupes against recorded ids.
      const ledger = await verifyFolder(dir, { level: "fast" });
      head = ledger.head;
      known = new Set(ledger.ids);
      if (rotating) keys = rotate(keyring.file, signer.verifier, head.size);
    }
    const result = append(head, bodies, signer, (id) => known.has(id));
    if (result.lines.length === 0 && !keys) {
      io.stdout(`appended 0 entries; ${result.skipped.length} already recorded; ledger unchanged at ${head.size} entries\n`);
      return EXIT.ok;
    }
    await writeAppend(dir, {
      ...(keys ? { keys } : {}),
      startSeq: head.size,
      lines: result.lines,
      head: result.head,
      checkpoint: result.checkpoint,
    });
    const root = CompactRange.fromHashes(result.head.size, [...result.head.range])
      .root()
      .toString("base64");
    io.stdout(
      `appended ${result.lines.length} entries (seq ${head.size}–${result.head.size - 1}); ${result.skipped.length} already recorded; checkpoint ${result.head.size} ${root}\n`,
    );
    return EXIT.ok;
  },
};
