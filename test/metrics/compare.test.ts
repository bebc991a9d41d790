import {describe, expect, test} from "vitest";
import {buildMetric, compareMonths, type MonthlyValues} from "../../data-loaders/metrics/compare.ts";
import {marksInWindow} from "../../data-loaders/metrics/series-breaks.ts";
import {monthRange} from "../../src/lib/months.ts";

function values(first: string, last: string, f: (month: string) => number): MonthlyValues {
  return new Map(
    monthRange(first, last).map((m) => [m, {value: f(m), system: m < "2022-10" ? "treserva" : "lifecare"}])
  );
}

describe("compareMonths", () => {
  test("compareMonths gives change and share against last year", () => {
    const v = values("2022-01", "2023-12", (m) => (m === "2023-11" ? 22632677 : m === "2022-11" ? 22448660 : 1));
    expect(compareMonths("utbetalt", v, "2023-11", "2022-11")).toEqual({
      month: "2022-11",
      value: 22448660,
      change: 184017,
      changeShare: 184017 / 22448660,
      comparable: true,
      reason: null
    });
  });

  test("compareMonths flags a comparison across the 2022-10 break as not comparable", () => {
    const v = values("2021-01", "2023-12", () => 2000);
    const c = compareMonths("hushall_insats", v, "2023-08", "2022-08");
    expect(c.comparable).toBe(false);
    expect(c.change).toBeNull();
    expect(c.value).toBe(2000);
    expect(c.reason).toMatch(/Treserva till Lifecare/);
  });

  test("compareMonths keeps a noted break comparable but carries its reason", () => {
    const v = values("2021-01", "2023-12", (m) => (m === "2023-08" ? 23887841 : 24615318));
    const c = compareMonths("utbetalt", v, "2023-08", "2022-08");
    expect(c).toMatchObject({comparable: true, change: 23887841 - 24615318});
    expect(c.reason).toMatch(/oktober 2022/);
  });

  test("compareMonths treats a gap month as missing, never as 0", () => {
    const v = values("2021-01", "2023-12", () => 300);
    const c = compareMonths("integration", v, "2023-11", "2022-11");
    expect(c).toMatchObject({value: null, change: null, comparable: false});
    expect(c.reason).toMatch(/integrationsenheten registrerades inte/);
  });
});

describe("buildMetric", () => {
  const spec = {id: "integration", label: "Hushåll vid integrationsenheten", unit: "hushåll" as const, definition: "…"};

  test("buildMetric nulls gap months in the series and marks them", () => {
    const v = values("2021-01", "2023-12", () => 320);
    const result = buildMetric(spec, v, "2023-02", "2021-02");
    expect(result.series).toHaveLength(25);
    expect(result.series.filter((p) => p.value === null).map((p) => p.month)).toEqual(["2022-11", "2022-12"]);
    expect(result.breaks.map((b) => [b.id, b.kind, b.month, b.until])).toEqual([
      ["eb_lifecare", "notering", "2022-10", "2022-10"],
      ["integration_migrering", "saknas", "2022-11", "2022-12"]
    ]);
  });

  test("buildMetric reports the month as missing with its reason in a gap", () => {
    const result = buildMetric(
      spec,
      values("2021-01", "2023-12", () => 5),
      "2022-11",
      "2020-02"
    );
    expect(result.value).toBeNull();
    expect(result.missingReason).toMatch(/November och december 2022 saknas/);
  });
});

describe("marksInWindow", () => {
  test("marksInWindow clips an open-ended gap to the window", () => {
    expect(marksInWindow("aktuella_hushall", "2021-02", "2023-11")).toEqual([
      expect.objectContaining({id: "aktuella_hushall_upphor", month: "2023-01", until: "2023-11", kind: "saknas"})
    ]);
  });

  test("marksInWindow leaves out breaks outside the window", () => {
    expect(marksInWindow("hushall_insats", "2023-02", "2023-11")).toEqual([]);
  });
});
