import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { ConfigError, parseConfig } from "../../scoring/config.ts";
import { simulate } from "../../scoring/simulate.ts";
import { allEntries } from "../../store/read-entries.ts";
import { verifyFolder } from "../../store/verify.ts";
import { EXIT, InvalidInputError, printable, UsageError } from "../io.ts";
import type { Command } from "../main.ts";
import { withLedgerFolder } from "../target.ts";

export const simulateCommand: Command = {
  summary: "recompute the recorded facts under a candidate config and show how totals and ranks would move (writes nothing)",
  usage: "<ledger-dir | remote> --config <candidate.yml> [--branch <name>] [--top <n>]",
  options: { config: { type: "string" }, branch: { type: "string" }, top: { type: "string" } },
  async run({ values, positionals }, io) {
    const [target, ...extra] = positionals;
    if (!target) throw new UsageError("the ledger is required");
    if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`);
    if (!values.config) throw new UsageError("--config <candidate.yml> is required");
    const top = values.top === undefined ? 20 : Number(values.top);
    if (!Number.isInteger(top) || top < 1) throw new UsageError(`--top '${String(values.top)}' must be a positive whole number`);
    const file = values.config as string;
    let candidate: ReturnType<typeof parseConfig>;
    try {
      candidate = parseConfig(await readFile(resolve(io.cwd, file), "utf8"), file);
    } catch (e) {
      if (e instanceof ConfigError) throw new InvalidInputError(`the candidate config has problems:\n${e.message}`);
      throw e;
    }
    const result = await withLedgerFolder(target, values.branch as string | undefined, io, async (dir) => {
      await verifyFolder(dir, { level: "fast" });
      return simulate(await allEntries(dir), candidate);
    });
    const pts = (m: number) => (m / 1000).toFixed(3);
    const lines = [
      `${result.recomputed} awards recomputed; ${result.changed} change; total ${pts(result.before.total)} → ${pts(result.after.total)} points`,
      "",
    ];
    lines.push("rank  was  contributor              points now   was      change");
    for (const row of result.rows.slice(0, top)) {
      const move = row.rankBefore === undefined ? "new" : String(row.rankBefore);
      lines.push(
        `${String(row.rankAfter).padStart(4)}  ${move.padStart(3)}  ${printable(row.login).padEnd(23)} ${pts(row.after).padStart(10)} ${pts(row.before).padStart(10)} ${(row.after - row.before >= 0 ? "+" : "") + pts(row.after - row.before)}`,
      );
    }
    io.stdout(`${lines.join("\n")}\n`);
    return EXIT.ok;
  },
};
