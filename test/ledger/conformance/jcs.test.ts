/**
 * RFC 8785 (JCS) against the reference implementation's published test data
 * (cyberphone/json-canonicalization testdata).
 */
import { describe, expect, test } from "vitest";
import { canonicalize, parseStrict } from "../../../src/ledger/json.ts";
import { vectorBytes, vectorFiles, vectorText } from "./helpers.ts";

const DIR = "jcs-cyberphone/testdata";
const NAMES = ["arrays", "french", "structures", "unicode", "values", "weird"];

describe("RFC 8785 canonicalization (cyberphone test data)", () => {
  test("the fixture holds exactly the six published inputs", () => {
    expect(vectorFiles(`${DIR}/input`)).toEqual(NAMES.map((n) => `${DIR}/input/${n}.json`));
  });

  describe.each(NAMES)("%s", (name) => {
    const input = vectorText(`${DIR}/input/${name}.json`);
    const expected = vectorBytes(`${DIR}/output/${name}.json`);

    test("the published output and its hex transcription are the same bytes", () => {
      const hex = vectorText(`${DIR}/outhex/${name}.txt`).trim().split(/\s+/).join("");
      expect(Buffer.from(hex, "hex")).toEqual(expected);
    });

    test("canonicalize(JSON.parse(input)) is the published output, byte for byte", () => {
      expect(Buffer.from(canonicalize(JSON.parse(input)), "utf8")).toEqual(expected);
    });

    test("the published output is a fixed point: canonicalizing it again changes nothing", () => {
      expect(Buffer.from(canonicalize(JSON.parse(expected.toString("utf8"))), "utf8")).toEqual(expected);
    });

    // None of the inputs holds what I-JSON forbids (duplicate names, unsafe integers, lone
    // surrogates), so the strict parser must agree with JSON.parse on every one of them.
    test("parseStrict accepts the input and reads the same value as JSON.parse", () => {
      const value = parseStrict(input);
      expect(value).toEqual(JSON.parse(input));
      expect(Buffer.from(canonicalize(value), "utf8")).toEqual(expected);
    });
  });
});
