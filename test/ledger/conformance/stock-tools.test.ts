/**
 * A ledger written by this code, checked the way an outsider with stock tools would: OpenSSL for the
 * Ed25519 signatures and sha256sum for the hash chain and the Merkle root, with every signed byte
 * string built here from the format's rules rather than by the library under test.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { generateSigner } from "../../../src/ledger/keys.ts";
import { appendToFolder } from "../../../src/store/append-folder.ts";
import { removeTempDirs, tempDir } from "../../helpers/ledger.ts";
import { ed25519Spki, sampleBody } from "./helpers.ts";

const ORIGIN = "example.com/octo-org/widgets/meritlog";
const ENTRY_TYPE = "application/vnd.meritlog.entry+json";
const COUNT = 5;

let work: string;
let ledger: string;
let vkey: string;
let publicKey: Buffer;
let pem: string;
let lines: Buffer[];
/** The lines `append` produced, to check the folder holds exactly them. */
let written: string[];

beforeAll(async () => {
  work = tempDir("meritlog-stock-tools-");
  ledger = join(work, "ledger");
  const signer = generateSigner(ORIGIN);
  const bodies = Array.from({ length: COUNT }, (_, i) => sampleBody(i));
  // Two appends, so the chain and the tree are also checked across a writer resuming from disk.
  const first = await appendToFolder(ledger, bodies.slice(0, 3), signer);
  const second = await appendToFolder(ledger, bodies.slice(3), signer);
  written = [...first.result.lines, ...second.result.lines];

  // From here on only what is on disk is used, as a verifier elsewhere would have it.
  const keys = JSON.parse(readFileSync(join(ledger, "keys.json"), "utf8")) as { keys: { vkey: string }[] };
  vkey = keys.keys[0]?.vkey ?? "";
  // <name>+<key id>+<base64(0x01 ‖ key)>: the name and id hold no '+', but base64 may.
  const [, , , b64] = /^([^+]+)\+([0-9a-f]{8})\+(.+)$/.exec(vkey) ?? [];
  const raw = Buffer.from(b64 ?? "", "base64");
  expect(raw).toHaveLength(33);
  expect(raw[0]).toBe(0x01);
  publicKey = raw.subarray(1);
  pem = join(work, "ledger.pub.pem");
  writeFileSync(pem, `-----BEGIN PUBLIC KEY-----\n${ed25519Spki(publicKey).toString("base64")}\n-----END PUBLIC KEY-----\n`);
  const shard = readFileSync(join(ledger, "entries", "000", "000.jsonl"));
  expect(shard.at(-1)).toBe(0x0a);
  lines = shard
    .subarray(0, -1)
    .toString("utf8")
    .split("\n")
    .map((l) => Buffer.from(l, "utf8"));
});

afterAll(removeTempDirs);

let fileCounter = 0;
/** `openssl pkeyutl -verify` of an Ed25519 signature over `message` with the ledger's key: its exit status and output. */
function opensslVerify(message: Buffer, signature: Buffer): { status: number | null; output: string } {
  const n = fileCounter++;
  const msgFile = join(work, `msg-${n}.bin`);
  const sigFile = join(work, `sig-${n}.bin`);
  writeFileSync(msgFile, message);
  writeFileSync(sigFile, signature);
  const run = spawnSync("openssl", ["pkeyutl", "-verify", "-pubin", "-inkey", pem, "-rawin", "-in", msgFile, "-sigfile", sigFile], {
    encoding: "utf8",
  });
  if (run.error) throw run.error;
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

function sha256sum(data: Buffer): Buffer {
  const out = execFileSync("sha256sum", { input: data, encoding: "utf8" });
  const hex = out.split(" ")[0] ?? "";
  expect(hex).toMatch(/^[0-9a-f]{64}$/);
  return Buffer.from(hex, "hex");
}

const leafHashBySha256sum = (line: Buffer): Buffer => sha256sum(Buffer.concat([Buffer.from([0x00]), line]));

/** RFC 6962 MTH over leaf hashes, every node hashed by sha256sum. */
function rootBySha256sum(leaves: readonly Buffer[]): Buffer {
  if (leaves.length === 1) return leaves[0] as Buffer;
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return sha256sum(Buffer.concat([Buffer.from([0x01]), rootBySha256sum(leaves.slice(0, k)), rootBySha256sum(leaves.slice(k))]));
}

/**
 * DSSEv1 PAE of an entry line. The line is the entry's RFC 8785 form, and removing one member from a
 * canonical object leaves the canonical form of the rest, so cutting the `sig` member out of the line
 * gives the JCS bytes of the entry without its signature.
 */
function entrySigningInput(line: Buffer): { pae: Buffer; sig: Buffer } {
  const text = line.toString("utf8");
  const member = /,"sig":\{"keyid":"[^"\\]*","sig":"([A-Za-z0-9+/=]*)"\}/g;
  const found = [...text.matchAll(member)];
  expect(found).toHaveLength(1);
  const match = found[0] as RegExpExecArray;
  const payload = Buffer.from(text.slice(0, match.index) + text.slice(match.index + match[0].length), "utf8");
  const type = Buffer.from(ENTRY_TYPE, "utf8");
  const pae = Buffer.concat([Buffer.from(`DSSEv1 ${type.length} `), type, Buffer.from(` ${payload.length} `), payload]);
  return { pae, sig: Buffer.from(match[1] as string, "base64") };
}

describe("a ledger checked with stock tools", () => {
  test(`the shard holds the ${COUNT} appended entries`, () => {
    expect(lines).toHaveLength(COUNT);
    expect(lines.map((l) => l.toString("utf8"))).toEqual(written);
    expect(lines.map((l) => (JSON.parse(l.toString("utf8")) as { seq: number }).seq)).toEqual([0, 1, 2, 3, 4]);
  });

  test("openssl verifies every entry's Ed25519 signature over the DSSE PAE of the entry without sig", () => {
    for (const line of lines) {
      const { pae, sig } = entrySigningInput(line);
      expect(sig).toHaveLength(64);
      const good = opensslVerify(pae, sig);
      expect(good.output).toMatch(/Signature Verified Successfully/);
      expect(good.status).toBe(0);
    }
  });

  test("openssl rejects an entry signature over altered bytes", () => {
    const { pae, sig } = entrySigningInput(lines[1] as Buffer);
    // Counting characters instead of bytes (the breakdown note is not ASCII) must not verify.
    const text = pae.toString("utf8");
    const payload = text.slice(text.indexOf("{"));
    const byChars = Buffer.from(`DSSEv1 ${ENTRY_TYPE.length} ${ENTRY_TYPE} ${payload.length} ${payload}`, "utf8");
    expect(byChars.equals(pae)).toBe(false);
    const bad = opensslVerify(byChars, sig);
    expect(bad.status).not.toBe(0);
    expect(bad.output).toMatch(/Signature Verification Failure/);
  });

  test("openssl verifies the checkpoint note's signature over the note text", () => {
    const note = readFileSync(join(ledger, "checkpoint"), "utf8");
    const split = note.lastIndexOf("\n\n");
    const text = note.slice(0, split + 1);
    const sigLines = note.slice(split + 2).split("\n");
    expect(sigLines).toEqual([expect.stringMatching(/^\u2014 /), ""]);
    const [name, b64] = (sigLines[0] as string).slice(2).split(" ") as [string, string];
    expect(name).toBe(ORIGIN);
    const blob = Buffer.from(b64, "base64");
    expect(blob).toHaveLength(4 + 64);

    // The 4-byte prefix is the signed-note key id: SHA-256(name ‖ "\n" ‖ 0x01 ‖ public key)[:4].
    const id = createHash("sha256")
      .update(`${name}\n`)
      .update(Buffer.from([0x01]))
      .update(publicKey)
      .digest()
      .subarray(0, 4);
    expect(blob.subarray(0, 4)).toEqual(id);
    expect(vkey.split("+")[1]).toBe(id.toString("hex"));

    const good = opensslVerify(Buffer.from(text, "utf8"), blob.subarray(4));
    expect(good.output).toMatch(/Signature Verified Successfully/);
    expect(good.status).toBe(0);
    const otherSize = text.replace(`\n${COUNT}\n`, `\n${COUNT + 1}\n`);
    expect(otherSize).not.toBe(text);
    const bad = opensslVerify(Buffer.from(otherSize, "utf8"), blob.subarray(4));
    expect(bad.status).not.toBe(0);
  });

  test("sha256sum of 0x00 ‖ line is the next entry's prev, and the checkpoint's root is their RFC 6962 root", () => {
    const leaves = lines.map(leafHashBySha256sum);
    const entries = lines.map((l) => JSON.parse(l.toString("utf8")) as { prev?: string });
    expect(entries[0]).not.toHaveProperty("prev");
    for (let i = 1; i < COUNT; i++) expect(entries[i]?.prev).toBe(leaves[i - 1]?.toString("hex"));

    const [origin, size, root] = readFileSync(join(ledger, "checkpoint"), "utf8").split("\n");
    expect(origin).toBe(ORIGIN);
    expect(size).toBe(String(COUNT));
    expect(root).toBe(rootBySha256sum(leaves).toString("base64"));
  });
});
