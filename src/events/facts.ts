/**
 * Facts: what happened on GitHub, as plain data, in the shape scoring needs. Events, the reconcile
 * and backfill all produce these; nothing here knows about webhooks or the API.
 */
import type { Account } from "../ledger/entry.ts";

export interface Repo {
  readonly id: number;
  /** owner/name. */
  readonly name: string;
  /** Numeric id of the owning account, to tell a contribution to one's own repository. */
  readonly ownerId: number;
}

/** An account as GitHub reports it: bots are told apart by type. */
export interface Person extends Account {
  readonly type: "User" | "Bot" | "Organization";
}

export interface ChangedFile {
  readonly path: string;
  readonly additions: number;
  readonly deletions: number;
  /** Whether the file's patch changes only white space (judged from the patch text where GitHub sends one). */
  readonly whitespaceOnly?: boolean;
}

export interface CommitInfo {
  readonly sha: string;
  /** The GitHub account of the commit's author, when GitHub could match it. */
  readonly author?: Person;
  /** Co-authored-by trailers that name a GitHub account (by its noreply address). */
  readonly coAuthors: readonly Account[];
}

export interface PullRequest {
  readonly number: number;
  readonly url: string;
  readonly author: Person;
  readonly labels: readonly string[];
  readonly createdAt: string;
  readonly additions: number;
  readonly deletions: number;
  readonly changedFiles: number;
  /** Per-file sizes; may be absent or partial for very large pull requests. */
  readonly files?: readonly ChangedFile[];
  readonly commits?: readonly CommitInfo[];
  readonly milestone?: string;
}

interface FactBase {
  readonly repo: Repo;
  /** When it happened (RFC 3339, UTC, seconds). */
  readonly time: string;
  readonly source: { readonly event: string; readonly action?: string; readonly delivery?: string; readonly run?: string };
}

export type Fact =
  | (FactBase & { readonly type: "pr_opened"; readonly pr: PullRequest })
  | (FactBase & { readonly type: "pr_merged"; readonly pr: PullRequest; readonly mergedBy?: Person })
  | (FactBase & { readonly type: "pr_closed"; readonly pr: PullRequest; readonly closedBy?: Person })
  | (FactBase & {
      readonly type: "review";
      readonly pr: PullRequest;
      readonly review: {
        readonly id: number;
        readonly url: string;
        readonly author: Person;
        readonly state: "approved" | "changes_requested" | "commented";
      };
    })
  | (FactBase & {
      readonly type: "review_comment";
      readonly pr: PullRequest;
      readonly comment: { readonly id: number; readonly url: string; readonly author: Person };
    })
  | (FactBase & {
      readonly type: "issue_opened";
      readonly issue: { readonly number: number; readonly url: string; readonly author: Person; readonly labels: readonly string[] };
    })
  | (FactBase & {
      readonly type: "issue_closed";
      readonly issue: { readonly number: number; readonly url: string; readonly author: Person; readonly labels: readonly string[] };
      readonly closedBy?: Person;
      readonly reason: "completed" | "not_planned";
    })
  | (FactBase & {
      readonly type: "comment";
      readonly on: { readonly number: number; readonly kind: "issue" | "pull_request" };
      readonly comment: { readonly id: number; readonly url: string; readonly author: Person };
    })
  | (FactBase & {
      readonly type: "release";
      readonly release: { readonly id: number; readonly tag: string; readonly url: string; readonly author: Person };
    });

export type FactType = Fact["type"];
