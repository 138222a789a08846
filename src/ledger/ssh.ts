/**
 * The ledger's Ed25519 key in OpenSSH's encodings (PROTOCOL.key, RFC 8709), so that git can sign the
 * data branch's commits with it (`gpg.format=ssh`) and auditors can check them with stock git.
 */
import { randomBytes } from "node:crypto";
import type { Signer, Verifier } from "./keys.ts";

const KEY_TYPE = "ssh-ed25519";

function sshString(data: string | Buffer): Buffer {
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  const len = Buffer.alloc(4);
  len.writeUInt32BE(bytes.length);
  return Buffer.concat([len, bytes]);
}

function publicBlob(key: Verifier): Buffer {
  return Buffer.concat([sshString(KEY_TYPE), sshString(key.publicKey)]);
}

/** `ssh-ed25519 <base64> <comment>`: an authorized_keys / allowed_signers key. */
export function sshPublicKey(key: Verifier): string {
  return `${KEY_TYPE} ${publicBlob(key).toString("base64")}`;
}

/** One allowed_signers line (ssh-keygen(1) §ALLOWED SIGNERS) letting `principal` sign git objects. */
export function allowedSignersLine(principal: string, key: Verifier): string {
  return `${principal} namespaces="git" ${sshPublicKey(key)}\n`;
}

/** The unencrypted "openssh-key-v1" private key file for `signer`. */
export function sshPrivateKey(signer: Signer, comment: string): string {
  // PRIVATE+KEY+<name>+<id>+<base64>: the name holds no '+', the base64 may.
  const seed = Buffer.from(signer.skey.split("+").slice(4).join("+"), "base64").subarray(1);
  const pk = signer.verifier.publicKey;
  const check = randomBytes(4);
  let secret = Buffer.concat([check, check, sshString(KEY_TYPE), sshString(pk), sshString(Buffer.concat([seed, pk])), sshString(comment)]);
  // Padded with 1, 2, 3… to the cipher block size, which is 8 for "none".
  const pad = (8 - (secret.length % 8)) % 8;
  secret = Buffer.concat([secret, Buffer.from(Array.from({ length: pad }, (_, i) => i + 1))]);
  const body = Buffer.concat([
    Buffer.from("openssh-key-v1\0", "latin1"),
    sshString("none"),
    sshString("none"),
    sshString(""),
    Buffer.from([0, 0, 0, 1]),
    sshString(publicBlob(signer.verifier)),
    sshString(secret),
  ]);
  const b64 = body.toString("base64").replace(/.{1,70}/g, "$&\n");
  return `-----BEGIN OPENSSH PRIVATE KEY-----\n${b64}-----END OPENSSH PRIVATE KEY-----\n`;
}
