// dbt-style schema tests over a view: each returns the number of offending rows (0 passes).
import type {DuckDBConnection} from "@duckdb/node-api";
import {queryRows} from "../../data-loaders/db.ts";

const count = async (conn: DuckDBConnection, sql: string, params: Record<string, readonly string[]> = {}) =>
  (await queryRows<{n: number}>(conn, sql, params))[0].n;

/** Rows whose combination of `columns` occurs more than once. */
export function unique(conn: DuckDBConnection, view: string, columns: string[]): Promise<number> {
  const key = columns.join(", ");
  return count(
    conn,
    `with source as (select * from ${view}),
duplicates as (select ${key}, count(*) as n from source group by ${key} having count(*) > 1),
final as (select coalesce(sum(n), 0) as n from duplicates)
select * from final`
  );
}

/** Rows where `column` is null. */
export function notNull(conn: DuckDBConnection, view: string, column: string): Promise<number> {
  return count(conn, `select count(*) as n from ${view} where ${column} is null`);
}

/** Rows whose non-null `column` is not among `values`. */
export function acceptedValues(
  conn: DuckDBConnection,
  view: string,
  column: string,
  values: readonly string[]
): Promise<number> {
  return count(
    conn,
    `select count(*) as n from ${view} where ${column} is not null and not list_contains($values, ${column})`,
    {values}
  );
}

/** Rows whose non-null `column` matches no `toColumn` in any of the `to` views. */
export function relationship(
  conn: DuckDBConnection,
  view: string,
  column: string,
  to: [view: string, column: string][]
): Promise<number> {
  const targets = to.map(([v, c]) => `select ${c} as target from ${v}`).join(" union all ");
  return count(
    conn,
    `with source as (select * from ${view}),
targets as (${targets}),
final as (
  select count(*) as n from source s
  where s.${column} is not null and not exists (select 1 from targets t where t.target = s.${column})
)
select * from final`
  );
}
