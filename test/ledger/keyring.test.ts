import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { KeyringError, type KeysFile, openKeyring, rotate } from "../../src/ledger/keyring.ts";
import type { Signer } from "../../src/ledger/keys.ts";
import { verifyFolder } from "../../src/store/verify.ts";
import {
  invalidity,
  keyRefOf,
  removeTempDirs,
  resignCheckpoint,
  sampleBodies,
  TEST_ORIGIN,
  TestLedger,
  testSigner,
  whereOf,
} from "../helpers/ledger.ts";

afterAll(removeTempDirs);

const [a, b, c] = [testSigner("a"), testSigner("b"), testSigner("c")];
const vkey = (s: Signer): string => s.verifier.vkey;

function keysFile(keys: KeysFile["keys"], origin = TEST_ORIGIN): unknown {
  return { v: 1, origin, keys };
}

function keyringError(value: unknown): string {
  try {
    openKeyring(value);
  } catch (e) {
    if (e instanceof KeyringError) return e.message;
    throw e;
  }
  throw new Error("expected a KeyringError, but the keys file was accepted");
}

describe("openKeyring", () => {
  it("maps every seq to the key of the range holding it", () => {
    const keyring = openKeyring(
      keysFile([
        { vkey: vkey(a), from: 0, until: 9 },
        { vkey: vkey(b), from: 10, until: 19 },
        { vkey: vkey(c), from: 20 },
      ]),
    );
    const at = (seq: number): string => keyring.keyFor(seq).vkey;
    expect([at(0), at(9), at(10), at(19), at(20), at(Number.MAX_SAFE_INTEGER)]).toEqual([
      vkey(a),
      vkey(a),
      vkey(b),
      vkey(b),
      vkey(c),
      vkey(c),
    ]);
    expect(keyring.current.vkey).toBe(vkey(c));
    expect(keyring.verifiers.map((v) => v.vkey)).toEqual([vkey(a), vkey(b), vkey(c)]);
  });

  it("refuses gaps and overlaps between ranges, and a first range not at 0", () => {
    const second = (from: number): unknown =>
      keysFile([
        { vkey: vkey(a), from: 0, until: 9 },
        { vkey: vkey(b), from },
      ]);
    expect(keyringError(second(11))).toBe("keys[1].from is 11, expected 10 (ranges must be contiguous)");
    expect(keyringError(second(9))).toBe("keys[1].from is 9, expected 10 (ranges must be contiguous)");
    expect(keyringError(keysFile([{ vkey: vkey(a), from: 1 }]))).toBe("keys[0].from is 1, expected 0 (ranges must be contiguous)");
  });

  it("refuses an 'until' on the current key, and a retired key that signs no entry", () => {
    expect(keyringError(keysFile([{ vkey: vkey(a), from: 0, until: 5 }]))).toBe("keys[0] is the current key and must have no 'until'");
    expect(
      keyringError(
        keysFile([
          { vkey: vkey(a), from: 0, until: 3 },
          { vkey: vkey(b), from: 4, until: 8 },
        ]),
      ),
    ).toBe("keys[1] is the current key and must have no 'until'");
    const retiredEmpty = "is retired and must sign at least one entry: until ≥ from";
    expect(
      keyringError(
        keysFile([
          { vkey: vkey(a), from: 0 },
          { vkey: vkey(b), from: 0 },
        ]),
      ),
    ).toBe(`keys[0] ${retiredEmpty}`);
    expect(
      keyringError(
        keysFile([
          { vkey: vkey(a), from: 0, until: 4 },
          { vkey: vkey(b), from: 5, until: 4 },
          { vkey: vkey(c), from: 5 },
        ]),
      ),
    ).toBe(`keys[1] ${retiredEmpty}`);
  });

  it("refuses a key whose name is not the origin", () => {
    const other = testSigner("a", "example.com/other/ledger");
    expect(keyringError(keysFile([{ vkey: vkey(other), from: 0 }]))).toBe(
      `key example.com/other/ledger is not named after the origin ${TEST_ORIGIN}`,
    );
    expect(
      keyringError(
        keysFile([
          { vkey: vkey(a), from: 0, until: 0 },
          { vkey: vkey(other), from: 1 },
        ]),
      ),
    ).toBe(`key example.com/other/ledger is not named after the origin ${TEST_ORIGIN}`);
  });

  it("refuses what the keys schema refuses, naming the member", () => {
    expect(keyringError({ v: 2, origin: TEST_ORIGIN, keys: [{ vkey: vkey(a), from: 0 }] })).toMatch(/^\/v: /);
    expect(keyringError({ v: 1, origin: TEST_ORIGIN, keys: [] })).toMatch(/^\/keys: /);
    expect(keyringError({ v: 1, origin: "has space", keys: [{ vkey: vkey(a), from: 0 }] })).toMatch(/^\/origin: /);
    expect(keyringError({ v: 1, origin: TEST_ORIGIN, keys: [{ vkey: vkey(a), from: -1 }] })).toMatch(/^\/keys\/0\/from: /);
    expect(keyringError([])).toMatch(/^keys file: /);
  });

  it("refuses a verifier key whose key id does not match its name and key", () => {
    const [name, id, key] = vkey(a).split("+") as [string, string, string];
    const wrongId = `${name}+${id === "00000000" ? "00000001" : "00000000"}+${key}`;
    expect(keyringError(keysFile([{ vkey: wrongId, from: 0 }]))).toMatch(/^keys\[0\]\.vkey: /);
  });
});

describe("rotate", () => {
  it("closes the current range before `seq` and opens the new key's range at `seq`", () => {
    const one: KeysFile = { v: 1, origin: TEST_ORIGIN, keys: [{ vkey: vkey(a), from: 0 }] };
    const two = rotate(one, b.verifier, 7);
    expect(two).toEqual({
      v: 1,
      origin: TEST_ORIGIN,
      keys: [
        { vkey: vkey(a), from: 0, until: 6 },
        { vkey: vkey(b), from: 7 },
      ],
    });
    expect(openKeyring(two).keyFor(6).vkey).toBe(vkey(a));
    expect(openKeyring(two).keyFor(7).vkey).toBe(vkey(b));
    expect(one.keys).toEqual([{ vkey: vkey(a), from: 0 }]);
  });

  it("replaces a current key that has signed nothing yet rather than retiring it empty", () => {
    const one: KeysFile = { v: 1, origin: TEST_ORIGIN, keys: [{ vkey: vkey(a), from: 0 }] };
    expect(rotate(one, b.verifier, 0).keys).toEqual([{ vkey: vkey(b), from: 0 }]);
    const two = rotate(one, b.verifier, 7);
    expect(rotate(two, c.verifier, 7).keys).toEqual([
      { vkey: vkey(a), from: 0, until: 6 },
      { vkey: vkey(c), from: 7 },
    ]);
  });
});

describe("a ledger whose key rotated", () => {
  const bodies = sampleBodies(24, 11);
  const counts = fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 4 }));

  it("verifies, each entry checked against the key of its range", async () => {
    await fc.assert(
      fc.asyncProperty(counts, async ([before, after, more]) => {
        const ledger = new TestLedger(a);
        await ledger.append(bodies.slice(0, before));
        await ledger.append(bodies.slice(before, before + after), { signer: b });
        await ledger.append(bodies.slice(before + after, before + after + more));
        const verified = await verifyFolder(ledger.dir, { workers: 0 });
        expect(verified.size).toBe(before + after + more);
        expect(verified.keyring.file.keys).toEqual([
          { vkey: vkey(a), from: 0, until: before - 1 },
          { vkey: vkey(b), from: before },
        ]);
        for (const [seq, line] of ledger.lines.entries()) {
          expect(JSON.parse(line).sig.keyid).toBe(keyRefOf(seq < before ? a : b));
        }
      }),
      { numRuns: 8 },
    );
  });

  it("fails at the first entry after the rotation that the old key signed", async () => {
    await fc.assert(
      fc.asyncProperty(counts, async ([before, after, more]) => {
        const ledger = new TestLedger(a);
        await ledger.append(bodies.slice(0, before));
        await ledger.append(bodies.slice(before, before + after), { signer: b });
        const forged = before + after;
        await ledger.append(bodies.slice(forged, forged + 1), { signer: a, rotate: false });
        await ledger.append(bodies.slice(forged + 1, forged + 1 + more));
        expect(await invalidity(verifyFolder(ledger.dir, { workers: 0 }))).toEqual({
          where: whereOf(forged),
          seq: forged,
          reason: `sig: signed by ${keyRefOf(a)}, but ${keyRefOf(b)} signs seq ${forged}`,
        });
        // Signatures are what the fast level leaves out.
        expect((await verifyFolder(ledger.dir, { level: "fast", workers: 0 })).size).toBe(forged + 1 + more);
      }),
      { numRuns: 8 },
    );
  });

  it("fails at an entry before the rotation that the new key signed", async () => {
    const ledger = new TestLedger(a);
    await ledger.append(bodies.slice(0, 3));
    await ledger.append(bodies.slice(3, 4), { signer: b, rotate: false });
    await ledger.append(bodies.slice(4, 6));
    await ledger.append(bodies.slice(6, 8), { signer: b });
    expect(await invalidity(verifyFolder(ledger.dir))).toEqual({
      where: whereOf(3),
      seq: 3,
      reason: `sig: signed by ${keyRefOf(b)}, but ${keyRefOf(a)} signs seq 3`,
    });
  });

  it("refuses a checkpoint signed by the retired key", async () => {
    const ledger = new TestLedger(a);
    await ledger.append(bodies.slice(0, 3));
    const retiredCheckpoint = ledger.checkpoint;
    await ledger.append(bodies.slice(3, 6), { signer: b });
    resignCheckpoint(ledger.dir, [a]);
    expect(await invalidity(verifyFolder(ledger.dir))).toEqual({
      where: "checkpoint",
      seq: undefined,
      reason: "note is not signed by any known key",
    });
    // The retired key's old checkpoints remain good witnesses.
    resignCheckpoint(ledger.dir, [b]);
    const verified = await verifyFolder(ledger.dir, { witnesses: [{ path: "old-checkpoint", note: retiredCheckpoint }] });
    expect(verified.witnesses).toEqual([{ path: "old-checkpoint", size: 3 }]);
  });
});
