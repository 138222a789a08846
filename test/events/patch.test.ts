import { describe, expect, it } from "vitest";
import { isWhitespaceOnlyPatch } from "../../src/events/patch.ts";

describe("isWhitespaceOnlyPatch", () => {
  it("re-indentation and trailing spaces are white space only", () => {
    expect(isWhitespaceOnlyPatch("@@ -1,2 +1,2 @@\n-if (a) {\n-  b();\n+if (a) {\n+    b();   \n")).toBe(true);
  });
  it("the same words wrapped over other lines are white space only", () => {
    expect(isWhitespaceOnlyPatch("@@ -1 +1,2 @@\n-const x = f(a, b);\n+const x = f(a,\n+  b);\n")).toBe(true);
  });
  it("any other change is not", () => {
    expect(isWhitespaceOnlyPatch("@@ -1 +1 @@\n-const x = 1;\n+const x = 2;\n")).toBe(false);
    expect(isWhitespaceOnlyPatch("@@ -0,0 +1 @@\n+new line\n")).toBe(false);
  });
  it("a patch with no changed line is not (a rename or a mode change)", () => {
    expect(isWhitespaceOnlyPatch("")).toBe(false);
    expect(isWhitespaceOnlyPatch("@@ -1 +1 @@\n context\n")).toBe(false);
  });
  it("the no-newline marker is not content", () => {
    expect(isWhitespaceOnlyPatch("@@ -1 +1 @@\n-a\n\\ No newline at end of file\n+a\n")).toBe(true);
  });
});
