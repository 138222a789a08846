/**
 * Bad configurations: each kind of mistake is reported at its file:line:col (1-based, counted by
 * hand in the YAML below), with the dotted key, what was found and what was expected. A missing or
 * empty configuration is not a mistake: it means the documented defaults.
 */
import { describe, expect, it } from "vitest";
import { ConfigError, type ConfigProblem, parseConfig } from "../../src/scoring/config.ts";

const FILE = ".github/meritlog.yml";

function problems(text: string, file = FILE): readonly ConfigProblem[] {
  try {
    parseConfig(text, file);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  throw new Error("the configuration was accepted");
}

function only(text: string): ConfigProblem {
  const found = problems(text);
  expect(found, JSON.stringify(found)).toHaveLength(1);
  return found[0] as ConfigProblem;
}

const TOP_KEYS = "version, points, review_states, lines, size_tiers, labels, credit, bots, limits, ratings, aliases, size_labels, commands";

describe("unknown keys", () => {
  it("at the top level, close to a known key: did you mean", () => {
    const p = only("version: 1\npoints:\n  pr_merged: 30\nlimts:\n  monthly_cap: 10\n");
    expect(p).toEqual({
      file: FILE,
      line: 4,
      column: 1,
      key: "limts",
      message: `unknown key; expected one of ${TOP_KEYS}; did you mean 'limits'?`,
    });
  });

  it("at the top level, close to nothing: the known keys, and no guess", () => {
    const p = only("zzzqqq: 1\n");
    expect(p).toEqual({ file: FILE, line: 1, column: 1, key: "zzzqqq", message: `unknown key; expected one of ${TOP_KEYS}` });
  });

  it("nested, close to a known key", () => {
    const p = only("points:\n  release: 30\n  pr_mergd: 30\n");
    expect([p.line, p.column, p.key]).toEqual([3, 3, "points.pr_mergd"]);
    expect(p.message).toBe(
      "unknown key; expected one of release, pr_merged, review, pr_opened, commit, issue_opened, issue_closed, review_comment, comment; did you mean 'pr_merged'?",
    );
  });

  it("nested, close to nothing", () => {
    const p = only("limits:\n  monthly_cap: 10\n  wibble: true\n");
    expect([p.line, p.column, p.key]).toEqual([3, 3, "limits.wibble"]);
    expect(p.message).toMatch(/^unknown key; expected one of monthly_cap, diminishing_after, /);
    expect(p.message).not.toContain("did you mean");
  });

  it("inside a list item", () => {
    const p = only("size_tiers:\n  - lines: 10\n    bonus: 1\n    lables: size/S\n");
    expect([p.line, p.column, p.key]).toEqual([4, 5, "size_tiers.0.lables"]);
    expect(p.message).toBe("unknown key; expected one of lines, bonus, label; did you mean 'label'?");
  });
});

describe("values", () => {
  it("of the wrong type: the value found, the type expected, at the value", () => {
    expect(only("points:\n  release: thirty\n")).toEqual({
      file: FILE,
      line: 2,
      column: 12,
      key: "points.release",
      message: 'found "thirty"; expected a number',
    });
    expect(only('bots:\n  exclude: "yes"\n')).toMatchObject({
      line: 2,
      column: 12,
      key: "bots.exclude",
      message: 'found "yes"; expected a boolean',
    });
    const logins = only("bots:\n  exclude: true\n  logins: dependabot\n");
    expect([logins.line, logins.column, logins.key]).toEqual([3, 11, "bots.logins"]);
    expect(logins.message).toMatch(/^found "dependabot"; expected an? array$/);
  });

  it("out of range, below and above", () => {
    expect(only("limits:\n  monthly_cap: -5\n")).toEqual({
      file: FILE,
      line: 2,
      column: 16,
      key: "limits.monthly_cap",
      message: "found -5; expected a number ≥ 0",
    });
    expect(only("review_states:\n  approved: 101\n")).toMatchObject({
      line: 2,
      column: 13,
      key: "review_states.approved",
      message: "found 101; expected a number ≤ 100",
    });
    expect(only("size_tiers:\n  - lines: 0\n    bonus: 1\n")).toMatchObject({
      line: 2,
      column: 12,
      key: "size_tiers.0.lines",
      message: "found 0; expected a number ≥ 1",
    });
  });

  it("not one of an enum", () => {
    expect(only("credit:\n  issue_closed: reviewer\n")).toEqual({
      file: FILE,
      line: 2,
      column: 17,
      key: "credit.issue_closed",
      message: 'found "reviewer"; expected one of "closer", "author", "none"',
    });
    expect(only("version: 2\n")).toMatchObject({ line: 1, column: 10, key: "version", message: "found 2; expected 1" });
  });

  it("with more than three decimals (the ledger keeps millipoints)", () => {
    expect(only("lines:\n  per_added: 0.0015\n")).toEqual({
      file: FILE,
      line: 2,
      column: 14,
      key: "lines.per_added",
      message: "found 0.0015; expected at most three decimals",
    });
    expect(only("labels:\n  - match: docs\n    multiply: 1.2345\n")).toMatchObject({
      line: 3,
      column: 15,
      key: "labels.0.multiply",
      message: "found 1.2345; expected at most three decimals",
    });
    // Three decimals are fine, and so is a value that is three decimals in binary floating point.
    expect(() => parseConfig("lines:\n  per_added: 0.001\n  per_deleted: 0.005\nreview_states:\n  commented: 0.3\n")).not.toThrow();
  });

  it("a label rule with only `match` does nothing, so it is an error", () => {
    expect(only("labels:\n  - match: bug\n")).toEqual({
      file: FILE,
      line: 2,
      column: 5,
      key: "labels.0",
      message: "found a mapping; expected `match` and at least one of add, multiply, void, skill",
    });
  });

  it("aliases with a key that is not a numeric account id: the key is named, once, where it is", () => {
    const p = only("aliases:\n  '12': 5\n  alice: 7\n");
    expect([p.file, p.line, p.column, p.key]).toEqual([FILE, 3, 3, "aliases.alice"]);
    expect(p.message).toContain('"alice"');
    expect(p.message).toMatch(/expected .*(account id|\^\[1-9\]\[0-9\]\{0,15\}\$)/);
  });

  it("aliases with a value that is not an account id", () => {
    const p = only("aliases:\n  '12': zero\n");
    expect([p.line, p.column, p.key]).toEqual([2, 9, "aliases.12"]);
    expect(p.message).toMatch(/^found "zero"; expected an? integer$/);
  });
});

describe("YAML itself", () => {
  it("a syntax error: located, with the parser's account of it", () => {
    expect(only("points:\n  release: 1\n\tpr_merged: 2\n")).toEqual({
      file: FILE,
      line: 3,
      column: 1,
      // Inside the points mapping: the parser's own errors are placed in the key they stand in.
      key: "points",
      message: "Tabs are not allowed as indentation",
    });
    expect(only("points:\n  release: 1\n  pr_merged: 2: 3\n")).toMatchObject({
      line: 3,
      column: 14,
      message: "Nested mappings are not allowed in compact mappings",
    });
  });

  it("a duplicate key: the second one, named", () => {
    const p = only("points:\n  release: 1\n  commit: 4\n  release: 2\n");
    expect([p.file, p.line, p.column]).toEqual([FILE, 4, 3]);
    expect(p.key).toBe("points.release");
    expect(p.message).toMatch(/unique|duplicate/i);
  });
});

describe("several problems", () => {
  it("are all reported, in line order, whatever order they are found in", () => {
    const text = [
      "credit:", // 1
      "  issue_closed: nobody", // 2
      "lines:", // 3
      "  per_added: 0.0001", // 4
      "zzz: 1", // 5
      "points:", // 6
      "  release: -1", // 7
      "limits:", // 8
      "  monthly_cap: x", // 9
      "",
    ].join("\n");
    expect(problems(text).map((p) => [p.line, p.column, p.key])).toEqual([
      [2, 17, "credit.issue_closed"],
      [4, 14, "lines.per_added"],
      [5, 1, "zzz"],
      [7, 12, "points.release"],
      [9, 16, "limits.monthly_cap"],
    ]);
  });

  it("the error's message lists each as file:line:col: key: message", () => {
    try {
      parseConfig("points:\n  release: -1\nzzqq: 1\n", "cfg/meritlog.yml");
      throw new Error("accepted");
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as Error).message).toBe(
        [
          "cfg/meritlog.yml:2:12: points.release: found -1; expected a number ≥ 0",
          `cfg/meritlog.yml:3:1: zzqq: unknown key; expected one of ${TOP_KEYS}`,
        ].join("\n"),
      );
    }
  });
});

describe("no configuration", () => {
  // The defaults as each key's description in the schema states them.
  const documented = {
    version: 1,
    points: {
      release: 30,
      pr_merged: 25,
      review: 20,
      pr_opened: 15,
      commit: 10,
      issue_opened: 8,
      issue_closed: 5,
      review_comment: 5,
      comment: 3,
    },
    review_states: { approved: 1, changes_requested: 1, commented: 0.5 },
    lines: { per_added: 0.01, per_deleted: 0.005, cap: 500 },
    size_tiers: [
      { lines: 100, bonus: 5 },
      { lines: 500, bonus: 10 },
      { lines: 1000, bonus: 20 },
    ],
    labels: [
      { match: "documentation", multiply: 1.2 },
      { match: "good first issue", add: 5 },
      { match: ["spam", "invalid"], void: true },
    ],
    credit: { issue_closed: "closer" },
    bots: { exclude: true, logins: [] },
    limits: {
      monthly_cap: 2000,
      diminishing_after: 20,
      diminishing_factor: 0.5,
      daily_prs: 10,
      low_value_lines: 2,
      low_value_points: 0,
      own_repository: false,
      self_review: false,
    },
    size_labels: false,
    commands: { permission: "maintain" },
  };

  it("an empty file, a file of comments, and `version: 1` alone all mean the documented defaults", () => {
    for (const text of ["", "\n", "# meritlog: nothing configured yet\n", "version: 1\n", "---\n"]) {
      const rules = parseConfig(text);
      expect(rules, JSON.stringify(text)).toMatchObject(documented);
      expect(rules).toEqual(parseConfig(""));
    }
  });

  it("keys left out keep their defaults; lists replace the default list", () => {
    const rules = parseConfig("points:\n  review: 40\nlabels:\n  - match: hacktoberfest\n    add: 2\n");
    expect(rules.points).toEqual({ ...documented.points, review: 40 });
    expect(rules.labels).toEqual([{ match: "hacktoberfest", add: 2 }]);
    expect(rules.limits).toEqual(documented.limits);
  });
});
