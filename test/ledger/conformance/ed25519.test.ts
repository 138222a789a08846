/**
 * Ed25519 verification against Wycheproof's EdDSA vectors, through the verifier-key text form the
 * ledger's keys file and checkpoints use.
 */
import { describe, expect, test } from "vitest";
import { KeyFormatError, keyId, keyIdHex, parseVerifierKey } from "../../../src/ledger/keys.ts";
import { vectorJson } from "./helpers.ts";

interface EddsaTest {
  tcId: number;
  comment: string;
  flags: string[];
  msg: string;
  sig: string;
  result: "valid" | "invalid" | "acceptable";
}

interface EddsaGroup {
  type: string;
  publicKey: { pk: string };
  tests: EddsaTest[];
}

interface Wycheproof {
  algorithm: string;
  numberOfTests: number;
  testGroups: EddsaGroup[];
}

const NAME = "wycheproof.example";

/** `name+<key id>+base64(0x01 ‖ pk)`, built by hand so a key of any length can be offered. */
function verifierKeyText(name: string, pk: Buffer): string {
  return `${name}+${keyIdHex(keyId(name, pk))}+${Buffer.concat([Buffer.from([0x01]), pk]).toString("base64")}`;
}

const suite = vectorJson<Wycheproof>("wycheproof/ed25519_test.json");
const cases = suite.testGroups.flatMap((g) => g.tests.map((t) => ({ pk: g.publicKey.pk, ...t })));

describe("Wycheproof ed25519_test.json", () => {
  test("holds 151 EdDSA verification tests, each group with a 32-byte key", () => {
    expect(suite.algorithm).toBe("EDDSA");
    expect(cases).toHaveLength(151);
    expect(suite.numberOfTests).toBe(151);
    for (const g of suite.testGroups) {
      expect(g.type).toBe("EddsaVerify");
      expect(Buffer.from(g.publicKey.pk, "hex")).toHaveLength(32);
    }
    // No "acceptable" verdicts: every test has one right answer.
    expect(cases.filter((c) => c.result === "valid")).toHaveLength(88);
    expect(cases.filter((c) => c.result === "invalid")).toHaveLength(63);
  });

  test.each(cases)("tcId $tcId ($result) $comment", ({ pk, msg, sig, result }) => {
    const verifier = parseVerifierKey(verifierKeyText(NAME, Buffer.from(pk, "hex")));
    expect(verifier.publicKey).toEqual(Buffer.from(pk, "hex"));
    expect(verifier.verify(Buffer.from(msg, "hex"), Buffer.from(sig, "hex"))).toBe(result === "valid");
  });

  test.each([0, 31, 33, 64])("a %i-byte public key is a KeyFormatError", (length) => {
    const pk = Buffer.alloc(length);
    Buffer.from(suite.testGroups[0]?.publicKey.pk ?? "", "hex").copy(pk);
    expect(() => parseVerifierKey(verifierKeyText(NAME, pk))).toThrow(KeyFormatError);
  });
});
