// Bundles the action, the CLI and the verifier's worker into dist/. With --check, builds in memory
// and fails when dist/ differs from what src/ builds to: the committed bundle must be the source's.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import standaloneCode from "ajv/dist/standalone/index.js";
import { build } from "esbuild";
import { ajvOptions, SCHEMAS } from "../src/ledger/schemas.ts";

const check = process.argv.includes("--check");
const outdir = resolve("dist");

/**
 * Replaces src/ledger/schema.ts (which compiles validators at run time) with validators Ajv compiled
 * here, from the same schemas and options: compiling the configuration schema alone costs a start
 * about 200 ms.
 */
const precompiledValidators = {
  name: "precompiled-validators",
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]ledger[\\/]schema\.ts$/ }, () => ({
      contents: [
        ...Object.keys(SCHEMAS).map((name) => `import ${name} from "meritlog-validator:${name}";`),
        `const validators = { ${Object.keys(SCHEMAS).join(", ")} };`,
        "export function validator(name) { return () => validators[name]; }",
      ].join("\n"),
      loader: "js",
      resolveDir: resolve("src/ledger"),
    }));
    b.onResolve({ filter: /^meritlog-validator:/ }, (args) => ({
      path: args.path.slice("meritlog-validator:".length),
      namespace: "validator",
    }));
    b.onLoad({ filter: /.*/, namespace: "validator" }, (args) => {
      const { schema, report } = SCHEMAS[args.path];
      const ajv = new Ajv2020({ ...ajvOptions(report), code: { source: true, esm: true } });
      return { contents: standaloneCode(ajv, ajv.compile(schema)), loader: "js", resolveDir: resolve(".") };
    });
  },
};

const result = await build({
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
  plugins: [precompiledValidators],
  // The example workflows and configuration, embedded for meritlog init.
  loader: { ".yml": "text" },
  write: false,
});

const built = new Map(result.outputFiles.map((f) => [relative(outdir, f.path), Buffer.from(f.contents)]));
const present = existsSync(outdir)
  ? readdirSync(outdir, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => relative(outdir, join(d.parentPath, d.name)))
  : [];
const differ = [...new Set([...built.keys(), ...present])]
  .filter((f) => !built.has(f) || !present.includes(f) || !readFileSync(join(outdir, f)).equals(built.get(f)))
  .sort();

if (check) {
  if (differ.length > 0) {
    console.error(`dist/ does not match a fresh build of src/ (run npm run build and commit):\n  ${differ.join("\n  ")}`);
    process.exit(1);
  }
  console.log(`dist/ matches src/ (${built.size} files)`);
} else {
  // Only changed files are rewritten, so processes running dist/ meanwhile never see it missing.
  for (const f of differ) {
    const path = join(outdir, f);
    if (!built.has(f)) rmSync(path);
    else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, built.get(f), { mode: f === "cli.js" ? 0o755 : 0o644 });
    }
  }
}
