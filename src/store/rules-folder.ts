/**
 * The rules documents a ledger folder stores under rules/, by content hash.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { rulesPath } from "../ledger/layout.ts";
import type { ResolvedConfig } from "../scoring/config.ts";
import { openRulesDocument, type RulesLookup } from "../scoring/recompute.ts";

export function folderRules(dir: string): RulesLookup {
  const cache = new Map<string, ResolvedConfig | undefined>();
  return (hash) => {
    if (!cache.has(hash)) {
      let document: string | undefined;
      try {
        document = readFileSync(join(dir, rulesPath(hash)), "utf8");
      } catch {
        document = undefined;
      }
      cache.set(hash, document === undefined ? undefined : openRulesDocument(hash, document));
    }
    return cache.get(hash);
  };
}
