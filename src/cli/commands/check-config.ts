import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { ConfigError, DEFAULT_CONFIG, parseConfig, rulesHash } from "../../scoring/config.ts";
import { EXIT, UsageError } from "../io.ts";
import type { Command } from "../main.ts";

export const checkConfigCommand: Command = {
  summary: "check a configuration file; every problem with its file:line:col",
  usage: `[file] (default ${DEFAULT_CONFIG})`,
  options: {},
  async run({ positionals }, io) {
    const [file = DEFAULT_CONFIG, ...extra] = positionals;
    if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`);
    let text: string;
    try {
      text = await readFile(resolve(io.cwd, file), "utf8");
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT" || positionals.length > 0) throw e;
      io.stdout(`no ${DEFAULT_CONFIG}: the documented defaults apply\n`);
      return EXIT.ok;
    }
    try {
      const rules = parseConfig(text, file);
      io.stdout(`ok: ${file} is valid; rules ${rulesHash(rules)}\n`);
      return EXIT.ok;
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      io.stderr(`${e.message}\n${e.problems.length} problem${e.problems.length === 1 ? "" : "s"} in ${file}\n`);
      return EXIT.invalid;
    }
  },
};
