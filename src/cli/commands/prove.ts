import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { SHARD_SIZE, shardOf, shardPath } from "../../ledger/layout.ts";
import { inclusionProof } from "../../ledger/merkle.ts";
import { formatProof } from "../../ledger/proof.ts";
import { shardLinesOrThrow } from "../../store/folder.ts";
import { verifyFolder } from "../../store/verify.ts";
import { EXIT, InvalidInputError, UsageError } from "../io.ts";
import type { Command } from "../main.ts";
import { withLedgerFolder } from "../target.ts";

export const proveCommand: Command = {
  summary: "print a C2SP tlog-proof that an entry (by seq or id) is in the ledger's current checkpoint",
  usage: "<ledger-dir | remote> <seq|id> [--branch <name>]",
  options: { branch: { type: "string" } },
  async run({ values, positionals }, io) {
    const [target, which, ...extra] = positionals;
    if (!target || which === undefined) throw new UsageError("the ledger folder and an entry's seq or id are required");
    if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`);
    if (!/^(0|[1-9]\d{0,15}|[0-9a-f]{64})$/.test(which)) throw new UsageError(`'${which}' is neither a seq nor a 64-hex-digit entry id`);
    const proof = await withLedgerFolder(target, values.branch as string | undefined, io, async (dir) => {
      const ledger = await verifyFolder(dir, { level: "fast", keepLeaves: true });
      const index = which.length === 64 ? ledger.ids.indexOf(which) : Number(which);
      if (index < 0 || index >= ledger.size) {
        throw new InvalidInputError(
          which.length === 64 ? `no entry has id ${which}` : `no entry has seq ${which}; the ledger has ${ledger.size}`,
        );
      }
      const path = shardPath(shardOf(index));
      const lines = shardLinesOrThrow(path, await readFile(join(dir, path)));
      const line = lines[index % SHARD_SIZE] as Buffer;
      return formatProof({ extra: line, index, hashes: inclusionProof(ledger.leaves ?? [], index), checkpoint: ledger.checkpointNote });
    });
    io.stdout(proof);
    return EXIT.ok;
  },
};
