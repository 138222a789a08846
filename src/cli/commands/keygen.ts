import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { generateSigner } from "../../ledger/keys.ts";
import { EXIT, UsageError } from "../io.ts";
import type { Command } from "../main.ts";

export const KEY_FILE_NAME = "meritlog.key";

export const keygenCommand: Command = {
  summary: "generate an Ed25519 signing key for a ledger",
  usage: "--origin <name> [--out <dir>]",
  options: { origin: { type: "string" }, out: { type: "string" } },
  async run({ values, positionals }, io) {
    const origin = values.origin as string | undefined;
    if (!origin) throw new UsageError("--origin is required (e.g. github.com/<owner>/<repo>/meritlog)");
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    let signer: ReturnType<typeof generateSigner>;
    try {
      signer = generateSigner(origin);
    } catch (e) {
      throw new UsageError(`--origin: ${(e as Error).message}`);
    }
    const path = resolve(io.cwd, (values.out as string | undefined) ?? ".", KEY_FILE_NAME);
    try {
      // 'wx': never overwrite a key, which would orphan every ledger it signs.
      await writeFile(path, `${signer.skey}\n`, { mode: 0o600, flag: "wx" });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EEXIST") throw new UsageError(`${path} already exists; refusing to overwrite a key`);
      throw e;
    }
    io.stderr(`wrote the private key to ${path} (mode 0600); keep it secret\n`);
    io.stdout(`${signer.verifier.vkey}\n`);
    return EXIT.ok;
  },
};
