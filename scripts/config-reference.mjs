// Writes docs/config-reference.md from ledger/schema/config.schema.json, so that the reference for
// every configuration key says what the schema (which the action enforces) says, and nothing else.
// With --check, writes nothing and exits 1 when the file differs from what the schema generates.
//
//   node scripts/config-reference.mjs [--check] [<output file>]
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const SCHEMA = join(root, "ledger/schema/config.schema.json");
const DEFAULT_OUT = join(root, "docs/config-reference.md");

/** `$ref` to `#/$defs/<name>` merged under the referring schema, which wins where both say something. */
function resolveRef(schema, defs) {
  if (!schema.$ref) return { schema, def: undefined };
  const name = schema.$ref.replace("#/$defs/", "");
  const def = defs[name];
  if (!def) throw new Error(`${SCHEMA}: unknown $ref ${schema.$ref}`);
  const { $ref: _ref, ...rest } = schema;
  return { schema: { ...def, ...rest, description: rest.description }, def: { name, ...def } };
}

const code = (v) => `\`${typeof v === "string" ? v : JSON.stringify(v)}\``;

/** The type column: the JSON type with the schema's constraints on it, in words. */
function typeOf(schema, def) {
  if ("const" in schema) return `${code(schema.const)} (the only value)`;
  if (schema.enum) return `one of ${schema.enum.map(code).join(", ")}`;
  if (schema.oneOf) return schema.oneOf.map((s) => typeOf(s)).join(", or ");
  let text;
  if (schema.type === "array") {
    const items = schema.items ?? {};
    text = items.type === "object" ? "list of tables" : `list of ${items.minLength ? "non-empty " : ""}${items.type ?? "value"}s`;
    if (schema.minItems !== undefined) text += `, at least ${schema.minItems}`;
    if (schema.maxItems !== undefined) text += `, at most ${schema.maxItems}`;
  } else if (schema.type === "object") {
    text = "table";
  } else {
    text = `${schema.minLength ? "non-empty " : ""}${schema.type}`;
    const { minimum: min, maximum: max } = schema;
    if (min !== undefined && max !== undefined) text += ` from ${min} to ${max}`;
    else if (min !== undefined) text += ` ≥ ${min}`;
    else if (max !== undefined) text += ` ≤ ${max}`;
    if (schema.pattern) text += ` matching ${code(schema.pattern)}`;
  }
  // The shared definitions say what a value means (points, a factor) and how precise it may be.
  return def?.description ? `${text} (${def.description.replace(/\.$/, "").replace(/^./, (c) => c.toLowerCase())})` : text;
}

/** A description split into its text and its documented default ("… Default: 25."). */
function splitDefault(description = "") {
  const m = /^(.*?)\s*Default:\s*(.+?)\.?\s*$/s.exec(description);
  return m ? { text: m[1], default: m[2] } : { text: description, default: "" };
}

/** One row per key, nested keys dotted, list items as `[]` and free-form keys as `<name>`. */
function rows(schema, defs, path, out) {
  for (const [name, raw] of Object.entries(schema.properties ?? {})) {
    const { schema: s, def } = resolveRef(raw, defs);
    const key = path ? `${path}.${name}` : name;
    const { text, default: dflt } = splitDefault(s.description);
    out.push({ key, type: typeOf(s, def), default: dflt, description: text, required: (schema.required ?? []).includes(name) });
    if (s.type === "object") rows(s, defs, key, out);
    if (s.type === "array" && s.items?.type === "object") rows(s.items, defs, `${key}[]`, out);
  }
  if (schema.additionalProperties && typeof schema.additionalProperties === "object") {
    const { schema: s, def } = resolveRef(schema.additionalProperties, defs);
    const pattern = schema.propertyNames?.pattern;
    const key = `${path}.<name>`;
    const names = pattern ? `Each name matches ${code(pattern)}.` : "";
    out.push({ key, type: typeOf(s, def), default: "", description: [names, s.description ?? ""].join(" ").trim(), required: false });
  }
  return out;
}

const cell = (text) => String(text).replaceAll("|", "\\|").replaceAll("\n", " ");

export function generate(schema) {
  const defs = schema.$defs ?? {};
  const lines = [
    "# Configuration reference: `.github/meritlog.yml`",
    "",
    "<!-- Generated from ledger/schema/config.schema.json by scripts/config-reference.mjs: edit the schema, then run it. -->",
    "",
    schema.description,
    "",
    "Editors that speak the YAML language server complete and check the file with the schema:",
    "",
    "```yaml",
    `# yaml-language-server: $schema=${schema.$id}`,
    "version: 1",
    "```",
    "",
    "`meritlog check-config` reports every problem with its file:line:col. Unknown keys are errors.",
  ];
  for (const [name, raw] of Object.entries(schema.properties)) {
    const { schema: s } = resolveRef(raw, defs);
    const all = rows({ properties: { [name]: raw } }, defs, "", []);
    const { text } = splitDefault(s.description);
    lines.push("", `## \`${name}\``, "");
    if (text) lines.push(text, "");
    lines.push("| Key | Type | Default | Description |", "| --- | --- | --- | --- |");
    // A table's own row would repeat the section's introduction.
    for (const r of all.filter((r) => r.type !== "table")) {
      const description = r.required ? `Required. ${r.description}`.trim() : r.description;
      lines.push(`| \`${cell(r.key)}\` | ${cell(r.type)} | ${cell(r.default || "—")} | ${cell(description || "—")} |`);
    }
  }
  return `${lines.join("\n")}\n`;
}

function main(argv) {
  const check = argv.includes("--check");
  const unknown = argv.filter((a) => a.startsWith("-") && a !== "--check");
  const files = argv.filter((a) => !a.startsWith("-"));
  if (unknown.length > 0 || files.length > 1) {
    console.error("usage: node scripts/config-reference.mjs [--check] [<output file>]");
    return 2;
  }
  const out = files[0] ? resolve(files[0]) : DEFAULT_OUT;
  const text = generate(JSON.parse(readFileSync(SCHEMA, "utf8")));
  const shown = relative(process.cwd(), out) || out;
  if (!check) {
    writeFileSync(out, text);
    console.log(`wrote ${shown}`);
    return 0;
  }
  let current;
  try {
    current = readFileSync(out, "utf8");
  } catch {
    current = undefined;
  }
  if (current === text) {
    console.log(`${shown} is up to date with the schema`);
    return 0;
  }
  console.error(
    `${shown} ${current === undefined ? "is missing" : "is out of date with ledger/schema/config.schema.json"}: run node scripts/config-reference.mjs`,
  );
  return 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));
