/**
 * A parsed `/meritlog` command, applied: who may give it, and the entries it appends. A refused
 * command appends nothing and says why; an applied one names who ordered it and why.
 */
import type { Fact, Person } from "../events/facts.ts";
import type { IssuePayload } from "../events/payload.ts";
import type { Role } from "../github/api.ts";
import type { Account, EntryBody } from "../ledger/entry.ts";
import { factId } from "../ledger/entry.ts";
import type { ResolvedConfig } from "../scoring/config.ts";
import { rulesHash } from "../scoring/config.ts";
import { adjustmentsFor, type Decision, decisionKey, reversalOf, standing } from "../scoring/record.ts";
import { account } from "../scoring/score.ts";
import type { LedgerView } from "../store/ledger-view.ts";
import { type Command, MAINTAINER_COMMANDS } from "./parse.ts";

const RANK: Readonly<Record<Role, number>> = { none: 0, read: 1, triage: 2, write: 3, maintain: 4, admin: 5 };

export function hasRole(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}

export interface CommandContext {
  readonly command: Command;
  readonly repo: Fact["repo"];
  readonly issue: IssuePayload;
  readonly comment: { readonly id: number; readonly url: string; readonly author: Person; readonly createdAt: string };
  readonly source: Fact["source"];
  readonly rules: ResolvedConfig;
  /** The commenter's role; looked up only for commands that need one. */
  readonly role: Role;
  /** Accounts a link command names, resolved through the API. */
  readonly accounts: readonly Account[];
}

export type Outcome =
  | { readonly applied: true; readonly bodies: readonly EntryBody[]; readonly message: string }
  | { readonly applied: false; readonly message: string };

function refused(message: string): Outcome {
  return { applied: false, message };
}

/** Whether the command needs the commenter's role looked up (maintainer commands, and a maintainer's link). */
export function needsRole(command: Command): boolean {
  return MAINTAINER_COMMANDS.has(command.name) || (command.name === "link" && command.logins.length === 2);
}

export async function applyCommand(c: CommandContext, view: LedgerView): Promise<Outcome> {
  const { command, rules, comment, issue, repo } = c;
  const by = account(comment.author);
  const needed = rules.commands.permission;
  if (needsRole(command) && !hasRole(c.role, needed)) {
    return refused(`@${by.login} has ${c.role} permission on ${repo.name}; '/meritlog ${command.name}' needs ${needed} or higher`);
  }
  const own = comment.author.id === issue.author.id;
  const subject = { type: issue.isPullRequest ? ("pull_request" as const) : ("issue" as const), number: issue.number, url: issue.url };
  const base = {
    time: comment.createdAt,
    repo: { id: repo.id, name: repo.name },
    subject,
    rules: rulesHash(rules),
    source: c.source,
  };
  const decision = (key: string, reason: string): Decision => ({ key, time: comment.createdAt, source: c.source, by, reason });

  switch (command.name) {
    case "bonus":
    case "penalty": {
      if (command.name === "bonus" && own) return refused("no one awards their own work: ask another maintainer");
      const points = command.name === "bonus" ? command.points : -command.points;
      const body: EntryBody = {
        ...base,
        id: factId(`command:${repo.id}:${comment.id}`),
        kind: command.name,
        actor: account(issue.author),
        points,
        breakdown: [{ rule: `command.${command.name}`, points, note: command.reason.slice(0, 200) }],
        inputs: { command: command.name },
        reason: command.reason,
        by,
      };
      return { applied: true, bodies: [body], message: `${command.name} of ${points / 1000} points to @${issue.author.login} recorded` };
    }
    case "void": {
      const key = decisionKey.voided(repo.id, issue.number);
      if ((await view.byIds([factId(key)])).size > 0) return refused(`#${issue.number} is already void`);
      // Everything that still counts, awards and their adjustments, less what was reversed already; a
      // maintainer's penalty stands: voiding the work does not refund it.
      const recorded = await view.subject(repo.id, issue.number);
      const { reversed } = standing(recorded);
      const awards = recorded.filter(
        (e) =>
          e.points !== 0 &&
          !reversed.has(e.id) &&
          !reversed.has(e.ref ?? "") &&
          (e.kind !== "reversal" || e.inputs?.labels !== undefined) &&
          e.inputs?.command !== "penalty",
      );
      const marker: EntryBody = {
        ...base,
        id: factId(key),
        kind: "command",
        actor: account(issue.author),
        points: 0,
        breakdown: [],
        inputs: { command: "void" },
        reason: command.reason,
        by,
      };
      const reversals = awards.map((a) => reversalOf(a, rules, decision(`${key}:reversal`, command.reason)));
      return {
        applied: true,
        bodies: [marker, ...reversals],
        message: `#${issue.number} is void: ${reversals.length} entr${reversals.length === 1 ? "y" : "ies"} reversed, and it scores nothing from now on`,
      };
    }
    case "rate": {
      if (!issue.isPullRequest) return refused("only pull requests are rated");
      if (own) return refused("no one rates their own work: ask another maintainer");
      const key = decisionKey.rated(repo.id, issue.number);
      const earlier = (await view.byIds([factId(key)])).get(factId(key));
      if (earlier)
        return refused(
          `#${issue.number} was already rated ${String(earlier.inputs?.rating)} by @${earlier.by?.login ?? "?"}; a pull request is rated once`,
        );
      const marker: EntryBody = {
        ...base,
        id: factId(key),
        kind: "command",
        actor: by,
        points: 0,
        breakdown: [],
        inputs: { command: "rate", rating: command.rating, author_id: issue.author.id, author_login: issue.author.login },
        by,
      };
      const adjustments = adjustmentsFor(
        await view.subject(repo.id, issue.number),
        rules,
        { rating: command.rating },
        {
          time: comment.createdAt,
          source: c.source,
          by,
          reason: `rated ${command.rating}`,
        },
      );
      return { applied: true, bodies: [marker, ...adjustments], message: `#${issue.number} rated ${command.rating}` };
    }
    case "link": {
      const [first, second] = c.accounts;
      if (!first) return refused("the account to link was not found");
      const pair = second ? ([first, second] as const) : ([by, first] as const);
      if (pair[0].id === pair[1].id) return refused("an account cannot be linked to itself");
      const [low, high] = pair[0].id < pair[1].id ? pair : ([pair[1], pair[0]] as const);
      const confirmedKey = `link:confirmed:${low.id}:${high.id}`;
      if ((await view.byIds([factId(confirmedKey)])).size > 0) return refused(`@${low.login} and @${high.login} are already linked`);
      const linked = { accounts: [account(low), account(high)] };
      const entry = (key: string, confirmed: boolean): EntryBody => ({
        ...base,
        subject: { type: "comment", number: issue.number, id: comment.id, url: comment.url },
        id: factId(key),
        kind: "command",
        actor: by,
        points: 0,
        breakdown: [],
        inputs: { command: "link", ...linked, confirmed },
        by,
      });
      if (second) return { applied: true, bodies: [entry(confirmedKey, true)], message: `@${low.login} and @${high.login} are linked` };
      const other = pair[1];
      const asked = await view.byIds([factId(`link:${other.id}:${by.id}`)]);
      if (asked.size > 0) {
        return {
          applied: true,
          bodies: [entry(`link:${by.id}:${other.id}`, false), entry(confirmedKey, true)],
          message: `@${by.login} and @${other.login} are linked`,
        };
      }
      return {
        applied: true,
        bodies: [entry(`link:${by.id}:${other.id}`, false)],
        message: `link requested: @${other.login} confirms with '/meritlog link @${by.login}', or a maintainer with '/meritlog link @${by.login} @${other.login}'`,
      };
    }
    case "optout":
    case "optin":
      return {
        applied: true,
        bodies: [
          {
            ...base,
            subject: { type: "comment", number: issue.number, id: comment.id, url: comment.url },
            id: factId(`${command.name}:${by.id}:${comment.id}`),
            kind: "command",
            actor: by,
            points: 0,
            breakdown: [],
            inputs: { command: command.name },
            by,
          },
        ],
        message:
          command.name === "optout"
            ? `@${by.login} is shown under a pseudonym from the next site build; '/meritlog optin' undoes it`
            : `@${by.login} is shown by name again from the next site build`,
      };
    case "explain":
      return { applied: true, bodies: [], message: "" };
  }
}
