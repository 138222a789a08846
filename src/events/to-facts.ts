/**
 * Events (and what the API adds to them) → facts. Pure: the caller fetches a merged pull request's
 * files and commits; everything else is in the payload.
 */
import type { Account } from "../ledger/entry.ts";
import type { ChangedFile, CommitInfo, Fact, PullRequest } from "./facts.ts";
import { isWhitespaceOnlyPatch } from "./patch.ts";
import type { GitHubEvent, PullRequestPayload } from "./payload.ts";

export type Source = Fact["source"];

/** A merged pull request's files and commits, as the API lists them. */
export interface PullRequestDetails {
  readonly files: readonly { readonly path: string; readonly additions: number; readonly deletions: number; readonly patch?: string }[];
  readonly commits: readonly {
    readonly sha: string;
    readonly message: string;
    readonly author?: { readonly id: number; readonly login: string; readonly type: string };
  }[];
  /**
   * `login:id` (login in lower case) of each account GitHub confirmed exists with that id; a trailer
   * is trusted only when it names one of them.
   */
  readonly confirmedCoAuthors?: ReadonlySet<string>;
}

/** `Co-authored-by: Name <12345+login@users.noreply.github.com>`: the trailers that name a GitHub account. */
const CO_AUTHOR = /^co-authored-by:.*<(\d+)\+([A-Za-z0-9](?:[A-Za-z0-9_-]{0,38}))@users\.noreply\.github\.com>\s*$/gim;

export function coAuthorsOf(message: string): Account[] {
  return [...message.matchAll(CO_AUTHOR)].map((m) => ({ id: Number(m[1]), login: m[2] as string }));
}

export function pullRequestOf(pr: PullRequestPayload, details?: PullRequestDetails): PullRequest {
  const files: ChangedFile[] | undefined = details?.files.map((f) => ({
    path: f.path,
    additions: f.additions,
    deletions: f.deletions,
    ...(f.patch === undefined ? {} : { whitespaceOnly: isWhitespaceOnlyPatch(f.patch) }),
  }));
  const commits: CommitInfo[] | undefined = details?.commits.map((c) => {
    const type = c.author?.type;
    return {
      sha: c.sha,
      ...(c.author
        ? { author: { id: c.author.id, login: c.author.login, type: type === "Bot" || type === "Organization" ? type : "User" } }
        : {}),
      coAuthors: coAuthorsOf(c.message).filter((a) => details.confirmedCoAuthors?.has(`${a.login.toLowerCase()}:${a.id}`) === true),
    };
  });
  const complete = files !== undefined && files.length >= pr.changedFiles;
  return {
    number: pr.number,
    url: pr.url,
    author: pr.author,
    labels: pr.labels,
    createdAt: pr.createdAt,
    // GitHub lists at most 3,000 files: only a complete listing replaces the payload's totals.
    additions: complete ? files.reduce((a, f) => a + f.additions, 0) : pr.additions,
    deletions: complete ? files.reduce((a, f) => a + f.deletions, 0) : pr.deletions,
    changedFiles: files ? Math.max(files.length, pr.changedFiles) : pr.changedFiles,
    ...(files ? { files } : {}),
    ...(commits ? { commits } : {}),
    ...(pr.milestone ? { milestone: pr.milestone } : {}),
  };
}

/**
 * The facts an event records; empty for actions that record nothing (edits, assignments…). A merged
 * pull request needs `details`.
 */
export function factsOf(event: GitHubEvent, source: Source, details?: PullRequestDetails): Fact[] {
  const repo = event.repo;
  switch (event.type) {
    case "pull_request": {
      const pr = event.pr;
      if (event.action === "opened" || event.action === "reopened") {
        return [{ type: "pr_opened", repo, time: pr.createdAt, source, pr: pullRequestOf(pr) }];
      }
      if (event.action === "closed" && pr.mergedAt) {
        return [
          {
            type: "pr_merged",
            repo,
            time: pr.mergedAt,
            source,
            pr: pullRequestOf(pr, details),
            ...(pr.mergedBy ? { mergedBy: pr.mergedBy } : {}),
          },
        ];
      }
      if (event.action === "closed") {
        return [
          {
            type: "pr_closed",
            repo,
            time: pr.closedAt ?? pr.updatedAt,
            source,
            pr: pullRequestOf(pr),
            ...(event.sender ? { closedBy: event.sender } : {}),
          },
        ];
      }
      return [];
    }
    case "review": {
      const state = event.review.state;
      if (event.action !== "submitted" || (state !== "approved" && state !== "changes_requested" && state !== "commented")) return [];
      return [
        {
          type: "review",
          repo,
          time: event.review.submittedAt,
          source,
          pr: pullRequestOf(event.pr),
          review: { id: event.review.id, url: event.review.url, author: event.review.author, state },
        },
      ];
    }
    case "review_comment":
      if (event.action !== "created") return [];
      return [{ type: "review_comment", repo, time: event.comment.createdAt, source, pr: pullRequestOf(event.pr), comment: event.comment }];
    case "issue_comment":
      if (event.action !== "created") return [];
      return [
        {
          type: "comment",
          repo,
          time: event.comment.createdAt,
          source,
          on: { number: event.issue.number, kind: event.issue.isPullRequest ? "pull_request" : "issue" },
          comment: event.comment,
        },
      ];
    case "issues": {
      const issue = { number: event.issue.number, url: event.issue.url, author: event.issue.author, labels: event.issue.labels };
      if (event.action === "opened") return [{ type: "issue_opened", repo, time: event.issue.createdAt, source, issue }];
      if (event.action === "closed") {
        return [
          {
            type: "issue_closed",
            repo,
            time: event.issue.closedAt ?? event.issue.createdAt,
            source,
            issue,
            ...(event.sender ? { closedBy: event.sender } : {}),
            reason: event.issue.stateReason === "not_planned" ? "not_planned" : "completed",
          },
        ];
      }
      return [];
    }
    case "release":
      if (event.action !== "published") return [];
      return [
        {
          type: "release",
          repo,
          time: event.release.publishedAt,
          source,
          release: { id: event.release.id, tag: event.release.tag, url: event.release.url, author: event.release.author },
        },
      ];
    default:
      return [];
  }
}
