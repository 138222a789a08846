import { describe, expect, it } from "vitest";
import { identities, pseudonym } from "../../src/aggregate/identities.ts";
import { aggregate } from "../../src/aggregate/site-data.ts";
import type { Person } from "../../src/events/facts.ts";
import { ALICE, BOB, CAROL, OWNER, prMerged, pullRequest } from "../helpers/facts.ts";
import { asEntries, bonus, expectedPseudonym, link, opt, STATUS, scored } from "./support.ts";

const ALICE_WORK: Person = { id: 201, login: "alice-at-work", type: "User" };

const merged = (number: number, author: Person, time: string) => scored([prMerged(pullRequest({ number, author }), { time })]);
const at = (time: string) => ({ time });

describe("linked accounts", () => {
  it("are one person, under the account named first in the confirmed link, with both accounts' points", () => {
    const bodies = [
      ...merged(1, ALICE, "2025-03-01T00:00:00Z"),
      ...merged(2, ALICE_WORK, "2025-03-02T00:00:00Z"),
      ...merged(3, BOB, "2025-03-03T00:00:00Z"),
      link(ALICE_WORK, ALICE, ALICE_WORK, at("2025-03-04T00:00:00Z")),
    ];
    const entries = asEntries(bodies);
    const data = aggregate(entries, STATUS);
    const sum = (ids: number[]) => entries.filter((e) => ids.includes(e.actor.id)).reduce((a, e) => a + e.points, 0);
    const allTime = data.boards.find((b) => b.slug === "all-time");
    expect(allTime?.rows.map((r) => [r.person.login, r.points])).toEqual(
      expect.arrayContaining([
        ["alice", sum([ALICE.id, ALICE_WORK.id])],
        ["bob", sum([BOB.id])],
      ]),
    );
    expect(allTime?.rows).toHaveLength(2);
    expect(data.profiles.find((p) => p.person.id === ALICE.id)?.prs.merged).toBe(2);
  });

  it("chain: a link to an already linked account joins its person, which keeps its primary", () => {
    const ids = identities(
      asEntries([link(ALICE, ALICE, ALICE_WORK, at("2025-03-01T00:00:00Z")), link(CAROL, CAROL, ALICE_WORK, at("2025-03-02T00:00:00Z"))]),
    );
    expect(new Set([ALICE.id, ALICE_WORK.id, CAROL.id].map((id) => ids.person(id).id))).toEqual(new Set([ALICE.id]));
  });

  it("an unconfirmed link request merges nothing", () => {
    const request = { ...link(ALICE, ALICE, ALICE_WORK, at("2025-03-01T00:00:00Z")), inputs: { command: "link", confirmed: false } };
    expect(identities(asEntries([request])).person(ALICE_WORK.id).id).toBe(ALICE_WORK.id);
  });
});

describe("pseudonyms", () => {
  it("are contributor- and 8 hex digits of SHA-256 of the id", () => {
    expect(pseudonym(101)).toBe(expectedPseudonym(101));
    expect(pseudonym(101)).toMatch(/^contributor-[0-9a-f]{8}$/);
  });

  it("the latest optout/optin decides", () => {
    const person = (cmds: ("optout" | "optin")[]) =>
      identities(asEntries(cmds.map((c, i) => opt(c, ALICE, at(`2025-03-0${i + 1}T00:00:00Z`))))).person(ALICE.id);
    expect(person(["optout"])).toEqual({ id: ALICE.id, login: expectedPseudonym(ALICE.id), pseudonymous: true });
    expect(person(["optout", "optin"])).toEqual({ id: ALICE.id, login: "alice", pseudonymous: false });
    expect(person(["optin", "optout"]).pseudonymous).toBe(true);
  });

  it("an opt-out from a linked account hides the person, and an opt-in from the other undoes it", () => {
    const base = [link(ALICE, ALICE, ALICE_WORK, at("2025-03-01T00:00:00Z")), opt("optout", ALICE_WORK, at("2025-03-02T00:00:00Z"))];
    expect(identities(asEntries(base)).person(ALICE.id).login).toBe(expectedPseudonym(ALICE.id));
    const back = [...base, opt("optin", ALICE, at("2025-03-03T00:00:00Z"))];
    expect(identities(asEntries(back)).person(ALICE.id).login).toBe("alice");
  });

  it("replace the person's logins (every login of every linked account) in reasons, notes, `by` and URLs", () => {
    const repo = { id: 77, name: "alice/garden" };
    const bodies = [
      bonus(OWNER, BOB, 5000, "thanks @alice and @ALICE-AT-WORK, not alicent", { time: "2025-03-01T00:00:00Z", repo }),
      bonus(ALICE, BOB, 3000, "from alice", { time: "2025-03-02T00:00:00Z" }),
      link(ALICE, ALICE, ALICE_WORK, at("2025-03-03T00:00:00Z")),
      opt("optout", ALICE, at("2025-03-04T00:00:00Z")),
    ];
    const data = aggregate(asEntries(bodies), STATUS);
    const name = expectedPseudonym(ALICE.id);
    const entries = data.profiles.find((p) => p.person.login === "bob")?.entries ?? [];
    expect(entries.map((e) => e.reason)).toEqual([`from ${name}`, `thanks @${name} and @${name}, not alicent`]);
    expect(entries[1]?.breakdown[0]?.note).toBe(`thanks @${name} and @${name}, not alicent`);
    expect(entries[0]?.by).toBe(name);
    expect(entries[1]?.repo).toBe(`${name}/garden`);
    expect(entries[1]?.subject.url).toBe(`https://github.com/${name}/garden/issues/1`);
    expect(JSON.stringify(data).toLowerCase()).not.toMatch(/\balice\b|alice-at-work/);
  });
});
