/**
 * Recording on the data branch, or only computing what would be recorded: a dry run, and a fork's
 * pull request under `pull_request` (a read-only token and no secrets), compute against the branch
 * tip and write nothing; the scheduled reconcile records the fork's contribution later.
 */
import type { EntryBody } from "../ledger/entry.ts";
import type { Signer } from "../ledger/keys.ts";
import { CompactRange } from "../ledger/merkle.ts";
import { type ResolvedConfig, rulesDocument, rulesHash } from "../scoring/config.ts";
import { appendToBranch, readBranch } from "../store/git/append-branch.ts";
import type { RemoteSpec } from "../store/git/remote.ts";
import { LedgerView } from "../store/ledger-view.ts";
import type { CheckpointInfo } from "./report.ts";

/** Computes bodies (and anything else the caller keeps) from the ledger as it is. */
export type Compose = (view: LedgerView) => Promise<readonly EntryBody[]>;

export type Mode = { readonly write: true; readonly signer: Signer } | { readonly write: false; readonly why: string };

export interface Recorded {
  /** The bodies composed on the tip the outcome is based on. */
  readonly bodies: readonly EntryBody[];
  /** Those not in the ledger before: what was appended, or what would have been. */
  readonly fresh: readonly EntryBody[];
  /** Ids actually appended (empty when nothing new, or when not writing). */
  readonly appended: readonly string[];
  readonly checkpoint?: CheckpointInfo;
  readonly written: boolean;
}

export async function record(spec: RemoteSpec, mode: Mode, rules: ResolvedConfig, compose: Compose): Promise<Recorded> {
  let bodies: readonly EntryBody[] = [];
  if (!mode.write) {
    let fresh: readonly EntryBody[] = [];
    const checkpoint = await readBranch(spec, async (files) => {
      const view = await LedgerView.open(files);
      bodies = await compose(view);
      const known = await view.byIds(bodies.map((b) => b.id));
      fresh = bodies.filter((b) => !known.has(b.id));
      return view.checkpoint;
    });
    return {
      bodies,
      fresh,
      appended: [],
      written: false,
      ...(checkpoint ? { checkpoint: { size: checkpoint.size, root: checkpoint.root.toString("base64") } } : {}),
    };
  }
  const result = await appendToBranch(
    spec,
    async (files) => {
      bodies = await compose(await LedgerView.open(files));
      return bodies;
    },
    mode.signer,
    // An event that records nothing must not create an empty ledger either.
    { rules: new Map([[rulesHash(rules), rulesDocument(rules)]]), createEmpty: false },
  );
  const head = result.result.head;
  const appended = new Set(result.result.entries.map((e) => e.id));
  return {
    bodies,
    fresh: bodies.filter((b) => appended.has(b.id)),
    appended: [...appended],
    written: result.commit !== undefined,
    checkpoint: {
      size: head.size,
      root: CompactRange.fromHashes(head.size, [...head.range])
        .root()
        .toString("base64"),
    },
  };
}
