// The interval macros: the one boundary convention every metric uses (docs/metrics.md, Intervals).
import {beforeAll, describe, expect, test} from "vitest";
import type {DuckDBConnection} from "@duckdb/node-api";
import {connect, queryRows} from "../../data-loaders/db.ts";
import {INTERVAL_MACROS, intervalMacrosSql} from "../../data-loaders/intermediate/intervals.ts";

let conn: DuckDBConnection;
beforeAll(async () => {
  conn = await connect();
  await conn.run(intervalMacrosSql());
});

const ask = async (sql: string, params: Record<string, string | null>) =>
  (await queryRows<{answer: boolean}>(conn, `select ${sql} as answer`, params))[0].answer;

describe("open_at_end(start_date, end_date, day)", () => {
  // An interval from 2023-11-10; the end of November is 2023-11-30.
  const cases: [end: string | null, open: boolean][] = [
    [null, true], // still in force
    ["2023-12-01", true], // ends the day after: open over the turn of the month
    ["2023-11-30", false], // ends on the last day: counted as ended in November, not open at its end
    ["2023-11-20", false]
  ];
  test.each(cases)(
    "open_at_end counts an interval ending %s as open at the end of 2023-11-30: %s",
    async (end, open) => {
      expect(
        await ask("open_at_end(cast($start as date), cast($end as date), cast($day as date))", {
          start: "2023-11-10",
          end,
          day: "2023-11-30"
        })
      ).toBe(open);
    }
  );

  test("open_at_end counts an interval starting on the last day, and not one starting the day after", async () => {
    const at = (start: string) =>
      ask("open_at_end(cast($start as date), null, cast($day as date))", {start, day: "2023-11-30"});
    expect(await at("2023-11-30")).toBe(true);
    expect(await at("2023-12-01")).toBe(false);
  });
});

describe("in_force_during(start_date, end_date, first_day, last_day)", () => {
  const during = (start: string, end: string | null) =>
    ask("in_force_during(cast($start as date), cast($end as date), date '2023-11-01', date '2023-11-30')", {
      start,
      end
    });

  test("in_force_during counts an interval in force on any day of the period, its end day included", async () => {
    expect(await during("2023-10-01", "2023-11-01")).toBe(true); // its last day is the first day of November
    expect(await during("2023-11-30", null)).toBe(true); // starts on the last day
    expect(await during("2023-10-01", "2023-10-31")).toBe(false);
    expect(await during("2023-12-01", null)).toBe(false);
  });

  test("in_force_during on one day is the day's membership: the end day counts, the day after does not", async () => {
    const onDay = (end: string) =>
      ask("in_force_during(date '2023-01-01', cast($end as date), date '2023-06-15', date '2023-06-15')", {end});
    expect(await onDay("2023-06-15")).toBe(true);
    expect(await onDay("2023-06-14")).toBe(false);
  });

  test("the macros are stated once, with the convention in docs/metrics.md", async () => {
    const {readFile} = await import("node:fs/promises");
    const doc = await readFile("docs/metrics.md", "utf8");
    for (const macro of INTERVAL_MACROS) {
      const body = macro.sql.split(" as\n")[1].trim();
      expect(doc, macro.name).toContain(body);
    }
  });
});
