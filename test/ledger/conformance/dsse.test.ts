/**
 * DSSE v1 against the protocol's published test vector, and ledger entries as DSSE envelopes.
 */
import { createPrivateKey, createPublicKey, verify } from "node:crypto";
import { describe, expect, test } from "vitest";
import { pae } from "../../../src/ledger/dsse.ts";
import { entryEnvelope, signEntry, type UnsignedEntry } from "../../../src/ledger/entry.ts";
import { generateSigner, keyIdHex } from "../../../src/ledger/keys.ts";
import { ed25519Spki, sampleBody, vectorJson } from "./helpers.ts";

interface DsseExample {
  serializedBody: string;
  payloadType: string;
  pae: string;
  key: { x: string; y: string; d: string };
  envelope: { payload: string; payloadType: string; signatures: { sig: string }[] };
}

const example = vectorJson<DsseExample>("dsse/dsse_protocol_example.json");

/** A P-256 coordinate given in decimal, as the fixed-width base64url a JWK wants. */
function coordinate(decimal: string): string {
  return Buffer.from(BigInt(decimal).toString(16).padStart(64, "0"), "hex").toString("base64url");
}

const jwk = { kty: "EC", crv: "P-256", x: coordinate(example.key.x), y: coordinate(example.key.y) };

describe("DSSE protocol.md test vector", () => {
  test("pae() is the published PAE string", () => {
    const bytes = pae(example.payloadType, Buffer.from(example.serializedBody, "utf8"));
    expect(bytes).toEqual(Buffer.from(example.pae, "utf8"));
    expect(bytes.toString("utf8")).toBe("DSSEv1 29 http://example.com/HelloWorld 11 hello world");
  });

  test("the transcribed private scalar belongs to the transcribed public point", () => {
    const privateKey = createPrivateKey({ key: { ...jwk, d: coordinate(example.key.d) }, format: "jwk" });
    const derived = createPublicKey(privateKey).export({ format: "jwk" });
    expect({ x: derived.x, y: derived.y }).toEqual({ x: jwk.x, y: jwk.y });
  });

  test("the envelope's ECDSA P-256 signature verifies over our pae() of its payload", () => {
    const { envelope } = example;
    expect(envelope.payloadType).toBe(example.payloadType);
    const payload = Buffer.from(envelope.payload, "base64");
    expect(payload.toString("utf8")).toBe(example.serializedBody);
    const key = createPublicKey({ key: jwk, format: "jwk" });
    const sig = Buffer.from(envelope.signatures[0]?.sig ?? "", "base64");
    expect(sig).toHaveLength(64);
    expect(verify("sha256", pae(envelope.payloadType, payload), { key, dsaEncoding: "ieee-p1363" }, sig)).toBe(true);
    // The same signature over the payload alone, or under another type, must not verify: PAE binds both.
    expect(verify("sha256", payload, { key, dsaEncoding: "ieee-p1363" }, sig)).toBe(false);
    expect(verify("sha256", pae("http://example.com/Other", payload), { key, dsaEncoding: "ieee-p1363" }, sig)).toBe(false);
  });
});

describe("a ledger entry as a DSSE envelope", () => {
  const signer = generateSigner("example.com/ledger");
  const unsignedEntry: UnsignedEntry = { ...sampleBody(3), v: 1, seq: 7, prev: "cd".repeat(32) };
  const entry = signEntry(unsignedEntry, signer);
  const envelope = entryEnvelope(entry);

  test("has the DSSE envelope shape, with the entry's key reference and signature", () => {
    expect(Object.keys(envelope).sort()).toEqual(["payload", "payloadType", "signatures"]);
    expect(envelope.payloadType).toBe("application/vnd.meritlog.entry+json");
    expect(envelope.signatures).toEqual([{ keyid: `example.com/ledger+${keyIdHex(signer.id)}`, sig: entry.sig.sig }]);
  });

  test("its payload is the entry without its signature", () => {
    const payload = Buffer.from(envelope.payload, "base64");
    expect(payload.toString("base64")).toBe(envelope.payload);
    expect(JSON.parse(payload.toString("utf8"))).toEqual(unsignedEntry);
  });

  test("the entry's Ed25519 signature verifies over pae(payloadType, payload)", () => {
    const payload = Buffer.from(envelope.payload, "base64");
    const sig = Buffer.from(envelope.signatures[0]?.sig ?? "", "base64");
    const key = createPublicKey({ key: ed25519Spki(signer.verifier.publicKey), format: "der", type: "spki" });
    expect(verify(null, pae(envelope.payloadType, payload), key, sig)).toBe(true);
    expect(verify(null, payload, key, sig)).toBe(false);
  });
});
