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
    const { entry, checkpoint } = checked;
    io.stdout(
      `ok: entry ${entry.id} (${entry.kind}, ${entry.actor.login}, ${entry.points} millipoints) is at seq ${checked.index} of ${checkpoint.origin}, checkpoint size ${checkpoint.size}\n`,
    );
    if (checked.entrySignature === "key not given") {
      io.stdout(`note: the entry's own signature (by ${entry.sig.keyid}) was not checked: pass that key with --vkey to check it\n`);
    }
    return EXIT.ok;
  },
};
