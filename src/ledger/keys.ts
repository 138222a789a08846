/**
 * Ed25519 keys in the C2SP signed-note text encodings:
 * verifier keys `<name>+<hex key id>+<base64(0x01 ‖ public key)>` and
 * private keys `PRIVATE+KEY+<name>+<hex key id>+<base64(0x01 ‖ seed)>` (the Go `note` package's form).
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from "node:crypto";

/** The signature algorithm byte C2SP signed-note assigns to Ed25519. */
const ALG_ED25519 = 0x01;
// DER prefixes that wrap a raw 32-byte Ed25519 key as PKCS #8 / SPKI (RFC 8410), which is what
// node's crypto imports without a third-party encoder.
const PKCS8_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");
const SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");

export class KeyFormatError extends Error {
  override name = "KeyFormatError";
}

/** A key name is non-empty and holds no '+' and no white space (signed-note §Format). */
export function checkKeyName(name: string): void {
  if (name.length === 0 || /[+\s\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/u.test(name)) {
    throw new KeyFormatError(`key name ${JSON.stringify(name)} must be non-empty, without '+' or white space`);
  }
}

/** Key ID: the first four bytes of SHA-256(name ‖ "\n" ‖ 0x01 ‖ public key), big-endian. */
export function keyId(name: string, publicKey: Uint8Array): number {
  const digest = createHash("sha256")
    .update(name)
    .update("\n")
    .update(Buffer.from([ALG_ED25519]))
    .update(publicKey)
    .digest();
  return digest.readUInt32BE(0);
}

export function keyIdHex(id: number): string {
  return id.toString(16).padStart(8, "0");
}

/** A public key that checks signatures made under one name. */
export interface Verifier {
  readonly name: string;
  readonly id: number;
  /** The raw 32-byte Ed25519 public key. */
  readonly publicKey: Buffer;
  /** The key in note verifier-key form. */
  readonly vkey: string;
  verify(message: Uint8Array, signature: Uint8Array): boolean;
}

/** A private key that signs under one name. */
export interface Signer {
  readonly name: string;
  readonly id: number;
  readonly verifier: Verifier;
  /** The key in note private-key form: the contents of a key file. */
  readonly skey: string;
  sign(message: Uint8Array): Buffer;
}

function makeVerifier(name: string, publicKey: Buffer): Verifier {
  checkKeyName(name);
  const key: KeyObject = createPublicKey({ key: Buffer.concat([SPKI_PREFIX, publicKey]), format: "der", type: "spki" });
  const id = keyId(name, publicKey);
  return {
    name,
    id,
    publicKey,
    vkey: `${name}+${keyIdHex(id)}+${Buffer.concat([Buffer.from([ALG_ED25519]), publicKey]).toString("base64")}`,
    // Node's verify is OpenSSL's: strict RFC 8032 checks (canonical S, no small-order tricks).
    verify: (message, signature) => signature.length === 64 && verify(null, message, key, signature),
  };
}

function makeSigner(name: string, seed: Buffer): Signer {
  const key = createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, seed]), format: "der", type: "pkcs8" });
  const spki = createPublicKey(key).export({ format: "der", type: "spki" });
  const verifier = makeVerifier(name, spki.subarray(SPKI_PREFIX.length));
  return {
    name,
    id: verifier.id,
    verifier,
    skey: `PRIVATE+KEY+${name}+${keyIdHex(verifier.id)}+${Buffer.concat([Buffer.from([ALG_ED25519]), seed]).toString("base64")}`,
    sign: (message) => sign(null, message, key),
  };
}

/** Splits `name+hash+key` where the name may not contain '+', checking the key id. */
function splitKeyText(text: string, what: string): { name: string; id: number; key: Buffer } {
  // The name holds no '+' and the id is hex, but base64 may hold '+': split at the first two only.
  const match = /^([^+]*)\+([^+]*)\+(.*)$/s.exec(text.trim());
  if (!match) throw new KeyFormatError(`${what} must look like <name>+<key id>+<base64 key>`);
  const [, name, hash, b64] = match as unknown as [string, string, string, string];
  checkKeyName(name);
  if (!/^[0-9a-f]{8}$/.test(hash)) throw new KeyFormatError(`${what} key id '${hash}' must be 8 lowercase hex digits`);
  const raw = Buffer.from(b64, "base64");
  if (raw.toString("base64") !== b64 || raw.length !== 33 || raw[0] !== ALG_ED25519) {
    throw new KeyFormatError(`${what} must hold base64 of 0x01 followed by a 32-byte Ed25519 key`);
  }
  return { name, id: Number.parseInt(hash, 16), key: raw.subarray(1) };
}

/** Parses a verifier key, rejecting one whose key id does not match its name and key. */
export function parseVerifierKey(vkey: string): Verifier {
  const { name, id, key } = splitKeyText(vkey, "verifier key");
  const verifier = makeVerifier(name, Buffer.from(key));
  if (verifier.id !== id) throw new KeyFormatError(`verifier key id ${keyIdHex(id)} does not match its name and key`);
  return verifier;
}

/** Parses a private key file's contents. */
export function parseSignerKey(skey: string): Signer {
  const text = skey.trim();
  if (!text.startsWith("PRIVATE+KEY+")) throw new KeyFormatError("private key must start with PRIVATE+KEY+");
  const { name, id, key } = splitKeyText(text.slice("PRIVATE+KEY+".length), "private key");
  const signer = makeSigner(name, Buffer.from(key));
  if (signer.id !== id) throw new KeyFormatError(`private key id ${keyIdHex(id)} does not match its name and key`);
  return signer;
}

/** A fresh key pair under `name`. */
export function generateSigner(name: string): Signer {
  checkKeyName(name);
  const { privateKey } = generateKeyPairSync("ed25519");
  const pkcs8 = privateKey.export({ format: "der", type: "pkcs8" });
  return makeSigner(name, pkcs8.subarray(PKCS8_PREFIX.length));
}
