import { resolve } from "node:path";
import { type ContributorStats, foldEntries } from "../../aggregate/contributors.ts";
import { parseVerifierKey } from "../../ledger/keys.ts";
import { lineAt } from "../../ledger/layout.ts";
import { badgeMismatch } from "../../scoring/badges.ts";
import { mismatch } from "../../scoring/recompute.ts";
import { LedgerInvalidError } from "../../store/folder.ts";
import { readEntries } from "../../store/read-entries.ts";
import { folderRules } from "../../store/rules-folder.ts";
import { verifyFolder } from "../../store/verify.ts";
import { EXIT, readOptionFile, UsageError } from "../io.ts";
import type { Command } from "../main.ts";
import { withLedgerFolder } from "../target.ts";

/**
 * Recomputes every award from its recorded inputs and rules, and checks every badge against the record
 * before it; the first mismatch is an invalid ledger, and all are listed.
 */
async function recomputeAll(dir: string): Promise<void> {
  const rules = folderRules(dir);
  const problems: { seq: number; text: string }[] = [];
  const record = new Map<number, ContributorStats>();
  for await (const entry of readEntries(dir)) {
    const wrong = entry.kind === "badge" ? badgeMismatch(entry, record) : mismatch(entry, rules);
    if (wrong) problems.push({ seq: entry.seq, text: `seq ${entry.seq} (${entry.id}): ${wrong}` });
    foldEntries([entry], record);
  }
  const first = problems[0];
  if (first) {
    const shown = problems.slice(0, 20).map((p) => `  ${p.text}`);
    const more = problems.length > 20 ? [`  … and ${problems.length - 20} more`] : [];
    throw new LedgerInvalidError(
      lineAt(first.seq),
      `${problems.length} entr${problems.length === 1 ? "y does" : "ies do"} not recompute:\n${[...shown, ...more].join("\n")}`,
      first.seq,
    );
  }
}

export const verifyCommand: Command = {
  summary: "verify a ledger: schema, canonical form, seq, chain, signatures, Merkle root, checkpoint, witnesses",
  usage: "<ledger-dir | remote> [--branch <name>] [--vkey <verifier-key>]… [--witness <checkpoint-file>]… [--fast] [--recompute] [--json]",
  options: {
    witness: { type: "string", multiple: true },
    vkey: { type: "string", multiple: true },
    fast: { type: "boolean" },
    recompute: { type: "boolean" },
    json: { type: "boolean" },
    branch: { type: "string" },
  },
  async run({ values, positionals }, io) {
    const [target, ...extra] = positionals;
    if (!target) throw new UsageError("the ledger folder is required");
    if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`);
    const witnesses = await Promise.all(
      ((values.witness as string[] | undefined) ?? []).map(async (path) => ({
        path,
        note: await readOptionFile("--witness", resolve(io.cwd, path)),
      })),
    );
    const level = values.fast ? "fast" : "full";
    const vkeys = values.vkey as string[] | undefined;
    const trusted = vkeys?.map(parseVerifierKey);
    const started = performance.now();
    try {
      const ledger = await withLedgerFolder(target, values.branch as string | undefined, io, async (dir) => {
        const verified = await verifyFolder(dir, { level, witnesses, ...(trusted ? { trusted } : {}) });
        if (values.recompute) await recomputeAll(dir);
        return verified;
      });
      const seconds = (performance.now() - started) / 1000;
      const root = ledger.checkpoint.root.toString("base64");
      if (values.json) {
        io.stdout(
          `${JSON.stringify({ ok: true, level, origin: ledger.origin, size: ledger.size, root, witnesses: ledger.witnesses, seconds })}\n`,
        );
      } else {
        const checked =
          (level === "fast" ? "seq, chain, Merkle root and checkpoint" : "every entry, signature, the chain, Merkle root and checkpoint") +
          (values.recompute ? "; every award recomputed" : "");
        io.stdout(`ok: ${ledger.size} entries of ${ledger.origin}, root ${root}; ${checked} verified in ${seconds.toFixed(2)}s\n`);
        for (const w of ledger.witnesses) io.stdout(`ok: extends the witness checkpoint ${w.path} (size ${w.size})\n`);
      }
      return EXIT.ok;
    } catch (e) {
      if (!(e instanceof LedgerInvalidError) || !values.json) throw e;
      io.stdout(
        `${JSON.stringify({ ok: false, level, where: e.where, ...(e.seq !== undefined ? { seq: e.seq } : {}), reason: e.message.slice(e.where.length + 2) })}\n`,
      );
      return EXIT.invalid;
    }
  },
};
