/**
 * The keys file: which Ed25519 key signs which seq range, so keys can rotate without re-signing history.
 */
import { KeyFormatError, parseVerifierKey, type Verifier } from "./keys.ts";
import { validator } from "./schema.ts";

export interface KeyRange {
  readonly vkey: string;
  readonly from: number;
  readonly until?: number;
}

export interface KeysFile {
  readonly v: 1;
  readonly origin: string;
  readonly keys: readonly KeyRange[];
}

export class KeyringError extends Error {
  override name = "KeyringError";
}

const keysValidator = validator<KeysFile>("keys");

export interface Keyring {
  readonly file: KeysFile;
  readonly verifiers: readonly Verifier[];
  /** The key that signs new entries and checkpoints. */
  readonly current: Verifier;
  /** The key valid at `seq`. */
  keyFor(seq: number): Verifier;
}

/** Checks a parsed keys file: its schema, key ids, and ranges that tile 0..∞ without gap or overlap. */
export function openKeyring(value: unknown): Keyring {
  const validateKeysFile = keysValidator();
  if (!validateKeysFile(value)) {
    const e = validateKeysFile.errors?.[0];
    throw new KeyringError(`${e?.instancePath || "keys file"}: ${e?.message ?? "is invalid"}`);
  }
  const file = value;
  const verifiers = file.keys.map((k, i) => {
    try {
      return parseVerifierKey(k.vkey);
    } catch (e) {
      if (e instanceof KeyFormatError) throw new KeyringError(`keys[${i}].vkey: ${e.message}`);
      throw e;
    }
  });
  let next = 0;
  file.keys.forEach((k, i) => {
    const last = i === file.keys.length - 1;
    if (k.from !== next) throw new KeyringError(`keys[${i}].from is ${k.from}, expected ${next} (ranges must be contiguous)`);
    if (last && k.until !== undefined) throw new KeyringError(`keys[${i}] is the current key and must have no 'until'`);
    if (!last && (k.until === undefined || k.until < k.from)) {
      throw new KeyringError(`keys[${i}] is retired and must sign at least one entry: until ≥ from`);
    }
    next = (k.until ?? 0) + 1;
  });
  for (const v of verifiers) {
    if (v.name !== file.origin) throw new KeyringError(`key ${v.name} is not named after the origin ${file.origin}`);
  }
  const current = verifiers[verifiers.length - 1] as Verifier;
  return {
    file,
    verifiers,
    current,
    keyFor(seq) {
      const i = file.keys.findIndex((k) => seq >= k.from && (k.until === undefined || seq <= k.until));
      return verifiers[i] as Verifier;
    },
  };
}

/** The keys file after rotating to `next` at `seq` (the first seq it signs). */
export function rotate(file: KeysFile, next: Verifier, seq: number): KeysFile {
  const current = file.keys[file.keys.length - 1] as KeyRange;
  // A current key that has signed no entry yet is replaced outright rather than retired empty.
  const kept = current.from === seq ? file.keys.slice(0, -1) : [...file.keys.slice(0, -1), { ...current, until: seq - 1 }];
  return { ...file, keys: [...kept, { vkey: next.vkey, from: seq }] };
}
