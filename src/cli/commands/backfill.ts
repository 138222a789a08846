import { UsageError } from "../io.ts";
import type { Command } from "../main.ts";
import { runSync, SYNC_OPTIONS } from "./reconcile.ts";

export const backfillCommand: Command = {
  summary: "score a repository's history since a date under today's rules, resuming where the last run stopped",
  usage:
    "<remote> --repo <owner/name> --since <YYYY-MM-DD> --key <file> [--config <file>] [--branch <name>]  (GITHUB_TOKEN, GITHUB_API_URL from the environment)",
  options: { ...SYNC_OPTIONS, since: { type: "string" } },
  run(parsed, io) {
    const since = parsed.values.since as string | undefined;
    if (!since || !/^\d{4}-\d{2}-\d{2}$/.test(since) || !new Date(`${since}T00:00:00Z`).toISOString().startsWith(since)) {
      throw new UsageError(`--since YYYY-MM-DD is required${since ? `; '${since}' is not a date` : ""}`);
    }
    return runSync(parsed, io, since);
  },
};
