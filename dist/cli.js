#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// node_modules/picomatch/lib/constants.js
var require_constants = __commonJS({
  "node_modules/picomatch/lib/constants.js"(exports, module) {
    "use strict";
    var WIN_SLASH = "\\\\/";
    var WIN_NO_SLASH = `[^${WIN_SLASH}]`;
    var DEFAULT_MAX_EXTGLOB_RECURSION = 0;
    var DOT_LITERAL = "\\.";
    var PLUS_LITERAL = "\\+";
    var QMARK_LITERAL = "\\?";
    var SLASH_LITERAL = "\\/";
    var ONE_CHAR = "(?=.)";
    var QMARK = "[^/]";
    var END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
    var START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
    var DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
    var NO_DOT = `(?!${DOT_LITERAL})`;
    var NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
    var NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
    var NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
    var QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
    var STAR = `${QMARK}*?`;
    var SEP = "/";
    var POSIX_CHARS = {
      DOT_LITERAL,
      PLUS_LITERAL,
      QMARK_LITERAL,
      SLASH_LITERAL,
      ONE_CHAR,
      QMARK,
      END_ANCHOR,
      DOTS_SLASH,
      NO_DOT,
      NO_DOTS,
      NO_DOT_SLASH,
      NO_DOTS_SLASH,
      QMARK_NO_DOT,
      STAR,
      START_ANCHOR,
      SEP
    };
    var WINDOWS_CHARS = {
      ...POSIX_CHARS,
      SLASH_LITERAL: `[${WIN_SLASH}]`,
      QMARK: WIN_NO_SLASH,
      STAR: `${WIN_NO_SLASH}*?`,
      DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
      NO_DOT: `(?!${DOT_LITERAL})`,
      NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
      NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
      START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
      END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
      SEP: "\\"
    };
    var POSIX_REGEX_SOURCE = {
      __proto__: null,
      alnum: "a-zA-Z0-9",
      alpha: "a-zA-Z",
      ascii: "\\x00-\\x7F",
      blank: " \\t",
      cntrl: "\\x00-\\x1F\\x7F",
      digit: "0-9",
      graph: "\\x21-\\x7E",
      lower: "a-z",
      print: "\\x20-\\x7E ",
      punct: "\\-!\"#$%&'()\\*+,./:;<=>?@[\\]^_`{|}~",
      space: " \\t\\r\\n\\v\\f",
      upper: "A-Z",
      word: "A-Za-z0-9_",
      xdigit: "A-Fa-f0-9"
    };
    module.exports = {
      DEFAULT_MAX_EXTGLOB_RECURSION,
      MAX_LENGTH: 1024 * 64,
      POSIX_REGEX_SOURCE,
      // regular expressions
      REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
      REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
      REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
      REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
      REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
      REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,
      // Replace globs with equivalent patterns to reduce parsing time.
      REPLACEMENTS: {
        __proto__: null,
        "***": "*",
        "**/**": "**",
        "**/**/**": "**"
      },
      // Digits
      CHAR_0: 48,
      /* 0 */
      CHAR_9: 57,
      /* 9 */
      // Alphabet chars.
      CHAR_UPPERCASE_A: 65,
      /* A */
      CHAR_LOWERCASE_A: 97,
      /* a */
      CHAR_UPPERCASE_Z: 90,
      /* Z */
      CHAR_LOWERCASE_Z: 122,
      /* z */
      CHAR_LEFT_PARENTHESES: 40,
      /* ( */
      CHAR_RIGHT_PARENTHESES: 41,
      /* ) */
      CHAR_ASTERISK: 42,
      /* * */
      // Non-alphabetic chars.
      CHAR_AMPERSAND: 38,
      /* & */
      CHAR_AT: 64,
      /* @ */
      CHAR_BACKWARD_SLASH: 92,
      /* \ */
      CHAR_CARRIAGE_RETURN: 13,
      /* \r */
      CHAR_CIRCUMFLEX_ACCENT: 94,
      /* ^ */
      CHAR_COLON: 58,
      /* : */
      CHAR_COMMA: 44,
      /* , */
      CHAR_DOT: 46,
      /* . */
      CHAR_DOUBLE_QUOTE: 34,
      /* " */
      CHAR_EQUAL: 61,
      /* = */
      CHAR_EXCLAMATION_MARK: 33,
      /* ! */
      CHAR_FORM_FEED: 12,
      /* \f */
      CHAR_FORWARD_SLASH: 47,
      /* / */
      CHAR_GRAVE_ACCENT: 96,
      /* ` */
      CHAR_HASH: 35,
      /* # */
      CHAR_HYPHEN_MINUS: 45,
      /* - */
      CHAR_LEFT_ANGLE_BRACKET: 60,
      /* < */
      CHAR_LEFT_CURLY_BRACE: 123,
      /* { */
      CHAR_LEFT_SQUARE_BRACKET: 91,
      /* [ */
      CHAR_LINE_FEED: 10,
      /* \n */
      CHAR_NO_BREAK_SPACE: 160,
      /* \u00A0 */
      CHAR_PERCENT: 37,
      /* % */
      CHAR_PLUS: 43,
      /* + */
      CHAR_QUESTION_MARK: 63,
      /* ? */
      CHAR_RIGHT_ANGLE_BRACKET: 62,
      /* > */
      CHAR_RIGHT_CURLY_BRACE: 125,
      /* } */
      CHAR_RIGHT_SQUARE_BRACKET: 93,
      /* ] */
      CHAR_SEMICOLON: 59,
      /* ; */
      CHAR_SINGLE_QUOTE: 39,
      /* ' */
      CHAR_SPACE: 32,
      /*   */
      CHAR_TAB: 9,
      /* \t */
      CHAR_UNDERSCORE: 95,
      /* _ */
      CHAR_VERTICAL_LINE: 124,
      /* | */
      CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279,
      /* \uFEFF */
      /**
       * Create EXTGLOB_CHARS
       */
      extglobChars(chars) {
        return {
          "!": { type: "negate", open: "(?:(?!(?:", close: `))${chars.STAR})` },
          "?": { type: "qmark", open: "(?:", close: ")?" },
          "+": { type: "plus", open: "(?:", close: ")+" },
          "*": { type: "star", open: "(?:", close: ")*" },
          "@": { type: "at", open: "(?:", close: ")" }
        };
      },
      /**
       * Create GLOB_CHARS
       */
      globChars(win32) {
        return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
      }
    };
  }
});

// node_modules/picomatch/lib/utils.js
var require_utils = __commonJS({
  "node_modules/picomatch/lib/utils.js"(exports) {
    "use strict";
    var {
      REGEX_BACKSLASH,
      REGEX_REMOVE_BACKSLASH,
      REGEX_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_GLOBAL
    } = require_constants();
    exports.isObject = (val) => val !== null && typeof val === "object" && !Array.isArray(val);
    exports.hasRegexChars = (str) => REGEX_SPECIAL_CHARS.test(str);
    exports.isRegexChar = (str) => str.length === 1 && exports.hasRegexChars(str);
    exports.escapeRegex = (str) => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, "\\$1");
    exports.toPosixSlashes = (str) => str.replace(REGEX_BACKSLASH, "/");
    exports.isWindows = () => {
      if (typeof navigator !== "undefined" && navigator.platform) {
        const platform = navigator.platform.toLowerCase();
        return platform === "win32" || platform === "windows";
      }
      if (typeof process !== "undefined" && process.platform) {
        return process.platform === "win32";
      }
      return false;
    };
    exports.removeBackslashes = (str) => {
      return str.replace(REGEX_REMOVE_BACKSLASH, (match) => {
        return match === "\\" ? "" : match;
      });
    };
    exports.escapeLast = (input, char, lastIdx) => {
      const idx = input.lastIndexOf(char, lastIdx);
      if (idx === -1) return input;
      if (input[idx - 1] === "\\") return exports.escapeLast(input, char, idx - 1);
      return `${input.slice(0, idx)}\\${input.slice(idx)}`;
    };
    exports.removePrefix = (input, state = {}) => {
      let output = input;
      if (output.startsWith("./")) {
        output = output.slice(2);
        state.prefix = "./";
      }
      return output;
    };
    exports.wrapOutput = (input, state = {}, options = {}) => {
      const prepend = options.contains ? "" : "^";
      const append2 = options.contains ? "" : "$";
      let output = `${prepend}(?:${input})${append2}`;
      if (state.negated === true) {
        output = `(?:^(?!${output}).*$)`;
      }
      return output;
    };
    exports.basename = (path, { windows } = {}) => {
      const segs = path.split(windows ? /[\\/]/ : "/");
      const last = segs[segs.length - 1];
      if (last === "") {
        return segs[segs.length - 2];
      }
      return last;
    };
  }
});

// node_modules/picomatch/lib/scan.js
var require_scan = __commonJS({
  "node_modules/picomatch/lib/scan.js"(exports, module) {
    "use strict";
    var utils = require_utils();
    var {
      CHAR_ASTERISK,
      /* * */
      CHAR_AT,
      /* @ */
      CHAR_BACKWARD_SLASH,
      /* \ */
      CHAR_COMMA,
      /* , */
      CHAR_DOT,
      /* . */
      CHAR_EXCLAMATION_MARK,
      /* ! */
      CHAR_FORWARD_SLASH,
      /* / */
      CHAR_LEFT_CURLY_BRACE,
      /* { */
      CHAR_LEFT_PARENTHESES,
      /* ( */
      CHAR_LEFT_SQUARE_BRACKET,
      /* [ */
      CHAR_PLUS,
      /* + */
      CHAR_QUESTION_MARK,
      /* ? */
      CHAR_RIGHT_CURLY_BRACE,
      /* } */
      CHAR_RIGHT_PARENTHESES,
      /* ) */
      CHAR_RIGHT_SQUARE_BRACKET
      /* ] */
    } = require_constants();
    var isPathSeparator = (code) => {
      return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
    };
    var depth = (token) => {
      if (token.isPrefix !== true) {
        token.depth = token.isGlobstar ? Infinity : 1;
      }
    };
    var scan = (input, options) => {
      const opts = options || {};
      const length = input.length - 1;
      const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
      const slashes = [];
      const tokens = [];
      const parts = [];
      let str = input;
      let index = -1;
      let start = 0;
      let lastIndex = 0;
      let isBrace = false;
      let isBracket = false;
      let isGlob = false;
      let isExtglob = false;
      let isGlobstar = false;
      let braceEscaped = false;
      let backslashes = false;
      let negated = false;
      let negatedExtglob = false;
      let finished = false;
      let braces = 0;
      let prev;
      let code;
      let token = { value: "", depth: 0, isGlob: false };
      const eos = () => index >= length;
      const peek = () => str.charCodeAt(index + 1);
      const advance = () => {
        prev = code;
        return str.charCodeAt(++index);
      };
      while (index < length) {
        code = advance();
        let next;
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          code = advance();
          if (code === CHAR_LEFT_CURLY_BRACE) {
            braceEscaped = true;
          }
          continue;
        }
        if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (code === CHAR_LEFT_CURLY_BRACE) {
              braces++;
              continue;
            }
            if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (braceEscaped !== true && code === CHAR_COMMA) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (code === CHAR_RIGHT_CURLY_BRACE) {
              braces--;
              if (braces === 0) {
                braceEscaped = false;
                isBrace = token.isBrace = true;
                finished = true;
                break;
              }
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_FORWARD_SLASH) {
          slashes.push(index);
          tokens.push(token);
          token = { value: "", depth: 0, isGlob: false };
          if (finished === true) continue;
          if (prev === CHAR_DOT && index === start + 1) {
            start += 2;
            continue;
          }
          lastIndex = index + 1;
          continue;
        }
        if (opts.noext !== true) {
          const isExtglobChar = code === CHAR_PLUS || code === CHAR_AT || code === CHAR_ASTERISK || code === CHAR_QUESTION_MARK || code === CHAR_EXCLAMATION_MARK;
          if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
            isGlob = token.isGlob = true;
            isExtglob = token.isExtglob = true;
            finished = true;
            if (code === CHAR_EXCLAMATION_MARK && index === start) {
              negatedExtglob = true;
            }
            if (scanToEnd === true) {
              let parens = 0;
              while (eos() !== true && (code = advance())) {
                if (code === CHAR_BACKWARD_SLASH) {
                  backslashes = token.backslashes = true;
                  advance();
                  continue;
                }
                if (code === CHAR_LEFT_PARENTHESES) {
                  parens++;
                  continue;
                }
                if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                  finished = true;
                  break;
                }
              }
              continue;
            }
            break;
          }
        }
        if (code === CHAR_ASTERISK) {
          if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_QUESTION_MARK) {
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_LEFT_SQUARE_BRACKET) {
          while (eos() !== true && (next = advance())) {
            if (next === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (next === CHAR_RIGHT_SQUARE_BRACKET) {
              isBracket = token.isBracket = true;
              isGlob = token.isGlob = true;
              finished = true;
              break;
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
          negated = token.negated = true;
          start++;
          continue;
        }
        if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
          isGlob = token.isGlob = true;
          if (scanToEnd === true) {
            let parens = 1;
            while (eos() !== true && (code = advance())) {
              if (code === CHAR_BACKWARD_SLASH) {
                backslashes = token.backslashes = true;
                advance();
                continue;
              }
              if (code === CHAR_LEFT_PARENTHESES) {
                parens++;
                continue;
              }
              if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                finished = true;
                break;
              }
            }
            continue;
          }
          break;
        }
        if (isGlob === true) {
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
      }
      if (opts.noext === true) {
        isExtglob = false;
        isGlob = false;
      }
      let base = str;
      let prefix = "";
      let glob = "";
      if (start > 0) {
        prefix = str.slice(0, start);
        str = str.slice(start);
        lastIndex -= start;
      }
      if (base && isGlob === true && lastIndex > 0) {
        base = str.slice(0, lastIndex);
        glob = str.slice(lastIndex);
      } else if (isGlob === true) {
        base = "";
        glob = str;
      } else {
        base = str;
      }
      if (base && base !== "" && base !== "/" && base !== str) {
        if (isPathSeparator(base.charCodeAt(base.length - 1))) {
          base = base.slice(0, -1);
        }
      }
      if (opts.unescape === true) {
        if (glob) glob = utils.removeBackslashes(glob);
        if (base && backslashes === true) {
          base = utils.removeBackslashes(base);
        }
      }
      const state = {
        prefix,
        input,
        start,
        base,
        glob,
        isBrace,
        isBracket,
        isGlob,
        isExtglob,
        isGlobstar,
        negated,
        negatedExtglob
      };
      if (opts.tokens === true) {
        state.maxDepth = 0;
        if (!isPathSeparator(code)) {
          tokens.push(token);
        }
        state.tokens = tokens;
      }
      if (opts.parts === true || opts.tokens === true) {
        let prevIndex;
        for (let idx = 0; idx < slashes.length; idx++) {
          const n2 = prevIndex !== void 0 ? prevIndex + 1 : start;
          const i = slashes[idx];
          const value2 = input.slice(n2, i);
          if (opts.tokens) {
            if (idx === 0 && start !== 0) {
              tokens[idx].isPrefix = true;
              tokens[idx].value = prefix;
            } else {
              tokens[idx].value = value2;
            }
            depth(tokens[idx]);
            state.maxDepth += tokens[idx].depth;
          }
          if (i >= start) {
            parts.push(value2);
            prevIndex = i;
          }
        }
        const n = prevIndex !== void 0 ? prevIndex + 1 : start;
        const value = input.slice(n);
        parts.push(value);
        if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
          tokens[tokens.length - 1].value = value;
          depth(tokens[tokens.length - 1]);
          state.maxDepth += tokens[tokens.length - 1].depth;
        }
        state.slashes = slashes;
        state.parts = parts;
      }
      return state;
    };
    module.exports = scan;
  }
});

// node_modules/picomatch/lib/parse.js
var require_parse = __commonJS({
  "node_modules/picomatch/lib/parse.js"(exports, module) {
    "use strict";
    var constants = require_constants();
    var utils = require_utils();
    var {
      MAX_LENGTH,
      POSIX_REGEX_SOURCE,
      REGEX_NON_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_BACKREF,
      REPLACEMENTS
    } = constants;
    var expandRange = (args, options) => {
      if (typeof options.expandRange === "function") {
        return options.expandRange(...args, options);
      }
      args.sort();
      const value = `[${args.join("-")}]`;
      try {
        new RegExp(value);
      } catch (ex) {
        return args.map((v) => utils.escapeRegex(v)).join("..");
      }
      return value;
    };
    var syntaxError = (type, char) => {
      return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
    };
    var splitTopLevel = (input) => {
      const parts = [];
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let value = "";
      let escaped = false;
      for (const ch of input) {
        if (escaped === true) {
          value += ch;
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          value += ch;
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          value += ch;
          continue;
        }
        if (quote === 0) {
          if (ch === "[") {
            bracket++;
          } else if (ch === "]" && bracket > 0) {
            bracket--;
          } else if (bracket === 0) {
            if (ch === "(") {
              paren++;
            } else if (ch === ")" && paren > 0) {
              paren--;
            } else if (ch === "|" && paren === 0) {
              parts.push(value);
              value = "";
              continue;
            }
          }
        }
        value += ch;
      }
      parts.push(value);
      return parts;
    };
    var isPlainBranch = (branch) => {
      let escaped = false;
      for (const ch of branch) {
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (/[?*+@!()[\]{}]/.test(ch)) {
          return false;
        }
      }
      return true;
    };
    var normalizeSimpleBranch = (branch) => {
      let value = branch.trim();
      let changed = true;
      while (changed === true) {
        changed = false;
        if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
          value = value.slice(2, -1);
          changed = true;
        }
      }
      if (!isPlainBranch(value)) {
        return;
      }
      return value.replace(/\\(.)/g, "$1");
    };
    var hasRepeatedCharPrefixOverlap = (branches) => {
      const values = branches.map(normalizeSimpleBranch).filter(Boolean);
      for (let i = 0; i < values.length; i++) {
        for (let j = i + 1; j < values.length; j++) {
          const a = values[i];
          const b = values[j];
          const char = a[0];
          if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
            continue;
          }
          if (a === b || a.startsWith(b) || b.startsWith(a)) {
            return true;
          }
        }
      }
      return false;
    };
    var parseRepeatedExtglob = (pattern, requireEnd = true) => {
      if (pattern[0] !== "+" && pattern[0] !== "*" || pattern[1] !== "(") {
        return;
      }
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let escaped = false;
      for (let i = 1; i < pattern.length; i++) {
        const ch = pattern[i];
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          continue;
        }
        if (quote === 1) {
          continue;
        }
        if (ch === "[") {
          bracket++;
          continue;
        }
        if (ch === "]" && bracket > 0) {
          bracket--;
          continue;
        }
        if (bracket > 0) {
          continue;
        }
        if (ch === "(") {
          paren++;
          continue;
        }
        if (ch === ")") {
          paren--;
          if (paren === 0) {
            if (requireEnd === true && i !== pattern.length - 1) {
              return;
            }
            return {
              type: pattern[0],
              body: pattern.slice(2, i),
              end: i
            };
          }
        }
      }
    };
    var buildCharClassStar = (chars) => {
      const source = chars.length === 1 ? utils.escapeRegex(chars[0]) : `[${chars.map((ch) => utils.escapeRegex(ch)).join("")}]`;
      return `${source}*`;
    };
    var getStarExtglobSequenceChars = (pattern) => {
      let index = 0;
      const chars = [];
      while (index < pattern.length) {
        const match = parseRepeatedExtglob(pattern.slice(index), false);
        if (!match || match.type !== "*") {
          return;
        }
        const branches = splitTopLevel(match.body).map((branch2) => branch2.trim());
        if (branches.length !== 1) {
          return;
        }
        const branch = normalizeSimpleBranch(branches[0]);
        if (!branch || branch.length !== 1) {
          return;
        }
        chars.push(branch);
        index += match.end + 1;
      }
      if (chars.length < 1) {
        return;
      }
      return chars;
    };
    var repeatedExtglobRecursion = (pattern) => {
      let depth = 0;
      let value = pattern.trim();
      let match = parseRepeatedExtglob(value);
      while (match) {
        depth++;
        value = match.body.trim();
        match = parseRepeatedExtglob(value);
      }
      return depth;
    };
    var analyzeRepeatedExtglob = (body, options) => {
      if (options.maxExtglobRecursion === false) {
        return { risky: false };
      }
      const max = typeof options.maxExtglobRecursion === "number" ? options.maxExtglobRecursion : constants.DEFAULT_MAX_EXTGLOB_RECURSION;
      const branches = splitTopLevel(body).map((branch) => branch.trim());
      if (branches.length > 1) {
        if (branches.some((branch) => branch === "") || branches.some((branch) => /^[*?]+$/.test(branch)) || hasRepeatedCharPrefixOverlap(branches)) {
          return { risky: true };
        }
      }
      const safeChars = [];
      let sawStarSequence = false;
      let combinable = true;
      for (const branch of branches) {
        const chars = getStarExtglobSequenceChars(branch);
        if (chars) {
          sawStarSequence = true;
          safeChars.push(...chars);
          continue;
        }
        const literal = normalizeSimpleBranch(branch);
        if (literal && literal.length === 1) {
          safeChars.push(literal);
          continue;
        }
        combinable = false;
        if (repeatedExtglobRecursion(branch) > max) {
          return { risky: true };
        }
      }
      if (sawStarSequence) {
        return combinable ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) } : { risky: true };
      }
      return { risky: false };
    };
    var parse = (input, options) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected a string");
      }
      input = REPLACEMENTS[input] || input;
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      let len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      const bos = { type: "bos", value: "", output: opts.prepend || "" };
      const tokens = [bos];
      const capture = opts.capture ? "" : "?:";
      const PLATFORM_CHARS = constants.globChars(opts.windows);
      const EXTGLOB_CHARS = constants.extglobChars(PLATFORM_CHARS);
      const {
        DOT_LITERAL,
        PLUS_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOT_SLASH,
        NO_DOTS_SLASH,
        QMARK,
        QMARK_NO_DOT,
        STAR,
        START_ANCHOR
      } = PLATFORM_CHARS;
      const globstar = (opts2) => {
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const nodot = opts.dot ? "" : NO_DOT;
      const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
      let star = opts.bash === true ? globstar(opts) : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      if (typeof opts.noext === "boolean") {
        opts.noextglob = opts.noext;
      }
      const state = {
        input,
        index: -1,
        start: 0,
        dot: opts.dot === true,
        consumed: "",
        output: "",
        prefix: "",
        backtrack: false,
        negated: false,
        brackets: 0,
        braces: 0,
        parens: 0,
        quotes: 0,
        globstar: false,
        tokens
      };
      input = utils.removePrefix(input, state);
      len = input.length;
      const extglobs = [];
      const braces = [];
      const stack = [];
      let prev = bos;
      let value;
      const eos = () => state.index === len - 1;
      const peek = state.peek = (n = 1) => input[state.index + n];
      const advance = state.advance = () => input[++state.index] || "";
      const remaining = () => input.slice(state.index + 1);
      const consume = (value2 = "", num = 0) => {
        state.consumed += value2;
        state.index += num;
      };
      const append2 = (token) => {
        state.output += token.output != null ? token.output : token.value;
        consume(token.value);
      };
      const negate = () => {
        let count = 1;
        while (peek() === "!" && (peek(2) !== "(" || peek(3) === "?")) {
          advance();
          state.start++;
          count++;
        }
        if (count % 2 === 0) {
          return false;
        }
        state.negated = true;
        state.start++;
        return true;
      };
      const increment = (type) => {
        state[type]++;
        stack.push(type);
      };
      const decrement = (type) => {
        state[type]--;
        stack.pop();
      };
      const push = (tok) => {
        if (prev.type === "globstar") {
          const isBrace = state.braces > 0 && (tok.type === "comma" || tok.type === "brace");
          const isExtglob = tok.extglob === true || extglobs.length && (tok.type === "pipe" || tok.type === "paren");
          if (tok.type !== "slash" && tok.type !== "paren" && !isBrace && !isExtglob) {
            state.output = state.output.slice(0, -prev.output.length);
            prev.type = "star";
            prev.value = "*";
            prev.output = star;
            state.output += prev.output;
          }
        }
        if (extglobs.length && tok.type !== "paren") {
          extglobs[extglobs.length - 1].inner += tok.value;
        }
        if (tok.value || tok.output) append2(tok);
        if (prev && prev.type === "text" && tok.type === "text") {
          prev.output = (prev.output || prev.value) + tok.value;
          prev.value += tok.value;
          return;
        }
        tok.prev = prev;
        tokens.push(tok);
        prev = tok;
      };
      const extglobOpen = (type, value2) => {
        const token = { ...EXTGLOB_CHARS[value2], conditions: 1, inner: "" };
        token.prev = prev;
        token.parens = state.parens;
        token.output = state.output;
        token.startIndex = state.index;
        token.tokensIndex = tokens.length;
        const output = (opts.capture ? "(" : "") + token.open;
        increment("parens");
        push({ type, value: value2, output: state.output ? "" : ONE_CHAR });
        push({ type: "paren", extglob: true, value: advance(), output });
        extglobs.push(token);
      };
      const extglobClose = (token) => {
        const literal = input.slice(token.startIndex, state.index + 1);
        const body = input.slice(token.startIndex + 2, state.index);
        const analysis = analyzeRepeatedExtglob(body, opts);
        if ((token.type === "plus" || token.type === "star") && analysis.risky) {
          const safeOutput = analysis.safeOutput ? (token.output ? "" : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput) : void 0;
          const open = tokens[token.tokensIndex];
          open.type = "text";
          open.value = literal;
          open.output = safeOutput || utils.escapeRegex(literal);
          for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
            tokens[i].value = "";
            tokens[i].output = "";
            delete tokens[i].suffix;
          }
          state.output = token.output + open.output;
          state.backtrack = true;
          push({ type: "paren", extglob: true, value, output: "" });
          decrement("parens");
          return;
        }
        let output = token.close + (opts.capture ? ")" : "");
        let rest;
        if (token.type === "negate") {
          let extglobStar = star;
          if (token.inner && token.inner.length > 1 && token.inner.includes("/")) {
            extglobStar = globstar(opts);
          }
          if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
            output = token.close = `)$))${extglobStar}`;
          }
          if (token.inner.includes("*") && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
            const expression = parse(rest, { ...options, fastpaths: false }).output;
            output = token.close = `)${expression})${extglobStar})`;
          }
          if (token.prev.type === "bos") {
            state.negatedExtglob = true;
          }
        }
        push({ type: "paren", extglob: true, value, output });
        decrement("parens");
      };
      if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
        let backslashes = false;
        let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
          if (first === "\\") {
            backslashes = true;
            return m;
          }
          if (first === "?") {
            if (esc) {
              return esc + first + (rest ? QMARK.repeat(rest.length) : "");
            }
            if (index === 0) {
              return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : "");
            }
            return QMARK.repeat(chars.length);
          }
          if (first === ".") {
            return DOT_LITERAL.repeat(chars.length);
          }
          if (first === "*") {
            if (esc) {
              return esc + first + (rest ? star : "");
            }
            return star;
          }
          return esc ? m : `\\${m}`;
        });
        if (backslashes === true) {
          if (opts.unescape === true) {
            output = output.replace(/\\/g, "");
          } else {
            output = output.replace(/\\+/g, (m) => {
              return m.length % 2 === 0 ? "\\\\" : m ? "\\" : "";
            });
          }
        }
        if (output === input && opts.contains === true) {
          state.output = input;
          return state;
        }
        state.output = utils.wrapOutput(output, state, options);
        return state;
      }
      while (!eos()) {
        value = advance();
        if (value === "\0") {
          continue;
        }
        if (value === "\\") {
          const next = peek();
          if (next === "/" && opts.bash !== true) {
            continue;
          }
          if (next === "." || next === ";") {
            continue;
          }
          if (!next) {
            value += "\\";
            push({ type: "text", value });
            continue;
          }
          const match = /^\\+/.exec(remaining());
          let slashes = 0;
          if (match && match[0].length > 2) {
            slashes = match[0].length;
            state.index += slashes;
            if (slashes % 2 !== 0) {
              value += "\\";
            }
          }
          if (opts.unescape === true) {
            value = advance();
          } else {
            value += advance();
          }
          if (state.brackets === 0) {
            push({ type: "text", value });
            continue;
          }
        }
        if (state.brackets > 0 && (value !== "]" || prev.value === "[" || prev.value === "[^")) {
          if (opts.posix !== false && value === ":") {
            const inner = prev.value.slice(1);
            if (inner.includes("[")) {
              prev.posix = true;
              if (inner.includes(":")) {
                const idx = prev.value.lastIndexOf("[");
                const pre = prev.value.slice(0, idx);
                const rest2 = prev.value.slice(idx + 2);
                const posix = POSIX_REGEX_SOURCE[rest2];
                if (posix) {
                  prev.value = pre + posix;
                  state.backtrack = true;
                  advance();
                  if (!bos.output && tokens.indexOf(prev) === 1) {
                    bos.output = ONE_CHAR;
                  }
                  continue;
                }
              }
            }
          }
          if (value === "[" && peek() !== ":" || value === "-" && peek() === "]") {
            value = `\\${value}`;
          }
          if (value === "]" && (prev.value === "[" || prev.value === "[^")) {
            value = `\\${value}`;
          }
          if (opts.posix === true && value === "!" && prev.value === "[") {
            value = "^";
          }
          prev.value += value;
          append2({ value });
          continue;
        }
        if (state.quotes === 1 && value !== '"') {
          value = utils.escapeRegex(value);
          prev.value += value;
          append2({ value });
          continue;
        }
        if (value === '"') {
          state.quotes = state.quotes === 1 ? 0 : 1;
          if (opts.keepQuotes === true) {
            push({ type: "text", value });
          }
          continue;
        }
        if (value === "(") {
          increment("parens");
          push({ type: "paren", value });
          continue;
        }
        if (value === ")") {
          if (state.parens === 0 && opts.strictBrackets === true) {
            throw new SyntaxError(syntaxError("opening", "("));
          }
          const extglob = extglobs[extglobs.length - 1];
          if (extglob && state.parens === extglob.parens + 1) {
            extglobClose(extglobs.pop());
            continue;
          }
          push({ type: "paren", value, output: state.parens ? ")" : "\\)" });
          decrement("parens");
          continue;
        }
        if (value === "[") {
          if (opts.nobracket === true || !remaining().includes("]")) {
            if (opts.nobracket !== true && opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("closing", "]"));
            }
            value = `\\${value}`;
          } else {
            increment("brackets");
          }
          push({ type: "bracket", value });
          continue;
        }
        if (value === "]") {
          if (opts.nobracket === true || prev && prev.type === "bracket" && prev.value.length === 1) {
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          if (state.brackets === 0) {
            if (opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("opening", "["));
            }
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          decrement("brackets");
          const prevValue = prev.value.slice(1);
          if (prev.posix !== true && prevValue[0] === "^" && !prevValue.includes("/")) {
            value = `/${value}`;
          }
          prev.value += value;
          append2({ value });
          if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
            continue;
          }
          const escaped = utils.escapeRegex(prev.value);
          state.output = state.output.slice(0, -prev.value.length);
          if (opts.literalBrackets === true) {
            state.output += escaped;
            prev.value = escaped;
            continue;
          }
          prev.value = `(${capture}${escaped}|${prev.value})`;
          state.output += prev.value;
          continue;
        }
        if (value === "{" && opts.nobrace !== true) {
          increment("braces");
          const open = {
            type: "brace",
            value,
            output: "(",
            outputIndex: state.output.length,
            tokensIndex: state.tokens.length
          };
          braces.push(open);
          push(open);
          continue;
        }
        if (value === "}") {
          const brace = braces[braces.length - 1];
          if (opts.nobrace === true || !brace) {
            push({ type: "text", value, output: value });
            continue;
          }
          let output = ")";
          if (brace.dots === true) {
            const arr = tokens.slice();
            const range = [];
            for (let i = arr.length - 1; i >= 0; i--) {
              tokens.pop();
              if (arr[i].type === "brace") {
                break;
              }
              if (arr[i].type !== "dots") {
                range.unshift(arr[i].value);
              }
            }
            output = expandRange(range, opts);
            state.backtrack = true;
          }
          if (brace.comma !== true && brace.dots !== true) {
            const out = state.output.slice(0, brace.outputIndex);
            const toks = state.tokens.slice(brace.tokensIndex);
            brace.value = brace.output = "\\{";
            value = output = "\\}";
            state.output = out;
            for (const t of toks) {
              state.output += t.output || t.value;
            }
          }
          push({ type: "brace", value, output });
          decrement("braces");
          braces.pop();
          continue;
        }
        if (value === "|") {
          if (extglobs.length > 0) {
            extglobs[extglobs.length - 1].conditions++;
          }
          push({ type: "text", value });
          continue;
        }
        if (value === ",") {
          let output = value;
          const brace = braces[braces.length - 1];
          if (brace && stack[stack.length - 1] === "braces") {
            brace.comma = true;
            output = "|";
          }
          push({ type: "comma", value, output });
          continue;
        }
        if (value === "/") {
          if (prev.type === "dot" && state.index === state.start + 1) {
            state.start = state.index + 1;
            state.consumed = "";
            state.output = "";
            tokens.pop();
            prev = bos;
            continue;
          }
          push({ type: "slash", value, output: SLASH_LITERAL });
          continue;
        }
        if (value === ".") {
          if (state.braces > 0 && prev.type === "dot") {
            if (prev.value === ".") prev.output = DOT_LITERAL;
            const brace = braces[braces.length - 1];
            prev.type = "dots";
            prev.output += value;
            prev.value += value;
            brace.dots = true;
            continue;
          }
          if (state.braces + state.parens === 0 && prev.type !== "bos" && prev.type !== "slash") {
            push({ type: "text", value, output: DOT_LITERAL });
            continue;
          }
          push({ type: "dot", value, output: DOT_LITERAL });
          continue;
        }
        if (value === "?") {
          const isGroup = prev && prev.value === "(";
          if (!isGroup && opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("qmark", value);
            continue;
          }
          if (prev && prev.type === "paren") {
            const next = peek();
            let output = value;
            if (prev.value === "(" && !/[!=<:]/.test(next) || next === "<" && !/<([!=]|\w+>)/.test(remaining())) {
              output = `\\${value}`;
            }
            push({ type: "text", value, output });
            continue;
          }
          if (opts.dot !== true && (prev.type === "slash" || prev.type === "bos")) {
            push({ type: "qmark", value, output: QMARK_NO_DOT });
            continue;
          }
          push({ type: "qmark", value, output: QMARK });
          continue;
        }
        if (value === "!") {
          if (opts.noextglob !== true && peek() === "(") {
            if (peek(2) !== "?" || !/[!=<:]/.test(peek(3))) {
              extglobOpen("negate", value);
              continue;
            }
          }
          if (opts.nonegate !== true && state.index === 0) {
            negate();
            continue;
          }
        }
        if (value === "+") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("plus", value);
            continue;
          }
          if (prev && prev.value === "(" || opts.regex === false) {
            push({ type: "plus", value, output: PLUS_LITERAL });
            continue;
          }
          if (prev && (prev.type === "bracket" || prev.type === "paren" || prev.type === "brace") || state.parens > 0) {
            push({ type: "plus", value });
            continue;
          }
          push({ type: "plus", value: PLUS_LITERAL });
          continue;
        }
        if (value === "@") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            push({ type: "at", extglob: true, value, output: "" });
            continue;
          }
          push({ type: "text", value });
          continue;
        }
        if (value !== "*") {
          if (value === "$" || value === "^") {
            value = `\\${value}`;
          }
          const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
          if (match) {
            value += match[0];
            state.index += match[0].length;
          }
          push({ type: "text", value });
          continue;
        }
        if (prev && (prev.type === "globstar" || prev.star === true)) {
          prev.type = "star";
          prev.star = true;
          prev.value += value;
          prev.output = star;
          state.backtrack = true;
          state.globstar = true;
          consume(value);
          continue;
        }
        let rest = remaining();
        if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
          extglobOpen("star", value);
          continue;
        }
        if (prev.type === "star") {
          if (opts.noglobstar === true) {
            consume(value);
            continue;
          }
          const prior = prev.prev;
          const before = prior.prev;
          const isStart = prior.type === "slash" || prior.type === "bos";
          const afterStar = before && (before.type === "star" || before.type === "globstar");
          if (opts.bash === true && (!isStart || rest[0] && rest[0] !== "/")) {
            push({ type: "star", value, output: "" });
            continue;
          }
          const isBrace = state.braces > 0 && (prior.type === "comma" || prior.type === "brace");
          const isExtglob = extglobs.length && (prior.type === "pipe" || prior.type === "paren");
          if (!isStart && prior.type !== "paren" && !isBrace && !isExtglob) {
            push({ type: "star", value, output: "" });
            continue;
          }
          while (rest.slice(0, 3) === "/**") {
            const after = input[state.index + 4];
            if (after && after !== "/") {
              break;
            }
            rest = rest.slice(3);
            consume("/**", 3);
          }
          const isEnd = eos() || state.parens > 0 && rest === ")".repeat(state.parens) && !extglobs.some((extglob) => extglob.type === "negate");
          if (prior.type === "bos" && eos()) {
            prev.type = "globstar";
            prev.value += value;
            prev.output = globstar(opts);
            state.output = prev.output;
            state.globstar = true;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && !afterStar && isEnd) {
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = globstar(opts) + (opts.strictSlashes ? ")" : "|$)");
            prev.value += value;
            state.globstar = true;
            state.output += prior.output + prev.output;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && rest[0] === "/") {
            const end = rest[1] !== void 0 ? "|$" : "";
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
            prev.value += value;
            state.output += prior.output + prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          if (prior.type === "bos" && rest[0] === "/") {
            prev.type = "globstar";
            prev.value += value;
            prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
            state.output = prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          state.output = state.output.slice(0, -prev.output.length);
          prev.type = "globstar";
          prev.output = globstar(opts);
          prev.value += value;
          state.output += prev.output;
          state.globstar = true;
          consume(value);
          continue;
        }
        const token = { type: "star", value, output: star };
        if (opts.bash === true) {
          token.output = ".*?";
          if (prev.type === "bos" || prev.type === "slash") {
            token.output = nodot + token.output;
          }
          push(token);
          continue;
        }
        if (prev && (prev.type === "bracket" || prev.type === "paren") && opts.regex === true) {
          token.output = value;
          push(token);
          continue;
        }
        if (state.index === state.start || prev.type === "slash" || prev.type === "dot") {
          if (prev.type === "dot") {
            state.output += NO_DOT_SLASH;
            prev.output += NO_DOT_SLASH;
          } else if (opts.dot === true) {
            state.output += NO_DOTS_SLASH;
            prev.output += NO_DOTS_SLASH;
          } else {
            state.output += nodot;
            prev.output += nodot;
          }
          if (peek() !== "*") {
            state.output += ONE_CHAR;
            prev.output += ONE_CHAR;
          }
        }
        push(token);
      }
      while (state.brackets > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "]"));
        state.output = utils.escapeLast(state.output, "[");
        decrement("brackets");
      }
      while (state.parens > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", ")"));
        state.output = utils.escapeLast(state.output, "(");
        decrement("parens");
      }
      while (state.braces > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "}"));
        state.output = utils.escapeLast(state.output, "{");
        decrement("braces");
      }
      if (opts.strictSlashes !== true && (prev.type === "star" || prev.type === "bracket")) {
        push({ type: "maybe_slash", value: "", output: `${SLASH_LITERAL}?` });
      }
      if (state.backtrack === true) {
        state.output = "";
        for (const token of state.tokens) {
          state.output += token.output != null ? token.output : token.value;
          if (token.suffix) {
            state.output += token.suffix;
          }
        }
      }
      return state;
    };
    parse.fastpaths = (input, options) => {
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      const len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      input = REPLACEMENTS[input] || input;
      const {
        DOT_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOTS,
        NO_DOTS_SLASH,
        STAR,
        START_ANCHOR
      } = constants.globChars(opts.windows);
      const nodot = opts.dot ? NO_DOTS : NO_DOT;
      const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
      const capture = opts.capture ? "" : "?:";
      const state = { negated: false, prefix: "" };
      let star = opts.bash === true ? ".*?" : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      const globstar = (opts2) => {
        if (opts2.noglobstar === true) return star;
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const create = (str) => {
        switch (str) {
          case "*":
            return `${nodot}${ONE_CHAR}${star}`;
          case ".*":
            return `${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*.*":
            return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*/*":
            return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;
          case "**":
            return nodot + globstar(opts);
          case "**/*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;
          case "**/*.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "**/.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;
          default: {
            const match = /^(.*?)\.(\w+)$/.exec(str);
            if (!match) return;
            const source2 = create(match[1]);
            if (!source2) return;
            return source2 + DOT_LITERAL + match[2];
          }
        }
      };
      const output = utils.removePrefix(input, state);
      let source = create(output);
      if (source && opts.strictSlashes !== true) {
        source += `${SLASH_LITERAL}?`;
      }
      return source;
    };
    module.exports = parse;
  }
});

// node_modules/picomatch/lib/picomatch.js
var require_picomatch = __commonJS({
  "node_modules/picomatch/lib/picomatch.js"(exports, module) {
    "use strict";
    var scan = require_scan();
    var parse = require_parse();
    var utils = require_utils();
    var constants = require_constants();
    var isObject = (val) => val && typeof val === "object" && !Array.isArray(val);
    var picomatch2 = (glob, options, returnState = false) => {
      if (Array.isArray(glob)) {
        const fns = glob.map((input) => picomatch2(input, options, returnState));
        const arrayMatcher = (str) => {
          for (const isMatch of fns) {
            const state2 = isMatch(str);
            if (state2) return state2;
          }
          return false;
        };
        return arrayMatcher;
      }
      const isState = isObject(glob) && glob.tokens && glob.input;
      if (glob === "" || typeof glob !== "string" && !isState) {
        throw new TypeError("Expected pattern to be a non-empty string");
      }
      const opts = options || {};
      const posix = opts.windows;
      const regex = isState ? picomatch2.compileRe(glob, options) : picomatch2.makeRe(glob, options, false, true);
      const state = regex.state;
      delete regex.state;
      let isIgnored = () => false;
      if (opts.ignore) {
        const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
        isIgnored = picomatch2(opts.ignore, ignoreOpts, returnState);
      }
      const matcher = (input, returnObject = false) => {
        const { isMatch, match, output } = picomatch2.test(input, regex, options, { glob, posix });
        const result = { glob, state, regex, posix, input, output, match, isMatch };
        if (typeof opts.onResult === "function") {
          opts.onResult(result);
        }
        if (isMatch === false) {
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (isIgnored(input)) {
          if (typeof opts.onIgnore === "function") {
            opts.onIgnore(result);
          }
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (typeof opts.onMatch === "function") {
          opts.onMatch(result);
        }
        return returnObject ? result : true;
      };
      if (returnState) {
        matcher.state = state;
      }
      return matcher;
    };
    picomatch2.test = (input, regex, options, { glob, posix } = {}) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected input to be a string");
      }
      if (input === "") {
        return { isMatch: false, output: "" };
      }
      const opts = options || {};
      const format = opts.format || (posix ? utils.toPosixSlashes : null);
      let match = input === glob;
      let output = match && format ? format(input) : input;
      if (match === false) {
        output = format ? format(input) : input;
        match = output === glob;
      }
      if (match === false || opts.capture === true) {
        if (opts.matchBase === true || opts.basename === true) {
          match = picomatch2.matchBase(input, regex, options, posix);
        } else {
          match = regex.exec(output);
        }
      }
      return { isMatch: Boolean(match), match, output };
    };
    picomatch2.matchBase = (input, glob, options, posix = options && options.windows) => {
      const regex = glob instanceof RegExp ? glob : picomatch2.makeRe(glob, options);
      return regex.test(utils.basename(input, { windows: posix }));
    };
    picomatch2.isMatch = (str, patterns, options) => picomatch2(patterns, options)(str);
    picomatch2.parse = (pattern, options) => {
      if (Array.isArray(pattern)) return pattern.map((p) => picomatch2.parse(p, options));
      return parse(pattern, { ...options, fastpaths: false });
    };
    picomatch2.scan = (input, options) => scan(input, options);
    picomatch2.compileRe = (state, options, returnOutput = false, returnState = false) => {
      if (returnOutput === true) {
        return state.output;
      }
      const opts = options || {};
      const prepend = opts.contains ? "" : "^";
      const append2 = opts.contains ? "" : "$";
      let source = `${prepend}(?:${state.output})${append2}`;
      if (state && state.negated === true) {
        source = `^(?!${source}).*$`;
      }
      const regex = picomatch2.toRegex(source, options);
      if (returnState === true) {
        regex.state = state;
      }
      return regex;
    };
    picomatch2.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
      if (!input || typeof input !== "string") {
        throw new TypeError("Expected a non-empty string");
      }
      let parsed = { negated: false, fastpaths: true };
      if (options.fastpaths !== false && (input[0] === "." || input[0] === "*")) {
        parsed.output = parse.fastpaths(input, options);
      }
      if (!parsed.output) {
        parsed = parse(input, options);
      }
      return picomatch2.compileRe(parsed, options, returnOutput, returnState);
    };
    picomatch2.toRegex = (source, options) => {
      try {
        const opts = options || {};
        return new RegExp(source, opts.flags || (opts.nocase ? "i" : ""));
      } catch (err) {
        if (options && options.debug === true) throw err;
        return /$^/;
      }
    };
    picomatch2.constants = constants;
    module.exports = picomatch2;
  }
});

// node_modules/picomatch/index.js
var require_picomatch2 = __commonJS({
  "node_modules/picomatch/index.js"(exports, module) {
    "use strict";
    var pico = require_picomatch();
    var utils = require_utils();
    function picomatch2(glob, options, returnState = false) {
      if (options && (options.windows === null || options.windows === void 0)) {
        options = { ...options, windows: utils.isWindows() };
      }
      return pico(glob, options, returnState);
    }
    Object.assign(picomatch2, pico);
    module.exports = picomatch2;
  }
});

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ2 = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ2;
    function isCollection(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ2:
            return true;
        }
      return false;
    }
    function isNode(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ2:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar2(node) || isCollection(node)) && !!node.anchor;
    exports.ALIAS = ALIAS;
    exports.DOC = DOC;
    exports.MAP = MAP;
    exports.NODE_TYPE = NODE_TYPE;
    exports.PAIR = PAIR;
    exports.SCALAR = SCALAR;
    exports.SEQ = SEQ2;
    exports.hasAnchor = hasAnchor;
    exports.isAlias = isAlias;
    exports.isCollection = isCollection;
    exports.isDocument = isDocument;
    exports.isMap = isMap2;
    exports.isNode = isNode;
    exports.isPair = isPair2;
    exports.isScalar = isScalar2;
    exports.isSeq = isSeq2;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP2 = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP2;
    visit.REMOVE = REMOVE;
    function visit_(key, node, visitor, path) {
      const ctrl = callVisitor(key, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = visit_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = visit_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP2;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path) {
      const ctrl = await callVisitor(key, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = await visitAsync_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key, node, visitor, path) {
      if (typeof visitor === "function")
        return visitor(key, node, path);
      if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
      if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
      if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
      if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
      return void 0;
    }
    function replaceNode(key, path, node) {
      const parent = path[path.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key] = node;
      } else if (identity.isPair(parent)) {
        if (key === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports.visit = visit;
    exports.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle, prefix] = parts;
            this.tags[handle] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle, prefix] of tagEntries) {
          if (handle === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
            }
          }
        },
        sourceObjects
      };
    }
    exports.anchorIsValid = anchorIsValid;
    exports.anchorNames = anchorNames;
    exports.createNodeAnchors = createNodeAnchors;
    exports.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    function applyReviver(reviver, obj, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj, key, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var visit = require_visit();
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit.visit(doc, {
            Node: (_key, node) => {
              if (identity.isAlias(node) || identity.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found2 = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found2 = node;
        }
        if (found2 && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found2);
          if (!data) {
            toJS.toJS(found2, null, ctx);
            data = anchors2.get(found2);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found2, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found2;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count)
            count = c;
        }
        return count;
      } else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar = class extends Node.NodeBase {
      constructor(value) {
        super(identity.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar.PLAIN = "PLAIN";
    Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar;
    exports.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity.isDocument(value))
        value = value.contents;
      if (identity.isNode(value))
        return value;
      if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar.Scalar(value);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var identity = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path, value) {
      let v = value;
      for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path) => path == null || typeof path === "object" && !!path[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path, value) {
        if (isEmptyPath(path))
          this.add(value);
        else {
          const [key, ...rest] = path;
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
          return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
          return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
          return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
          return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
          this.set(key, value);
        } else {
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str, indent, comment) => str.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str.endsWith(" ") ? "" : " ") + comment;
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text2, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text2;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text2.length <= endStep)
        return text2;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text2, i, indent.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text2[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text2[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text2, i, indent.length);
          end = i + indent.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text2[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i;
          }
          if (i >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text2[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text2;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text2;
      if (onFold)
        onFold();
      let res = text2.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold = folds[i2];
        const end2 = folds[i2 + 1] || text2.length;
        if (fold === 0)
          res = `
${indent}${text2.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text2[fold]}\\`;
          res += `
${indent}${text2.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text2, i, indent) {
      let end = i;
      let start = i + 1;
      let ch = text2[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent) {
          ch = text2[++i];
        } else {
          do {
            ch = text2[++i];
          } while (ch && ch !== "\n");
          end = i;
          start = i + 1;
          ch = text2[start];
        }
      }
      return end;
    }
    exports.FOLD_BLOCK = FOLD_BLOCK;
    exports.FOLD_FLOW = FOLD_FLOW;
    exports.FOLD_QUOTED = FOLD_QUOTED;
    exports.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
    function lineLengthOverLimit(str, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === "\n") {
          if (i - start > limit)
            return true;
          start = i + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str += json.slice(start, i);
                const code = json.substr(i + 2, 4);
                switch (code) {
                  case "0000":
                    str += "\\0";
                    break;
                  case "0007":
                    str += "\\a";
                    break;
                  case "000b":
                    str += "\\v";
                    break;
                  case "001b":
                    str += "\\e";
                    break;
                  case "0085":
                    str += "\\N";
                    break;
                  case "00a0":
                    str += "\\_";
                    break;
                  case "2028":
                    str += "\\L";
                    break;
                  case "2029":
                    str += "\\P";
                    break;
                  default:
                    if (code.substr(0, 2) === "00")
                      str += "\\x" + code.substr(2);
                    else
                      str += json.substr(i, 6);
                }
                i += 5;
                start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str += json.slice(start, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str += "\n";
                  i += 2;
                }
                str += indent;
                if (json[i + 2] === " ")
                  str += "\\";
                i += 1;
                start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str = start ? str + json.slice(start) : json;
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? false : type === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header}
${indent}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar.Scalar.BLOCK_FOLDED:
          case Scalar.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter((t) => t.identify?.(obj));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str;
      return identity.isScalar(node) || str[0] === "{" || str[0] === "[" ? `${props} ${str}` : `${props}
${ctx.indent}${str}`;
    }
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key) || !identity.isNode(key) && typeof key === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity.isCollection(key) || (identity.isScalar(key) ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str = stringify.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str === "" ? "?" : explicitKey ? `? ${str}` : str;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}
${indent}:`;
      } else {
        str = `${str}:`;
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str;
    }
    exports.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var node_process = __require("process");
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports.debug = debug;
    exports.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var MERGE_KEY = "<<";
    var merge = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key) => (merge.identify(key) || identity.isScalar(key) && (!key.type || key.type === Scalar.Scalar.PLAIN) && merge.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key))
            map.set(key, value2);
        } else if (map instanceof Set) {
          map.add(key);
        } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
          Object.defineProperty(map, key, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports.addMergeToJSMap = addMergeToJSMap;
    exports.isMergeKey = isMergeKey;
    exports.merge = merge;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var log = require_log();
    var merge = require_merge();
    var stringify = require_stringify();
    var identity = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key, value }) {
      if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
      else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key, value, ctx) {
      const k = createNode.createNode(key, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
      }
      clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
          key = key.clone(schema);
        if (identity.isNode(value))
          value = value.clone(schema);
        return new _Pair(key, value);
      }
      toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair;
    exports.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify2 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify2(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str2 = stringify.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines.push(blockItemPrefix + str2);
      }
      let str;
      if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
      } else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
          const line = lines[i];
          str += line ? `
${indent}${line}` : "\n";
        }
      }
      if (comment) {
        str += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes("\n"));
        if (i < items.length - 1) {
          str += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str += ",";
          }
        }
        if (comment)
          str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
      }
      const { start, end } = flowChars;
      if (lines.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str = start;
          for (const line of lines)
            str += line ? `
${indentStep}${indent}${line}` : "\n";
          return `${str}
${indent}${end}`;
        } else {
          return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart());
      }
    }
    exports.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    function findPair(items, key) {
      const k = identity.isScalar(key) ? key.value : key;
      for (const it of items) {
        if (identity.isPair(it)) {
          if (it.key === key || it.key === k)
            return it;
          if (identity.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj, key, value);
          else if (Array.isArray(replacer) && !replacer.includes(key))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
          for (const [key, value] of obj)
            add(key, value);
        } else if (obj && typeof obj === "object") {
          for (const key of Object.keys(obj))
            add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
          _pair = pair;
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair.Pair(pair, pair?.value);
        } else
          _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key) {
        const it = findPair(this.items, key);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value) {
        this.add(new Pair.Pair(key, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap;
    exports.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
    };
    exports.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
          let i = 0;
          for (let it of obj) {
            if (typeof replacer === "function") {
              const key = obj instanceof Set ? it : String(i++);
              it = replacer.call(obj, key, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity.isScalar(key) ? key.value : key;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
    };
    exports.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str) => str,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str) => new Scalar.Scalar(str[0] === "t" || str[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num = typeof value === "number" ? value : Number(value);
      if (!isFinite(num))
        return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf(".");
        if (dot !== -1 && str[str.length - 1] === "0")
          node.minFractionDigits = str.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.boolTag,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str) => str,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str) => str === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str) => parseFloat(str),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var node_buffer = __require("buffer");
    var Scalar = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str.length);
          for (let i = 0; i < str.length; ++i)
            buffer[i] = str.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str;
        if (typeof node_buffer.Buffer === "function") {
          str = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str.length / lineWidth);
          const lines = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines[i] = str.substr(o, lineWidth);
          }
          str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair.value ?? pair.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair;
          }
          seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i++), it);
          let key, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key = keys[0];
              value = it[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key = it;
          }
          pairs2.items.push(Pair.createPair(key, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs;
    exports.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var identity = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair of this.items) {
          let key, value;
          if (identity.isPair(pair)) {
            key = toJS.toJS(pair.key, "", ctx);
            value = toJS.toJS(pair.value, key, ctx);
          } else {
            key = toJS.toJS(pair, "", ctx);
          }
          if (map.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
          if (identity.isScalar(key)) {
            if (seenKeys.includes(key.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key.value}`);
            } else {
              seenKeys.push(key.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports.YAMLOMap = YAMLOMap;
    exports.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar.Scalar(false),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str.replace(/_/g, "")),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, "")));
        const dot = str.indexOf(".");
        if (dot !== -1) {
          const f = str.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str, offset, radix, { intAsBigInt }) {
      const sign2 = str[0];
      if (sign2 === "-" || sign2 === "+")
        offset += 1;
      str = str.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str = `0b${str}`;
            break;
          case 8:
            str = `0o${str}`;
            break;
          case 16:
            str = `0x${str}`;
            break;
        }
        const n2 = BigInt(str);
        return sign2 === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str, radix);
      return sign2 === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? "-" + prefix + str.substr(1) : prefix + str;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair;
        if (identity.isPair(key))
          pair = key;
        else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
          pair = new Pair.Pair(key.key, null);
        else
          pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
          this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair) ? identity.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair.Pair(key));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set2.items.push(Pair.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str, asBigInt) {
      const sign2 = str[0];
      const parts = sign2 === "-" || sign2 === "+" ? str.substring(1) : str;
      const num = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
      return sign2 === "-" ? num(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num = (n) => n;
      if (typeof value === "bigint")
        num = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign2 = "";
      if (value < 0) {
        sign2 = "-";
        value *= num(-1);
      }
      const _60 = num(60);
      const parts = [value % _60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts[0]) / _60;
          parts.unshift(value);
        }
      }
      return sign2 + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str) => parseSexagesimal(str, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary = require_binary();
    var bool = require_bool2();
    var float = require_float2();
    var int = require_int2();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.trueTag,
      bool.falseTag,
      int.intBin,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int.int,
      intHex: int.intHex,
      intOct: int.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge) ? schemaTags.concat(merge.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var identity = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body}`;
        } else
          lines.push(body);
      } else {
        lines.push(stringify.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines.push(`... ${cs}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    exports.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path) {
        if (Collection.isEmptyPath(path))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLParseError", pos, code, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLWarning", pos, code, message);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "\u2026" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "\u2026";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "\u2026\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found2 = null;
      let start = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found2 || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found2)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found2 = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found: found2,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes("\n"))
            return true;
          if (key.end) {
            for (const st of key.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
      return items.some((pair) => isEqual(pair.key, search));
    }
    exports.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key) {
            if (key.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key && key.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
            onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep + cb;
              sep = "";
              break;
            }
            case "newline":
              if (comment)
                sep += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap2 = fc.start.source === "{";
      const fcName = isMap2 ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap2 ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep && !value) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap2 && ctx.options.strict && utilContainsNewline.containsNewline(key))
            onError(
              key,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap2 && !sep && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap2 && !props.found && ctx.options.strict) {
              if (sep)
                for (const st of sep) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap2) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap2 ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity.isNode(res) ? res : new Scalar.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function resolveBlockScalar(ctx, scalar, onError) {
      const start = scalar.offset;
      const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
      const lines = scalar.source ? splitLines(scalar.source) : [];
      let chompStart = lines.length;
      for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start + header.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value2, type, comment: header.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar.indent + header.indent;
      let offset = scalar.offset + header.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === "" || content === "\r") {
          if (header.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message);
          }
          if (header.indent === 0)
            trimIndent = indent.length;
          contentStart = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent = "";
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep === " ")
            sep = "\n";
          else if (!prevMoreIndented && sep === "\n")
            sep = "\n\n";
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep === "\n")
            value += "\n";
          else
            sep = "\n";
        } else {
          value += sep + content;
          sep = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines.length; ++i)
            value += "\n" + lines[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header.length + scalar.source.length;
      return { value, type, comment: header.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent && n)
            indent = n;
          else if (error === -1)
            error = offset + i;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines(source) {
      const split = source.split(/\n( *)/);
      const first = split[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines = [line0];
      for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
      return lines;
    }
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar, strict, onError) {
      const { offset, type, source, end } = scalar;
      let _type;
      let value;
      const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
      switch (type) {
        case "scalar":
          _type = Scalar.Scalar.PLAIN;
          value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep === "\n")
            res += sep;
          else
            sep = "\n";
        } else {
          res += sep + lm;
          sep = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i);
          res += fold;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length, onError);
            i += length;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "\x85",
      // Unicode next line
      _: "\xA0",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar = new Scalar.Scalar(value);
      }
      scalar.range = range;
      scalar.source = value;
      if (type)
        scalar.type = type;
      if (tagName)
        scalar.tag = tagName;
      if (tag.format)
        scalar.format = tag.format;
      if (comment)
        scalar.comment = comment;
      return scalar;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    exports.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports.Composer = Composer;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key of Object.keys(token))
          if (key !== "type" && key !== "offset")
            delete token[key];
        Object.assign(token, { type: "block-scalar", indent, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key of Object.keys(token))
            if (key !== "type" && key !== "offset")
              delete token[key];
          Object.assign(token, { type, indent, source, end });
        }
      }
    }
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var stringify = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key, sep, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep)
        for (const st of sep)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP2 = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP2;
    visit.REMOVE = REMOVE;
    visit.itemAtPath = (cst, path) => {
      let item = cst;
      for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit.parentCollection = (cst, path) => {
      const parent = visit.itemAtPath(cst, path.slice(0, -1));
      const field = path[path.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path, item, visitor) {
      let ctrl = visitor(item, path);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token = item[field];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path) : ctrl;
    }
    exports.visit = visit;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = (token) => !!token && "items" in token;
    var isScalar2 = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports.createScalarToken = cstScalar.createScalarToken;
    exports.resolveAsScalar = cstScalar.resolveAsScalar;
    exports.setScalarValue = cstScalar.setScalarValue;
    exports.stringify = cstStringify.stringify;
    exports.visit = cstVisit.visit;
    exports.BOM = BOM;
    exports.DOCUMENT = DOCUMENT;
    exports.FLOW_END = FLOW_END;
    exports.SCALAR = SCALAR;
    exports.isCollection = isCollection;
    exports.isScalar = isScalar2;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i2;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
              nl = i2;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i;
        }
        return n;
      }
      *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
      }
    };
    exports.Lexer = Lexer;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var LineCounter2 = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports.LineCounter = LineCounter2;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list, type) {
      for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list) {
      for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep;
          if (scalar.end) {
            sep = scalar.end;
            sep.push(this.sourceToken);
            delete scalar.end;
          } else
            sep = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start, key: scalar, sep }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar);
      }
      *blockScalar(scalar) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key = it.key;
                  const sep = it.sep;
                  sep.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key, sep }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs);
              } else {
                Object.assign(it, { key: fs, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs, sep: [] });
              else if (it.sep)
                this.stack.push(fs);
              else
                Object.assign(it, { key: fs, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep = fc.end.splice(1, fc.end.length);
            sep.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports.Parser = Parser;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors();
    var log = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument2(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument2(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document.Document(value, _replacer, options).toString(options);
    }
    exports.parse = parse;
    exports.parseAllDocuments = parseAllDocuments;
    exports.parseDocument = parseDocument2;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document.Document;
    exports.Schema = Schema.Schema;
    exports.YAMLError = errors.YAMLError;
    exports.YAMLParseError = errors.YAMLParseError;
    exports.YAMLWarning = errors.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity.isAlias;
    exports.isCollection = identity.isCollection;
    exports.isDocument = identity.isDocument;
    exports.isMap = identity.isMap;
    exports.isNode = identity.isNode;
    exports.isPair = identity.isPair;
    exports.isScalar = identity.isScalar;
    exports.isSeq = identity.isSeq;
    exports.Pair = Pair.Pair;
    exports.Scalar = Scalar.Scalar;
    exports.YAMLMap = YAMLMap.YAMLMap;
    exports.YAMLSeq = YAMLSeq.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit.visit;
    exports.visitAsync = visit.visitAsync;
  }
});

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

// src/cli/index.ts
import { text } from "node:stream/consumers";

// src/cli/main.ts
import { parseArgs } from "node:util";

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
function makeSigner(name, seed) {
  const key = createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, seed]), format: "der", type: "pkcs8" });
  const spki = createPublicKey(key).export({ format: "der", type: "spki" });
  const verifier = makeVerifier(name, spki.subarray(SPKI_PREFIX.length));
  return {
    name,
    id: verifier.id,
    verifier,
    skey: `PRIVATE+KEY+${name}+${keyIdHex(verifier.id)}+${Buffer.concat([Buffer.from([ALG_ED25519]), seed]).toString("base64")}`,
    sign: (message) => sign(null, message, key)
  };
}
function splitKeyText(text2, what) {
  const match = /^([^+]*)\+([^+]*)\+(.*)$/s.exec(text2.trim());
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
function parseSignerKey(skey) {
  const text2 = skey.trim();
  if (!text2.startsWith("PRIVATE+KEY+")) throw new KeyFormatError("private key must start with PRIVATE+KEY+");
  const { name, id, key } = splitKeyText(text2.slice("PRIVATE+KEY+".length), "private key");
  const signer = makeSigner(name, Buffer.from(key));
  if (signer.id !== id) throw new KeyFormatError(`private key id ${keyIdHex(id)} does not match its name and key`);
  return signer;
}
function generateSigner(name) {
  checkKeyName(name);
  const { privateKey } = generateKeyPairSync("ed25519");
  const pkcs8 = privateKey.export({ format: "der", type: "pkcs8" });
  return makeSigner(name, pkcs8.subarray(PKCS8_PREFIX.length));
}

// src/ledger/merkle.ts
import { hash } from "node:crypto";
var HASH_SIZE = 32;
var LEAF_PREFIX = Buffer.from([0]);
var NODE_PREFIX = Buffer.from([1]);
var EMPTY_ROOT = hash("sha256", "", "buffer");
function leafHash(data) {
  return hash("sha256", Buffer.concat([LEAF_PREFIX, data]), "buffer");
}
var leafInput = Buffer.alloc(4096);
function leafHashHex(data) {
  if (data.length >= leafInput.length) leafInput = Buffer.alloc(2 * data.length + 1);
  leafInput[0] = 0;
  leafInput.set(data, 1);
  return hash("sha256", leafInput.subarray(0, data.length + 1), "hex");
}
function nodeHash(left, right) {
  return hash("sha256", Buffer.concat([NODE_PREFIX, left, right]), "buffer");
}
function splitPoint(n) {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}
function subtreeRoot(leaves, start = 0, end = leaves.length) {
  const range = new CompactRange();
  for (let i = start; i < end; i++) range.push(leaves[i]);
  return range.root();
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
var CompactRange = class _CompactRange {
  /** Perfect subtree roots, left to right; `heights[i]` is the height of `hashes[i]`. */
  hashes = [];
  heights = [];
  size = 0;
  /** Rebuilds a range from its stored hashes; the heights follow from the size's binary digits. */
  static fromHashes(size, hashes) {
    const range = new _CompactRange();
    const heights = [];
    for (let h = 52; h >= 0; h--) if (Math.floor(size / 2 ** h) % 2 === 1) heights.push(h);
    if (heights.length !== hashes.length) {
      throw new RangeError(`a tree of size ${size} has ${heights.length} subtree roots, not ${hashes.length}`);
    }
    range.size = size;
    range.hashes.push(...hashes);
    range.heights.push(...heights);
    return range;
  }
  push(leaf) {
    this.pushSubtree(Buffer.from(leaf), 0);
  }
  /** Appends a perfect subtree of 2^height leaves; the range must end on a multiple of its size. */
  pushSubtree(root, height) {
    if (this.size % 2 ** height !== 0) throw new RangeError(`subtree of height ${height} is not aligned at ${this.size}`);
    let hash2 = root;
    let h = height;
    while (this.heights.length > 0 && this.heights[this.heights.length - 1] === h) {
      this.heights.pop();
      hash2 = nodeHash(this.hashes.pop(), hash2);
      h++;
    }
    this.hashes.push(hash2);
    this.heights.push(h);
    this.size += 2 ** height;
  }
  /** Appends every subtree of `next`, a range that starts where this one ends. */
  extend(next) {
    for (const [i, h] of next.hashes.entries()) this.pushSubtree(h, next.heights[i]);
  }
  /** MTH of everything pushed: the subtree roots folded from the right, as RFC 6962's split implies. */
  root() {
    if (this.hashes.length === 0) return EMPTY_ROOT;
    let acc = this.hashes[this.hashes.length - 1];
    for (let i = this.hashes.length - 2; i >= 0; i--) acc = nodeHash(this.hashes[i], acc);
    return acc;
  }
};
function inclusionProof(leaves, index, size = leaves.length) {
  if (!(index >= 0 && index < size && size <= leaves.length)) {
    throw new RangeError(`no leaf ${index} in a tree of size ${size}`);
  }
  const path = [];
  let start = 0;
  let end = size;
  let m = index - start;
  while (end - start > 1) {
    const k = splitPoint(end - start);
    if (m < k) {
      path.push(subtreeRoot(leaves, start + k, end));
      end = start + k;
    } else {
      path.push(subtreeRoot(leaves, start, start + k));
      start += k;
    }
    m = index - start;
  }
  return path.reverse();
}
function consistencyProof(leaves, size1, size2 = leaves.length) {
  if (!(size1 > 0 && size1 <= size2 && size2 <= leaves.length)) {
    throw new RangeError(`no consistency proof from size ${size1} to size ${size2}`);
  }
  const proof = [];
  let start = 0;
  let end = size2;
  let m = size1;
  let complete = true;
  while (m !== end - start) {
    const n = end - start;
    const k = splitPoint(n);
    if (m <= k) {
      proof.push(subtreeRoot(leaves, start + k, end));
      end = start + k;
    } else {
      proof.push(subtreeRoot(leaves, start, start + k));
      start += k;
      m -= k;
      complete = false;
    }
  }
  if (!complete) proof.push(subtreeRoot(leaves, start, end));
  return proof.reverse();
}
var ProofError = class extends Error {
  name = "ProofError";
};
function checkHash(what, hash2) {
  if (hash2.length !== HASH_SIZE) throw new ProofError(`${what} is ${hash2.length} bytes, not ${HASH_SIZE}`);
}
function verifyInclusion(index, size, leaf, proof, root) {
  if (!(Number.isSafeInteger(index) && Number.isSafeInteger(size) && index >= 0 && index < size)) {
    throw new ProofError(`index ${index} is not inside a tree of size ${size}`);
  }
  checkHash("leaf hash", leaf);
  checkHash("root", root);
  for (const p of proof) checkHash("proof hash", p);
  let fn = index;
  let sn = size - 1;
  let r = Buffer.from(leaf);
  for (const p of proof) {
    if (sn === 0) throw new ProofError("inclusion proof is longer than the path to the root");
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  if (sn !== 0) throw new ProofError("inclusion proof is shorter than the path to the root");
  if (!r.equals(root)) throw new ProofError("inclusion proof leads to a different root");
}
function verifyConsistency(size1, size2, root1, root2, proof) {
  if (!(Number.isSafeInteger(size1) && Number.isSafeInteger(size2) && size1 >= 0 && size1 <= size2)) {
    throw new ProofError(`size ${size1} cannot be a prefix of size ${size2}`);
  }
  if (size1 === size2) {
    if (proof.length > 0) throw new ProofError("trees of equal size need an empty consistency proof");
    if (size1 === 0 || !Buffer.from(root1).equals(root2)) throw new ProofError("equal sizes with different roots");
    return;
  }
  if (size1 === 0) throw new ProofError("a consistency proof from the empty tree proves nothing");
  if (proof.length === 0) throw new ProofError("consistency proof is empty");
  checkHash("first root", root1);
  checkHash("second root", root2);
  for (const p of proof) checkHash("proof hash", p);
  const path = [...proof];
  if (2 ** Math.round(Math.log2(size1)) === size1) path.unshift(Buffer.from(root1));
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = Buffer.from(path[0]);
  let sr = Buffer.from(path[0]);
  for (const c of path.slice(1)) {
    if (sn === 0) throw new ProofError("consistency proof is longer than needed");
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  if (sn !== 0) throw new ProofError("consistency proof is shorter than needed");
  if (!fr.equals(root1)) throw new ProofError("consistency proof does not lead to the first root");
  if (!sr.equals(root2)) throw new ProofError("consistency proof does not lead to the second root");
}

// src/scoring/recompute.ts
import { createHash as createHash3 } from "node:crypto";

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
  if (isInJcsOrder(value)) return JSON.stringify(value);
  const text2 = canonicalize(value);
  if (text2 === void 0) throw new TypeError("value has no JSON representation");
  return text2;
}
function isInJcsOrder(value) {
  switch (typeof value) {
    case "string":
      return value.isWellFormed();
    case "number":
      return Number.isFinite(value);
    case "boolean":
      return true;
    case "object": {
      if (value === null) return true;
      if (Array.isArray(value)) return value.every(isInJcsOrder);
      if (Object.getPrototypeOf(value) !== Object.prototype) return false;
      let previous;
      for (const key in value) {
        if (previous !== void 0 && !(previous < key)) return false;
        if (!key.isWellFormed() || !isInJcsOrder(value[key])) return false;
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
function parseStrict(text2) {
  return new StrictParser(text2).parseDocument();
}
var WS = /* @__PURE__ */ new Set([" ", "	", "\n", "\r"]);
var NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
var INTEGER = /^-?(?:0|[1-9]\d*)$/;
var StrictParser = class {
  pos = 0;
  text;
  constructor(text2) {
    this.text = text2;
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

// src/scoring/compute.ts
var import_picomatch = __toESM(require_picomatch2(), 1);

// src/scoring/units.ts
function milli(points) {
  return Math.round(points * 1e3);
}
function perMille(factor) {
  return Math.round(factor * 1e3);
}
var MAX_MILLIPOINTS = 10 ** 15;
function scale(millipoints, perMilleFactor) {
  return Number(BigInt(millipoints) * BigInt(perMilleFactor) / 1000n);
}
function clamp(value) {
  return Math.max(-MAX_MILLIPOINTS, Math.min(MAX_MILLIPOINTS, value));
}

// src/scoring/compute.ts
var BASE = {
  pr_merged: "pr_merged",
  pr_opened: "pr_opened",
  commits: "commit",
  review: "review",
  review_comment: "review_comment",
  issue_opened: "issue_opened",
  issue_closed: "issue_closed",
  comment: "comment",
  release: "release"
};
function normalizeLabel(label) {
  return label.trim().toLowerCase().replace(/\s*:\s*/g, ":").replace(/\s+/g, " ");
}
function isBot(inputs, rules) {
  if (!rules.bots.exclude) return false;
  return inputs.author_type === "Bot" || inputs.login.endsWith("[bot]") || rules.bots.logins.some((l) => l.toLowerCase() === inputs.login.toLowerCase());
}
function countedLines(inputs, rules) {
  if (!inputs.files) return { added: inputs.additions ?? 0, deleted: inputs.deletions ?? 0, whitespaceOnly: false };
  const excluded = (0, import_picomatch.default)([...rules.lines.exclude], { dot: true });
  const counted = inputs.files.filter(([path]) => !excluded(path));
  return {
    added: counted.reduce((a, f) => a + f[1], 0),
    deleted: counted.reduce((a, f) => a + f[2], 0),
    whitespaceOnly: counted.length > 0 && counted.every((f) => f[3])
  };
}
function sizeTier(lines, rules) {
  return [...rules.size_tiers].sort((a, b) => b.lines - a.lines).find((t) => lines >= t.lines);
}
function compute(family, inputs, context, rules) {
  if (isBot(inputs, rules)) return void 0;
  if (family === "issue_closed" && (inputs.close_reason !== "completed" || rules.credit.issue_closed !== inputs.role)) return void 0;
  const lines = [];
  const total = () => lines.reduce((a, l) => a + l.points, 0);
  const add = (rule, points, note) => {
    const limited = clamp(total() + points) - total();
    if (limited !== 0) lines.push({ rule, points: limited, ...note ? { note } : {} });
  };
  let base = milli(rules.points[BASE[family]]);
  if (family === "commits") base = clamp(base * (inputs.commits ?? 0));
  if (family === "review") base = scale(base, perMille(rules.review_states[inputs.review_state ?? "commented"]));
  add(`${family.replace("_", ".")}`, base, family === "commits" ? `${inputs.commits} commit(s)` : void 0);
  let lowValue = false;
  if (family === "pr_merged") {
    const { added, deleted, whitespaceOnly } = countedLines(inputs, rules);
    const linePoints = Math.min(
      milli(rules.lines.cap),
      clamp(added * milli(rules.lines.per_added) + deleted * milli(rules.lines.per_deleted))
    );
    add("pr.lines", linePoints, `${added} added, ${deleted} deleted`);
    const tier = sizeTier(added + deleted, rules);
    if (tier) add("pr.size_tier", milli(tier.bonus), `${tier.lines}+ lines`);
    lowValue = whitespaceOnly || added + deleted < rules.limits.low_value_lines;
  }
  const labels = new Set((inputs.labels ?? []).map(normalizeLabel));
  const matching = rules.labels.filter(
    (r) => (typeof r.match === "string" ? [r.match] : r.match).some((m) => labels.has(normalizeLabel(m)))
  );
  const labelNote = (r) => typeof r.match === "string" ? r.match : r.match.join(", ");
  for (const r of matching) if (r.add !== void 0) add("label.add", milli(r.add), labelNote(r));
  for (const r of matching) if (r.multiply !== void 0) add("label.multiply", scale(total(), perMille(r.multiply) - 1e3), labelNote(r));
  if (context.rating !== void 0 && (family === "pr_merged" || family === "commits")) {
    add("rating", scale(total(), perMille(rules.ratings[String(context.rating)]) - 1e3), `rated ${context.rating}`);
  }
  if (lowValue) add("limits.low_value", milli(rules.limits.low_value_points) - total(), "whitespace-only or trivially small change");
  if (family === "pr_merged" && rules.limits.diminishing_after > 0 && context.month_merged >= rules.limits.diminishing_after) {
    add(
      "limits.diminishing",
      scale(total(), perMille(rules.limits.diminishing_factor) - 1e3),
      `${context.month_merged} merged this month`
    );
  }
  if (family === "pr_opened" && rules.limits.daily_prs > 0 && context.day_opened >= rules.limits.daily_prs) {
    add("limits.daily_prs", -total(), `${context.day_opened} opened today`);
  }
  if (inputs.own_repository && !rules.limits.own_repository) add("limits.own_repository", -total(), "own repository");
  if (inputs.self_review && !rules.limits.self_review) add("limits.self_review", -total(), "review of one's own pull request");
  if (matching.some((r) => r.void))
    add(
      "label.void",
      -total(),
      matching.filter((r) => r.void).map(labelNote).join(", ")
    );
  const cap = milli(rules.limits.monthly_cap);
  if (cap > 0 && total() > 0 && context.month_points + total() > cap) {
    add("limits.monthly_cap", Math.max(cap - context.month_points, 0) - total(), `cap ${rules.limits.monthly_cap} a month`);
  }
  return { points: total(), breakdown: lines };
}

// src/scoring/config.ts
var import_yaml = __toESM(require_dist(), 1);
import { createHash as createHash2 } from "node:crypto";

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

// src/scoring/config.ts
var ConfigError = class extends Error {
  name = "ConfigError";
  problems;
  constructor(problems) {
    super(problems.map(formatProblem).join("\n"));
    this.problems = problems;
  }
};
function formatProblem(p) {
  return `${p.file}:${p.line}:${p.column}: ${p.key ? `${p.key}: ` : ""}${p.message}`;
}
var DEFAULTS = {
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
    comment: 3
  },
  review_states: { approved: 1, changes_requested: 1, commented: 0.5 },
  lines: {
    per_added: 0.01,
    per_deleted: 5e-3,
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
      "**/*.snap"
    ]
  },
  size_tiers: [
    { lines: 100, bonus: 5, label: "size/M" },
    { lines: 500, bonus: 10, label: "size/L" },
    { lines: 1e3, bonus: 20, label: "size/XL" }
  ],
  labels: [
    { match: "documentation", multiply: 1.2, skill: "docs" },
    { match: "good first issue", add: 5 },
    { match: ["spam", "invalid"], void: true }
  ],
  credit: { issue_closed: "closer" },
  bots: { exclude: true, logins: [] },
  limits: {
    monthly_cap: 2e3,
    diminishing_after: 20,
    diminishing_factor: 0.5,
    daily_prs: 10,
    low_value_lines: 2,
    low_value_points: 0,
    own_repository: false,
    self_review: false
  },
  ratings: { "1": 0.5, "2": 0.8, "3": 1, "4": 1.2, "5": 1.5 },
  aliases: {},
  size_labels: false,
  commands: { permission: "maintain" }
};
var configValidator = validator("config");
function resolveConfig(config) {
  const merge = (base, over) => {
    if (over === void 0) return base;
    if (Array.isArray(over) || typeof over !== "object" || over === null || typeof base !== "object" || base === null || Array.isArray(base))
      return over;
    const out = { ...base };
    for (const [k, v] of Object.entries(over)) out[k] = merge(out[k], v);
    return out;
  };
  return merge(DEFAULTS, config);
}
function rulesHash(rules) {
  return `sha256:${createHash2("sha256").update(rulesDocument(rules)).digest("hex")}`;
}
function rulesDocument(rules) {
  return canonicalize2(rules);
}
function distance(a, b) {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(cur + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}
function suggestion(name, known) {
  const best = known.map((k) => [k, distance(name.toLowerCase(), k)]).sort((x, y) => x[1] - y[1])[0];
  return best && best[1] <= Math.max(2, Math.floor(name.length / 3)) ? `; did you mean '${best[0]}'?` : "";
}
var DEFAULT_CONFIG = ".github/meritlog.yml";
function parseConfig(text2, file = DEFAULT_CONFIG) {
  const lineCounter = new import_yaml.LineCounter();
  const doc = (0, import_yaml.parseDocument)(text2, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const at = (offset, key, message) => {
    const pos = lineCounter.linePos(offset ?? 0);
    return { file, line: pos.line, column: pos.col, key, message };
  };
  const syntax = [...doc.errors, ...doc.warnings].map(
    (e) => at(e.pos[0], keyAtOffset(doc.contents, e.pos[0]), e.message.split("\n")[0] ?? e.message)
  );
  if (syntax.length > 0) throw new ConfigError(syntax);
  const value = doc.toJS({ maxAliasCount: 100 }) ?? {};
  const validate = configValidator();
  const valid = validate(value);
  const problems = [
    ...valid ? [] : (validate.errors ?? []).filter(meaningful).map((e) => describe(e, doc.contents, at)),
    ...decimalsProblems(value, doc.contents, at)
  ];
  if (problems.length > 0) throw new ConfigError(dedupe(problems).sort((a, b) => a.line - b.line || a.column - b.column));
  return resolveConfig(value);
}
function meaningful(e) {
  if (e.keyword === "propertyNames") return false;
  return !(e.schemaPath.includes("/oneOf/") && e.keyword !== "oneOf");
}
function dedupe(problems) {
  const seen = /* @__PURE__ */ new Set();
  return problems.filter((p) => {
    const k = formatProblem(p);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
function nodeAt(root, pointer) {
  let node = root;
  let keyNode;
  for (const raw of pointer.split("/").slice(1)) {
    const seg = raw.replaceAll("~1", "/").replaceAll("~0", "~");
    if ((0, import_yaml.isMap)(node)) {
      const pair = node.items.find((p) => (0, import_yaml.isPair)(p) && (0, import_yaml.isScalar)(p.key) && String(p.key.value) === seg);
      keyNode = pair?.key;
      node = pair?.value;
    } else if ((0, import_yaml.isSeq)(node)) {
      node = node.items[Number(seg)];
      keyNode = void 0;
    } else {
      return { node: void 0, keyNode: void 0 };
    }
  }
  return { node, keyNode };
}
function keyAtOffset(root, offset) {
  const path = [];
  let node = root;
  for (; ; ) {
    let next;
    if ((0, import_yaml.isMap)(node)) {
      for (const pair of node.items) {
        const key = pair.key;
        const value = pair.value;
        const start = key?.range?.[0] ?? Number.POSITIVE_INFINITY;
        const end = value?.range?.[1] ?? key?.range?.[1] ?? start;
        if (offset >= start && offset <= end) {
          path.push((0, import_yaml.isScalar)(key) ? String(key.value) : "?");
          next = value && offset >= (value.range?.[0] ?? Number.POSITIVE_INFINITY) ? value : void 0;
          break;
        }
      }
    } else if ((0, import_yaml.isSeq)(node)) {
      for (const [i, item] of node.items.entries()) {
        const r = item.range;
        if (r && offset >= r[0] && offset <= r[1]) {
          path.push(String(i));
          next = item;
        }
      }
    }
    if (!next) return path.join(".");
    node = next;
  }
}
function found(node) {
  if ((0, import_yaml.isScalar)(node)) return `found ${JSON.stringify(node.value)}`;
  if ((0, import_yaml.isMap)(node)) return "found a mapping";
  if ((0, import_yaml.isSeq)(node)) return "found a list";
  return "found nothing";
}
function describe(e, root, at) {
  if (e.propertyName !== void 0) {
    const child = nodeAt(root, `${e.instancePath}/${e.propertyName.replaceAll("~", "~0").replaceAll("/", "~1")}`);
    const key2 = [...e.instancePath.split("/").slice(1), e.propertyName].join(".");
    return at(child.keyNode?.range?.[0], key2, `found the key ${JSON.stringify(e.propertyName)}; expected a numeric GitHub account id`);
  }
  const { node, keyNode } = nodeAt(root, e.instancePath);
  const key = e.instancePath.split("/").slice(1).join(".");
  if (e.keyword === "additionalProperties") {
    const name = e.params.additionalProperty;
    const known = Object.keys(e.parentSchema?.properties ?? {});
    const child = nodeAt(root, `${e.instancePath}/${name.replaceAll("~", "~0").replaceAll("/", "~1")}`);
    const fullKey = key ? `${key}.${name}` : name;
    return at(child.keyNode?.range?.[0], fullKey, `unknown key; expected one of ${known.join(", ")}${suggestion(name, known)}`);
  }
  const params = e.params;
  const explain = {
    enum: () => `one of ${params.allowedValues.map((v) => JSON.stringify(v)).join(", ")}`,
    const: () => JSON.stringify(params.allowedValue),
    type: () => /^[aeiou]/.test(String(params.type)) ? `an ${String(params.type)}` : `a ${String(params.type)}`,
    required: () => `a value for '${String(params.missingProperty)}'`,
    oneOf: () => "a label name or a list of label names",
    minimum: () => `a number \u2265 ${String(params.limit)}`,
    maximum: () => `a number \u2264 ${String(params.limit)}`,
    minProperties: () => "`match` and at least one of add, multiply, void, skill",
    pattern: () => `text matching ${String(params.pattern)}`
  };
  const expected = explain[e.keyword]?.() ?? e.message ?? "a valid value";
  return at((node ?? keyNode)?.range?.[0], key, `${found(node)}; expected ${expected}`);
}
function decimalsProblems(config, root, at) {
  const problems = [];
  const visit = (value, pointer) => {
    if (typeof value === "number" && !Number.isInteger(value) && Math.abs(value * 1e3 - Math.round(value * 1e3)) > 1e-6) {
      const { node } = nodeAt(root, pointer);
      problems.push(at(node?.range?.[0], pointer.split("/").slice(1).join("."), `found ${value}; expected at most three decimals`));
    } else if (typeof value === "object" && value !== null) {
      for (const [k, v] of Object.entries(value)) visit(v, `${pointer}/${k}`);
    }
  };
  visit(config, "");
  return problems;
}

// src/scoring/recompute.ts
var RecomputeError = class extends Error {
  name = "RecomputeError";
};
function openRulesDocument(hash2, document) {
  const actual = `sha256:${createHash3("sha256").update(document, "utf8").digest("hex")}`;
  if (actual !== hash2) throw new RecomputeError(`rules document ${hash2} has content hash ${actual}`);
  return resolveConfig(JSON.parse(document));
}
function recorded(entry) {
  if (entry.kind !== "award" || !entry.inputs || typeof entry.inputs.family !== "string") return void 0;
  const { family, context, ...inputs } = entry.inputs;
  return { family, inputs, context };
}
function recompute(entry, rules, context) {
  const r = recorded(entry);
  if (!r) return void 0;
  return compute(r.family, r.inputs, context ?? r.context, rules) ?? { points: 0, breakdown: [] };
}
function mismatch(entry, rules) {
  const r = recorded(entry);
  if (!r) return void 0;
  const doc = rules(entry.rules);
  if (!doc) return `rules document ${entry.rules} is not in the ledger`;
  const again = recompute(entry, doc);
  if (again.points !== entry.points || canonicalize2(again.breakdown) !== canonicalize2(entry.breakdown)) {
    return `recorded ${entry.points} millipoints (${describe2(entry.breakdown)}), the rules give ${again.points} (${describe2(again.breakdown)})`;
  }
  return void 0;
}
function describe2(breakdown) {
  return breakdown.map((b) => `${b.rule} ${b.points}`).join(", ") || "no rule";
}

// src/store/folder.ts
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";

// src/ledger/layout.ts
var CHECKPOINT_FILE = "checkpoint";
var KEYS_FILE = "keys.json";
var HEAD_FILE = "head.json";
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
var INDEX_DIR = "index";
function indexPath(id) {
  return `${INDEX_DIR}/${id.slice(0, 2)}/${id.slice(2, 4)}.ids`;
}
function indexLine(id, seq) {
  return `${id} ${seq}
`;
}
var RULES_DIR = "rules";
function rulesPath(hash2) {
  return `${RULES_DIR}/${hash2.replace(/^sha256:/, "")}.json`;
}
var SUBJECTS_DIR = "subjects";
function subjectPath(repoId, number) {
  return `${SUBJECTS_DIR}/${repoId}/${Math.floor(number / SHARDS_PER_DIR)}/${number}.seqs`;
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
var LedgerIoError = class extends Error {
  name = "LedgerIoError";
};
async function assertFolder(dir) {
  const info = await stat(dir).catch(() => void 0);
  if (!info?.isDirectory()) throw new LedgerIoError(`${dir} is not a ledger folder: ${info ? "not a directory" : "no such directory"}`);
}
async function listShards(dir) {
  const root = join(dir, ENTRIES_DIR);
  if (!existsSync(root)) return [];
  const found2 = /* @__PURE__ */ new Set();
  for (const sub of await readdir(root, { withFileTypes: true })) {
    if (!sub.isDirectory()) throw new LedgerInvalidError(`${ENTRIES_DIR}/${sub.name}`, "unexpected file");
    for (const file of await readdir(join(root, sub.name))) found2.add(`${ENTRIES_DIR}/${sub.name}/${file}`);
  }
  const numbered = /* @__PURE__ */ new Map();
  for (const path of found2) {
    const m = /^entries\/(\d{3,})\/(\d{3})\.jsonl$/.exec(path);
    const shard = m ? Number(m[1]) * SHARDS_PER_DIR + Number(m[2]) : -1;
    if (shard < 0 || shardPath(shard) !== path) throw new LedgerInvalidError(path, "unexpected file: not a shard name");
    numbered.set(shard, path);
  }
  const expected = Array.from({ length: numbered.size === 0 ? 0 : Math.max(...numbered.keys()) + 1 }, (_, i) => shardPath(i));
  const missing = expected.find((p) => !found2.has(p));
  if (missing) throw new LedgerInvalidError(missing, `shard file missing (the shards run to ${expected.at(-1)})`);
  return expected;
}
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
function shardLinesOrThrow(path, bytes) {
  const { lines, problem } = splitShard(path, bytes);
  if (problem) throw problem;
  return lines;
}
function folderFiles(dir) {
  return {
    async read(path) {
      try {
        return await readFile(join(dir, path));
      } catch (e) {
        if (e.code === "ENOENT") return void 0;
        throw new LedgerIoError(`cannot read ${join(dir, path)}: ${e.message}`);
      }
    },
    // Local files are read when needed: there is no round trip to save.
    prefetch: async () => {
    }
  };
}
var PENDING_DIR = ".pending";
var COMMIT_MARKER = "COMMIT";
async function writeChanges(dir, changes) {
  if (changes.size === 0) return;
  const pending = join(dir, PENDING_DIR);
  try {
    await rm(pending, { recursive: true, force: true });
    for (const [path, content] of changes) {
      await mkdir(dirname(join(pending, path)), { recursive: true });
      await writeFile(join(pending, path), content);
    }
    const order = [...changes.keys()].sort((x, y) => rank(x) - rank(y));
    await writeFile(join(pending, COMMIT_MARKER), `${JSON.stringify(order)}
`);
  } catch (e) {
    await rm(pending, { recursive: true, force: true }).catch(() => void 0);
    throw new LedgerIoError(`cannot write the ledger in ${dir}: ${e.message}`);
  }
  await recoverFolder(dir);
}
function rank(path) {
  return path === CHECKPOINT_FILE ? 1 : path === HEAD_FILE ? 2 : 0;
}
async function recoverFolder(dir) {
  const pending = join(dir, PENDING_DIR);
  let order;
  try {
    order = JSON.parse(await readFile(join(pending, COMMIT_MARKER), "utf8"));
  } catch {
    await rm(pending, { recursive: true, force: true });
    return;
  }
  try {
    for (const path of order) {
      const from = join(pending, path);
      if (!existsSync(from)) continue;
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await rename(from, join(dir, path));
    }
    await rm(pending, { recursive: true, force: true });
  } catch (e) {
    throw new LedgerIoError(`cannot complete the interrupted append in ${dir}: ${e.message}`);
  }
}

// src/store/git/append-branch.ts
import { setTimeout as sleep } from "node:timers/promises";

// src/ledger/head.ts
var HEAD_VERSION = 1;
var HeadError = class extends Error {
  name = "HeadError";
};
function formatHead(head) {
  const value = {
    v: HEAD_VERSION,
    size: head.size,
    range: head.range.map((h) => h.toString("base64")),
    ...head.last ? { last: head.last.toString("hex") } : {}
  };
  return `${JSON.stringify(value, null, 1)}
`;
}
function parseHead(value, origin) {
  const v = value;
  const size = v?.size;
  if (v?.v !== HEAD_VERSION || typeof size !== "number" || !Number.isSafeInteger(size) || size < 0 || !Array.isArray(v.range)) {
    throw new HeadError("expected {v: 1, size, range, last}");
  }
  const unknown = Object.keys(v).find((k) => !["v", "size", "range", "last"].includes(k));
  if (unknown !== void 0) throw new HeadError(`unknown member '${unknown}'`);
  const range = v.range.map((h) => Buffer.from(String(h), "base64"));
  if (range.some((h, i) => h.length !== HASH_SIZE || h.toString("base64") !== v.range?.[i])) {
    throw new HeadError("range holds a value that is not the canonical base64 of a SHA-256 hash");
  }
  if (size === 0 !== (v.last === void 0) || v.last !== void 0 && (typeof v.last !== "string" || !/^[0-9a-f]{64}$/.test(v.last))) {
    throw new HeadError("last must be the hex leaf hash of the last entry, absent when the ledger is empty");
  }
  return { origin, size, range, ...v.last !== void 0 ? { last: Buffer.from(String(v.last), "hex") } : {} };
}
function sameHead(a, b) {
  return a.size === b.size && a.range.length === b.range.length && a.range.every((h, i) => h.equals(b.range[i])) && (a.last === void 0 ? b.last === void 0 : b.last !== void 0 && a.last.equals(b.last));
}
function rollForward(prev, lines) {
  const range = CompactRange.fromHashes(prev.size, [...prev.range]);
  let last = prev.last;
  for (const line of lines) {
    last = leafHash(line);
    range.push(last);
  }
  return { origin: prev.origin, size: range.size, range: range.hashes, ...last ? { last } : {} };
}
function extendsHead(prev, next, between) {
  return next.size >= prev.size && between.length === next.size - prev.size && sameHead(rollForward(prev, between), next);
}

// src/ledger/ssh.ts
import { randomBytes } from "node:crypto";
var KEY_TYPE = "ssh-ed25519";
function sshString(data) {
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  const len = Buffer.alloc(4);
  len.writeUInt32BE(bytes.length);
  return Buffer.concat([len, bytes]);
}
function publicBlob(key) {
  return Buffer.concat([sshString(KEY_TYPE), sshString(key.publicKey)]);
}
function sshPublicKey(key) {
  return `${KEY_TYPE} ${publicBlob(key).toString("base64")}`;
}
function allowedSignersLine(principal, key) {
  return `${principal} namespaces="git" ${sshPublicKey(key)}
`;
}
function sshPrivateKey(signer, comment) {
  const seed = Buffer.from(signer.skey.split("+").slice(4).join("+"), "base64").subarray(1);
  const pk = signer.verifier.publicKey;
  const check = randomBytes(4);
  let secret = Buffer.concat([check, check, sshString(KEY_TYPE), sshString(pk), sshString(Buffer.concat([seed, pk])), sshString(comment)]);
  const pad = (8 - secret.length % 8) % 8;
  secret = Buffer.concat([secret, Buffer.from(Array.from({ length: pad }, (_, i) => i + 1))]);
  const body = Buffer.concat([
    Buffer.from("openssh-key-v1\0", "latin1"),
    sshString("none"),
    sshString("none"),
    sshString(""),
    Buffer.from([0, 0, 0, 1]),
    sshString(publicBlob(signer.verifier)),
    sshString(secret)
  ]);
  const b64 = body.toString("base64").replace(/.{1,70}/g, "$&\n");
  return `-----BEGIN OPENSSH PRIVATE KEY-----
${b64}-----END OPENSSH PRIVATE KEY-----
`;
}

// src/ledger/checkpoint.ts
var CheckpointError = class extends Error {
  name = "CheckpointError";
};
function formatCheckpoint(c) {
  return [c.origin, String(c.size), c.root.toString("base64"), ...c.extensions].map((l) => `${l}
`).join("");
}
function parseCheckpoint(text2) {
  if (!text2.endsWith("\n")) throw new CheckpointError("checkpoint must end with a newline");
  const [origin, size, root, ...extensions] = text2.slice(0, -1).split("\n");
  if (!origin) throw new CheckpointError("checkpoint origin line is empty");
  if (size === void 0 || !/^(0|[1-9]\d*)$/.test(size) || !Number.isSafeInteger(Number(size))) {
    throw new CheckpointError(`checkpoint tree size '${size ?? ""}' must be a decimal without leading zeros`);
  }
  const hash2 = Buffer.from(root ?? "", "base64");
  if (hash2.length !== HASH_SIZE || hash2.toString("base64") !== root) {
    throw new CheckpointError(`checkpoint root '${root ?? ""}' must be the base64 of ${HASH_SIZE} bytes`);
  }
  if (extensions.some((e) => e === "")) throw new CheckpointError("checkpoint extension lines must not be empty");
  return { origin, size: Number(size), root: hash2, extensions };
}

// src/ledger/entry.ts
import { createHash as createHash4 } from "node:crypto";

// src/ledger/dsse.ts
function pae(payloadType, body) {
  const type = Buffer.from(payloadType, "utf8");
  return Buffer.concat([Buffer.from(`DSSEv1 ${type.length} `), type, Buffer.from(` ${body.length} `), body]);
}

// src/ledger/entry.ts
var ENTRY_PAYLOAD_TYPE = "application/vnd.meritlog.entry+json";
var FORMAT_VERSION = 1;
function factId(factKey) {
  return createHash4("sha256").update(factKey, "utf8").digest("hex");
}
var entryValidator = validator("entry");
var bodyValidator = validator("body");
function describe3(error, what) {
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
function entryShapeError(value) {
  const validate = entryValidator();
  if (validate(value)) return semanticError(value);
  return describe3(validate.errors?.[0], "entry");
}
function bodyShapeError(value) {
  const validate = bodyValidator();
  if (validate(value)) return semanticError(value);
  return describe3(validate.errors?.[0], "body");
}
function semanticError(entry) {
  const sum = entry.breakdown.reduce((acc, c) => acc + BigInt(c.points), 0n);
  if (sum !== BigInt(entry.points)) return `points: ${entry.points} is not the sum of the breakdown (${sum})`;
  if (new Date(entry.time).toISOString().replace(".000Z", "Z") !== entry.time) return `time: ${entry.time} is not a real date and time`;
  return ijsonError(entry);
}
function signingInput(entry) {
  return pae(ENTRY_PAYLOAD_TYPE, Buffer.from(canonicalize2(entry), "utf8"));
}
function keyRef(key) {
  return `${key.name}+${keyIdHex(key.id)}`;
}
function signEntry(entry, signer) {
  return { ...entry, sig: { keyid: keyRef(signer), sig: signer.sign(signingInput(entry)).toString("base64") } };
}
function unsigned(entry) {
  const { sig: _sig, ...rest } = entry;
  return rest;
}
function signatureError(entry, key, signed) {
  if (entry.sig.keyid !== keyRef(key)) return `sig: signed by ${entry.sig.keyid}, but ${keyRef(key)} signs seq ${entry.seq}`;
  const sig = Buffer.from(entry.sig.sig, "base64");
  if (sig.toString("base64") !== entry.sig.sig) return "sig: not canonical base64";
  if (!key.verify(signed ?? signingInput(unsigned(entry)), sig)) return `sig: signature by ${entry.sig.keyid} does not verify`;
  return void 0;
}

// src/ledger/note.ts
var SIG_PREFIX = "\u2014 ";
var MAX_SIGNATURES = 100;
var NoteError = class extends Error {
  name = "NoteError";
};
function checkText(text2) {
  if (!text2.endsWith("\n")) throw new NoteError("note text must end with a newline");
  if (!text2.isWellFormed()) throw new NoteError("note text must be valid UTF-8");
  for (const ch of text2) {
    const c = ch.charCodeAt(0);
    if (c < 32 && c !== 10 || c === 127) throw new NoteError("note text holds a control character");
  }
}
function signNote(text2, signers, existing = []) {
  checkText(text2);
  const message = Buffer.from(text2, "utf8");
  const lines = signers.map((s) => {
    const sig = Buffer.alloc(4 + 64);
    sig.writeUInt32BE(s.id, 0);
    s.sign(message).copy(sig, 4);
    return `${SIG_PREFIX}${s.name} ${sig.toString("base64")}
`;
  });
  return `${text2}
${[...lines, ...existing].join("")}`;
}
function openNote(note, verifiers) {
  const split = note.lastIndexOf("\n\n");
  if (split < 0) throw new NoteError("note has no blank line before its signatures");
  const text2 = note.slice(0, split + 1);
  checkText(text2);
  const sigBlock = note.slice(split + 2);
  if (!sigBlock.endsWith("\n")) throw new NoteError("note signatures must end with a newline");
  const lines = sigBlock.slice(0, -1).split("\n");
  if (lines.length > MAX_SIGNATURES) throw new NoteError(`note has more than ${MAX_SIGNATURES} signatures`);
  const message = Buffer.from(text2, "utf8");
  const signedBy = [];
  const otherSignatures = [];
  for (const line of lines) {
    if (!line.startsWith(SIG_PREFIX)) throw new NoteError(`malformed signature line ${JSON.stringify(line)}`);
    const rest = line.slice(SIG_PREFIX.length);
    const space = rest.lastIndexOf(" ");
    const name = rest.slice(0, space);
    const b64 = rest.slice(space + 1);
    const raw = Buffer.from(b64, "base64");
    if (space <= 0 || raw.toString("base64") !== b64 || raw.length < 5) {
      throw new NoteError(`malformed signature line ${JSON.stringify(line)}`);
    }
    const id = raw.readUInt32BE(0);
    const verifier = verifiers.find((v) => v.name === name && v.id === id);
    if (!verifier) {
      otherSignatures.push(`${line}
`);
      continue;
    }
    if (signedBy.includes(verifier)) throw new NoteError(`key ${name} signed the note twice`);
    if (!verifier.verify(message, raw.subarray(4))) throw new NoteError(`signature by ${name} does not verify`);
    signedBy.push(verifier);
  }
  if (signedBy.length === 0) throw new NoteError("note is not signed by any known key");
  return { text: text2, signedBy, otherSignatures };
}

// src/ledger/append.ts
function emptyHead(origin) {
  return { origin, size: 0, range: [] };
}
function append(head, bodies, signer, has = () => false) {
  const range = CompactRange.fromHashes(head.size, head.range);
  const entries = [];
  const lines = [];
  const skipped = [];
  const batch = /* @__PURE__ */ new Set();
  let last = head.last;
  for (const body of bodies) {
    if (has(body.id) || batch.has(body.id)) {
      skipped.push(body.id);
      continue;
    }
    batch.add(body.id);
    const unsignedEntry = {
      ...body,
      v: FORMAT_VERSION,
      seq: range.size,
      ...last ? { prev: last.toString("hex") } : {}
    };
    const entry = signEntry(unsignedEntry, signer);
    const line = canonicalize2(entry);
    last = leafHash(Buffer.from(line, "utf8"));
    range.push(last);
    entries.push(entry);
    lines.push(line);
  }
  const next = { origin: head.origin, size: range.size, range: range.hashes, ...last ? { last } : {} };
  const checkpoint = signNote(formatCheckpoint({ origin: head.origin, size: range.size, root: range.root(), extensions: [] }), [signer]);
  return { entries, lines, head: next, checkpoint, skipped };
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
function rotate(file, next, seq) {
  const current = file.keys[file.keys.length - 1];
  const kept = current.from === seq ? file.keys.slice(0, -1) : [...file.keys.slice(0, -1), { ...current, until: seq - 1 }];
  return { ...file, keys: [...kept, { vkey: next.vkey, from: seq }] };
}

// src/store/ledger-files.ts
var KeyMismatchError = class extends Error {
  name = "KeyMismatchError";
  /** Whether rotating to this key would resolve it (same origin, another key). */
  rotatable;
  constructor(message, rotatable) {
    super(message);
    this.rotatable = rotatable;
  }
};
var strictUtf8 = new TextDecoder("utf-8", { fatal: true });
function utf8(path, bytes) {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    throw new LedgerInvalidError(path, "not valid UTF-8");
  }
}
async function readJsonFile(files, path) {
  const bytes = await files.read(path);
  if (bytes === void 0) return void 0;
  try {
    return parseStrict(utf8(path, bytes));
  } catch (e) {
    if (e instanceof JsonSyntaxError) throw new LedgerInvalidError(`${path}:${e.line}:${e.column}`, e.reason);
    throw e;
  }
}
async function readState(files) {
  await files.prefetch([KEYS_FILE, HEAD_FILE, CHECKPOINT_FILE]);
  const keys = await readJsonFile(files, KEYS_FILE);
  if (keys === void 0) return void 0;
  let keyring;
  try {
    keyring = openKeyring(keys);
  } catch (e) {
    if (e instanceof KeyringError) throw new LedgerInvalidError(KEYS_FILE, e.message);
    throw e;
  }
  const origin = keyring.file.origin;
  let head;
  try {
    head = parseHead(await readJsonFile(files, HEAD_FILE), origin);
  } catch (e) {
    if (e instanceof HeadError) throw new LedgerInvalidError(HEAD_FILE, e.message);
    throw e;
  }
  const noteBytes = await files.read(CHECKPOINT_FILE);
  const note = noteBytes && utf8(CHECKPOINT_FILE, noteBytes);
  if (note === void 0) throw new LedgerInvalidError(CHECKPOINT_FILE, "missing");
  let checkpoint;
  try {
    checkpoint = parseCheckpoint(openNote(note, [keyring.current]).text);
  } catch (e) {
    if (e instanceof NoteError || e instanceof CheckpointError) throw new LedgerInvalidError(CHECKPOINT_FILE, e.message);
    throw e;
  }
  if (checkpoint.origin !== origin) {
    throw new LedgerInvalidError(CHECKPOINT_FILE, `origin '${checkpoint.origin}' is not this ledger's origin '${origin}'`);
  }
  return { keyring, head, checkpoint, checkpointNote: note };
}
function checkHeadIsCheckpointed({ head, checkpoint }) {
  const root = CompactRange.fromHashes(head.size, [...head.range]).root();
  if (checkpoint.size !== head.size || !checkpoint.root.equals(root)) {
    throw new LedgerInvalidError(HEAD_FILE, `does not match the signed checkpoint (size ${checkpoint.size}); run meritlog verify`);
  }
}
function parseIndexBucket(path, bytes) {
  const out = /* @__PURE__ */ new Map();
  const text2 = bytes.toString("utf8");
  for (const [i, line] of text2.split("\n").entries()) {
    if (line === "" && i === text2.split("\n").length - 1) continue;
    const match = /^([0-9a-f]{64}) (0|[1-9]\d*)$/.exec(line);
    if (!match) throw new LedgerInvalidError(`${path}:${i + 1}`, "expected '<64 hex id> <seq>'");
    out.set(match[1], Number(match[2]));
  }
  return out;
}
async function shardLines(files, path) {
  const bytes = await files.read(path);
  if (bytes === void 0) return [];
  return shardLinesOrThrow(path, bytes);
}
async function linesBetween(files, from, to) {
  if (to <= from) return [];
  const paths = Array.from({ length: shardOf(to - 1) - shardOf(from) + 1 }, (_, i) => shardPath(shardOf(from) + i));
  await files.prefetch(paths);
  const out = [];
  for (const [i, path] of paths.entries()) {
    const first = (shardOf(from) + i) * SHARD_SIZE;
    for (const [j, line] of (await shardLines(files, path)).entries()) if (first + j >= from && first + j < to) out.push(line);
  }
  return out;
}
async function writerHead(files, state) {
  const { checkpoint } = state;
  let head = state.head;
  let rolled = false;
  if (checkpoint.size > head.size) {
    const rolledHead = rollForward(head, await linesBetween(files, head.size, checkpoint.size));
    if (!CompactRange.fromHashes(rolledHead.size, [...rolledHead.range]).root().equals(checkpoint.root)) {
      throw new LedgerInvalidError(
        HEAD_FILE,
        `is behind the signed checkpoint (size ${checkpoint.size}) and the entries do not make up the difference; run meritlog verify`
      );
    }
    head = rolledHead;
    rolled = true;
  }
  checkHeadIsCheckpointed({ ...state, head });
  if (head.size === 0) return { head, rolled, newest: [] };
  const path = shardPath(shardOf(head.size - 1));
  const count = (head.size - 1) % SHARD_SIZE + 1;
  const lines = await shardLines(files, path);
  if (lines.length < count) throw new LedgerInvalidError(path, `holds ${lines.length} lines, but the checkpoint covers ${count} in it`);
  const newest = lines.slice(0, count);
  if (!head.last || !leafHash(newest[count - 1]).equals(head.last)) {
    throw new LedgerInvalidError(HEAD_FILE, `last is not the leaf hash of ${path}:${count}; run meritlog verify`);
  }
  return { head, rolled, newest };
}
function subjectPathOf(body) {
  return body.subject.number === void 0 ? void 0 : subjectPath(body.repo.id, body.subject.number);
}
function subjectPaths(bodies) {
  return [...new Set(bodies.flatMap((b) => subjectPathOf(b) ?? []))];
}
function groupBy(items, key) {
  const out = /* @__PURE__ */ new Map();
  for (const item of items) {
    const k = key(item);
    if (k !== void 0) out.set(k, [...out.get(k) ?? [], item]);
  }
  return out;
}
function parseSubjectFile(path, bytes) {
  if (!bytes) return [];
  return bytes.toString("utf8").split("\n").filter((l, i, all) => !(l === "" && i === all.length - 1)).map((line, i) => {
    if (!/^(0|[1-9]\d*)$/.test(line)) throw new LedgerInvalidError(`${path}:${i + 1}`, "expected a seq");
    return Number(line);
  });
}
async function prepareAppend(files, bodies, signer, options = {}) {
  const state = await readState(files);
  let keys;
  let head;
  let rolled = false;
  let newest = [];
  if (!state) {
    keys = { v: 1, origin: signer.name, keys: [{ vkey: signer.verifier.vkey, from: 0 }] };
    head = emptyHead(signer.name);
  } else {
    const { keyring } = state;
    if (signer.name !== keyring.file.origin) {
      throw new KeyMismatchError(`the signing key is named '${signer.name}', but this ledger's origin is '${keyring.file.origin}'`, false);
    }
    if (keyring.current.vkey !== signer.verifier.vkey) {
      if (!options.rotate) {
        throw new KeyMismatchError(
          `the signing key is not the ledger's current key ${keyring.current.vkey}; rotate to make it the current key from the next entry`,
          true
        );
      }
    }
    await files.prefetch([
      ...state.head.size > 0 ? [shardPath(shardOf(state.head.size - 1))] : [],
      ...new Set(bodies.map((b) => indexPath(b.id))),
      ...subjectPaths(bodies)
    ]);
    ({ head, rolled, newest } = await writerHead(files, state));
    if (keyring.current.vkey !== signer.verifier.vkey) keys = rotate(keyring.file, signer.verifier, head.size);
  }
  const buckets = /* @__PURE__ */ new Map();
  for (const path of new Set(bodies.map((b) => indexPath(b.id)))) {
    const bytes = await files.read(path);
    const listed = bytes ? parseIndexBucket(path, bytes) : /* @__PURE__ */ new Map();
    buckets.set(path, new Map([...listed].filter(([, seq2]) => seq2 < head.size)));
  }
  const result = append(head, bodies, signer, (id) => buckets.get(indexPath(id))?.has(id) === true);
  const changes = /* @__PURE__ */ new Map();
  if (result.lines.length === 0 && (!keys || !state && options.createEmpty === false)) {
    if (rolled) changes.set(HEAD_FILE, Buffer.from(formatHead(head)));
    return { result, base: head, changes };
  }
  if (keys) changes.set(KEYS_FILE, Buffer.from(`${JSON.stringify(keys, null, 1)}
`));
  let seq = head.size;
  let i = 0;
  while (i < result.lines.length) {
    const path = shardPath(shardOf(seq));
    const take = Math.min(result.lines.length - i, SHARD_SIZE - seq % SHARD_SIZE);
    const existing = seq === head.size && seq % SHARD_SIZE !== 0 ? newest.map((l) => `${l.toString("utf8")}
`).join("") : "";
    const added = result.lines.slice(i, i + take).map((l) => `${l}
`).join("");
    changes.set(path, Buffer.from(existing + added, "utf8"));
    i += take;
    seq += take;
  }
  const additions = /* @__PURE__ */ new Map();
  for (const entry of result.entries) {
    const path = indexPath(entry.id);
    additions.set(path, [...additions.get(path) ?? [], indexLine(entry.id, entry.seq)]);
  }
  for (const [path, lines] of additions) {
    const kept = [...buckets.get(path) ?? []].map(([id, seq2]) => indexLine(id, seq2));
    changes.set(path, Buffer.from([...kept, ...lines].join(""), "utf8"));
  }
  for (const [path, seqs] of groupBy(result.entries, subjectPathOf)) {
    const kept = parseSubjectFile(path, await files.read(path)).filter((seq2) => seq2 < head.size);
    changes.set(path, Buffer.from([...kept, ...seqs.map((e) => e.seq)].map((seq2) => `${seq2}
`).join(""), "utf8"));
  }
  for (const [hash2, document] of options.rules ?? []) {
    if (!result.entries.some((e) => e.rules === hash2)) continue;
    const path = rulesPath(hash2);
    if (await files.read(path) === void 0) changes.set(path, Buffer.from(document, "utf8"));
  }
  changes.set(HEAD_FILE, Buffer.from(formatHead(result.head)));
  changes.set(CHECKPOINT_FILE, Buffer.from(result.checkpoint));
  return { result, base: head, changes };
}

// src/store/git/commit-files.ts
function parentOf(path) {
  const i = path.lastIndexOf("/");
  return i < 0 ? "" : path.slice(0, i);
}
function nameOf(path) {
  return path.slice(path.lastIndexOf("/") + 1);
}
var CommitFiles = class {
  repo;
  commit;
  /** Directory listings by path; an absent directory lists as empty. */
  dirs = /* @__PURE__ */ new Map();
  blobs = /* @__PURE__ */ new Map();
  constructor(repo, commit) {
    this.repo = repo;
    this.commit = commit;
  }
  /** The listings of directories ("" is the root), fetching the trees down to them as needed. */
  async listings(dirs) {
    await this.loadDirs(dirs);
    return new Map(dirs.map((d) => [d, this.dirs.get(d) ?? /* @__PURE__ */ new Map()]));
  }
  async loadDirs(wanted) {
    const needed = /* @__PURE__ */ new Set();
    for (const dir of wanted) {
      const parts = dir === "" ? [] : dir.split("/");
      for (let i = 1; i <= parts.length; i++) needed.add(parts.slice(0, i).join("/"));
    }
    if (!this.dirs.has("")) {
      if (!this.commit) {
        this.dirs.set("", /* @__PURE__ */ new Map());
      } else {
        const root = await this.repo.treeOf(this.commit);
        await this.repo.fetchObjects([root]);
        const listed = await this.repo.listTrees([root]);
        this.dirs.set("", new Map((listed.get(root) ?? []).map((e) => [e.name, e])));
      }
    }
    const depthOf = (d) => d === "" ? 0 : d.split("/").length;
    const maxDepth = Math.max(0, ...[...needed].map(depthOf));
    for (let depth = 1; depth <= maxDepth; depth++) {
      const level = [...needed].filter((d) => depthOf(d) === depth && !this.dirs.has(d));
      const trees = /* @__PURE__ */ new Map();
      for (const dir of level) {
        const entry = this.dirs.get(parentOf(dir))?.get(nameOf(dir));
        if (entry?.type === "tree") trees.set(dir, entry.oid);
        else this.dirs.set(dir, /* @__PURE__ */ new Map());
      }
      await this.repo.fetchObjects([...trees.values()]);
      const listed = await this.repo.listTrees([...trees.values()]);
      for (const [dir, oid] of trees) this.dirs.set(dir, new Map((listed.get(oid) ?? []).map((e) => [e.name, e])));
    }
  }
  async prefetch(paths) {
    const todo = paths.filter((p) => !this.blobs.has(p));
    if (todo.length === 0) return;
    await this.loadDirs(todo.map(parentOf));
    const oids = /* @__PURE__ */ new Map();
    for (const path of todo) {
      const entry = this.dirs.get(parentOf(path))?.get(nameOf(path));
      if (entry?.type === "blob") oids.set(path, entry.oid);
      else this.blobs.set(path, void 0);
    }
    await this.repo.fetchObjects([...oids.values()]);
    const contents = await this.repo.readObjects([...oids.values()]);
    for (const [path, oid] of oids) this.blobs.set(path, contents.get(oid));
  }
  async read(path) {
    await this.prefetch([path]);
    return this.blobs.get(path);
  }
};

// src/store/git/repo.ts
import { mkdtemp, rm as rm2, writeFile as writeFile2 } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join as join2 } from "node:path";

// src/store/git/remote.ts
import { isAbsolute, resolve } from "node:path";
import { pathToFileURL } from "node:url";
var DEFAULT_BRANCH = "meritlog";
function checkBranchName(branch) {
  if (!/^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$/.test(branch) || branch.includes("..") || branch.endsWith(".lock") || branch.endsWith("/")) {
    throw new Error(`invalid branch name '${branch}'`);
  }
}
function remoteAccess(spec, cwd) {
  checkBranchName(spec.branch);
  const isUrl = /^[a-z][a-z0-9+.-]*:\/\//i.test(spec.url);
  let url = isUrl ? spec.url : pathToFileURL(isAbsolute(spec.url) ? spec.url : resolve(cwd, spec.url)).href;
  const secrets = [];
  let token = spec.token;
  if (isUrl) {
    const parsed = new URL(url);
    if (parsed.password || parsed.username) {
      token ??= decodeURIComponent(parsed.password || parsed.username);
      secrets.push(decodeURIComponent(parsed.password), decodeURIComponent(parsed.username));
      parsed.username = "";
      parsed.password = "";
      url = parsed.href;
    }
  }
  const env = {};
  if (token) {
    const basic = Buffer.from(`x-access-token:${token}`).toString("base64");
    secrets.push(token, basic);
    env.GIT_CONFIG_COUNT = "1";
    env.GIT_CONFIG_KEY_0 = "http.extraHeader";
    env.GIT_CONFIG_VALUE_0 = `Authorization: Basic ${basic}`;
  }
  const config = [["remote.origin.url", url]];
  if (url.startsWith("file:")) {
    config.push(["remote.origin.uploadpack", "git -c uploadpack.allowFilter=true -c uploadpack.allowAnySHA1InWant=true upload-pack"]);
  }
  return { url, config, env, secrets: secrets.filter((s) => s.length > 0) };
}

// src/store/git/run.ts
import { spawn } from "node:child_process";
var GitError = class extends Error {
  name = "GitError";
  args;
  code;
  stderr;
  constructor(message, args, code, stderr) {
    super(message);
    this.args = args;
    this.code = code;
    this.stderr = stderr;
  }
};
function redact(text2, secrets = []) {
  let out = text2.replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^/@\s]+@/gi, "$1***@");
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join("***");
  return out;
}
function git(args, options) {
  return new Promise((resolve11, reject) => {
    const child = spawn("git", args, {
      cwd: options.cwd,
      env: {
        ...process.env,
        // Never prompt for credentials or host keys: a CI job would hang instead of failing.
        GIT_TERMINAL_PROMPT: "0",
        GIT_ASKPASS: "",
        SSH_ASKPASS: "",
        LC_ALL: "C",
        ...options.env
      },
      stdio: ["pipe", "pipe", "pipe"]
    });
    const out = [];
    const err = [];
    child.stdout.on("data", (d) => out.push(d));
    child.stderr.on("data", (d) => err.push(d));
    child.on("error", (e) => reject(new GitError(`cannot run git: ${e.message}`, args, null, "")));
    child.on("close", (code, signal) => {
      if (code === 0) {
        resolve11(Buffer.concat(out));
        return;
      }
      const stderr = redact(Buffer.concat(err).toString("utf8").trim(), options.secrets);
      const shown = redact(args.join(" "), options.secrets);
      const how = signal ? `was killed by ${signal}${signal === "SIGXFSZ" ? " (a file size limit: the disk or quota is full)" : ""}` : `failed (exit ${code})`;
      reject(new GitError(`git ${shown} ${how}${stderr ? `: ${stderr}` : ""}`, args, code, stderr || how));
    });
    child.stdin.on("error", () => {
    });
    child.stdin.end(options.input ?? "");
  });
}

// src/store/git/repo.ts
var DEFAULT_AUTHOR = { name: "meritlog[bot]", email: "meritlog[bot]@users.noreply.github.com" };
var RemoteError = class extends Error {
  name = "RemoteError";
};
var PushRejectedError = class extends Error {
  name = "PushRejectedError";
};
var REJECTED = /\[rejected\]|non-fast-forward|fetch first|cannot lock ref|failed to update ref|stale info|but expected/i;
var AUTH_REFUSED = /could not read Username|Authentication failed|HTTP Basic: Access denied|returned error: 40[13]|403 Forbidden|401 Unauthorized/i;
function remoteProblem(what, e, hadToken) {
  if (AUTH_REFUSED.test(e.stderr)) {
    return new RemoteError(
      hadToken ? `${what} refused the credentials: check that the token (MERITLOG_TOKEN, or the workflow's github-token) is valid and may read and push this repository` : `${what} needs credentials: set MERITLOG_TOKEN to a token that may read and push this repository`
    );
  }
  return new RemoteError(`cannot reach ${what}: ${e.stderr || e.message}`);
}
var LocalRepo = class _LocalRepo {
  dir;
  spec;
  access;
  present = /* @__PURE__ */ new Set();
  constructor(dir, spec, access) {
    this.dir = dir;
    this.spec = spec;
    this.access = access;
  }
  /** A fresh scratch repository for `spec` in a new temp directory (or `parent`). */
  static async create(spec, cwd, parent = tmpdir()) {
    const dir = await mkdtemp(join2(parent, "meritlog-git-"));
    const repo = new _LocalRepo(dir, spec, remoteAccess(spec, cwd));
    try {
      await repo.run(["init", "-q", "--bare"]);
      for (const [key, value] of [...repo.access.config, ["gc.auto", "0"], ["maintenance.auto", "false"]])
        await repo.run(["config", key, value]);
    } catch (e) {
      await repo.dispose();
      if (e instanceof GitError) throw new RemoteError(`cannot set up a scratch repository in ${parent}: ${e.message}`);
      throw e;
    }
    return repo;
  }
  async dispose() {
    await rm2(this.dir, { recursive: true, force: true });
  }
  /**
   * Bytes of pack data received from the remote so far: everything in packs came from the remote,
   * since this repository writes its own objects loose. Asked once at the end, not after every fetch,
   * since each answer costs a process.
   */
  async bytesFetched() {
    const stats = (await this.run(["count-objects", "-v"])).toString("utf8");
    return Number(/size-pack: (\d+)/.exec(stats)?.[1] ?? 0) * 1024;
  }
  run(args, input, remote = false) {
    return git(args, {
      cwd: this.dir,
      ...remote ? { env: this.access.env } : {},
      ...input !== void 0 ? { input } : {},
      secrets: this.access.secrets
    });
  }
  async remote(args) {
    try {
      return await this.run(args, void 0, true);
    } catch (e) {
      if (!(e instanceof GitError)) throw e;
      if (/couldn't find remote ref|not our ref/i.test(e.stderr)) throw e;
      throw remoteProblem(`the data branch '${this.spec.branch}' at ${this.access.url}`, e, this.access.secrets.length > 0);
    }
  }
  /** Fetches the branch tip's commit only (no trees, no blobs); undefined when the branch does not exist. */
  async fetchTip() {
    const ref = `refs/remotes/origin/${this.spec.branch}`;
    try {
      await this.remote(["fetch", "-q", "--no-tags", "--depth=1", "--filter=tree:0", "origin", `+refs/heads/${this.spec.branch}:${ref}`]);
    } catch (e) {
      if (e instanceof GitError && /couldn't find remote ref/i.test(e.stderr)) return void 0;
      throw e;
    }
    const tip = (await this.run(["rev-parse", "--verify", ref])).toString("utf8").trim();
    this.present.add(tip);
    return tip;
  }
  /** Fetches objects by id in one round trip, skipping those already here. */
  async fetchObjects(oids) {
    const missing = [...new Set(oids)].filter((o) => !this.present.has(o));
    if (missing.length === 0) return;
    await this.remote([
      "-c",
      "fetch.negotiationAlgorithm=noop",
      "fetch",
      "-q",
      "--no-tags",
      "--no-write-fetch-head",
      "--filter=tree:0",
      "origin",
      ...missing
    ]);
    for (const o of missing) this.present.add(o);
  }
  async treeOf(commit) {
    const text2 = (await this.run(["cat-file", "commit", commit])).toString("utf8");
    const tree = /^tree ([0-9a-f]{40,64})$/m.exec(text2)?.[1];
    if (!tree) throw new Error(`commit ${commit} has no tree`);
    return tree;
  }
  /**
   * Lists fetched trees in one process: `cat-file --batch` hands over each raw tree object, whose
   * entries are `<mode> <name>\0<binary id>` (the id as long as the repository's hash).
   */
  async listTrees(trees) {
    const raw = await this.readObjects(trees);
    return new Map(trees.map((oid) => [oid, parseTree(raw.get(oid), oid.length / 2)]));
  }
  /** Reads fetched objects (blobs, or trees in git's raw form) in one process. */
  async readObjects(oids) {
    const out = /* @__PURE__ */ new Map();
    if (oids.length === 0) return out;
    const batch = await this.run(["cat-file", "--batch"], `${oids.join("\n")}
`);
    let at = 0;
    for (const oid of oids) {
      const nl = batch.indexOf(10, at);
      const header = batch.toString("utf8", at, nl).split(" ");
      const size = Number(header[2]);
      out.set(oid, batch.subarray(nl + 1, nl + 1 + size));
      at = nl + 1 + size + 1;
    }
    return out;
  }
  /** Writes blobs in one process, returning their ids in order. */
  async writeBlobs(contents) {
    if (contents.length === 0) return [];
    const dir = await mkdtemp(join2(this.dir, "blobs-"));
    try {
      const paths = await Promise.all(
        contents.map(async (c, i) => {
          const path = join2(dir, String(i));
          await writeFile2(path, c);
          return path;
        })
      );
      const out = await this.run(["hash-object", "-w", "--no-filters", "--stdin-paths"], `${paths.join("\n")}
`);
      const oids = out.toString("utf8").trim().split("\n");
      for (const o of oids) this.present.add(o);
      return oids;
    } finally {
      await rm2(dir, { recursive: true, force: true });
    }
  }
  /**
   * Writes trees in one process, returning their ids in order. Names are the ledger's own file names
   * (digits, letters, dots), so the newline-separated input of `mktree --batch` is unambiguous.
   */
  async writeTrees(trees) {
    if (trees.length === 0) return [];
    const input = trees.map((entries) => entries.map((e) => `${e.mode} ${e.type} ${e.oid}	${e.name}
`).join("")).join("\n");
    const out = await this.run(["mktree", "--missing", "--batch"], `${input}
`);
    const oids = out.toString("utf8").trim().split("\n");
    for (const o of oids) this.present.add(o);
    return oids;
  }
  /** Commits `tree`; signed with `sshKeyFile` (an OpenSSH private key) when given, as `git verify-commit` checks. */
  async writeCommit(tree, parent, message, author, sshKeyFile) {
    const who = {
      GIT_AUTHOR_NAME: author.name,
      GIT_AUTHOR_EMAIL: author.email,
      GIT_COMMITTER_NAME: author.name,
      GIT_COMMITTER_EMAIL: author.email
    };
    const signing = sshKeyFile ? ["-c", "gpg.format=ssh", "-c", `user.signingKey=${sshKeyFile}`] : [];
    const args = [...signing, "commit-tree", tree, ...parent ? ["-p", parent] : [], ...sshKeyFile ? ["-S"] : [], "-F", "-"];
    const oid = (await git(args, { cwd: this.dir, env: who, input: message })).toString("utf8").trim();
    this.present.add(oid);
    return oid;
  }
  /** Writes a file into the scratch repository's own directory, readable by this user only. */
  async writePrivateFile(name, content) {
    const path = join2(this.dir, name);
    await writeFile2(path, content, { mode: 384 });
    return path;
  }
  /** Pushes `commit` to the branch without force; PushRejectedError when another writer got there first. */
  async push(commit) {
    try {
      await this.run(["push", "-q", "--no-verify", "origin", `${commit}:refs/heads/${this.spec.branch}`], void 0, true);
    } catch (e) {
      if (e instanceof GitError && REJECTED.test(e.stderr)) throw new PushRejectedError(e.stderr);
      if (e instanceof GitError)
        throw remoteProblem(`the data branch '${this.spec.branch}' at ${this.access.url}`, e, this.access.secrets.length > 0);
      throw e;
    }
  }
};
function parseTree(raw, idBytes) {
  const entries = [];
  let at = 0;
  while (at < raw.length) {
    const space = raw.indexOf(32, at);
    const nul = raw.indexOf(0, space);
    const mode = raw.toString("latin1", at, space).padStart(6, "0");
    entries.push({
      mode,
      type: mode === "040000" ? "tree" : "blob",
      oid: raw.toString("hex", nul + 1, nul + 1 + idBytes),
      name: raw.toString("utf8", space + 1, nul)
    });
    at = nul + 1 + idBytes;
  }
  return entries;
}

// src/store/git/append-branch.ts
var NEW_BRANCH_FILES = [".gitattributes", Buffer.from("* -text\n")];
var ALLOWED_SIGNERS_FILE = "allowed_signers";
var MAX_BACKOFF_MS = 3e3;
var ContentionError = class extends Error {
  name = "ContentionError";
};
async function appendToBranch(spec, bodies, signer, options = {}) {
  const maxAttempts = options.maxAttempts ?? 60;
  const backoff = options.backoffMs ?? 100;
  const repo = await LocalRepo.create(spec, options.cwd ?? process.cwd(), options.scratch);
  try {
    let witness = options.witness;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const tip = await repo.fetchTip();
      const files = new CommitFiles(repo, tip);
      if (witness) await checkExtends(files, witness, spec.branch);
      const prepared = await withAlongside(
        files,
        await prepareAppend(files, typeof bodies === "function" ? await bodies(files) : bodies, signer, options),
        options.alongside
      );
      if (prepared.changes.size === 0) return { ...prepared, attempts: attempt, bytesFetched: await repo.bytesFetched() };
      const author = options.author ?? DEFAULT_AUTHOR;
      const signing = options.signCommits ? await signingSetup(repo, files, signer, author) : void 0;
      const changes = new Map([...prepared.changes, ...signing?.changes ?? [], ...tip ? [] : [NEW_BRANCH_FILES]]);
      const commit = await commitChanges(repo, files, tip, changes, commitMessage(prepared), author, signing?.keyFile);
      try {
        await repo.push(commit);
        return { ...prepared, commit, attempts: attempt, bytesFetched: await repo.bytesFetched() };
      } catch (e) {
        if (!(e instanceof PushRejectedError)) throw e;
      }
      witness = prepared.base;
      await sleep(Math.random() * Math.min(MAX_BACKOFF_MS, backoff * 2 ** (attempt - 1)));
    }
    throw new ContentionError(
      `gave up after ${maxAttempts} attempts: each time another writer appended to '${spec.branch}' first; retry later, or queue the writers (a workflow concurrency group)`
    );
  } finally {
    await repo.dispose();
  }
}
async function withAlongside(files, prepared, alongside) {
  if (!alongside) return prepared;
  const changes = new Map(prepared.changes);
  for (const [path, bytes] of await alongside(files)) if (!(await files.read(path))?.equals(bytes)) changes.set(path, bytes);
  return { ...prepared, changes };
}
async function checkExtends(files, witness, branch) {
  const state = await readState(files);
  const head = state?.head;
  const rewritten = (why) => new LedgerInvalidError(
    `branch ${branch}`,
    `no longer extends the checkpoint of size ${witness.size} seen before: ${why}; it was rewritten (force-pushed?), so nothing was appended`
  );
  if (!head) throw rewritten("the ledger is gone");
  if (head.size < witness.size) throw rewritten(`it now has only ${head.size} entries`);
  const lines = await linesBetween(files, witness.size, head.size);
  if (!extendsHead(witness, head, lines)) throw rewritten("the entries it covered changed");
}
async function signingSetup(repo, files, signer, author) {
  const line = allowedSignersLine(author.email, signer.verifier);
  const existing = (await files.read(ALLOWED_SIGNERS_FILE))?.toString("utf8") ?? "";
  const changes = /* @__PURE__ */ new Map();
  if (!existing.split("\n").includes(line.trimEnd())) changes.set(ALLOWED_SIGNERS_FILE, Buffer.from(existing + line));
  return { keyFile: await repo.writePrivateFile("signing-key", sshPrivateKey(signer, author.email)), changes };
}
function commitMessage(prepared) {
  const { result, base } = prepared;
  const lines = result.entries.map((e) => `${e.seq} ${e.id} ${e.kind} ${e.actor.login}`);
  const n = result.entries.length;
  const summary = n > 0 ? `meritlog: append ${n} ${n === 1 ? "entry" : "entries"} (seq ${base.size}\u2013${result.head.size - 1})` : prepared.changes.has(KEYS_FILE) ? "meritlog: rotate the signing key" : prepared.changes.has(HEAD_FILE) ? "meritlog: repair head.json" : `meritlog: update ${[...prepared.changes.keys()].join(", ")}`;
  return `${summary}

${lines.join("\n")}
`;
}
async function commitChanges(repo, files, parent, changes, message, author, sshKeyFile) {
  const paths = [...changes.keys()];
  const blobs = await repo.writeBlobs([...changes.values()]);
  const dirOf = (path) => path.slice(0, Math.max(0, path.lastIndexOf("/")));
  const nameOf2 = (path) => path.slice(path.lastIndexOf("/") + 1);
  const dirs = /* @__PURE__ */ new Set([""]);
  for (const path of paths) {
    for (let d = dirOf(path); d !== ""; d = dirOf(d)) dirs.add(d);
  }
  const entries = /* @__PURE__ */ new Map();
  for (const [dir, listing] of await files.listings([...dirs])) entries.set(dir, new Map(listing));
  paths.forEach((path, i) => {
    entries.get(dirOf(path))?.set(nameOf2(path), { mode: "100644", type: "blob", oid: blobs[i], name: nameOf2(path) });
  });
  const depth = (d) => d === "" ? 0 : d.split("/").length;
  const byDepth = [...dirs].sort((a, b) => depth(b) - depth(a));
  let root = "";
  for (let level = depth(byDepth[0] ?? ""); level >= 0; level--) {
    const batch = byDepth.filter((d) => depth(d) === level);
    const oids = await repo.writeTrees(batch.map((d) => [...entries.get(d)?.values() ?? []]));
    batch.forEach((dir, i) => {
      const oid = oids[i];
      if (dir === "") root = oid;
      else entries.get(dirOf(dir))?.set(nameOf2(dir), { mode: "040000", type: "tree", oid, name: nameOf2(dir) });
    });
  }
  return repo.writeCommit(root, parent, message, author, sshKeyFile);
}

// src/cli/commands/append.ts
import { readFile as readFile3, writeFile as writeFile3 } from "node:fs/promises";
import { resolve as resolve3 } from "node:path";

// src/store/append-folder.ts
import { mkdir as mkdir2 } from "node:fs/promises";
async function appendToFolder(dir, bodies, signer, options = {}) {
  await mkdir2(dir, { recursive: true }).catch((e) => {
    throw new LedgerIoError(`cannot create the ledger folder ${dir}: ${e.code === "ENOTDIR" ? "a part of its path is a file" : e.message}`);
  });
  await assertFolder(dir);
  await recoverFolder(dir);
  const prepared = await prepareAppend(folderFiles(dir), bodies, signer, options);
  await writeChanges(dir, prepared.changes);
  return prepared;
}

// src/cli/io.ts
import { readFile as readFile2 } from "node:fs/promises";
var EXIT = { ok: 0, invalid: 1, usage: 2 };
var UsageError = class extends Error {
  name = "UsageError";
};
var FileArgumentError = class extends Error {
  name = "FileArgumentError";
};
var InvalidInputError = class extends Error {
  name = "InvalidInputError";
};
function printable(text2) {
  let out = "";
  for (const ch of text2) {
    const c = ch.codePointAt(0);
    out += c < 32 && c !== 9 && c !== 10 || c >= 127 && c <= 159 ? "?" : ch;
  }
  return out;
}
async function readOptionFile(option, path) {
  try {
    return await readFile2(path, "utf8");
  } catch (e) {
    const code = e.code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory, not a file" : code === "EACCES" ? "permission denied" : e.message;
    throw new FileArgumentError(`${option} ${path}: ${why}`);
  }
}

// src/cli/target.ts
import { resolve as resolve2 } from "node:path";

// src/store/git/checkout.ts
import { existsSync as existsSync2 } from "node:fs";
import { mkdtemp as mkdtemp2, rm as rm3 } from "node:fs/promises";
import { tmpdir as tmpdir2 } from "node:os";
import { join as join3 } from "node:path";
function isRemoteTarget(target) {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) return true;
  return existsSync2(join3(target, ".git")) || existsSync2(join3(target, "HEAD")) && existsSync2(join3(target, "objects"));
}
async function withCheckout(spec, cwd, use) {
  const access = remoteAccess(spec, cwd);
  const parent = await mkdtemp2(join3(tmpdir2(), "meritlog-checkout-"));
  const dir = join3(parent, "ledger");
  try {
    try {
      await git(["clone", "-q", "--depth=1", "--single-branch", "--no-tags", "--branch", spec.branch, access.url, dir], {
        cwd: parent,
        env: access.env,
        secrets: access.secrets
      });
    } catch (e) {
      if (e instanceof GitError) throw remoteProblem(`the data branch '${spec.branch}' at ${access.url}`, e, access.secrets.length > 0);
      throw e;
    }
    return await use(dir);
  } finally {
    await rm3(parent, { recursive: true, force: true });
  }
}

// src/cli/target.ts
var TOKEN_ENV = "MERITLOG_TOKEN";
function remoteSpec(url, branch, env = process.env) {
  const token = env[TOKEN_ENV];
  try {
    checkBranchName(branch ?? DEFAULT_BRANCH);
  } catch (e) {
    throw new UsageError(`--branch: ${e.message}`);
  }
  return { url, branch: branch ?? DEFAULT_BRANCH, ...token ? { token } : {} };
}
async function withLedgerFolder(target, branch, io, use) {
  const path = resolve2(io.cwd, target);
  if (branch === void 0 && !isRemoteTarget(target) && !isRemoteTarget(path)) return use(path);
  return withCheckout(remoteSpec(target, branch), io.cwd, use);
}

// src/cli/commands/append.ts
function parseBodies(text2) {
  const bodies = [];
  for (const [i, line] of text2.split("\n").entries()) {
    if (line.trim() === "") continue;
    let value;
    try {
      value = parseStrict(line);
    } catch (e) {
      if (e instanceof JsonSyntaxError) throw new InvalidInputError(`stdin:${i + 1}:${e.column}: ${e.reason}`);
      throw e;
    }
    const problem = bodyShapeError(value);
    if (problem) throw new InvalidInputError(`stdin:${i + 1}: ${problem}`);
    bodies.push(value);
  }
  return bodies;
}
async function readSigner(path) {
  return parseSignerKey(await readOptionFile("--key", path));
}
function parseAuthor(text2) {
  const match = /^([^<>]+?)\s*<([^<>\s]+@[^<>\s]+)>$/.exec(text2.trim());
  if (!match) throw new UsageError(`--author '${text2}' must look like 'Name <email>'`);
  return { name: match[1], email: match[2] };
}
async function readWitnessHead(path) {
  try {
    return parseHead(parseStrict(await readFile3(path, "utf8")), "");
  } catch (e) {
    if (e instanceof HeadError || e instanceof JsonSyntaxError) throw new InvalidInputError(`${path}: ${e.message}`);
    throw e;
  }
}
var appendCommand = {
  summary: "append entry bodies (JSON lines on stdin) to a ledger folder or data branch, signing and checkpointing them",
  usage: "<ledger-dir> --key <file> [--rotate]\n       meritlog append --remote <url|path> [--branch <name>] --key <file> [--rotate] [--author 'Name <email>'] [--since-head <head.json>] [--save-head <file>] [--sign-commits]",
  options: {
    key: { type: "string" },
    rotate: { type: "boolean" },
    remote: { type: "string" },
    branch: { type: "string" },
    author: { type: "string" },
    "since-head": { type: "string" },
    "save-head": { type: "string" },
    "sign-commits": { type: "boolean" }
  },
  async run({ values, positionals }, io) {
    const remote = values.remote;
    const [target, ...extra] = positionals;
    if (remote === void 0 && !target) throw new UsageError("a ledger folder, or --remote <url|path>, is required");
    if (remote !== void 0 && target) throw new UsageError(`give a ledger folder or --remote, not both ('${target}')`);
    if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`);
    if (!values.key) throw new UsageError("--key <file> is required");
    if (remote === void 0) {
      for (const flag of ["branch", "author", "since-head", "sign-commits"])
        if (values[flag] !== void 0) throw new UsageError(`--${flag} goes with --remote`);
    }
    const signer = await readSigner(resolve3(io.cwd, values.key));
    const author = values.author === void 0 ? void 0 : parseAuthor(values.author);
    const sinceHead = values["since-head"] === void 0 ? void 0 : await readWitnessHead(resolve3(io.cwd, values["since-head"]));
    const bodies = parseBodies(await io.stdin());
    const rotate2 = values.rotate === true;
    let prepared;
    let where;
    try {
      if (remote === void 0) {
        prepared = await appendToFolder(resolve3(io.cwd, target), bodies, signer, { rotate: rotate2 });
        where = "";
      } else {
        const spec = remoteSpec(remote, values.branch);
        const done = await appendToBranch(spec, bodies, signer, {
          rotate: rotate2,
          cwd: io.cwd,
          signCommits: values["sign-commits"] === true,
          ...author ? { author } : {},
          ...sinceHead ? { witness: { ...sinceHead, origin: signer.name } } : {}
        });
        prepared = done;
        where = done.commit ? ` in commit ${done.commit.slice(0, 12)} on ${spec.branch}${done.attempts > 1 ? ` (attempt ${done.attempts})` : ""}` : "";
      }
    } catch (e) {
      if (e instanceof KeyMismatchError) throw new UsageError(`--key: ${e.message}${e.rotatable ? " (--rotate)" : ""}`);
      throw e;
    }
    const { result, base } = prepared;
    if (values["save-head"] !== void 0)
      await writeFile3(resolve3(io.cwd, values["save-head"]), formatHead(prepared.changes.size > 0 ? result.head : base));
    if (prepared.changes.size === 0) {
      io.stdout(`appended 0 entries; ${result.skipped.length} already recorded; ledger unchanged at ${base.size} entries
`);
      return EXIT.ok;
    }
    const root = CompactRange.fromHashes(result.head.size, [...result.head.range]).root().toString("base64");
    const range = result.lines.length > 0 ? ` (seq ${base.size}\u2013${result.head.size - 1})` : "";
    io.stdout(
      `appended ${result.lines.length} entries${range}${where}; ${result.skipped.length} already recorded; checkpoint ${result.head.size} ${root}
`
    );
    return EXIT.ok;
  }
};

// src/cli/commands/check-config.ts
import { readFile as readFile4 } from "node:fs/promises";
import { resolve as resolve4 } from "node:path";
var checkConfigCommand = {
  summary: "check a configuration file; every problem with its file:line:col",
  usage: `[file] (default ${DEFAULT_CONFIG})`,
  options: {},
  async run({ positionals }, io) {
    const [file = DEFAULT_CONFIG, ...extra] = positionals;
    if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`);
    let text2;
    try {
      text2 = await readFile4(resolve4(io.cwd, file), "utf8");
    } catch (e) {
      if (e.code !== "ENOENT" || positionals.length > 0) throw e;
      io.stdout(`no ${DEFAULT_CONFIG}: the documented defaults apply
`);
      return EXIT.ok;
    }
    try {
      const rules = parseConfig(text2, file);
      io.stdout(`ok: ${file} is valid; rules ${rulesHash(rules)}
`);
      return EXIT.ok;
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      io.stderr(`${e.message}
${e.problems.length} problem${e.problems.length === 1 ? "" : "s"} in ${file}
`);
      return EXIT.invalid;
    }
  }
};

// src/cli/commands/check-proof.ts
import { readFile as readFile5 } from "node:fs/promises";
import { resolve as resolve5 } from "node:path";

// src/ledger/proof.ts
var HEADER = "c2sp.org/tlog-proof@v1";
function formatProof(p) {
  const lines = [HEADER];
  if (p.extra !== void 0) lines.push(`extra ${p.extra.toString("base64")}`);
  lines.push(`index ${p.index}`, ...p.hashes.map((h) => h.toString("base64")), "");
  return `${lines.join("\n")}
${p.checkpoint}`;
}
function parseProof(text2) {
  const lines = text2.split("\n");
  let i = 0;
  if (lines[i++] !== HEADER) throw new ProofError(`the first line must be ${HEADER}`);
  let extra;
  if (lines[i]?.startsWith("extra ")) {
    const b64 = lines[i++].slice("extra ".length);
    extra = Buffer.from(b64, "base64");
    if (extra.toString("base64") !== b64) throw new ProofError("extra must be standard base64");
  }
  const indexLine2 = lines[i++] ?? "";
  const index = /^index (0|[1-9]\d*)$/.exec(indexLine2)?.[1];
  if (index === void 0 || !Number.isSafeInteger(Number(index))) {
    throw new ProofError(`expected 'index <n>' with no leading zeros, found ${JSON.stringify(indexLine2)}`);
  }
  const hashes = [];
  while (i < lines.length && lines[i] !== "") {
    const b64 = lines[i++];
    const hash2 = Buffer.from(b64, "base64");
    if (hash2.length !== HASH_SIZE || hash2.toString("base64") !== b64) throw new ProofError(`proof line ${i} is not a base64 SHA-256 hash`);
    hashes.push(hash2);
  }
  if (lines[i++] !== "") throw new ProofError("the proof hashes must be followed by an empty line and the checkpoint");
  return { ...extra ? { extra } : {}, index: Number(index), hashes, checkpoint: lines.slice(i).join("\n") };
}
function checkProof(text2, verifiers) {
  const proof = parseProof(text2);
  let checkpoint;
  try {
    const opened = openNote(proof.checkpoint, verifiers);
    checkpoint = parseCheckpoint(opened.text);
    if (!opened.signedBy.some((v) => v.name === checkpoint.origin)) {
      throw new ProofError(
        `checkpoint: signed by ${opened.signedBy.map((v) => v.name).join(", ")}, none of them the log ${checkpoint.origin}`
      );
    }
  } catch (e2) {
    if (e2 instanceof NoteError || e2 instanceof CheckpointError) throw new ProofError(`checkpoint: ${e2.message}`);
    throw e2;
  }
  if (!proof.extra) throw new ProofError("the proof carries no entry (no extra line) to check");
  verifyInclusion(proof.index, checkpoint.size, leafHash(proof.extra), proof.hashes, checkpoint.root);
  let entry;
  try {
    entry = JSON.parse(proof.extra.toString("utf8"));
  } catch {
    throw new ProofError("the proven line is not a ledger entry (not JSON)");
  }
  const shape = entryShapeError(entry);
  if (shape) throw new ProofError(`the proven line is not a valid entry: ${shape}`);
  const e = entry;
  if (e.seq !== proof.index) throw new ProofError(`the entry's seq ${e.seq} is not the proven index ${proof.index}`);
  const key = verifiers.find((v) => keyRef(v) === e.sig.keyid);
  if (key) {
    const bad = signatureError(e, key);
    if (bad) throw new ProofError(bad);
  }
  return { checkpoint, index: proof.index, entry: e, entrySignature: key ? "verified" : "key not given" };
}

// src/cli/commands/check-proof.ts
var checkProofCommand = {
  summary: "check a tlog-proof offline against a ledger's verifier key",
  usage: "<proof-file> --vkey <verifier-key> [--vkey \u2026]",
  options: { vkey: { type: "string", multiple: true } },
  async run({ values, positionals }, io) {
    const [file, ...extra] = positionals;
    if (!file) throw new UsageError("the proof file is required ('-' reads stdin)");
    if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`);
    const vkeys = values.vkey ?? [];
    if (vkeys.length === 0) throw new UsageError("--vkey is required: the proof is only as good as the key you trust");
    const verifiers = vkeys.map(parseVerifierKey);
    const text2 = file === "-" ? await io.stdin() : await readFile5(resolve5(io.cwd, file), "utf8");
    const checked = checkProof(text2, verifiers);
    const { entry, checkpoint } = checked;
    io.stdout(
      `ok: entry ${entry.id} (${entry.kind}, ${entry.actor.login}, ${entry.points} millipoints) is at seq ${checked.index} of ${checkpoint.origin}, checkpoint size ${checkpoint.size}
`
    );
    if (checked.entrySignature === "key not given") {
      io.stdout(`note: the entry's own signature (by ${entry.sig.keyid}) was not checked: pass that key with --vkey to check it
`);
    }
    return EXIT.ok;
  }
};

// src/store/read-entries.ts
import { readFile as readFile6 } from "node:fs/promises";
import { join as join4 } from "node:path";
async function* readEntries(dir) {
  for (const path of await listShards(dir)) {
    const lines = shardLinesOrThrow(path, await readFile6(join4(dir, path)));
    for (const line of lines) yield JSON.parse(line.toString("utf8"));
  }
}
async function allEntries(dir) {
  const out = [];
  for await (const e of readEntries(dir)) out.push(e);
  return out;
}

// src/store/rules-folder.ts
import { readFileSync } from "node:fs";
import { join as join5 } from "node:path";
function folderRules(dir) {
  const cache = /* @__PURE__ */ new Map();
  return (hash2) => {
    if (!cache.has(hash2)) {
      let document;
      try {
        document = readFileSync(join5(dir, rulesPath(hash2)), "utf8");
      } catch {
        document = void 0;
      }
      cache.set(hash2, document === void 0 ? void 0 : openRulesDocument(hash2, document));
    }
    return cache.get(hash2);
  };
}

// src/store/verify.ts
import { fork } from "node:child_process";
import { randomInt } from "node:crypto";
import { closeSync, existsSync as existsSync3, openSync, readdirSync, readFileSync as readFileSync2, readSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join as join6 } from "node:path";
import { fileURLToPath } from "node:url";

// src/ledger/check-lines.ts
import { isUtf8 } from "node:buffer";
var ID_BYTES = 64;
var ID_PAD = 10;
function packedIds(count) {
  return Buffer.alloc(count * ID_BYTES, ID_PAD);
}
function packId(ids, index, id) {
  ids.write(id, index * ID_BYTES, ID_BYTES, "latin1");
}
function unpackId(ids, index) {
  const start = index * ID_BYTES;
  let end = start + ID_BYTES;
  while (end > start && ids[end - 1] === ID_PAD) end--;
  return ids.toString("latin1", start, end);
}
function lineFormError(text2) {
  try {
    parseStrict(text2);
  } catch (e) {
    if (e instanceof JsonSyntaxError) return `not I-JSON at column ${e.column}: ${e.reason}`;
    throw e;
  }
  return "not in RFC 8785 canonical form";
}
function parseEntry(bytes) {
  if (!isUtf8(bytes)) return "not valid UTF-8";
  const text2 = bytes.toString("utf8");
  let value;
  try {
    value = JSON.parse(text2);
  } catch {
    return lineFormError(text2);
  }
  let canonical;
  try {
    canonical = canonicalize2(value);
  } catch {
    canonical = void 0;
  }
  if (canonical !== text2) return lineFormError(text2);
  return entryShapeError(value) ?? value;
}
function signedBytes(line, entry) {
  const member = Buffer.from(`,"sig":${JSON.stringify(entry.sig)}`);
  const at = line.lastIndexOf(member);
  return pae(ENTRY_PAYLOAD_TYPE, Buffer.concat([line.subarray(0, at), line.subarray(at + member.length)]));
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
  let problem;
  for (const bytes of lines) {
    const seq = startSeq + run.count;
    const reason = level === "full" ? checkFull(bytes, seq, run, keyFor(seq)) : checkFast(bytes, seq, run);
    if (reason !== void 0) {
      problem = { seq, reason };
      break;
    }
  }
  return run.result(problem);
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
function checkFull(bytes, seq, run, key) {
  const entry = parseEntry(bytes);
  if (typeof entry === "string") return entry;
  const reason = chainError(entry.seq, seq, run.previous, entry.prev) ?? signatureError(entry, key, signedBytes(bytes, entry));
  if (reason === void 0) run.accept(bytes, entry);
  return reason;
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

// src/store/verify.ts
var SHARDS_PER_RUN = 4096 / SHARD_SIZE;
var RUN_LINES = SHARDS_PER_RUN * SHARD_SIZE;
var WORDS_PER_ID = ID_BYTES / 4;
var PARALLEL_FROM_RUNS = 3;
async function verifyFolder(dir, options = {}) {
  const level = options.level ?? "full";
  await assertFolder(dir);
  if (existsSync3(join6(dir, PENDING_DIR))) {
    throw new LedgerInvalidError(PENDING_DIR, "an append was interrupted; run meritlog append (with no input) to complete or discard it");
  }
  const state = await readState(folderFiles(dir));
  if (!state) throw new LedgerInvalidError(KEYS_FILE, "missing: this folder holds no ledger");
  const { keyring, checkpoint, checkpointNote } = state;
  if (options.trusted && !options.trusted.some((t) => t.vkey === keyring.current.vkey)) {
    throw new LedgerInvalidError(KEYS_FILE, `the ledger's current key ${keyring.current.vkey} is not one of the trusted keys given`);
  }
  const witnesses = (options.witnesses ?? []).map((w) => ({
    path: w.path,
    checkpoint: openCheckpoint(w.note, keyring, w.path, keyring.verifiers)
  }));
  const keepLeaves = options.keepLeaves === true || witnesses.some((w) => w.checkpoint.size > 0 && w.checkpoint.size < checkpoint.size);
  const shards = await listShards(dir);
  const tasks = [];
  for (let i = 0; i < shards.length; i += SHARDS_PER_RUN) {
    tasks.push({
      dir,
      shards: shards.slice(i, i + SHARDS_PER_RUN),
      startSeq: i * SHARD_SIZE,
      endsLedger: i + SHARDS_PER_RUN >= shards.length,
      keys: keyring.file,
      level,
      keepLeaves
    });
  }
  const workers = options.workers ?? (tasks.length >= PARALLEL_FROM_RUNS ? availableParallelism() : 0);
  const index = level === "full" ? new IndexReader(dir) : void 0;
  let joined;
  let head;
  try {
    ({ joined, head } = await checkEntries(tasks, workers, state, index));
    await index?.check();
  } finally {
    index?.stop();
  }
  const { ids: seen, leaves } = joined;
  const { size } = head;
  for (const w of witnesses) checkWitness(w.path, w.checkpoint, checkpoint, leaves);
  let ids;
  return {
    origin: keyring.file.origin,
    size,
    checkpoint,
    checkpointNote,
    keyring,
    head,
    // Made when asked for: few callers want a million strings.
    get ids() {
      ids ??= Array.from({ length: size }, (_, seq) => seen.idAt(seq));
      return ids;
    },
    ...options.keepLeaves ? { leaves } : {},
    witnesses: witnesses.map((w) => ({ path: w.path, size: w.checkpoint.size }))
  };
}
async function checkEntries(tasks, workers, state, index) {
  const { checkpoint, keyring } = state;
  const joined = new RunJoin(tasks);
  const take = (r) => {
    joined.take(r);
    if (!joined.problem) index?.expect(joined.ids, r.startSeq, r.startSeq + r.count);
  };
  if (workers > 0) await runInWorkers(tasks, workers, take);
  else for (const t of tasks) take(checkRun(t, (p) => readFileSync2(join6(t.dir, p))));
  if (joined.problem) throw joined.problem;
  const { range, lastLeaf } = joined;
  const size = range.size;
  if (size < checkpoint.size) {
    throw new LedgerInvalidError(
      size === 0 ? "entries" : locate(tasks, size - 1),
      `the checkpoint covers ${checkpoint.size} entries but only ${size} are present: seq ${size} onward is missing`,
      size
    );
  }
  if (size > checkpoint.size) {
    throw new LedgerInvalidError(
      locate(tasks, checkpoint.size),
      `${size} entries are present but the checkpoint covers only ${checkpoint.size}: seq ${checkpoint.size} onward is not checkpointed`,
      checkpoint.size
    );
  }
  const root = range.root();
  if (!root.equals(checkpoint.root)) {
    throw new LedgerInvalidError(
      CHECKPOINT_FILE,
      `root ${checkpoint.root.toString("base64")} is not the Merkle root of the entries (${root.toString("base64")}): the checkpoint is for another tree`
    );
  }
  const head = { origin: keyring.file.origin, size, range: range.hashes, ...lastLeaf ? { last: lastLeaf } : {} };
  if (!sameHead(state.head, head)) {
    throw new LedgerInvalidError(HEAD_FILE, "does not match the entries' size, Merkle right edge and last leaf hash");
  }
  return { joined, head };
}
var RunJoin = class {
  range = new CompactRange();
  ids;
  leaves = [];
  lastLeaf;
  /** The first problem in seq order; no run after it is joined. */
  problem;
  tasks;
  constructor(tasks) {
    this.tasks = tasks;
    this.ids = new IdTable(tasks.length * RUN_LINES);
  }
  take(r) {
    this.problem ??= this.join(r);
  }
  join(r) {
    const boundary = r.count > 0 ? boundaryError(r, this.lastLeaf) : void 0;
    if (boundary) return new LedgerInvalidError(locate(this.tasks, r.startSeq), boundary, r.startSeq);
    const bad = this.ids.recordRun(r);
    if (bad) return new LedgerInvalidError(locate(this.tasks, bad.seq), bad.reason, bad.seq);
    if (r.problem) return new LedgerInvalidError(r.problem.where, r.problem.reason, r.problem.seq);
    this.range.extend(CompactRange.fromHashes(r.count, r.subtrees));
    if (r.lastLeaf) this.lastLeaf = r.lastLeaf;
    if (r.leaves) for (let i = 0; i < r.count; i++) this.leaves.push(r.leaves.subarray(i * HASH_SIZE, (i + 1) * HASH_SIZE));
    return void 0;
  }
};
function boundaryError(r, lastLeaf) {
  if (r.startSeq === 0) return r.firstPrev === void 0 ? void 0 : "prev must be absent at seq 0";
  const expected = lastLeaf?.toString("hex");
  if (r.firstPrev !== expected) return `prev is ${String(r.firstPrev)}, but the leaf hash of seq ${r.startSeq - 1} is ${String(expected)}`;
  return void 0;
}
function locate(tasks, seq) {
  return tasks[Math.floor(seq / RUN_LINES)]?.shards[Math.floor(seq % RUN_LINES / SHARD_SIZE)] ? lineAt(seq) : "entries";
}
function openCheckpoint(note, keyring, where, signers) {
  let checkpoint;
  try {
    checkpoint = parseCheckpoint(openNote(note, signers).text);
  } catch (e) {
    if (e instanceof NoteError || e instanceof CheckpointError) throw new LedgerInvalidError(where, e.message);
    throw e;
  }
  if (checkpoint.origin !== keyring.file.origin) {
    throw new LedgerInvalidError(where, `origin '${checkpoint.origin}' is not this ledger's origin '${keyring.file.origin}'`);
  }
  return checkpoint;
}
function checkWitness(path, old, current, leaves) {
  if (old.size > current.size) {
    throw new LedgerInvalidError(path, `witness covers ${old.size} entries but the ledger has only ${current.size}: history was truncated`);
  }
  try {
    if (old.size === 0) {
      if (!old.root.equals(EMPTY_ROOT)) throw new ProofError("a checkpoint of size 0 must carry the empty-tree root");
    } else {
      const proof = old.size === current.size ? [] : consistencyProof(leaves, old.size, current.size);
      verifyConsistency(old.size, current.size, old.root, current.root, proof);
    }
  } catch (e) {
    if (!(e instanceof ProofError)) throw e;
    throw new LedgerInvalidError(
      path,
      `the ledger does not extend this checkpoint of size ${old.size}: history was rewritten (${e.message})`
    );
  }
}
var IndexReader = class {
  /** Each bucket's text, or why it could not be read. */
  buckets = /* @__PURE__ */ new Map();
  /** What each bucket must hold, built as the runs are joined. */
  expected = /* @__PURE__ */ new Map();
  done;
  stopped = false;
  scratch = Buffer.allocUnsafe(1 << 16);
  constructor(dir) {
    this.done = this.read(dir).catch((e) => e);
  }
  /** Ends the reading early, when verification fails before the index is needed. */
  stop() {
    this.stopped = true;
  }
  /** Adds what the index must list for seq `from` to `to` (exclusive), recorded in `ids`. */
  expect(ids, from, to) {
    for (let seq = from; seq < to; seq++) {
      const id = ids.idAt(seq);
      const path = indexPath(id);
      this.expected.set(path, (this.expected.get(path) ?? "") + indexLine(id, seq));
    }
  }
  /** The index must list every entry's id and seq, in seq order, and nothing else. */
  async check() {
    const failure = await this.done;
    if (failure) throw failure;
    for (const path of this.buckets.keys()) {
      if (!this.expected.has(path)) throw new LedgerInvalidError(path, "lists ids that no entry has");
    }
    for (const [path, text2] of this.expected) {
      const present = this.buckets.get(path);
      if (present === void 0)
        throw new LedgerInvalidError(path, `missing: the index must list ${text2.split("\n").length - 1} id(s) here`);
      if (present instanceof Error) throw present;
      if (present !== text2) {
        throw new LedgerInvalidError(path, "does not list exactly the ids of the entries in its bucket, with their seqs, in seq order");
      }
    }
  }
  async read(dir) {
    const root = join6(dir, INDEX_DIR);
    let subs;
    try {
      subs = readdirSync(root, { withFileTypes: true });
    } catch {
      return void 0;
    }
    for (const sub of subs) {
      await new Promise(setImmediate);
      if (this.stopped) return void 0;
      if (!sub.isDirectory()) {
        throw new LedgerInvalidError(`${INDEX_DIR}/${sub.name}`, "unexpected file: the index holds only directories of buckets");
      }
      for (const file of readdirSync(join6(root, sub.name))) {
        const path = `${INDEX_DIR}/${sub.name}/${file}`;
        try {
          this.buckets.set(path, this.readBucket(`${dir}/${path}`));
        } catch (e) {
          this.buckets.set(path, e);
        }
      }
    }
    return void 0;
  }
  /**
   * A bucket's text, read into one reused buffer: buckets are a few lines each, and readFileSync's
   * stat, fresh buffer and path normalisation per file cost more than the read itself.
   */
  readBucket(path) {
    const fd = openSync(path, "r");
    try {
      let length = 0;
      for (; ; ) {
        if (length === this.scratch.length) this.scratch = Buffer.concat([this.scratch, Buffer.allocUnsafe(length)]);
        const room = this.scratch.length - length;
        const read = readSync(fd, this.scratch, length, room, null);
        length += read;
        if (read < room) return this.scratch.toString("latin1", 0, length);
      }
    } finally {
      closeSync(fd);
    }
  }
};
var IdTable = class {
  /** The packed ids of seq 0 onward, as words for hashing and comparing: one allocation, not one per run. */
  words = new Int32Array(0);
  bytes = Buffer.alloc(0);
  /** Random multipliers, one per word of an id, so that crafted ids cannot pile into one slot. */
  keys = Int32Array.from({ length: WORDS_PER_ID }, () => randomInt(2 ** 32) | 1);
  /**
   * Per slot, seq + 1 of the id in it (0 when empty), then that id's hash, to skip most comparisons:
   * side by side, so that a probe touches one cache line of a table too large for any cache.
   */
  table = new Int32Array(0);
  /** 32 − log2(slots), for multiply-shift: a hash's top bits pick its slot. */
  shift = 32;
  /** Ids recorded, which are those of seq 0 … size − 1. */
  size = 0;
  /** A table for `capacity` ids, which grows if a run holds more lines than its shards should. */
  constructor(capacity) {
    this.reserve(capacity);
  }
  /**
   * Records the ids of run `r`, the next, in seq order, up to the first that is recorded already or
   * whose entry refs an id not recorded before it: then returns where and why.
   */
  recordRun(r) {
    this.reserve(r.startSeq + r.count);
    this.bytes.set(r.ids, r.startSeq * ID_BYTES);
    let refAt = 0;
    for (let seq = r.startSeq; seq < r.startSeq + r.count; seq++) {
      const ref = r.refs[refAt];
      if (ref !== void 0 && ref[0] === seq) {
        refAt++;
        if (!this.has(ref[1])) return { seq, reason: `ref ${ref[1]} names no earlier entry` };
      }
      const first = this.add(seq, this.hash(this.words, seq));
      if (first >= 0) return { seq, reason: `id ${this.idAt(seq)} was already recorded at seq ${first}` };
      this.size++;
    }
    return void 0;
  }
  /** The id at `seq`, of a run recorded. */
  idAt(seq) {
    return unpackId(this.bytes, seq);
  }
  has(id) {
    const key = packedIds(1);
    packId(key, 0, id);
    const words = new Int32Array(WORDS_PER_ID);
    Buffer.from(words.buffer).set(key);
    return this.find(words, 0, this.hash(words, 0)) >= 0;
  }
  hash(words, index) {
    const keys = this.keys;
    const at = index * WORDS_PER_ID;
    let h = 0;
    for (let w = 0; w < WORDS_PER_ID; w++) h = h + Math.imul(words[at + w], keys[w]) | 0;
    return h;
  }
  /** The seq of id `index` of `words`, if recorded; −1 otherwise. */
  find(words, index, hash2) {
    const { table } = this;
    const mask = table.length / 2 - 1;
    for (let slot = hash2 >>> this.shift; ; slot = slot + 1 & mask) {
      const entry = table[2 * slot];
      if (entry === 0) return -1;
      if (table[2 * slot + 1] === hash2 && this.sameId(entry - 1, words, index)) return entry - 1;
    }
  }
  /** Adds the id at `seq` unless an equal one is recorded: then returns that one's seq, else −1. */
  add(seq, hash2) {
    const { table } = this;
    const mask = table.length / 2 - 1;
    let slot = hash2 >>> this.shift;
    for (let entry = table[2 * slot]; entry !== 0; entry = table[2 * slot]) {
      if (table[2 * slot + 1] === hash2 && this.sameId(entry - 1, this.words, seq)) return entry - 1;
      slot = slot + 1 & mask;
    }
    table[2 * slot] = seq + 1;
    table[2 * slot + 1] = hash2;
    return -1;
  }
  sameId(seq, words, index) {
    for (let w = 0; w < WORDS_PER_ID; w++) if (this.words[seq * WORDS_PER_ID + w] !== words[index * WORDS_PER_ID + w]) return false;
    return true;
  }
  /** Makes room for the ids of seq 0 … capacity − 1, in a table at most half full. */
  reserve(capacity) {
    if (capacity * WORDS_PER_ID <= this.words.length) return;
    const words = new Int32Array(capacity * WORDS_PER_ID);
    words.set(this.words);
    this.words = words;
    this.bytes = Buffer.from(words.buffer);
    const bits = Math.ceil(Math.log2(2 * capacity));
    this.table = new Int32Array(2 * 2 ** bits);
    this.shift = 32 - bits;
    for (let seq = 0; seq < this.size; seq++) this.add(seq, this.hash(words, seq));
  }
};
async function runInWorkers(tasks, workers, take) {
  const path = fileURLToPath(new URL(import.meta.url.endsWith(".ts") ? "./verify-worker.ts" : "./verify-worker.js", import.meta.url));
  const done = /* @__PURE__ */ new Map();
  let next = 0;
  let taken = 0;
  const pool = Array.from(
    { length: Math.min(workers, tasks.length) },
    () => fork(path, [], {
      serialization: "advanced",
      stdio: ["ignore", "inherit", "inherit", "ipc"],
      execArgv: ["--disable-warning=ExperimentalWarning"]
    })
  );
  try {
    await Promise.all(
      pool.map(
        (child) => new Promise((resolve11, reject) => {
          const held = [];
          const feed = () => {
            if (next < tasks.length) {
              held.push(next);
              child.send(tasks[next++]);
            } else if (held.length === 0) resolve11();
          };
          child.once("error", reject);
          child.once("exit", (code) => {
            if (held.length > 0 || next < tasks.length || code !== 0) reject(new Error(`a verification worker exited early (${code})`));
          });
          const feedAhead = () => {
            if (held.length === 0 || tasks.length - next >= pool.length) feed();
          };
          child.on("message", (r) => {
            done.set(held.shift(), r);
            for (let d = done.get(taken); d !== void 0; d = done.get(taken)) {
              done.delete(taken++);
              take(d);
            }
            feedAhead();
          });
          feed();
          feedAhead();
        })
      )
    );
  } finally {
    for (const child of pool) if (child.connected) child.disconnect();
  }
}

// src/cli/commands/explain.ts
function pts(millipoints) {
  const sign2 = millipoints < 0 ? "-" : "";
  const abs = Math.abs(millipoints);
  return `${sign2}${Math.floor(abs / 1e3)}.${String(abs % 1e3).padStart(3, "0")}`;
}
var explainCommand = {
  summary: "recompute one entry from its recorded inputs and rules, rule by rule",
  usage: "<ledger-dir | remote> <entry id> [--branch <name>]",
  options: { branch: { type: "string" } },
  async run({ values, positionals }, io) {
    const [target, id, ...extra] = positionals;
    if (!target || !id) throw new UsageError("the ledger and an entry id are required");
    if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`);
    if (!/^[0-9a-f]{64}$/.test(id)) throw new UsageError(`'${id}' is not an entry id (64 hex digits)`);
    const text2 = await withLedgerFolder(target, values.branch, io, async (dir) => {
      await verifyFolder(dir, { level: "fast" });
      for await (const entry of readEntries(dir)) {
        if (entry.id !== id) continue;
        const out = [`entry ${entry.id} (seq ${entry.seq}, ${entry.kind}) for ${entry.actor.login} in ${entry.repo.name}, ${entry.time}`];
        out.push(`subject: ${entry.subject.type}${entry.subject.number ? ` #${entry.subject.number}` : ""} ${entry.subject.url}`);
        out.push(`rules: ${entry.rules}`, "", "rule                   points  note");
        for (const b of entry.breakdown) out.push(`${b.rule.padEnd(22)} ${pts(b.points).padStart(7)}  ${printable(b.note ?? "")}`);
        out.push(`${"total".padEnd(22)} ${pts(entry.points).padStart(7)}`);
        const rules = folderRules(dir)(entry.rules);
        if (entry.kind !== "award" || !entry.inputs?.family) {
          out.push(
            "",
            `this ${entry.kind} entry is recorded, not computed from rules${entry.reason ? `: ${printable(entry.reason)}` : ""}`
          );
        } else if (!rules) {
          out.push("", `the rules document ${entry.rules} is not in the ledger, so the points cannot be recomputed here`);
        } else {
          const again = recompute(entry, rules);
          const same = again && again.points === entry.points && canonicalize2(again.breakdown) === canonicalize2(entry.breakdown);
          out.push(
            "",
            same ? "recomputed from the recorded inputs and rules: the same points, rule by rule" : `recomputed: ${pts(again?.points ?? 0)} \u2014 DIFFERS from the record`
          );
          out.push(`inputs: ${printable(JSON.stringify(entry.inputs))}`);
        }
        return `${out.join("\n")}
`;
      }
      throw new InvalidInputError(`no entry has id ${id}`);
    });
    io.stdout(text2);
    return EXIT.ok;
  }
};

// src/cli/commands/keygen.ts
import { writeFile as writeFile4 } from "node:fs/promises";
import { resolve as resolve6 } from "node:path";
var KEY_FILE_NAME = "meritlog.key";
var keygenCommand = {
  summary: "generate an Ed25519 signing key for a ledger",
  usage: "--origin <name> [--out <dir>]",
  options: { origin: { type: "string" }, out: { type: "string" } },
  async run({ values, positionals }, io) {
    const origin = values.origin;
    if (!origin) throw new UsageError("--origin is required (e.g. github.com/<owner>/<repo>/meritlog)");
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    let signer;
    try {
      signer = generateSigner(origin);
    } catch (e) {
      throw new UsageError(`--origin: ${e.message}`);
    }
    const path = resolve6(io.cwd, values.out ?? ".", KEY_FILE_NAME);
    try {
      await writeFile4(path, `${signer.skey}
`, { mode: 384, flag: "wx" });
    } catch (e) {
      if (e.code === "EEXIST") throw new UsageError(`${path} already exists; refusing to overwrite a key`);
      throw e;
    }
    io.stderr(`wrote the private key to ${path} (mode 0600); keep it secret
`);
    io.stdout(`${signer.verifier.vkey}
`);
    return EXIT.ok;
  }
};

// src/cli/commands/prove.ts
import { readFile as readFile7 } from "node:fs/promises";
import { join as join7 } from "node:path";
var proveCommand = {
  summary: "print a C2SP tlog-proof that an entry (by seq or id) is in the ledger's current checkpoint",
  usage: "<ledger-dir | remote> <seq|id> [--branch <name>]",
  options: { branch: { type: "string" } },
  async run({ values, positionals }, io) {
    const [target, which, ...extra] = positionals;
    if (!target || which === void 0) throw new UsageError("the ledger folder and an entry's seq or id are required");
    if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`);
    if (!/^(0|[1-9]\d{0,15}|[0-9a-f]{64})$/.test(which)) throw new UsageError(`'${which}' is neither a seq nor a 64-hex-digit entry id`);
    const proof = await withLedgerFolder(target, values.branch, io, async (dir) => {
      const ledger = await verifyFolder(dir, { level: "fast", keepLeaves: true });
      const index = which.length === 64 ? ledger.ids.indexOf(which) : Number(which);
      if (index < 0 || index >= ledger.size) {
        throw new InvalidInputError(
          which.length === 64 ? `no entry has id ${which}` : `no entry has seq ${which}; the ledger has ${ledger.size}`
        );
      }
      const path = shardPath(shardOf(index));
      const lines = shardLinesOrThrow(path, await readFile7(join7(dir, path)));
      const line = lines[index % SHARD_SIZE];
      return formatProof({ extra: line, index, hashes: inclusionProof(ledger.leaves ?? [], index), checkpoint: ledger.checkpointNote });
    });
    io.stdout(proof);
    return EXIT.ok;
  }
};

// src/cli/commands/rescore.ts
import { readFile as readFile8 } from "node:fs/promises";
import { resolve as resolve7 } from "node:path";

// src/scoring/simulate.ts
function monthKey(entry) {
  return `${entry.actor.id}:${entry.repo.id}:${entry.time.slice(0, 7)}`;
}
function rank2(totals) {
  const sorted = [...totals].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const ranks = /* @__PURE__ */ new Map();
  sorted.forEach(([id, points], i) => {
    const prev = sorted[i - 1];
    ranks.set(id, prev && prev[1] === points ? ranks.get(prev[0]) : i + 1);
  });
  return ranks;
}
function replay(entries, rules) {
  const month = /* @__PURE__ */ new Map();
  const out = /* @__PURE__ */ new Map();
  for (const e of entries) {
    const r = recorded(e);
    if (r) {
      const again = recompute(e, rules, { ...r.context, month_points: month.get(monthKey(e)) ?? 0 }) ?? { points: 0, breakdown: [] };
      out.set(e.id, again);
      month.set(monthKey(e), (month.get(monthKey(e)) ?? 0) + again.points);
    } else if (e.kind === "reversal" && e.ref !== void 0 && out.has(e.ref)) {
      const points = -out.get(e.ref).points;
      out.set(e.id, { points, breakdown: [] });
    }
  }
  return out;
}
function simulate(entries, candidate) {
  const before = /* @__PURE__ */ new Map();
  const after = /* @__PURE__ */ new Map();
  const logins = /* @__PURE__ */ new Map();
  const again = replay(entries, candidate);
  let recomputed = 0;
  let changed = 0;
  for (const e of entries) {
    logins.set(e.actor.id, e.actor.login);
    before.set(e.actor.id, (before.get(e.actor.id) ?? 0) + e.points);
    const points = again.get(e.id)?.points ?? e.points;
    if (recorded(e)) {
      recomputed++;
      if (points !== e.points) changed++;
    }
    after.set(e.actor.id, (after.get(e.actor.id) ?? 0) + points);
  }
  const rb = rank2(before);
  const ra = rank2(after);
  const rows = [...after.keys()].map((id) => ({
    id,
    login: logins.get(id) ?? String(id),
    before: before.get(id) ?? 0,
    after: after.get(id) ?? 0,
    rankBefore: rb.get(id),
    rankAfter: ra.get(id)
  })).sort((a, b) => a.rankAfter - b.rankAfter || a.id - b.id);
  const sum = (m) => [...m.values()].reduce((a, b) => a + b, 0);
  return { recomputed, changed, before: { total: sum(before) }, after: { total: sum(after) }, rows };
}

// src/scoring/rescore.ts
function rescore(entries, rules, since, source) {
  const hash2 = rulesHash(rules);
  const reversed = new Set(entries.filter((e) => e.kind === "reversal" && e.ref).map((e) => e.ref));
  const out = [];
  const replayed = replay(entries, rules);
  for (const e of entries) {
    if (e.time < since || reversed.has(e.id) || e.rules === hash2 || !recorded(e)) continue;
    const again = replayed.get(e.id);
    if (!again || again.points === e.points && canonicalize2(again.breakdown) === canonicalize2(e.breakdown)) continue;
    const common = { time: e.time, repo: e.repo, actor: e.actor, subject: e.subject, rules: hash2, source };
    out.push({
      ...common,
      id: factId(`reversal:${e.id}:${hash2}`),
      kind: "reversal",
      ref: e.id,
      points: -e.points,
      breakdown: e.points === 0 ? [] : [{ rule: "rescore.reversal", points: -e.points, note: `rules changed to ${hash2.slice(0, 19)}` }],
      reason: `rescored under ${hash2}`
    });
    if (again.points === 0 && again.breakdown.length === 0) continue;
    out.push({
      ...common,
      id: factId(`rescore:${e.id}:${hash2}`),
      kind: "award",
      ref: e.id,
      points: again.points,
      breakdown: again.breakdown,
      inputs: e.inputs ?? {},
      reason: `rescored under ${hash2}`
    });
  }
  return out;
}

// src/cli/commands/rescore.ts
var rescoreCommand = {
  summary: "apply a config to awards since a date: append a reversal and a new award for each that changes",
  usage: "<ledger-dir> | --remote <url|path> [--branch <name>]  --since <YYYY-MM-DD> --config <file> --key <file>",
  options: {
    since: { type: "string" },
    config: { type: "string" },
    key: { type: "string" },
    remote: { type: "string" },
    branch: { type: "string" }
  },
  async run({ values, positionals }, io) {
    const remote = values.remote;
    const [target, ...extra] = positionals;
    if (remote === void 0 === (target === void 0)) throw new UsageError("give a ledger folder or --remote, one of them");
    if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`);
    const since = values.since;
    if (!since || !/^\d{4}-\d{2}-\d{2}$/.test(since) || Number.isNaN(Date.parse(since)))
      throw new UsageError("--since YYYY-MM-DD is required");
    if (!values.config || !values.key) throw new UsageError("--config <file> and --key <file> are required");
    const file = values.config;
    let rules;
    try {
      rules = parseConfig(await readFile8(resolve7(io.cwd, file), "utf8"), file);
    } catch (e) {
      if (e instanceof ConfigError) throw new InvalidInputError(e.message);
      throw e;
    }
    const signer = await readSigner(resolve7(io.cwd, values.key));
    const source = { event: "rescore" };
    const documents = /* @__PURE__ */ new Map([[rulesHash(rules), rulesDocument(rules)]]);
    const plan = async (dir) => {
      await verifyFolder(dir, { level: "fast" });
      return rescore(await allEntries(dir), rules, `${since}T00:00:00Z`, source);
    };
    let appended;
    if (remote === void 0) {
      const dir = resolve7(io.cwd, target);
      const bodies = await plan(dir);
      appended = (await appendToFolder(dir, bodies, signer, { rules: documents })).result.lines.length;
    } else {
      const spec = remoteSpec(remote, values.branch);
      const bodies = await withCheckout(spec, io.cwd, plan);
      appended = (await appendToBranch(spec, bodies, signer, { rules: documents, cwd: io.cwd })).result.lines.length;
    }
    io.stdout(`rescored under ${rulesHash(rules)}: appended ${appended} entries (reversals and new awards)
`);
    return EXIT.ok;
  }
};

// src/cli/commands/simulate.ts
import { readFile as readFile9 } from "node:fs/promises";
import { resolve as resolve8 } from "node:path";
var simulateCommand = {
  summary: "recompute the recorded facts under a candidate config and show how totals and ranks would move (writes nothing)",
  usage: "<ledger-dir | remote> --config <candidate.yml> [--branch <name>] [--top <n>]",
  options: { config: { type: "string" }, branch: { type: "string" }, top: { type: "string" } },
  async run({ values, positionals }, io) {
    const [target, ...extra] = positionals;
    if (!target) throw new UsageError("the ledger is required");
    if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`);
    if (!values.config) throw new UsageError("--config <candidate.yml> is required");
    const top = values.top === void 0 ? 20 : Number(values.top);
    if (!Number.isInteger(top) || top < 1) throw new UsageError(`--top '${String(values.top)}' must be a positive whole number`);
    const file = values.config;
    let candidate;
    try {
      candidate = parseConfig(await readFile9(resolve8(io.cwd, file), "utf8"), file);
    } catch (e) {
      if (e instanceof ConfigError) throw new InvalidInputError(`the candidate config has problems:
${e.message}`);
      throw e;
    }
    const result = await withLedgerFolder(target, values.branch, io, async (dir) => {
      await verifyFolder(dir, { level: "fast" });
      return simulate(await allEntries(dir), candidate);
    });
    const pts2 = (m) => (m / 1e3).toFixed(3);
    const lines = [
      `${result.recomputed} awards recomputed; ${result.changed} change; total ${pts2(result.before.total)} \u2192 ${pts2(result.after.total)} points`,
      ""
    ];
    lines.push("rank  was  contributor              points now   was      change");
    for (const row of result.rows.slice(0, top)) {
      const move = row.rankBefore === void 0 ? "new" : String(row.rankBefore);
      lines.push(
        `${String(row.rankAfter).padStart(4)}  ${move.padStart(3)}  ${printable(row.login).padEnd(23)} ${pts2(row.after).padStart(10)} ${pts2(row.before).padStart(10)} ${(row.after - row.before >= 0 ? "+" : "") + pts2(row.after - row.before)}`
      );
    }
    io.stdout(`${lines.join("\n")}
`);
    return EXIT.ok;
  }
};

// src/cli/commands/site.ts
import { spawn as spawn2 } from "node:child_process";
import { existsSync as existsSync4 } from "node:fs";
import { join as join8, resolve as resolve9 } from "node:path";
import { fileURLToPath as fileURLToPath2 } from "node:url";
var PACKAGE = fileURLToPath2(new URL("..", import.meta.url));
var siteCommand = {
  summary: "build the static site (leaderboards, profiles, audit pages) from a ledger",
  usage: "<ledger-dir | remote> [--out <dir>] [--base /<repo>/] [--url <site url>] [--fast] [--branch <name>]",
  options: {
    out: { type: "string" },
    base: { type: "string" },
    url: { type: "string" },
    fast: { type: "boolean" },
    branch: { type: "string" }
  },
  async run({ values, positionals }, io) {
    const [target, ...extra] = positionals;
    if (!target) throw new UsageError("which ledger? meritlog site <ledger-dir | remote>");
    if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`);
    const base = values.base ?? "/";
    if (!/^\/([A-Za-z0-9._-]+\/)*$/.test(base)) throw new UsageError(`--base '${base}' must be a path like / or /widgets/`);
    const astro = join8(PACKAGE, "node_modules", "astro", "bin", "astro.mjs");
    if (!existsSync4(astro)) throw new UsageError("the site builder (astro) is not installed beside meritlog: npm install meritlog");
    const out = resolve9(io.cwd, values.out ?? "_site");
    return withLedgerFolder(target, values.branch, io, async (ledger) => {
      const env = {
        ...process.env,
        MERITLOG_LEDGER: ledger,
        MERITLOG_SITE_OUT: out,
        MERITLOG_SITE_BASE: base,
        ...values.url ? { MERITLOG_SITE_URL: values.url } : {},
        ...values.fast ? { MERITLOG_VERIFY: "fast" } : {},
        ASTRO_TELEMETRY_DISABLED: "1"
      };
      for (const name of ["BASE_URL", "MODE", "DEV", "PROD", "SSR"]) delete env[name];
      const code = await new Promise((done, fail) => {
        const child = spawn2(process.execPath, [astro, "build", "--root", join8(PACKAGE, "site"), "--silent"], {
          cwd: PACKAGE,
          env,
          stdio: ["ignore", "inherit", "inherit"]
        });
        child.on("error", fail);
        child.on("close", done);
      });
      if (code !== 0) return EXIT.invalid;
      io.stderr(`built the site into ${out}
`);
      return EXIT.ok;
    });
  }
};

// src/cli/commands/verify.ts
import { resolve as resolve10 } from "node:path";

// src/aggregate/contributors.ts
function blank(id, login) {
  return {
    id,
    login,
    points: 0,
    mergedPrs: 0,
    reviews: 0,
    ratings: [],
    activeMonths: /* @__PURE__ */ new Set(),
    mergedByRepoMonth: /* @__PURE__ */ new Map(),
    badges: /* @__PURE__ */ new Set()
  };
}
function foldEntries(entries, stats = /* @__PURE__ */ new Map()) {
  for (const e of entries) {
    const s = stats.get(e.actor.id) ?? blank(e.actor.id, e.actor.login);
    stats.set(e.actor.id, s);
    s.login = e.actor.login;
    s.points += e.points;
    const family = e.inputs?.family;
    if (e.kind === "award" && e.points !== 0) s.activeMonths.add(e.time.slice(0, 7));
    if (e.kind === "award" && family === "pr_merged") {
      s.mergedPrs++;
      const key = `${e.repo.id}:${e.time.slice(0, 7)}`;
      s.mergedByRepoMonth.set(key, (s.mergedByRepoMonth.get(key) ?? 0) + 1);
    }
    if (e.kind === "award" && family === "review") s.reviews++;
    if (e.kind === "command" && typeof e.inputs?.rating === "number") {
      const author = e.inputs.author_id;
      if (typeof author === "number") {
        const a = stats.get(author) ?? blank(author, String(e.inputs.author_login ?? author));
        stats.set(author, a);
        a.ratings.push(e.inputs.rating);
      }
    }
    if (e.kind === "badge" && e.badge) s.badges.add(`${e.badge}${typeof e.inputs?.scope === "string" ? `:${e.inputs.scope}` : ""}`);
  }
  return stats;
}

// src/scoring/badges.ts
var BADGES = [
  { name: "first-pr", title: "First merged pull request", rarity: "common", description: "Had a first pull request merged." },
  { name: "prs-10", title: "10 merged pull requests", rarity: "uncommon", description: "Had 10 pull requests merged." },
  { name: "prs-50", title: "50 merged pull requests", rarity: "rare", description: "Had 50 pull requests merged." },
  { name: "prs-100", title: "100 merged pull requests", rarity: "epic", description: "Had 100 pull requests merged." },
  { name: "first-review", title: "First review", rarity: "common", description: "Reviewed a pull request." },
  { name: "reviews-25", title: "25 reviews", rarity: "rare", description: "Reviewed 25 pull requests." },
  {
    name: "quality",
    title: "Quality contributor",
    rarity: "epic",
    description: "A mean maintainer rating of at least 4.5 over at least 5 rated pull requests."
  },
  {
    name: "champion",
    title: "Project champion",
    rarity: "legendary",
    description: "The most merged pull requests in a repository in a month."
  },
  { name: "streak-3", title: "3-month streak", rarity: "uncommon", description: "Active 3 consecutive months." },
  { name: "streak-6", title: "6-month streak", rarity: "rare", description: "Active 6 consecutive months." },
  { name: "streak-12", title: "12-month streak", rarity: "epic", description: "Active 12 consecutive months." }
];
function longestStreak(months) {
  const index = [...months].map((m) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1).sort((a, b) => a - b);
  let best = 0;
  let run = 0;
  for (const [i, m] of index.entries()) {
    run = i > 0 && m === index[i - 1] + 1 ? run + 1 : 1;
    best = Math.max(best, run);
  }
  return best;
}
function earned(s) {
  const out = [];
  for (const [n, name] of [
    [1, "first-pr"],
    [10, "prs-10"],
    [50, "prs-50"],
    [100, "prs-100"]
  ]) {
    if (s.mergedPrs >= n) out.push({ badge: name, figures: { merged_prs: s.mergedPrs } });
  }
  if (s.reviews >= 1) out.push({ badge: "first-review", figures: { reviews: s.reviews } });
  if (s.reviews >= 25) out.push({ badge: "reviews-25", figures: { reviews: s.reviews } });
  if (s.ratings.length >= 5) {
    const sum = s.ratings.reduce((a, b) => a + b, 0);
    if (2 * sum >= 9 * s.ratings.length) out.push({ badge: "quality", figures: { rated_prs: s.ratings.length, rating_sum: sum } });
  }
  const streak = longestStreak(s.activeMonths);
  for (const n of [3, 6, 12]) if (streak >= n) out.push({ badge: `streak-${n}`, figures: { longest_streak_months: streak } });
  return out;
}
function champions(stats, month) {
  const best = /* @__PURE__ */ new Map();
  for (const s of stats) {
    for (const [key, merged] of s.mergedByRepoMonth) {
      const [repo, m] = key.split(":");
      if (m !== month) continue;
      const b = best.get(repo);
      if (!b || merged > b.merged) best.set(repo, { ids: [s.id], merged });
      else if (merged === b.merged) b.ids.push(s.id);
    }
  }
  return best;
}
function badgeMismatch(entry, before) {
  const name = entry.badge ?? "";
  if (!BADGES.some((b) => b.name === name)) return `badge '${name}' is not in the catalogue`;
  const stats = before.get(entry.actor.id);
  if (name === "champion") {
    const scope = String(entry.inputs?.scope ?? "");
    const [repo, month] = scope.split(":");
    const best = champions(before.values(), month ?? "").get(repo ?? "");
    return best?.ids.includes(entry.actor.id) ? void 0 : `the record does not make this contributor the champion of ${scope}`;
  }
  if (!stats || !earned(stats).some((e) => e.badge === name)) return `the record before it does not earn badge '${name}'`;
  if (stats.badges.has(name)) return `badge '${name}' was already awarded`;
  return void 0;
}

// src/cli/commands/verify.ts
async function recomputeAll(dir) {
  const rules = folderRules(dir);
  const problems = [];
  const record = /* @__PURE__ */ new Map();
  for await (const entry of readEntries(dir)) {
    const wrong = entry.kind === "badge" ? badgeMismatch(entry, record) : mismatch(entry, rules);
    if (wrong) problems.push({ seq: entry.seq, text: `seq ${entry.seq} (${entry.id}): ${wrong}` });
    foldEntries([entry], record);
  }
  const first = problems[0];
  if (first) {
    const shown = problems.slice(0, 20).map((p) => `  ${p.text}`);
    const more = problems.length > 20 ? [`  \u2026 and ${problems.length - 20} more`] : [];
    throw new LedgerInvalidError(
      lineAt(first.seq),
      `${problems.length} entr${problems.length === 1 ? "y does" : "ies do"} not recompute:
${[...shown, ...more].join("\n")}`,
      first.seq
    );
  }
}
var verifyCommand = {
  summary: "verify a ledger: schema, canonical form, seq, chain, signatures, Merkle root, checkpoint, witnesses",
  usage: "<ledger-dir | remote> [--branch <name>] [--vkey <verifier-key>]\u2026 [--witness <checkpoint-file>]\u2026 [--fast] [--recompute] [--json]",
  options: {
    witness: { type: "string", multiple: true },
    vkey: { type: "string", multiple: true },
    fast: { type: "boolean" },
    recompute: { type: "boolean" },
    json: { type: "boolean" },
    branch: { type: "string" }
  },
  async run({ values, positionals }, io) {
    const [target, ...extra] = positionals;
    if (!target) throw new UsageError("the ledger folder is required");
    if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`);
    const witnesses = await Promise.all(
      (values.witness ?? []).map(async (path) => ({
        path,
        note: await readOptionFile("--witness", resolve10(io.cwd, path))
      }))
    );
    const level = values.fast ? "fast" : "full";
    const vkeys = values.vkey;
    const trusted = vkeys?.map(parseVerifierKey);
    const started = performance.now();
    try {
      const ledger = await withLedgerFolder(target, values.branch, io, async (dir) => {
        const verified = await verifyFolder(dir, { level, witnesses, ...trusted ? { trusted } : {} });
        if (values.recompute) await recomputeAll(dir);
        return verified;
      });
      const seconds = (performance.now() - started) / 1e3;
      const root = ledger.checkpoint.root.toString("base64");
      if (values.json) {
        io.stdout(
          `${JSON.stringify({ ok: true, level, origin: ledger.origin, size: ledger.size, root, witnesses: ledger.witnesses, seconds })}
`
        );
      } else {
        const checked = (level === "fast" ? "seq, chain, Merkle root and checkpoint" : "every entry, signature, the chain, Merkle root and checkpoint") + (values.recompute ? "; every award recomputed" : "");
        io.stdout(`ok: ${ledger.size} entries of ${ledger.origin}, root ${root}; ${checked} verified in ${seconds.toFixed(2)}s
`);
        for (const w of ledger.witnesses) io.stdout(`ok: extends the witness checkpoint ${w.path} (size ${w.size})
`);
      }
      return EXIT.ok;
    } catch (e) {
      if (!(e instanceof LedgerInvalidError) || !values.json) throw e;
      io.stdout(
        `${JSON.stringify({ ok: false, level, where: e.where, ...e.seq !== void 0 ? { seq: e.seq } : {}, reason: e.message.slice(e.where.length + 2) })}
`
      );
      return EXIT.invalid;
    }
  }
};

// src/cli/main.ts
var COMMANDS = {
  keygen: keygenCommand,
  append: appendCommand,
  verify: verifyCommand,
  prove: proveCommand,
  "check-proof": checkProofCommand,
  "check-config": checkConfigCommand,
  explain: explainCommand,
  simulate: simulateCommand,
  rescore: rescoreCommand,
  site: siteCommand
};
function help() {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  const rows = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return `usage: meritlog <command> [options]

commands:
${rows.join("\n")}

meritlog <command> --help shows a command's options.
exit codes: 0 ok, 1 invalid ledger or input, 2 usage or I/O error
`;
}
async function main(argv, io) {
  const [name, ...rest] = argv;
  if (name === void 0 || name === "--help" || name === "-h" || name === "help") {
    (name === void 0 ? io.stderr : io.stdout)(help());
    return name === void 0 ? EXIT.usage : EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`meritlog: unknown command '${name}'

${help()}`);
    return EXIT.usage;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout(`usage: meritlog ${name} ${command.usage}
`);
    return EXIT.ok;
  }
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: [...rest], options: command.options, allowPositionals: true, strict: true });
    } catch (e) {
      throw new UsageError(e.message);
    }
    return await command.run(parsed, io);
  } catch (e) {
    return report(name, command, e, io);
  }
}
function report(name, command, e, io) {
  if (e instanceof UsageError) {
    io.stderr(`meritlog ${name}: ${e.message}
usage: meritlog ${name} ${command.usage}
`);
    return EXIT.usage;
  }
  if (e instanceof LedgerIoError || e instanceof FileArgumentError || e instanceof KeyFormatError || e instanceof RemoteError || e instanceof ContentionError || e instanceof GitError) {
    io.stderr(`meritlog ${name}: ${e.message}
`);
    return EXIT.usage;
  }
  if (e instanceof LedgerInvalidError || e instanceof InvalidInputError || e instanceof ProofError || e instanceof RecomputeError) {
    io.stderr(`meritlog ${name}: ${e.message}
`);
    return EXIT.invalid;
  }
  const code = e?.code;
  if (typeof code === "string") {
    io.stderr(`meritlog ${name}: ${e.message}
`);
    return EXIT.usage;
  }
  throw e;
}

// src/cli/index.ts
process.exitCode = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  stdin: () => text(process.stdin)
});
//# sourceMappingURL=cli.js.map
