/**
 * The ledger as a long run of batches sees it. `LedgerView` answers each lookup with a few small
 * reads, which suits one event; a backfill asks for thousands of ids and subjects per batch, and
 * `since` walks back until it meets live entries older than the month, so on a ledger a backfill
 * writes — late entries only — every batch would read the whole ledger again. A run instead reads
 * the ledger once, then only what was appended since it last looked (its own batches, and any other
 * writer's), and answers from memory.
 */
import type { Entry } from "../ledger/entry.ts";
import type { LedgerView } from "../store/ledger-view.ts";

export class RunContext {
  #byId = new Map<string, Entry>();
  #bySubject = new Map<string, Entry[]>();
  #awards: Entry[] = [];
  #seen = 0;

  /** A view of the ledger answering from what this run has read, brought up to date first. */
  async over(view: LedgerView): Promise<LedgerView> {
    if (view.size < this.#seen) {
      // The branch holds fewer entries than this run saw: start over rather than trust the cache.
      this.#byId.clear();
      this.#bySubject.clear();
      this.#awards = [];
      this.#seen = 0;
    }
    for (const e of await view.range(this.#seen, view.size)) {
      this.#byId.set(e.id, e);
      if (e.subject.number !== undefined) {
        const key = `${e.repo.id}:${e.subject.number}`;
        this.#bySubject.set(key, [...(this.#bySubject.get(key) ?? []), e]);
      }
      if (e.kind === "award") this.#awards.push(e);
    }
    this.#seen = view.size;
    // Delegation rather than a subclass: only the lookups planning makes are answered here.
    return {
      files: view.files,
      checkpoint: view.checkpoint,
      size: view.size,
      byIds: async (ids: readonly string[]) =>
        new Map(ids.flatMap((id) => (this.#byId.has(id) ? [[id, this.#byId.get(id) as Entry] as const] : []))),
      subject: async (repoId: number, number: number) => [...(this.#bySubject.get(`${repoId}:${number}`) ?? [])],
      range: (from: number, to: number) => view.range(from, to),
      since: async (since: string) => this.#awards.filter((e) => e.time >= since),
    } as unknown as LedgerView;
  }
}
