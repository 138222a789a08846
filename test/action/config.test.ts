/**
 * The built action checks its configuration before anything else: every problem is an error
 * annotation on its file, line and column, and nothing is recorded.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { issuesOpened } from "../helpers/webhooks.ts";
import { eachTestInANewWorld, type World } from "./world.ts";

const world = eachTestInANewWorld();
let w: World;
beforeEach(() => {
  w = world();
});

const run = (inputs: Record<string, string> = {}) => w.run("issues", w.payload(issuesOpened()), { inputs });

describe("the action checks its configuration", () => {
  it("a valid configuration is reported with its rules hash, and used", async () => {
    w.config = "points:\n  issue_opened: 11\n";
    const r = await run();
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toMatch(/meritlog: rules sha256:[0-9a-f]{64} from \.github\/meritlog\.yml/);
    expect((await w.entries())[0]?.points).toBe(11_000);
  });

  it("no configuration means the defaults", async () => {
    const r = await run();
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("no .github/meritlog.yml; the documented defaults apply");
    expect((await w.entries())[0]?.points).toBe(8_000);
  });

  it("each problem becomes an error annotation on its file, line and column; exit 1, nothing recorded", async () => {
    w.config = "points:\n  reveiw: 25\nlimits:\n  monthly_cap: -5\n";
    const before = w.snapshot();
    const r = await run();
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("::error title=meritlog configuration,file=.github/meritlog.yml,line=2,col=3::points.reveiw: unknown key;");
    expect(r.stdout).toContain("did you mean 'review'?");
    expect(r.stdout).toContain(
      "::error title=meritlog configuration,file=.github/meritlog.yml,line=4,col=16::limits.monthly_cap: found -5; expected a number ≥ 0",
    );
    expect(w.snapshot()).toEqual(before);
  });

  it("a config path outside the workspace is refused with what was expected", async () => {
    const r = await run({ config: "../../etc/passwd" });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("input 'config': '../../etc/passwd' is outside the workspace");
  });
});
