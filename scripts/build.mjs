// Bundles the action, the CLI and the verifier's worker into dist/. With --check, builds beside it
// and fails when dist/ differs from what src/ builds to: the committed bundle must be the source's.
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";

const check = process.argv.includes("--check");
// Same depth as dist/, so the source maps' relative paths come out identical.
const outdir = check ? ".dist-check" : "dist";
rmSync(outdir, { recursive: true, force: true });

await build({
  entryPoints: {
    index: "src/action/index.ts",
    cli: "src/cli/index.ts",
    "verify-worker": "src/store/verify-worker.ts",
  },
  outdir,
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node24",
  sourcemap: true,
  legalComments: "linked",
  // Bundled CommonJS dependencies call require(); ESM output has to be given one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: "warning",
});

if (check) {
  const files = (dir) =>
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => join(d.parentPath, d.name).slice(dir.length + 1))
      .sort();
  const built = files(outdir);
  const committed = files("dist");
  const differ = [...new Set([...built, ...committed])].filter(
    (f) => !built.includes(f) || !committed.includes(f) || !readFileSync(join(outdir, f)).equals(readFileSync(join("dist", f))),
  );
  rmSync(outdir, { recursive: true, force: true });
  if (differ.length > 0) {
    console.error(`dist/ does not match a fresh build of src/ (run npm run build and commit):\n  ${differ.join("\n  ")}`);
    process.exit(1);
  }
  console.log(`dist/ matches src/ (${built.length} files)`);
}
