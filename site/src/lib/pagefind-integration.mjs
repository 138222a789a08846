// Indexes the built pages with Pagefind's Node API: search runs in the browser, from static files.
import { fileURLToPath } from "node:url";
import * as pagefind from "pagefind";

export default function pagefindIntegration() {
  return {
    name: "meritlog-pagefind",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const { index } = await pagefind.createIndex({});
        const { errors, page_count } = await index.addDirectory({ path: site });
        if (errors.length > 0) throw new Error(`pagefind: ${errors.join("; ")}`);
        await index.writeFiles({ outputPath: `${site}/pagefind` });
        await pagefind.close();
        logger.info(`search index: ${page_count} pages`);
      },
    },
  };
}
