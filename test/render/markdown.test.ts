/**
 * Contributor-controlled text made inert for GitHub-flavoured Markdown, and millipoints as points.
 * Expected values come from the CommonMark rules for backslash escapes and entity references
 * (a small decoder below), not from the escaping code under test.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { md, points, profileLink } from "../../src/render/markdown.ts";

/** CommonMark's ASCII punctuation: any of these may be backslash-escaped. */
const PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
/** Characters that start Markdown or HTML markup, autolinks, tables or strike-through. */
const SPECIALS = "\\`*_{}[]()#+-.!|~<>&\"'";
const ENTITIES: Readonly<Record<string, string>> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#39;": "'",
  "&#8203;": "\u200b",
};

/**
 * What a CommonMark renderer shows for inline text without markup: backslash escapes of ASCII
 * punctuation and (these few) entity references decoded, left to right in one pass.
 */
function shown(text: string): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === "\\" && i + 1 < text.length && PUNCTUATION.includes(text[i + 1] as string)) {
      out += text[i + 1];
      i += 2;
      continue;
    }
    const entity = Object.keys(ENTITIES).find((e) => text.startsWith(e, i));
    if (entity) {
      out += ENTITIES[entity];
      i += entity.length;
      continue;
    }
    out += c;
    i += 1;
  }
  return out;
}

/** The specials of `text` that are neither backslash-escaped nor part of an entity reference. */
function unescapedSpecials(text: string): string[] {
  const found: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === "\\" && SPECIALS.includes(text[i + 1] ?? "")) {
      i += 2;
      continue;
    }
    const entity = Object.keys(ENTITIES).find((e) => text.startsWith(e, i));
    if (entity) {
      i += entity.length;
      continue;
    }
    if (SPECIALS.includes(c)) found.push(c);
    i += 1;
  }
  return found;
}

/** Text as the contributor wrote it, mentions broken and line breaks made spaces: what `md` must show. */
function intended(text: string): string {
  return text.replace(/@/g, "@\u200b").replace(/\r\n|\n|\r/g, " ");
}

const textArb = fc.oneof(
  fc.string({ unit: "binary" }),
  fc.string({ unit: fc.constantFrom(...SPECIALS, "@", "a", "1", " ", "\n", "\r", "&", "#", ";", "/") }),
);

describe("md", () => {
  it("property: no raw '<' or '>', no line break, no '@' followed by a word character", () => {
    fc.assert(
      fc.property(textArb, (s) => {
        const out = md(s);
        expect(out).not.toMatch(/[<>\n\r]/);
        expect(out).not.toMatch(/@\w/);
      }),
      { numRuns: 300 },
    );
  });

  it("property: every Markdown or HTML special is backslash-escaped or part of an entity reference", () => {
    fc.assert(
      fc.property(textArb, (s) => {
        expect(unescapedSpecials(md(s))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("property: a renderer shows the text as written (mentions broken, line breaks as spaces)", () => {
    fc.assert(
      fc.property(textArb, (s) => {
        expect(shown(md(s))).toBe(intended(s));
      }),
      { numRuns: 300 },
    );
  });

  it("an HTML payload in a pull request title comes out inert", () => {
    const out = md("<img src=x onerror=alert(1)>");
    expect(out).not.toContain("<");
    expect(out).not.toContain(">");
    expect(out).toBe("&lt;img src=x onerror=alert\\(1\\)&gt;");
  });

  it("links, images, emphasis, code, headings and table pipes are escaped", () => {
    expect(md("[click](https://evil.example)")).toBe("\\[click\\]\\(https://evil\\.example\\)");
    expect(md("![x](y)")).toBe("\\!\\[x\\]\\(y\\)");
    expect(md("**bold** _em_ `code` ~~del~~")).toBe("\\*\\*bold\\*\\* \\_em\\_ \\`code\\` \\~\\~del\\~\\~");
    expect(md("# title")).toBe("\\# title");
    expect(md("a | b")).toBe("a \\| b");
    expect(md("back\\slash")).toBe("back\\\\slash");
  });

  it("mentions do not notify: '@' gets a zero-width space after it", () => {
    expect(md("@alice")).toBe("@&#8203;alice");
    expect(md("thanks @octo-org/team!")).toBe("thanks @&#8203;octo\\-org/team\\!");
    expect(md("a@b")).toBe("a@&#8203;b");
  });

  it("line breaks of every kind become spaces", () => {
    expect(md("one\ntwo\r\nthree\rfour")).toBe("one two three four");
    expect(md("| row |\n| --- |")).toBe("\\| row \\| \\| \\-\\-\\- \\|");
  });

  it("an apostrophe is shown as an apostrophe, not as the text '&#39;'", () => {
    // The HTML pass turns ' into &#39;, and the Markdown pass then escapes that entity's '#'.
    expect(shown(md("it's"))).toBe("it's");
  });

  it("a literal entity in the text stays literal", () => {
    expect(shown(md("&lt;b&gt; and &#8203;"))).toBe("&lt;b&gt; and &#8203;");
  });
});

describe("profileLink", () => {
  it("links to the site's contributor page without a mention", () => {
    expect(profileLink("alice", "https://example.github.io/site/")).toBe("[alice](https://example.github.io/site/u/alice/)");
    expect(profileLink("dependabot[bot]", "https://x.example/")).toBe("[dependabot\\[bot\\]](https://x.example/u/dependabot%5Bbot%5D/)");
    expect(profileLink("my-name", "https://x.example/")).toBe("[my\\-name](https://x.example/u/my-name/)");
  });
  it("without a site, the escaped login alone", () => {
    expect(profileLink("alice", undefined)).toBe("alice");
    expect(profileLink("my_name", undefined)).toBe("my\\_name");
    expect(profileLink("x", "")).toBe("x");
  });
});

describe("points", () => {
  it("formats millipoints with as many decimals as they need", () => {
    expect(points(12500)).toBe("12.5");
    expect(points(8000)).toBe("8");
    expect(points(-1500)).toBe("−1.5");
    expect(points(1)).toBe("0.001");
    expect(points(0)).toBe("0");
    expect(points(-1)).toBe("−0.001");
    expect(points(1010)).toBe("1.01");
    expect(points(123456789)).toBe("123456.789");
    expect(points(-2000000)).toBe("−2000");
  });

  it("property: the text reads back as the millipoints, with a minus sign (U+2212) for negatives", () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 15), max: 10 ** 15 }), (m) => {
        const text = points(m);
        expect(text).toMatch(/^−?(0|[1-9]\d*)(\.\d{0,2}[1-9])?$/);
        expect(text.startsWith("−")).toBe(m < 0);
        const value = text.replace("−", "-");
        const [whole = "", frac = ""] = value.replace("-", "").split(".");
        const abs = BigInt(whole) * 1000n + BigInt(frac.padEnd(3, "0") || "0");
        expect(value.startsWith("-") ? -abs : abs).toBe(BigInt(m));
      }),
    );
  });
});
