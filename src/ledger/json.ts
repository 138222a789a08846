/**
 * The ledger's one JSON dialect: I-JSON (RFC 7493) in, RFC 8785 (JCS) canonical bytes out.
 */
import jcs from "canonicalize";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A JSON text that is not I-JSON, located by 1-based line and column. */
export class JsonSyntaxError extends Error {
  override name = "JsonSyntaxError";
  readonly reason: string;
  readonly line: number;
  readonly column: number;
  constructor(reason: string, line: number, column: number) {
    super(`${line}:${column}: ${reason}`);
    this.reason = reason;
    this.line = line;
    this.column = column;
  }
}

/** RFC 8785 canonical form of a JSON value. Throws on values JSON cannot represent. */
export function canonicalize(value: unknown): string {
  // Where every object's members are already in JCS order, V8's native JSON.stringify emits exactly
  // the JCS bytes (RFC 8785 took its number and string rules from ECMAScript), several times faster.
  if (isInJcsOrder(value, false)) return JSON.stringify(value);
  const text = jcs(value);
  if (text === undefined) throw new TypeError("value has no JSON representation");
  return text;
}

/**
 * The JCS form of `value` if it is I-JSON with every object's members already in JCS order, as each
 * entry parsed from a canonical line is; undefined otherwise, for the caller to find out what is
 * wrong the slower way. One walk and one search check both, where verification would otherwise walk
 * every entry twice (canonicalize, then ijsonError).
 */
export function canonicalIJson(value: unknown): string | undefined {
  if (!isInJcsOrder(value, true)) return undefined;
  const text = JSON.stringify(value);
  // JCS writes a noncharacter as itself, so one search of the text finds any string holding one.
  return NONCHARACTER.test(text) ? undefined : text;
}

/**
 * Whether JSON.stringify of `value` is its JCS form: plain data whose object members enumerate in
 * strictly ascending UTF-16 order (V8 enumerates integer-like names first, so those fail this test
 * unless already in order), with finite numbers and well-formed strings; and with `safe`, no integer
 * beyond ±(2^53−1) either.
 */
function isInJcsOrder(value: unknown, safe: boolean): boolean {
  switch (typeof value) {
    case "string":
      return value.isWellFormed();
    case "number":
      // Every binary64 value beyond ±(2^53−1) is an integer, and an unsafe one.
      return safe ? Math.abs(value) <= Number.MAX_SAFE_INTEGER : Number.isFinite(value);
    case "boolean":
      return true;
    case "object": {
      if (value === null) return true;
      if (Array.isArray(value)) return value.every((item) => isInJcsOrder(item, safe));
      if (Object.getPrototypeOf(value) !== Object.prototype) return false;
      let previous: string | undefined;
      for (const key in value) {
        if (previous !== undefined && !(previous < key)) return false;
        if (!key.isWellFormed() || !isInJcsOrder((value as Record<string, unknown>)[key], safe)) return false;
        previous = key;
      }
      return true;
    }
    default:
      return false;
  }
}

const NONCHARACTER =
  /[\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]/;

/** Why a string is not I-JSON (RFC 7493 §2.1), or undefined. */
function stringError(value: string): string | undefined {
  if (!value.isWellFormed()) return "holds a lone surrogate";
  if (NONCHARACTER.test(value)) return "holds a Unicode noncharacter";
  return undefined;
}

/**
 * The first place `value` leaves I-JSON (RFC 7493): an integer beyond ±(2^53−1), which other
 * implementations would round, or a string with a lone surrogate or a noncharacter. Checks parsed
 * data, since a canonical re-serialisation can round-trip such values unchanged.
 */
export function ijsonError(value: unknown, path = "entry"): string | undefined {
  const problem = ijsonProblem(value);
  return problem && `${path}${problem.at}: ${problem.reason}`;
}

/**
 * ijsonError's walk, with the path below `value` ("", ".a", "[2].b") made only for the problem found:
 * verification walks every entry, and a path string per value cost more than the checks.
 */
function ijsonProblem(value: unknown): { at: string; reason: string } | undefined {
  if (typeof value === "number") {
    return Number.isInteger(value) && !Number.isSafeInteger(value)
      ? { at: "", reason: `${value} is outside the I-JSON safe integer range` }
      : undefined;
  }
  if (typeof value === "string") {
    const e = stringError(value);
    return e ? { at: "", reason: `string ${e}` } : undefined;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = ijsonProblem(value[i]);
      if (p) return { at: `[${i}]${p.at}`, reason: p.reason };
    }
    return undefined;
  }
  if (typeof value === "object" && value !== null) {
    for (const k of Object.keys(value)) {
      const e = stringError(k);
      if (e) return { at: "", reason: `member name ${e}` };
      const p = ijsonProblem((value as Record<string, unknown>)[k]);
      if (p) return { at: `.${k}${p.at}`, reason: p.reason };
    }
  }
  return undefined;
}

/**
 * Parses I-JSON strictly: duplicate member names, integers outside ±(2^53−1), non-finite numbers and
 * lone surrogates are errors, where `JSON.parse` would silently keep the last duplicate or round the
 * number. Errors carry the line and column of the offending token.
 */
export function parseStrict(text: string): Json {
  return new StrictParser(text).parseDocument();
}

const WS = new Set([" ", "\t", "\n", "\r"]);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const INTEGER = /^-?(?:0|[1-9]\d*)$/;

class StrictParser {
  private pos = 0;
  private readonly text: string;
  constructor(text: string) {
    this.text = text;
  }

  parseDocument(): Json {
    this.skipWs();
    const value = this.parseValue();
    this.skipWs();
    if (this.pos < this.text.length) this.fail("unexpected text after the JSON value");
    return value;
  }

  private fail(reason: string, at = this.pos): never {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < at; i++) {
      if (this.text.charCodeAt(i) === 10) {
        line++;
        lineStart = i + 1;
      }
    }
    throw new JsonSyntaxError(reason, line, at - lineStart + 1);
  }

  private skipWs(): void {
    while (this.pos < this.text.length && WS.has(this.text[this.pos] as string)) this.pos++;
  }

  private expect(ch: string): void {
    if (this.text[this.pos] !== ch) this.fail(`expected '${ch}'`);
    this.pos++;
  }

  private parseValue(): Json {
    const ch = this.text[this.pos];
    switch (ch) {
      case "{":
        return this.parseObject();
      case "[":
        return this.parseArray();
      case '"':
        return this.parseString();
      case "t":
        return this.literal("true", true);
      case "f":
        return this.literal("false", false);
      case "n":
        return this.literal("null", null);
      default:
        if (ch === "-" || (ch !== undefined && ch >= "0" && ch <= "9")) return this.parseNumber();
        return this.fail(ch === undefined ? "unexpected end of input" : `unexpected character '${ch}'`);
    }
  }

  private literal<T extends Json>(word: string, value: T): T {
    if (!this.text.startsWith(word, this.pos)) this.fail(`expected '${word}'`);
    this.pos += word.length;
    return value;
  }

  private parseObject(): Json {
    this.pos++;
    const out: Record<string, Json> = {};
    const seen = new Set<string>();
    this.skipWs();
    if (this.text[this.pos] === "}") {
      this.pos++;
      return out;
    }
    for (;;) {
      this.skipWs();
      const keyAt = this.pos;
      if (this.text[this.pos] !== '"') this.fail("expected a member name in double quotes");
      const key = this.parseString();
      if (seen.has(key)) this.fail(`duplicate member name ${JSON.stringify(key)}`, keyAt);
      seen.add(key);
      this.skipWs();
      this.expect(":");
      this.skipWs();
      // defineProperty, not assignment: a member named "__proto__" must stay a plain member.
      Object.defineProperty(out, key, { value: this.parseValue(), enumerable: true, writable: true, configurable: true });
      this.skipWs();
      if (this.text[this.pos] === ",") {
        this.pos++;
        continue;
      }
      this.expect("}");
      return out;
    }
  }

  private parseArray(): Json {
    this.pos++;
    const out: Json[] = [];
    this.skipWs();
    if (this.text[this.pos] === "]") {
      this.pos++;
      return out;
    }
    for (;;) {
      this.skipWs();
      out.push(this.parseValue());
      this.skipWs();
      if (this.text[this.pos] === ",") {
        this.pos++;
        continue;
      }
      this.expect("]");
      return out;
    }
  }

  private parseString(): string {
    const start = this.pos;
    this.pos++;
    for (;;) {
      const c = this.text.charCodeAt(this.pos);
      if (Number.isNaN(c)) this.fail("unterminated string", start);
      if (c === 0x22) break;
      if (c < 0x20) this.fail("control character in string");
      this.pos += c === 0x5c ? 2 : 1;
    }
    this.pos++;
    let value: string;
    try {
      value = JSON.parse(this.text.slice(start, this.pos)) as string;
    } catch {
      return this.fail("invalid escape in string", start);
    }
    const problem = stringError(value);
    if (problem) this.fail(`string ${problem}, which I-JSON forbids`, start);
    return value;
  }

  private parseNumber(): number {
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.text);
    if (!match) return this.fail("invalid number");
    const literal = match[0];
    const value = Number(literal);
    if (!Number.isFinite(value)) this.fail(`number ${literal} is outside the range of an IEEE 754 double`);
    if (INTEGER.test(literal) && !Number.isSafeInteger(value)) {
      this.fail(`integer ${literal} is outside the I-JSON safe range ±(2^53−1)`);
    }
    this.pos += literal.length;
    return value;
  }
}
