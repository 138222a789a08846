/**
 * Which comments a reconcile treats as commands: those the event path would have applied — given at
 * or after the mark, by a person, well formed and appending something.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CommentPayload, IssuePayload } from "../../src/events/payload.ts";
import { commandsIn } from "../../src/reconcile/commands.ts";

const ISSUE: IssuePayload = {
  number: 7,
  url: "https://github.com/octo-org/widgets/pull/7",
  author: { id: 101, login: "alice", type: "User" },
  labels: [],
  isPullRequest: true,
  createdAt: "2026-11-01T00:00:00Z",
};

function comment(id: number, body: string, createdAt = "2026-11-03T00:00:00Z", type: "User" | "Bot" = "User"): CommentPayload {
  return {
    id,
    url: `https://github.com/octo-org/widgets/pull/7#issuecomment-${id}`,
    author: { id: 201, login: type === "Bot" ? "helper[bot]" : "maya", type },
    body,
    createdAt,
  };
}

describe("commands in comments", () => {
  it("keeps well-formed commands by people since the mark, in order, and nothing else", () => {
    const comments = [
      comment(1, "/meritlog void too old", "2026-11-01T00:00:00Z"),
      comment(2, "Looks good\n/meritlog bonus 5 Fixed the build"),
      comment(3, "/meritlog void bot says so", "2026-11-03T00:00:00Z", "Bot"),
      comment(4, "/meritlog explain"),
      comment(5, "/meritlog bonus lots"),
      comment(6, "just a comment mentioning /meritlog void"),
      comment(7, "/meritlog void Spam"),
    ];
    const found = commandsIn(ISSUE, comments, "2026-11-02T00:00:00Z");
    expect(found.map((c) => [c.comment.id, c.command.name])).toEqual([
      [2, "bonus"],
      [7, "void"],
    ]);
    expect(found[1]?.command).toEqual({ name: "void", reason: "Spam" });
  });

  it("never keeps a comment with no line starting with /meritlog, whatever it says", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        // No slash, so no line can start a command.
        const body = text.replaceAll("/", "|");
        expect(commandsIn(ISSUE, [comment(1, body)], "2000-01-01T00:00:00Z")).toEqual([]);
      }),
    );
  });
});
