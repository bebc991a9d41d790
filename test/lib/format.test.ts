import {describe, expect, test} from "vitest";
import {parseMonth} from "../../src/lib/months.ts";
import {
  describeChange,
  formatDate,
  formatInteger,
  formatKronor,
  formatMonth,
  formatMonthShort,
  formatPercent,
  formatSignedInteger,
  formatSignedPercent
} from "../../src/lib/format.ts";

// Spelled with escapes so that the assertions pin the exact characters.
const NBSP = "\u00a0";
const MINUS = "\u2212";

describe("sv-SE number formats", () => {
  test("formatInteger groups thousands with a no-break space", () => {
    expect(formatInteger(22632677)).toBe(`22${NBSP}632${NBSP}677`);
    expect(formatInteger(2122)).toBe(`2${NBSP}122`);
    expect(formatInteger(404)).toBe("404");
    expect(formatInteger(-1234.4)).toBe(`${MINUS}1${NBSP}234`);
  });

  test("formatInteger says uppgift saknas for null and NaN", () => {
    expect(formatInteger(null)).toBe("uppgift saknas");
    expect(formatInteger(undefined)).toBe("uppgift saknas");
    expect(formatInteger(NaN)).toBe("uppgift saknas");
  });

  test("formatKronor appends kr after a no-break space", () => {
    expect(formatKronor(22632677)).toBe(`22${NBSP}632${NBSP}677${NBSP}kr`);
    expect(formatKronor(-500)).toBe(`${MINUS}500${NBSP}kr`);
  });

  test("formatPercent uses a decimal comma and a space before %", () => {
    expect(formatPercent(0.107)).toBe(`10,7${NBSP}%`);
    expect(formatPercent(0.0349)).toBe(`3,5${NBSP}%`);
    expect(formatPercent(1)).toBe(`100,0${NBSP}%`);
  });

  test("signed formats use U+2212 for minus and + for plus", () => {
    expect(formatSignedInteger(-107)).toBe(`${MINUS}107`);
    expect(formatSignedInteger(1500)).toBe(`+1${NBSP}500`);
    expect(formatSignedInteger(0)).toBe("±0");
    expect(formatSignedPercent(-0.035)).toBe(`${MINUS}3,5${NBSP}%`);
    expect(formatSignedPercent(0.035)).toBe(`+3,5${NBSP}%`);
  });
});

describe("sv-SE month and date formats", () => {
  test("formatMonth writes the month name in lower case", () => {
    expect(formatMonth("2023-11")).toBe("november 2023");
    expect(formatMonth("2023-02")).toBe("februari 2023");
    expect(formatMonthShort("2020-01")).toBe("jan-20");
  });

  test("parseMonth rejects malformed months with a Swedish message", () => {
    expect(() => parseMonth("2023-13")).toThrow(/Ogiltig månad "2023-13"/);
    expect(() => parseMonth("nov 2023")).toThrow(/ÅÅÅÅ-MM/);
  });

  test("formatDate is independent of the time zone", () => {
    expect(formatDate("2023-08-31")).toBe("31 augusti 2023");
  });
});

describe("describeChange", () => {
  test("describeChange words an increase in per cent against a month", () => {
    expect(describeChange({current: 103.5, previous: 100, comparedTo: "2022-11"})).toBe(
      `ökade med 3,5${NBSP}% jämfört med november 2022`
    );
  });

  test("describeChange words a decrease in absolute numbers with a unit", () => {
    expect(describeChange({current: 2122, previous: 2229, mode: "absolute", unit: "hushåll"})).toBe(
      "minskade med 107 hushåll"
    );
  });

  test("describeChange gives both forms and kronor", () => {
    expect(describeChange({current: 22632677, previous: 22448660, mode: "both", unit: "kr"})).toBe(
      `ökade med 184${NBSP}017${NBSP}kr (0,8${NBSP}%)`
    );
  });

  test("describeChange says oförändrat when nothing moved", () => {
    expect(describeChange({current: 710, previous: 710})).toBe("är oförändrat");
  });

  test("describeChange refuses to compare across a series break", () => {
    expect(
      describeChange({
        current: 320,
        previous: 404,
        comparedTo: "2022-08",
        comparable: false,
        reason: "byte av verksamhetssystem"
      })
    ).toBe("går inte att jämföra med augusti 2022 (byte av verksamhetssystem)");
  });

  test("describeChange handles a missing comparison value", () => {
    expect(describeChange({current: 320, previous: null})).toBe("saknar jämförelsevärde");
  });
});
