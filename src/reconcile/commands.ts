/**
 * `/meritlog` commands whose comment events were lost, read back from conversations: parsed as the
 * event path parses them, with the commenter's role asked of GitHub as the event path asks it, so
 * applying them (src/commands/apply.ts) appends what the event would have, with the same ids.
 */
import { needsRole } from "../commands/apply.ts";
import { type Command, commandLine, parseCommand } from "../commands/parse.ts";
import type { CommentPayload, IssuePayload } from "../events/payload.ts";
import type { GitHubApi, RepoRef, Role } from "../github/api.ts";
import type { PullRequestRecord } from "../github/graphql.ts";
import type { Account } from "../ledger/entry.ts";

/** A command as a comment gives it. */
export interface CommentCommand {
  readonly command: Command;
  readonly issue: IssuePayload;
  readonly comment: CommentPayload;
}

/** A command with what applying it needs from GitHub. */
export interface GivenCommand extends CommentCommand {
  readonly role: Role;
  readonly accounts: readonly Account[];
}

/**
 * The commands of `comments` on `issue` given at or after `since`. What the event path only answers
 * (a malformed command, `explain`) appends nothing and is left out, and so are bots' comments, as the
 * event path leaves them.
 */
export function commandsIn(issue: IssuePayload, comments: readonly CommentPayload[], since: string): CommentCommand[] {
  return comments.flatMap((comment) => {
    const line = comment.createdAt >= since && comment.author.type !== "Bot" ? commandLine(comment.body) : undefined;
    const parsed = line === undefined ? undefined : parseCommand(line);
    return parsed?.ok && parsed.command.name !== "explain" ? [{ command: parsed.command, issue, comment }] : [];
  });
}

/** A pull request's commands given at or after `since`: its comments arrive as an issue's, as the event path reads them. */
export function commandsOnPull(record: PullRequestRecord, since: string): CommentCommand[] {
  const { pr } = record;
  const issue: IssuePayload = {
    number: pr.number,
    url: pr.url,
    author: pr.author,
    labels: pr.labels,
    isPullRequest: true,
    createdAt: pr.createdAt,
    ...(pr.closedAt ? { closedAt: pr.closedAt } : {}),
  };
  return commandsIn(issue, record.comments, since);
}

/**
 * The commands with their commenters' roles and linked accounts, as GitHub says them (each login is
 * asked once per run: the API memoizes); a link naming no account is dropped, as the event path refuses it.
 */
export async function resolveCommands(api: GitHubApi, repo: RepoRef, given: readonly CommentCommand[]): Promise<GivenCommand[]> {
  const out: GivenCommand[] = [];
  for (const g of given) {
    const role: Role = needsRole(g.command) ? await api.role(repo, g.comment.author.login) : "none";
    const found = g.command.name === "link" ? await Promise.all(g.command.logins.map((l) => api.maybeUser(l))) : [];
    if (found.some((a) => a === undefined)) continue;
    out.push({ ...g, role, accounts: found as Account[] });
  }
  return out;
}
