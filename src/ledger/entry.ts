/**
 * Ledger entries: their shape (ledger/schema/entry.schema.json), and their signatures, which are
 * Ed25519 over the DSSE pre-authentication encoding of the entry's canonical bytes without `sig`.
 */
import { createHash } from "node:crypto";
import type { ErrorObject } from "ajv/dist/2020.js";
import { type DsseEnvelope, pae } from "./dsse.ts";
import { canonicalize, ijsonError } from "./json.ts";
import { keyIdHex, type Signer, type Verifier } from "./keys.ts";
import { validator } from "./schema.ts";

/** DSSE payloadType of a ledger entry. */
export const ENTRY_PAYLOAD_TYPE = "application/vnd.meritlog.entry+json";
export const FORMAT_VERSION = 1;
/** Points are integers in this unit: 1 point = 1000 millipoints. */
export const MILLIPOINTS_PER_POINT = 1000;

export type EntryKind = "award" | "bonus" | "penalty" | "reversal" | "badge" | "state" | "command";
export type SubjectType =
  | "pull_request"
  | "issue"
  | "review"
  | "review_comment"
  | "comment"
  | "release"
  | "commit"
  | "repository"
  | "entry";

export interface Account {
  readonly id: number;
  readonly login: string;
}

export interface RuleContribution {
  readonly rule: string;
  readonly points: number;
  readonly note?: string;
}

/** What a writer supplies; the ledger adds `v`, `seq`, `prev` and `sig`. */
export interface EntryBody {
  readonly id: string;
  readonly kind: EntryKind;
  readonly time: string;
  readonly repo: { readonly id: number; readonly name: string };
  readonly actor: Account;
  readonly subject: { readonly type: SubjectType; readonly number?: number; readonly id?: number; readonly url: string };
  readonly points: number;
  readonly breakdown: readonly RuleContribution[];
  readonly rules: string;
  readonly source: { readonly event: string; readonly action?: string; readonly delivery?: string; readonly run?: string };
  readonly inputs?: Readonly<Record<string, unknown>>;
  readonly ref?: string;
  readonly reason?: string;
  readonly by?: Account;
  readonly badge?: string;
}

export interface EntrySignature {
  /** `<key name>+<hex key id>`. */
  readonly keyid: string;
  readonly sig: string;
}

/** An entry without its signature: the bytes that get signed. */
export type UnsignedEntry = EntryBody & { readonly v: 1; readonly seq: number; readonly prev?: string };
export type Entry = UnsignedEntry & { readonly sig: EntrySignature };

/** The deterministic id of the fact identified by `factKey` (e.g. `pr-merged:<repo id>:<number>`). */
export function factId(factKey: string): string {
  return createHash("sha256").update(factKey, "utf8").digest("hex");
}

const entryValidator = validator<Entry>("entry");
const bodyValidator = validator<EntryBody>("body");

function describe(error: ErrorObject | undefined, what: "entry" | "body"): string {
  if (!error) return "does not match the entry schema";
  const at = error.instancePath === "" ? "entry" : error.instancePath.slice(1).replaceAll("/", ".");
  if (error.keyword === "additionalProperties") {
    return `${at}: unknown field '${(error.params as { additionalProperty: string }).additionalProperty}'`;
  }
  if (error.keyword === "false schema") {
    return `${at}: must be absent${what === "entry" ? " at seq 0" : ": the ledger sets it when it appends the entry"}`;
  }
  if (error.keyword === "required") return `${at}: missing field '${(error.params as { missingProperty: string }).missingProperty}'`;
  return `${at}: ${error.message ?? "is invalid"}`;
}

/**
 * The reason `value` is not a well-formed signed entry, or undefined when it is. `isIJson` says the
 * value is known to be I-JSON already (canonicalIJson accepted it), which spares walking it again.
 */
export function entryShapeError(value: unknown, known: { isIJson?: true } = {}): string | undefined {
  const validate = entryValidator();
  if (validate(value)) return semanticError(value, known.isIJson === true);
  return describe(validate.errors?.[0], "entry");
}

/** The reason `value` is not a well-formed entry body, or undefined when it is. */
export function bodyShapeError(value: unknown): string | undefined {
  const validate = bodyValidator();
  if (validate(value)) return semanticError(value, false);
  return describe(validate.errors?.[0], "body");
}

/** The rules the schema cannot state: an exact breakdown sum, a real calendar date, I-JSON values. */
function semanticError(entry: EntryBody, isIJson: boolean): string | undefined {
  const sum = breakdownSum(entry.breakdown);
  if (sum !== BigInt(entry.points)) return `points: ${entry.points} is not the sum of the breakdown (${sum})`;
  if (!isRealDay(entry.time)) return `time: ${entry.time} is not a real date and time`;
  return isIJson ? undefined : ijsonError(entry);
}

/**
 * The exact sum of the breakdown's points (safe integers, as the schema requires): in floats while
 * every partial sum is a safe integer, since each addition is then exact; in BigInt from the first
 * that is not, where a float sum could round and a wrong total pass.
 */
function breakdownSum(breakdown: readonly RuleContribution[]): bigint {
  let sum = 0;
  for (const c of breakdown) {
    sum += c.points;
    if (!Number.isSafeInteger(sum)) return breakdown.reduce((acc, d) => acc + BigInt(d.points), 0n);
  }
  return BigInt(sum);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Whether the day of a time the schema's pattern admitted (YYYY-MM-DDThh:mm:ssZ, month 01–12, day
 * 01–31, the clock in range) exists in its month of the proleptic Gregorian calendar.
 */
function isRealDay(time: string): boolean {
  const year = Number(time.slice(0, 4));
  const month = Number(time.slice(5, 7));
  const day = Number(time.slice(8, 10));
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number));
}

/** The exact bytes an entry signature covers: PAE(payloadType, JCS(entry without sig)). */
export function signingInput(entry: UnsignedEntry): Buffer {
  return pae(ENTRY_PAYLOAD_TYPE, Buffer.from(canonicalize(entry), "utf8"));
}

export function keyRef(key: Signer | Verifier): string {
  return `${key.name}+${keyIdHex(key.id)}`;
}

export function signEntry(entry: UnsignedEntry, signer: Signer): Entry {
  return { ...entry, sig: { keyid: keyRef(signer), sig: signer.sign(signingInput(entry)).toString("base64") } };
}

/** Separates an entry from its signature. */
export function unsigned(entry: Entry): UnsignedEntry {
  const { sig: _sig, ...rest } = entry;
  return rest;
}

/**
 * The reason `entry`'s signature does not verify under `key`, or undefined when it does. `signed` is
 * what signingInput gives for the entry, for a caller that has those bytes already.
 */
export function signatureError(entry: Entry, key: Verifier, signed?: Uint8Array): string | undefined {
  const sig = signatureBytes(entry, key);
  if (typeof sig === "string") return sig;
  return key.verify(signed ?? signingInput(unsigned(entry)), sig) ? undefined : signatureMismatch(entry);
}

/**
 * The signature of `entry`, decoded, if it names `key` and is canonical base64; otherwise why not:
 * everything signatureError checks before the cryptography.
 */
export function signatureBytes(entry: Entry, key: Verifier): Buffer | string {
  if (entry.sig.keyid !== keyRef(key)) return `sig: signed by ${entry.sig.keyid}, but ${keyRef(key)} signs seq ${entry.seq}`;
  const sig = Buffer.from(entry.sig.sig, "base64");
  // Only the canonical encoding: otherwise two different lines would carry one valid signature.
  if (sig.toString("base64") !== entry.sig.sig) return "sig: not canonical base64";
  return sig;
}

/** What signatureError says of a signature that does not verify. */
export function signatureMismatch(entry: Entry): string {
  return `sig: signature by ${entry.sig.keyid} does not verify`;
}

/** The entry as a standard DSSE envelope: the payload is its canonical bytes without `sig`. */
export function entryEnvelope(entry: Entry): DsseEnvelope {
  return {
    payload: Buffer.from(canonicalize(unsigned(entry)), "utf8").toString("base64"),
    payloadType: ENTRY_PAYLOAD_TYPE,
    signatures: [{ keyid: entry.sig.keyid, sig: entry.sig.sig }],
  };
}
