/**
 * A large ledger's entries made directly (scoring a million facts would test scoring, not
 * aggregation): pull requests with their lifecycle states, awards of every family, reviews,
 * comments, maintainer bonuses, badges and a few opt-outs and links, over three years and many
 * repositories. Deterministic: a seeded generator, no fast-check shrinking needed.
 */
import type { Entry, EntryBody } from "../../src/ledger/entry.ts";
import { seededRandom } from "../helpers/git-remote.ts";

const RULES = `sha256:${"0".repeat(64)}`;
const START = Date.UTC(2023, 0, 1);
const SPAN_MS = 3 * 365 * 86_400_000;

export function syntheticEntries(size: number, people: number, repos = 40, seed = 7): Entry[] {
  const rnd = seededRandom(seed);
  const pick = (n: number) => Math.floor(rnd() * n);
  const out: Entry[] = [];
  let prNumber = 0;
  const push = (b: EntryBody) => {
    if (out.length < size) out.push({ ...b, v: 1, seq: out.length, sig: { keyid: "x+00000000", sig: "" } } as Entry);
  };
  const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
  while (out.length < size) {
    const repoId = 1000 + pick(repos);
    const repo = { id: repoId, name: `org${repoId}/project` };
    const author = { id: 10_000 + pick(people), login: `user${pick(people)}` };
    const number = ++prNumber;
    const url = `https://github.com/${repo.name}/pull/${number}`;
    const opened = START + pick(SPAN_MS);
    const common = { repo, rules: RULES, source: { event: "pull_request" } };
    const subject = { type: "pull_request" as const, number, url };
    const labels = rnd() < 0.1 ? ["documentation"] : ["bug"];
    const milestone = rnd() < 0.2 ? { milestone: `v${pick(5)}.0` } : {};
    const state = (s: string, time: number): EntryBody => ({
      ...common,
      id: `${number}:${s}`,
      kind: "state",
      time: iso(time),
      actor: author,
      subject,
      points: 0,
      breakdown: [],
      inputs: { state: s, created_at: iso(opened), labels, ...milestone },
    });
    const award = (family: string, who: typeof author, time: number, points: number, extra: Record<string, unknown> = {}): EntryBody => ({
      ...common,
      id: `${number}:${family}:${who.id}:${time}`,
      kind: "award",
      time: iso(time),
      actor: who,
      subject: family === "review" ? { type: "review", number, url: `${url}#pullrequestreview-${time}` } : subject,
      points,
      breakdown: [{ rule: family, points }],
      inputs: { family, labels, ...extra },
    });
    push(state("opened", opened));
    push(award("pr_opened", author, opened, 15_000));
    let t = opened;
    for (let r = pick(3); r > 0; r--) {
      t += pick(72) * 3_600_000;
      const reviewer = { id: 10_000 + pick(people), login: `user${pick(people)}` };
      push(award("review", reviewer, t, 20_000, { review_state: ["approved", "changes_requested", "commented"][pick(3)] }));
    }
    if (rnd() < 0.3) push(award("comment", { id: 10_000 + pick(people), login: "someone" }, t + 60_000, 3000));
    const end = t + pick(96) * 3_600_000;
    if (rnd() < 0.8) {
      push(state("merged", end));
      push(award("pr_merged", author, end, 25_000 + pick(10_000)));
      push(award("commits", author, end, 10_000 * (1 + pick(3))));
      if (rnd() < 0.02)
        push({ ...award("pr_merged", author, end, 0), id: `${number}:badge`, kind: "badge", badge: "first-pr", inputs: {} });
    } else {
      push(state("closed", end));
    }
    if (rnd() < 0.01) {
      push({ ...award("comment", author, end, 0), id: `${number}:optout`, kind: "command", inputs: { command: "optout" }, by: author });
    }
    if (rnd() < 0.005) {
      const other = { id: author.id + 1, login: "other" };
      push({
        ...award("comment", author, end, 0),
        id: `${number}:link`,
        kind: "command",
        inputs: { command: "link", accounts: [author, other], confirmed: true },
        by: author,
      });
    }
    if (rnd() < 0.02)
      push({ ...award("comment", author, end, -5000), id: `${number}:penalty`, kind: "penalty", reason: "spam", by: author });
  }
  return out;
}
