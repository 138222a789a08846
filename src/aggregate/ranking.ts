/**
 * One leaderboard's running totals, and their ranking. Competition ranking ("1224"): equal points
 * share the best rank and the next rank skips, so a rank always says how many people scored more.
 */
import type { Person, Row } from "./model.ts";

interface Line {
  readonly person: Person;
  points: number;
  readonly counts: Record<string, number>;
}

export class Tally {
  readonly #lines = new Map<number, Line>();
  readonly #countNames: readonly string[];

  /** `countNames`: what every row counts besides points, present (possibly 0) on every row. */
  constructor(countNames: readonly string[]) {
    this.#countNames = countNames;
  }

  /** Credits `points` to `person`, counting one `counted` thing when given. A person added is listed, even at 0 points. */
  add(person: Person, points: number, counted?: string): void {
    let line = this.#lines.get(person.id);
    if (!line) {
      const counts: Record<string, number> = {};
      for (const name of this.#countNames) counts[name] = 0;
      line = { person, points: 0, counts };
      this.#lines.set(person.id, line);
    }
    line.points += points;
    if (counted !== undefined && counted in line.counts) line.counts[counted] = (line.counts[counted] ?? 0) + 1;
  }

  /** Rows by rank, ties by account id. */
  rows(): Row[] {
    const lines = [...this.#lines.values()].sort((a, b) => b.points - a.points || a.person.id - b.person.id);
    const rows: Row[] = [];
    lines.forEach((line, i) => {
      const above = lines[i - 1];
      const below = lines[i + 1];
      const tiedAbove = above !== undefined && above.points === line.points;
      rows.push({
        rank: tiedAbove ? (rows[i - 1] as Row).rank : i + 1,
        tied: tiedAbove || (below !== undefined && below.points === line.points),
        person: line.person,
        points: line.points,
        counts: line.counts,
      });
    });
    return rows;
  }
}
