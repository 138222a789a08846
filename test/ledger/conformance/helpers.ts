/**
 * Shared by the conformance tests: reading the published vectors in test/fixtures/vectors (their
 * origins are in its README.md), and entry bodies to append.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { EntryBody } from "../../../src/ledger/entry.ts";

const VECTORS_DIR = join(import.meta.dirname, "..", "..", "fixtures", "vectors");

export function vectorBytes(path: string): Buffer {
  return readFileSync(join(VECTORS_DIR, path));
}

export function vectorText(path: string): string {
  return vectorBytes(path).toString("utf8");
}

export function vectorJson<T>(path: string): T {
  return JSON.parse(vectorText(path)) as T;
}

/** Every file under `dir` (relative to the vectors folder), as paths relative to the vectors folder, sorted. */
export function vectorFiles(dir: string): string[] {
  return readdirSync(join(VECTORS_DIR, dir), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(VECTORS_DIR, join(d.parentPath, d.name)))
    .sort();
}

/** RFC 8410's DER prefix of an Ed25519 SubjectPublicKeyInfo: the raw 32-byte key follows it. */
const ED25519_SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");

/** A raw Ed25519 public key as SubjectPublicKeyInfo DER, the form stock tools import. */
export function ed25519Spki(publicKey: Uint8Array): Buffer {
  return Buffer.concat([ED25519_SPKI_PREFIX, publicKey]);
}

/**
 * The n-th of a family of schema-valid entry bodies. The breakdown note is deliberately not ASCII,
 * so anything that counts characters where the format counts bytes produces a different signature input.
 */
export function sampleBody(n: number): EntryBody {
  return {
    id: n.toString(16).padStart(64, "0"),
    kind: "award",
    time: `2025-03-${String(n + 1).padStart(2, "0")}T12:00:00Z`,
    repo: { id: 4242, name: "octo-org/widgets" },
    actor: { id: 1000 + n, login: `contributor-${n}` },
    subject: { type: "pull_request", number: n + 1, url: `https://github.com/octo-org/widgets/pull/${n + 1}` },
    points: 1500 + n,
    breakdown: [
      { rule: "pr.merged", points: 1000 },
      { rule: "pr.size", points: 500 + n, note: `größe ✓ ${n}` },
    ],
    rules: `sha256:${"ab".repeat(32)}`,
    source: { event: "pull_request", action: "closed" },
  };
}
