/**
 * Who holds which badge, from `badge` entries. Linked accounts can both have earned a badge: the
 * person holds it once, from its first award.
 */
import type { Entry } from "../ledger/entry.ts";
import { BADGES, type BadgeDefinition } from "../scoring/badges.ts";
import type { BadgeHeld, Person, SiteData } from "./model.ts";

interface Held {
  readonly definition: BadgeDefinition;
  readonly scope?: string;
  readonly time: string;
}

const CATALOGUE = new Map(BADGES.map((b) => [b.name, b]));

export class BadgeHolders {
  /** Per person id, by badge and scope. */
  readonly #held = new Map<number, Map<string, Held>>();
  /** Per badge, its holders in the order they first got it. */
  readonly #holders = new Map<string, Map<number, Person>>(BADGES.map((b) => [b.name, new Map()]));

  /** Takes a `badge` entry credited to `person`; badges outside the catalogue are not shown. */
  add(e: Entry, person: Person): void {
    const definition = e.badge === undefined ? undefined : CATALOGUE.get(e.badge);
    if (!definition) return;
    const scope = typeof e.inputs?.scope === "string" ? e.inputs.scope : undefined;
    const key = scope === undefined ? definition.name : `${definition.name}:${scope}`;
    let held = this.#held.get(person.id);
    if (!held) {
      held = new Map();
      this.#held.set(person.id, held);
    }
    if (!held.has(key)) held.set(key, scope === undefined ? { definition, time: e.time } : { definition, scope, time: e.time });
    const holders = this.#holders.get(definition.name) as Map<number, Person>;
    if (!holders.has(person.id)) holders.set(person.id, person);
  }

  /** The catalogue, in its own order, with holders. */
  catalogue(): SiteData["badges"] {
    return BADGES.map((b) => ({
      badge: b.name,
      title: b.title,
      rarity: b.rarity,
      description: b.description,
      holders: [...(this.#holders.get(b.name) as Map<number, Person>).values()],
    }));
  }

  /** A person's badges, earliest first; `share` divides each badge's holders by `contributors`. */
  held(personId: number, contributors: number): BadgeHeld[] {
    const held = [...(this.#held.get(personId)?.values() ?? [])].sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
    return held.map((h) => {
      const out: { -readonly [K in keyof BadgeHeld]: BadgeHeld[K] } = {
        badge: h.definition.name,
        title: h.definition.title,
        rarity: h.definition.rarity,
        time: h.time,
        share: contributors === 0 ? 0 : (this.#holders.get(h.definition.name)?.size ?? 0) / contributors,
      };
      if (h.scope !== undefined) out.scope = h.scope;
      return out;
    });
  }
}
