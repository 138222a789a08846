/**
 * What one append costs must not grow with the ledger: the writer fetches the branch tip without its
 * trees, then only the trees and files that the append touches (the newest shard, one index bucket,
 * head, keys, checkpoint), never the history or the older shards.
 */
import { afterAll, describe, expect, it } from "vitest";
import { appendToBranch } from "../../../src/store/git/append-branch.ts";
import { createBareRemote, fact, gitSync, readBranch } from "../../helpers/git-remote.ts";
import { removeTempDirs, tempDir, testSigner } from "../../helpers/ledger.ts";

afterAll(removeTempDirs);

const signer = testSigner("cost");
const SLACK = 64 * 1024;

/** A remote holding a ledger of `size` entries, written by the branch writer in batches of 1,000 or fewer. */
async function ledgerOf(size: number): Promise<string> {
  const remote = createBareRemote();
  for (let start = 0; start < size; start += 1000) {
    const bodies = Array.from({ length: Math.min(1000, size - start) }, (_, i) => fact(`cost:${size}:${start + i}`));
    await appendToBranch({ url: remote, branch: "meritlog" }, bodies, signer);
  }
  return remote;
}

/** Bytes of pack data a full copy of the branch takes, for scale. */
function fullCopyBytes(remote: string): number {
  const copy = tempDir();
  gitSync(copy, ["clone", "-q", "--bare", "--single-branch", "--branch", "meritlog", remote, "copy.git"]);
  const stats = gitSync(`${copy}/copy.git`, ["count-objects", "-v"]);
  return Number(/size-pack: (\d+)/.exec(stats)?.[1]) * 1024;
}

describe("the cost of one append", () => {
  it("is about the same on ledgers of 300 and of 3,000 entries", async ({ annotate }) => {
    const sizes = [300, 3000] as const;
    const fetched: number[] = [];
    for (const size of sizes) {
      const remote = await ledgerOf(size);
      // The tip commit's message lists the entries of its batch, so the append right after a big
      // batch fetches that list once; a one-entry append first makes the tip what it usually is.
      await appendToBranch({ url: remote, branch: "meritlog" }, [fact(`cost:${size}:usual tip`)], signer);
      const done = await appendToBranch({ url: remote, branch: "meritlog" }, [fact(`cost:${size}:one more`)], signer, {
        scratch: tempDir("meritlog-scratch-"),
      });
      expect(done.result.entries.map((e) => e.seq)).toEqual([size + 1]);
      expect((await readBranch(remote))?.verified.size).toBe(size + 2);
      const full = fullCopyBytes(remote);
      await annotate(`ledger of ${size}: one append fetched ${done.bytesFetched} bytes; a full copy of the branch is ${full} bytes`);
      expect(done.bytesFetched).toBeGreaterThan(0);
      if (size === 3000) expect(done.bytesFetched).toBeLessThan(full / 4);
      fetched.push(done.bytesFetched);
    }
    const [small, large] = fetched as [number, number];
    expect(large).toBeLessThanOrEqual(1.5 * small + SLACK);
  }, 180_000);
});
