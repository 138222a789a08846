/**
 * Every JSON Schema the project validates against, by name, with how many errors a check reports.
 * The bundles compile these ahead of time (scripts/build.mjs), so that no run pays for compiling them.
 */
import configSchema from "../../ledger/schema/config.schema.json" with { type: "json" };
import entrySchema from "../../ledger/schema/entry.schema.json" with { type: "json" };
import keysSchema from "../../ledger/schema/keys.schema.json" with { type: "json" };

// A body is an entry before the ledger numbers, chains and signs it: the same schema, less those fields.
const { allOf: _seqRule, ...bodyBase } = entrySchema;
const bodySchema = {
  ...bodyBase,
  $id: entrySchema.$id.replace("entry.schema", "entry-body.schema"),
  required: entrySchema.required.filter((k) => !["v", "seq", "sig"].includes(k)),
  properties: { ...entrySchema.properties, v: { const: 1 }, seq: false, prev: false, sig: false },
};

export interface SchemaSpec {
  readonly schema: object;
  /** Ledger data stops at its first error (verification names one); a configuration reports them all. */
  readonly report: "first" | "all";
}

export const SCHEMAS = {
  entry: { schema: entrySchema, report: "first" },
  body: { schema: bodySchema, report: "first" },
  keys: { schema: keysSchema, report: "first" },
  config: { schema: configSchema, report: "all" },
} as const satisfies Record<string, SchemaSpec>;

export type SchemaName = keyof typeof SCHEMAS;

/** The Ajv options each kind of report compiles with. */
export function ajvOptions(report: SchemaSpec["report"]): { strict: true; allErrors?: true; verbose?: true } {
  return report === "first" ? { strict: true } : { allErrors: true, strict: true, verbose: true };
}
