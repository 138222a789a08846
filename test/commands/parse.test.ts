/**
 * `/meritlog` comment commands: which line of a comment is a command, and every well-formed and
 * malformed spelling of each command that USAGE names.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CommandName,
  commandLine,
  MAINTAINER_COMMANDS,
  MAX_COMMAND_POINTS,
  type Parsed,
  parseCommand,
  USAGE,
} from "../../src/commands/parse.ts";

function ok(line: string): Extract<Parsed, { ok: true }>["command"] {
  const parsed = parseCommand(line);
  if (!parsed.ok) throw new Error(`expected '${line}' to parse, got: ${parsed.error}`);
  return parsed.command;
}

function error(line: string): string {
  const parsed = parseCommand(line);
  if (parsed.ok) throw new Error(`expected '${line}' to be refused, got ${JSON.stringify(parsed.command)}`);
  return parsed.error;
}

/** Millipoints written as points with as many decimals as they need (1500 → "1.5"). */
function written(millipoints: number): string {
  const whole = Math.floor(millipoints / 1000);
  const frac = String(millipoints % 1000)
    .padStart(3, "0")
    .replace(/0+$/, "");
  return frac ? `${whole}.${frac}` : String(whole);
}

describe("commandLine", () => {
  it("finds the first line that starts with /meritlog", () => {
    expect(commandLine("/meritlog explain")).toBe("/meritlog explain");
    expect(commandLine("Thanks!\n/meritlog bonus 5 great docs\n/meritlog rate 4")).toBe("/meritlog bonus 5 great docs");
    expect(commandLine("/meritlog")).toBe("/meritlog");
    expect(commandLine("/meritlog\tvoid spam")).toBe("/meritlog\tvoid spam");
  });

  it("splits CRLF bodies and drops trailing white space, carriage returns included", () => {
    expect(commandLine("LGTM\r\n/meritlog rate 5\r\nthanks\r\n")).toBe("/meritlog rate 5");
    expect(commandLine("/meritlog optout   \r\n")).toBe("/meritlog optout");
    const line = commandLine("hi\r\n/meritlog bonus 2 well done\r\n") as string;
    expect(line).not.toMatch(/\r/);
    expect(parseCommand(line)).toEqual({ ok: true, command: { name: "bonus", points: 2000, reason: "well done" } });
  });

  it("a quoted command is not a command", () => {
    expect(commandLine("> /meritlog bonus 5 great docs")).toBeUndefined();
    expect(commandLine(">/meritlog void spam")).toBeUndefined();
    expect(commandLine("> /meritlog void spam\r\n\r\nI disagree")).toBeUndefined();
    expect(commandLine("> /meritlog void spam\n/meritlog rate 2")).toBe("/meritlog rate 2");
  });

  it("other comments are not commands", () => {
    expect(commandLine("")).toBeUndefined();
    expect(commandLine("please run /meritlog explain")).toBeUndefined();
    expect(commandLine("  /meritlog explain")).toBeUndefined();
    expect(commandLine("`/meritlog explain`")).toBeUndefined();
    expect(commandLine("/meritlogs explain")).toBeUndefined();
    expect(commandLine("/meritlog-bot explain")).toBeUndefined();
    expect(commandLine("/MERITLOG explain")).toBeUndefined();
  });

  it("property: a body whose every line is quoted holds no command", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: "binary", maxLength: 40 }).filter((l) => !l.includes("\n"))),
        fc.constantFrom("\n", "\r\n"),
        (lines, eol) => {
          const body = lines.map((l) => `> ${l}`).join(eol);
          expect(commandLine(body)).toBeUndefined();
        },
      ),
    );
  });

  it("property: the command line is found among any other lines, with either line ending", () => {
    const other = fc.string({ unit: "binary-ascii" }).filter((s) => !s.split(/\r?\n/).some((l) => l.startsWith("/meritlog")));
    fc.assert(
      fc.property(
        fc.array(other, { maxLength: 4 }),
        fc.array(other, { maxLength: 4 }),
        fc.constantFrom("\n", "\r\n"),
        (before, after, eol) => {
          const body = [...before, "/meritlog rate 3", ...after].join(eol);
          expect(commandLine(body)).toBe("/meritlog rate 3");
        },
      ),
    );
  });
});

describe("parseCommand: bonus and penalty", () => {
  it.each(["bonus", "penalty"] as const)("%s takes points (up to three decimals) and a reason", (name) => {
    expect(ok(`/meritlog ${name} 5 great docs`)).toEqual({ name, points: 5000, reason: "great docs" });
    expect(ok(`/meritlog ${name} 2.5 half of five`)).toEqual({ name, points: 2500, reason: "half of five" });
    expect(ok(`/meritlog ${name} 0.001 the least`)).toEqual({ name, points: 1, reason: "the least" });
    expect(ok(`/meritlog ${name} 12.345 x`)).toEqual({ name, points: 12345, reason: "x" });
    expect(ok(`/meritlog ${name} ${MAX_COMMAND_POINTS} the most`)).toEqual({ name, points: MAX_COMMAND_POINTS * 1000, reason: "the most" });
    expect(ok(`/meritlog ${name}   3    spaced   out  `)).toEqual({ name, points: 3000, reason: "spaced   out" });
  });

  it.each(["bonus", "penalty"] as const)("%s without a reason is refused with its usage", (name) => {
    for (const line of [`/meritlog ${name} 5`, `/meritlog ${name} 5   `]) {
      const e = error(line);
      expect(e).toContain("a reason is required");
      expect(e).toContain(USAGE[name]);
    }
  });

  it.each(["bonus", "penalty"] as const)("%s without an amount names nothing as the amount", (name) => {
    const e = error(`/meritlog ${name}`);
    expect(e).toContain("'(nothing)'");
    expect(e).toContain(USAGE[name]);
  });

  const badAmounts = [
    "0",
    "0.0",
    "0.000",
    "-1",
    "-0.5",
    "1.2345",
    "0.0001",
    `${MAX_COMMAND_POINTS}.001`,
    `${MAX_COMMAND_POINTS + 1}`,
    "99999999",
    "five",
    "1e3",
    "+5",
    ".5",
    "5.",
    "1,5",
    "0x10",
    "NaN",
    "Infinity",
    "½",
    "٥",
  ];
  it.each(badAmounts)("bonus and penalty refuse the amount '%s'", (amount) => {
    for (const name of ["bonus", "penalty"] as const) {
      const e = error(`/meritlog ${name} ${amount} some reason`);
      expect(e).toContain(`'${amount}' is not a number of points from 0.001 to ${MAX_COMMAND_POINTS}`);
      expect(e).toContain(USAGE[name]);
    }
  });

  it("a reason of 500 characters is kept whole; 501 are refused", () => {
    const long = "x".repeat(500);
    expect(ok(`/meritlog bonus 1 ${long}`)).toEqual({ name: "bonus", points: 1000, reason: long });
    expect(error(`/meritlog bonus 1 ${long}y`)).toContain("501 characters");
    expect(error(`/meritlog penalty 1 ${long}y`)).toContain("at most 500");
  });

  it("property: every amount from 0.001 to the maximum parses to its millipoints, with the reason trimmed", () => {
    const reason = fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 60 }).filter((s) => s.trim() !== "");
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: MAX_COMMAND_POINTS * 1000 }),
        fc.constantFrom("bonus" as const, "penalty" as const),
        reason,
        (millipoints, name, r) => {
          expect(ok(`/meritlog ${name} ${written(millipoints)} ${r}`)).toEqual({ name, points: millipoints, reason: r.trim() });
        },
      ),
    );
  });

  it("property: amounts above the maximum are refused", () => {
    fc.assert(
      fc.property(fc.integer({ min: MAX_COMMAND_POINTS * 1000 + 1, max: 10_000_000_000 }), (millipoints) => {
        expect(parseCommand(`/meritlog bonus ${written(millipoints)} why`).ok).toBe(false);
      }),
    );
  });
});

describe("parseCommand: void", () => {
  it("takes a reason", () => {
    expect(ok("/meritlog void spam PR")).toEqual({ name: "void", reason: "spam PR" });
    expect(ok("/meritlog void 5")).toEqual({ name: "void", reason: "5" });
  });
  it("without a reason is refused with its usage", () => {
    expect(error("/meritlog void")).toBe(`a reason is required: ${USAGE.void}`);
    expect(error("/meritlog void    ")).toBe(`a reason is required: ${USAGE.void}`);
  });
  it("a reason over 500 characters is refused", () => {
    expect(error(`/meritlog void ${"r".repeat(501)}`)).toContain("501 characters");
  });
});

describe("parseCommand: rate", () => {
  it.each([1, 2, 3, 4, 5])("rate %i", (rating) => {
    expect(ok(`/meritlog rate ${rating}`)).toEqual({ name: "rate", rating });
    expect(ok(`/meritlog rate   ${rating}  `)).toEqual({ name: "rate", rating });
  });
  it.each(["", "0", "6", "10", "-1", "3.5", "3.0", "three", "3 stars", "3 4", "05", "⑤"])("rate '%s' is refused", (rest) => {
    expect(error(`/meritlog rate ${rest}`)).toBe(`a rating is a whole number from 1 to 5: ${USAGE.rate}`);
  });
});

describe("parseCommand: link", () => {
  it("one login, with or without @: the commenter's request", () => {
    expect(ok("/meritlog link @alice-2")).toEqual({ name: "link", logins: ["alice-2"] });
    expect(ok("/meritlog link alice-2")).toEqual({ name: "link", logins: ["alice-2"] });
  });
  it("two logins: a maintainer's link", () => {
    expect(ok("/meritlog link @alice @alice-work")).toEqual({ name: "link", logins: ["alice", "alice-work"] });
    expect(ok("/meritlog link alice   @Bob42")).toEqual({ name: "link", logins: ["alice", "Bob42"] });
  });
  it("logins may be up to 39 characters", () => {
    const longest = `a${"b".repeat(38)}`;
    expect(ok(`/meritlog link @${longest}`)).toEqual({ name: "link", logins: [longest] });
    expect(error(`/meritlog link @${longest}c`)).toBe(`name one or two GitHub accounts: ${USAGE.link}`);
  });
  it.each([
    ["no login", "/meritlog link"],
    ["no login, spaces", "/meritlog link    "],
    ["three logins", "/meritlog link @a @b @c"],
    ["a login starting with a hyphen", "/meritlog link @-alice"],
    ["a bare @", "/meritlog link @"],
    ["a double @", "/meritlog link @@alice"],
    ["a URL", "/meritlog link https://github.com/alice"],
    ["a valid and an invalid login", "/meritlog link @alice @bo.b"],
  ])("%s is refused", (_, line) => {
    expect(error(line)).toBe(`name one or two GitHub accounts: ${USAGE.link}`);
  });

  it("an Enterprise Managed User's login, with an underscore, is a login", () => {
    expect(parseCommand("/meritlog link @mona_acme")).toEqual({ ok: true, command: { name: "link", logins: ["mona_acme"] } });
  });
});

describe("parseCommand: explain, optout, optin", () => {
  it.each(["explain", "optout", "optin"] as const)("%s takes nothing after it", (name) => {
    expect(ok(`/meritlog ${name}`)).toEqual({ name });
    expect(ok(`/meritlog ${name}   `)).toEqual({ name });
    expect(error(`/meritlog ${name} please`)).toBe(`'${name}' takes nothing after it: ${USAGE[name]}`);
    expect(error(`/meritlog ${name} @alice now`)).toBe(`'${name}' takes nothing after it: ${USAGE[name]}`);
  });
});

describe("parseCommand: no or unknown command", () => {
  it("no command names every usage", () => {
    for (const line of ["/meritlog", "/meritlog ", "/meritlog   "]) {
      const e = error(line);
      expect(e).toMatch(/^which command\?/);
      for (const usage of Object.values(USAGE)) expect(e).toContain(usage);
    }
  });
  it("an unknown command is named, with every usage", () => {
    const e = error("/meritlog frobnicate 5");
    expect(e).toMatch(/^unknown command 'frobnicate'/);
    for (const usage of Object.values(USAGE)) expect(e).toContain(usage);
    expect(error("/meritlog Bonus 5 x")).toMatch(/^unknown command 'Bonus'/);
    expect(error("/meritlog rating 5")).toMatch(/^unknown command 'rating'/);
  });
  it("a line that does not start with /meritlog is not parsed as one", () => {
    expect(parseCommand("meritlog rate 5").ok).toBe(false);
    expect(parseCommand("> /meritlog rate 5").ok).toBe(false);
  });
});

describe("USAGE and MAINTAINER_COMMANDS", () => {
  it("every command has a usage that starts with its name, and the maintainer commands are the scoring ones", () => {
    for (const [name, usage] of Object.entries(USAGE)) expect(usage.startsWith(`/meritlog ${name}`)).toBe(true);
    expect([...MAINTAINER_COMMANDS].sort()).toEqual(["bonus", "penalty", "rate", "void"]);
  });

  it("every usage example without its placeholders filled parses as something (or fails on the placeholder, not the name)", () => {
    const filled: Record<CommandName, string> = {
      bonus: "/meritlog bonus 3 helpful",
      penalty: "/meritlog penalty 3 spam",
      void: "/meritlog void spam",
      rate: "/meritlog rate 4",
      explain: "/meritlog explain",
      link: "/meritlog link @alice",
      optout: "/meritlog optout",
      optin: "/meritlog optin",
    };
    for (const [name, line] of Object.entries(filled)) expect(ok(line).name).toBe(name);
  });
});
