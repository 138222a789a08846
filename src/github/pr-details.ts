/**
 * A pull request's files and commits through REST, with their patches: what the low-value rule needs
 * to judge a white-space-only change, and what a GraphQL page could not list in full. A Co-authored-by
 * trailer is text anyone can write: each account it names is credited only if GitHub confirms that
 * login has that id.
 */
import { coAuthorsOf, type PullRequestDetails } from "../events/to-facts.ts";
import type { GitHubApi, RepoRef } from "./api.ts";

export async function pullRequestDetails(api: GitHubApi, repo: RepoRef, number: number): Promise<PullRequestDetails> {
  const [files, commits] = await Promise.all([api.prFiles(repo, number), api.prCommits(repo, number)]);
  const logins = new Set(commits.flatMap((k) => coAuthorsOf(k.message)).map((a) => a.login.toLowerCase()));
  const confirmed = new Set<string>();
  for (const login of logins) {
    const user = await api.maybeUser(login);
    if (user) confirmed.add(`${login}:${user.id}`);
  }
  return { files, commits, confirmedCoAuthors: confirmed };
}
