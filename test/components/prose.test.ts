import {describe, expect, test} from "vitest";
import {change, direction, previous, value} from "../../src/components/prose.ts";
import {ateraktualiserade, hushallInsats, utbetalt} from "./fixtures.ts";

describe("prose helpers", () => {
  test("value(metric) formats the report month's value by unit", () => {
    expect(value(utbetalt)).toBe("22\u00a0632\u00a0677\u00a0kr");
    expect(value(ateraktualiserade)).toMatch(/^\d+,\d\u00a0%$/);
  });

  test("previous(metric, 'year') gives the same month last year", () => {
    expect(previous(utbetalt, "year")).toBe("22\u00a0448\u00a0660\u00a0kr");
  });

  test("change(metric, 'year') words the change, and a comparison across the switch says so", () => {
    expect(change(utbetalt, "year")).toBe("ökade med 0,8\u00a0% jämfört med november 2022");
    expect(change(utbetalt, "year", {mode: "absolute"})).toBe(
      "ökade med 184\u00a0017\u00a0kr jämfört med november 2022"
    );
    expect(change(hushallInsats, "year")).toBe("går inte att jämföra med november 2022 (byte av verksamhetssystem)");
    expect(direction(hushallInsats, "year")).toBe("ej jämförbart");
  });

  test("the helpers refuse an unknown comparison instead of using the year", () => {
    expect(() => change(utbetalt, "månad" as "month")).toThrow(
      'change(): okänd jämförelse "månad". Skriv "month" (mot föregående månad) eller "year" (mot samma månad föregående år).'
    );
    expect(() => change(utbetalt, "yaer" as "year")).toThrow(/okänd jämförelse "yaer"/);
    expect(() => previous(utbetalt, undefined as unknown as "month")).toThrow(/^previous\(\): okänd jämförelse/);
    expect(() => direction(utbetalt, "år" as "year")).toThrow(/^direction\(\): okänd jämförelse "år"/);
  });

  test("change(metric, against, options) refuses an unknown mode or option instead of ignoring it", () => {
    expect(() => change(utbetalt, "month", {mode: "absolut" as "absolute"})).toThrow(
      'change(): okänt läge "absolut". Skriv mode: "percent" (procent), "absolute" (antal) eller "both" (båda).'
    );
    expect(() => change(utbetalt, "month", {mod: "absolute"} as object)).toThrow(/okänt alternativ "mod"/);
    expect(() => change(utbetalt, "month", {unit: "kronor" as "kr"})).toThrow(/okänd enhet "kronor"/);
  });

  test("the helpers refuse a missing metric", () => {
    const missing = undefined as unknown as typeof utbetalt;
    expect(() => value(missing)).toThrow(
      "value() fick inget mått utan undefined. Skriv till exempel eb.metrics.utbetalt."
    );
    expect(() => change(missing, "month")).toThrow(/^change\(\) fick inget mått/);
    expect(() => previous(missing, "month")).toThrow(/^previous\(\) fick inget mått/);
    expect(() => direction(missing, "month")).toThrow(/^direction\(\) fick inget mått/);
  });
});
