import { canonicalize } from "../../ledger/json.ts";
import { recompute } from "../../scoring/recompute.ts";
import { readEntries } from "../../store/read-entries.ts";
import { folderRules } from "../../store/rules-folder.ts";
import { verifyFolder } from "../../store/verify.ts";
import { EXIT, InvalidInputError, printable, UsageError } from "../io.ts";
import type { Command } from "../main.ts";
import { withLedgerFolder } from "../target.ts";

function pts(millipoints: number): string {
  const sign = millipoints < 0 ? "-" : "";
  const abs = Math.abs(millipoints);
  return `${sign}${Math.floor(abs / 1000)}.${String(abs % 1000).padStart(3, "0")}`;
}

export const explainCommand: Command = {
  summary: "recompute one entry from its recorded inputs and rules, rule by rule",
  usage: "<ledger-dir | remote> <entry id> [--branch <name>]",
  options: { branch: { type: "string" } },
  async run({ values, positionals }, io) {
    const [target, id, ...extra] = positionals;
    if (!target || !id) throw new UsageError("the ledger and an entry id are required");
    if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`);
    if (!/^[0-9a-f]{64}$/.test(id)) throw new UsageError(`'${id}' is not an entry id (64 hex digits)`);
    const text = await withLedgerFolder(target, values.branch as string | undefined, io, async (dir) => {
      await verifyFolder(dir, { level: "fast" });
      for await (const entry of readEntries(dir)) {
        if (entry.id !== id) continue;
        const out = [`entry ${entry.id} (seq ${entry.seq}, ${entry.kind}) for ${entry.actor.login} in ${entry.repo.name}, ${entry.time}`];
        out.push(`subject: ${entry.subject.type}${entry.subject.number ? ` #${entry.subject.number}` : ""} ${entry.subject.url}`);
        out.push(`rules: ${entry.rules}`, "", "rule                   points  note");
        for (const b of entry.breakdown) out.push(`${b.rule.padEnd(22)} ${pts(b.points).padStart(7)}  ${printable(b.note ?? "")}`);
        out.push(`${"total".padEnd(22)} ${pts(entry.points).padStart(7)}`);
        const rules = folderRules(dir)(entry.rules);
        if (entry.kind !== "award" || !entry.inputs?.family) {
          out.push(
            "",
            `this ${entry.kind} entry is recorded, not computed from rules${entry.reason ? `: ${printable(entry.reason)}` : ""}`,
          );
        } else if (!rules) {
          out.push("", `the rules document ${entry.rules} is not in the ledger, so the points cannot be recomputed here`);
        } else {
          const again = recompute(entry, rules);
          const same = again && again.points === entry.points && canonicalize(again.breakdown) === canonicalize(entry.breakdown);
          out.push(
            "",
            same
              ? "recomputed from the recorded inputs and rules: the same points, rule by rule"
              : `recomputed: ${pts(again?.points ?? 0)} — DIFFERS from the record`,
          );
          out.push(`inputs: ${printable(JSON.stringify(entry.inputs))}`);
        }
        return `${out.join("\n")}\n`;
      }
      throw new InvalidInputError(`no entry has id ${id}`);
    });
    io.stdout(text);
    return EXIT.ok;
  },
};
