import {describe, expect, test} from "vitest";
import {assertBreakdown, assertMetric, strictRecord, unknownNameMessage} from "../../src/lib/strict.ts";

const METRICS = ["utbetalt", "utbetalningshushall", "hushall_insats", "langvariga", "barn_langvariga", "am_inskrivna"];

describe("strictRecord(record) and unknownNameMessage(name, known)", () => {
  test("unknownNameMessage names the closest metric id", () => {
    expect(unknownNameMessage("utbetalningshushal", METRICS)).toBe(
      "Okänt mått 'utbetalningshushal' – menar du 'utbetalningshushall'?"
    );
    expect(unknownNameMessage("langvarig", METRICS)).toMatch(/^Okänt mått 'langvarig' – menar du 'langvariga'/);
  });

  test("strictRecord throws for a misspelt id and returns what exists", () => {
    const m = strictRecord(Object.fromEntries(METRICS.map((id) => [id, {id}])));
    expect(m.utbetalt).toEqual({id: "utbetalt"});
    expect(() => (m as Record<string, unknown>).utbetalningshushal).toThrow(
      "Okänt mått 'utbetalningshushal' – menar du 'utbetalningshushall'?"
    );
  });

  test("strictRecord lets promises, JSON and inspectors probe it as an ordinary object", async () => {
    const m = strictRecord({utbetalt: 1});
    expect(await Promise.resolve(m)).toBe(m);
    expect(JSON.stringify(m)).toBe('{"utbetalt":1}');
    expect({...m}).toEqual({utbetalt: 1});
    expect((m as Record<string, unknown>).next).toBeUndefined();
    expect(Object.keys(m)).toEqual(["utbetalt"]);
  });
});

describe("assertMetric(value, where) and assertBreakdown(value, where)", () => {
  test("assertMetric refuses undefined, naming where it was used", () => {
    expect(() => assertMetric(undefined, "monthlyChart()")).toThrow(
      "monthlyChart() fick inget mått utan undefined. Skriv till exempel eb.metrics.utbetalt."
    );
    expect(() => assertMetric({id: "x"}, "kpiCard()")).toThrow(/kpiCard\(\) fick inget mått utan \{"id":"x"\}/);
  });

  test("assertBreakdown refuses a metric where a breakdown belongs", () => {
    expect(() => assertBreakdown({series: []}, "breakdownBars()")).toThrow(/^breakdownBars\(\) fick ingen fördelning/);
    expect(() => assertBreakdown({cells: []}, "breakdownBars()")).not.toThrow();
  });
});
