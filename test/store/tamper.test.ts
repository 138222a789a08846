import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Entry, signEntry, unsigned } from "../../src/ledger/entry.ts";
import { canonicalize } from "../../src/ledger/json.ts";
import { verifyFolder } from "../../src/store/verify.ts";
import {
  atLine,
  BASE64_ALPHABET,
  bodiesArb,
  buildLedger,
  chainValueRanges,
  copyDir,
  flipped,
  inChain,
  invalidity,
  keyRefOf,
  locationOf,
  readEntryLines,
  refRootOfLines,
  removeTempDir,
  removeTempDirs,
  replaceLine,
  resignCheckpoint,
  SHARD_LINES,
  sampleBodies,
  shardFileOf,
  TestLedger,
  testSigner,
  whereOf,
  writeEntryLines,
} from "../helpers/ledger.ts";

afterAll(removeTempDirs);

const signer = testSigner("tamper");
const other = testSigner("other");
const full = { level: "full", workers: 0 } as const;
const fast = { level: "fast", workers: 0 } as const;

/** A 12-entry ledger, and one over three shards; tests tamper with copies. */
let small: TestLedger;
let sharded: TestLedger;
const SHARDED_SIZE = 2 * SHARD_LINES + 5;

beforeAll(async () => {
  small = await buildLedger(sampleBodies(12, 21), { signer, batchSize: 5 });
  sharded = await buildLedger(sampleBodies(SHARDED_SIZE, 22), { signer, batchSize: SHARD_LINES + 3 });
});

/** A copy of `ledger` whose lines were rewritten by `edit`, laid out in shards as a writer would. */
function withLines(ledger: TestLedger, edit: (lines: Buffer[]) => Buffer[]): string {
  const dir = copyDir(ledger.dir);
  writeEntryLines(dir, edit(readEntryLines(dir)));
  return dir;
}

const seqProblem = (found: number, expected: number): string =>
  `seq is ${found}, expected ${expected}: an entry is missing, repeated or out of order here`;

describe("a changed byte in an entry line", () => {
  it("is reported at that line at full level, and at that line or the next at fast level", async () => {
    await fc.assert(
      fc.asyncProperty(
        bodiesArb({ minLength: 1, maxLength: 8 }),
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 0, max: 255 }),
        async (bodies, lineAt, byteAt, byte) => {
          const ledger = await buildLedger(bodies, { signer });
          const n = ledger.size;
          const k = lineAt % n;
          const original = Buffer.from(ledger.lines[k] as string);
          const p = byteAt % original.length;
          // A newline splits the line instead of changing it; that is tested on its own below.
          fc.pre(byte !== original[p] && byte !== 0x0a);
          const tampered = flipped(original, p, (original[p] as number) ^ byte);
          replaceLine(ledger.dir, k, tampered);

          const fullReport = await invalidity(verifyFolder(ledger.dir, full));
          expect(locationOf(fullReport)).toEqual(atLine(k));

          // The fast level reads only the chain's fields: a change elsewhere may show at this line
          // (when the line no longer has an entry's shape) or only through the chain.
          const fastReport = locationOf(await invalidity(verifyFolder(ledger.dir, fast)));
          if (chainValueRanges(original.toString()).some(([start, end]) => p >= start && p < end)) {
            expect(fastReport).toEqual(atLine(k));
          } else {
            expect([atLine(k), inChain(k, n)]).toContainEqual(fastReport);
          }
          removeTempDir(ledger.dir);
        },
      ),
      { numRuns: 80 },
    );
  });

  it("in the signature value, is caught by the signature at full level and by the chain at fast level", async () => {
    const n = small.size;
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: n - 1 }), fc.nat({ max: 84 }), fc.integer({ min: 1, max: 63 }), async (k, at, shift) => {
        const dir = copyDir(small.dir);
        const line = small.lines[k] as string;
        const sig = (JSON.parse(line) as Entry).sig.sig;
        const changed = sig.slice(0, at) + BASE64_ALPHABET[(BASE64_ALPHABET.indexOf(sig[at] as string) + shift) % 64] + sig.slice(at + 1);
        replaceLine(dir, k, Buffer.from(line.replace(sig, changed)));
        expect(await invalidity(verifyFolder(dir, full))).toEqual({
          ...atLine(k),
          reason: `sig: signature by ${keyRefOf(signer)} does not verify`,
        });
        const fastReport = await invalidity(verifyFolder(dir, fast));
        expect(locationOf(fastReport)).toEqual(inChain(k, n));
        expect(fastReport.reason).toMatch(
          k === n - 1 ? /the checkpoint is for another tree$/ : /^prev is [0-9a-f]{64}, but the leaf hash of seq/,
        );
        removeTempDir(dir);
      }),
      { numRuns: 20 },
    );
  });

  it("that only respells the signature's unused padding bits is refused at full level, and breaks the chain", async () => {
    for (const k of [2, small.size - 1]) {
      const line = small.lines[k] as string;
      const sig = (JSON.parse(line) as Entry).sig.sig;
      // 64 bytes take 86 characters; the last one carries 2 bits of the signature and 4 unused bits.
      const respelled = `${sig.slice(0, 85)}${BASE64_ALPHABET[BASE64_ALPHABET.indexOf(sig[85] as string) ^ 0b0001]}==`;
      expect(Buffer.from(respelled, "base64").equals(Buffer.from(sig, "base64"))).toBe(true);
      const dir = copyDir(small.dir);
      replaceLine(dir, k, Buffer.from(line.replace(sig, respelled)));
      expect(await invalidity(verifyFolder(dir, full))).toEqual({ ...atLine(k), reason: "sig: not canonical base64" });
      expect(locationOf(await invalidity(verifyFolder(dir, fast)))).toEqual(inChain(k, small.size));
    }
  });

  it("that turns into a newline splits the line, reported at the line", async () => {
    const k = 5;
    const line = Buffer.from(small.lines[k] as string);
    const dir = copyDir(small.dir);
    replaceLine(dir, k, flipped(line, 40, (line[40] as number) ^ 0x0a));
    for (const level of [full, fast]) expect(locationOf(await invalidity(verifyFolder(dir, level)))).toEqual(atLine(k));
  });
});

describe("lines dropped, repeated, reordered or cut", () => {
  it("a dropped line is reported where it is missing", async () => {
    for (const k of [0, 4, 10]) {
      const dir = withLines(small, (lines) => lines.filter((_, i) => i !== k));
      for (const level of [full, fast]) {
        expect(await invalidity(verifyFolder(dir, level))).toEqual({ ...atLine(k), reason: seqProblem(k + 1, k) });
      }
    }
  });

  it("a repeated line is reported at the copy", async () => {
    for (const k of [0, 6, 11]) {
      const dir = withLines(small, (lines) => lines.flatMap((l, i) => (i === k ? [l, l] : [l])));
      for (const level of [full, fast]) {
        expect(await invalidity(verifyFolder(dir, level))).toEqual({ ...atLine(k + 1), reason: seqProblem(k, k + 1) });
      }
    }
  });

  it("two swapped lines are reported at the first of them", async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: 11 }), fc.nat({ max: 11 }), async (x, y) => {
        fc.pre(x !== y);
        const [i, j] = x < y ? [x, y] : [y, x];
        const dir = withLines(small, (lines) => lines.map((l, at) => (at === i ? lines[j] : at === j ? lines[i] : l) as Buffer));
        for (const level of [full, fast]) {
          expect(await invalidity(verifyFolder(dir, level))).toEqual({ ...atLine(i), reason: seqProblem(j, i) });
        }
        removeTempDir(dir);
      }),
      { numRuns: 15 },
    );
  });

  it("a line cut short is reported at the line (full level)", async () => {
    for (const k of [0, 7, 11]) {
      const cut = (l: Buffer): Buffer => Buffer.from(l.toString().slice(0, Math.floor(l.toString().length / 2)));
      const dir = withLines(small, (lines) => lines.map((l, i) => (i === k ? cut(l) : l)));
      const report = await invalidity(verifyFolder(dir, full));
      expect(locationOf(report)).toEqual(atLine(k));
      expect(report.reason).toMatch(/^not I-JSON at column \d+: /);
      // Fast reads the chain fields only: a cut before them breaks this line, one after them the chain.
      expect([atLine(k), inChain(k, small.size)]).toContainEqual(locationOf(await invalidity(verifyFolder(dir, fast))));
    }
  });

  // These two name the line but, unlike every other line problem, carry the seq of the shard's first
  // line rather than the named line's, so only `where` and the reason are compared.
  it("a shard file cut in the middle of its last line names that line", async () => {
    const dir = copyDir(small.dir);
    const path = join(dir, shardFileOf(11));
    const bytes = readFileSync(path);
    writeFileSync(path, bytes.subarray(0, bytes.length - 20));
    for (const level of [full, fast]) {
      const report = await invalidity(verifyFolder(dir, level));
      expect({ where: report.where, reason: report.reason }).toEqual({
        where: whereOf(11),
        reason: "last line has no newline (truncated?)",
      });
    }
  });

  it("an empty line is reported where it stands", async () => {
    const dir = withLines(small, (lines) => [...lines.slice(0, 4), Buffer.alloc(0), ...lines.slice(4)]);
    const report = await invalidity(verifyFolder(dir, full));
    expect({ where: report.where, reason: report.reason }).toEqual({ where: whereOf(4), reason: "empty line" });
  });

  it("a file whose last lines were removed, with the checkpoint left, is reported as missing those entries", async () => {
    for (const [ledger, keep] of [
      [small, 9],
      [small, 1],
      [sharded, SHARD_LINES],
      [sharded, 2 * SHARD_LINES + 1],
    ] as const) {
      const dir = withLines(ledger, (lines) => lines.slice(0, keep));
      for (const level of [full, fast]) {
        expect(await invalidity(verifyFolder(dir, level))).toEqual({
          where: whereOf(keep - 1),
          seq: keep,
          reason: `the checkpoint covers ${ledger.size} entries but only ${keep} are present: seq ${keep} onward is missing`,
        });
      }
    }
    const emptied = withLines(small, () => []);
    expect(await invalidity(verifyFolder(emptied, fast))).toEqual({
      where: "entries",
      seq: 0,
      reason: `the checkpoint covers ${small.size} entries but only 0 are present: seq 0 onward is missing`,
    });
  });
});

describe("signatures by the wrong key", () => {
  it("entries signed by a key keys.json does not assign them are reported at the first such entry", async () => {
    const bodies = sampleBodies(10, 23);
    for (const k of [0, 4, 9]) {
      const ledger = new TestLedger(signer);
      await ledger.append(bodies.slice(0, k));
      await ledger.append(bodies.slice(k, k + 1), { signer: other, rotate: false });
      await ledger.append(bodies.slice(k + 1));
      expect(await invalidity(verifyFolder(ledger.dir, full))).toEqual({
        ...atLine(k),
        reason: `sig: signed by ${keyRefOf(other)}, but ${keyRefOf(signer)} signs seq ${k}`,
      });
      expect((await verifyFolder(ledger.dir, fast)).size).toBe(10);
    }
  });

  it("a whole ledger signed by a key of the same name as, but other than, the one keys.json lists is reported at seq 0", async () => {
    const impostor = testSigner("impostor", signer.name);
    const genuine = await buildLedger(sampleBodies(5, 24), { signer });
    const forged = await buildLedger(sampleBodies(5, 24), { signer: impostor });
    writeFileSync(join(forged.dir, "keys.json"), readFileSync(join(genuine.dir, "keys.json")));
    // As written, the impostor's checkpoint is refused before any entry is read.
    expect(await invalidity(verifyFolder(forged.dir, fast))).toEqual({
      where: "checkpoint",
      seq: undefined,
      reason: "note is not signed by any known key",
    });
    resignCheckpoint(forged.dir, [signer]);
    expect(await invalidity(verifyFolder(forged.dir, full))).toEqual({
      ...atLine(0),
      reason: `sig: signed by ${keyRefOf(impostor)}, but ${keyRefOf(signer)} signs seq 0`,
    });
  });

  it("an entry claiming the ledger's key id with another key's signature is reported at that entry", async () => {
    const k = 3;
    const entry = JSON.parse(small.lines[k] as string) as Entry;
    const forgedSig = signEntry(unsigned(entry), other).sig.sig;
    const dir = copyDir(small.dir);
    replaceLine(dir, k, Buffer.from(canonicalize({ ...entry, sig: { keyid: entry.sig.keyid, sig: forgedSig } })));
    expect(await invalidity(verifyFolder(dir, full))).toEqual({
      ...atLine(k),
      reason: `sig: signature by ${keyRefOf(signer)} does not verify`,
    });
    expect(locationOf(await invalidity(verifyFolder(dir, fast)))).toEqual(atLine(k + 1));
  });
});

describe("the checkpoint", () => {
  it("taken, with its head.json, from another ledger of the same size, key and origin is for another tree", async () => {
    const theirs = await buildLedger(sampleBodies(small.size, 25), { signer });
    const dir = copyDir(small.dir);
    for (const file of ["checkpoint", "head.json"]) writeFileSync(join(dir, file), readFileSync(join(theirs.dir, file)));
    const ours = refRootOfLines(small.lines).toString("base64");
    const other = refRootOfLines(theirs.lines).toString("base64");
    for (const level of [full, fast]) {
      expect(await invalidity(verifyFolder(dir, level))).toEqual({
        where: "checkpoint",
        seq: undefined,
        reason: `root ${other} is not the Merkle root of the entries (${ours}): the checkpoint is for another tree`,
      });
    }
  });

  it("taken alone from another ledger of the same size, key and origin is for another tree", async () => {
    const theirs = await buildLedger(sampleBodies(small.size, 26), { signer });
    const dir = copyDir(small.dir);
    writeFileSync(join(dir, "checkpoint"), readFileSync(join(theirs.dir, "checkpoint")));
    const ours = refRootOfLines(small.lines).toString("base64");
    const other = refRootOfLines(theirs.lines).toString("base64");
    for (const level of [full, fast]) {
      expect(await invalidity(verifyFolder(dir, level))).toEqual({
        where: "checkpoint",
        seq: undefined,
        reason: `root ${other} is not the Merkle root of the entries (${ours}): the checkpoint is for another tree`,
      });
    }
  });

  it("rolled back, with its head.json, to an earlier size leaves the later entries uncheckpointed", async () => {
    const ledger = await buildLedger(sampleBodies(8, 27), { signer, batchSize: 3 });
    const dir = copyDir(ledger.dir);
    writeFileSync(join(dir, "checkpoint"), ledger.checkpoints[1] as string);
    // The head.json of size 6, as the writer wrote it then, rebuilt by appending the same batches.
    const replay = await buildLedger(sampleBodies(8, 27).slice(0, 6), { signer, batchSize: 3 });
    writeFileSync(join(dir, "head.json"), readFileSync(join(replay.dir, "head.json")));
    expect(await invalidity(verifyFolder(dir, full))).toEqual({
      ...atLine(6),
      seq: 6,
      reason: "8 entries are present but the checkpoint covers only 6: seq 6 onward is not checkpointed",
    });
  });

  it("with a changed signature, a changed text, another key's signature or none is refused", async () => {
    const note = small.checkpoint;
    const [text, sigLine] = note.split("\n\n") as [string, string];
    // A character well inside the base64 signature, changed to another one: still canonical base64.
    const at = sigLine.lastIndexOf(" ") + 20;
    const swapped = BASE64_ALPHABET[(BASE64_ALPHABET.indexOf(sigLine[at] as string) + 1) % 64] as string;
    const impostor = copyDir(small.dir);
    resignCheckpoint(impostor, [testSigner("impostor", signer.name)]);
    const cases: [string, string][] = [
      [`${text}\n\n${sigLine.slice(0, at)}${swapped}${sigLine.slice(at + 1)}`, `signature by ${signer.name} does not verify`],
      [note.replace(`\n${small.size}\n`, `\n${small.size + 1}\n`), `signature by ${signer.name} does not verify`],
      [readFileSync(join(impostor, "checkpoint"), "utf8"), "note is not signed by any known key"],
      [text, "note has no blank line before its signatures"],
    ];
    for (const [content, reason] of cases) {
      const dir = copyDir(small.dir);
      writeFileSync(join(dir, "checkpoint"), content);
      expect(await invalidity(verifyFolder(dir, fast))).toEqual({ where: "checkpoint", seq: undefined, reason });
    }
  });

  it("missing is reported", async () => {
    const dir = copyDir(small.dir);
    rmSync(join(dir, "checkpoint"));
    expect(await invalidity(verifyFolder(dir, fast))).toEqual({ where: "checkpoint", seq: undefined, reason: "missing" });
  });
});

describe("head.json", () => {
  it("altered is reported as head.json", async () => {
    const original = JSON.parse(readFileSync(join(small.dir, "head.json"), "utf8")) as { size: number; range: string[] };
    const variants = [
      { ...original, size: original.size - 1 },
      { ...original, range: [...original.range].reverse() },
      { ...original, range: original.range.slice(1) },
    ];
    for (const head of variants) {
      const dir = copyDir(small.dir);
      writeFileSync(join(dir, "head.json"), `${JSON.stringify(head, null, 1)}\n`);
      const report = await invalidity(verifyFolder(dir, fast));
      expect({ where: report.where, seq: report.seq }).toEqual({ where: "head.json", seq: undefined });
    }
  });

  it("not I-JSON is reported at its line and column", async () => {
    const dir = copyDir(small.dir);
    writeFileSync(join(dir, "head.json"), '{\n "v": 1,\n "v": 1\n}\n');
    expect(await invalidity(verifyFolder(dir, fast))).toEqual({
      where: "head.json:3:2",
      seq: undefined,
      reason: 'duplicate member name "v"',
    });
  });
});

describe("the files under entries/", () => {
  it("a file directly in entries/ is unexpected", async () => {
    const dir = copyDir(small.dir);
    writeFileSync(join(dir, "entries", "README"), "hello\n");
    expect(await invalidity(verifyFolder(dir, fast))).toEqual({ where: "entries/README", seq: undefined, reason: "unexpected file" });
  });

  it("a stray file beside the shards is named", async () => {
    for (const name of ["notes.txt", "000.jsonl.orig", "009.jsonl"]) {
      const dir = copyDir(sharded.dir);
      const stray = `entries/000/${name}`;
      writeFileSync(join(dir, stray), readFileSync(join(dir, shardFileOf(0))));
      const report = await invalidity(verifyFolder(dir, fast));
      expect(`${report.where}: ${report.reason}`).toContain(stray);
    }
  });

  it("a missing shard in the middle is named", async () => {
    const dir = copyDir(sharded.dir);
    rmSync(join(dir, shardFileOf(SHARD_LINES)));
    const report = await invalidity(verifyFolder(dir, fast));
    expect(report.where).toBe(shardFileOf(SHARD_LINES));
    expect(report.reason).toMatch(/^shard file missing/);
  });

  it("a missing last shard leaves its entries missing", async () => {
    const dir = copyDir(sharded.dir);
    rmSync(join(dir, shardFileOf(2 * SHARD_LINES)));
    expect(await invalidity(verifyFolder(dir, fast))).toEqual({
      where: whereOf(2 * SHARD_LINES - 1),
      seq: 2 * SHARD_LINES,
      reason: `the checkpoint covers ${SHARDED_SIZE} entries but only ${2 * SHARD_LINES} are present: seq ${2 * SHARD_LINES} onward is missing`,
    });
  });

  it("lines moved across a shard boundary break the shard's line count", async () => {
    const dir = copyDir(sharded.dir);
    const lines = readEntryLines(dir);
    // Shard 0 gets one line too many; every line is still in order, and the others keep a valid count.
    const shard0 = lines.slice(0, SHARD_LINES + 1);
    const shard1 = lines.slice(SHARD_LINES + 1, 2 * SHARD_LINES + 1);
    const shard2 = lines.slice(2 * SHARD_LINES + 1);
    for (const [seq, part] of [
      [0, shard0],
      [SHARD_LINES, shard1],
      [2 * SHARD_LINES, shard2],
    ] as const) {
      mkdirSync(join(dir, shardFileOf(seq), ".."), { recursive: true });
      writeFileSync(join(dir, shardFileOf(seq)), Buffer.concat(part.flatMap((l) => [l, Buffer.from("\n")])));
    }
    const report = await invalidity(verifyFolder(dir, fast));
    expect(report.where).toBe(shardFileOf(0));
    expect(report.reason).toMatch(new RegExp(`^holds ${SHARD_LINES + 1} lines; `));
  });
});
