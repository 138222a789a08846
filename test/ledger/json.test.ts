import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalize, ijsonError, JsonSyntaxError, parseStrict } from "../../src/ledger/json.ts";
import { iJsonValue, leavesIJson } from "../helpers/ledger.ts";

/** The JsonSyntaxError `parseStrict(text)` throws, as plain data. */
function syntaxError(text: string): { line: number; column: number; reason: string } {
  try {
    parseStrict(text);
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    expect(e.message).toBe(`${e.line}:${e.column}: ${e.reason}`);
    return { line: e.line, column: e.column, reason: e.reason };
  }
  throw new Error(`parseStrict accepted ${JSON.stringify(text)}`);
}

describe("parseStrict refuses what I-JSON forbids, at the offending token", () => {
  it("duplicate member names, at the repeated name", () => {
    expect(syntaxError('{"a":1,"a":2}')).toEqual({ line: 1, column: 8, reason: 'duplicate member name "a"' });
  });

  it("duplicate member names in nested objects, on later lines too", () => {
    expect(syntaxError('{"x": {"b": 1,\n  "b": 2}}')).toEqual({ line: 2, column: 3, reason: 'duplicate member name "b"' });
    expect(syntaxError('[{"k":[{"d":0,"d":1}]}]')).toEqual({ line: 1, column: 15, reason: 'duplicate member name "d"' });
    // Names spelled differently but equal once unescaped are the same name.
    expect(syntaxError('{"\\u0061":1,"a":2}')).toEqual({ line: 1, column: 13, reason: 'duplicate member name "a"' });
  });

  it("the same name in different objects is not a duplicate", () => {
    expect(parseStrict('{"a":{"a":1},"b":[{"a":2},{"a":3}]}')).toEqual({ a: { a: 1 }, b: [{ a: 2 }, { a: 3 }] });
  });

  it("integers beyond ±(2^53−1), which JSON.parse would silently round", () => {
    expect(syntaxError("9007199254740992")).toEqual({
      line: 1,
      column: 1,
      reason: "integer 9007199254740992 is outside the I-JSON safe range ±(2^53−1)",
    });
    expect(syntaxError('{"n": -9007199254740992}')).toEqual({
      line: 1,
      column: 7,
      reason: "integer -9007199254740992 is outside the I-JSON safe range ±(2^53−1)",
    });
    expect(syntaxError("[0,\n 12345678901234567890]")).toMatchObject({ line: 2, column: 2 });
  });

  it("accepts the largest safe integers exactly", () => {
    expect(parseStrict("[9007199254740991,-9007199254740991]")).toEqual([Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER]);
  });

  it("numbers beyond the range of a double", () => {
    expect(syntaxError("1e400")).toEqual({ line: 1, column: 1, reason: "number 1e400 is outside the range of an IEEE 754 double" });
    expect(syntaxError("[1, -1E+400]")).toEqual({
      line: 1,
      column: 5,
      reason: "number -1E+400 is outside the range of an IEEE 754 double",
    });
  });

  it("lone surrogates, escaped or raw, in values and in member names", () => {
    const reason = "string holds a lone surrogate, which I-JSON forbids";
    expect(syntaxError('"\\ud800"')).toEqual({ line: 1, column: 1, reason });
    expect(syntaxError('{"a":"x\\udc00"}')).toEqual({ line: 1, column: 6, reason });
    expect(syntaxError('{"\\udfff":1}')).toEqual({ line: 1, column: 2, reason });
    expect(syntaxError('["ok",\n  "\uD800"]')).toEqual({ line: 2, column: 3, reason });
  });

  it("a surrogate pair is one well-formed character", () => {
    expect(parseStrict('"\\ud83d\\ude00"')).toBe("\u{1F600}");
  });

  it("text after the value", () => {
    const reason = "unexpected text after the JSON value";
    expect(syntaxError("{} x")).toEqual({ line: 1, column: 4, reason });
    expect(syntaxError("1 2")).toEqual({ line: 1, column: 3, reason });
    expect(syntaxError('{"a":1}\n}')).toEqual({ line: 2, column: 1, reason });
    expect(parseStrict(' {"a":1} \n\t\r\n')).toEqual({ a: 1 });
  });

  it("raw control characters inside strings, at the character", () => {
    const reason = "control character in string";
    expect(syntaxError('"a\tb"')).toEqual({ line: 1, column: 3, reason });
    expect(syntaxError('[\n"x\u0001"]')).toEqual({ line: 2, column: 3, reason });
    expect(syntaxError('{"k\u001f":1}')).toEqual({ line: 1, column: 4, reason });
    // Escaped control characters are fine; DEL is not a control character in JSON.
    expect(parseStrict('"\\t\\u0001\u007f"')).toBe("\t\u0001\u007f");
  });

  it("plain syntax errors are located too", () => {
    expect(syntaxError("")).toEqual({ line: 1, column: 1, reason: "unexpected end of input" });
    expect(syntaxError('{"a" 1}')).toEqual({ line: 1, column: 6, reason: "expected ':'" });
    expect(syntaxError('{"a":1,}')).toEqual({ line: 1, column: 8, reason: "expected a member name in double quotes" });
    expect(syntaxError('"abc')).toEqual({ line: 1, column: 1, reason: "unterminated string" });
    expect(syntaxError("tru")).toEqual({ line: 1, column: 1, reason: "expected 'true'" });
  });

  it('keeps "__proto__" as a plain member, never as the prototype', () => {
    const value = parseStrict('{"__proto__":{"polluted":true},"a":1}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(["__proto__", "a"]);
    expect(Object.getOwnPropertyDescriptor(value, "__proto__")?.value).toEqual({ polluted: true });
    expect(value.polluted).toBeUndefined();
    expect(canonicalize(value)).toBe('{"__proto__":{"polluted":true},"a":1}');
    expect(syntaxError('{"__proto__":1,"__proto__":2}')).toMatchObject({ column: 16, reason: 'duplicate member name "__proto__"' });
  });
});

describe("parseStrict agrees with JSON.parse on I-JSON", () => {
  // Integers past 2^53 never come out of iJsonValue; these arrays carry one, always written without
  // an exponent (below 10^21), where I-JSON needs the parser to refuse what JSON.parse would round.
  const bigInteger = fc.bigInt({ min: 2n ** 53n, max: 10n ** 20n }).chain((b) => fc.constantFrom(Number(b), -Number(b)));
  const withBigInteger = fc.tuple(fc.array(iJsonValue, { maxLength: 3 }), fc.array(iJsonValue, { maxLength: 2 }), bigInteger);

  it("parses any I-JSON text, compact or indented, as JSON.parse does", () => {
    fc.assert(
      fc.property(iJsonValue, fc.constantFrom(undefined, 2), (v, indent) => {
        const text = JSON.stringify(v, null, indent);
        expect(parseStrict(text)).toStrictEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it("refuses a text holding an integer beyond ±(2^53−1), at that integer", () => {
    fc.assert(
      fc.property(withBigInteger, ([before, after, big]) => {
        const text = JSON.stringify([...before, big, ...after]);
        // The elements before it serialise the same whatever follows them.
        const column = JSON.stringify([...before, 0]).length - 1;
        expect(syntaxError(text)).toEqual({ line: 1, column, reason: `integer ${big} is outside the I-JSON safe range ±(2^53−1)` });
      }),
      { numRuns: 100 },
    );
  });

  it("canonicalize is idempotent and independent of the input's formatting", () => {
    fc.assert(
      fc.property(iJsonValue, (v) => {
        const canonical = canonicalize(v);
        expect(canonicalize(parseStrict(canonical))).toBe(canonical);
        expect(canonicalize(parseStrict(JSON.stringify(v, null, 3)))).toBe(canonical);
        expect(parseStrict(canonical)).toStrictEqual(JSON.parse(JSON.stringify(v)));
      }),
      { numRuns: 300 },
    );
  });
});

describe("canonicalize (RFC 8785)", () => {
  it("sorts member names by UTF-16 code units (RFC 8785 §3.2.3)", () => {
    const value = {
      "\u20ac": "Euro Sign",
      "\r": "Carriage Return",
      "\ufb33": "Hebrew Letter Dalet With Dagesh",
      "1": "One",
      "\ud83d\ude00": "Emoji: Grinning Face",
      "\u0080": "Control",
      "\u00f6": "Latin Small Letter O With Diaeresis",
    };
    expect(canonicalize(value)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis",' +
        '"\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it("writes numbers as ECMAScript does (RFC 8785 §3.2.2.3)", () => {
    expect(canonicalize(parseStrict("[1E21, 1e-7, 0.000001, -0, 333333333.33333329, 4.50, 2e-3, 1e23]"))).toBe(
      "[1e+21,1e-7,0.000001,0,333333333.3333333,4.5,0.002,1e+23]",
    );
  });

  it("refuses values JSON cannot represent", () => {
    expect(() => canonicalize(undefined)).toThrow(TypeError);
    expect(() => canonicalize(Number.NaN)).toThrow();
    expect(() => canonicalize("\ud800")).toThrow();
  });
});

describe("ijsonError names the first value outside I-JSON by its path", () => {
  it("an unsafe integer, a lone surrogate and a noncharacter, however deep", () => {
    expect(ijsonError({ a: [1, { b: 2 ** 53 }] })).toBe("entry.a[1].b: 9007199254740992 is outside the I-JSON safe integer range");
    expect(ijsonError([{ x: "ok" }, "\ud800"], "body")).toBe("body[1]: string holds a lone surrogate");
    expect(ijsonError({ inputs: { note: "a\ufdd0" } })).toBe("entry.inputs.note: string holds a Unicode noncharacter");
    expect(ijsonError(-(2 ** 60))).toBe(`entry: ${-(2 ** 60)} is outside the I-JSON safe integer range`);
  });

  it("a member name at the object holding it, and the first problem in member order", () => {
    expect(ijsonError({ a: { "\uffff": 1 } })).toBe("entry.a: member name holds a Unicode noncharacter");
    expect(ijsonError({ a: 2 ** 60, b: "\udc00" })).toBe(`entry.a: ${2 ** 60} is outside the I-JSON safe integer range`);
  });

  it("nothing for I-JSON values, and something for every value a writer must not write", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3, stringUnit: "binary" }), (value) => {
        expect(ijsonError(value) !== undefined).toBe(leavesIJson(value));
      }),
    );
    fc.assert(
      fc.property(iJsonValue, (value) => {
        expect(ijsonError(value)).toBeUndefined();
      }),
    );
  });
});
