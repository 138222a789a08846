// Writes the search index (search.ts) with Pagefind: search runs in the browser, from static files.
import { fileURLToPath } from "node:url";
import * as pagefind from "pagefind";
import { searchIndex } from "./search.ts";

export default function pagefindIntegration() {
  return {
    name: "meritlog-pagefind",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const index = await searchIndex();
        const { errors } = await index.writeFiles({ outputPath: `${fileURLToPath(dir)}/pagefind` });
        if (errors.length > 0) throw new Error(`pagefind: ${errors.join("; ")}`);
        await pagefind.close();
        logger.info("search index written");
      },
    },
  };
}
