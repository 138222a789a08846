/**
 * Every GraphQL query meritlog sends validates against GitHub's published schema
 * (@octokit/graphql-schema), and the check itself rejects what GitHub would.
 */
import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { NESTED, PAGE_SIZE, PULL_REQUESTS_QUERY, QUERIES } from "../../src/github/graphql.ts";
import { costOf, queryErrors } from "../helpers/github-graphql.ts";

describe("GraphQL queries against GitHub's schema", () => {
  it.each(Object.entries(QUERIES))("%s is valid", (_name, query) => {
    expect(queryErrors(query)).toEqual([]);
  });

  it("rejects a field GitHub does not have, an argument of the wrong type and a fragment on an impossible type", () => {
    expect(queryErrors(PULL_REQUESTS_QUERY.replace("changedFiles", "changedFileCount")).join("\n")).toMatch(
      /Cannot query field "changedFileCount" on type "PullRequest"/,
    );
    expect(queryErrors(PULL_REQUESTS_QUERY.replace("$field: IssueOrderField!", "$field: PullRequestOrderField!")).join("\n")).toMatch(
      /used in position expecting type "IssueOrderField!"/,
    );
    expect(queryErrors("query { viewer { ... on Bot { login } } }").join("\n")).toMatch(/can never be of type "Bot"/);
  });

  it("costs a page what GitHub's published formula gives, well within a workflow token's hourly budget", () => {
    const cost = costOf(parse(PULL_REQUESTS_QUERY), { first: PAGE_SIZE });
    // One request for the page, one per nested connection of each pull request, one per commit's authors.
    const requests = 1 + PAGE_SIZE * 6 + PAGE_SIZE * NESTED.commits;
    expect(cost).toBe(Math.round(requests / 100));
    expect(cost / PAGE_SIZE).toBeLessThan(0.3);
  });
});
