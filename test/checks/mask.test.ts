// Messages never echo a record value: examples are shown as codes or as their shape, DuckDB's own text is masked.
import {describe, expect, test} from "vitest";
import {maskDuckDbText, maskedExample, safeErrorMessage} from "../../data-loaders/checks/mask.ts";

describe("maskedExample(value)", () => {
  test("maskedExample(value) shows a code as it is and writes out invisible characters", () => {
    expect(maskedExample("praktikplats")).toBe("praktikplats");
    expect(maskedExample("JC ")).toBe("JC ");
    expect(maskedExample("\uFEFFalf")).toBe("\\uFEFFalf");
  });

  test("maskedExample(value) shows a key or personnummer only as its shape", () => {
    expect(maskedExample("19850410-1010")).toBe("########-####");
    expect(maskedExample("P7K2QX9M")).toBe("x#x#xx#x");
    expect(maskedExample("a".repeat(40))).toBe(`${"x".repeat(24)}…`);
  });
});

describe("maskDuckDbText(text)", () => {
  test("maskDuckDbText(text) keeps DuckDB's first line with the file name and no quoted value", () => {
    expect(
      maskDuckDbText(
        'Invalid Input Error: Invalid string encoding found in Parquet file "/srv/leveranser/2023-12-05/lifecare_eb_medlem.parquet": value "19850410-1010\\xE4" is not valid UTF8!\n\nLINE 1: select …'
      )
    ).toBe(
      'Invalid Input Error: Invalid string encoding found in Parquet file "lifecare_eb_medlem.parquet": value "…" is not valid UTF8!'
    );
    expect(maskDuckDbText("Conversion Error: Could not convert string '198504101010' to INT32")).toBe(
      "Conversion Error: Could not convert string '…' to INT32"
    );
    expect(maskDuckDbText("Invalid Input Error: row 198504101010 failed")).toBe(
      "Invalid Input Error: row ############ failed"
    );
  });

  test("safeErrorMessage(error) masks DuckDB's errors and keeps our own Swedish messages", () => {
    expect(safeErrorMessage(new Error("Conversion Error: Could not convert string '19850410-1010' to DATE"))).toBe(
      "Conversion Error: Could not convert string '…' to DATE"
    );
    expect(safeErrorMessage(new Error("leverans 2023-12-05: x.parquet saknas"))).toBe(
      "leverans 2023-12-05: x.parquet saknas"
    );
  });
});
