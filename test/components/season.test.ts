// season(metric): the month-over-month change against the same change in earlier years of the window, over small
// hand-made series so that every sentence below can be checked by hand.
import {describe, expect, test} from "vitest";
import {season} from "../../src/components/prose.ts";
import type {BreakMark, MetricResult} from "../../src/lib/metric-types.ts";
import {monthRange} from "../../src/lib/months.ts";

const NBSP = "\u00a0";

const comparison = {month: "2023-01", value: null, change: null, changeShare: null, comparable: false, reason: null};

/** A metric for `month` whose series is `values` (by month; other months of the window are 1000). */
function seriesMetric(
  month: string,
  values: Record<string, number | null>,
  {
    unit = "hushåll",
    breaks = [],
    first = "2020-02"
  }: {unit?: MetricResult["unit"]; breaks?: BreakMark[]; first?: string} = {}
): MetricResult {
  const series = monthRange(first, month).map((m) => ({
    month: m,
    value: m in values ? values[m] : 1000,
    system: m < "2022-10" ? "treserva" : "lifecare"
  }));
  return {
    id: "utbetalningshushall",
    label: "Utbetalningshushåll",
    unit,
    definition: "",
    month,
    value: series.at(-1)!.value,
    missingReason: null,
    previousMonth: comparison,
    previousYear: comparison,
    series,
    breaks
  };
}

const lifecare = (kind: BreakMark["kind"]): BreakMark => ({
  id: "eb_lifecare",
  month: "2022-10",
  until: "2022-10",
  kind,
  label: "Byte till Lifecare",
  reason: "Byte av verksamhetssystem i oktober 2022."
});

describe("season(metric)", () => {
  test("every year lower than the month before, and this year's decrease the largest", () => {
    // February against January: −2 % in 2021, −1,5 % in 2022, −3,2 % in 2023.
    const metric = seriesMetric("2023-02", {
      "2021-01": 1000,
      "2021-02": 980,
      "2022-01": 2000,
      "2022-02": 1970,
      "2023-01": 1000,
      "2023-02": 968
    });
    expect(season(metric)).toBe(
      `Februari har varit lägre än januari alla tre åren (2021, 2022 och 2023), och minskningen i år är större än tidigare år (3,2${NBSP}% mot 2,0${NBSP}% 2021 och 1,5${NBSP}% 2022).`
    );
  });

  test("a smaller increase than before, and one in between", () => {
    const values = {"2021-10": 100, "2021-11": 110, "2022-10": 200, "2022-11": 230, "2023-10": 100, "2023-11": 105};
    expect(season(seriesMetric("2023-11", values, {first: "2021-02"}))).toBe(
      `November har varit högre än oktober alla tre åren (2021, 2022 och 2023), och ökningen i år är mindre än tidigare år (5,0${NBSP}% mot 10,0${NBSP}% 2021 och 15,0${NBSP}% 2022).`
    );
    expect(season(seriesMetric("2023-11", {...values, "2023-11": 112}, {first: "2021-02"}))).toMatch(
      /ökningen i år är i nivå med tidigare år \(12,0\u00a0% mot/
    );
  });

  test("this year breaking the earlier pattern is said so", () => {
    const metric = seriesMetric("2023-02", {
      "2021-01": 1000,
      "2021-02": 980,
      "2022-01": 1000,
      "2022-02": 950,
      "2023-01": 1000,
      "2023-02": 1040
    });
    expect(season(metric)).toBe(
      "Februari har varit lägre än januari båda tidigare åren (2021 och 2022), men i år är februari högre."
    );
    const flat = seriesMetric("2023-02", {
      "2021-01": 10,
      "2021-02": 9,
      "2022-01": 10,
      "2022-02": 9,
      "2023-01": 10,
      "2023-02": 10.2
    });
    expect(season(flat)).toBe(
      "Februari har varit lägre än januari båda tidigare åren (2021 och 2022), men i år är värdet oförändrat."
    );
  });

  test("one earlier year against this year", () => {
    const metric = seriesMetric(
      "2023-02",
      {"2022-01": 1000, "2022-02": 950, "2023-01": 1000, "2023-02": 1040},
      {first: "2022-01"}
    );
    expect(season(metric)).toBe("Februari var lägre än januari år 2022, men i år är februari högre.");
  });

  test("no pattern: earlier years that disagree give nothing to say", () => {
    const metric = seriesMetric("2023-02", {
      "2021-01": 1000,
      "2021-02": 1100,
      "2022-01": 1000,
      "2022-02": 900,
      "2023-01": 1000,
      "2023-02": 900
    });
    expect(season(metric)).toBe("");
    // Earlier years unchanged (every month 1000 in 2020–2022) are no direction either.
    expect(season(seriesMetric("2023-02", {"2023-02": 900}))).toBe("");
  });

  test("a share compares in procentenheter", () => {
    const metric = seriesMetric(
      "2023-03",
      {"2022-02": 0.1, "2022-03": 0.12, "2023-02": 0.1, "2023-03": 0.146},
      {unit: "andel", first: "2022-02"}
    );
    expect(season(metric)).toBe(
      "Mars var högre än februari både 2022 och 2023, och ökningen i år är större än 2022 (4,6 procentenheter mot 2,0 procentenheter 2022)."
    );
  });

  test("across a non-comparable break: only years after the switch count, so one year is left", () => {
    // Treserva years fall every November, Lifecare rises: the Treserva years are no pattern for Lifecare.
    const values = {
      "2020-10": 3000,
      "2020-11": 2900,
      "2021-10": 3000,
      "2021-11": 2900,
      "2022-10": 2000,
      "2022-11": 2100,
      "2023-10": 2000,
      "2023-11": 2050
    };
    const metric = seriesMetric("2023-11", values, {breaks: [lifecare("ej_jamforbar")], first: "2020-02"});
    expect(season(metric)).toBe(
      `November var högre än oktober både 2022 och 2023, och ökningen i år är mindre än 2022 (2,5${NBSP}% mot 5,0${NBSP}% 2022).`
    );
    // Without the break the Treserva years would contradict it.
    expect(season({...metric, breaks: []})).toBe("");
  });

  test("a change across the system switch is not a pattern, even where the switch is only noted", () => {
    // October against September: 2022's change crosses the switch and counts for no year.
    const values = {"2021-09": 100, "2021-10": 90, "2022-09": 100, "2022-10": 150, "2023-09": 100, "2023-10": 80};
    const metric = seriesMetric("2023-10", values, {breaks: [lifecare("notering")], first: "2021-02"});
    expect(season(metric)).toBe(
      `Oktober var lägre än september både 2021 och 2023, och minskningen i år är större än 2021 (20,0${NBSP}% mot 10,0${NBSP}% 2021).`
    );
    // The report month's own change across a switch: nothing to say.
    const atSwitch = seriesMetric("2022-10", values, {breaks: [lifecare("notering")], first: "2020-02"});
    expect(season(atSwitch)).toBe("");
  });

  test("a gap leaves its year out", () => {
    const values = {"2021-01": 1000, "2021-02": null, "2022-01": 1000, "2022-02": 900, "2023-01": 1000, "2023-02": 950};
    expect(season(seriesMetric("2023-02", values))).toMatch(/^Februari var lägre än januari både 2022 och 2023,/);
  });

  test("season refuses a missing metric or a second argument", () => {
    expect(() => season(undefined as unknown as MetricResult)).toThrow(/^season\(\) fick inget mått/);
    const metric = seriesMetric("2023-02", {});
    expect(() => (season as (...args: unknown[]) => string)(metric, "year")).toThrow(
      'season(): tar bara ett argument, måttet, till exempel season(m.utbetalt). Fick också "year".'
    );
  });
});
