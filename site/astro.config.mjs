// The site is built from a ledger folder (MERITLOG_LEDGER) into MERITLOG_SITE_OUT, under the base
// path GitHub Pages gives a project site (MERITLOG_SITE_BASE, e.g. /widgets/).
import { fileURLToPath } from "node:url";
import { defineConfig } from "astro/config";
import pagefind from "./src/lib/pagefind-integration.mjs";

export default defineConfig({
  site: process.env.MERITLOG_SITE_URL ?? "https://example.invalid",
  base: process.env.MERITLOG_SITE_BASE ?? "/",
  outDir: process.env.MERITLOG_SITE_OUT ?? "./dist",
  trailingSlash: "ignore",
  // Several pages at once: a page's file is written while the next one renders, so the build does
  // not wait on the disk tens of thousands of times over.
  build: { format: "directory", concurrency: 4 },
  integrations: [pagefind()],
  vite: {
    server: { fs: { allow: [".."] } },
    // The project's root, where the built CLI is: pages are bundled away from their source folders.
    define: { __MERITLOG_ROOT__: JSON.stringify(fileURLToPath(new URL("..", import.meta.url))) },
  },
});
