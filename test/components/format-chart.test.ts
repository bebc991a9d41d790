import {describe, expect, test} from "vitest";
import {formatDecimal, formatMillions, formatMonthAbbr, formatMonthRange} from "../../src/lib/format.ts";

const NBSP = "\u00a0";
const MINUS = "\u2212";

describe("chart formats", () => {
  test("formatMillions(value) gives kronor in millions for axes", () => {
    expect(formatMillions(22_000_000)).toBe(`22${NBSP}mnkr`);
    expect(formatMillions(22_632_677, 1)).toBe(`22,6${NBSP}mnkr`);
    expect(formatMillions(1_500_000_000)).toBe(`1${NBSP}500${NBSP}mnkr`);
    expect(formatMillions(null)).toBe("uppgift saknas");
  });

  test("formatDecimal(value, decimals) uses a decimal comma and the real minus sign", () => {
    expect(formatDecimal(10.75, 1)).toBe("10,8");
    expect(formatDecimal(-0.5, 2)).toBe(`${MINUS}0,50`);
    expect(formatDecimal(1234.5, 0)).toBe(`1${NBSP}235`);
  });

  test("formatMonthAbbr(month) gives short lower-case month names", () => {
    expect(formatMonthAbbr("2022-10")).toBe("okt 2022");
    expect(formatMonthAbbr(5)).toBe("maj");
    expect(() => formatMonthAbbr(13)).toThrow(/månadsnummer/);
  });

  test("formatMonthRange(first, last) writes the year once within a year", () => {
    expect(formatMonthRange("2022-11", "2022-12")).toBe("nov–dec 2022");
    expect(formatMonthRange("2022-11", "2023-02")).toBe("nov 2022–feb 2023");
    expect(formatMonthRange("2022-11", "2022-11")).toBe("nov 2022");
  });
});
