import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
var __getOwnPropNames = Object.getOwnPropertyNames;
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};

// node_modules/ajv/dist/runtime/ucs2length.js
var require_ucs2length = __commonJS({
  "node_modules/ajv/dist/runtime/ucs2length.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    function ucs2length(str) {
      const len = str.length;
      let length = 0;
      let pos = 0;
      let value;
      while (pos < len) {
        length++;
        value = str.charCodeAt(pos++);
        if (value >= 55296 && value <= 56319 && pos < len) {
          value = str.charCodeAt(pos);
          if ((value & 64512) === 56320)
            pos++;
        }
      }
      return length;
    }
    exports.default = ucs2length;
    ucs2length.code = 'require("ajv/dist/runtime/ucs2length").default';
  }
});

// src/store/verify-worker.ts
import { readFileSync } from "node:fs";
import { join } from "node:path";

// src/ledger/check-lines.ts
import { isUtf8 } from "node:buffer";

// src/ledger/dsse.ts
function pae(payloadType, ...body) {
  let length = 0;
  for (const part of body) length += part.length;
  const head = `DSSEv1 ${Buffer.byteLength(payloadType)} ${payloadType} ${length} `;
  const out = Buffer.allocUnsafe(Buffer.byteLength(head) + length);
  let at = out.write(head);
  for (const part of body) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

// node_modules/canonicalize/lib/canonicalize.js
function serializeString(value) {
  if (!value.isWellFormed()) {
    throw new Error("Lone surrogate is not allowed");
  }
  return JSON.stringify(value);
}
function serializePrimitive(value) {
  switch (typeof value) {
    case "number":
      if (isNaN(value)) {
        throw new Error("NaN is not allowed");
      }
      if (!isFinite(value)) {
        throw new Error("Infinity is not allowed");
      }
      return JSON.stringify(value);
    case "string":
      return serializeString(value);
    case "boolean":
      return value ? "true" : "false";
    default:
      return JSON.stringify(value);
  }
}
function enterValue(value, seen) {
  let wrappers = null;
  while (value !== null && typeof value === "object" && typeof value.toJSON === "function") {
    if (seen.has(value)) {
      throw new Error("Circular reference detected");
    }
    seen.add(value);
    (wrappers ??= []).push(value);
    value = value.toJSON();
  }
  if (value instanceof Number || value instanceof String || value instanceof Boolean) {
    value = value.valueOf();
  }
  if (value === null || typeof value !== "object") {
    if (wrappers !== null) {
      for (const wrapper of wrappers) seen.delete(wrapper);
    }
    return serializePrimitive(value);
  }
  if (seen.has(value)) {
    throw new Error("Circular reference detected");
  }
  seen.add(value);
  return {
    container: value,
    // null marks an array frame; object frames carry their sorted keys.
    // `sort()`'s default comparator orders by UTF-16 code unit, which is the
    // order JCS requires.
    keys: Array.isArray(value) ? null : Object.keys(value).sort(),
    // Next child to serialize; the frame resumes here after a nested
    // container's subtree completes.
    index: 0,
    // Whether no member has been emitted yet (controls comma placement).
    first: true,
    // toJSON wrappers to release from `seen` when this frame completes.
    wrappers
  };
}
function canonicalize(object) {
  if (object === null || typeof object !== "object") {
    return serializePrimitive(object);
  }
  const seen = /* @__PURE__ */ new Set();
  const root = enterValue(object, seen);
  if (typeof root !== "object") {
    return root;
  }
  let result = root.keys === null ? "[" : "{";
  const stack = [root];
  outer:
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      const container = frame.container;
      if (frame.keys === null) {
        while (frame.index < container.length) {
          const i = frame.index++;
          if (i > 0) {
            result += ",";
          }
          const element = container[i];
          const value = element === void 0 || typeof element === "symbol" || typeof element === "function" ? null : element;
          if (value === null || typeof value !== "object") {
            result += serializePrimitive(value);
            continue;
          }
          const child = enterValue(value, seen);
          if (typeof child !== "object") {
            result += child === void 0 ? "null" : child;
            continue;
          }
          result += child.keys === null ? "[" : "{";
          stack.push(child);
          continue outer;
        }
        result += "]";
      } else {
        const keys = frame.keys;
        while (frame.index < keys.length) {
          const key = keys[frame.index++];
          const value = container[key];
          if (value === void 0 || typeof value === "symbol" || typeof value === "function") {
            continue;
          }
          if (value === null || typeof value !== "object") {
            if (frame.first) {
              frame.first = false;
            } else {
              result += ",";
            }
            result += serializeString(key) + ":" + serializePrimitive(value);
            continue;
          }
          const child = enterValue(value, seen);
          if (child === void 0) {
            continue;
          }
          if (frame.first) {
            frame.first = false;
          } else {
            result += ",";
          }
          result += serializeString(key) + ":";
          if (typeof child !== "object") {
            result += child;
            continue;
          }
          result += child.keys === null ? "[" : "{";
          stack.push(child);
          continue outer;
        }
        result += "}";
      }
      seen.delete(container);
      if (frame.wrappers !== null) {
        for (const wrapper of frame.wrappers) seen.delete(wrapper);
      }
      stack.pop();
    }
  return result;
}

// src/ledger/json.ts
var JsonSyntaxError = class extends Error {
  name = "JsonSyntaxError";
  reason;
  line;
  column;
  constructor(reason, line, column) {
    super(`${line}:${column}: ${reason}`);
    this.reason = reason;
    this.line = line;
    this.column = column;
  }
};
function canonicalize2(value) {
  if (isInJcsOrder(value, false)) return JSON.stringify(value);
  const text = canonicalize(value);
  if (text === void 0) throw new TypeError("value has no JSON representation");
  return text;
}
function canonicalIJson(value) {
  if (!isInJcsOrder(value, true)) return void 0;
  const text = JSON.stringify(value);
  return NONCHARACTER.test(text) ? void 0 : text;
}
function isInJcsOrder(value, safe) {
  switch (typeof value) {
    case "string":
      return value.isWellFormed();
    case "number":
      return safe ? Math.abs(value) <= Number.MAX_SAFE_INTEGER : Number.isFinite(value);
    case "boolean":
      return true;
    case "object": {
      if (value === null) return true;
      if (Array.isArray(value)) return value.every((item) => isInJcsOrder(item, safe));
      if (Object.getPrototypeOf(value) !== Object.prototype) return false;
      let previous;
      for (const key in value) {
        if (previous !== void 0 && !(previous < key)) return false;
        if (!key.isWellFormed() || !isInJcsOrder(value[key], safe)) return false;
        previous = key;
      }
      return true;
    }
    default:
      return false;
  }
}
var NONCHARACTER = /[\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]/;
function stringError(value) {
  if (!value.isWellFormed()) return "holds a lone surrogate";
  if (NONCHARACTER.test(value)) return "holds a Unicode noncharacter";
  return void 0;
}
function ijsonError(value, path = "entry") {
  const problem = ijsonProblem(value);
  return problem && `${path}${problem.at}: ${problem.reason}`;
}
function ijsonProblem(value) {
  if (typeof value === "number") {
    return Number.isInteger(value) && !Number.isSafeInteger(value) ? { at: "", reason: `${value} is outside the I-JSON safe integer range` } : void 0;
  }
  if (typeof value === "string") {
    const e = stringError(value);
    return e ? { at: "", reason: `string ${e}` } : void 0;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = ijsonProblem(value[i]);
      if (p) return { at: `[${i}]${p.at}`, reason: p.reason };
    }
    return void 0;
  }
  if (typeof value === "object" && value !== null) {
    for (const k of Object.keys(value)) {
      const e = stringError(k);
      if (e) return { at: "", reason: `member name ${e}` };
      const p = ijsonProblem(value[k]);
      if (p) return { at: `.${k}${p.at}`, reason: p.reason };
    }
  }
  return void 0;
}
function parseStrict(text) {
  return new StrictParser(text).parseDocument();
}
var WS = /* @__PURE__ */ new Set([" ", "	", "\n", "\r"]);
var NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
var INTEGER = /^-?(?:0|[1-9]\d*)$/;
var StrictParser = class {
  pos = 0;
  text;
  constructor(text) {
    this.text = text;
  }
  parseDocument() {
    this.skipWs();
    const value = this.parseValue();
    this.skipWs();
    if (this.pos < this.text.length) this.fail("unexpected text after the JSON value");
    return value;
  }
  fail(reason, at = this.pos) {
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
  skipWs() {
    while (this.pos < this.text.length && WS.has(this.text[this.pos])) this.pos++;
  }
  expect(ch) {
    if (this.text[this.pos] !== ch) this.fail(`expected '${ch}'`);
    this.pos++;
  }
  parseValue() {
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
        if (ch === "-" || ch !== void 0 && ch >= "0" && ch <= "9") return this.parseNumber();
        return this.fail(ch === void 0 ? "unexpected end of input" : `unexpected character '${ch}'`);
    }
  }
  literal(word, value) {
    if (!this.text.startsWith(word, this.pos)) this.fail(`expected '${word}'`);
    this.pos += word.length;
    return value;
  }
  parseObject() {
    this.pos++;
    const out = {};
    const seen = /* @__PURE__ */ new Set();
    this.skipWs();
    if (this.text[this.pos] === "}") {
      this.pos++;
      return out;
    }
    for (; ; ) {
      this.skipWs();
      const keyAt = this.pos;
      if (this.text[this.pos] !== '"') this.fail("expected a member name in double quotes");
      const key = this.parseString();
      if (seen.has(key)) this.fail(`duplicate member name ${JSON.stringify(key)}`, keyAt);
      seen.add(key);
      this.skipWs();
      this.expect(":");
      this.skipWs();
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
  parseArray() {
    this.pos++;
    const out = [];
    this.skipWs();
    if (this.text[this.pos] === "]") {
      this.pos++;
      return out;
    }
    for (; ; ) {
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
  parseString() {
    const start = this.pos;
    this.pos++;
    for (; ; ) {
      const c = this.text.charCodeAt(this.pos);
      if (Number.isNaN(c)) this.fail("unterminated string", start);
      if (c === 34) break;
      if (c < 32) this.fail("control character in string");
      this.pos += c === 92 ? 2 : 1;
    }
    this.pos++;
    let value;
    try {
      value = JSON.parse(this.text.slice(start, this.pos));
    } catch {
      return this.fail("invalid escape in string", start);
    }
    const problem = stringError(value);
    if (problem) this.fail(`string ${problem}, which I-JSON forbids`, start);
    return value;
  }
  parseNumber() {
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.text);
    if (!match) return this.fail("invalid number");
    const literal = match[0];
    const value = Number(literal);
    if (!Number.isFinite(value)) this.fail(`number ${literal} is outside the range of an IEEE 754 double`);
    if (INTEGER.test(literal) && !Number.isSafeInteger(value)) {
      this.fail(`integer ${literal} is outside the I-JSON safe range \xB1(2^53\u22121)`);
    }
    this.pos += literal.length;
    return value;
  }
};

// src/ledger/keys.ts
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from "node:crypto";
var ALG_ED25519 = 1;
var PKCS8_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");
var SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");
var KeyFormatError = class extends Error {
  name = "KeyFormatError";
};
function checkKeyName(name) {
  if (name.length === 0 || /[+\s\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/u.test(name)) {
    throw new KeyFormatError(`key name ${JSON.stringify(name)} must be non-empty, without '+' or white space`);
  }
}
function keyId(name, publicKey) {
  const digest = createHash("sha256").update(name).update("\n").update(Buffer.from([ALG_ED25519])).update(publicKey).digest();
  return digest.readUInt32BE(0);
}
function keyIdHex(id) {
  return id.toString(16).padStart(8, "0");
}
function makeVerifier(name, publicKey) {
  checkKeyName(name);
  const key = createPublicKey({ key: Buffer.concat([SPKI_PREFIX, publicKey]), format: "der", type: "spki" });
  const id = keyId(name, publicKey);
  return {
    name,
    id,
    publicKey,
    vkey: `${name}+${keyIdHex(id)}+${Buffer.concat([Buffer.from([ALG_ED25519]), publicKey]).toString("base64")}`,
    // Node's verify is OpenSSL's: strict RFC 8032 checks (canonical S, no small-order tricks).
    verify: (message, signature) => signature.length === 64 && verify(null, message, key, signature)
  };
}
function splitKeyText(text, what) {
  const match = /^([^+]*)\+([^+]*)\+(.*)$/s.exec(text.trim());
  if (!match) throw new KeyFormatError(`${what} must look like <name>+<key id>+<base64 key>`);
  const [, name, hash2, b64] = match;
  checkKeyName(name);
  if (!/^[0-9a-f]{8}$/.test(hash2)) throw new KeyFormatError(`${what} key id '${hash2}' must be 8 lowercase hex digits`);
  const raw = Buffer.from(b64, "base64");
  if (raw.toString("base64") !== b64 || raw.length !== 33 || raw[0] !== ALG_ED25519) {
    throw new KeyFormatError(`${what} must hold base64 of 0x01 followed by a 32-byte Ed25519 key`);
  }
  return { name, id: Number.parseInt(hash2, 16), key: raw.subarray(1) };
}
function parseVerifierKey(vkey) {
  const { name, id, key } = splitKeyText(vkey, "verifier key");
  const verifier = makeVerifier(name, Buffer.from(key));
  if (verifier.id !== id) throw new KeyFormatError(`verifier key id ${keyIdHex(id)} does not match its name and key`);
  return verifier;
}

// validator:entry
var entry_default = validate20;
var schema31 = { "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://meritlog.dev/schema/entry.schema.json", "title": "meritlog ledger entry, format version 1", "description": "One line of a meritlog ledger, in RFC 8785 canonical form. See ledger/FORMAT.md.", "type": "object", "additionalProperties": false, "required": ["v", "seq", "id", "kind", "time", "repo", "actor", "subject", "points", "breakdown", "rules", "source", "sig"], "properties": { "v": { "const": 1, "description": "Format version." }, "seq": { "$ref": "#/$defs/count", "description": "Position in the ledger: 0 for the first entry, then contiguous." }, "prev": { "$ref": "#/$defs/hex256", "description": "Lowercase hex RFC 6962 leaf hash of entry seq-1's line. Absent at seq 0, present everywhere else." }, "id": { "$ref": "#/$defs/hex256", "description": "Lowercase hex SHA-256 of the fact key: the same fact always has the same id, so a replay is detectable." }, "kind": { "enum": ["award", "bonus", "penalty", "reversal", "badge", "state", "command"], "description": "What the entry records." }, "time": { "type": "string", "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]Z$", "description": "When the fact happened, RFC 3339 in UTC to the second." }, "repo": { "type": "object", "additionalProperties": false, "required": ["id", "name"], "properties": { "id": { "$ref": "#/$defs/count", "description": "GitHub's numeric repository id, stable across renames." }, "name": { "type": "string", "pattern": "^[A-Za-z0-9_.-]{1,100}/[A-Za-z0-9_.-]{1,100}$", "description": "owner/name when the fact happened." } } }, "actor": { "$ref": "#/$defs/account", "description": "Whose contribution the entry credits (or debits)." }, "subject": { "type": "object", "additionalProperties": false, "required": ["type", "url"], "properties": { "type": { "enum": ["pull_request", "issue", "review", "review_comment", "comment", "release", "commit", "repository", "entry"] }, "number": { "type": "integer", "minimum": 1, "maximum": 9007199254740991, "description": "PR or issue number, where the subject has one." }, "id": { "$ref": "#/$defs/count", "description": "GitHub's numeric id of a review, comment or release." }, "url": { "type": "string", "pattern": "^https://[^\\s]+$", "maxLength": 2048 } } }, "points": { "$ref": "#/$defs/millipoints", "description": "The entry's effect on the actor's score, in millipoints (1 point = 1000)." }, "breakdown": { "type": "array", "maxItems": 64, "description": "Rule contributions; their points sum to the entry's points.", "items": { "type": "object", "additionalProperties": false, "required": ["rule", "points"], "properties": { "rule": { "type": "string", "pattern": "^[a-z][a-z0-9_.:-]{0,63}$" }, "points": { "$ref": "#/$defs/millipoints" }, "note": { "type": "string", "maxLength": 200 } } } }, "rules": { "type": "string", "pattern": "^sha256:[0-9a-f]{64}$", "description": "Content hash of the rules document the points were computed with." }, "source": { "type": "object", "additionalProperties": false, "required": ["event"], "properties": { "event": { "type": "string", "pattern": "^[a-z_]{1,64}$", "description": "GitHub event name, or manual, reconcile, backfill, rescore." }, "action": { "type": "string", "pattern": "^[a-z_]{1,64}$" }, "delivery": { "type": "string", "maxLength": 128 }, "run": { "type": "string", "pattern": "^https://[^\\s]+$", "maxLength": 2048 } } }, "inputs": { "type": "object", "description": "The fact's measured values the points were computed from." }, "ref": { "$ref": "#/$defs/hex256", "description": "id of the earlier entry this one refers to (what a reversal reverses, what a command targets)." }, "reason": { "type": "string", "maxLength": 1e3 }, "by": { "$ref": "#/$defs/account", "description": "Who ordered the entry, for maintainer commands." }, "badge": { "type": "string", "pattern": "^[a-z][a-z0-9-]{0,63}$" }, "sig": { "type": "object", "additionalProperties": false, "required": ["keyid", "sig"], "properties": { "keyid": { "type": "string", "pattern": "^[^+\\s]+\\+[0-9a-f]{8}$", "description": "<key name>+<hex key id> of the signing key." }, "sig": { "type": "string", "pattern": "^[A-Za-z0-9+/]{86}==$", "description": "Base64 Ed25519 signature over the DSSE PAE of the entry without sig." } } } }, "allOf": [{ "if": { "properties": { "seq": { "const": 0 } }, "required": ["seq"] }, "then": { "properties": { "prev": false } }, "else": { "required": ["prev"] } }], "$defs": { "count": { "type": "integer", "minimum": 0, "maximum": 9007199254740991 }, "millipoints": { "type": "integer", "minimum": -9007199254740991, "maximum": 9007199254740991 }, "hex256": { "type": "string", "pattern": "^[0-9a-f]{64}$" }, "account": { "type": "object", "additionalProperties": false, "required": ["id", "login"], "properties": { "id": { "$ref": "#/$defs/count", "description": "GitHub's numeric account id: the identity, stable across renames." }, "login": { "type": "string", "pattern": "^[A-Za-z0-9](?:[A-Za-z0-9_-]{0,38})(?:\\[bot\\])?$" } } } } };
var func1 = Object.prototype.hasOwnProperty;
var func2 = require_ucs2length().default;
var pattern4 = new RegExp("^[0-9a-f]{64}$", "u");
var pattern6 = new RegExp("^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]Z$", "u");
var pattern7 = new RegExp("^[A-Za-z0-9_.-]{1,100}/[A-Za-z0-9_.-]{1,100}$", "u");
var pattern9 = new RegExp("^https://[^\\s]+$", "u");
var pattern10 = new RegExp("^[a-z][a-z0-9_.:-]{0,63}$", "u");
var pattern11 = new RegExp("^sha256:[0-9a-f]{64}$", "u");
var pattern12 = new RegExp("^[a-z_]{1,64}$", "u");
var pattern16 = new RegExp("^[a-z][a-z0-9-]{0,63}$", "u");
var pattern17 = new RegExp("^[^+\\s]+\\+[0-9a-f]{8}$", "u");
var pattern18 = new RegExp("^[A-Za-z0-9+/]{86}==$", "u");
var pattern8 = new RegExp("^[A-Za-z0-9](?:[A-Za-z0-9_-]{0,38})(?:\\[bot\\])?$", "u");
function validate21(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate21.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (data.id === void 0 && (missing0 = "id") || data.login === void 0 && (missing0 = "login")) {
        validate21.errors = [{ instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: missing0 }, message: "must have required property '" + missing0 + "'" }];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!(key0 === "id" || key0 === "login")) {
            validate21.errors = [{ instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" }];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.id !== void 0) {
            let data0 = data.id;
            const _errs2 = errors;
            const _errs3 = errors;
            if (!(typeof data0 == "number" && (!(data0 % 1) && !isNaN(data0)) && isFinite(data0))) {
              validate21.errors = [{ instancePath: instancePath + "/id", schemaPath: "#/$defs/count/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
              return false;
            }
            if (errors === _errs3) {
              if (typeof data0 == "number" && isFinite(data0)) {
                if (data0 > 9007199254740991 || isNaN(data0)) {
                  validate21.errors = [{ instancePath: instancePath + "/id", schemaPath: "#/$defs/count/maximum", keyword: "maximum", params: { comparison: "<=", limit: 9007199254740991 }, message: "must be <= 9007199254740991" }];
                  return false;
                } else {
                  if (data0 < 0 || isNaN(data0)) {
                    validate21.errors = [{ instancePath: instancePath + "/id", schemaPath: "#/$defs/count/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" }];
                    return false;
                  }
                }
              }
            }
            var valid0 = _errs2 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.login !== void 0) {
              let data1 = data.login;
              const _errs5 = errors;
              if (errors === _errs5) {
                if (typeof data1 === "string") {
                  if (!pattern8.test(data1)) {
                    validate21.errors = [{ instancePath: instancePath + "/login", schemaPath: "#/properties/login/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9](?:[A-Za-z0-9_-]{0,38})(?:\\[bot\\])?$" }, message: 'must match pattern "^[A-Za-z0-9](?:[A-Za-z0-9_-]{0,38})(?:\\[bot\\])?$"' }];
                    return false;
                  }
                } else {
                  validate21.errors = [{ instancePath: instancePath + "/login", schemaPath: "#/properties/login/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                  return false;
                }
              }
              var valid0 = _errs5 === errors;
            } else {
              var valid0 = true;
            }
          }
        }
      }
    } else {
      validate21.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
      return false;
    }
  }
  validate21.errors = vErrors;
  return errors === 0;
}
validate21.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
function validate20(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate20.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  const _errs2 = errors;
  let valid1 = true;
  const _errs3 = errors;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    let missing0;
    if (data.seq === void 0 && (missing0 = "seq")) {
      const err0 = {};
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    } else {
      if (data.seq !== void 0) {
        if (0 !== data.seq) {
          const err1 = {};
          if (vErrors === null) {
            vErrors = [err1];
          } else {
            vErrors.push(err1);
          }
          errors++;
        }
      }
    }
  }
  var _valid0 = _errs3 === errors;
  errors = _errs2;
  if (vErrors !== null) {
    if (_errs2) {
      vErrors.length = _errs2;
    } else {
      vErrors = null;
    }
  }
  let ifClause0;
  if (_valid0) {
    const _errs5 = errors;
    if (data && typeof data == "object" && !Array.isArray(data)) {
      if (data.prev !== void 0) {
        validate20.errors = [{ instancePath: instancePath + "/prev", schemaPath: "#/allOf/0/then/properties/prev/false schema", keyword: "false schema", params: {}, message: "boolean schema is false" }];
        return false;
      }
    }
    var _valid0 = _errs5 === errors;
    valid1 = _valid0;
    if (valid1) {
      var props0 = {};
      props0.prev = true;
      props0.seq = true;
    }
    ifClause0 = "then";
  } else {
    const _errs6 = errors;
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing1;
      if (data.prev === void 0 && (missing1 = "prev")) {
        validate20.errors = [{ instancePath, schemaPath: "#/allOf/0/else/required", keyword: "required", params: { missingProperty: missing1 }, message: "must have required property '" + missing1 + "'" }];
        return false;
      }
    }
    var _valid0 = _errs6 === errors;
    valid1 = _valid0;
    ifClause0 = "else";
  }
  if (!valid1) {
    const err2 = { instancePath, schemaPath: "#/allOf/0/if", keyword: "if", params: { failingKeyword: ifClause0 }, message: 'must match "' + ifClause0 + '" schema' };
    if (vErrors === null) {
      vErrors = [err2];
    } else {
      vErrors.push(err2);
    }
    errors++;
    validate20.errors = vErrors;
    return false;
  }
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing2;
      if (data.v === void 0 && (missing2 = "v") || data.seq === void 0 && (missing2 = "seq") || data.id === void 0 && (missing2 = "id") || data.kind === void 0 && (missing2 = "kind") || data.time === void 0 && (missing2 = "time") || data.repo === void 0 && (missing2 = "repo") || data.actor === void 0 && (missing2 = "actor") || data.subject === void 0 && (missing2 = "subject") || data.points === void 0 && (missing2 = "points") || data.breakdown === void 0 && (missing2 = "breakdown") || data.rules === void 0 && (missing2 = "rules") || data.source === void 0 && (missing2 = "source") || data.sig === void 0 && (missing2 = "sig")) {
        validate20.errors = [{ instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: missing2 }, message: "must have required property '" + missing2 + "'" }];
        return false;
      } else {
        const _errs7 = errors;
        for (const key0 in data) {
          if (!func1.call(schema31.properties, key0)) {
            validate20.errors = [{ instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" }];
            return false;
            break;
          }
        }
        if (_errs7 === errors) {
          if (data.v !== void 0) {
            const _errs8 = errors;
            if (1 !== data.v) {
              validate20.errors = [{ instancePath: instancePath + "/v", schemaPath: "#/properties/v/const", keyword: "const", params: { allowedValue: 1 }, message: "must be equal to constant" }];
              return false;
            }
            var valid4 = _errs8 === errors;
          } else {
            var valid4 = true;
          }
          if (valid4) {
            if (data.seq !== void 0) {
              let data3 = data.seq;
              const _errs9 = errors;
              const _errs10 = errors;
              if (!(typeof data3 == "number" && (!(data3 % 1) && !isNaN(data3)) && isFinite(data3))) {
                validate20.errors = [{ instancePath: instancePath + "/seq", schemaPath: "#/$defs/count/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                return false;
              }
              if (errors === _errs10) {
                if (typeof data3 == "number" && isFinite(data3)) {
                  if (data3 > 9007199254740991 || isNaN(data3)) {
                    validate20.errors = [{ instancePath: instancePath + "/seq", schemaPath: "#/$defs/count/maximum", keyword: "maximum", params: { comparison: "<=", limit: 9007199254740991 }, message: "must be <= 9007199254740991" }];
                    return false;
                  } else {
                    if (data3 < 0 || isNaN(data3)) {
                      validate20.errors = [{ instancePath: instancePath + "/seq", schemaPath: "#/$defs/count/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" }];
                      return false;
                    }
                  }
                }
              }
              var valid4 = _errs9 === errors;
            } else {
              var valid4 = true;
            }
            if (valid4) {
              if (data.prev !== void 0) {
                let data4 = data.prev;
                const _errs12 = errors;
                const _errs13 = errors;
                if (errors === _errs13) {
                  if (typeof data4 === "string") {
                    if (!pattern4.test(data4)) {
                      validate20.errors = [{ instancePath: instancePath + "/prev", schemaPath: "#/$defs/hex256/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{64}$" }, message: 'must match pattern "^[0-9a-f]{64}$"' }];
                      return false;
                    }
                  } else {
                    validate20.errors = [{ instancePath: instancePath + "/prev", schemaPath: "#/$defs/hex256/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                    return false;
                  }
                }
                var valid4 = _errs12 === errors;
              } else {
                var valid4 = true;
              }
              if (valid4) {
                if (data.id !== void 0) {
                  let data5 = data.id;
                  const _errs15 = errors;
                  const _errs16 = errors;
                  if (errors === _errs16) {
                    if (typeof data5 === "string") {
                      if (!pattern4.test(data5)) {
                        validate20.errors = [{ instancePath: instancePath + "/id", schemaPath: "#/$defs/hex256/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{64}$" }, message: 'must match pattern "^[0-9a-f]{64}$"' }];
                        return false;
                      }
                    } else {
                      validate20.errors = [{ instancePath: instancePath + "/id", schemaPath: "#/$defs/hex256/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                      return false;
                    }
                  }
                  var valid4 = _errs15 === errors;
                } else {
                  var valid4 = true;
                }
                if (valid4) {
                  if (data.kind !== void 0) {
                    let data6 = data.kind;
                    const _errs18 = errors;
                    if (!(data6 === "award" || data6 === "bonus" || data6 === "penalty" || data6 === "reversal" || data6 === "badge" || data6 === "state" || data6 === "command")) {
                      validate20.errors = [{ instancePath: instancePath + "/kind", schemaPath: "#/properties/kind/enum", keyword: "enum", params: { allowedValues: schema31.properties.kind.enum }, message: "must be equal to one of the allowed values" }];
                      return false;
                    }
                    var valid4 = _errs18 === errors;
                  } else {
                    var valid4 = true;
                  }
                  if (valid4) {
                    if (data.time !== void 0) {
                      let data7 = data.time;
                      const _errs19 = errors;
                      if (errors === _errs19) {
                        if (typeof data7 === "string") {
                          if (!pattern6.test(data7)) {
                            validate20.errors = [{ instancePath: instancePath + "/time", schemaPath: "#/properties/time/pattern", keyword: "pattern", params: { pattern: "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]Z$" }, message: 'must match pattern "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]Z$"' }];
                            return false;
                          }
                        } else {
                          validate20.errors = [{ instancePath: instancePath + "/time", schemaPath: "#/properties/time/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                          return false;
                        }
                      }
                      var valid4 = _errs19 === errors;
                    } else {
                      var valid4 = true;
                    }
                    if (valid4) {
                      if (data.repo !== void 0) {
                        let data8 = data.repo;
                        const _errs21 = errors;
                        if (errors === _errs21) {
                          if (data8 && typeof data8 == "object" && !Array.isArray(data8)) {
                            let missing3;
                            if (data8.id === void 0 && (missing3 = "id") || data8.name === void 0 && (missing3 = "name")) {
                              validate20.errors = [{ instancePath: instancePath + "/repo", schemaPath: "#/properties/repo/required", keyword: "required", params: { missingProperty: missing3 }, message: "must have required property '" + missing3 + "'" }];
                              return false;
                            } else {
                              const _errs23 = errors;
                              for (const key1 in data8) {
                                if (!(key1 === "id" || key1 === "name")) {
                                  validate20.errors = [{ instancePath: instancePath + "/repo", schemaPath: "#/properties/repo/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" }];
                                  return false;
                                  break;
                                }
                              }
                              if (_errs23 === errors) {
                                if (data8.id !== void 0) {
                                  let data9 = data8.id;
                                  const _errs24 = errors;
                                  const _errs25 = errors;
                                  if (!(typeof data9 == "number" && (!(data9 % 1) && !isNaN(data9)) && isFinite(data9))) {
                                    validate20.errors = [{ instancePath: instancePath + "/repo/id", schemaPath: "#/$defs/count/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                                    return false;
                                  }
                                  if (errors === _errs25) {
                                    if (typeof data9 == "number" && isFinite(data9)) {
                                      if (data9 > 9007199254740991 || isNaN(data9)) {
                                        validate20.errors = [{ instancePath: instancePath + "/repo/id", schemaPath: "#/$defs/count/maximum", keyword: "maximum", params: { comparison: "<=", limit: 9007199254740991 }, message: "must be <= 9007199254740991" }];
                                        return false;
                                      } else {
                                        if (data9 < 0 || isNaN(data9)) {
                                          validate20.errors = [{ instancePath: instancePath + "/repo/id", schemaPath: "#/$defs/count/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" }];
                                          return false;
                                        }
                                      }
                                    }
                                  }
                                  var valid8 = _errs24 === errors;
                                } else {
                                  var valid8 = true;
                                }
                                if (valid8) {
                                  if (data8.name !== void 0) {
                                    let data10 = data8.name;
                                    const _errs27 = errors;
                                    if (errors === _errs27) {
                                      if (typeof data10 === "string") {
                                        if (!pattern7.test(data10)) {
                                          validate20.errors = [{ instancePath: instancePath + "/repo/name", schemaPath: "#/properties/repo/properties/name/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_.-]{1,100}/[A-Za-z0-9_.-]{1,100}$" }, message: 'must match pattern "^[A-Za-z0-9_.-]{1,100}/[A-Za-z0-9_.-]{1,100}$"' }];
                                          return false;
                                        }
                                      } else {
                                        validate20.errors = [{ instancePath: instancePath + "/repo/name", schemaPath: "#/properties/repo/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                        return false;
                                      }
                                    }
                                    var valid8 = _errs27 === errors;
                                  } else {
                                    var valid8 = true;
                                  }
                                }
                              }
                            }
                          } else {
                            validate20.errors = [{ instancePath: instancePath + "/repo", schemaPath: "#/properties/repo/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                            return false;
                          }
                        }
                        var valid4 = _errs21 === errors;
                      } else {
                        var valid4 = true;
                      }
                      if (valid4) {
                        if (data.actor !== void 0) {
                          const _errs29 = errors;
                          if (!validate21(data.actor, { instancePath: instancePath + "/actor", parentData: data, parentDataProperty: "actor", rootData, dynamicAnchors })) {
                            vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
                            errors = vErrors.length;
                          }
                          var valid4 = _errs29 === errors;
                        } else {
                          var valid4 = true;
                        }
                        if (valid4) {
                          if (data.subject !== void 0) {
                            let data12 = data.subject;
                            const _errs30 = errors;
                            if (errors === _errs30) {
                              if (data12 && typeof data12 == "object" && !Array.isArray(data12)) {
                                let missing4;
                                if (data12.type === void 0 && (missing4 = "type") || data12.url === void 0 && (missing4 = "url")) {
                                  validate20.errors = [{ instancePath: instancePath + "/subject", schemaPath: "#/properties/subject/required", keyword: "required", params: { missingProperty: missing4 }, message: "must have required property '" + missing4 + "'" }];
                                  return false;
                                } else {
                                  const _errs32 = errors;
                                  for (const key2 in data12) {
                                    if (!(key2 === "type" || key2 === "number" || key2 === "id" || key2 === "url")) {
                                      validate20.errors = [{ instancePath: instancePath + "/subject", schemaPath: "#/properties/subject/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties" }];
                                      return false;
                                      break;
                                    }
                                  }
                                  if (_errs32 === errors) {
                                    if (data12.type !== void 0) {
                                      let data13 = data12.type;
                                      const _errs33 = errors;
                                      if (!(data13 === "pull_request" || data13 === "issue" || data13 === "review" || data13 === "review_comment" || data13 === "comment" || data13 === "release" || data13 === "commit" || data13 === "repository" || data13 === "entry")) {
                                        validate20.errors = [{ instancePath: instancePath + "/subject/type", schemaPath: "#/properties/subject/properties/type/enum", keyword: "enum", params: { allowedValues: schema31.properties.subject.properties.type.enum }, message: "must be equal to one of the allowed values" }];
                                        return false;
                                      }
                                      var valid10 = _errs33 === errors;
                                    } else {
                                      var valid10 = true;
                                    }
                                    if (valid10) {
                                      if (data12.number !== void 0) {
                                        let data14 = data12.number;
                                        const _errs34 = errors;
                                        if (!(typeof data14 == "number" && (!(data14 % 1) && !isNaN(data14)) && isFinite(data14))) {
                                          validate20.errors = [{ instancePath: instancePath + "/subject/number", schemaPath: "#/properties/subject/properties/number/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                                          return false;
                                        }
                                        if (errors === _errs34) {
                                          if (typeof data14 == "number" && isFinite(data14)) {
                                            if (data14 > 9007199254740991 || isNaN(data14)) {
                                              validate20.errors = [{ instancePath: instancePath + "/subject/number", schemaPath: "#/properties/subject/properties/number/maximum", keyword: "maximum", params: { comparison: "<=", limit: 9007199254740991 }, message: "must be <= 9007199254740991" }];
                                              return false;
                                            } else {
                                              if (data14 < 1 || isNaN(data14)) {
                                                validate20.errors = [{ instancePath: instancePath + "/subject/number", schemaPath: "#/properties/subject/properties/number/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" }];
                                                return false;
                                              }
                                            }
                                          }
                                        }
                                        var valid10 = _errs34 === errors;
                                      } else {
                                        var valid10 = true;
                                      }
                                      if (valid10) {
                                        if (data12.id !== void 0) {
                                          let data15 = data12.id;
                                          const _errs36 = errors;
                                          const _errs37 = errors;
                                          if (!(typeof data15 == "number" && (!(data15 % 1) && !isNaN(data15)) && isFinite(data15))) {
                                            validate20.errors = [{ instancePath: instancePath + "/subject/id", schemaPath: "#/$defs/count/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                                            return false;
                                          }
                                          if (errors === _errs37) {
                                            if (typeof data15 == "number" && isFinite(data15)) {
                                              if (data15 > 9007199254740991 || isNaN(data15)) {
                                                validate20.errors = [{ instancePath: instancePath + "/subject/id", schemaPath: "#/$defs/count/maximum", keyword: "maximum", params: { comparison: "<=", limit: 9007199254740991 }, message: "must be <= 9007199254740991" }];
                                                return false;
                                              } else {
                                                if (data15 < 0 || isNaN(data15)) {
                                                  validate20.errors = [{ instancePath: instancePath + "/subject/id", schemaPath: "#/$defs/count/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" }];
                                                  return false;
                                                }
                                              }
                                            }
                                          }
                                          var valid10 = _errs36 === errors;
                                        } else {
                                          var valid10 = true;
                                        }
                                        if (valid10) {
                                          if (data12.url !== void 0) {
                                            let data16 = data12.url;
                                            const _errs39 = errors;
                                            if (errors === _errs39) {
                                              if (typeof data16 === "string") {
                                                if (func2(data16) > 2048) {
                                                  validate20.errors = [{ instancePath: instancePath + "/subject/url", schemaPath: "#/properties/subject/properties/url/maxLength", keyword: "maxLength", params: { limit: 2048 }, message: "must NOT have more than 2048 characters" }];
                                                  return false;
                                                } else {
                                                  if (!pattern9.test(data16)) {
                                                    validate20.errors = [{ instancePath: instancePath + "/subject/url", schemaPath: "#/properties/subject/properties/url/pattern", keyword: "pattern", params: { pattern: "^https://[^\\s]+$" }, message: 'must match pattern "^https://[^\\s]+$"' }];
                                                    return false;
                                                  }
                                                }
                                              } else {
                                                validate20.errors = [{ instancePath: instancePath + "/subject/url", schemaPath: "#/properties/subject/properties/url/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                                return false;
                                              }
                                            }
                                            var valid10 = _errs39 === errors;
                                          } else {
                                            var valid10 = true;
                                          }
                                        }
                                      }
                                    }
                                  }
                                }
                              } else {
                                validate20.errors = [{ instancePath: instancePath + "/subject", schemaPath: "#/properties/subject/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                                return false;
                              }
                            }
                            var valid4 = _errs30 === errors;
                          } else {
                            var valid4 = true;
                          }
                          if (valid4) {
                            if (data.points !== void 0) {
                              let data17 = data.points;
                              const _errs41 = errors;
                              const _errs42 = errors;
                              if (!(typeof data17 == "number" && (!(data17 % 1) && !isNaN(data17)) && isFinite(data17))) {
                                validate20.errors = [{ instancePath: instancePath + "/points", schemaPath: "#/$defs/millipoints/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                                return false;
                              }
                              if (errors === _errs42) {
                                if (typeof data17 == "number" && isFinite(data17)) {
                                  if (data17 > 9007199254740991 || isNaN(data17)) {
                                    validate20.errors = [{ instancePath: instancePath + "/points", schemaPath: "#/$defs/millipoints/maximum", keyword: "maximum", params: { comparison: "<=", limit: 9007199254740991 }, message: "must be <= 9007199254740991" }];
                                    return false;
                                  } else {
                                    if (data17 < -9007199254740991 || isNaN(data17)) {
                                      validate20.errors = [{ instancePath: instancePath + "/points", schemaPath: "#/$defs/millipoints/minimum", keyword: "minimum", params: { comparison: ">=", limit: -9007199254740991 }, message: "must be >= -9007199254740991" }];
                                      return false;
                                    }
                                  }
                                }
                              }
                              var valid4 = _errs41 === errors;
                            } else {
                              var valid4 = true;
                            }
                            if (valid4) {
                              if (data.breakdown !== void 0) {
                                let data18 = data.breakdown;
                                const _errs44 = errors;
                                if (errors === _errs44) {
                                  if (Array.isArray(data18)) {
                                    if (data18.length > 64) {
                                      validate20.errors = [{ instancePath: instancePath + "/breakdown", schemaPath: "#/properties/breakdown/maxItems", keyword: "maxItems", params: { limit: 64 }, message: "must NOT have more than 64 items" }];
                                      return false;
                                    } else {
                                      var valid13 = true;
                                      const len0 = data18.length;
                                      for (let i0 = 0; i0 < len0; i0++) {
                                        let data19 = data18[i0];
                                        const _errs46 = errors;
                                        if (errors === _errs46) {
                                          if (data19 && typeof data19 == "object" && !Array.isArray(data19)) {
                                            let missing5;
                                            if (data19.rule === void 0 && (missing5 = "rule") || data19.points === void 0 && (missing5 = "points")) {
                                              validate20.errors = [{ instancePath: instancePath + "/breakdown/" + i0, schemaPath: "#/properties/breakdown/items/required", keyword: "required", params: { missingProperty: missing5 }, message: "must have required property '" + missing5 + "'" }];
                                              return false;
                                            } else {
                                              const _errs48 = errors;
                                              for (const key3 in data19) {
                                                if (!(key3 === "rule" || key3 === "points" || key3 === "note")) {
                                                  validate20.errors = [{ instancePath: instancePath + "/breakdown/" + i0, schemaPath: "#/properties/breakdown/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties" }];
                                                  return false;
                                                  break;
                                                }
                                              }
                                              if (_errs48 === errors) {
                                                if (data19.rule !== void 0) {
                                                  let data20 = data19.rule;
                                                  const _errs49 = errors;
                                                  if (errors === _errs49) {
                                                    if (typeof data20 === "string") {
                                                      if (!pattern10.test(data20)) {
                                                        validate20.errors = [{ instancePath: instancePath + "/breakdown/" + i0 + "/rule", schemaPath: "#/properties/breakdown/items/properties/rule/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9_.:-]{0,63}$" }, message: 'must match pattern "^[a-z][a-z0-9_.:-]{0,63}$"' }];
                                                        return false;
                                                      }
                                                    } else {
                                                      validate20.errors = [{ instancePath: instancePath + "/breakdown/" + i0 + "/rule", schemaPath: "#/properties/breakdown/items/properties/rule/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                                      return false;
                                                    }
                                                  }
                                                  var valid14 = _errs49 === errors;
                                                } else {
                                                  var valid14 = true;
                                                }
                                                if (valid14) {
                                                  if (data19.points !== void 0) {
                                                    let data21 = data19.points;
                                                    const _errs51 = errors;
                                                    const _errs52 = errors;
                                                    if (!(typeof data21 == "number" && (!(data21 % 1) && !isNaN(data21)) && isFinite(data21))) {
                                                      validate20.errors = [{ instancePath: instancePath + "/breakdown/" + i0 + "/points", schemaPath: "#/$defs/millipoints/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                                                      return false;
                                                    }
                                                    if (errors === _errs52) {
                                                      if (typeof data21 == "number" && isFinite(data21)) {
                                                        if (data21 > 9007199254740991 || isNaN(data21)) {
                                                          validate20.errors = [{ instancePath: instancePath + "/breakdown/" + i0 + "/points", schemaPath: "#/$defs/millipoints/maximum", keyword: "maximum", params: { comparison: "<=", limit: 9007199254740991 }, message: "must be <= 9007199254740991" }];
                                                          return false;
                                                        } else {
                                                          if (data21 < -9007199254740991 || isNaN(data21)) {
                                                            validate20.errors = [{ instancePath: instancePath + "/breakdown/" + i0 + "/points", schemaPath: "#/$defs/millipoints/minimum", keyword: "minimum", params: { comparison: ">=", limit: -9007199254740991 }, message: "must be >= -9007199254740991" }];
                                                            return false;
                                                          }
                                                        }
                                                      }
                                                    }
                                                    var valid14 = _errs51 === errors;
                                                  } else {
                                                    var valid14 = true;
                                                  }
                                                  if (valid14) {
                                                    if (data19.note !== void 0) {
                                                      let data22 = data19.note;
                                                      const _errs54 = errors;
                                                      if (errors === _errs54) {
                                                        if (typeof data22 === "string") {
                                                          if (func2(data22) > 200) {
                                                            validate20.errors = [{ instancePath: instancePath + "/breakdown/" + i0 + "/note", schemaPath: "#/properties/breakdown/items/properties/note/maxLength", keyword: "maxLength", params: { limit: 200 }, message: "must NOT have more than 200 characters" }];
                                                            return false;
                                                          }
                                                        } else {
                                                          validate20.errors = [{ instancePath: instancePath + "/breakdown/" + i0 + "/note", schemaPath: "#/properties/breakdown/items/properties/note/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                                          return false;
                                                        }
                                                      }
                                                      var valid14 = _errs54 === errors;
                                                    } else {
                                                      var valid14 = true;
                                                    }
                                                  }
                                                }
                                              }
                                            }
                                          } else {
                                            validate20.errors = [{ instancePath: instancePath + "/breakdown/" + i0, schemaPath: "#/properties/breakdown/items/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                                            return false;
                                          }
                                        }
                                        var valid13 = _errs46 === errors;
                                        if (!valid13) {
                                          break;
                                        }
                                      }
                                    }
                                  } else {
                                    validate20.errors = [{ instancePath: instancePath + "/breakdown", schemaPath: "#/properties/breakdown/type", keyword: "type", params: { type: "array" }, message: "must be array" }];
                                    return false;
                                  }
                                }
                                var valid4 = _errs44 === errors;
                              } else {
                                var valid4 = true;
                              }
                              if (valid4) {
                                if (data.rules !== void 0) {
                                  let data23 = data.rules;
                                  const _errs56 = errors;
                                  if (errors === _errs56) {
                                    if (typeof data23 === "string") {
                                      if (!pattern11.test(data23)) {
                                        validate20.errors = [{ instancePath: instancePath + "/rules", schemaPath: "#/properties/rules/pattern", keyword: "pattern", params: { pattern: "^sha256:[0-9a-f]{64}$" }, message: 'must match pattern "^sha256:[0-9a-f]{64}$"' }];
                                        return false;
                                      }
                                    } else {
                                      validate20.errors = [{ instancePath: instancePath + "/rules", schemaPath: "#/properties/rules/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                      return false;
                                    }
                                  }
                                  var valid4 = _errs56 === errors;
                                } else {
                                  var valid4 = true;
                                }
                                if (valid4) {
                                  if (data.source !== void 0) {
                                    let data24 = data.source;
                                    const _errs58 = errors;
                                    if (errors === _errs58) {
                                      if (data24 && typeof data24 == "object" && !Array.isArray(data24)) {
                                        let missing6;
                                        if (data24.event === void 0 && (missing6 = "event")) {
                                          validate20.errors = [{ instancePath: instancePath + "/source", schemaPath: "#/properties/source/required", keyword: "required", params: { missingProperty: missing6 }, message: "must have required property '" + missing6 + "'" }];
                                          return false;
                                        } else {
                                          const _errs60 = errors;
                                          for (const key4 in data24) {
                                            if (!(key4 === "event" || key4 === "action" || key4 === "delivery" || key4 === "run")) {
                                              validate20.errors = [{ instancePath: instancePath + "/source", schemaPath: "#/properties/source/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties" }];
                                              return false;
                                              break;
                                            }
                                          }
                                          if (_errs60 === errors) {
                                            if (data24.event !== void 0) {
                                              let data25 = data24.event;
                                              const _errs61 = errors;
                                              if (errors === _errs61) {
                                                if (typeof data25 === "string") {
                                                  if (!pattern12.test(data25)) {
                                                    validate20.errors = [{ instancePath: instancePath + "/source/event", schemaPath: "#/properties/source/properties/event/pattern", keyword: "pattern", params: { pattern: "^[a-z_]{1,64}$" }, message: 'must match pattern "^[a-z_]{1,64}$"' }];
                                                    return false;
                                                  }
                                                } else {
                                                  validate20.errors = [{ instancePath: instancePath + "/source/event", schemaPath: "#/properties/source/properties/event/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                                  return false;
                                                }
                                              }
                                              var valid16 = _errs61 === errors;
                                            } else {
                                              var valid16 = true;
                                            }
                                            if (valid16) {
                                              if (data24.action !== void 0) {
                                                let data26 = data24.action;
                                                const _errs63 = errors;
                                                if (errors === _errs63) {
                                                  if (typeof data26 === "string") {
                                                    if (!pattern12.test(data26)) {
                                                      validate20.errors = [{ instancePath: instancePath + "/source/action", schemaPath: "#/properties/source/properties/action/pattern", keyword: "pattern", params: { pattern: "^[a-z_]{1,64}$" }, message: 'must match pattern "^[a-z_]{1,64}$"' }];
                                                      return false;
                                                    }
                                                  } else {
                                                    validate20.errors = [{ instancePath: instancePath + "/source/action", schemaPath: "#/properties/source/properties/action/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                                    return false;
                                                  }
                                                }
                                                var valid16 = _errs63 === errors;
                                              } else {
                                                var valid16 = true;
                                              }
                                              if (valid16) {
                                                if (data24.delivery !== void 0) {
                                                  let data27 = data24.delivery;
                                                  const _errs65 = errors;
                                                  if (errors === _errs65) {
                                                    if (typeof data27 === "string") {
                                                      if (func2(data27) > 128) {
                                                        validate20.errors = [{ instancePath: instancePath + "/source/delivery", schemaPath: "#/properties/source/properties/delivery/maxLength", keyword: "maxLength", params: { limit: 128 }, message: "must NOT have more than 128 characters" }];
                                                        return false;
                                                      }
                                                    } else {
                                                      validate20.errors = [{ instancePath: instancePath + "/source/delivery", schemaPath: "#/properties/source/properties/delivery/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                                      return false;
                                                    }
                                                  }
                                                  var valid16 = _errs65 === errors;
                                                } else {
                                                  var valid16 = true;
                                                }
                                                if (valid16) {
                                                  if (data24.run !== void 0) {
                                                    let data28 = data24.run;
                                                    const _errs67 = errors;
                                                    if (errors === _errs67) {
                                                      if (typeof data28 === "string") {
                                                        if (func2(data28) > 2048) {
                                                          validate20.errors = [{ instancePath: instancePath + "/source/run", schemaPath: "#/properties/source/properties/run/maxLength", keyword: "maxLength", params: { limit: 2048 }, message: "must NOT have more than 2048 characters" }];
                                                          return false;
                                                        } else {
                                                          if (!pattern9.test(data28)) {
                                                            validate20.errors = [{ instancePath: instancePath + "/source/run", schemaPath: "#/properties/source/properties/run/pattern", keyword: "pattern", params: { pattern: "^https://[^\\s]+$" }, message: 'must match pattern "^https://[^\\s]+$"' }];
                                                            return false;
                                                          }
                                                        }
                                                      } else {
                                                        validate20.errors = [{ instancePath: instancePath + "/source/run", schemaPath: "#/properties/source/properties/run/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                                        return false;
                                                      }
                                                    }
                                                    var valid16 = _errs67 === errors;
                                                  } else {
                                                    var valid16 = true;
                                                  }
                                                }
                                              }
                                            }
                                          }
                                        }
                                      } else {
                                        validate20.errors = [{ instancePath: instancePath + "/source", schemaPath: "#/properties/source/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                                        return false;
                                      }
                                    }
                                    var valid4 = _errs58 === errors;
                                  } else {
                                    var valid4 = true;
                                  }
                                  if (valid4) {
                                    if (data.inputs !== void 0) {
                                      let data29 = data.inputs;
                                      const _errs69 = errors;
                                      if (!(data29 && typeof data29 == "object" && !Array.isArray(data29))) {
                                        validate20.errors = [{ instancePath: instancePath + "/inputs", schemaPath: "#/properties/inputs/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                                        return false;
                                      }
                                      var valid4 = _errs69 === errors;
                                    } else {
                                      var valid4 = true;
                                    }
                                    if (valid4) {
                                      if (data.ref !== void 0) {
                                        let data30 = data.ref;
                                        const _errs71 = errors;
                                        const _errs72 = errors;
                                        if (errors === _errs72) {
                                          if (typeof data30 === "string") {
                                            if (!pattern4.test(data30)) {
                                              validate20.errors = [{ instancePath: instancePath + "/ref", schemaPath: "#/$defs/hex256/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{64}$" }, message: 'must match pattern "^[0-9a-f]{64}$"' }];
                                              return false;
                                            }
                                          } else {
                                            validate20.errors = [{ instancePath: instancePath + "/ref", schemaPath: "#/$defs/hex256/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                            return false;
                                          }
                                        }
                                        var valid4 = _errs71 === errors;
                                      } else {
                                        var valid4 = true;
                                      }
                                      if (valid4) {
                                        if (data.reason !== void 0) {
                                          let data31 = data.reason;
                                          const _errs74 = errors;
                                          if (errors === _errs74) {
                                            if (typeof data31 === "string") {
                                              if (func2(data31) > 1e3) {
                                                validate20.errors = [{ instancePath: instancePath + "/reason", schemaPath: "#/properties/reason/maxLength", keyword: "maxLength", params: { limit: 1e3 }, message: "must NOT have more than 1000 characters" }];
                                                return false;
                                              }
                                            } else {
                                              validate20.errors = [{ instancePath: instancePath + "/reason", schemaPath: "#/properties/reason/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                              return false;
                                            }
                                          }
                                          var valid4 = _errs74 === errors;
                                        } else {
                                          var valid4 = true;
                                        }
                                        if (valid4) {
                                          if (data.by !== void 0) {
                                            const _errs76 = errors;
                                            if (!validate21(data.by, { instancePath: instancePath + "/by", parentData: data, parentDataProperty: "by", rootData, dynamicAnchors })) {
                                              vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
                                              errors = vErrors.length;
                                            }
                                            var valid4 = _errs76 === errors;
                                          } else {
                                            var valid4 = true;
                                          }
                                          if (valid4) {
                                            if (data.badge !== void 0) {
                                              let data33 = data.badge;
                                              const _errs77 = errors;
                                              if (errors === _errs77) {
                                                if (typeof data33 === "string") {
                                                  if (!pattern16.test(data33)) {
                                                    validate20.errors = [{ instancePath: instancePath + "/badge", schemaPath: "#/properties/badge/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9-]{0,63}$" }, message: 'must match pattern "^[a-z][a-z0-9-]{0,63}$"' }];
                                                    return false;
                                                  }
                                                } else {
                                                  validate20.errors = [{ instancePath: instancePath + "/badge", schemaPath: "#/properties/badge/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                                  return false;
                                                }
                                              }
                                              var valid4 = _errs77 === errors;
                                            } else {
                                              var valid4 = true;
                                            }
                                            if (valid4) {
                                              if (data.sig !== void 0) {
                                                let data34 = data.sig;
                                                const _errs79 = errors;
                                                if (errors === _errs79) {
                                                  if (data34 && typeof data34 == "object" && !Array.isArray(data34)) {
                                                    let missing7;
                                                    if (data34.keyid === void 0 && (missing7 = "keyid") || data34.sig === void 0 && (missing7 = "sig")) {
                                                      validate20.errors = [{ instancePath: instancePath + "/sig", schemaPath: "#/properties/sig/required", keyword: "required", params: { missingProperty: missing7 }, message: "must have required property '" + missing7 + "'" }];
                                                      return false;
                                                    } else {
                                                      const _errs81 = errors;
                                                      for (const key5 in data34) {
                                                        if (!(key5 === "keyid" || key5 === "sig")) {
                                                          validate20.errors = [{ instancePath: instancePath + "/sig", schemaPath: "#/properties/sig/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key5 }, message: "must NOT have additional properties" }];
                                                          return false;
                                                          break;
                                                        }
                                                      }
                                                      if (_errs81 === errors) {
                                                        if (data34.keyid !== void 0) {
                                                          let data35 = data34.keyid;
                                                          const _errs82 = errors;
                                                          if (errors === _errs82) {
                                                            if (typeof data35 === "string") {
                                                              if (!pattern17.test(data35)) {
                                                                validate20.errors = [{ instancePath: instancePath + "/sig/keyid", schemaPath: "#/properties/sig/properties/keyid/pattern", keyword: "pattern", params: { pattern: "^[^+\\s]+\\+[0-9a-f]{8}$" }, message: 'must match pattern "^[^+\\s]+\\+[0-9a-f]{8}$"' }];
                                                                return false;
                                                              }
                                                            } else {
                                                              validate20.errors = [{ instancePath: instancePath + "/sig/keyid", schemaPath: "#/properties/sig/properties/keyid/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                                              return false;
                                                            }
                                                          }
                                                          var valid18 = _errs82 === errors;
                                                        } else {
                                                          var valid18 = true;
                                                        }
                                                        if (valid18) {
                                                          if (data34.sig !== void 0) {
                                                            let data36 = data34.sig;
                                                            const _errs84 = errors;
                                                            if (errors === _errs84) {
                                                              if (typeof data36 === "string") {
                                                                if (!pattern18.test(data36)) {
                                                                  validate20.errors = [{ instancePath: instancePath + "/sig/sig", schemaPath: "#/properties/sig/properties/sig/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9+/]{86}==$" }, message: 'must match pattern "^[A-Za-z0-9+/]{86}==$"' }];
                                                                  return false;
                                                                }
                                                              } else {
                                                                validate20.errors = [{ instancePath: instancePath + "/sig/sig", schemaPath: "#/properties/sig/properties/sig/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                                                return false;
                                                              }
                                                            }
                                                            var valid18 = _errs84 === errors;
                                                          } else {
                                                            var valid18 = true;
                                                          }
                                                        }
                                                      }
                                                    }
                                                  } else {
                                                    validate20.errors = [{ instancePath: instancePath + "/sig", schemaPath: "#/properties/sig/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                                                    return false;
                                                  }
                                                }
                                                var valid4 = _errs79 === errors;
                                              } else {
                                                var valid4 = true;
                                              }
                                            }
                                          }
                                        }
                                      }
                                    }
                                  }
                                }
                              }
                            }
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    } else {
      validate20.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
      return false;
    }
  }
  validate20.errors = vErrors;
  return errors === 0;
}
validate20.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };

// validator:body
var body_default = validate202;
var schema312 = { "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://meritlog.dev/schema/entry-body.schema.json", "title": "meritlog ledger entry, format version 1", "description": "One line of a meritlog ledger, in RFC 8785 canonical form. See ledger/FORMAT.md.", "type": "object", "additionalProperties": false, "required": ["id", "kind", "time", "repo", "actor", "subject", "points", "breakdown", "rules", "source"], "properties": { "v": { "const": 1 }, "seq": false, "prev": false, "id": { "$ref": "#/$defs/hex256", "description": "Lowercase hex SHA-256 of the fact key: the same fact always has the same id, so a replay is detectable." }, "kind": { "enum": ["award", "bonus", "penalty", "reversal", "badge", "state", "command"], "description": "What the entry records." }, "time": { "type": "string", "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]Z$", "description": "When the fact happened, RFC 3339 in UTC to the second." }, "repo": { "type": "object", "additionalProperties": false, "required": ["id", "name"], "properties": { "id": { "$ref": "#/$defs/count", "description": "GitHub's numeric repository id, stable across renames." }, "name": { "type": "string", "pattern": "^[A-Za-z0-9_.-]{1,100}/[A-Za-z0-9_.-]{1,100}$", "description": "owner/name when the fact happened." } } }, "actor": { "$ref": "#/$defs/account", "description": "Whose contribution the entry credits (or debits)." }, "subject": { "type": "object", "additionalProperties": false, "required": ["type", "url"], "properties": { "type": { "enum": ["pull_request", "issue", "review", "review_comment", "comment", "release", "commit", "repository", "entry"] }, "number": { "type": "integer", "minimum": 1, "maximum": 9007199254740991, "description": "PR or issue number, where the subject has one." }, "id": { "$ref": "#/$defs/count", "description": "GitHub's numeric id of a review, comment or release." }, "url": { "type": "string", "pattern": "^https://[^\\s]+$", "maxLength": 2048 } } }, "points": { "$ref": "#/$defs/millipoints", "description": "The entry's effect on the actor's score, in millipoints (1 point = 1000)." }, "breakdown": { "type": "array", "maxItems": 64, "description": "Rule contributions; their points sum to the entry's points.", "items": { "type": "object", "additionalProperties": false, "required": ["rule", "points"], "properties": { "rule": { "type": "string", "pattern": "^[a-z][a-z0-9_.:-]{0,63}$" }, "points": { "$ref": "#/$defs/millipoints" }, "note": { "type": "string", "maxLength": 200 } } } }, "rules": { "type": "string", "pattern": "^sha256:[0-9a-f]{64}$", "description": "Content hash of the rules document the points were computed with." }, "source": { "type": "object", "additionalProperties": false, "required": ["event"], "properties": { "event": { "type": "string", "pattern": "^[a-z_]{1,64}$", "description": "GitHub event name, or manual, reconcile, backfill, rescore." }, "action": { "type": "string", "pattern": "^[a-z_]{1,64}$" }, "delivery": { "type": "string", "maxLength": 128 }, "run": { "type": "string", "pattern": "^https://[^\\s]+$", "maxLength": 2048 } } }, "inputs": { "type": "object", "description": "The fact's measured values the points were computed from." }, "ref": { "$ref": "#/$defs/hex256", "description": "id of the earlier entry this one refers to (what a reversal reverses, what a command targets)." }, "reason": { "type": "string", "maxLength": 1e3 }, "by": { "$ref": "#/$defs/account", "description": "Who ordered the entry, for maintainer commands." }, "badge": { "type": "string", "pattern": "^[a-z][a-z0-9-]{0,63}$" }, "sig": false }, "$defs": { "count": { "type": "integer", "minimum": 0, "maximum": 9007199254740991 }, "millipoints": { "type": "integer", "minimum": -9007199254740991, "maximum": 9007199254740991 }, "hex256": { "type": "string", "pattern": "^[0-9a-f]{64}$" }, "account": { "type": "object", "additionalProperties": false, "required": ["id", "login"], "properties": { "id": { "$ref": "#/$defs/count", "description": "GitHub's numeric account id: the identity, stable across renames." }, "login": { "type": "string", "pattern": "^[A-Za-z0-9](?:[A-Za-z0-9_-]{0,38})(?:\\[bot\\])?$" } } } } };
var func12 = Object.prototype.hasOwnProperty;
var func22 = require_ucs2length().default;
var pattern42 = new RegExp("^[0-9a-f]{64}$", "u");
var pattern5 = new RegExp("^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]Z$", "u");
var pattern62 = new RegExp("^[A-Za-z0-9_.-]{1,100}/[A-Za-z0-9_.-]{1,100}$", "u");
var pattern82 = new RegExp("^https://[^\\s]+$", "u");
var pattern92 = new RegExp("^[a-z][a-z0-9_.:-]{0,63}$", "u");
var pattern102 = new RegExp("^sha256:[0-9a-f]{64}$", "u");
var pattern112 = new RegExp("^[a-z_]{1,64}$", "u");
var pattern15 = new RegExp("^[a-z][a-z0-9-]{0,63}$", "u");
var pattern72 = new RegExp("^[A-Za-z0-9](?:[A-Za-z0-9_-]{0,38})(?:\\[bot\\])?$", "u");
function validate212(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate212.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (data.id === void 0 && (missing0 = "id") || data.login === void 0 && (missing0 = "login")) {
        validate212.errors = [{ instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: missing0 }, message: "must have required property '" + missing0 + "'" }];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!(key0 === "id" || key0 === "login")) {
            validate212.errors = [{ instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" }];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.id !== void 0) {
            let data0 = data.id;
            const _errs2 = errors;
            const _errs3 = errors;
            if (!(typeof data0 == "number" && (!(data0 % 1) && !isNaN(data0)) && isFinite(data0))) {
              validate212.errors = [{ instancePath: instancePath + "/id", schemaPath: "#/$defs/count/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
              return false;
            }
            if (errors === _errs3) {
              if (typeof data0 == "number" && isFinite(data0)) {
                if (data0 > 9007199254740991 || isNaN(data0)) {
                  validate212.errors = [{ instancePath: instancePath + "/id", schemaPath: "#/$defs/count/maximum", keyword: "maximum", params: { comparison: "<=", limit: 9007199254740991 }, message: "must be <= 9007199254740991" }];
                  return false;
                } else {
                  if (data0 < 0 || isNaN(data0)) {
                    validate212.errors = [{ instancePath: instancePath + "/id", schemaPath: "#/$defs/count/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" }];
                    return false;
                  }
                }
              }
            }
            var valid0 = _errs2 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.login !== void 0) {
              let data1 = data.login;
              const _errs5 = errors;
              if (errors === _errs5) {
                if (typeof data1 === "string") {
                  if (!pattern72.test(data1)) {
                    validate212.errors = [{ instancePath: instancePath + "/login", schemaPath: "#/properties/login/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9](?:[A-Za-z0-9_-]{0,38})(?:\\[bot\\])?$" }, message: 'must match pattern "^[A-Za-z0-9](?:[A-Za-z0-9_-]{0,38})(?:\\[bot\\])?$"' }];
                    return false;
                  }
                } else {
                  validate212.errors = [{ instancePath: instancePath + "/login", schemaPath: "#/properties/login/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                  return false;
                }
              }
              var valid0 = _errs5 === errors;
            } else {
              var valid0 = true;
            }
          }
        }
      }
    } else {
      validate212.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
      return false;
    }
  }
  validate212.errors = vErrors;
  return errors === 0;
}
validate212.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
function validate202(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate202.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (data.id === void 0 && (missing0 = "id") || data.kind === void 0 && (missing0 = "kind") || data.time === void 0 && (missing0 = "time") || data.repo === void 0 && (missing0 = "repo") || data.actor === void 0 && (missing0 = "actor") || data.subject === void 0 && (missing0 = "subject") || data.points === void 0 && (missing0 = "points") || data.breakdown === void 0 && (missing0 = "breakdown") || data.rules === void 0 && (missing0 = "rules") || data.source === void 0 && (missing0 = "source")) {
        validate202.errors = [{ instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: missing0 }, message: "must have required property '" + missing0 + "'" }];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!func12.call(schema312.properties, key0)) {
            validate202.errors = [{ instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" }];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.v !== void 0) {
            const _errs2 = errors;
            if (1 !== data.v) {
              validate202.errors = [{ instancePath: instancePath + "/v", schemaPath: "#/properties/v/const", keyword: "const", params: { allowedValue: 1 }, message: "must be equal to constant" }];
              return false;
            }
            var valid0 = _errs2 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.seq !== void 0) {
              var valid0 = false;
              validate202.errors = [{ instancePath: instancePath + "/seq", schemaPath: "#/properties/seq/false schema", keyword: "false schema", params: {}, message: "boolean schema is false" }];
              return false;
            } else {
              var valid0 = true;
            }
            if (valid0) {
              if (data.prev !== void 0) {
                var valid0 = false;
                validate202.errors = [{ instancePath: instancePath + "/prev", schemaPath: "#/properties/prev/false schema", keyword: "false schema", params: {}, message: "boolean schema is false" }];
                return false;
              } else {
                var valid0 = true;
              }
              if (valid0) {
                if (data.id !== void 0) {
                  let data3 = data.id;
                  const _errs3 = errors;
                  const _errs4 = errors;
                  if (errors === _errs4) {
                    if (typeof data3 === "string") {
                      if (!pattern42.test(data3)) {
                        validate202.errors = [{ instancePath: instancePath + "/id", schemaPath: "#/$defs/hex256/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{64}$" }, message: 'must match pattern "^[0-9a-f]{64}$"' }];
                        return false;
                      }
                    } else {
                      validate202.errors = [{ instancePath: instancePath + "/id", schemaPath: "#/$defs/hex256/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                      return false;
                    }
                  }
                  var valid0 = _errs3 === errors;
                } else {
                  var valid0 = true;
                }
                if (valid0) {
                  if (data.kind !== void 0) {
                    let data4 = data.kind;
                    const _errs6 = errors;
                    if (!(data4 === "award" || data4 === "bonus" || data4 === "penalty" || data4 === "reversal" || data4 === "badge" || data4 === "state" || data4 === "command")) {
                      validate202.errors = [{ instancePath: instancePath + "/kind", schemaPath: "#/properties/kind/enum", keyword: "enum", params: { allowedValues: schema312.properties.kind.enum }, message: "must be equal to one of the allowed values" }];
                      return false;
                    }
                    var valid0 = _errs6 === errors;
                  } else {
                    var valid0 = true;
                  }
                  if (valid0) {
                    if (data.time !== void 0) {
                      let data5 = data.time;
                      const _errs7 = errors;
                      if (errors === _errs7) {
                        if (typeof data5 === "string") {
                          if (!pattern5.test(data5)) {
                            validate202.errors = [{ instancePath: instancePath + "/time", schemaPath: "#/properties/time/pattern", keyword: "pattern", params: { pattern: "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]Z$" }, message: 'must match pattern "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]Z$"' }];
                            return false;
                          }
                        } else {
                          validate202.errors = [{ instancePath: instancePath + "/time", schemaPath: "#/properties/time/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                          return false;
                        }
                      }
                      var valid0 = _errs7 === errors;
                    } else {
                      var valid0 = true;
                    }
                    if (valid0) {
                      if (data.repo !== void 0) {
                        let data6 = data.repo;
                        const _errs9 = errors;
                        if (errors === _errs9) {
                          if (data6 && typeof data6 == "object" && !Array.isArray(data6)) {
                            let missing1;
                            if (data6.id === void 0 && (missing1 = "id") || data6.name === void 0 && (missing1 = "name")) {
                              validate202.errors = [{ instancePath: instancePath + "/repo", schemaPath: "#/properties/repo/required", keyword: "required", params: { missingProperty: missing1 }, message: "must have required property '" + missing1 + "'" }];
                              return false;
                            } else {
                              const _errs11 = errors;
                              for (const key1 in data6) {
                                if (!(key1 === "id" || key1 === "name")) {
                                  validate202.errors = [{ instancePath: instancePath + "/repo", schemaPath: "#/properties/repo/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" }];
                                  return false;
                                  break;
                                }
                              }
                              if (_errs11 === errors) {
                                if (data6.id !== void 0) {
                                  let data7 = data6.id;
                                  const _errs12 = errors;
                                  const _errs13 = errors;
                                  if (!(typeof data7 == "number" && (!(data7 % 1) && !isNaN(data7)) && isFinite(data7))) {
                                    validate202.errors = [{ instancePath: instancePath + "/repo/id", schemaPath: "#/$defs/count/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                                    return false;
                                  }
                                  if (errors === _errs13) {
                                    if (typeof data7 == "number" && isFinite(data7)) {
                                      if (data7 > 9007199254740991 || isNaN(data7)) {
                                        validate202.errors = [{ instancePath: instancePath + "/repo/id", schemaPath: "#/$defs/count/maximum", keyword: "maximum", params: { comparison: "<=", limit: 9007199254740991 }, message: "must be <= 9007199254740991" }];
                                        return false;
                                      } else {
                                        if (data7 < 0 || isNaN(data7)) {
                                          validate202.errors = [{ instancePath: instancePath + "/repo/id", schemaPath: "#/$defs/count/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" }];
                                          return false;
                                        }
                                      }
                                    }
                                  }
                                  var valid2 = _errs12 === errors;
                                } else {
                                  var valid2 = true;
                                }
                                if (valid2) {
                                  if (data6.name !== void 0) {
                                    let data8 = data6.name;
                                    const _errs15 = errors;
                                    if (errors === _errs15) {
                                      if (typeof data8 === "string") {
                                        if (!pattern62.test(data8)) {
                                          validate202.errors = [{ instancePath: instancePath + "/repo/name", schemaPath: "#/properties/repo/properties/name/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_.-]{1,100}/[A-Za-z0-9_.-]{1,100}$" }, message: 'must match pattern "^[A-Za-z0-9_.-]{1,100}/[A-Za-z0-9_.-]{1,100}$"' }];
                                          return false;
                                        }
                                      } else {
                                        validate202.errors = [{ instancePath: instancePath + "/repo/name", schemaPath: "#/properties/repo/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                        return false;
                                      }
                                    }
                                    var valid2 = _errs15 === errors;
                                  } else {
                                    var valid2 = true;
                                  }
                                }
                              }
                            }
                          } else {
                            validate202.errors = [{ instancePath: instancePath + "/repo", schemaPath: "#/properties/repo/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                            return false;
                          }
                        }
                        var valid0 = _errs9 === errors;
                      } else {
                        var valid0 = true;
                      }
                      if (valid0) {
                        if (data.actor !== void 0) {
                          const _errs17 = errors;
                          if (!validate212(data.actor, { instancePath: instancePath + "/actor", parentData: data, parentDataProperty: "actor", rootData, dynamicAnchors })) {
                            vErrors = vErrors === null ? validate212.errors : vErrors.concat(validate212.errors);
                            errors = vErrors.length;
                          }
                          var valid0 = _errs17 === errors;
                        } else {
                          var valid0 = true;
                        }
                        if (valid0) {
                          if (data.subject !== void 0) {
                            let data10 = data.subject;
                            const _errs18 = errors;
                            if (errors === _errs18) {
                              if (data10 && typeof data10 == "object" && !Array.isArray(data10)) {
                                let missing2;
                                if (data10.type === void 0 && (missing2 = "type") || data10.url === void 0 && (missing2 = "url")) {
                                  validate202.errors = [{ instancePath: instancePath + "/subject", schemaPath: "#/properties/subject/required", keyword: "required", params: { missingProperty: missing2 }, message: "must have required property '" + missing2 + "'" }];
                                  return false;
                                } else {
                                  const _errs20 = errors;
                                  for (const key2 in data10) {
                                    if (!(key2 === "type" || key2 === "number" || key2 === "id" || key2 === "url")) {
                                      validate202.errors = [{ instancePath: instancePath + "/subject", schemaPath: "#/properties/subject/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties" }];
                                      return false;
                                      break;
                                    }
                                  }
                                  if (_errs20 === errors) {
                                    if (data10.type !== void 0) {
                                      let data11 = data10.type;
                                      const _errs21 = errors;
                                      if (!(data11 === "pull_request" || data11 === "issue" || data11 === "review" || data11 === "review_comment" || data11 === "comment" || data11 === "release" || data11 === "commit" || data11 === "repository" || data11 === "entry")) {
                                        validate202.errors = [{ instancePath: instancePath + "/subject/type", schemaPath: "#/properties/subject/properties/type/enum", keyword: "enum", params: { allowedValues: schema312.properties.subject.properties.type.enum }, message: "must be equal to one of the allowed values" }];
                                        return false;
                                      }
                                      var valid4 = _errs21 === errors;
                                    } else {
                                      var valid4 = true;
                                    }
                                    if (valid4) {
                                      if (data10.number !== void 0) {
                                        let data12 = data10.number;
                                        const _errs22 = errors;
                                        if (!(typeof data12 == "number" && (!(data12 % 1) && !isNaN(data12)) && isFinite(data12))) {
                                          validate202.errors = [{ instancePath: instancePath + "/subject/number", schemaPath: "#/properties/subject/properties/number/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                                          return false;
                                        }
                                        if (errors === _errs22) {
                                          if (typeof data12 == "number" && isFinite(data12)) {
                                            if (data12 > 9007199254740991 || isNaN(data12)) {
                                              validate202.errors = [{ instancePath: instancePath + "/subject/number", schemaPath: "#/properties/subject/properties/number/maximum", keyword: "maximum", params: { comparison: "<=", limit: 9007199254740991 }, message: "must be <= 9007199254740991" }];
                                              return false;
                                            } else {
                                              if (data12 < 1 || isNaN(data12)) {
                                                validate202.errors = [{ instancePath: instancePath + "/subject/number", schemaPath: "#/properties/subject/properties/number/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" }];
                                                return false;
                                              }
                                            }
                                          }
                                        }
                                        var valid4 = _errs22 === errors;
                                      } else {
                                        var valid4 = true;
                                      }
                                      if (valid4) {
                                        if (data10.id !== void 0) {
                                          let data13 = data10.id;
                                          const _errs24 = errors;
                                          const _errs25 = errors;
                                          if (!(typeof data13 == "number" && (!(data13 % 1) && !isNaN(data13)) && isFinite(data13))) {
                                            validate202.errors = [{ instancePath: instancePath + "/subject/id", schemaPath: "#/$defs/count/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                                            return false;
                                          }
                                          if (errors === _errs25) {
                                            if (typeof data13 == "number" && isFinite(data13)) {
                                              if (data13 > 9007199254740991 || isNaN(data13)) {
                                                validate202.errors = [{ instancePath: instancePath + "/subject/id", schemaPath: "#/$defs/count/maximum", keyword: "maximum", params: { comparison: "<=", limit: 9007199254740991 }, message: "must be <= 9007199254740991" }];
                                                return false;
                                              } else {
                                                if (data13 < 0 || isNaN(data13)) {
                                                  validate202.errors = [{ instancePath: instancePath + "/subject/id", schemaPath: "#/$defs/count/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" }];
                                                  return false;
                                                }
                                              }
                                            }
                                          }
                                          var valid4 = _errs24 === errors;
                                        } else {
                                          var valid4 = true;
                                        }
                                        if (valid4) {
                                          if (data10.url !== void 0) {
                                            let data14 = data10.url;
                                            const _errs27 = errors;
                                            if (errors === _errs27) {
                                              if (typeof data14 === "string") {
                                                if (func22(data14) > 2048) {
                                                  validate202.errors = [{ instancePath: instancePath + "/subject/url", schemaPath: "#/properties/subject/properties/url/maxLength", keyword: "maxLength", params: { limit: 2048 }, message: "must NOT have more than 2048 characters" }];
                                                  return false;
                                                } else {
                                                  if (!pattern82.test(data14)) {
                                                    validate202.errors = [{ instancePath: instancePath + "/subject/url", schemaPath: "#/properties/subject/properties/url/pattern", keyword: "pattern", params: { pattern: "^https://[^\\s]+$" }, message: 'must match pattern "^https://[^\\s]+$"' }];
                                                    return false;
                                                  }
                                                }
                                              } else {
                                                validate202.errors = [{ instancePath: instancePath + "/subject/url", schemaPath: "#/properties/subject/properties/url/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                                return false;
                                              }
                                            }
                                            var valid4 = _errs27 === errors;
                                          } else {
                                            var valid4 = true;
                                          }
                                        }
                                      }
                                    }
                                  }
                                }
                              } else {
                                validate202.errors = [{ instancePath: instancePath + "/subject", schemaPath: "#/properties/subject/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                                return false;
                              }
                            }
                            var valid0 = _errs18 === errors;
                          } else {
                            var valid0 = true;
                          }
                          if (valid0) {
                            if (data.points !== void 0) {
                              let data15 = data.points;
                              const _errs29 = errors;
                              const _errs30 = errors;
                              if (!(typeof data15 == "number" && (!(data15 % 1) && !isNaN(data15)) && isFinite(data15))) {
                                validate202.errors = [{ instancePath: instancePath + "/points", schemaPath: "#/$defs/millipoints/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                                return false;
                              }
                              if (errors === _errs30) {
                                if (typeof data15 == "number" && isFinite(data15)) {
                                  if (data15 > 9007199254740991 || isNaN(data15)) {
                                    validate202.errors = [{ instancePath: instancePath + "/points", schemaPath: "#/$defs/millipoints/maximum", keyword: "maximum", params: { comparison: "<=", limit: 9007199254740991 }, message: "must be <= 9007199254740991" }];
                                    return false;
                                  } else {
                                    if (data15 < -9007199254740991 || isNaN(data15)) {
                                      validate202.errors = [{ instancePath: instancePath + "/points", schemaPath: "#/$defs/millipoints/minimum", keyword: "minimum", params: { comparison: ">=", limit: -9007199254740991 }, message: "must be >= -9007199254740991" }];
                                      return false;
                                    }
                                  }
                                }
                              }
                              var valid0 = _errs29 === errors;
                            } else {
                              var valid0 = true;
                            }
                            if (valid0) {
                              if (data.breakdown !== void 0) {
                                let data16 = data.breakdown;
                                const _errs32 = errors;
                                if (errors === _errs32) {
                                  if (Array.isArray(data16)) {
                                    if (data16.length > 64) {
                                      validate202.errors = [{ instancePath: instancePath + "/breakdown", schemaPath: "#/properties/breakdown/maxItems", keyword: "maxItems", params: { limit: 64 }, message: "must NOT have more than 64 items" }];
                                      return false;
                                    } else {
                                      var valid7 = true;
                                      const len0 = data16.length;
                                      for (let i0 = 0; i0 < len0; i0++) {
                                        let data17 = data16[i0];
                                        const _errs34 = errors;
                                        if (errors === _errs34) {
                                          if (data17 && typeof data17 == "object" && !Array.isArray(data17)) {
                                            let missing3;
                                            if (data17.rule === void 0 && (missing3 = "rule") || data17.points === void 0 && (missing3 = "points")) {
                                              validate202.errors = [{ instancePath: instancePath + "/breakdown/" + i0, schemaPath: "#/properties/breakdown/items/required", keyword: "required", params: { missingProperty: missing3 }, message: "must have required property '" + missing3 + "'" }];
                                              return false;
                                            } else {
                                              const _errs36 = errors;
                                              for (const key3 in data17) {
                                                if (!(key3 === "rule" || key3 === "points" || key3 === "note")) {
                                                  validate202.errors = [{ instancePath: instancePath + "/breakdown/" + i0, schemaPath: "#/properties/breakdown/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties" }];
                                                  return false;
                                                  break;
                                                }
                                              }
                                              if (_errs36 === errors) {
                                                if (data17.rule !== void 0) {
                                                  let data18 = data17.rule;
                                                  const _errs37 = errors;
                                                  if (errors === _errs37) {
                                                    if (typeof data18 === "string") {
                                                      if (!pattern92.test(data18)) {
                                                        validate202.errors = [{ instancePath: instancePath + "/breakdown/" + i0 + "/rule", schemaPath: "#/properties/breakdown/items/properties/rule/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9_.:-]{0,63}$" }, message: 'must match pattern "^[a-z][a-z0-9_.:-]{0,63}$"' }];
                                                        return false;
                                                      }
                                                    } else {
                                                      validate202.errors = [{ instancePath: instancePath + "/breakdown/" + i0 + "/rule", schemaPath: "#/properties/breakdown/items/properties/rule/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                                      return false;
                                                    }
                                                  }
                                                  var valid8 = _errs37 === errors;
                                                } else {
                                                  var valid8 = true;
                                                }
                                                if (valid8) {
                                                  if (data17.points !== void 0) {
                                                    let data19 = data17.points;
                                                    const _errs39 = errors;
                                                    const _errs40 = errors;
                                                    if (!(typeof data19 == "number" && (!(data19 % 1) && !isNaN(data19)) && isFinite(data19))) {
                                                      validate202.errors = [{ instancePath: instancePath + "/breakdown/" + i0 + "/points", schemaPath: "#/$defs/millipoints/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                                                      return false;
                                                    }
                                                    if (errors === _errs40) {
                                                      if (typeof data19 == "number" && isFinite(data19)) {
                                                        if (data19 > 9007199254740991 || isNaN(data19)) {
                                                          validate202.errors = [{ instancePath: instancePath + "/breakdown/" + i0 + "/points", schemaPath: "#/$defs/millipoints/maximum", keyword: "maximum", params: { comparison: "<=", limit: 9007199254740991 }, message: "must be <= 9007199254740991" }];
                                                          return false;
                                                        } else {
                                                          if (data19 < -9007199254740991 || isNaN(data19)) {
                                                            validate202.errors = [{ instancePath: instancePath + "/breakdown/" + i0 + "/points", schemaPath: "#/$defs/millipoints/minimum", keyword: "minimum", params: { comparison: ">=", limit: -9007199254740991 }, message: "must be >= -9007199254740991" }];
                                                            return false;
                                                          }
                                                        }
                                                      }
                                                    }
                                                    var valid8 = _errs39 === errors;
                                                  } else {
                                                    var valid8 = true;
                                                  }
                                                  if (valid8) {
                                                    if (data17.note !== void 0) {
                                                      let data20 = data17.note;
                                                      const _errs42 = errors;
                                                      if (errors === _errs42) {
                                                        if (typeof data20 === "string") {
                                                          if (func22(data20) > 200) {
                                                            validate202.errors = [{ instancePath: instancePath + "/breakdown/" + i0 + "/note", schemaPath: "#/properties/breakdown/items/properties/note/maxLength", keyword: "maxLength", params: { limit: 200 }, message: "must NOT have more than 200 characters" }];
                                                            return false;
                                                          }
                                                        } else {
                                                          validate202.errors = [{ instancePath: instancePath + "/breakdown/" + i0 + "/note", schemaPath: "#/properties/breakdown/items/properties/note/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                                          return false;
                                                        }
                                                      }
                                                      var valid8 = _errs42 === errors;
                                                    } else {
                                                      var valid8 = true;
                                                    }
                                                  }
                                                }
                                              }
                                            }
                                          } else {
                                            validate202.errors = [{ instancePath: instancePath + "/breakdown/" + i0, schemaPath: "#/properties/breakdown/items/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                                            return false;
                                          }
                                        }
                                        var valid7 = _errs34 === errors;
                                        if (!valid7) {
                                          break;
                                        }
                                      }
                                    }
                                  } else {
                                    validate202.errors = [{ instancePath: instancePath + "/breakdown", schemaPath: "#/properties/breakdown/type", keyword: "type", params: { type: "array" }, message: "must be array" }];
                                    return false;
                                  }
                                }
                                var valid0 = _errs32 === errors;
                              } else {
                                var valid0 = true;
                              }
                              if (valid0) {
                                if (data.rules !== void 0) {
                                  let data21 = data.rules;
                                  const _errs44 = errors;
                                  if (errors === _errs44) {
                                    if (typeof data21 === "string") {
                                      if (!pattern102.test(data21)) {
                                        validate202.errors = [{ instancePath: instancePath + "/rules", schemaPath: "#/properties/rules/pattern", keyword: "pattern", params: { pattern: "^sha256:[0-9a-f]{64}$" }, message: 'must match pattern "^sha256:[0-9a-f]{64}$"' }];
                                        return false;
                                      }
                                    } else {
                                      validate202.errors = [{ instancePath: instancePath + "/rules", schemaPath: "#/properties/rules/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                      return false;
                                    }
                                  }
                                  var valid0 = _errs44 === errors;
                                } else {
                                  var valid0 = true;
                                }
                                if (valid0) {
                                  if (data.source !== void 0) {
                                    let data22 = data.source;
                                    const _errs46 = errors;
                                    if (errors === _errs46) {
                                      if (data22 && typeof data22 == "object" && !Array.isArray(data22)) {
                                        let missing4;
                                        if (data22.event === void 0 && (missing4 = "event")) {
                                          validate202.errors = [{ instancePath: instancePath + "/source", schemaPath: "#/properties/source/required", keyword: "required", params: { missingProperty: missing4 }, message: "must have required property '" + missing4 + "'" }];
                                          return false;
                                        } else {
                                          const _errs48 = errors;
                                          for (const key4 in data22) {
                                            if (!(key4 === "event" || key4 === "action" || key4 === "delivery" || key4 === "run")) {
                                              validate202.errors = [{ instancePath: instancePath + "/source", schemaPath: "#/properties/source/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties" }];
                                              return false;
                                              break;
                                            }
                                          }
                                          if (_errs48 === errors) {
                                            if (data22.event !== void 0) {
                                              let data23 = data22.event;
                                              const _errs49 = errors;
                                              if (errors === _errs49) {
                                                if (typeof data23 === "string") {
                                                  if (!pattern112.test(data23)) {
                                                    validate202.errors = [{ instancePath: instancePath + "/source/event", schemaPath: "#/properties/source/properties/event/pattern", keyword: "pattern", params: { pattern: "^[a-z_]{1,64}$" }, message: 'must match pattern "^[a-z_]{1,64}$"' }];
                                                    return false;
                                                  }
                                                } else {
                                                  validate202.errors = [{ instancePath: instancePath + "/source/event", schemaPath: "#/properties/source/properties/event/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                                  return false;
                                                }
                                              }
                                              var valid10 = _errs49 === errors;
                                            } else {
                                              var valid10 = true;
                                            }
                                            if (valid10) {
                                              if (data22.action !== void 0) {
                                                let data24 = data22.action;
                                                const _errs51 = errors;
                                                if (errors === _errs51) {
                                                  if (typeof data24 === "string") {
                                                    if (!pattern112.test(data24)) {
                                                      validate202.errors = [{ instancePath: instancePath + "/source/action", schemaPath: "#/properties/source/properties/action/pattern", keyword: "pattern", params: { pattern: "^[a-z_]{1,64}$" }, message: 'must match pattern "^[a-z_]{1,64}$"' }];
                                                      return false;
                                                    }
                                                  } else {
                                                    validate202.errors = [{ instancePath: instancePath + "/source/action", schemaPath: "#/properties/source/properties/action/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                                    return false;
                                                  }
                                                }
                                                var valid10 = _errs51 === errors;
                                              } else {
                                                var valid10 = true;
                                              }
                                              if (valid10) {
                                                if (data22.delivery !== void 0) {
                                                  let data25 = data22.delivery;
                                                  const _errs53 = errors;
                                                  if (errors === _errs53) {
                                                    if (typeof data25 === "string") {
                                                      if (func22(data25) > 128) {
                                                        validate202.errors = [{ instancePath: instancePath + "/source/delivery", schemaPath: "#/properties/source/properties/delivery/maxLength", keyword: "maxLength", params: { limit: 128 }, message: "must NOT have more than 128 characters" }];
                                                        return false;
                                                      }
                                                    } else {
                                                      validate202.errors = [{ instancePath: instancePath + "/source/delivery", schemaPath: "#/properties/source/properties/delivery/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                                      return false;
                                                    }
                                                  }
                                                  var valid10 = _errs53 === errors;
                                                } else {
                                                  var valid10 = true;
                                                }
                                                if (valid10) {
                                                  if (data22.run !== void 0) {
                                                    let data26 = data22.run;
                                                    const _errs55 = errors;
                                                    if (errors === _errs55) {
                                                      if (typeof data26 === "string") {
                                                        if (func22(data26) > 2048) {
                                                          validate202.errors = [{ instancePath: instancePath + "/source/run", schemaPath: "#/properties/source/properties/run/maxLength", keyword: "maxLength", params: { limit: 2048 }, message: "must NOT have more than 2048 characters" }];
                                                          return false;
                                                        } else {
                                                          if (!pattern82.test(data26)) {
                                                            validate202.errors = [{ instancePath: instancePath + "/source/run", schemaPath: "#/properties/source/properties/run/pattern", keyword: "pattern", params: { pattern: "^https://[^\\s]+$" }, message: 'must match pattern "^https://[^\\s]+$"' }];
                                                            return false;
                                                          }
                                                        }
                                                      } else {
                                                        validate202.errors = [{ instancePath: instancePath + "/source/run", schemaPath: "#/properties/source/properties/run/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                                        return false;
                                                      }
                                                    }
                                                    var valid10 = _errs55 === errors;
                                                  } else {
                                                    var valid10 = true;
                                                  }
                                                }
                                              }
                                            }
                                          }
                                        }
                                      } else {
                                        validate202.errors = [{ instancePath: instancePath + "/source", schemaPath: "#/properties/source/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                                        return false;
                                      }
                                    }
                                    var valid0 = _errs46 === errors;
                                  } else {
                                    var valid0 = true;
                                  }
                                  if (valid0) {
                                    if (data.inputs !== void 0) {
                                      let data27 = data.inputs;
                                      const _errs57 = errors;
                                      if (!(data27 && typeof data27 == "object" && !Array.isArray(data27))) {
                                        validate202.errors = [{ instancePath: instancePath + "/inputs", schemaPath: "#/properties/inputs/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                                        return false;
                                      }
                                      var valid0 = _errs57 === errors;
                                    } else {
                                      var valid0 = true;
                                    }
                                    if (valid0) {
                                      if (data.ref !== void 0) {
                                        let data28 = data.ref;
                                        const _errs59 = errors;
                                        const _errs60 = errors;
                                        if (errors === _errs60) {
                                          if (typeof data28 === "string") {
                                            if (!pattern42.test(data28)) {
                                              validate202.errors = [{ instancePath: instancePath + "/ref", schemaPath: "#/$defs/hex256/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{64}$" }, message: 'must match pattern "^[0-9a-f]{64}$"' }];
                                              return false;
                                            }
                                          } else {
                                            validate202.errors = [{ instancePath: instancePath + "/ref", schemaPath: "#/$defs/hex256/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                            return false;
                                          }
                                        }
                                        var valid0 = _errs59 === errors;
                                      } else {
                                        var valid0 = true;
                                      }
                                      if (valid0) {
                                        if (data.reason !== void 0) {
                                          let data29 = data.reason;
                                          const _errs62 = errors;
                                          if (errors === _errs62) {
                                            if (typeof data29 === "string") {
                                              if (func22(data29) > 1e3) {
                                                validate202.errors = [{ instancePath: instancePath + "/reason", schemaPath: "#/properties/reason/maxLength", keyword: "maxLength", params: { limit: 1e3 }, message: "must NOT have more than 1000 characters" }];
                                                return false;
                                              }
                                            } else {
                                              validate202.errors = [{ instancePath: instancePath + "/reason", schemaPath: "#/properties/reason/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                              return false;
                                            }
                                          }
                                          var valid0 = _errs62 === errors;
                                        } else {
                                          var valid0 = true;
                                        }
                                        if (valid0) {
                                          if (data.by !== void 0) {
                                            const _errs64 = errors;
                                            if (!validate212(data.by, { instancePath: instancePath + "/by", parentData: data, parentDataProperty: "by", rootData, dynamicAnchors })) {
                                              vErrors = vErrors === null ? validate212.errors : vErrors.concat(validate212.errors);
                                              errors = vErrors.length;
                                            }
                                            var valid0 = _errs64 === errors;
                                          } else {
                                            var valid0 = true;
                                          }
                                          if (valid0) {
                                            if (data.badge !== void 0) {
                                              let data31 = data.badge;
                                              const _errs65 = errors;
                                              if (errors === _errs65) {
                                                if (typeof data31 === "string") {
                                                  if (!pattern15.test(data31)) {
                                                    validate202.errors = [{ instancePath: instancePath + "/badge", schemaPath: "#/properties/badge/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9-]{0,63}$" }, message: 'must match pattern "^[a-z][a-z0-9-]{0,63}$"' }];
                                                    return false;
                                                  }
                                                } else {
                                                  validate202.errors = [{ instancePath: instancePath + "/badge", schemaPath: "#/properties/badge/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                                  return false;
                                                }
                                              }
                                              var valid0 = _errs65 === errors;
                                            } else {
                                              var valid0 = true;
                                            }
                                            if (valid0) {
                                              if (data.sig !== void 0) {
                                                var valid0 = false;
                                                validate202.errors = [{ instancePath: instancePath + "/sig", schemaPath: "#/properties/sig/false schema", keyword: "false schema", params: {}, message: "boolean schema is false" }];
                                                return false;
                                              } else {
                                                var valid0 = true;
                                              }
                                            }
                                          }
                                        }
                                      }
                                    }
                                  }
                                }
                              }
                            }
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    } else {
      validate202.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
      return false;
    }
  }
  validate202.errors = vErrors;
  return errors === 0;
}
validate202.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };

// validator:keys
var keys_default = validate203;
var pattern43 = new RegExp("^[^+\\s]+$", "u");
var pattern52 = new RegExp("^[^+\\s]+\\+[0-9a-f]{8}\\+[A-Za-z0-9+/]{44}$", "u");
function validate203(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate203.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (data.v === void 0 && (missing0 = "v") || data.origin === void 0 && (missing0 = "origin") || data.keys === void 0 && (missing0 = "keys")) {
        validate203.errors = [{ instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: missing0 }, message: "must have required property '" + missing0 + "'" }];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!(key0 === "v" || key0 === "origin" || key0 === "keys")) {
            validate203.errors = [{ instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" }];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.v !== void 0) {
            const _errs2 = errors;
            if (1 !== data.v) {
              validate203.errors = [{ instancePath: instancePath + "/v", schemaPath: "#/properties/v/const", keyword: "const", params: { allowedValue: 1 }, message: "must be equal to constant" }];
              return false;
            }
            var valid0 = _errs2 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.origin !== void 0) {
              let data1 = data.origin;
              const _errs3 = errors;
              if (errors === _errs3) {
                if (typeof data1 === "string") {
                  if (!pattern43.test(data1)) {
                    validate203.errors = [{ instancePath: instancePath + "/origin", schemaPath: "#/properties/origin/pattern", keyword: "pattern", params: { pattern: "^[^+\\s]+$" }, message: 'must match pattern "^[^+\\s]+$"' }];
                    return false;
                  }
                } else {
                  validate203.errors = [{ instancePath: instancePath + "/origin", schemaPath: "#/properties/origin/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                  return false;
                }
              }
              var valid0 = _errs3 === errors;
            } else {
              var valid0 = true;
            }
            if (valid0) {
              if (data.keys !== void 0) {
                let data2 = data.keys;
                const _errs5 = errors;
                if (errors === _errs5) {
                  if (Array.isArray(data2)) {
                    if (data2.length < 1) {
                      validate203.errors = [{ instancePath: instancePath + "/keys", schemaPath: "#/properties/keys/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" }];
                      return false;
                    } else {
                      var valid1 = true;
                      const len0 = data2.length;
                      for (let i0 = 0; i0 < len0; i0++) {
                        let data3 = data2[i0];
                        const _errs7 = errors;
                        if (errors === _errs7) {
                          if (data3 && typeof data3 == "object" && !Array.isArray(data3)) {
                            let missing1;
                            if (data3.vkey === void 0 && (missing1 = "vkey") || data3.from === void 0 && (missing1 = "from")) {
                              validate203.errors = [{ instancePath: instancePath + "/keys/" + i0, schemaPath: "#/properties/keys/items/required", keyword: "required", params: { missingProperty: missing1 }, message: "must have required property '" + missing1 + "'" }];
                              return false;
                            } else {
                              const _errs9 = errors;
                              for (const key1 in data3) {
                                if (!(key1 === "vkey" || key1 === "from" || key1 === "until")) {
                                  validate203.errors = [{ instancePath: instancePath + "/keys/" + i0, schemaPath: "#/properties/keys/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" }];
                                  return false;
                                  break;
                                }
                              }
                              if (_errs9 === errors) {
                                if (data3.vkey !== void 0) {
                                  let data4 = data3.vkey;
                                  const _errs10 = errors;
                                  if (errors === _errs10) {
                                    if (typeof data4 === "string") {
                                      if (!pattern52.test(data4)) {
                                        validate203.errors = [{ instancePath: instancePath + "/keys/" + i0 + "/vkey", schemaPath: "#/properties/keys/items/properties/vkey/pattern", keyword: "pattern", params: { pattern: "^[^+\\s]+\\+[0-9a-f]{8}\\+[A-Za-z0-9+/]{44}$" }, message: 'must match pattern "^[^+\\s]+\\+[0-9a-f]{8}\\+[A-Za-z0-9+/]{44}$"' }];
                                        return false;
                                      }
                                    } else {
                                      validate203.errors = [{ instancePath: instancePath + "/keys/" + i0 + "/vkey", schemaPath: "#/properties/keys/items/properties/vkey/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                      return false;
                                    }
                                  }
                                  var valid2 = _errs10 === errors;
                                } else {
                                  var valid2 = true;
                                }
                                if (valid2) {
                                  if (data3.from !== void 0) {
                                    let data5 = data3.from;
                                    const _errs12 = errors;
                                    if (!(typeof data5 == "number" && (!(data5 % 1) && !isNaN(data5)) && isFinite(data5))) {
                                      validate203.errors = [{ instancePath: instancePath + "/keys/" + i0 + "/from", schemaPath: "#/properties/keys/items/properties/from/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                                      return false;
                                    }
                                    if (errors === _errs12) {
                                      if (typeof data5 == "number" && isFinite(data5)) {
                                        if (data5 > 9007199254740991 || isNaN(data5)) {
                                          validate203.errors = [{ instancePath: instancePath + "/keys/" + i0 + "/from", schemaPath: "#/properties/keys/items/properties/from/maximum", keyword: "maximum", params: { comparison: "<=", limit: 9007199254740991 }, message: "must be <= 9007199254740991" }];
                                          return false;
                                        } else {
                                          if (data5 < 0 || isNaN(data5)) {
                                            validate203.errors = [{ instancePath: instancePath + "/keys/" + i0 + "/from", schemaPath: "#/properties/keys/items/properties/from/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" }];
                                            return false;
                                          }
                                        }
                                      }
                                    }
                                    var valid2 = _errs12 === errors;
                                  } else {
                                    var valid2 = true;
                                  }
                                  if (valid2) {
                                    if (data3.until !== void 0) {
                                      let data6 = data3.until;
                                      const _errs14 = errors;
                                      if (!(typeof data6 == "number" && (!(data6 % 1) && !isNaN(data6)) && isFinite(data6))) {
                                        validate203.errors = [{ instancePath: instancePath + "/keys/" + i0 + "/until", schemaPath: "#/properties/keys/items/properties/until/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                                        return false;
                                      }
                                      if (errors === _errs14) {
                                        if (typeof data6 == "number" && isFinite(data6)) {
                                          if (data6 > 9007199254740991 || isNaN(data6)) {
                                            validate203.errors = [{ instancePath: instancePath + "/keys/" + i0 + "/until", schemaPath: "#/properties/keys/items/properties/until/maximum", keyword: "maximum", params: { comparison: "<=", limit: 9007199254740991 }, message: "must be <= 9007199254740991" }];
                                            return false;
                                          } else {
                                            if (data6 < 0 || isNaN(data6)) {
                                              validate203.errors = [{ instancePath: instancePath + "/keys/" + i0 + "/until", schemaPath: "#/properties/keys/items/properties/until/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" }];
                                              return false;
                                            }
                                          }
                                        }
                                      }
                                      var valid2 = _errs14 === errors;
                                    } else {
                                      var valid2 = true;
                                    }
                                  }
                                }
                              }
                            }
                          } else {
                            validate203.errors = [{ instancePath: instancePath + "/keys/" + i0, schemaPath: "#/properties/keys/items/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                            return false;
                          }
                        }
                        var valid1 = _errs7 === errors;
                        if (!valid1) {
                          break;
                        }
                      }
                    }
                  } else {
                    validate203.errors = [{ instancePath: instancePath + "/keys", schemaPath: "#/properties/keys/type", keyword: "type", params: { type: "array" }, message: "must be array" }];
                    return false;
                  }
                }
                var valid0 = _errs5 === errors;
              } else {
                var valid0 = true;
              }
            }
          }
        }
      }
    } else {
      validate203.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
      return false;
    }
  }
  validate203.errors = vErrors;
  return errors === 0;
}
validate203.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };

// validator:config
var config_default = validate204;
var schema313 = { "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://meritlog.dev/schema/config.schema.json", "title": "meritlog configuration (.github/meritlog.yml)", "description": "How contributions are scored. Every key is optional: a missing key takes its documented default. Points are written in points with at most three decimals (the ledger records millipoints: 1 point = 1000).", "type": "object", "additionalProperties": false, "properties": { "version": { "const": 1, "description": "Configuration format version. Default: 1." }, "points": { "type": "object", "additionalProperties": false, "description": "Base points for each kind of contribution.", "properties": { "release": { "$ref": "#/$defs/points", "description": "Publishing a release, to its author. Default: 30." }, "pr_merged": { "$ref": "#/$defs/points", "description": "A pull request merged, to its author. Default: 25." }, "review": { "$ref": "#/$defs/points", "description": "A review submitted (approved, changes requested or commented), to the reviewer. Default: 20." }, "pr_opened": { "$ref": "#/$defs/points", "description": "A pull request opened, to its author. Default: 15." }, "commit": { "$ref": "#/$defs/points", "description": "Each commit of a merged pull request, to its author and to each Co-authored-by co-author. Default: 10." }, "issue_opened": { "$ref": "#/$defs/points", "description": "An issue opened, to its author. Default: 8." }, "issue_closed": { "$ref": "#/$defs/points", "description": "An issue closed as completed, to whoever `credit.issue_closed` names. Default: 5." }, "review_comment": { "$ref": "#/$defs/points", "description": "A comment on a pull request's diff, to its author. Default: 5." }, "comment": { "$ref": "#/$defs/points", "description": "A comment on an issue or pull request, to its author. Default: 3." } } }, "review_states": { "type": "object", "additionalProperties": false, "description": "Multipliers of `points.review` by the review's state.", "properties": { "approved": { "$ref": "#/$defs/multiplier", "description": "Default: 1." }, "changes_requested": { "$ref": "#/$defs/multiplier", "description": "Default: 1." }, "commented": { "$ref": "#/$defs/multiplier", "description": "Default: 0.5." } } }, "lines": { "type": "object", "additionalProperties": false, "description": "Points for the size of a merged pull request's diff, after `exclude`.", "properties": { "per_added": { "$ref": "#/$defs/points", "description": "Points per added line. Default: 0.01." }, "per_deleted": { "$ref": "#/$defs/points", "description": "Points per deleted line. Default: 0.005." }, "cap": { "$ref": "#/$defs/points", "description": "Most points the line rule gives one pull request. Default: 500." }, "exclude": { "type": "array", "items": { "type": "string", "minLength": 1 }, "description": "Glob patterns of files whose lines do not count (generated and lock files). Default: lock files, dist/, vendor/, minified files, snapshots." } } }, "size_tiers": { "type": "array", "maxItems": 10, "description": "Bonuses for merged pull requests of at least `lines` changed lines (added + deleted, after `lines.exclude`); the largest tier reached applies. Default: 100 \u2192 5, 500 \u2192 10, 1000 \u2192 20.", "items": { "type": "object", "additionalProperties": false, "required": ["lines", "bonus"], "properties": { "lines": { "type": "integer", "minimum": 1 }, "bonus": { "$ref": "#/$defs/points" }, "label": { "type": "string", "pattern": "^[a-z0-9/_-]{1,32}$", "description": "Size label applied when `size_labels` is on. Default: size/M, size/L and size/XL for the three default tiers." } } } }, "labels": { "type": "array", "maxItems": 100, "description": "Label modifiers on pull requests and issues. Matching ignores case and white space around a colon (`gssoc: approved` = `GSSoC:approved`). Default: documentation \xD71.2, good first issue +5, spam and invalid void.", "items": { "type": "object", "additionalProperties": false, "required": ["match"], "minProperties": 2, "properties": { "match": { "oneOf": [{ "type": "string", "minLength": 1 }, { "type": "array", "items": { "type": "string", "minLength": 1 }, "minItems": 1 }], "description": "A label name, or several." }, "add": { "$ref": "#/$defs/signedPoints", "description": "Points added to the award (negative to subtract)." }, "multiply": { "$ref": "#/$defs/multiplier", "description": "Multiplier of the award." }, "void": { "const": true, "description": "The pull request or issue scores nothing; scored entries are reversed." }, "skill": { "type": "string", "pattern": "^[a-z0-9-]{1,32}$", "description": "A skill tag shown on profiles and leaderboards. Default: docs for the documentation rule." } } } }, "credit": { "type": "object", "additionalProperties": false, "properties": { "issue_closed": { "enum": ["closer", "author", "none"], "description": "Who gets `points.issue_closed`. Default: closer." } } }, "bots": { "type": "object", "additionalProperties": false, "description": "Bot accounts score nothing.", "properties": { "exclude": { "type": "boolean", "description": "Exclude accounts of type Bot and logins ending in [bot]. Default: true." }, "logins": { "type": "array", "items": { "type": "string" }, "description": "More logins to treat as bots. Default: none." } } }, "limits": { "type": "object", "additionalProperties": false, "description": "Anti-gaming limits, per contributor and repository.", "properties": { "monthly_cap": { "$ref": "#/$defs/points", "description": "Most points one contributor earns in one repository in a calendar month (UTC); 0 for no cap. Default: 2000." }, "diminishing_after": { "type": "integer", "minimum": 0, "description": "Merged pull requests a month at full points; 0 for no limit. Default: 20." }, "diminishing_factor": { "$ref": "#/$defs/multiplier", "description": "Multiplier for each merged pull request beyond `diminishing_after`. Default: 0.5." }, "daily_prs": { "type": "integer", "minimum": 0, "description": "Opened pull requests a day that score; later ones score nothing; 0 for no limit. Default: 10." }, "low_value_lines": { "type": "integer", "minimum": 0, "description": "A merged pull request changing fewer lines than this (after `lines.exclude`) is low value. Default: 2." }, "low_value_points": { "$ref": "#/$defs/signedPoints", "description": "What a low-value or whitespace-only pull request scores instead of its award. Default: 0." }, "own_repository": { "type": "boolean", "description": "Score pull requests to a repository owned by their author. Default: false." }, "self_review": { "type": "boolean", "description": "Score reviews of one's own pull request. Default: false." } } }, "ratings": { "type": "object", "additionalProperties": false, "description": "Multipliers of a pull request's award by a maintainer's rating (`/meritlog rate 1-5`).", "properties": { "1": { "$ref": "#/$defs/multiplier", "description": "Rated 1. Default: 0.5." }, "2": { "$ref": "#/$defs/multiplier", "description": "Rated 2. Default: 0.8." }, "3": { "$ref": "#/$defs/multiplier", "description": "Rated 3. Default: 1." }, "4": { "$ref": "#/$defs/multiplier", "description": "Rated 4. Default: 1.2." }, "5": { "$ref": "#/$defs/multiplier", "description": "Rated 5. Default: 1.5." } } }, "aliases": { "type": "object", "description": "Merges accounts: each key is a numeric GitHub account id credited to the account id it maps to.", "propertyNames": { "pattern": "^[1-9][0-9]{0,15}$" }, "additionalProperties": { "type": "integer", "minimum": 1 } }, "size_labels": { "type": "boolean", "description": "Apply the size tier's label to pull requests. Default: false." }, "commands": { "type": "object", "additionalProperties": false, "properties": { "permission": { "enum": ["triage", "write", "maintain", "admin"], "description": "Repository permission needed for maintainer commands. Default: maintain." } } } }, "$defs": { "points": { "type": "number", "minimum": 0, "maximum": 1e6, "description": "Points, at most three decimals." }, "signedPoints": { "type": "number", "minimum": -1e6, "maximum": 1e6, "description": "Points, at most three decimals." }, "multiplier": { "type": "number", "minimum": 0, "maximum": 100, "description": "A factor, at most three decimals." } } };
var schema32 = { "type": "number", "minimum": 0, "maximum": 1e6, "description": "Points, at most three decimals." };
var schema41 = { "type": "number", "minimum": 0, "maximum": 100, "description": "A factor, at most three decimals." };
var schema48 = { "type": "number", "minimum": -1e6, "maximum": 1e6, "description": "Points, at most three decimals." };
var func13 = Object.prototype.hasOwnProperty;
var func3 = require_ucs2length().default;
var pattern44 = new RegExp("^[a-z0-9/_-]{1,32}$", "u");
var pattern53 = new RegExp("^[a-z0-9-]{1,32}$", "u");
var pattern63 = new RegExp("^[1-9][0-9]{0,15}$", "u");
function validate204(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate204.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    for (const key0 in data) {
      if (!func13.call(schema313.properties, key0)) {
        const err0 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema313, data };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
    if (data.version !== void 0) {
      let data0 = data.version;
      if (1 !== data0) {
        const err1 = { instancePath: instancePath + "/version", schemaPath: "#/properties/version/const", keyword: "const", params: { allowedValue: 1 }, message: "must be equal to constant", schema: 1, parentSchema: schema313.properties.version, data: data0 };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.points !== void 0) {
      let data1 = data.points;
      if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
        for (const key1 in data1) {
          if (!func13.call(schema313.properties.points.properties, key1)) {
            const err2 = { instancePath: instancePath + "/points", schemaPath: "#/properties/points/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema313.properties.points, data: data1 };
            if (vErrors === null) {
              vErrors = [err2];
            } else {
              vErrors.push(err2);
            }
            errors++;
          }
        }
        if (data1.release !== void 0) {
          let data2 = data1.release;
          if (typeof data2 == "number" && isFinite(data2)) {
            if (data2 > 1e6 || isNaN(data2)) {
              const err3 = { instancePath: instancePath + "/points/release", schemaPath: "#/$defs/points/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1e6 }, message: "must be <= 1000000", schema: 1e6, parentSchema: schema32, data: data2 };
              if (vErrors === null) {
                vErrors = [err3];
              } else {
                vErrors.push(err3);
              }
              errors++;
            }
            if (data2 < 0 || isNaN(data2)) {
              const err4 = { instancePath: instancePath + "/points/release", schemaPath: "#/$defs/points/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema32, data: data2 };
              if (vErrors === null) {
                vErrors = [err4];
              } else {
                vErrors.push(err4);
              }
              errors++;
            }
          } else {
            const err5 = { instancePath: instancePath + "/points/release", schemaPath: "#/$defs/points/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema32.type, parentSchema: schema32, data: data2 };
            if (vErrors === null) {
              vErrors = [err5];
            } else {
              vErrors.push(err5);
            }
            errors++;
          }
        }
        if (data1.pr_merged !== void 0) {
          let data3 = data1.pr_merged;
          if (typeof data3 == "number" && isFinite(data3)) {
            if (data3 > 1e6 || isNaN(data3)) {
              const err6 = { instancePath: instancePath + "/points/pr_merged", schemaPath: "#/$defs/points/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1e6 }, message: "must be <= 1000000", schema: 1e6, parentSchema: schema32, data: data3 };
              if (vErrors === null) {
                vErrors = [err6];
              } else {
                vErrors.push(err6);
              }
              errors++;
            }
            if (data3 < 0 || isNaN(data3)) {
              const err7 = { instancePath: instancePath + "/points/pr_merged", schemaPath: "#/$defs/points/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema32, data: data3 };
              if (vErrors === null) {
                vErrors = [err7];
              } else {
                vErrors.push(err7);
              }
              errors++;
            }
          } else {
            const err8 = { instancePath: instancePath + "/points/pr_merged", schemaPath: "#/$defs/points/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema32.type, parentSchema: schema32, data: data3 };
            if (vErrors === null) {
              vErrors = [err8];
            } else {
              vErrors.push(err8);
            }
            errors++;
          }
        }
        if (data1.review !== void 0) {
          let data4 = data1.review;
          if (typeof data4 == "number" && isFinite(data4)) {
            if (data4 > 1e6 || isNaN(data4)) {
              const err9 = { instancePath: instancePath + "/points/review", schemaPath: "#/$defs/points/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1e6 }, message: "must be <= 1000000", schema: 1e6, parentSchema: schema32, data: data4 };
              if (vErrors === null) {
                vErrors = [err9];
              } else {
                vErrors.push(err9);
              }
              errors++;
            }
            if (data4 < 0 || isNaN(data4)) {
              const err10 = { instancePath: instancePath + "/points/review", schemaPath: "#/$defs/points/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema32, data: data4 };
              if (vErrors === null) {
                vErrors = [err10];
              } else {
                vErrors.push(err10);
              }
              errors++;
            }
          } else {
            const err11 = { instancePath: instancePath + "/points/review", schemaPath: "#/$defs/points/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema32.type, parentSchema: schema32, data: data4 };
            if (vErrors === null) {
              vErrors = [err11];
            } else {
              vErrors.push(err11);
            }
            errors++;
          }
        }
        if (data1.pr_opened !== void 0) {
          let data5 = data1.pr_opened;
          if (typeof data5 == "number" && isFinite(data5)) {
            if (data5 > 1e6 || isNaN(data5)) {
              const err12 = { instancePath: instancePath + "/points/pr_opened", schemaPath: "#/$defs/points/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1e6 }, message: "must be <= 1000000", schema: 1e6, parentSchema: schema32, data: data5 };
              if (vErrors === null) {
                vErrors = [err12];
              } else {
                vErrors.push(err12);
              }
              errors++;
            }
            if (data5 < 0 || isNaN(data5)) {
              const err13 = { instancePath: instancePath + "/points/pr_opened", schemaPath: "#/$defs/points/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema32, data: data5 };
              if (vErrors === null) {
                vErrors = [err13];
              } else {
                vErrors.push(err13);
              }
              errors++;
            }
          } else {
            const err14 = { instancePath: instancePath + "/points/pr_opened", schemaPath: "#/$defs/points/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema32.type, parentSchema: schema32, data: data5 };
            if (vErrors === null) {
              vErrors = [err14];
            } else {
              vErrors.push(err14);
            }
            errors++;
          }
        }
        if (data1.commit !== void 0) {
          let data6 = data1.commit;
          if (typeof data6 == "number" && isFinite(data6)) {
            if (data6 > 1e6 || isNaN(data6)) {
              const err15 = { instancePath: instancePath + "/points/commit", schemaPath: "#/$defs/points/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1e6 }, message: "must be <= 1000000", schema: 1e6, parentSchema: schema32, data: data6 };
              if (vErrors === null) {
                vErrors = [err15];
              } else {
                vErrors.push(err15);
              }
              errors++;
            }
            if (data6 < 0 || isNaN(data6)) {
              const err16 = { instancePath: instancePath + "/points/commit", schemaPath: "#/$defs/points/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema32, data: data6 };
              if (vErrors === null) {
                vErrors = [err16];
              } else {
                vErrors.push(err16);
              }
              errors++;
            }
          } else {
            const err17 = { instancePath: instancePath + "/points/commit", schemaPath: "#/$defs/points/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema32.type, parentSchema: schema32, data: data6 };
            if (vErrors === null) {
              vErrors = [err17];
            } else {
              vErrors.push(err17);
            }
            errors++;
          }
        }
        if (data1.issue_opened !== void 0) {
          let data7 = data1.issue_opened;
          if (typeof data7 == "number" && isFinite(data7)) {
            if (data7 > 1e6 || isNaN(data7)) {
              const err18 = { instancePath: instancePath + "/points/issue_opened", schemaPath: "#/$defs/points/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1e6 }, message: "must be <= 1000000", schema: 1e6, parentSchema: schema32, data: data7 };
              if (vErrors === null) {
                vErrors = [err18];
              } else {
                vErrors.push(err18);
              }
              errors++;
            }
            if (data7 < 0 || isNaN(data7)) {
              const err19 = { instancePath: instancePath + "/points/issue_opened", schemaPath: "#/$defs/points/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema32, data: data7 };
              if (vErrors === null) {
                vErrors = [err19];
              } else {
                vErrors.push(err19);
              }
              errors++;
            }
          } else {
            const err20 = { instancePath: instancePath + "/points/issue_opened", schemaPath: "#/$defs/points/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema32.type, parentSchema: schema32, data: data7 };
            if (vErrors === null) {
              vErrors = [err20];
            } else {
              vErrors.push(err20);
            }
            errors++;
          }
        }
        if (data1.issue_closed !== void 0) {
          let data8 = data1.issue_closed;
          if (typeof data8 == "number" && isFinite(data8)) {
            if (data8 > 1e6 || isNaN(data8)) {
              const err21 = { instancePath: instancePath + "/points/issue_closed", schemaPath: "#/$defs/points/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1e6 }, message: "must be <= 1000000", schema: 1e6, parentSchema: schema32, data: data8 };
              if (vErrors === null) {
                vErrors = [err21];
              } else {
                vErrors.push(err21);
              }
              errors++;
            }
            if (data8 < 0 || isNaN(data8)) {
              const err22 = { instancePath: instancePath + "/points/issue_closed", schemaPath: "#/$defs/points/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema32, data: data8 };
              if (vErrors === null) {
                vErrors = [err22];
              } else {
                vErrors.push(err22);
              }
              errors++;
            }
          } else {
            const err23 = { instancePath: instancePath + "/points/issue_closed", schemaPath: "#/$defs/points/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema32.type, parentSchema: schema32, data: data8 };
            if (vErrors === null) {
              vErrors = [err23];
            } else {
              vErrors.push(err23);
            }
            errors++;
          }
        }
        if (data1.review_comment !== void 0) {
          let data9 = data1.review_comment;
          if (typeof data9 == "number" && isFinite(data9)) {
            if (data9 > 1e6 || isNaN(data9)) {
              const err24 = { instancePath: instancePath + "/points/review_comment", schemaPath: "#/$defs/points/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1e6 }, message: "must be <= 1000000", schema: 1e6, parentSchema: schema32, data: data9 };
              if (vErrors === null) {
                vErrors = [err24];
              } else {
                vErrors.push(err24);
              }
              errors++;
            }
            if (data9 < 0 || isNaN(data9)) {
              const err25 = { instancePath: instancePath + "/points/review_comment", schemaPath: "#/$defs/points/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema32, data: data9 };
              if (vErrors === null) {
                vErrors = [err25];
              } else {
                vErrors.push(err25);
              }
              errors++;
            }
          } else {
            const err26 = { instancePath: instancePath + "/points/review_comment", schemaPath: "#/$defs/points/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema32.type, parentSchema: schema32, data: data9 };
            if (vErrors === null) {
              vErrors = [err26];
            } else {
              vErrors.push(err26);
            }
            errors++;
          }
        }
        if (data1.comment !== void 0) {
          let data10 = data1.comment;
          if (typeof data10 == "number" && isFinite(data10)) {
            if (data10 > 1e6 || isNaN(data10)) {
              const err27 = { instancePath: instancePath + "/points/comment", schemaPath: "#/$defs/points/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1e6 }, message: "must be <= 1000000", schema: 1e6, parentSchema: schema32, data: data10 };
              if (vErrors === null) {
                vErrors = [err27];
              } else {
                vErrors.push(err27);
              }
              errors++;
            }
            if (data10 < 0 || isNaN(data10)) {
              const err28 = { instancePath: instancePath + "/points/comment", schemaPath: "#/$defs/points/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema32, data: data10 };
              if (vErrors === null) {
                vErrors = [err28];
              } else {
                vErrors.push(err28);
              }
              errors++;
            }
          } else {
            const err29 = { instancePath: instancePath + "/points/comment", schemaPath: "#/$defs/points/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema32.type, parentSchema: schema32, data: data10 };
            if (vErrors === null) {
              vErrors = [err29];
            } else {
              vErrors.push(err29);
            }
            errors++;
          }
        }
      } else {
        const err30 = { instancePath: instancePath + "/points", schemaPath: "#/properties/points/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema313.properties.points.type, parentSchema: schema313.properties.points, data: data1 };
        if (vErrors === null) {
          vErrors = [err30];
        } else {
          vErrors.push(err30);
        }
        errors++;
      }
    }
    if (data.review_states !== void 0) {
      let data11 = data.review_states;
      if (data11 && typeof data11 == "object" && !Array.isArray(data11)) {
        for (const key2 in data11) {
          if (!(key2 === "approved" || key2 === "changes_requested" || key2 === "commented")) {
            const err31 = { instancePath: instancePath + "/review_states", schemaPath: "#/properties/review_states/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties", schema: false, parentSchema: schema313.properties.review_states, data: data11 };
            if (vErrors === null) {
              vErrors = [err31];
            } else {
              vErrors.push(err31);
            }
            errors++;
          }
        }
        if (data11.approved !== void 0) {
          let data12 = data11.approved;
          if (typeof data12 == "number" && isFinite(data12)) {
            if (data12 > 100 || isNaN(data12)) {
              const err32 = { instancePath: instancePath + "/review_states/approved", schemaPath: "#/$defs/multiplier/maximum", keyword: "maximum", params: { comparison: "<=", limit: 100 }, message: "must be <= 100", schema: 100, parentSchema: schema41, data: data12 };
              if (vErrors === null) {
                vErrors = [err32];
              } else {
                vErrors.push(err32);
              }
              errors++;
            }
            if (data12 < 0 || isNaN(data12)) {
              const err33 = { instancePath: instancePath + "/review_states/approved", schemaPath: "#/$defs/multiplier/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema41, data: data12 };
              if (vErrors === null) {
                vErrors = [err33];
              } else {
                vErrors.push(err33);
              }
              errors++;
            }
          } else {
            const err34 = { instancePath: instancePath + "/review_states/approved", schemaPath: "#/$defs/multiplier/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema41.type, parentSchema: schema41, data: data12 };
            if (vErrors === null) {
              vErrors = [err34];
            } else {
              vErrors.push(err34);
            }
            errors++;
          }
        }
        if (data11.changes_requested !== void 0) {
          let data13 = data11.changes_requested;
          if (typeof data13 == "number" && isFinite(data13)) {
            if (data13 > 100 || isNaN(data13)) {
              const err35 = { instancePath: instancePath + "/review_states/changes_requested", schemaPath: "#/$defs/multiplier/maximum", keyword: "maximum", params: { comparison: "<=", limit: 100 }, message: "must be <= 100", schema: 100, parentSchema: schema41, data: data13 };
              if (vErrors === null) {
                vErrors = [err35];
              } else {
                vErrors.push(err35);
              }
              errors++;
            }
            if (data13 < 0 || isNaN(data13)) {
              const err36 = { instancePath: instancePath + "/review_states/changes_requested", schemaPath: "#/$defs/multiplier/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema41, data: data13 };
              if (vErrors === null) {
                vErrors = [err36];
              } else {
                vErrors.push(err36);
              }
              errors++;
            }
          } else {
            const err37 = { instancePath: instancePath + "/review_states/changes_requested", schemaPath: "#/$defs/multiplier/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema41.type, parentSchema: schema41, data: data13 };
            if (vErrors === null) {
              vErrors = [err37];
            } else {
              vErrors.push(err37);
            }
            errors++;
          }
        }
        if (data11.commented !== void 0) {
          let data14 = data11.commented;
          if (typeof data14 == "number" && isFinite(data14)) {
            if (data14 > 100 || isNaN(data14)) {
              const err38 = { instancePath: instancePath + "/review_states/commented", schemaPath: "#/$defs/multiplier/maximum", keyword: "maximum", params: { comparison: "<=", limit: 100 }, message: "must be <= 100", schema: 100, parentSchema: schema41, data: data14 };
              if (vErrors === null) {
                vErrors = [err38];
              } else {
                vErrors.push(err38);
              }
              errors++;
            }
            if (data14 < 0 || isNaN(data14)) {
              const err39 = { instancePath: instancePath + "/review_states/commented", schemaPath: "#/$defs/multiplier/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema41, data: data14 };
              if (vErrors === null) {
                vErrors = [err39];
              } else {
                vErrors.push(err39);
              }
              errors++;
            }
          } else {
            const err40 = { instancePath: instancePath + "/review_states/commented", schemaPath: "#/$defs/multiplier/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema41.type, parentSchema: schema41, data: data14 };
            if (vErrors === null) {
              vErrors = [err40];
            } else {
              vErrors.push(err40);
            }
            errors++;
          }
        }
      } else {
        const err41 = { instancePath: instancePath + "/review_states", schemaPath: "#/properties/review_states/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema313.properties.review_states.type, parentSchema: schema313.properties.review_states, data: data11 };
        if (vErrors === null) {
          vErrors = [err41];
        } else {
          vErrors.push(err41);
        }
        errors++;
      }
    }
    if (data.lines !== void 0) {
      let data15 = data.lines;
      if (data15 && typeof data15 == "object" && !Array.isArray(data15)) {
        for (const key3 in data15) {
          if (!(key3 === "per_added" || key3 === "per_deleted" || key3 === "cap" || key3 === "exclude")) {
            const err42 = { instancePath: instancePath + "/lines", schemaPath: "#/properties/lines/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties", schema: false, parentSchema: schema313.properties.lines, data: data15 };
            if (vErrors === null) {
              vErrors = [err42];
            } else {
              vErrors.push(err42);
            }
            errors++;
          }
        }
        if (data15.per_added !== void 0) {
          let data16 = data15.per_added;
          if (typeof data16 == "number" && isFinite(data16)) {
            if (data16 > 1e6 || isNaN(data16)) {
              const err43 = { instancePath: instancePath + "/lines/per_added", schemaPath: "#/$defs/points/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1e6 }, message: "must be <= 1000000", schema: 1e6, parentSchema: schema32, data: data16 };
              if (vErrors === null) {
                vErrors = [err43];
              } else {
                vErrors.push(err43);
              }
              errors++;
            }
            if (data16 < 0 || isNaN(data16)) {
              const err44 = { instancePath: instancePath + "/lines/per_added", schemaPath: "#/$defs/points/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema32, data: data16 };
              if (vErrors === null) {
                vErrors = [err44];
              } else {
                vErrors.push(err44);
              }
              errors++;
            }
          } else {
            const err45 = { instancePath: instancePath + "/lines/per_added", schemaPath: "#/$defs/points/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema32.type, parentSchema: schema32, data: data16 };
            if (vErrors === null) {
              vErrors = [err45];
            } else {
              vErrors.push(err45);
            }
            errors++;
          }
        }
        if (data15.per_deleted !== void 0) {
          let data17 = data15.per_deleted;
          if (typeof data17 == "number" && isFinite(data17)) {
            if (data17 > 1e6 || isNaN(data17)) {
              const err46 = { instancePath: instancePath + "/lines/per_deleted", schemaPath: "#/$defs/points/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1e6 }, message: "must be <= 1000000", schema: 1e6, parentSchema: schema32, data: data17 };
              if (vErrors === null) {
                vErrors = [err46];
              } else {
                vErrors.push(err46);
              }
              errors++;
            }
            if (data17 < 0 || isNaN(data17)) {
              const err47 = { instancePath: instancePath + "/lines/per_deleted", schemaPath: "#/$defs/points/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema32, data: data17 };
              if (vErrors === null) {
                vErrors = [err47];
              } else {
                vErrors.push(err47);
              }
              errors++;
            }
          } else {
            const err48 = { instancePath: instancePath + "/lines/per_deleted", schemaPath: "#/$defs/points/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema32.type, parentSchema: schema32, data: data17 };
            if (vErrors === null) {
              vErrors = [err48];
            } else {
              vErrors.push(err48);
            }
            errors++;
          }
        }
        if (data15.cap !== void 0) {
          let data18 = data15.cap;
          if (typeof data18 == "number" && isFinite(data18)) {
            if (data18 > 1e6 || isNaN(data18)) {
              const err49 = { instancePath: instancePath + "/lines/cap", schemaPath: "#/$defs/points/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1e6 }, message: "must be <= 1000000", schema: 1e6, parentSchema: schema32, data: data18 };
              if (vErrors === null) {
                vErrors = [err49];
              } else {
                vErrors.push(err49);
              }
              errors++;
            }
            if (data18 < 0 || isNaN(data18)) {
              const err50 = { instancePath: instancePath + "/lines/cap", schemaPath: "#/$defs/points/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema32, data: data18 };
              if (vErrors === null) {
                vErrors = [err50];
              } else {
                vErrors.push(err50);
              }
              errors++;
            }
          } else {
            const err51 = { instancePath: instancePath + "/lines/cap", schemaPath: "#/$defs/points/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema32.type, parentSchema: schema32, data: data18 };
            if (vErrors === null) {
              vErrors = [err51];
            } else {
              vErrors.push(err51);
            }
            errors++;
          }
        }
        if (data15.exclude !== void 0) {
          let data19 = data15.exclude;
          if (Array.isArray(data19)) {
            const len0 = data19.length;
            for (let i0 = 0; i0 < len0; i0++) {
              let data20 = data19[i0];
              if (typeof data20 === "string") {
                if (func3(data20) < 1) {
                  const err52 = { instancePath: instancePath + "/lines/exclude/" + i0, schemaPath: "#/properties/lines/properties/exclude/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema313.properties.lines.properties.exclude.items, data: data20 };
                  if (vErrors === null) {
                    vErrors = [err52];
                  } else {
                    vErrors.push(err52);
                  }
                  errors++;
                }
              } else {
                const err53 = { instancePath: instancePath + "/lines/exclude/" + i0, schemaPath: "#/properties/lines/properties/exclude/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema313.properties.lines.properties.exclude.items.type, parentSchema: schema313.properties.lines.properties.exclude.items, data: data20 };
                if (vErrors === null) {
                  vErrors = [err53];
                } else {
                  vErrors.push(err53);
                }
                errors++;
              }
            }
          } else {
            const err54 = { instancePath: instancePath + "/lines/exclude", schemaPath: "#/properties/lines/properties/exclude/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema313.properties.lines.properties.exclude.type, parentSchema: schema313.properties.lines.properties.exclude, data: data19 };
            if (vErrors === null) {
              vErrors = [err54];
            } else {
              vErrors.push(err54);
            }
            errors++;
          }
        }
      } else {
        const err55 = { instancePath: instancePath + "/lines", schemaPath: "#/properties/lines/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema313.properties.lines.type, parentSchema: schema313.properties.lines, data: data15 };
        if (vErrors === null) {
          vErrors = [err55];
        } else {
          vErrors.push(err55);
        }
        errors++;
      }
    }
    if (data.size_tiers !== void 0) {
      let data21 = data.size_tiers;
      if (Array.isArray(data21)) {
        if (data21.length > 10) {
          const err56 = { instancePath: instancePath + "/size_tiers", schemaPath: "#/properties/size_tiers/maxItems", keyword: "maxItems", params: { limit: 10 }, message: "must NOT have more than 10 items", schema: 10, parentSchema: schema313.properties.size_tiers, data: data21 };
          if (vErrors === null) {
            vErrors = [err56];
          } else {
            vErrors.push(err56);
          }
          errors++;
        }
        const len1 = data21.length;
        for (let i1 = 0; i1 < len1; i1++) {
          let data22 = data21[i1];
          if (data22 && typeof data22 == "object" && !Array.isArray(data22)) {
            if (data22.lines === void 0) {
              const err57 = { instancePath: instancePath + "/size_tiers/" + i1, schemaPath: "#/properties/size_tiers/items/required", keyword: "required", params: { missingProperty: "lines" }, message: "must have required property 'lines'", schema: schema313.properties.size_tiers.items.required, parentSchema: schema313.properties.size_tiers.items, data: data22 };
              if (vErrors === null) {
                vErrors = [err57];
              } else {
                vErrors.push(err57);
              }
              errors++;
            }
            if (data22.bonus === void 0) {
              const err58 = { instancePath: instancePath + "/size_tiers/" + i1, schemaPath: "#/properties/size_tiers/items/required", keyword: "required", params: { missingProperty: "bonus" }, message: "must have required property 'bonus'", schema: schema313.properties.size_tiers.items.required, parentSchema: schema313.properties.size_tiers.items, data: data22 };
              if (vErrors === null) {
                vErrors = [err58];
              } else {
                vErrors.push(err58);
              }
              errors++;
            }
            for (const key4 in data22) {
              if (!(key4 === "lines" || key4 === "bonus" || key4 === "label")) {
                const err59 = { instancePath: instancePath + "/size_tiers/" + i1, schemaPath: "#/properties/size_tiers/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties", schema: false, parentSchema: schema313.properties.size_tiers.items, data: data22 };
                if (vErrors === null) {
                  vErrors = [err59];
                } else {
                  vErrors.push(err59);
                }
                errors++;
              }
            }
            if (data22.lines !== void 0) {
              let data23 = data22.lines;
              if (!(typeof data23 == "number" && (!(data23 % 1) && !isNaN(data23)) && isFinite(data23))) {
                const err60 = { instancePath: instancePath + "/size_tiers/" + i1 + "/lines", schemaPath: "#/properties/size_tiers/items/properties/lines/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema313.properties.size_tiers.items.properties.lines.type, parentSchema: schema313.properties.size_tiers.items.properties.lines, data: data23 };
                if (vErrors === null) {
                  vErrors = [err60];
                } else {
                  vErrors.push(err60);
                }
                errors++;
              }
              if (typeof data23 == "number" && isFinite(data23)) {
                if (data23 < 1 || isNaN(data23)) {
                  const err61 = { instancePath: instancePath + "/size_tiers/" + i1 + "/lines", schemaPath: "#/properties/size_tiers/items/properties/lines/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema313.properties.size_tiers.items.properties.lines, data: data23 };
                  if (vErrors === null) {
                    vErrors = [err61];
                  } else {
                    vErrors.push(err61);
                  }
                  errors++;
                }
              }
            }
            if (data22.bonus !== void 0) {
              let data24 = data22.bonus;
              if (typeof data24 == "number" && isFinite(data24)) {
                if (data24 > 1e6 || isNaN(data24)) {
                  const err62 = { instancePath: instancePath + "/size_tiers/" + i1 + "/bonus", schemaPath: "#/$defs/points/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1e6 }, message: "must be <= 1000000", schema: 1e6, parentSchema: schema32, data: data24 };
                  if (vErrors === null) {
                    vErrors = [err62];
                  } else {
                    vErrors.push(err62);
                  }
                  errors++;
                }
                if (data24 < 0 || isNaN(data24)) {
                  const err63 = { instancePath: instancePath + "/size_tiers/" + i1 + "/bonus", schemaPath: "#/$defs/points/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema32, data: data24 };
                  if (vErrors === null) {
                    vErrors = [err63];
                  } else {
                    vErrors.push(err63);
                  }
                  errors++;
                }
              } else {
                const err64 = { instancePath: instancePath + "/size_tiers/" + i1 + "/bonus", schemaPath: "#/$defs/points/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema32.type, parentSchema: schema32, data: data24 };
                if (vErrors === null) {
                  vErrors = [err64];
                } else {
                  vErrors.push(err64);
                }
                errors++;
              }
            }
            if (data22.label !== void 0) {
              let data25 = data22.label;
              if (typeof data25 === "string") {
                if (!pattern44.test(data25)) {
                  const err65 = { instancePath: instancePath + "/size_tiers/" + i1 + "/label", schemaPath: "#/properties/size_tiers/items/properties/label/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9/_-]{1,32}$" }, message: 'must match pattern "^[a-z0-9/_-]{1,32}$"', schema: "^[a-z0-9/_-]{1,32}$", parentSchema: schema313.properties.size_tiers.items.properties.label, data: data25 };
                  if (vErrors === null) {
                    vErrors = [err65];
                  } else {
                    vErrors.push(err65);
                  }
                  errors++;
                }
              } else {
                const err66 = { instancePath: instancePath + "/size_tiers/" + i1 + "/label", schemaPath: "#/properties/size_tiers/items/properties/label/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema313.properties.size_tiers.items.properties.label.type, parentSchema: schema313.properties.size_tiers.items.properties.label, data: data25 };
                if (vErrors === null) {
                  vErrors = [err66];
                } else {
                  vErrors.push(err66);
                }
                errors++;
              }
            }
          } else {
            const err67 = { instancePath: instancePath + "/size_tiers/" + i1, schemaPath: "#/properties/size_tiers/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema313.properties.size_tiers.items.type, parentSchema: schema313.properties.size_tiers.items, data: data22 };
            if (vErrors === null) {
              vErrors = [err67];
            } else {
              vErrors.push(err67);
            }
            errors++;
          }
        }
      } else {
        const err68 = { instancePath: instancePath + "/size_tiers", schemaPath: "#/properties/size_tiers/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema313.properties.size_tiers.type, parentSchema: schema313.properties.size_tiers, data: data21 };
        if (vErrors === null) {
          vErrors = [err68];
        } else {
          vErrors.push(err68);
        }
        errors++;
      }
    }
    if (data.labels !== void 0) {
      let data26 = data.labels;
      if (Array.isArray(data26)) {
        if (data26.length > 100) {
          const err69 = { instancePath: instancePath + "/labels", schemaPath: "#/properties/labels/maxItems", keyword: "maxItems", params: { limit: 100 }, message: "must NOT have more than 100 items", schema: 100, parentSchema: schema313.properties.labels, data: data26 };
          if (vErrors === null) {
            vErrors = [err69];
          } else {
            vErrors.push(err69);
          }
          errors++;
        }
        const len2 = data26.length;
        for (let i2 = 0; i2 < len2; i2++) {
          let data27 = data26[i2];
          if (data27 && typeof data27 == "object" && !Array.isArray(data27)) {
            if (Object.keys(data27).length < 2) {
              const err70 = { instancePath: instancePath + "/labels/" + i2, schemaPath: "#/properties/labels/items/minProperties", keyword: "minProperties", params: { limit: 2 }, message: "must NOT have fewer than 2 properties", schema: 2, parentSchema: schema313.properties.labels.items, data: data27 };
              if (vErrors === null) {
                vErrors = [err70];
              } else {
                vErrors.push(err70);
              }
              errors++;
            }
            if (data27.match === void 0) {
              const err71 = { instancePath: instancePath + "/labels/" + i2, schemaPath: "#/properties/labels/items/required", keyword: "required", params: { missingProperty: "match" }, message: "must have required property 'match'", schema: schema313.properties.labels.items.required, parentSchema: schema313.properties.labels.items, data: data27 };
              if (vErrors === null) {
                vErrors = [err71];
              } else {
                vErrors.push(err71);
              }
              errors++;
            }
            for (const key5 in data27) {
              if (!(key5 === "match" || key5 === "add" || key5 === "multiply" || key5 === "void" || key5 === "skill")) {
                const err72 = { instancePath: instancePath + "/labels/" + i2, schemaPath: "#/properties/labels/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key5 }, message: "must NOT have additional properties", schema: false, parentSchema: schema313.properties.labels.items, data: data27 };
                if (vErrors === null) {
                  vErrors = [err72];
                } else {
                  vErrors.push(err72);
                }
                errors++;
              }
            }
            if (data27.match !== void 0) {
              let data28 = data27.match;
              const _errs79 = errors;
              let valid28 = false;
              let passing0 = null;
              const _errs80 = errors;
              if (typeof data28 === "string") {
                if (func3(data28) < 1) {
                  const err73 = { instancePath: instancePath + "/labels/" + i2 + "/match", schemaPath: "#/properties/labels/items/properties/match/oneOf/0/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema313.properties.labels.items.properties.match.oneOf[0], data: data28 };
                  if (vErrors === null) {
                    vErrors = [err73];
                  } else {
                    vErrors.push(err73);
                  }
                  errors++;
                }
              } else {
                const err74 = { instancePath: instancePath + "/labels/" + i2 + "/match", schemaPath: "#/properties/labels/items/properties/match/oneOf/0/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema313.properties.labels.items.properties.match.oneOf[0].type, parentSchema: schema313.properties.labels.items.properties.match.oneOf[0], data: data28 };
                if (vErrors === null) {
                  vErrors = [err74];
                } else {
                  vErrors.push(err74);
                }
                errors++;
              }
              var _valid0 = _errs80 === errors;
              if (_valid0) {
                valid28 = true;
                passing0 = 0;
              }
              const _errs82 = errors;
              if (Array.isArray(data28)) {
                if (data28.length < 1) {
                  const err75 = { instancePath: instancePath + "/labels/" + i2 + "/match", schemaPath: "#/properties/labels/items/properties/match/oneOf/1/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema313.properties.labels.items.properties.match.oneOf[1], data: data28 };
                  if (vErrors === null) {
                    vErrors = [err75];
                  } else {
                    vErrors.push(err75);
                  }
                  errors++;
                }
                const len3 = data28.length;
                for (let i3 = 0; i3 < len3; i3++) {
                  let data29 = data28[i3];
                  if (typeof data29 === "string") {
                    if (func3(data29) < 1) {
                      const err76 = { instancePath: instancePath + "/labels/" + i2 + "/match/" + i3, schemaPath: "#/properties/labels/items/properties/match/oneOf/1/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema313.properties.labels.items.properties.match.oneOf[1].items, data: data29 };
                      if (vErrors === null) {
                        vErrors = [err76];
                      } else {
                        vErrors.push(err76);
                      }
                      errors++;
                    }
                  } else {
                    const err77 = { instancePath: instancePath + "/labels/" + i2 + "/match/" + i3, schemaPath: "#/properties/labels/items/properties/match/oneOf/1/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema313.properties.labels.items.properties.match.oneOf[1].items.type, parentSchema: schema313.properties.labels.items.properties.match.oneOf[1].items, data: data29 };
                    if (vErrors === null) {
                      vErrors = [err77];
                    } else {
                      vErrors.push(err77);
                    }
                    errors++;
                  }
                }
              } else {
                const err78 = { instancePath: instancePath + "/labels/" + i2 + "/match", schemaPath: "#/properties/labels/items/properties/match/oneOf/1/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema313.properties.labels.items.properties.match.oneOf[1].type, parentSchema: schema313.properties.labels.items.properties.match.oneOf[1], data: data28 };
                if (vErrors === null) {
                  vErrors = [err78];
                } else {
                  vErrors.push(err78);
                }
                errors++;
              }
              var _valid0 = _errs82 === errors;
              if (_valid0 && valid28) {
                valid28 = false;
                passing0 = [passing0, 1];
              } else {
                if (_valid0) {
                  valid28 = true;
                  passing0 = 1;
                }
              }
              if (!valid28) {
                const err79 = { instancePath: instancePath + "/labels/" + i2 + "/match", schemaPath: "#/properties/labels/items/properties/match/oneOf", keyword: "oneOf", params: { passingSchemas: passing0 }, message: "must match exactly one schema in oneOf", schema: schema313.properties.labels.items.properties.match.oneOf, parentSchema: schema313.properties.labels.items.properties.match, data: data28 };
                if (vErrors === null) {
                  vErrors = [err79];
                } else {
                  vErrors.push(err79);
                }
                errors++;
              } else {
                errors = _errs79;
                if (vErrors !== null) {
                  if (_errs79) {
                    vErrors.length = _errs79;
                  } else {
                    vErrors = null;
                  }
                }
              }
            }
            if (data27.add !== void 0) {
              let data30 = data27.add;
              if (typeof data30 == "number" && isFinite(data30)) {
                if (data30 > 1e6 || isNaN(data30)) {
                  const err80 = { instancePath: instancePath + "/labels/" + i2 + "/add", schemaPath: "#/$defs/signedPoints/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1e6 }, message: "must be <= 1000000", schema: 1e6, parentSchema: schema48, data: data30 };
                  if (vErrors === null) {
                    vErrors = [err80];
                  } else {
                    vErrors.push(err80);
                  }
                  errors++;
                }
                if (data30 < -1e6 || isNaN(data30)) {
                  const err81 = { instancePath: instancePath + "/labels/" + i2 + "/add", schemaPath: "#/$defs/signedPoints/minimum", keyword: "minimum", params: { comparison: ">=", limit: -1e6 }, message: "must be >= -1000000", schema: -1e6, parentSchema: schema48, data: data30 };
                  if (vErrors === null) {
                    vErrors = [err81];
                  } else {
                    vErrors.push(err81);
                  }
                  errors++;
                }
              } else {
                const err82 = { instancePath: instancePath + "/labels/" + i2 + "/add", schemaPath: "#/$defs/signedPoints/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema48.type, parentSchema: schema48, data: data30 };
                if (vErrors === null) {
                  vErrors = [err82];
                } else {
                  vErrors.push(err82);
                }
                errors++;
              }
            }
            if (data27.multiply !== void 0) {
              let data31 = data27.multiply;
              if (typeof data31 == "number" && isFinite(data31)) {
                if (data31 > 100 || isNaN(data31)) {
                  const err83 = { instancePath: instancePath + "/labels/" + i2 + "/multiply", schemaPath: "#/$defs/multiplier/maximum", keyword: "maximum", params: { comparison: "<=", limit: 100 }, message: "must be <= 100", schema: 100, parentSchema: schema41, data: data31 };
                  if (vErrors === null) {
                    vErrors = [err83];
                  } else {
                    vErrors.push(err83);
                  }
                  errors++;
                }
                if (data31 < 0 || isNaN(data31)) {
                  const err84 = { instancePath: instancePath + "/labels/" + i2 + "/multiply", schemaPath: "#/$defs/multiplier/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema41, data: data31 };
                  if (vErrors === null) {
                    vErrors = [err84];
                  } else {
                    vErrors.push(err84);
                  }
                  errors++;
                }
              } else {
                const err85 = { instancePath: instancePath + "/labels/" + i2 + "/multiply", schemaPath: "#/$defs/multiplier/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema41.type, parentSchema: schema41, data: data31 };
                if (vErrors === null) {
                  vErrors = [err85];
                } else {
                  vErrors.push(err85);
                }
                errors++;
              }
            }
            if (data27.void !== void 0) {
              let data32 = data27.void;
              if (true !== data32) {
                const err86 = { instancePath: instancePath + "/labels/" + i2 + "/void", schemaPath: "#/properties/labels/items/properties/void/const", keyword: "const", params: { allowedValue: true }, message: "must be equal to constant", schema: true, parentSchema: schema313.properties.labels.items.properties.void, data: data32 };
                if (vErrors === null) {
                  vErrors = [err86];
                } else {
                  vErrors.push(err86);
                }
                errors++;
              }
            }
            if (data27.skill !== void 0) {
              let data33 = data27.skill;
              if (typeof data33 === "string") {
                if (!pattern53.test(data33)) {
                  const err87 = { instancePath: instancePath + "/labels/" + i2 + "/skill", schemaPath: "#/properties/labels/items/properties/skill/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9-]{1,32}$" }, message: 'must match pattern "^[a-z0-9-]{1,32}$"', schema: "^[a-z0-9-]{1,32}$", parentSchema: schema313.properties.labels.items.properties.skill, data: data33 };
                  if (vErrors === null) {
                    vErrors = [err87];
                  } else {
                    vErrors.push(err87);
                  }
                  errors++;
                }
              } else {
                const err88 = { instancePath: instancePath + "/labels/" + i2 + "/skill", schemaPath: "#/properties/labels/items/properties/skill/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema313.properties.labels.items.properties.skill.type, parentSchema: schema313.properties.labels.items.properties.skill, data: data33 };
                if (vErrors === null) {
                  vErrors = [err88];
                } else {
                  vErrors.push(err88);
                }
                errors++;
              }
            }
          } else {
            const err89 = { instancePath: instancePath + "/labels/" + i2, schemaPath: "#/properties/labels/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema313.properties.labels.items.type, parentSchema: schema313.properties.labels.items, data: data27 };
            if (vErrors === null) {
              vErrors = [err89];
            } else {
              vErrors.push(err89);
            }
            errors++;
          }
        }
      } else {
        const err90 = { instancePath: instancePath + "/labels", schemaPath: "#/properties/labels/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema313.properties.labels.type, parentSchema: schema313.properties.labels, data: data26 };
        if (vErrors === null) {
          vErrors = [err90];
        } else {
          vErrors.push(err90);
        }
        errors++;
      }
    }
    if (data.credit !== void 0) {
      let data34 = data.credit;
      if (data34 && typeof data34 == "object" && !Array.isArray(data34)) {
        for (const key6 in data34) {
          if (!(key6 === "issue_closed")) {
            const err91 = { instancePath: instancePath + "/credit", schemaPath: "#/properties/credit/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key6 }, message: "must NOT have additional properties", schema: false, parentSchema: schema313.properties.credit, data: data34 };
            if (vErrors === null) {
              vErrors = [err91];
            } else {
              vErrors.push(err91);
            }
            errors++;
          }
        }
        if (data34.issue_closed !== void 0) {
          let data35 = data34.issue_closed;
          if (!(data35 === "closer" || data35 === "author" || data35 === "none")) {
            const err92 = { instancePath: instancePath + "/credit/issue_closed", schemaPath: "#/properties/credit/properties/issue_closed/enum", keyword: "enum", params: { allowedValues: schema313.properties.credit.properties.issue_closed.enum }, message: "must be equal to one of the allowed values", schema: schema313.properties.credit.properties.issue_closed.enum, parentSchema: schema313.properties.credit.properties.issue_closed, data: data35 };
            if (vErrors === null) {
              vErrors = [err92];
            } else {
              vErrors.push(err92);
            }
            errors++;
          }
        }
      } else {
        const err93 = { instancePath: instancePath + "/credit", schemaPath: "#/properties/credit/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema313.properties.credit.type, parentSchema: schema313.properties.credit, data: data34 };
        if (vErrors === null) {
          vErrors = [err93];
        } else {
          vErrors.push(err93);
        }
        errors++;
      }
    }
    if (data.bots !== void 0) {
      let data36 = data.bots;
      if (data36 && typeof data36 == "object" && !Array.isArray(data36)) {
        for (const key7 in data36) {
          if (!(key7 === "exclude" || key7 === "logins")) {
            const err94 = { instancePath: instancePath + "/bots", schemaPath: "#/properties/bots/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key7 }, message: "must NOT have additional properties", schema: false, parentSchema: schema313.properties.bots, data: data36 };
            if (vErrors === null) {
              vErrors = [err94];
            } else {
              vErrors.push(err94);
            }
            errors++;
          }
        }
        if (data36.exclude !== void 0) {
          let data37 = data36.exclude;
          if (typeof data37 !== "boolean") {
            const err95 = { instancePath: instancePath + "/bots/exclude", schemaPath: "#/properties/bots/properties/exclude/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema313.properties.bots.properties.exclude.type, parentSchema: schema313.properties.bots.properties.exclude, data: data37 };
            if (vErrors === null) {
              vErrors = [err95];
            } else {
              vErrors.push(err95);
            }
            errors++;
          }
        }
        if (data36.logins !== void 0) {
          let data38 = data36.logins;
          if (Array.isArray(data38)) {
            const len4 = data38.length;
            for (let i4 = 0; i4 < len4; i4++) {
              let data39 = data38[i4];
              if (typeof data39 !== "string") {
                const err96 = { instancePath: instancePath + "/bots/logins/" + i4, schemaPath: "#/properties/bots/properties/logins/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema313.properties.bots.properties.logins.items.type, parentSchema: schema313.properties.bots.properties.logins.items, data: data39 };
                if (vErrors === null) {
                  vErrors = [err96];
                } else {
                  vErrors.push(err96);
                }
                errors++;
              }
            }
          } else {
            const err97 = { instancePath: instancePath + "/bots/logins", schemaPath: "#/properties/bots/properties/logins/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema313.properties.bots.properties.logins.type, parentSchema: schema313.properties.bots.properties.logins, data: data38 };
            if (vErrors === null) {
              vErrors = [err97];
            } else {
              vErrors.push(err97);
            }
            errors++;
          }
        }
      } else {
        const err98 = { instancePath: instancePath + "/bots", schemaPath: "#/properties/bots/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema313.properties.bots.type, parentSchema: schema313.properties.bots, data: data36 };
        if (vErrors === null) {
          vErrors = [err98];
        } else {
          vErrors.push(err98);
        }
        errors++;
      }
    }
    if (data.limits !== void 0) {
      let data40 = data.limits;
      if (data40 && typeof data40 == "object" && !Array.isArray(data40)) {
        for (const key8 in data40) {
          if (!(key8 === "monthly_cap" || key8 === "diminishing_after" || key8 === "diminishing_factor" || key8 === "daily_prs" || key8 === "low_value_lines" || key8 === "low_value_points" || key8 === "own_repository" || key8 === "self_review")) {
            const err99 = { instancePath: instancePath + "/limits", schemaPath: "#/properties/limits/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key8 }, message: "must NOT have additional properties", schema: false, parentSchema: schema313.properties.limits, data: data40 };
            if (vErrors === null) {
              vErrors = [err99];
            } else {
              vErrors.push(err99);
            }
            errors++;
          }
        }
        if (data40.monthly_cap !== void 0) {
          let data41 = data40.monthly_cap;
          if (typeof data41 == "number" && isFinite(data41)) {
            if (data41 > 1e6 || isNaN(data41)) {
              const err100 = { instancePath: instancePath + "/limits/monthly_cap", schemaPath: "#/$defs/points/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1e6 }, message: "must be <= 1000000", schema: 1e6, parentSchema: schema32, data: data41 };
              if (vErrors === null) {
                vErrors = [err100];
              } else {
                vErrors.push(err100);
              }
              errors++;
            }
            if (data41 < 0 || isNaN(data41)) {
              const err101 = { instancePath: instancePath + "/limits/monthly_cap", schemaPath: "#/$defs/points/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema32, data: data41 };
              if (vErrors === null) {
                vErrors = [err101];
              } else {
                vErrors.push(err101);
              }
              errors++;
            }
          } else {
            const err102 = { instancePath: instancePath + "/limits/monthly_cap", schemaPath: "#/$defs/points/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema32.type, parentSchema: schema32, data: data41 };
            if (vErrors === null) {
              vErrors = [err102];
            } else {
              vErrors.push(err102);
            }
            errors++;
          }
        }
        if (data40.diminishing_after !== void 0) {
          let data42 = data40.diminishing_after;
          if (!(typeof data42 == "number" && (!(data42 % 1) && !isNaN(data42)) && isFinite(data42))) {
            const err103 = { instancePath: instancePath + "/limits/diminishing_after", schemaPath: "#/properties/limits/properties/diminishing_after/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema313.properties.limits.properties.diminishing_after.type, parentSchema: schema313.properties.limits.properties.diminishing_after, data: data42 };
            if (vErrors === null) {
              vErrors = [err103];
            } else {
              vErrors.push(err103);
            }
            errors++;
          }
          if (typeof data42 == "number" && isFinite(data42)) {
            if (data42 < 0 || isNaN(data42)) {
              const err104 = { instancePath: instancePath + "/limits/diminishing_after", schemaPath: "#/properties/limits/properties/diminishing_after/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema313.properties.limits.properties.diminishing_after, data: data42 };
              if (vErrors === null) {
                vErrors = [err104];
              } else {
                vErrors.push(err104);
              }
              errors++;
            }
          }
        }
        if (data40.diminishing_factor !== void 0) {
          let data43 = data40.diminishing_factor;
          if (typeof data43 == "number" && isFinite(data43)) {
            if (data43 > 100 || isNaN(data43)) {
              const err105 = { instancePath: instancePath + "/limits/diminishing_factor", schemaPath: "#/$defs/multiplier/maximum", keyword: "maximum", params: { comparison: "<=", limit: 100 }, message: "must be <= 100", schema: 100, parentSchema: schema41, data: data43 };
              if (vErrors === null) {
                vErrors = [err105];
              } else {
                vErrors.push(err105);
              }
              errors++;
            }
            if (data43 < 0 || isNaN(data43)) {
              const err106 = { instancePath: instancePath + "/limits/diminishing_factor", schemaPath: "#/$defs/multiplier/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema41, data: data43 };
              if (vErrors === null) {
                vErrors = [err106];
              } else {
                vErrors.push(err106);
              }
              errors++;
            }
          } else {
            const err107 = { instancePath: instancePath + "/limits/diminishing_factor", schemaPath: "#/$defs/multiplier/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema41.type, parentSchema: schema41, data: data43 };
            if (vErrors === null) {
              vErrors = [err107];
            } else {
              vErrors.push(err107);
            }
            errors++;
          }
        }
        if (data40.daily_prs !== void 0) {
          let data44 = data40.daily_prs;
          if (!(typeof data44 == "number" && (!(data44 % 1) && !isNaN(data44)) && isFinite(data44))) {
            const err108 = { instancePath: instancePath + "/limits/daily_prs", schemaPath: "#/properties/limits/properties/daily_prs/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema313.properties.limits.properties.daily_prs.type, parentSchema: schema313.properties.limits.properties.daily_prs, data: data44 };
            if (vErrors === null) {
              vErrors = [err108];
            } else {
              vErrors.push(err108);
            }
            errors++;
          }
          if (typeof data44 == "number" && isFinite(data44)) {
            if (data44 < 0 || isNaN(data44)) {
              const err109 = { instancePath: instancePath + "/limits/daily_prs", schemaPath: "#/properties/limits/properties/daily_prs/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema313.properties.limits.properties.daily_prs, data: data44 };
              if (vErrors === null) {
                vErrors = [err109];
              } else {
                vErrors.push(err109);
              }
              errors++;
            }
          }
        }
        if (data40.low_value_lines !== void 0) {
          let data45 = data40.low_value_lines;
          if (!(typeof data45 == "number" && (!(data45 % 1) && !isNaN(data45)) && isFinite(data45))) {
            const err110 = { instancePath: instancePath + "/limits/low_value_lines", schemaPath: "#/properties/limits/properties/low_value_lines/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema313.properties.limits.properties.low_value_lines.type, parentSchema: schema313.properties.limits.properties.low_value_lines, data: data45 };
            if (vErrors === null) {
              vErrors = [err110];
            } else {
              vErrors.push(err110);
            }
            errors++;
          }
          if (typeof data45 == "number" && isFinite(data45)) {
            if (data45 < 0 || isNaN(data45)) {
              const err111 = { instancePath: instancePath + "/limits/low_value_lines", schemaPath: "#/properties/limits/properties/low_value_lines/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema313.properties.limits.properties.low_value_lines, data: data45 };
              if (vErrors === null) {
                vErrors = [err111];
              } else {
                vErrors.push(err111);
              }
              errors++;
            }
          }
        }
        if (data40.low_value_points !== void 0) {
          let data46 = data40.low_value_points;
          if (typeof data46 == "number" && isFinite(data46)) {
            if (data46 > 1e6 || isNaN(data46)) {
              const err112 = { instancePath: instancePath + "/limits/low_value_points", schemaPath: "#/$defs/signedPoints/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1e6 }, message: "must be <= 1000000", schema: 1e6, parentSchema: schema48, data: data46 };
              if (vErrors === null) {
                vErrors = [err112];
              } else {
                vErrors.push(err112);
              }
              errors++;
            }
            if (data46 < -1e6 || isNaN(data46)) {
              const err113 = { instancePath: instancePath + "/limits/low_value_points", schemaPath: "#/$defs/signedPoints/minimum", keyword: "minimum", params: { comparison: ">=", limit: -1e6 }, message: "must be >= -1000000", schema: -1e6, parentSchema: schema48, data: data46 };
              if (vErrors === null) {
                vErrors = [err113];
              } else {
                vErrors.push(err113);
              }
              errors++;
            }
          } else {
            const err114 = { instancePath: instancePath + "/limits/low_value_points", schemaPath: "#/$defs/signedPoints/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema48.type, parentSchema: schema48, data: data46 };
            if (vErrors === null) {
              vErrors = [err114];
            } else {
              vErrors.push(err114);
            }
            errors++;
          }
        }
        if (data40.own_repository !== void 0) {
          let data47 = data40.own_repository;
          if (typeof data47 !== "boolean") {
            const err115 = { instancePath: instancePath + "/limits/own_repository", schemaPath: "#/properties/limits/properties/own_repository/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema313.properties.limits.properties.own_repository.type, parentSchema: schema313.properties.limits.properties.own_repository, data: data47 };
            if (vErrors === null) {
              vErrors = [err115];
            } else {
              vErrors.push(err115);
            }
            errors++;
          }
        }
        if (data40.self_review !== void 0) {
          let data48 = data40.self_review;
          if (typeof data48 !== "boolean") {
            const err116 = { instancePath: instancePath + "/limits/self_review", schemaPath: "#/properties/limits/properties/self_review/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema313.properties.limits.properties.self_review.type, parentSchema: schema313.properties.limits.properties.self_review, data: data48 };
            if (vErrors === null) {
              vErrors = [err116];
            } else {
              vErrors.push(err116);
            }
            errors++;
          }
        }
      } else {
        const err117 = { instancePath: instancePath + "/limits", schemaPath: "#/properties/limits/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema313.properties.limits.type, parentSchema: schema313.properties.limits, data: data40 };
        if (vErrors === null) {
          vErrors = [err117];
        } else {
          vErrors.push(err117);
        }
        errors++;
      }
    }
    if (data.ratings !== void 0) {
      let data49 = data.ratings;
      if (data49 && typeof data49 == "object" && !Array.isArray(data49)) {
        for (const key9 in data49) {
          if (!(key9 === "1" || key9 === "2" || key9 === "3" || key9 === "4" || key9 === "5")) {
            const err118 = { instancePath: instancePath + "/ratings", schemaPath: "#/properties/ratings/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key9 }, message: "must NOT have additional properties", schema: false, parentSchema: schema313.properties.ratings, data: data49 };
            if (vErrors === null) {
              vErrors = [err118];
            } else {
              vErrors.push(err118);
            }
            errors++;
          }
        }
        if (data49["1"] !== void 0) {
          let data50 = data49["1"];
          if (typeof data50 == "number" && isFinite(data50)) {
            if (data50 > 100 || isNaN(data50)) {
              const err119 = { instancePath: instancePath + "/ratings/1", schemaPath: "#/$defs/multiplier/maximum", keyword: "maximum", params: { comparison: "<=", limit: 100 }, message: "must be <= 100", schema: 100, parentSchema: schema41, data: data50 };
              if (vErrors === null) {
                vErrors = [err119];
              } else {
                vErrors.push(err119);
              }
              errors++;
            }
            if (data50 < 0 || isNaN(data50)) {
              const err120 = { instancePath: instancePath + "/ratings/1", schemaPath: "#/$defs/multiplier/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema41, data: data50 };
              if (vErrors === null) {
                vErrors = [err120];
              } else {
                vErrors.push(err120);
              }
              errors++;
            }
          } else {
            const err121 = { instancePath: instancePath + "/ratings/1", schemaPath: "#/$defs/multiplier/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema41.type, parentSchema: schema41, data: data50 };
            if (vErrors === null) {
              vErrors = [err121];
            } else {
              vErrors.push(err121);
            }
            errors++;
          }
        }
        if (data49["2"] !== void 0) {
          let data51 = data49["2"];
          if (typeof data51 == "number" && isFinite(data51)) {
            if (data51 > 100 || isNaN(data51)) {
              const err122 = { instancePath: instancePath + "/ratings/2", schemaPath: "#/$defs/multiplier/maximum", keyword: "maximum", params: { comparison: "<=", limit: 100 }, message: "must be <= 100", schema: 100, parentSchema: schema41, data: data51 };
              if (vErrors === null) {
                vErrors = [err122];
              } else {
                vErrors.push(err122);
              }
              errors++;
            }
            if (data51 < 0 || isNaN(data51)) {
              const err123 = { instancePath: instancePath + "/ratings/2", schemaPath: "#/$defs/multiplier/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema41, data: data51 };
              if (vErrors === null) {
                vErrors = [err123];
              } else {
                vErrors.push(err123);
              }
              errors++;
            }
          } else {
            const err124 = { instancePath: instancePath + "/ratings/2", schemaPath: "#/$defs/multiplier/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema41.type, parentSchema: schema41, data: data51 };
            if (vErrors === null) {
              vErrors = [err124];
            } else {
              vErrors.push(err124);
            }
            errors++;
          }
        }
        if (data49["3"] !== void 0) {
          let data52 = data49["3"];
          if (typeof data52 == "number" && isFinite(data52)) {
            if (data52 > 100 || isNaN(data52)) {
              const err125 = { instancePath: instancePath + "/ratings/3", schemaPath: "#/$defs/multiplier/maximum", keyword: "maximum", params: { comparison: "<=", limit: 100 }, message: "must be <= 100", schema: 100, parentSchema: schema41, data: data52 };
              if (vErrors === null) {
                vErrors = [err125];
              } else {
                vErrors.push(err125);
              }
              errors++;
            }
            if (data52 < 0 || isNaN(data52)) {
              const err126 = { instancePath: instancePath + "/ratings/3", schemaPath: "#/$defs/multiplier/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema41, data: data52 };
              if (vErrors === null) {
                vErrors = [err126];
              } else {
                vErrors.push(err126);
              }
              errors++;
            }
          } else {
            const err127 = { instancePath: instancePath + "/ratings/3", schemaPath: "#/$defs/multiplier/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema41.type, parentSchema: schema41, data: data52 };
            if (vErrors === null) {
              vErrors = [err127];
            } else {
              vErrors.push(err127);
            }
            errors++;
          }
        }
        if (data49["4"] !== void 0) {
          let data53 = data49["4"];
          if (typeof data53 == "number" && isFinite(data53)) {
            if (data53 > 100 || isNaN(data53)) {
              const err128 = { instancePath: instancePath + "/ratings/4", schemaPath: "#/$defs/multiplier/maximum", keyword: "maximum", params: { comparison: "<=", limit: 100 }, message: "must be <= 100", schema: 100, parentSchema: schema41, data: data53 };
              if (vErrors === null) {
                vErrors = [err128];
              } else {
                vErrors.push(err128);
              }
              errors++;
            }
            if (data53 < 0 || isNaN(data53)) {
              const err129 = { instancePath: instancePath + "/ratings/4", schemaPath: "#/$defs/multiplier/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema41, data: data53 };
              if (vErrors === null) {
                vErrors = [err129];
              } else {
                vErrors.push(err129);
              }
              errors++;
            }
          } else {
            const err130 = { instancePath: instancePath + "/ratings/4", schemaPath: "#/$defs/multiplier/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema41.type, parentSchema: schema41, data: data53 };
            if (vErrors === null) {
              vErrors = [err130];
            } else {
              vErrors.push(err130);
            }
            errors++;
          }
        }
        if (data49["5"] !== void 0) {
          let data54 = data49["5"];
          if (typeof data54 == "number" && isFinite(data54)) {
            if (data54 > 100 || isNaN(data54)) {
              const err131 = { instancePath: instancePath + "/ratings/5", schemaPath: "#/$defs/multiplier/maximum", keyword: "maximum", params: { comparison: "<=", limit: 100 }, message: "must be <= 100", schema: 100, parentSchema: schema41, data: data54 };
              if (vErrors === null) {
                vErrors = [err131];
              } else {
                vErrors.push(err131);
              }
              errors++;
            }
            if (data54 < 0 || isNaN(data54)) {
              const err132 = { instancePath: instancePath + "/ratings/5", schemaPath: "#/$defs/multiplier/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema41, data: data54 };
              if (vErrors === null) {
                vErrors = [err132];
              } else {
                vErrors.push(err132);
              }
              errors++;
            }
          } else {
            const err133 = { instancePath: instancePath + "/ratings/5", schemaPath: "#/$defs/multiplier/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema41.type, parentSchema: schema41, data: data54 };
            if (vErrors === null) {
              vErrors = [err133];
            } else {
              vErrors.push(err133);
            }
            errors++;
          }
        }
      } else {
        const err134 = { instancePath: instancePath + "/ratings", schemaPath: "#/properties/ratings/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema313.properties.ratings.type, parentSchema: schema313.properties.ratings, data: data49 };
        if (vErrors === null) {
          vErrors = [err134];
        } else {
          vErrors.push(err134);
        }
        errors++;
      }
    }
    if (data.aliases !== void 0) {
      let data55 = data.aliases;
      if (data55 && typeof data55 == "object" && !Array.isArray(data55)) {
        for (const key10 in data55) {
          const _errs150 = errors;
          if (typeof key10 === "string") {
            if (!pattern63.test(key10)) {
              const err135 = { instancePath: instancePath + "/aliases", schemaPath: "#/properties/aliases/propertyNames/pattern", keyword: "pattern", params: { pattern: "^[1-9][0-9]{0,15}$" }, message: 'must match pattern "^[1-9][0-9]{0,15}$"', schema: "^[1-9][0-9]{0,15}$", parentSchema: schema313.properties.aliases.propertyNames, data: key10, propertyName: key10 };
              if (vErrors === null) {
                vErrors = [err135];
              } else {
                vErrors.push(err135);
              }
              errors++;
            }
          }
          var valid47 = _errs150 === errors;
          if (!valid47) {
            const err136 = { instancePath: instancePath + "/aliases", schemaPath: "#/properties/aliases/propertyNames", keyword: "propertyNames", params: { propertyName: key10 }, message: "property name must be valid", schema: schema313.properties.aliases.propertyNames, parentSchema: schema313.properties.aliases, data: data55 };
            if (vErrors === null) {
              vErrors = [err136];
            } else {
              vErrors.push(err136);
            }
            errors++;
          }
        }
        for (const key11 in data55) {
          let data56 = data55[key11];
          if (!(typeof data56 == "number" && (!(data56 % 1) && !isNaN(data56)) && isFinite(data56))) {
            const err137 = { instancePath: instancePath + "/aliases/" + key11.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/aliases/additionalProperties/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema313.properties.aliases.additionalProperties.type, parentSchema: schema313.properties.aliases.additionalProperties, data: data56 };
            if (vErrors === null) {
              vErrors = [err137];
            } else {
              vErrors.push(err137);
            }
            errors++;
          }
          if (typeof data56 == "number" && isFinite(data56)) {
            if (data56 < 1 || isNaN(data56)) {
              const err138 = { instancePath: instancePath + "/aliases/" + key11.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/aliases/additionalProperties/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema313.properties.aliases.additionalProperties, data: data56 };
              if (vErrors === null) {
                vErrors = [err138];
              } else {
                vErrors.push(err138);
              }
              errors++;
            }
          }
        }
      } else {
        const err139 = { instancePath: instancePath + "/aliases", schemaPath: "#/properties/aliases/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema313.properties.aliases.type, parentSchema: schema313.properties.aliases, data: data55 };
        if (vErrors === null) {
          vErrors = [err139];
        } else {
          vErrors.push(err139);
        }
        errors++;
      }
    }
    if (data.size_labels !== void 0) {
      let data57 = data.size_labels;
      if (typeof data57 !== "boolean") {
        const err140 = { instancePath: instancePath + "/size_labels", schemaPath: "#/properties/size_labels/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema313.properties.size_labels.type, parentSchema: schema313.properties.size_labels, data: data57 };
        if (vErrors === null) {
          vErrors = [err140];
        } else {
          vErrors.push(err140);
        }
        errors++;
      }
    }
    if (data.commands !== void 0) {
      let data58 = data.commands;
      if (data58 && typeof data58 == "object" && !Array.isArray(data58)) {
        for (const key12 in data58) {
          if (!(key12 === "permission")) {
            const err141 = { instancePath: instancePath + "/commands", schemaPath: "#/properties/commands/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key12 }, message: "must NOT have additional properties", schema: false, parentSchema: schema313.properties.commands, data: data58 };
            if (vErrors === null) {
              vErrors = [err141];
            } else {
              vErrors.push(err141);
            }
            errors++;
          }
        }
        if (data58.permission !== void 0) {
          let data59 = data58.permission;
          if (!(data59 === "triage" || data59 === "write" || data59 === "maintain" || data59 === "admin")) {
            const err142 = { instancePath: instancePath + "/commands/permission", schemaPath: "#/properties/commands/properties/permission/enum", keyword: "enum", params: { allowedValues: schema313.properties.commands.properties.permission.enum }, message: "must be equal to one of the allowed values", schema: schema313.properties.commands.properties.permission.enum, parentSchema: schema313.properties.commands.properties.permission, data: data59 };
            if (vErrors === null) {
              vErrors = [err142];
            } else {
              vErrors.push(err142);
            }
            errors++;
          }
        }
      } else {
        const err143 = { instancePath: instancePath + "/commands", schemaPath: "#/properties/commands/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema313.properties.commands.type, parentSchema: schema313.properties.commands, data: data58 };
        if (vErrors === null) {
          vErrors = [err143];
        } else {
          vErrors.push(err143);
        }
        errors++;
      }
    }
  } else {
    const err144 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema313.type, parentSchema: schema313, data };
    if (vErrors === null) {
      vErrors = [err144];
    } else {
      vErrors.push(err144);
    }
    errors++;
  }
  validate204.errors = vErrors;
  return errors === 0;
}
validate204.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };

// src/ledger/schema.ts
var validators = { entry: entry_default, body: body_default, keys: keys_default, config: config_default };
function validator(name) {
  return () => validators[name];
}

// src/ledger/entry.ts
var ENTRY_PAYLOAD_TYPE = "application/vnd.meritlog.entry+json";
var entryValidator = validator("entry");
var bodyValidator = validator("body");
function describe(error, what) {
  if (!error) return "does not match the entry schema";
  const at = error.instancePath === "" ? "entry" : error.instancePath.slice(1).replaceAll("/", ".");
  if (error.keyword === "additionalProperties") {
    return `${at}: unknown field '${error.params.additionalProperty}'`;
  }
  if (error.keyword === "false schema") {
    return `${at}: must be absent${what === "entry" ? " at seq 0" : ": the ledger sets it when it appends the entry"}`;
  }
  if (error.keyword === "required") return `${at}: missing field '${error.params.missingProperty}'`;
  return `${at}: ${error.message ?? "is invalid"}`;
}
function entryShapeError(value, known = {}) {
  const validate = entryValidator();
  if (validate(value)) return semanticError(value, known.isIJson === true);
  return describe(validate.errors?.[0], "entry");
}
function semanticError(entry, isIJson) {
  const sum = breakdownSum(entry.breakdown);
  if (sum !== BigInt(entry.points)) return `points: ${entry.points} is not the sum of the breakdown (${sum})`;
  if (!isRealDay(entry.time)) return `time: ${entry.time} is not a real date and time`;
  return isIJson ? void 0 : ijsonError(entry);
}
function breakdownSum(breakdown) {
  let sum = 0;
  for (const c of breakdown) {
    sum += c.points;
    if (!Number.isSafeInteger(sum)) return breakdown.reduce((acc, d) => acc + BigInt(d.points), 0n);
  }
  return BigInt(sum);
}
var DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function isRealDay(time) {
  const year = Number(time.slice(0, 4));
  const month = Number(time.slice(5, 7));
  const day = Number(time.slice(8, 10));
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]);
}
function keyRef(key) {
  return `${key.name}+${keyIdHex(key.id)}`;
}
function signatureBytes(entry, key) {
  if (entry.sig.keyid !== keyRef(key)) return `sig: signed by ${entry.sig.keyid}, but ${keyRef(key)} signs seq ${entry.seq}`;
  const sig = Buffer.from(entry.sig.sig, "base64");
  if (sig.toString("base64") !== entry.sig.sig) return "sig: not canonical base64";
  return sig;
}
function signatureMismatch(entry) {
  return `sig: signature by ${entry.sig.keyid} does not verify`;
}

// src/ledger/merkle.ts
import { hash } from "node:crypto";
var HASH_SIZE = 32;
var LEAF_PREFIX = Buffer.from([0]);
var NODE_PREFIX = Buffer.from([1]);
var EMPTY_ROOT = hash("sha256", "", "buffer");
var leafInput = Buffer.alloc(4096);
function leafHashHex(data) {
  if (data.length >= leafInput.length) leafInput = Buffer.alloc(2 * data.length + 1);
  leafInput[0] = 0;
  leafInput.set(data, 1);
  return hash("sha256", leafInput.subarray(0, data.length + 1), "hex");
}
var RangeBuilder = class {
  inputs = [];
  size = 0;
  /** Appends a leaf hash given in hex, the form the chain check already has it in. */
  pushHex(leaf) {
    this.input(0).write(leaf, 1 + HASH_SIZE * (this.size % 2), "hex");
    for (let h = 0, index = this.size; index % 2 === 1; h++, index = Math.floor(index / 2)) {
      const parent = hash("sha256", this.input(h), "binary");
      this.input(h + 1).write(parent, 1 + HASH_SIZE * (Math.floor(index / 2) % 2), "binary");
    }
    this.size++;
  }
  /** The roots of the range's perfect subtrees, largest first, as in CompactRange.hashes. */
  hashes() {
    const roots = [];
    for (let h = this.inputs.length - 1; h >= 0; h--) {
      if (Math.floor(this.size / 2 ** h) % 2 === 1) roots.push(Buffer.from(this.input(h).subarray(1, 1 + HASH_SIZE)));
    }
    return roots;
  }
  input(height) {
    while (this.inputs.length <= height) this.inputs.push(Buffer.concat([NODE_PREFIX, Buffer.alloc(2 * HASH_SIZE)]));
    return this.inputs[height];
  }
};

// src/ledger/check-lines.ts
var ID_BYTES = 64;
var ID_PAD = 10;
function packedIds(count) {
  return Buffer.alloc(count * ID_BYTES, ID_PAD);
}
function packId(ids, index, id) {
  ids.write(id, index * ID_BYTES, ID_BYTES, "latin1");
}
function lineFormError(text) {
  try {
    parseStrict(text);
  } catch (e) {
    if (e instanceof JsonSyntaxError) return `not I-JSON at column ${e.column}: ${e.reason}`;
    throw e;
  }
  return "not in RFC 8785 canonical form";
}
function parseEntry(bytes) {
  if (!isUtf8(bytes)) return "not valid UTF-8";
  const text = bytes.toString("utf8");
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return lineFormError(text);
  }
  if (canonicalIJson(value) === text) return entryShapeError(value, { isIJson: true }) ?? value;
  let canonical;
  try {
    canonical = canonicalize2(value);
  } catch {
    canonical = void 0;
  }
  if (canonical !== text) return lineFormError(text);
  return entryShapeError(value) ?? value;
}
var SIG_MEMBER = Buffer.from(',"sig":{"keyid":"');
function signedBytes(line, entry) {
  const at = line.lastIndexOf(SIG_MEMBER);
  const end = at + ',"sig":'.length + Buffer.byteLength(JSON.stringify(entry.sig));
  return pae(ENTRY_PAYLOAD_TYPE, line.subarray(0, at), line.subarray(end));
}
var KIND = Buffer.from('"kind":"');
var ID = Buffer.from('"id":"');
var SEQ = Buffer.from('"seq":');
var PREV = Buffer.from('"prev":"');
var REF = Buffer.from('"ref":"');
function chainFields(bytes) {
  const { kindAt, seqAt, prevAt, refAt } = lastNeedles(bytes);
  const idAt = idBefore(bytes, kindAt);
  if (bytes[0] !== 123 || kindAt < 0 || idAt < 0 || seqAt < kindAt) return "not an entry line with id, kind and seq";
  let seq = 0;
  let i = seqAt + SEQ.length;
  for (let c = bytes[i]; c !== void 0 && c >= 48 && c <= 57; c = bytes[++i]) seq = seq * 10 + (c - 48);
  if (i === seqAt + SEQ.length || bytes[i] !== 44 && bytes[i] !== 125) return "seq is not a decimal number";
  return {
    seq,
    id: hexAt(bytes, idAt + ID.length),
    prev: prevAt < kindAt ? void 0 : hexAt(bytes, prevAt + PREV.length),
    ref: refAt < kindAt ? void 0 : hexAt(bytes, refAt + REF.length)
  };
}
var BACKWARD = [KIND, SEQ, PREV, REF];
var SHORTEST = Math.min(...BACKWARD.map((n) => n.length));
var SKIP = new Uint8Array(256).fill(SHORTEST);
for (const needle of BACKWARD) {
  for (let k = 1; k < SHORTEST; k++) {
    const byte = needle[k];
    SKIP[byte] = Math.min(SKIP[byte], k);
  }
}
function lastNeedles(bytes) {
  let kindAt = -1;
  let seqAt = -1;
  let prevAt = -1;
  let refAt = -1;
  for (let i = bytes.length - SHORTEST; i >= 0; ) {
    const c = bytes[i];
    if (c === 34) {
      const next = bytes[i + 1];
      if (next === KIND[1]) {
        if (occursAt(bytes, i, KIND)) {
          kindAt = i;
          break;
        }
      } else if (next === SEQ[1]) {
        if (seqAt < 0 && occursAt(bytes, i, SEQ)) seqAt = i;
      } else if (next === PREV[1]) {
        if (prevAt < 0 && occursAt(bytes, i, PREV)) prevAt = i;
      } else if (next === REF[1] && refAt < 0 && occursAt(bytes, i, REF)) refAt = i;
    }
    i -= SKIP[c];
  }
  return { kindAt, seqAt, prevAt, refAt };
}
var ID_SKIP = new Uint8Array(256).fill(ID.length);
for (let k = 0; k < ID.length - 1; k++) ID_SKIP[ID[k]] = ID.length - 1 - k;
function idBefore(bytes, end) {
  for (let i = 0; i < end && i + ID.length <= bytes.length; i += ID_SKIP[bytes[i + ID.length - 1]]) {
    if (occursAt(bytes, i, ID)) return i;
  }
  return -1;
}
function occursAt(bytes, at, needle) {
  if (at + needle.length > bytes.length) return false;
  for (let j = 0; j < needle.length; j++) if (bytes[at + j] !== needle[j]) return false;
  return true;
}
function hexAt(bytes, start) {
  return bytes.toString("latin1", start, start + 64);
}
function checkLines(lines, startSeq, keyFor, level, keepLeaves = false) {
  const run = new RunBuilder(lines.length, keepLeaves);
  const unverified = [];
  let problem;
  for (const bytes of lines) {
    const seq = startSeq + run.count;
    const reason = level === "full" ? checkFull(bytes, seq, run, keyFor(seq), unverified) : checkFast(bytes, seq, run);
    if (reason !== void 0) {
      problem = { seq, reason };
      break;
    }
  }
  const bad = unverified.findIndex((u) => !u.key.verify(u.message, u.sig));
  if (bad < 0) return run.result(problem);
  const before = new RunBuilder(lines.length, keepLeaves);
  for (const bytes of lines.slice(0, bad)) before.accept(bytes, parseEntry(bytes));
  return before.result({ seq: startSeq + bad, reason: signatureMismatch(parseEntry(lines[bad])) });
}
var RunBuilder = class {
  ids;
  refs = [];
  /** The leaf hash of the last line accepted, in hex, as the next line's prev names it. */
  previous;
  firstPrev;
  count = 0;
  range = new RangeBuilder();
  leaves;
  constructor(lines, keepLeaves) {
    this.ids = packedIds(lines);
    this.leaves = keepLeaves ? Buffer.alloc(lines * HASH_SIZE) : void 0;
  }
  /** Records a line that passed its checks, with what the chain checks read of it. */
  accept(bytes, e) {
    if (this.count === 0) this.firstPrev = e.prev;
    packId(this.ids, this.count, e.id);
    if (e.ref !== void 0) this.refs.push([e.seq, e.ref]);
    const leaf = leafHashHex(bytes);
    this.range.pushHex(leaf);
    this.leaves?.write(leaf, this.count * HASH_SIZE, "hex");
    this.previous = leaf;
    this.count++;
  }
  result(problem) {
    const { count, previous, firstPrev, leaves } = this;
    return {
      ...problem ? { problem } : {},
      ...firstPrev !== void 0 ? { firstPrev } : {},
      count,
      ...previous !== void 0 ? { lastLeaf: Buffer.from(previous, "hex") } : {},
      ...leaves ? { leaves: leaves.subarray(0, count * HASH_SIZE) } : {},
      subtrees: this.range.hashes(),
      ids: this.ids.subarray(0, count * ID_BYTES),
      refs: this.refs
    };
  }
};
function checkFull(bytes, seq, run, key, unverified) {
  const entry = parseEntry(bytes);
  if (typeof entry === "string") return entry;
  const chain = chainError(entry.seq, seq, run.previous, entry.prev);
  if (chain !== void 0) return chain;
  const sig = signatureBytes(entry, key);
  if (typeof sig === "string") return sig;
  unverified.push({ key, message: signedBytes(bytes, entry), sig });
  run.accept(bytes, entry);
  return void 0;
}
function checkFast(bytes, seq, run) {
  const e = chainFields(bytes);
  if (typeof e === "string") return e;
  const reason = chainError(e.seq, seq, run.previous, e.prev);
  if (reason === void 0) run.accept(bytes, e);
  return reason;
}
function chainError(seq, expected, previous, prev) {
  if (seq !== expected) return `seq is ${seq}, expected ${expected}: an entry is missing, repeated or out of order here`;
  if (previous !== void 0 && prev !== previous)
    return `prev is ${String(prev)}, but the leaf hash of seq ${expected - 1} is ${previous}`;
  return void 0;
}

// src/ledger/keyring.ts
var KeyringError = class extends Error {
  name = "KeyringError";
};
var keysValidator = validator("keys");
function openKeyring(value) {
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
    if (last && k.until !== void 0) throw new KeyringError(`keys[${i}] is the current key and must have no 'until'`);
    if (!last && (k.until === void 0 || k.until < k.from)) {
      throw new KeyringError(`keys[${i}] is retired and must sign at least one entry: until \u2265 from`);
    }
    next = (k.until ?? 0) + 1;
  });
  for (const v of verifiers) {
    if (v.name !== file.origin) throw new KeyringError(`key ${v.name} is not named after the origin ${file.origin}`);
  }
  const current = verifiers[verifiers.length - 1];
  return {
    file,
    verifiers,
    current,
    keyFor(seq) {
      const i = file.keys.findIndex((k) => seq >= k.from && (k.until === void 0 || seq <= k.until));
      return verifiers[i];
    }
  };
}

// src/ledger/layout.ts
var ENTRIES_DIR = "entries";
var SHARD_SIZE = 256;
var SHARDS_PER_DIR = 256;
function shardPath(shard) {
  const dir = String(Math.floor(shard / SHARDS_PER_DIR)).padStart(3, "0");
  const file = String(shard % SHARDS_PER_DIR).padStart(3, "0");
  return `${ENTRIES_DIR}/${dir}/${file}.jsonl`;
}
function shardOf(seq) {
  return Math.floor(seq / SHARD_SIZE);
}
function lineAt(seq) {
  return `${shardPath(shardOf(seq))}:${seq % SHARD_SIZE + 1}`;
}

// src/store/folder.ts
var LedgerInvalidError = class extends Error {
  name = "LedgerInvalidError";
  where;
  seq;
  constructor(where, reason, seq) {
    super(`${where}: ${reason}`);
    this.where = where;
    this.seq = seq;
  }
};
function splitShard(path, bytes) {
  const lines = [];
  let start = 0;
  while (start < bytes.length) {
    const end = bytes.indexOf(10, start);
    if (end < 0) return { lines, problem: new LedgerInvalidError(`${path}:${lines.length + 1}`, "last line has no newline (truncated?)") };
    if (end === start) return { lines, problem: new LedgerInvalidError(`${path}:${lines.length + 1}`, "empty line") };
    lines.push(bytes.subarray(start, end));
    start = end + 1;
  }
  return { lines };
}

// src/store/check-run.ts
function checkRun(task, read) {
  let keyring;
  const keyFor = (seq) => {
    keyring ??= openKeyring(task.keys);
    return keyring.keyFor(seq);
  };
  const lines = [];
  let fileProblem;
  let fileProblemSeq;
  for (const [i, path] of task.shards.entries()) {
    const { lines: split, problem } = splitShard(path, read(path));
    if (problem) {
      lines.push(...split);
      fileProblem ??= problem;
      fileProblemSeq ??= task.startSeq + lines.length;
      break;
    }
    const last = task.endsLedger && i === task.shards.length - 1;
    if (split.length === 0 || split.length > SHARD_SIZE || !last && split.length < SHARD_SIZE) {
      fileProblem ??= new LedgerInvalidError(
        path,
        `holds ${split.length} lines; every shard holds ${SHARD_SIZE} but the last, which holds 1 to ${SHARD_SIZE}`
      );
      fileProblemSeq ??= task.startSeq + lines.length;
    }
    lines.push(...split);
  }
  const run = checkLines(lines, task.startSeq, keyFor, task.level, task.keepLeaves);
  const located = run.problem ? { where: lineAt(run.problem.seq), seq: run.problem.seq, reason: run.problem.reason } : fileProblem ? { where: fileProblem.where, seq: fileProblemSeq ?? task.startSeq, reason: fileProblem.message.slice(fileProblem.where.length + 2) } : void 0;
  return {
    startSeq: task.startSeq,
    count: run.count,
    ...located ? { problem: located } : {},
    ...run.firstPrev !== void 0 ? { firstPrev: run.firstPrev } : {},
    ...run.lastLeaf ? { lastLeaf: run.lastLeaf } : {},
    ...run.leaves ? { leaves: run.leaves } : {},
    subtrees: run.subtrees,
    ids: run.ids,
    refs: run.refs
  };
}

// src/store/verify-worker.ts
process.on("message", (task) => {
  process.send?.(checkRun(task, (path) => readFileSync(join(task.dir, path))));
});
process.on("disconnect", () => process.exit(0));
//# sourceMappingURL=verify-worker.js.map
