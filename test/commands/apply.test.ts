/**
 * `/meritlog` commands applied to real ledgers built through the append path: who may give them,
 * the entries they append (checked against the entry schema and appended), and the refusals,
 * which append nothing. Points follow the documented default rules:
 *
 *   a merged pull request of 200 added lines in src/ = 25 + 2 + 5 = 32 points; a commit = 10 points
 */
import { afterAll, describe, expect, it } from "vitest";
import { applyCommand, type CommandContext, hasRole, needsRole, type Outcome } from "../../src/commands/apply.ts";
import type { Command } from "../../src/commands/parse.ts";
import type { Fact, Person, PullRequest } from "../../src/events/facts.ts";
import type { IssuePayload } from "../../src/events/payload.ts";
import type { Role } from "../../src/github/api.ts";
import { bodyShapeError, type Entry, type EntryBody, factId } from "../../src/ledger/entry.ts";
import { DEFAULTS, parseConfig, type ResolvedConfig, rulesHash } from "../../src/scoring/config.ts";
import { adjustmentsFor, type Decision, recordFacts, reversalOf } from "../../src/scoring/record.ts";
import { folderFiles } from "../../src/store/folder.ts";
import { LedgerView } from "../../src/store/ledger-view.ts";
import { ALICE, BOB, CAROL, commit, file, OWNER, prMerged, prOpened, pullRequest, REPO, review } from "../helpers/facts.ts";
import { removeTempDirs, TestLedger, tempDir, testSigner } from "../helpers/ledger.ts";

afterAll(removeTempDirs);

const ALICE_ALT: Person = { id: 201, login: "alice-alt", type: "User" };
const ROLES: readonly Role[] = ["none", "read", "triage", "write", "maintain", "admin"];
const MARCH = "2025-03-14T15:09:26Z";
const COMMENTED = "2025-03-20T10:00:00Z";

class Ledger {
  readonly test = new TestLedger(testSigner(), tempDir());
  view(): Promise<LedgerView> {
    return LedgerView.open(folderFiles(this.test.dir));
  }
  async record(facts: readonly Fact[]): Promise<void> {
    await this.test.append(await recordFacts(facts, DEFAULTS, await this.view()));
  }
  subject(number: number): Promise<Entry[]> {
    return this.view().then((v) => v.subject(REPO.id, number));
  }
  /** Applies a command and appends what it yields; the outcome, for inspection. */
  async apply(c: CommandContext): Promise<Outcome> {
    const outcome = await applyCommand(c, await this.view());
    if (outcome.applied && outcome.bodies.length > 0) await this.test.append(outcome.bodies);
    return outcome;
  }
}

const MERGED = factId(`pr_merged:${REPO.id}:12`);
const COMMITS = factId(`commits:${REPO.id}:12:${ALICE.id}`);
/** A label event on #12, as the writer passes it to adjustmentsFor. */
const LABEL: Omit<Decision, "key"> = { time: COMMENTED, source: { event: "pull_request", action: "labeled" }, reason: "label changed" };

/** Every entry about #`number` in the ledger, read back in full. */
async function about(ledger: Ledger, number: number): Promise<Entry[]> {
  return (await (await ledger.view()).range(0, ledger.test.size)).filter((e) => e.repo.id === REPO.id && e.subject.number === number);
}

function total(entries: readonly { points: number }[]): number {
  return entries.reduce((a, e) => a + e.points, 0);
}

function pr200(number: number, p: Partial<PullRequest> = {}): PullRequest {
  return pullRequest({ number, files: [file("src/app.ts", 200, 0)], ...p });
}

function issue(p: Partial<IssuePayload> = {}): IssuePayload {
  const number = p.number ?? 12;
  return {
    number,
    url: `https://github.com/${REPO.name}/pull/${number}`,
    author: ALICE,
    labels: [],
    isPullRequest: true,
    createdAt: "2025-03-10T08:00:00Z",
    ...p,
  };
}

let commentIds = 5000;

function ctx(command: Command, p: Partial<Omit<CommandContext, "comment">> & { by?: Person; commentId?: number } = {}): CommandContext {
  const id = p.commentId ?? commentIds++;
  const { by = OWNER, commentId: _c, ...rest } = p;
  const is = rest.issue ?? issue();
  return {
    command,
    repo: REPO,
    issue: is,
    comment: { id, url: `${is.url}#issuecomment-${id}`, author: by, createdAt: COMMENTED },
    source: { event: "issue_comment", action: "created", delivery: "d-1" },
    rules: DEFAULTS,
    role: "maintain",
    accounts: [],
    ...rest,
  };
}

function applied(outcome: Outcome): readonly EntryBody[] {
  if (!outcome.applied) throw new Error(`expected the command to apply, it was refused: ${outcome.message}`);
  for (const b of outcome.bodies) expect(bodyShapeError(b), JSON.stringify(b)).toBeUndefined();
  return outcome.bodies;
}

function refused(outcome: Outcome, message: string | RegExp): void {
  expect(outcome.applied).toBe(false);
  expect("bodies" in outcome).toBe(false);
  if (typeof message === "string") expect(outcome.message).toBe(message);
  else expect(outcome.message).toMatch(message);
}

function account(p: Person) {
  return { id: p.id, login: p.login };
}

describe("hasRole and needsRole", () => {
  it("a role suffices for itself and every role below it", () => {
    for (const [i, role] of ROLES.entries())
      for (const [j, needed] of ROLES.entries()) expect(hasRole(role, needed), `${role} ≥ ${needed}`).toBe(i >= j);
  });

  it("maintainer commands, and a link of two accounts, need a role; the others do not", () => {
    expect(needsRole({ name: "bonus", points: 1, reason: "r" })).toBe(true);
    expect(needsRole({ name: "penalty", points: 1, reason: "r" })).toBe(true);
    expect(needsRole({ name: "void", reason: "r" })).toBe(true);
    expect(needsRole({ name: "rate", rating: 3 })).toBe(true);
    expect(needsRole({ name: "link", logins: ["a", "b"] })).toBe(true);
    expect(needsRole({ name: "link", logins: ["a"] })).toBe(false);
    expect(needsRole({ name: "explain" })).toBe(false);
    expect(needsRole({ name: "optout" })).toBe(false);
    expect(needsRole({ name: "optin" })).toBe(false);
  });
});

describe("bonus and penalty", () => {
  it("a bonus is recorded for the author, with who ordered it and why", async () => {
    const ledger = new Ledger();
    const c = ctx({ name: "bonus", points: 5000, reason: "excellent docs" }, { commentId: 777 });
    const outcome = await ledger.apply(c);
    expect(outcome.message).toBe("bonus of 5 points to @alice recorded");
    expect(applied(outcome)).toEqual([
      {
        time: COMMENTED,
        repo: { id: REPO.id, name: REPO.name },
        subject: { type: "pull_request", number: 12, url: c.issue.url },
        rules: rulesHash(DEFAULTS),
        source: c.source,
        id: factId(`command:${REPO.id}:777`),
        kind: "bonus",
        actor: account(ALICE),
        points: 5000,
        breakdown: [{ rule: "command.bonus", points: 5000, note: "excellent docs" }],
        inputs: { command: "bonus" },
        reason: "excellent docs",
        by: account(OWNER),
      },
    ]);
    expect(ledger.test.size).toBe(1);
  });

  it("a penalty takes the points away, on an issue too", async () => {
    const c = ctx({ name: "penalty", points: 2500, reason: "spam comments" }, { issue: issue({ number: 7, isPullRequest: false }) });
    const outcome = await new Ledger().apply(c);
    const [body] = applied(outcome);
    expect(body).toMatchObject({ kind: "penalty", points: -2500, reason: "spam comments", by: account(OWNER), actor: account(ALICE) });
    expect(body?.subject.type).toBe("issue");
    expect(body?.breakdown).toEqual([{ rule: "command.penalty", points: -2500, note: "spam comments" }]);
    expect(outcome.message).toBe("penalty of -2.5 points to @alice recorded");
  });

  it("a long reason is kept whole, and cut to 200 characters in the breakdown note", async () => {
    const reason = "r".repeat(500);
    const [body] = applied(await new Ledger().apply(ctx({ name: "bonus", points: 1, reason })));
    expect(body?.reason).toBe(reason);
    expect(body?.breakdown[0]?.note).toBe("r".repeat(200));
  });

  it("no one awards their own work", async () => {
    refused(
      await new Ledger().apply(ctx({ name: "bonus", points: 5000, reason: "me" }, { by: ALICE })),
      "no one awards their own work: ask another maintainer",
    );
  });

  it("a penalty on one's own work is not refused", async () => {
    const [body] = applied(await new Ledger().apply(ctx({ name: "penalty", points: 1000, reason: "my mistake" }, { by: ALICE })));
    expect(body?.points).toBe(-1000);
  });
});

describe("permission", () => {
  const maintainerCommands: readonly Command[] = [
    { name: "bonus", points: 1000, reason: "r" },
    { name: "penalty", points: 1000, reason: "r" },
    { name: "void", reason: "r" },
    { name: "rate", rating: 4 },
    { name: "link", logins: ["bob", "carol"] },
  ];

  it("maintainer commands are refused below the configured role (maintain by default), naming both roles", async () => {
    const ledger = new Ledger();
    for (const command of maintainerCommands) {
      for (const role of ["none", "read", "triage", "write"] as const) {
        const outcome = await ledger.apply(ctx(command, { role, accounts: [BOB, CAROL] }));
        refused(outcome, `@octo has ${role} permission on ${REPO.name}; '/meritlog ${command.name}' needs maintain or higher`);
      }
    }
    expect(ledger.test.size).toBe(0);
  });

  it("maintain and admin may; a configuration may lower the role to write", async () => {
    for (const role of ["maintain", "admin"] as const) {
      expect((await new Ledger().apply(ctx({ name: "bonus", points: 1000, reason: "r" }, { role }))).applied).toBe(true);
    }
    const rules: ResolvedConfig = parseConfig("commands:\n  permission: write\n");
    expect((await new Ledger().apply(ctx({ name: "bonus", points: 1000, reason: "r" }, { role: "write", rules }))).applied).toBe(true);
    refused(
      await new Ledger().apply(ctx({ name: "bonus", points: 1000, reason: "r" }, { role: "triage", rules })),
      /needs write or higher$/,
    );
  });

  it("a contributor's own commands need no role", async () => {
    for (const command of [{ name: "explain" }, { name: "optout" }, { name: "optin" }, { name: "link", logins: ["alice-alt"] }] as const) {
      expect((await new Ledger().apply(ctx(command, { role: "none", by: ALICE, accounts: [ALICE_ALT] }))).applied, command.name).toBe(true);
    }
  });
});

describe("void", () => {
  /**
   * ALICE's #12: opened with a void label (a zero award), approved by BOB (a review award), merged
   * with commits by ALICE and BOB, and given a bonus; #13 merged beside it.
   */
  async function merged12(): Promise<Ledger> {
    const ledger = new Ledger();
    const pr = pr200(12, { commits: [commit("a1", ALICE, [BOB])] });
    await ledger.record([prOpened({ ...pr, labels: ["invalid"] }, { time: "2025-03-10T08:00:00Z" })]);
    await ledger.record([review(pr, BOB, "approved", 7001, { time: "2025-03-12T08:00:00Z" })]);
    await ledger.record([prMerged(pr, { time: MARCH }), prMerged(pr200(13), { time: MARCH })]);
    applied(await ledger.apply(ctx({ name: "bonus", points: 5000, reason: "great" })));
    return ledger;
  }

  it("reverses every entry of the subject that still counts, after a marker that names who and why", async () => {
    const ledger = await merged12();
    const before = await about(ledger, 12);
    const counting = before.filter((e) => e.points !== 0);
    expect(total(before)).toBe(32_000 + 10_000 + 10_000 + 20_000 + 5_000);
    expect(counting).toHaveLength(5);

    const outcome = await ledger.apply(ctx({ name: "void", reason: "plagiarised" }));
    expect(outcome.message).toBe("#12 is void: 5 entries reversed, and it scores nothing from now on");
    const [marker, ...reversals] = applied(outcome);
    expect(marker).toMatchObject({
      id: factId(`void:${REPO.id}:12`),
      kind: "command",
      actor: account(ALICE),
      points: 0,
      breakdown: [],
      inputs: { command: "void" },
      reason: "plagiarised",
      by: account(OWNER),
    });
    expect(reversals.map((r) => r.ref).sort()).toEqual(counting.map((e) => e.id).sort());
    for (const r of reversals) {
      const entry = counting.find((e) => e.id === r.ref);
      expect(r).toMatchObject({
        kind: "reversal",
        points: -(entry?.points ?? Number.NaN),
        reason: "plagiarised",
        by: account(OWNER),
        actor: entry?.actor,
      });
      expect(r.id).toBe(factId(`void:${REPO.id}:12:reversal:${r.ref}`));
    }
    expect(total(await about(ledger, 12))).toBe(0);
    expect(total(await about(ledger, 13))).toBe(32_000);
  });

  it("a void label's reversal is an adjustment: void reverses it with the award, and the subject ends at 0", async () => {
    const ledger = new Ledger();
    await ledger.record([prMerged(pr200(12, { commits: [commit("a1", ALICE)] }), { time: MARCH })]);
    const labelled = adjustmentsFor(await ledger.subject(12), DEFAULTS, { labels: ["spam"] }, LABEL);
    expect(labelled.map((b) => [b.ref, b.kind])).toEqual([
      [MERGED, "reversal"],
      [COMMITS, "reversal"],
    ]);
    await ledger.test.append(labelled);
    expect(total(await about(ledger, 12))).toBe(0);
    const [, ...reversals] = applied(await ledger.apply(ctx({ name: "void", reason: "spam" })));
    expect(reversals.map((r) => r.ref).sort()).toEqual([MERGED, COMMITS, ...labelled.map((b) => b.id)].sort());
    expect(total(await about(ledger, 12))).toBe(0);
    // Removing the label afterwards restores nothing: the subject is void.
    expect(adjustmentsFor(await ledger.subject(12), DEFAULTS, { labels: [] }, LABEL)).toEqual([]);
  });

  it("label adjustments are reversed with their awards", async () => {
    const ledger = new Ledger();
    await ledger.record([prMerged(pr200(12, { commits: [commit("a1", ALICE)] }), { time: MARCH })]);
    const labelled = adjustmentsFor(await ledger.subject(12), DEFAULTS, { labels: ["documentation"] }, LABEL);
    await ledger.test.append(labelled);
    expect(total(await about(ledger, 12))).toBe(38_400 + 12_000);
    const [, ...reversals] = applied(await ledger.apply(ctx({ name: "void", reason: "copied" })));
    expect(reversals.map((r) => r.ref).sort()).toEqual([MERGED, COMMITS, ...labelled.map((b) => b.id)].sort());
    expect(total(await about(ledger, 12))).toBe(0);
  });

  it("entries a dismissed review reversed already are not reversed twice", async () => {
    const ledger = new Ledger();
    const pr = pr200(12);
    await ledger.record([review(pr, BOB, "approved", 7001, { time: "2025-03-12T08:00:00Z" })]);
    await ledger.record([prMerged(pr, { time: MARCH })]);
    const reviewId = factId(`review:${REPO.id}:7001`);
    const reviewAward = (await ledger.subject(12)).find((e) => e.id === reviewId);
    if (!reviewAward) throw new Error("no review award");
    await ledger.test.append([
      reversalOf(reviewAward, DEFAULTS, {
        key: `dismissed:${REPO.id}:7001`,
        time: COMMENTED,
        source: { event: "pull_request_review", action: "dismissed" },
        reason: "review dismissed",
      }),
    ]);
    const [, ...reversals] = applied(await ledger.apply(ctx({ name: "void", reason: "spam" })));
    expect(reversals.map((r) => r.ref)).toEqual([MERGED]);
    expect(total(await about(ledger, 12))).toBe(0);
  });

  it("a maintainer's penalty stands: voiding the work does not refund it", async () => {
    const ledger = await merged12();
    applied(await ledger.apply(ctx({ name: "penalty", points: 3000, reason: "rude" })));
    const penalty = (await about(ledger, 12)).find((e) => e.kind === "penalty");
    expect(penalty?.inputs?.command).toBe("penalty");
    const outcome = await ledger.apply(ctx({ name: "void", reason: "plagiarised" }));
    const [, ...reversals] = applied(outcome);
    expect(outcome.message).toBe("#12 is void: 5 entries reversed, and it scores nothing from now on");
    expect(reversals.map((r) => r.ref)).not.toContain(penalty?.id);
    // The maintainer's bonus is reversed; the penalty is all that is left.
    expect(reversals.map((r) => r.ref)).toContain((await about(ledger, 12)).find((e) => e.inputs?.command === "bonus")?.id);
    expect(total(await about(ledger, 12))).toBe(-3000);
  });

  it("a voided pull request gets no adjustments from a later rating or label", async () => {
    const ledger = await merged12();
    applied(await ledger.apply(ctx({ name: "void", reason: "spam" })));
    expect(applied(await ledger.apply(ctx({ name: "rate", rating: 5 }))).map((b) => b.kind)).toEqual(["command"]);
    expect(adjustmentsFor(await ledger.subject(12), DEFAULTS, { labels: ["documentation"] }, LABEL)).toEqual([]);
    expect(total(await about(ledger, 12))).toBe(0);
  });

  it("a second void is refused, and the subject scores nothing afterwards", async () => {
    const ledger = await merged12();
    applied(await ledger.apply(ctx({ name: "void", reason: "spam" })));
    const size = ledger.test.size;
    refused(await ledger.apply(ctx({ name: "void", reason: "again" })), "#12 is already void");
    expect(ledger.test.size).toBe(size);
    const later = await recordFacts([prOpened(pr200(12), { time: "2025-03-25T00:00:00Z" })], DEFAULTS, await ledger.view());
    expect(later.map((b) => b.kind)).toEqual(["state"]);
  });

  it("a subject without awards: the marker alone", async () => {
    const outcome = await new Ledger().apply(ctx({ name: "void", reason: "spam" }, { issue: issue({ number: 40, isPullRequest: false }) }));
    expect(outcome.message).toBe("#40 is void: 0 entries reversed, and it scores nothing from now on");
    expect(applied(outcome).map((b) => b.kind)).toEqual(["command"]);
  });

  it("one entry reversed says 'entry'", async () => {
    const ledger = new Ledger();
    await ledger.record([prOpened(pr200(13), { time: MARCH })]);
    const outcome = await ledger.apply(ctx({ name: "void", reason: "spam" }, { issue: issue({ number: 13 }) }));
    expect(outcome.message).toBe("#13 is void: 1 entry reversed, and it scores nothing from now on");
  });
});

describe("rate", () => {
  it("only pull requests are rated", async () => {
    refused(
      await new Ledger().apply(ctx({ name: "rate", rating: 5 }, { issue: issue({ isPullRequest: false }) })),
      "only pull requests are rated",
    );
  });

  it("no one rates their own work", async () => {
    refused(
      await new Ledger().apply(ctx({ name: "rate", rating: 5 }, { by: ALICE })),
      "no one rates their own work: ask another maintainer",
    );
  });

  it("before the merge: the rating alone, for the merge to apply", async () => {
    const ledger = new Ledger();
    const outcome = await ledger.apply(ctx({ name: "rate", rating: 4 }));
    expect(outcome.message).toBe("#12 rated 4");
    expect(applied(outcome)).toEqual([
      expect.objectContaining({
        id: factId(`rate:${REPO.id}:12`),
        kind: "command",
        actor: account(OWNER),
        points: 0,
        breakdown: [],
        inputs: { command: "rate", rating: 4, author_id: ALICE.id, author_login: ALICE.login },
        by: account(OWNER),
      }),
    ]);
    const later = await recordFacts([prMerged(pr200(12), { time: "2025-03-25T00:00:00Z" })], DEFAULTS, await ledger.view());
    const award = later.find((b) => b.kind === "award");
    expect(award?.inputs?.context).toMatchObject({ rating: 4 });
    expect(award?.points).toBe(38_400);
  });

  it("after the merge: adjustments of the merged award and the commit credits, not of the opened award", async () => {
    const ledger = new Ledger();
    const pr = pr200(12, { commits: [commit("a1", ALICE), commit("a2", BOB)] });
    await ledger.record([prOpened(pr, { time: "2025-03-10T08:00:00Z" })]);
    await ledger.record([prMerged(pr, { time: MARCH })]);
    const [marker, ...adjustments] = applied(await ledger.apply(ctx({ name: "rate", rating: 5 })));
    expect(marker?.inputs).toEqual({ command: "rate", rating: 5, author_id: ALICE.id, author_login: ALICE.login });
    const byRef = new Map(adjustments.map((a) => [a.ref, a]));
    expect(byRef.size).toBe(3);
    expect(byRef.get(factId(`pr_merged:${REPO.id}:12`))).toMatchObject({
      kind: "bonus",
      points: 16_000,
      inputs: { rating: 5 },
      reason: "rated 5",
      by: account(OWNER),
    });
    expect(byRef.get(factId(`commits:${REPO.id}:12:${ALICE.id}`))).toMatchObject({ kind: "bonus", points: 5_000, actor: account(ALICE) });
    expect(byRef.get(factId(`commits:${REPO.id}:12:${BOB.id}`))).toMatchObject({ kind: "bonus", points: 5_000, actor: account(BOB) });
    expect(byRef.has(factId(`pr_opened:${REPO.id}:12`))).toBe(false);
    for (const a of adjustments) expect(a.id).toBe(factId(`adjust:${a.ref}:0`));
    // A replay of the rating's adjustments, with the marker recorded, appends nothing.
    expect(adjustmentsFor(await ledger.subject(12), DEFAULTS, { rating: 5 }, LABEL)).toEqual([]);
  });

  it("a low rating after the merge: penalties; a neutral one: no adjustment", async () => {
    const ledger = new Ledger();
    await ledger.record([prMerged(pr200(12), { time: MARCH }), prMerged(pr200(13), { time: MARCH })]);
    const [, low] = applied(await ledger.apply(ctx({ name: "rate", rating: 1 })));
    expect(low).toMatchObject({ kind: "penalty", points: -16_000 });
    expect(applied(await ledger.apply(ctx({ name: "rate", rating: 3 }, { issue: issue({ number: 13 }) }))).map((b) => b.kind)).toEqual([
      "command",
    ]);
  });

  it("after a label: the rating multiplies the labelled points, and a later label keeps the rating", async () => {
    const ledger = new Ledger();
    await ledger.record([prMerged(pr200(12, { commits: [commit("a1", ALICE)] }), { time: MARCH })]);
    await ledger.test.append(adjustmentsFor(await ledger.subject(12), DEFAULTS, { labels: ["documentation"] }, LABEL));
    const [, ...adjustments] = applied(await ledger.apply(ctx({ name: "rate", rating: 5 })));
    // 32 × 1.2 = 38.4, rated 5: × 1.5 = 57.6; the commit: 10 × 1.2 × 1.5 = 18.
    const merged = adjustments.find((a) => a.ref === MERGED);
    expect(merged).toMatchObject({
      id: factId(`adjust:${MERGED}:1`),
      kind: "bonus",
      points: 19_200,
      inputs: { labels: ["documentation"], rating: 5 },
    });
    expect(total(await about(ledger, 12))).toBe(57_600 + 18_000);
    await ledger.test.append(adjustmentsFor(await ledger.subject(12), DEFAULTS, { labels: [] }, LABEL));
    expect(total(await about(ledger, 12))).toBe(48_000 + 15_000);
  });

  it("a pull request is rated once", async () => {
    const ledger = new Ledger();
    applied(await ledger.apply(ctx({ name: "rate", rating: 5 })));
    refused(
      await ledger.apply(ctx({ name: "rate", rating: 2 }, { by: CAROL })),
      "#12 was already rated 5 by @octo; a pull request is rated once",
    );
  });
});

describe("link", () => {
  it("a request, then the other account's confirmation, links the two", async () => {
    const ledger = new Ledger();
    const request = await ledger.apply(
      ctx({ name: "link", logins: ["alice-alt"] }, { by: ALICE, role: "none", accounts: [ALICE_ALT], commentId: 31 }),
    );
    expect(request.message).toBe(
      "link requested: @alice-alt confirms with '/meritlog link @alice', or a maintainer with '/meritlog link @alice @alice-alt'",
    );
    const linked = { accounts: [account(ALICE), account(ALICE_ALT)] };
    expect(applied(request)).toEqual([
      expect.objectContaining({
        id: factId(`link:${ALICE.id}:${ALICE_ALT.id}`),
        kind: "command",
        actor: account(ALICE),
        subject: { type: "comment", number: 12, id: 31, url: `${issue().url}#issuecomment-31` },
        points: 0,
        inputs: { command: "link", ...linked, confirmed: false },
        by: account(ALICE),
      }),
    ]);

    const confirm = await ledger.apply(ctx({ name: "link", logins: ["alice"] }, { by: ALICE_ALT, role: "none", accounts: [ALICE] }));
    expect(confirm.message).toBe("@alice-alt and @alice are linked");
    const [answer, confirmed] = applied(confirm);
    expect(answer).toMatchObject({
      id: factId(`link:${ALICE_ALT.id}:${ALICE.id}`),
      inputs: { command: "link", ...linked, confirmed: false },
      by: account(ALICE_ALT),
    });
    expect(confirmed).toMatchObject({
      id: factId(`link:confirmed:${ALICE.id}:${ALICE_ALT.id}`),
      inputs: { command: "link", ...linked, confirmed: true },
    });

    refused(
      await ledger.apply(ctx({ name: "link", logins: ["alice-alt"] }, { by: ALICE, role: "none", accounts: [ALICE_ALT] })),
      "@alice and @alice-alt are already linked",
    );
  });

  it("a request from one side only is not a link", async () => {
    const ledger = new Ledger();
    applied(await ledger.apply(ctx({ name: "link", logins: ["alice-alt"] }, { by: ALICE, role: "none", accounts: [ALICE_ALT] })));
    const view = await ledger.view();
    expect((await view.byIds([factId(`link:confirmed:${ALICE.id}:${ALICE_ALT.id}`)])).size).toBe(0);
    // Another account's request to a third does not confirm it.
    const other = await ledger.apply(ctx({ name: "link", logins: ["alice"] }, { by: BOB, role: "none", accounts: [ALICE] }));
    expect(applied(other).map((b) => b.inputs?.confirmed)).toEqual([false]);
  });

  it("a maintainer links two accounts at once, in id order", async () => {
    const ledger = new Ledger();
    const outcome = await ledger.apply(ctx({ name: "link", logins: ["carol", "bob"] }, { accounts: [CAROL, BOB] }));
    expect(outcome.message).toBe("@bob and @carol are linked");
    expect(applied(outcome)).toEqual([
      expect.objectContaining({
        id: factId(`link:confirmed:${BOB.id}:${CAROL.id}`),
        actor: account(OWNER),
        inputs: { command: "link", accounts: [account(BOB), account(CAROL)], confirmed: true },
        by: account(OWNER),
      }),
    ]);
    refused(
      await ledger.apply(ctx({ name: "link", logins: ["bob", "carol"] }, { accounts: [BOB, CAROL] })),
      "@bob and @carol are already linked",
    );
  });

  it("an account not found, or linked to itself, is refused", async () => {
    const ledger = new Ledger();
    refused(
      await ledger.apply(ctx({ name: "link", logins: ["ghost"] }, { by: ALICE, role: "none", accounts: [] })),
      "the account to link was not found",
    );
    refused(
      await ledger.apply(ctx({ name: "link", logins: ["alice"] }, { by: ALICE, role: "none", accounts: [ALICE] })),
      "an account cannot be linked to itself",
    );
    refused(
      await ledger.apply(ctx({ name: "link", logins: ["bob", "bob"] }, { accounts: [BOB, BOB] })),
      "an account cannot be linked to itself",
    );
    expect(ledger.test.size).toBe(0);
  });
});

describe("optout, optin and explain", () => {
  it.each(["optout", "optin"] as const)("%s records the commenter's choice", async (name) => {
    const c = ctx({ name }, { by: BOB, role: "none", commentId: 61 });
    const outcome = await new Ledger().apply(c);
    expect(applied(outcome)).toEqual([
      {
        time: COMMENTED,
        repo: { id: REPO.id, name: REPO.name },
        subject: { type: "comment", number: 12, id: 61, url: c.comment.url },
        rules: rulesHash(DEFAULTS),
        source: c.source,
        id: factId(`${name}:${BOB.id}:61`),
        kind: "command",
        actor: account(BOB),
        points: 0,
        breakdown: [],
        inputs: { command: name },
        by: account(BOB),
      },
    ]);
    expect(outcome.message).toBe(
      name === "optout"
        ? "@bob is shown under a pseudonym from the next site build; '/meritlog optin' undoes it"
        : "@bob is shown by name again from the next site build",
    );
  });

  it("optout then optin are two entries, the later one the newest", async () => {
    const ledger = new Ledger();
    applied(await ledger.apply(ctx({ name: "optout" }, { by: BOB, role: "none" })));
    applied(await ledger.apply(ctx({ name: "optin" }, { by: BOB, role: "none" })));
    const entries = await (await ledger.view()).range(0, 10);
    expect(entries.map((e) => e.inputs?.command)).toEqual(["optout", "optin"]);
  });

  it("explain applies and records nothing", async () => {
    expect(await new Ledger().apply(ctx({ name: "explain" }, { by: BOB, role: "none" }))).toEqual({
      applied: true,
      bodies: [],
      message: "",
    });
  });
});
