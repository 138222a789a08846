/**
 * The built action, run as the runner runs it: dist/index.js with the runner's environment.
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ACTION = join(import.meta.dirname, "..", "..", "dist", "index.js");
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function workspace(config?: string): string {
  const dir = mkdtempSync(join(tmpdir(), "meritlog-action-"));
  dirs.push(dir);
  if (config !== undefined) {
    mkdirSync(join(dir, ".github"));
    writeFileSync(join(dir, ".github", "meritlog.yml"), config);
  }
  return dir;
}

function runAction(ws: string, inputs: Record<string, string> = {}): Promise<{ code: number | null; stdout: string }> {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, GITHUB_EVENT_NAME: "pull_request", GITHUB_WORKSPACE: ws };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  return new Promise((done) => {
    const child = spawn(process.execPath, [ACTION], { cwd: ws, env });
    let stdout = "";
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString("utf8");
    });
    child.on("close", (code) => done({ code, stdout }));
  });
}

describe("the action checks its configuration", () => {
  it("a valid configuration is reported with its rules hash; exit 0", async () => {
    const r = await runAction(workspace("points:\n  review: 25\n"));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/meritlog: \.github\/meritlog\.yml is valid \(rules sha256:[0-9a-f]{64}\)/);
  });

  it("no configuration means the defaults; exit 0", async () => {
    const r = await runAction(workspace());
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("no .github/meritlog.yml; the documented defaults apply");
  });

  it("each problem becomes an error annotation on its file, line and column; exit 1", async () => {
    const r = await runAction(workspace("points:\n  reveiw: 25\nlimits:\n  monthly_cap: -5\n"));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("::error title=meritlog configuration,file=.github/meritlog.yml,line=2,col=3::points.reveiw: unknown key;");
    expect(r.stdout).toContain("did you mean 'review'?");
    expect(r.stdout).toContain(
      "::error title=meritlog configuration,file=.github/meritlog.yml,line=4,col=16::limits.monthly_cap: found -5; expected a number ≥ 0",
    );
  });

  it("a config path outside the workspace is refused with what was expected", async () => {
    const r = await runAction(workspace(), { config: "../../etc/passwd" });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Invalid config '../../etc/passwd'. Expected a path inside the workspace");
  });
});
