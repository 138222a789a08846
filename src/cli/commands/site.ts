import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { EXIT, UsageError } from "../io.ts";
import type { Command } from "../main.ts";
import { withLedgerFolder } from "../target.ts";

/** The package's root: site/ and node_modules/ sit beside dist/. */
const PACKAGE = fileURLToPath(new URL("..", import.meta.url));

export const siteCommand: Command = {
  summary: "build the static site (leaderboards, profiles, audit pages) from a ledger",
  usage: "<ledger-dir | remote> [--out <dir>] [--base /<repo>/] [--url <site url>] [--fast] [--branch <name>]",
  options: {
    out: { type: "string" },
    base: { type: "string" },
    url: { type: "string" },
    fast: { type: "boolean" },
    branch: { type: "string" },
  },
  async run({ values, positionals }, io) {
    const [target, ...extra] = positionals;
    if (!target) throw new UsageError("which ledger? meritlog site <ledger-dir | remote>");
    if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`);
    const base = (values.base as string | undefined) ?? "/";
    if (!/^\/([A-Za-z0-9._-]+\/)*$/.test(base)) throw new UsageError(`--base '${base}' must be a path like / or /widgets/`);
    const astro = join(PACKAGE, "node_modules", "astro", "bin", "astro.mjs");
    if (!existsSync(astro)) throw new UsageError("the site builder (astro) is not installed beside meritlog: npm install meritlog");
    const out = resolve(io.cwd, (values.out as string | undefined) ?? "_site");
    return withLedgerFolder(target, values.branch as string | undefined, io, async (ledger) => {
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        MERITLOG_LEDGER: ledger,
        MERITLOG_SITE_OUT: out,
        MERITLOG_SITE_BASE: base,
        ...(values.url ? { MERITLOG_SITE_URL: values.url as string } : {}),
        ...(values.fast ? { MERITLOG_VERIFY: "fast" } : {}),
        ASTRO_TELEMETRY_DISABLED: "1",
      };
      // Vite reads these names from the environment too; the base comes from --base alone.
      for (const name of ["BASE_URL", "MODE", "DEV", "PROD", "SSR"]) delete env[name];
      const code = await new Promise<number | null>((done, fail) => {
        // From the package's root: Astro resolves the site's own dependencies (and keeps its cache) there.
        const child = spawn(process.execPath, [astro, "build", "--root", join(PACKAGE, "site"), "--silent"], {
          cwd: PACKAGE,
          env,
          stdio: ["ignore", "inherit", "inherit"],
        });
        child.on("error", fail);
        child.on("close", done);
      });
      if (code !== 0) return EXIT.invalid;
      io.stderr(`built the site into ${out}\n`);
      return EXIT.ok;
    });
  },
};
