/**
 * C2SP signed-note and tlog-checkpoint against published notes: the C2SP spec example, the Go
 * sumdb/note and sumdb/tlog test goldens, and a Rekor v2 checkpoint cosigned by three witnesses.
 */
import { describe, expect, test } from "vitest";
import { formatCheckpoint, parseCheckpoint } from "../../../src/ledger/checkpoint.ts";
import { generateSigner, keyId, keyIdHex, parseSignerKey, parseVerifierKey } from "../../../src/ledger/keys.ts";
import { leafHash } from "../../../src/ledger/merkle.ts";
import { NoteError, openNote, signNote } from "../../../src/ledger/note.ts";
import { ed25519Spki, vectorJson } from "./helpers.ts";

interface NoteVector {
  name: string;
  vkey: string | null;
  skey?: string;
  log_spki_b64?: string;
  note: string;
  valid: boolean;
}

interface Vectors {
  notes: NoteVector[];
  go_tlog_goldens: { record_hash_hello_world_b64: string; format_tree: string };
}

const vectors = vectorJson<Vectors>("signed-note/signed_note_and_tlog_vectors.json");

function note(name: string): NoteVector {
  const found = vectors.notes.find((n) => n.name === name);
  if (!found) throw new Error(`no note vector named ${name}`);
  return found;
}

/** The signed text of a note: everything up to and including the newline before the blank line. */
const textOf = (n: string): string => n.slice(0, n.lastIndexOf("\n\n") + 1);

describe("published signed notes", () => {
  test.each(["c2sp-signed-note-example", "go-sumdb-note-PeterNeumann"])("%s opens with its verifier key", (name) => {
    const v = note(name);
    const verifier = parseVerifierKey(v.vkey as string);
    const opened = openNote(v.note, [verifier]);
    expect(opened.text).toBe(textOf(v.note));
    expect(opened.signedBy).toEqual([verifier]);
    expect(opened.otherSignatures).toEqual([]);
  });

  test("a note whose text was changed after signing is refused", () => {
    const v = note("go-sumdb-note-PeterNeumann-tampered-text");
    expect(v.valid).toBe(false);
    expect(() => openNote(v.note, [parseVerifierKey(v.vkey as string)])).toThrow(NoteError);
    expect(() => openNote(v.note, [parseVerifierKey(v.vkey as string)])).toThrow(/does not verify/);
  });

  test("the Go private key gives the published verifier key and, Ed25519 being deterministic, the published note", () => {
    const v = note("go-sumdb-note-PeterNeumann");
    const signer = parseSignerKey(v.skey as string);
    expect(signer.name).toBe("PeterNeumann");
    expect(signer.verifier.vkey).toBe(v.vkey);
    expect(signer.skey).toBe(v.skey);
    expect(signNote(textOf(v.note), [signer])).toBe(v.note);
  });
});

describe("Rekor v2 checkpoint with witness cosignatures", () => {
  const v = note("rekor-v2-staging-checkpoint-with-3-witness-cosignatures");
  const origin = "log2025-alpha3.rekor.sigstage.dev";
  const spki = Buffer.from(v.log_spki_b64 as string, "base64");
  const logKey = spki.subarray(spki.length - 32);
  const verifier = parseVerifierKey(
    `${origin}+${keyIdHex(keyId(origin, logKey))}+${Buffer.concat([Buffer.from([1]), logKey]).toString("base64")}`,
  );

  test("the log key is an Ed25519 SubjectPublicKeyInfo (RFC 8410)", () => {
    expect(spki).toEqual(ed25519Spki(logKey));
  });

  test("verifies with the log key, keeping the three unknown witness lines aside", () => {
    const opened = openNote(v.note, [verifier]);
    expect(opened.signedBy).toEqual([verifier]);
    expect(opened.otherSignatures.map((l) => l.split(" ")[1])).toEqual([
      "witness.stagemole.eu",
      "staging.witness.transparency.goog/ring-any-bells",
      "witness.navigli.sunlight.geomys.org",
    ]);
    expect(opened.otherSignatures.every((l) => v.note.includes(l))).toBe(true);
  });

  test("its text is a checkpoint for origin, size and root", () => {
    const checkpoint = parseCheckpoint(openNote(v.note, [verifier]).text);
    expect(checkpoint.origin).toBe(origin);
    expect(checkpoint.size).toBe(4026479);
    expect(checkpoint.root.toString("base64")).toBe("5iaX4xK6PMnp4ZFTP4iywMcwLgaTjzgRTkrTOUFIrfY=");
    expect(checkpoint.extensions).toEqual([]);
    expect(formatCheckpoint(checkpoint)).toBe(textOf(v.note));
  });
});

describe("Go sumdb/tlog goldens", () => {
  const golden = vectors.go_tlog_goldens;

  test("RecordHash is the RFC 6962 leaf hash", () => {
    expect(leafHash(Buffer.from("hello world")).toString("base64")).toBe(golden.record_hash_hello_world_b64);
  });

  test("format_tree parses as a checkpoint and formats back to the same bytes", () => {
    const checkpoint = parseCheckpoint(golden.format_tree);
    expect(checkpoint.origin).toBe("go.sum database tree");
    expect(checkpoint.size).toBe(123456789012);
    expect(checkpoint.root).toEqual(Buffer.from(golden.record_hash_hello_world_b64, "base64"));
    expect(formatCheckpoint(checkpoint)).toBe(golden.format_tree);
  });
});

describe("notes with several signatures", () => {
  const a = generateSigner("a.example/log");
  const b = generateSigner("b.example/witness");
  const text = "a.example/log\n3\nq83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=\n";
  const signed = signNote(text, [a, b]);

  test("a note signed by two keys opens with either, and with both", () => {
    const byA = openNote(signed, [a.verifier]);
    expect(byA.text).toBe(text);
    expect(byA.signedBy).toEqual([a.verifier]);
    expect(byA.otherSignatures).toHaveLength(1);
    expect(byA.otherSignatures[0]).toMatch(/^\u2014 b\.example\/witness /);
    expect(openNote(signed, [b.verifier]).signedBy).toEqual([b.verifier]);
    expect(openNote(signed, [b.verifier, a.verifier]).signedBy).toEqual([a.verifier, b.verifier]);
  });

  test("a known key whose signature does not verify is an error, even when another known key's does", () => {
    const line = signed.split("\n").find((l) => l.startsWith("\u2014 a.example/log ")) as string;
    const raw = Buffer.from(line.slice(line.lastIndexOf(" ") + 1), "base64");
    raw[4 + 10] = (raw[4 + 10] as number) ^ 0x01;
    const forged = signed.replace(line, `\u2014 a.example/log ${raw.toString("base64")}`);
    expect(() => openNote(forged, [a.verifier])).toThrow(NoteError);
    expect(() => openNote(forged, [a.verifier, b.verifier])).toThrow(/signature by a\.example\/log does not verify/);
  });

  test("a note with no signature from a known key is an error", () => {
    const c = generateSigner("c.example/log");
    expect(() => openNote(signed, [c.verifier])).toThrow(NoteError);
    expect(() => openNote(signed, [c.verifier])).toThrow(/not signed by any known key/);
  });

  test("a key with the right name but another key id is not that key", () => {
    const impostor = generateSigner("a.example/log");
    expect(() => openNote(signed, [impostor.verifier])).toThrow(/not signed by any known key/);
  });

  test("a signature line without the em dash prefix is an error", () => {
    const hyphen = signed.replace("\u2014 b.example/witness ", "- b.example/witness ");
    expect(hyphen).not.toBe(signed);
    expect(() => openNote(hyphen, [a.verifier])).toThrow(NoteError);
    expect(() => openNote(hyphen, [a.verifier])).toThrow(/malformed signature line/);
  });
});
