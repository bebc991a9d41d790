import {describe, expect, test} from "vitest";
import {buildMetric} from "../../data-loaders/metrics/compare.ts";
import {lateChanges} from "../../data-loaders/review/late-registrations.ts";
import {monthRange} from "../../src/lib/months.ts";

const spec = {id: "utbetalt", label: "Utbetalt ekonomiskt bistånd", unit: "kr" as const, definition: ""};

function metric(month: string, values: Record<string, number>) {
  const map = new Map(monthRange("2022-01", month).map((m) => [m, {value: values[m] ?? 100, system: "lifecare"}]));
  return buildMetric(spec, map, month, "2022-02");
}

describe("lateChanges", () => {
  test("lateChanges lists a month whose total grew in the later delivery", () => {
    const before = {utbetalt: metric("2023-10", {"2023-09": 1000, "2023-10": 500})};
    const after = {utbetalt: metric("2023-11", {"2023-09": 1250, "2023-10": 500, "2023-11": 900})};
    expect(lateChanges(before, after, "2023-11")).toEqual([
      {
        metric: "utbetalt",
        label: "Utbetalt ekonomiskt bistånd",
        unit: "kr",
        month: "2023-09",
        before: 1000,
        after: 1250,
        difference: 250,
        share: 0.25
      }
    ]);
  });

  test("lateChanges ignores the report month itself and unchanged months", () => {
    const before = {utbetalt: metric("2023-10", {})};
    const after = {utbetalt: metric("2023-11", {"2023-11": 5})};
    expect(lateChanges(before, after, "2023-11")).toEqual([]);
  });
});
