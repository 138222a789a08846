/**
 * Who the ledger's entries are credited to, and under which name they are shown.
 *
 * - Accounts joined by a confirmed `link` command are one person, shown under one primary account
 *   (its id and latest login). Linking two single accounts makes the account named first in the
 *   confirmed entry's `inputs.accounts` primary (the writer lists the lower id first). Links chain,
 *   and a person keeps their primary: linking C to B after A to B adds C to A's person, so a profile
 *   never moves to another id because someone linked one more account.
 * - A person is shown under a pseudonym when the latest `optout`/`optin` command given from any of
 *   their accounts (by seq) is an `optout`: the person, not the account, chose, so an opt-in from a
 *   linked account undoes an opt-out from another.
 */
import { createHash } from "node:crypto";
import type { Entry } from "../ledger/entry.ts";
import type { Person } from "./model.ts";

export interface Identities {
  /** The person an account's entries are credited to, as shown. */
  person(accountId: number): Person;
  /**
   * `text` with every login any pseudonymous person's accounts ever had, as a whole word and in any
   * letter case, replaced by their pseudonym: reasons, notes and URLs are free text that can name them.
   */
  redact(text: string): string;
}

/** The pseudonym of account `id`: stable across builds and not derived from the login. */
export function pseudonym(id: number, hexDigits = 8): string {
  const hash = createHash("sha256").update(`meritlog-pseudonym:${id}`, "utf8").digest("hex");
  return `contributor-${hash.slice(0, hexDigits)}`;
}

interface Choice {
  readonly seq: number;
  readonly optout: boolean;
}

function linkedPair(inputs: Readonly<Record<string, unknown>> | undefined): [LinkAccount, LinkAccount] | undefined {
  const accounts = inputs?.accounts;
  if (inputs?.confirmed !== true || !Array.isArray(accounts) || accounts.length !== 2) return undefined;
  const [a, b] = accounts as unknown[];
  return isLinkAccount(a) && isLinkAccount(b) ? [a, b] : undefined;
}

interface LinkAccount {
  readonly id: number;
  readonly login: string;
}

function isLinkAccount(v: unknown): v is LinkAccount {
  return typeof v === "object" && v !== null && typeof (v as LinkAccount).id === "number" && typeof (v as LinkAccount).login === "string";
}

export function identities(entries: Iterable<Entry>): Identities {
  /** Every login seen per account, the latest last. */
  const logins = new Map<number, string[]>();
  const parent = new Map<number, number>();
  /** Per primary account, the seq of the link that made it one: the older person absorbs the newer. */
  const linkedSince = new Map<number, number>();
  const choices = new Map<number, Choice>();

  const see = (id: number, login: string) => {
    const known = logins.get(id);
    if (!known) logins.set(id, [login]);
    else if (known[known.length - 1] !== login) {
      const i = known.indexOf(login);
      if (i >= 0) known.splice(i, 1);
      known.push(login);
    }
  };
  const root = (id: number): number => {
    let r = id;
    for (let p = parent.get(r); p !== undefined; p = parent.get(r)) r = p;
    // Path compression keeps long link chains cheap to resolve for every entry.
    for (let x = id, p = parent.get(x); p !== undefined && p !== r; p = parent.get(x)) {
      parent.set(x, r);
      x = p;
    }
    return r;
  };

  for (const e of entries) {
    see(e.actor.id, e.actor.login);
    if (e.by) see(e.by.id, e.by.login);
    if (e.kind !== "command") continue;
    const command = e.inputs?.command;
    if (command === "link") {
      const pair = linkedPair(e.inputs);
      if (!pair) continue;
      see(pair[0].id, pair[0].login);
      see(pair[1].id, pair[1].login);
      let [primary, other] = [root(pair[0].id), root(pair[1].id)];
      if (primary === other) continue;
      if ((linkedSince.get(other) ?? Number.POSITIVE_INFINITY) < (linkedSince.get(primary) ?? Number.POSITIVE_INFINITY)) {
        [primary, other] = [other, primary];
      }
      parent.set(other, primary);
      if (!linkedSince.has(primary)) linkedSince.set(primary, e.seq);
    } else if (command === "optout" || command === "optin") {
      choices.set(e.actor.id, { seq: e.seq, optout: command === "optout" });
    }
  }

  // Links may come after opt-outs, so the person's latest choice is found only once all links are known.
  const latest = new Map<number, Choice>();
  for (const [id, choice] of choices) {
    const r = root(id);
    const seen = latest.get(r);
    if (!seen || choice.seq > seen.seq) latest.set(r, choice);
  }
  const hiddenIds = [...latest].flatMap(([id, c]) => (c.optout ? [id] : []));
  const names = pseudonyms(hiddenIds);

  const hidden = new Map<string, string>();
  for (const [id, known] of logins) {
    const name = names.get(root(id));
    if (name !== undefined) for (const login of known) hidden.set(login.toLowerCase(), name);
  }

  const people = new Map<number, Person>();
  return {
    person(accountId) {
      const id = root(accountId);
      let p = people.get(id);
      if (!p) {
        const name = names.get(id);
        const login = logins.get(id)?.at(-1) ?? String(id);
        p = name === undefined ? { id, login, pseudonymous: false } : { id, login: name, pseudonymous: true };
        people.set(id, p);
      }
      return p;
    },
    redact: hidden.size === 0 ? (text) => text : redactor(hidden),
  };
}

/**
 * Pseudonyms for `ids`: 8 hex digits of the hash, or 16 for ids whose 8 digits collide (a 1% chance
 * among 10,000 opted-out people), so that no two people share a displayed name.
 */
function pseudonyms(ids: readonly number[]): Map<number, string> {
  const short = new Map(ids.map((id) => [id, pseudonym(id)]));
  const uses = new Map<string, number>();
  for (const name of short.values()) uses.set(name, (uses.get(name) ?? 0) + 1);
  return new Map([...short].map(([id, name]) => [id, (uses.get(name) ?? 0) > 1 ? pseudonym(id, 16) : name]));
}

const HYPHEN = 45;

/** Letters, digits and hyphens: what logins are made of. */
function isLoginCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === HYPHEN;
}

function hashStep(h: number, c: number): number {
  return (Math.imul(h, 31) + (c >= 65 && c <= 90 ? c + 32 : c)) | 0;
}

/**
 * Replaces whole words found in `hidden` (lower-case login → pseudonym). A word is a run of letters,
 * digits and hyphens starting with a letter or digit, with a `[bot]` suffix when one follows. Every
 * URL of the ledger goes through here, so words are hashed in place and only a hash that matches a
 * hidden login costs a substring: a regular expression with a callback allocated two strings per word.
 */
function redactor(hidden: ReadonlyMap<string, string>): (text: string) => string {
  const hashes = new Set<number>();
  for (const login of hidden.keys()) {
    let h = 0;
    for (let i = 0; i < login.length; i++) h = hashStep(h, login.charCodeAt(i));
    hashes.add(h);
  }
  return (text) => {
    let out = "";
    let copied = 0;
    let i = 0;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === HYPHEN || !isLoginCode(c)) {
        i++;
        continue;
      }
      let j = i;
      let h = 0;
      for (; j < text.length && isLoginCode(text.charCodeAt(j)); j++) h = hashStep(h, text.charCodeAt(j));
      if (text.startsWith("[bot]", j)) {
        for (let k = j; k < j + 5; k++) h = hashStep(h, text.charCodeAt(k));
        j += 5;
      }
      const name = hashes.has(h) ? hidden.get(text.slice(i, j).toLowerCase()) : undefined;
      if (name !== undefined) {
        out += text.slice(copied, i) + name;
        copied = j;
      }
      i = j;
    }
    return copied === 0 ? text : out + text.slice(copied);
  };
}
