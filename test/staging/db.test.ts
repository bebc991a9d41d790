import {describe, expect, test} from "vitest";
import {connect, queryRows} from "../../data-loaders/db.ts";

describe("queryRows(conn, sql, params)", () => {
  test("queryRows(conn, sql, params) returns plain numbers and 'YYYY-MM-DD' strings", async () => {
    const conn = await connect();
    const [row] = await queryRows(
      conn,
      `select 3::bigint as n, 12::hugeint as h, 22632677.50::decimal(14, 2) as amount, sum(1.25::decimal(12, 2)) as total,
         date '2023-11-01' as month_date, true as is_x, null as missing, 'text' as label, [date '2024-02-29'] as dates`
    );
    expect(row).toEqual({
      n: 3,
      h: 12,
      amount: 22632677.5,
      total: 1.25,
      month_date: "2023-11-01",
      is_x: true,
      missing: null,
      label: "text",
      dates: ["2024-02-29"]
    });
    expect(JSON.parse(JSON.stringify(row))).toEqual(row);
  });

  test("queryRows(conn, sql, params) binds named parameters, string lists included, never splicing them", async () => {
    const conn = await connect();
    const rows = await queryRows(
      conn,
      "select $name as name, cast($month as date) as month_date, $n + 1 as next, list_contains($codes, 'b') as has_b, len($empty) as none",
      {name: "x'); drop table t; --", month: "2023-11-01", n: 1, codes: ["a", "b"], empty: []}
    );
    expect(rows).toEqual([{name: "x'); drop table t; --", month_date: "2023-11-01", next: 2, has_b: true, none: 0}]);
  });
});
