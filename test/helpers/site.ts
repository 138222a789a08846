/**
 * Building the Astro site from a ledger folder as a child process (as CI and the Pages workflow do),
 * serving the output on 127.0.0.1, and driving Debian's Chromium with playwright-core.
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium } from "playwright-core";
import { runProcess } from "./git-remote.ts";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** Debian's Chromium (installed by .ci/run), or another Chromium-based browser named by CHROMIUM. */
export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

/** What a test runner puts in the environment that would change how Vite (under Astro) builds. */
const TEST_RUNNER_ENV = [
  "BASE_URL",
  "MODE",
  "DEV",
  "PROD",
  "SSR",
  "NODE_ENV",
  "VITEST",
  "VITEST_MODE",
  "VITEST_POOL_ID",
  "VITEST_WORKER_ID",
  "TEST",
];

export async function buildSite(
  ledger: string,
  out: string,
  base = "/",
  extraEnv: Record<string, string> = {},
): Promise<{ ms: number; output: string }> {
  const astro = join(ROOT, "node_modules", "astro", "bin", "astro.mjs");
  const run = await runProcess(process.execPath, [astro, "build", "--root", join(ROOT, "site")], {
    cwd: ROOT,
    env: {
      ...Object.fromEntries(TEST_RUNNER_ENV.map((k) => [k, undefined])),
      MERITLOG_LEDGER: ledger,
      MERITLOG_SITE_OUT: out,
      MERITLOG_SITE_BASE: base,
      ASTRO_TELEMETRY_DISABLED: "1",
      ...extraEnv,
    },
    timeoutMs: 600_000,
  });
  const output = run.stdout + run.stderr;
  if (run.code !== 0) throw new Error(`astro build failed (${run.code}):\n${output}`);
  return { ms: run.ms, output };
}

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css",
  ".js": "text/javascript",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".xml": "application/atom+xml",
  ".csv": "text/csv",
  ".wasm": "application/wasm",
  ".pf_meta": "application/octet-stream",
};

/** Serves `dir` under `base` on 127.0.0.1, as GitHub Pages would (directory URLs → index.html). */
export async function serve(dir: string, base = "/"): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    if (!path.startsWith(base)) return void res.writeHead(404).end();
    let file = normalize(join(dir, path.slice(base.length)));
    if (!file.startsWith(dir)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) return void res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${base}`, server };
}

/** Headless Chromium with the flags this closed network needs (no background connections). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
