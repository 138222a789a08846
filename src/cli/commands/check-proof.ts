import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseVerifierKey } from "../../ledger/keys.ts";
import { checkProof } from "../../ledger/proof.ts";
import { EXIT, UsageError } from "../io.ts";
import type { Command } from "../main.ts";

export const checkProofCommand: Command = {
  summary: "check a tlog-proof offline against a ledger's verifier key",
  usage: "<proof-file> --vkey <verifier-key> [--vkey …]",
  options: { vkey: { type: "string", multiple: true } },
  async run({ values, positionals }, io) {
    const [file, ...extra] = positionals;
    if (!file) throw new UsageError("the proof file is required ('-' reads stdin)");
    if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`);
    const vkeys = (values.vkey as string[] | undefined) ?? [];
    if (vkeys.length === 0) throw new UsageError("--vkey is required: the proof is only as good as the key you trust");
    const verifiers = vkeys.map(parseVerifierKey);
    const text = file === "-" ? await io.stdin() : await readFile(resolve(io.cwd, file), "utf8");
    const checked = checkProof(text, verifiers);
    const what = checked.entry
      ? `entry ${checked.entry.id} (${checked.entry.kind}, ${checked.entry.actor.login}, ${checked.entry.points} millipoints)`
      : "the line";
    io.stdout(`ok: ${what} is at seq ${checked.index} of ${checked.checkpoint.origin}, checkpoint size ${checked.checkpoint.size}\n`);
    return EXIT.ok;
  },
};
