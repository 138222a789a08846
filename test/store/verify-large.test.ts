/**
 * Ledgers at and just past the sizes where verification changes shape: a shard file ends every
 * SHARD_LINES lines and a unit of threaded work every RUN_LINES lines, and runs are joined by their
 * boundary `prev` and Merkle subtrees. A few fixed sizes keep this fast; the properties in the other
 * files cover random small ledgers.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type VerifiedLedger, verifyFolder } from "../../src/store/verify.ts";
import {
  atLine,
  chainValueRanges,
  copyDir,
  flipped,
  inChain,
  invalidity,
  locationOf,
  RUN_LINES,
  readEntryLines,
  refRootOfLines,
  removeTempDirs,
  replaceLine,
  SHARD_LINES,
  sampleBodies,
  shardFileOf,
  TestLedger,
  testSigner,
  writeEntryLines,
} from "../helpers/ledger.ts";

afterAll(removeTempDirs);

const signer = testSigner("large");
const SIZES = [SHARD_LINES, SHARD_LINES + 1, 1024, 1025, RUN_LINES, RUN_LINES + 1] as const;
const LARGEST = RUN_LINES + 1;
const bodies = sampleBodies(LARGEST, 41);
/** The ledger as it was at each smaller size, and the checkpoint it had then. */
const snapshots = new Map<number, { dir: string; checkpoint: string }>();
let ledger: TestLedger;

beforeAll(async () => {
  ledger = new TestLedger(signer);
  // Batches end on each size of interest; the large one fills many shards in a single append.
  for (const size of SIZES) {
    await ledger.append(bodies.slice(ledger.size, size));
    // Only the full level reads the id index, and only one of the smaller sizes is checked at full level.
    const dir = size === LARGEST ? ledger.dir : copyDir(ledger.dir, size === SHARD_LINES + 1 ? [] : ["index"]);
    snapshots.set(size, { dir, checkpoint: ledger.checkpoint });
  }
}, 120_000);

/** Rewrites the ledger's lines with `edit` for the duration of `check`, then puts them back. */
async function withEditedLines(edit: (lines: Buffer[]) => Buffer[], check: (dir: string) => Promise<void>): Promise<void> {
  const original = readEntryLines(ledger.dir);
  writeEntryLines(ledger.dir, edit(original));
  try {
    await check(ledger.dir);
  } finally {
    writeEntryLines(ledger.dir, original);
  }
}

function outcome(v: VerifiedLedger): unknown {
  return { size: v.size, root: v.checkpoint.root.toString("base64"), ids: v.ids, head: v.head.range.map((h) => h.toString("base64")) };
}

function snapshot(size: number): { dir: string; checkpoint: string } {
  const s = snapshots.get(size);
  if (!s) throw new Error(`no snapshot of size ${size}`);
  return s;
}

describe("ledgers across shard and run boundaries", () => {
  it.each(SIZES)("size %i verifies at fast level", async (size) => {
    const { dir } = snapshot(size);
    const inline = outcome(await verifyFolder(dir, { level: "fast", workers: 0 }));
    // Starting workers is costly here, so only a ledger of one run and one of two are checked with them.
    if (size === SHARD_LINES + 1 || size === LARGEST)
      expect(outcome(await verifyFolder(dir, { level: "fast", workers: 2 }))).toEqual(inline);
    expect(inline).toMatchObject({
      size,
      root: refRootOfLines(readEntryLines(dir)).toString("base64"),
      ids: bodies.slice(0, size).map((b) => b.id),
    });
    expect(readEntryLines(dir).map((l) => l.toString())).toEqual(ledger.lines.slice(0, size));
  });

  it.each([SHARD_LINES + 1, LARGEST])(
    "size %i verifies at full level with and without worker processes, with the same result",
    async (size) => {
      const { dir } = snapshot(size);
      const results: unknown[] = [];
      for (const workers of [0, 2]) results.push(outcome(await verifyFolder(dir, { level: "full", workers })));
      expect(results[1]).toEqual(results[0]);
      expect(results[0]).toMatchObject({ size, root: refRootOfLines(ledger.lines.slice(0, size)).toString("base64") });
    },
  );

  it("the largest ledger extends the checkpoint of every earlier size", async () => {
    const witnesses = SIZES.map((size) => ({ path: `checkpoint-${size}`, note: snapshot(size).checkpoint }));
    const verified = await verifyFolder(snapshot(LARGEST).dir, { level: "fast", workers: 0, witnesses });
    expect(verified.witnesses).toEqual(SIZES.map((size) => ({ path: `checkpoint-${size}`, size })));
  });
});

describe("tampering at the boundaries", () => {
  const boundary = [SHARD_LINES - 1, SHARD_LINES, RUN_LINES - 1, RUN_LINES];

  it("a changed byte next to a boundary is reported at its line or the next", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...boundary), fc.nat(), fc.integer({ min: 1, max: 255 }), async (k, byteAt, mask) => {
        const original = Buffer.from(ledger.lines[k] as string);
        const p = byteAt % original.length;
        fc.pre(((original[p] as number) ^ mask) !== 0x0a);
        const restore = replaceLine(ledger.dir, k, flipped(original, p, mask));
        try {
          const inline = locationOf(await invalidity(verifyFolder(ledger.dir, { level: "fast", workers: 0 })));
          if (chainValueRanges(original.toString()).some(([start, end]) => p >= start && p < end)) expect(inline).toEqual(atLine(k));
          else expect([atLine(k), inChain(k, LARGEST)]).toContainEqual(inline);
        } finally {
          restore();
        }
      }),
      { numRuns: 10 },
    );
  });

  it("a changed signature just before a run boundary is caught by the next run's prev at fast level", async () => {
    const k = RUN_LINES - 1;
    const line = ledger.lines[k] as string;
    const at = line.indexOf('"sig":"', line.indexOf('"sig":{')) + 7;
    const original = Buffer.from(line);
    const restore = replaceLine(ledger.dir, k, flipped(original, at, original[at] === 0x41 ? 0x03 : 0x01));
    try {
      for (const workers of [0, 2]) {
        const report = await invalidity(verifyFolder(ledger.dir, { level: "fast", workers }));
        expect(locationOf(report)).toEqual(atLine(RUN_LINES));
        expect(report.reason).toMatch(new RegExp(`^prev is [0-9a-f]{64}, but the leaf hash of seq ${RUN_LINES - 1} is [0-9a-f]{64}$`));
      }
    } finally {
      restore();
    }
  });

  it("a last shard holding one line too many, which makes one run longer than its shards should, is reported as such", async () => {
    const last = shardFileOf(LARGEST - 1);
    const previous = shardFileOf(LARGEST - 2);
    const [lastBytes, previousBytes] = [last, previous].map((p) => readFileSync(join(ledger.dir, p)));
    writeFileSync(join(ledger.dir, previous), Buffer.concat([previousBytes as Buffer, lastBytes as Buffer]));
    rmSync(join(ledger.dir, last));
    try {
      for (const workers of [0, 2]) {
        expect(await invalidity(verifyFolder(ledger.dir, { level: "fast", workers }))).toEqual({
          where: previous,
          seq: LARGEST - 1 - SHARD_LINES,
          reason: `holds ${SHARD_LINES + 1} lines; every shard holds ${SHARD_LINES} but the last, which holds 1 to ${SHARD_LINES}`,
        });
      }
    } finally {
      writeFileSync(join(ledger.dir, previous), previousBytes as Buffer);
      writeFileSync(join(ledger.dir, last), lastBytes as Buffer);
    }
  });

  it.each([
    ["dropped", (lines: Buffer[]) => lines.filter((_, i) => i !== RUN_LINES - 1), RUN_LINES - 1, RUN_LINES],
    ["repeated", (lines: Buffer[]) => lines.flatMap((l, i) => (i === RUN_LINES - 1 ? [l, l] : [l])), RUN_LINES, RUN_LINES - 1],
    [
      "swapped",
      (lines: Buffer[]) => [...lines.slice(0, RUN_LINES - 1), lines[RUN_LINES] as Buffer, lines[RUN_LINES - 1] as Buffer],
      RUN_LINES - 1,
      RUN_LINES,
    ],
  ] as const)("a line %s at the run boundary is reported where the sequence breaks", async (_, edit, seq, found) => {
    await withEditedLines(edit, async (dir) => {
      expect(await invalidity(verifyFolder(dir, { level: "fast", workers: 0 }))).toEqual({
        ...atLine(seq),
        reason: `seq is ${found}, expected ${seq}: an entry is missing, repeated or out of order here`,
      });
    });
  });
});
