import {describe, expect, test} from "vitest";
import {assertAggregateOutput, findPersonnummerInText, findPrivacyViolations} from "../../data-loaders/privacy.ts";

describe("findPrivacyViolations", () => {
  test("findPrivacyViolations accepts plain aggregates", () => {
    const output = {month: "2023-11", utbetalt: 22632677, series: [{month: "2023-10", value: 2150, share: 0.107}]};
    expect(findPrivacyViolations(output)).toEqual([]);
  });

  test("findPrivacyViolations flags identifier columns", () => {
    const violations = findPrivacyViolations({rows: [{hushall_id: "x", belopp: 100}]});
    expect(violations).toEqual([
      {
        rule: "nyckel",
        path: "$.rows[0].hushall_id",
        detail: 'fältet "hushall_id" är en nyckel på individ- eller hushållsnivå'
      }
    ]);
  });

  test("findPrivacyViolations flags every value the contract would accept as a pseudonym, without repeating it", () => {
    const found = findPrivacyViolations({top: ["P7K2QX9M"], letters: "HABCDEFG"});
    expect(found.map((v) => [v.path, v.rule])).toEqual([
      ["$.top[0]", "pseudonym"],
      ["$.letters", "pseudonym"]
    ]);
    expect(found.map((v) => v.detail).join(" ")).not.toMatch(/P7K2QX9M|HABCDEFG/);
  });

  test("findPrivacyViolations lets the project's own words of eight letters pass: they are never all upper case", () => {
    expect(findPrivacyViolations({system: "lifecare", id: "utbetalt", unit: "insatser", outcome: "Beviljad"})).toEqual(
      []
    );
  });

  test("findPrivacyViolations flags personnummer in strings and numbers", () => {
    expect(findPrivacyViolations({a: "850412-1234"}).map((v) => v.rule)).toEqual(["personnummer"]);
    expect(findPrivacyViolations({a: 198504121234}).map((v) => v.rule)).toEqual(["personnummer"]);
    // Samordningsnummer: day + 60.
    expect(findPrivacyViolations({a: "850472-1234"}).map((v) => v.rule)).toEqual(["personnummer"]);
  });

  test("findPrivacyViolations lets a ten-digit amount pass and catches a ten-digit number by its key", () => {
    // A month's payments at national scale: 1 001 727 360 kr would read as 100172-7360.
    expect(findPrivacyViolations({utbetalt: 1001727360, series: [{value: 1001727360.47}]})).toEqual([]);
    expect(findPrivacyViolations({pnr: 8504121234}).map((v) => [v.rule, v.path])).toEqual([["nyckel", "$.pnr"]]);
    expect(findPrivacyViolations([{personnummer: "x"}]).map((v) => v.rule)).toEqual(["nyckel"]);
  });
});

describe("findPersonnummerInText", () => {
  test("findPersonnummerInText ignores large constants that are not dates", () => {
    expect(findPersonnummerInText("const max = 2147483647; const n = 4294967295;")).toEqual([]);
    expect(findPersonnummerInText("belopp 22632677 kr, datum 2023-11-30")).toEqual([]);
  });

  test("findPersonnummerInText finds every form once", () => {
    expect(findPersonnummerInText("a 19850412-1234 b 850412+1234 c 198504121234 d 19850412-1234")).toEqual([
      "19850412-1234",
      "850412+1234",
      "198504121234"
    ]);
  });
});

describe("assertAggregateOutput", () => {
  test("assertAggregateOutput throws a Swedish message naming the source and path", () => {
    expect(() => assertAggregateOutput([{person_id: "A1B2C3D4"}], "ekonomiskt-bistand.json")).toThrow(
      /Integritetsskydd: ekonomiskt-bistand.json innehåller uppgifter på individnivå.*\n {2}\$\[0\]\.person_id/
    );
  });
});
