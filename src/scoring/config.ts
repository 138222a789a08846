/**
 * `.github/meritlog.yml`: parsed with source positions, checked against ledger/schema/config.schema.json,
 * and resolved (defaults filled in) into the rules document that scoring uses and the ledger records.
 */
import { createHash } from "node:crypto";
import type { ErrorObject } from "ajv/dist/2020.js";
import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import { canonicalize } from "../ledger/json.ts";
import { validator } from "../ledger/schema.ts";

/** One problem in a configuration file, located for a person and for a GitHub annotation. */
export interface ConfigProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** Dotted path of the key, e.g. `limits.monthly_cap`; empty for the document. */
  readonly key: string;
  readonly message: string;
}

export class ConfigError extends Error {
  override name = "ConfigError";
  readonly problems: readonly ConfigProblem[];
  constructor(problems: readonly ConfigProblem[]) {
    super(problems.map(formatProblem).join("\n"));
    this.problems = problems;
  }
}

export function formatProblem(p: ConfigProblem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.key ? `${p.key}: ` : ""}${p.message}`;
}

/** The configuration as written, every key optional (the schema's shape). */
export interface Config {
  readonly version?: 1;
  readonly points?: Partial<Record<PointsKey, number>>;
  readonly review_states?: Partial<Record<ReviewState, number>>;
  readonly lines?: {
    readonly per_added?: number;
    readonly per_deleted?: number;
    readonly cap?: number;
    readonly exclude?: readonly string[];
  };
  readonly size_tiers?: readonly { readonly lines: number; readonly bonus: number; readonly label?: string }[];
  readonly labels?: readonly LabelRule[];
  readonly credit?: { readonly issue_closed?: "closer" | "author" | "none" };
  readonly bots?: { readonly exclude?: boolean; readonly logins?: readonly string[] };
  readonly limits?: Partial<Limits>;
  readonly ratings?: Partial<Record<"1" | "2" | "3" | "4" | "5", number>>;
  readonly aliases?: Readonly<Record<string, number>>;
  readonly size_labels?: boolean;
  readonly commands?: { readonly permission?: "triage" | "write" | "maintain" | "admin" };
}

export type PointsKey =
  | "release"
  | "pr_merged"
  | "review"
  | "pr_opened"
  | "commit"
  | "issue_opened"
  | "issue_closed"
  | "review_comment"
  | "comment";
export type ReviewState = "approved" | "changes_requested" | "commented";

export interface LabelRule {
  readonly match: string | readonly string[];
  readonly add?: number;
  readonly multiply?: number;
  readonly void?: true;
  readonly skill?: string;
}

export interface Limits {
  readonly monthly_cap: number;
  readonly diminishing_after: number;
  readonly diminishing_factor: number;
  readonly daily_prs: number;
  readonly low_value_lines: number;
  readonly low_value_points: number;
  readonly own_repository: boolean;
  readonly self_review: boolean;
}

/** Every key filled in: the rules document. */
export type ResolvedConfig = {
  readonly [K in keyof Config]-?: NonNullable<Config[K]> extends readonly unknown[]
    ? NonNullable<Config[K]>
    : Required<NonNullable<Config[K]>>;
};

/** The defaults, documented key by key in the schema. */
export const DEFAULTS: ResolvedConfig = {
  version: 1,
  points: {
    release: 30,
    pr_merged: 25,
    review: 20,
    pr_opened: 15,
    commit: 10,
    issue_opened: 8,
    issue_closed: 5,
    review_comment: 5,
    comment: 3,
  },
  review_states: { approved: 1, changes_requested: 1, commented: 0.5 },
  lines: {
    per_added: 0.01,
    per_deleted: 0.005,
    cap: 500,
    exclude: [
      "**/package-lock.json",
      "**/yarn.lock",
      "**/pnpm-lock.yaml",
      "**/*.lock",
      "**/go.sum",
      "dist/**",
      "vendor/**",
      "**/*.min.js",
      "**/*.min.css",
      "**/__snapshots__/**",
      "**/*.snap",
    ],
  },
  size_tiers: [
    { lines: 100, bonus: 5, label: "size/M" },
    { lines: 500, bonus: 10, label: "size/L" },
    { lines: 1000, bonus: 20, label: "size/XL" },
  ],
  labels: [
    { match: "documentation", multiply: 1.2, skill: "docs" },
    { match: "good first issue", add: 5 },
    { match: ["spam", "invalid"], void: true },
  ],
  credit: { issue_closed: "closer" },
  bots: { exclude: true, logins: [] },
  limits: {
    monthly_cap: 2000,
    diminishing_after: 20,
    diminishing_factor: 0.5,
    daily_prs: 10,
    low_value_lines: 2,
    low_value_points: 0,
    own_repository: false,
    self_review: false,
  },
  ratings: { "1": 0.5, "2": 0.8, "3": 1, "4": 1.2, "5": 1.5 },
  aliases: {},
  size_labels: false,
  commands: { permission: "maintain" },
};

const configValidator = validator<Config>("config");

/** Resolves a checked configuration against the defaults: objects merge key by key, lists replace. */
export function resolveConfig(config: Config): ResolvedConfig {
  const merge = (base: unknown, over: unknown): unknown => {
    if (over === undefined) return base;
    if (
      Array.isArray(over) ||
      typeof over !== "object" ||
      over === null ||
      typeof base !== "object" ||
      base === null ||
      Array.isArray(base)
    )
      return over;
    const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
    for (const [k, v] of Object.entries(over)) out[k] = merge(out[k], v);
    return out;
  };
  return merge(DEFAULTS, config) as ResolvedConfig;
}

/** The content hash recorded in every entry: SHA-256 of the resolved configuration's JCS bytes. */
export function rulesHash(rules: ResolvedConfig): string {
  return `sha256:${createHash("sha256").update(rulesDocument(rules)).digest("hex")}`;
}

/** The rules document as stored content-addressed on the data branch. */
export function rulesDocument(rules: ResolvedConfig): string {
  return canonicalize(rules);
}

/** Levenshtein distance, for "did you mean". */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j] as number;
      row[j] = Math.min(cur + 1, (row[j - 1] as number) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length] as number;
}

function suggestion(name: string, known: readonly string[]): string {
  const best = known.map((k) => [k, distance(name.toLowerCase(), k)] as const).sort((x, y) => x[1] - y[1])[0];
  return best && best[1] <= Math.max(2, Math.floor(name.length / 3)) ? `; did you mean '${best[0]}'?` : "";
}

/**
 * Parses and checks a configuration file. Every problem is reported (not only the first), each with
 * its file:line:col, key, what was found and what was expected.
 */
/** Where a repository keeps its configuration. */
export const DEFAULT_CONFIG = ".github/meritlog.yml";

export function parseConfig(text: string, file = DEFAULT_CONFIG): ResolvedConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const at = (offset: number | undefined, key: string, message: string): ConfigProblem => {
    const pos = lineCounter.linePos(offset ?? 0);
    return { file, line: pos.line, column: pos.col, key, message };
  };
  const syntax = [...doc.errors, ...doc.warnings].map((e) =>
    at(e.pos[0], keyAtOffset(doc.contents, e.pos[0]), e.message.split("\n")[0] ?? e.message),
  );
  if (syntax.length > 0) throw new ConfigError(syntax);
  const value = (doc.toJS({ maxAliasCount: 100 }) ?? {}) as unknown;
  const validate = configValidator();
  const valid = validate(value);
  const problems = [
    ...(valid ? [] : (validate.errors ?? []).filter(meaningful).map((e) => describe(e, doc.contents, at))),
    ...decimalsProblems(value, doc.contents, at),
  ];
  if (problems.length > 0) throw new ConfigError(dedupe(problems).sort((a, b) => a.line - b.line || a.column - b.column));
  return resolveConfig(value as Config);
}

/** Drops the noise of `oneOf` branches, keeping the error that says what the value should be. */
function meaningful(e: ErrorObject): boolean {
  if (e.keyword === "propertyNames") return false;
  return !(e.schemaPath.includes("/oneOf/") && e.keyword !== "oneOf");
}

function dedupe(problems: ConfigProblem[]): ConfigProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = formatProblem(p);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

type At = (offset: number | undefined, key: string, message: string) => ConfigProblem;

/** The YAML node at a JSON pointer, and the pair whose key names its last segment. */
function nodeAt(root: unknown, pointer: string): { node: Node | undefined; keyNode: Node | undefined } {
  let node = root as Node | undefined;
  let keyNode: Node | undefined;
  for (const raw of pointer.split("/").slice(1)) {
    const seg = raw.replaceAll("~1", "/").replaceAll("~0", "~");
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === seg);
      keyNode = pair?.key as Node | undefined;
      node = pair?.value as Node | undefined;
    } else if (isSeq(node)) {
      node = node.items[Number(seg)] as Node | undefined;
      keyNode = undefined;
    } else {
      return { node: undefined, keyNode: undefined };
    }
  }
  return { node, keyNode };
}

/** The dotted key whose key or value spans `offset`, for errors the YAML parser locates by offset only. */
function keyAtOffset(root: unknown, offset: number): string {
  const path: string[] = [];
  let node = root as Node | undefined;
  for (;;) {
    let next: Node | undefined;
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = pair.key as Node | undefined;
        const value = pair.value as Node | undefined;
        const start = key?.range?.[0] ?? Number.POSITIVE_INFINITY;
        // range[1] ends at the value itself, before any white space or comment that follows it.
        const end = value?.range?.[1] ?? key?.range?.[1] ?? start;
        if (offset >= start && offset <= end) {
          path.push(isScalar(key) ? String(key.value) : "?");
          next = value && offset >= (value.range?.[0] ?? Number.POSITIVE_INFINITY) ? value : undefined;
          break;
        }
      }
    } else if (isSeq(node)) {
      for (const [i, item] of node.items.entries()) {
        const r = (item as Node).range;
        if (r && offset >= r[0] && offset <= r[1]) {
          path.push(String(i));
          next = item as Node;
        }
      }
    }
    if (!next) return path.join(".");
    node = next;
  }
}

function found(node: Node | undefined): string {
  if (isScalar(node)) return `found ${JSON.stringify(node.value)}`;
  if (isMap(node)) return "found a mapping";
  if (isSeq(node)) return "found a list";
  return "found nothing";
}

function describe(e: ErrorObject, root: unknown, at: At): ConfigProblem {
  if (e.propertyName !== undefined) {
    // A member name that breaks `propertyNames`: located at the name itself.
    const child = nodeAt(root, `${e.instancePath}/${e.propertyName.replaceAll("~", "~0").replaceAll("/", "~1")}`);
    const key = [...e.instancePath.split("/").slice(1), e.propertyName].join(".");
    return at(child.keyNode?.range?.[0], key, `found the key ${JSON.stringify(e.propertyName)}; expected a numeric GitHub account id`);
  }
  const { node, keyNode } = nodeAt(root, e.instancePath);
  const key = e.instancePath.split("/").slice(1).join(".");
  if (e.keyword === "additionalProperties") {
    const name = (e.params as { additionalProperty: string }).additionalProperty;
    const known = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
    const child = nodeAt(root, `${e.instancePath}/${name.replaceAll("~", "~0").replaceAll("/", "~1")}`);
    const fullKey = key ? `${key}.${name}` : name;
    return at(child.keyNode?.range?.[0], fullKey, `unknown key; expected one of ${known.join(", ")}${suggestion(name, known)}`);
  }
  const params = e.params as Record<string, unknown>;
  const explain: Record<string, () => string> = {
    enum: () => `one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`,
    const: () => JSON.stringify(params.allowedValue),
    type: () => (/^[aeiou]/.test(String(params.type)) ? `an ${String(params.type)}` : `a ${String(params.type)}`),
    required: () => `a value for '${String(params.missingProperty)}'`,
    oneOf: () => "a label name or a list of label names",
    minimum: () => `a number ≥ ${String(params.limit)}`,
    maximum: () => `a number ≤ ${String(params.limit)}`,
    minProperties: () => "`match` and at least one of add, multiply, void, skill",
    pattern: () => `text matching ${String(params.pattern)}`,
  };
  const expected = explain[e.keyword]?.() ?? e.message ?? "a valid value";
  return at((node ?? keyNode)?.range?.[0], key, `${found(node)}; expected ${expected}`);
}

/** Points and multipliers are exact to three decimals: the ledger stores them as integers. */
function decimalsProblems(config: unknown, root: unknown, at: At): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const visit = (value: unknown, pointer: string) => {
    if (typeof value === "number" && !Number.isInteger(value) && Math.abs(value * 1000 - Math.round(value * 1000)) > 1e-6) {
      const { node } = nodeAt(root, pointer);
      problems.push(at(node?.range?.[0], pointer.split("/").slice(1).join("."), `found ${value}; expected at most three decimals`));
    } else if (typeof value === "object" && value !== null) {
      for (const [k, v] of Object.entries(value)) visit(v, `${pointer}/${k}`);
    }
  };
  visit(config, "");
  return problems;
}
