import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { ConfigError, parseConfig, rulesDocument, rulesHash } from "../../scoring/config.ts";
import { rescore } from "../../scoring/rescore.ts";
import { appendToFolder } from "../../store/append-folder.ts";
import { appendToBranch } from "../../store/git/append-branch.ts";
import { withCheckout } from "../../store/git/checkout.ts";
import { allEntries } from "../../store/read-entries.ts";
import { verifyFolder } from "../../store/verify.ts";
import { EXIT, InvalidInputError, UsageError } from "../io.ts";
import type { Command } from "../main.ts";
import { remoteSpec } from "../target.ts";
import { readSigner } from "./append.ts";

export const rescoreCommand: Command = {
  summary: "apply a config to awards since a date: append a reversal and a new award for each that changes",
  usage: "<ledger-dir> | --remote <url|path> [--branch <name>]  --since <YYYY-MM-DD> --config <file> --key <file>",
  options: {
    since: { type: "string" },
    config: { type: "string" },
    key: { type: "string" },
    remote: { type: "string" },
    branch: { type: "string" },
  },
  async run({ values, positionals }, io) {
    const remote = values.remote as string | undefined;
    const [target, ...extra] = positionals;
    if ((remote === undefined) === (target === undefined)) throw new UsageError("give a ledger folder or --remote, one of them");
    if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`);
    const since = values.since as string | undefined;
    if (!since || !/^\d{4}-\d{2}-\d{2}$/.test(since) || Number.isNaN(Date.parse(since)))
      throw new UsageError("--since YYYY-MM-DD is required");
    if (!values.config || !values.key) throw new UsageError("--config <file> and --key <file> are required");
    const file = values.config as string;
    let rules: ReturnType<typeof parseConfig>;
    try {
      rules = parseConfig(await readFile(resolve(io.cwd, file), "utf8"), file);
    } catch (e) {
      if (e instanceof ConfigError) throw new InvalidInputError(e.message);
      throw e;
    }
    const signer = await readSigner(resolve(io.cwd, values.key as string));
    const source = { event: "rescore" };
    const documents = new Map([[rulesHash(rules), rulesDocument(rules)]]);
    const plan = async (dir: string) => {
      await verifyFolder(dir, { level: "fast" });
      return rescore(await allEntries(dir), rules, `${since}T00:00:00Z`, source);
    };
    let appended: number;
    if (remote === undefined) {
      const dir = resolve(io.cwd, target as string);
      const bodies = await plan(dir);
      appended = (await appendToFolder(dir, bodies, signer, { rules: documents })).result.lines.length;
    } else {
      const spec = remoteSpec(remote, values.branch as string | undefined);
      const bodies = await withCheckout(spec, io.cwd, plan);
      appended = (await appendToBranch(spec, bodies, signer, { rules: documents, cwd: io.cwd })).result.lines.length;
    }
    io.stdout(`rescored under ${rulesHash(rules)}: appended ${appended} entries (reversals and new awards)\n`);
    return EXIT.ok;
  },
};
