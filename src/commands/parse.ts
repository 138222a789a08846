/**
 * `/meritlog …` comment commands, parsed. Pure: who may run a command, and what it does to the
 * ledger, are decided elsewhere.
 */
import { milli } from "../scoring/units.ts";

export type Command =
  | { readonly name: "bonus" | "penalty"; readonly points: number; readonly reason: string }
  | { readonly name: "void"; readonly reason: string }
  | { readonly name: "rate"; readonly rating: 1 | 2 | 3 | 4 | 5 }
  | { readonly name: "explain" }
  /** One login: the commenter asks to link that account to theirs. Two: a maintainer links them. */
  | { readonly name: "link"; readonly logins: readonly [string] | readonly [string, string] }
  | { readonly name: "optout" | "optin" };

export type CommandName = Command["name"];

/** Commands that only a maintainer may give; the others are a contributor's own. */
export const MAINTAINER_COMMANDS: ReadonlySet<CommandName> = new Set(["bonus", "penalty", "void", "rate"]);

export const USAGE: Readonly<Record<CommandName, string>> = {
  bonus: "/meritlog bonus <points> <reason>",
  penalty: "/meritlog penalty <points> <reason>",
  void: "/meritlog void <reason>",
  rate: "/meritlog rate <1-5>",
  explain: "/meritlog explain",
  link: "/meritlog link @<login> (or, for a maintainer, /meritlog link @<login> @<login>)",
  optout: "/meritlog optout",
  optin: "/meritlog optin",
};

/** The most points one bonus or penalty may move. */
export const MAX_COMMAND_POINTS = 1000;
const MAX_REASON = 500;

export type Parsed = { readonly ok: true; readonly command: Command } | { readonly ok: false; readonly error: string };

/** The first line of `body` that starts with `/meritlog`, or undefined: other comments are not commands. */
export function commandLine(body: string): string | undefined {
  return body
    .split(/\r?\n/)
    .map((l) => l.trimEnd())
    .find((l) => /^\/meritlog(\s|$)/.test(l));
}

function fail(error: string): Parsed {
  return { ok: false, error };
}

function reasonOf(rest: string, name: CommandName): string | Parsed {
  const reason = rest.trim();
  if (!reason) return fail(`a reason is required: ${USAGE[name]}`);
  if (reason.length > MAX_REASON) return fail(`the reason is ${reason.length} characters long; at most ${MAX_REASON} are kept`);
  return reason;
}

export function parseCommand(line: string): Parsed {
  const match = /^\/meritlog\s+(\S+)\s*(.*)$/.exec(line);
  if (!match) return fail(`which command? One of: ${Object.values(USAGE).join(", ")}`);
  const [, name = "", rest = ""] = match;
  switch (name) {
    case "bonus":
    case "penalty": {
      const m = /^(\S+)\s*(.*)$/.exec(rest);
      const amount = m?.[1] ?? "";
      if (!/^\d{1,7}(\.\d{1,3})?$/.test(amount) || Number(amount) <= 0 || Number(amount) > MAX_COMMAND_POINTS) {
        return fail(`'${amount || "(nothing)"}' is not a number of points from 0.001 to ${MAX_COMMAND_POINTS}: ${USAGE[name]}`);
      }
      const reason = reasonOf(m?.[2] ?? "", name);
      return typeof reason === "string" ? { ok: true, command: { name, points: milli(Number(amount)), reason } } : reason;
    }
    case "void": {
      const reason = reasonOf(rest, name);
      return typeof reason === "string" ? { ok: true, command: { name, reason } } : reason;
    }
    case "rate": {
      if (!/^[1-5]$/.test(rest.trim())) return fail(`a rating is a whole number from 1 to 5: ${USAGE.rate}`);
      return { ok: true, command: { name, rating: Number(rest.trim()) as 1 | 2 | 3 | 4 | 5 } };
    }
    case "link": {
      const logins = rest.trim().split(/\s+/).filter(Boolean);
      const valid = logins.every((l) => /^@?[A-Za-z0-9][A-Za-z0-9_-]{0,38}$/.test(l));
      if (!valid || logins.length < 1 || logins.length > 2) return fail(`name one or two GitHub accounts: ${USAGE.link}`);
      const [a, b] = logins.map((l) => l.replace(/^@/, "")) as [string, string | undefined];
      return { ok: true, command: { name, logins: b === undefined ? [a] : [a, b] } };
    }
    case "explain":
    case "optout":
    case "optin":
      if (rest.trim()) return fail(`'${name}' takes nothing after it: ${USAGE[name]}`);
      return { ok: true, command: { name } };
    default:
      return fail(`unknown command '${name}'. Commands: ${Object.values(USAGE).join(", ")}`);
  }
}
