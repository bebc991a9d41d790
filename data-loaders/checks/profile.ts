// A delivery's profile: per table and month (of the table's month column, contract.ts), the number of rows and an
// order-independent fingerprint of their content. Deliveries are compared through their profiles (history.ts), so
// two deliveries never have to be open at once and a profile can be remembered (validation-cache.ts).
import type {DuckDBConnection} from "@duckdb/node-api";
import {CONTRACT, type TableSpec} from "../contract.ts";
import {queryRows, withMemoryDatabase} from "../db.ts";
import {openSourceView} from "./files.ts";
import {dateSql} from "./sql.ts";

/** Rows and content fingerprint of one month; the month "" holds rows without a readable month. */
export interface MonthProfile {
  rows: number;
  /** Sum of the rows' hashes: the same rows in any order give the same sum. */
  hash: string;
}

export interface TableProfile {
  rows: number;
  /** "YYYY-MM" (or "") → rows and fingerprint. */
  months: Record<string, MonthProfile>;
}

/** Table name → its profile, or null when the file is missing or unreadable. */
export type DeliveryProfile = Record<string, TableProfile | null>;

/** The SQL of one table's profile over its src_<table> view; the month column is used only when it is usable. */
export function profileSql(spec: TableSpec, monthUsable: boolean): string {
  const column = spec.columns.find((c) => c.name === spec.monthColumn)!;
  const month = monthUsable ? `coalesce(strftime(${dateSql(spec, column)}, '%Y-%m'), '')` : "''";
  return `with source as (select * from src_${spec.name}),

rows_with_month as (
  select ${month} as month, hash(source) as row_hash
  from source
),

final as (
  select month, count(*) as n, cast(sum(cast(row_hash as hugeint)) as varchar) as fingerprint
  from rows_with_month
  group by month
)

select * from final order by month`;
}

/** The profile of one table whose src_<table> view exists, or null when it cannot be read. */
export async function tableProfile(conn: DuckDBConnection, spec: TableSpec): Promise<TableProfile | null> {
  try {
    const described = await queryRows<{column_name: string; column_type: string}>(
      conn,
      `describe select * from src_${spec.name}`
    );
    const column = spec.columns.find((c) => c.name === spec.monthColumn)!;
    const usable = described.some((c) => c.column_name === column.name && c.column_type === column.type);
    const rows = await queryRows<{month: string; n: number; fingerprint: string}>(conn, profileSql(spec, usable));
    const months: Record<string, MonthProfile> = {};
    for (const r of rows) months[r.month] = {rows: r.n, hash: r.fingerprint};
    return {rows: rows.reduce((sum, r) => sum + r.n, 0), months};
  } catch {
    return null;
  }
}

/** Profiles every contract table of a delivery; unreadable tables are null (validation names why). */
export async function deliveryProfile(root: string, delivery: string): Promise<DeliveryProfile> {
  return withMemoryDatabase(async (conn) => {
    const profile: DeliveryProfile = {};
    for (const spec of CONTRACT) {
      const unreadable = await openSourceView(conn, root, delivery, spec);
      profile[spec.name] = unreadable.length ? null : await tableProfile(conn, spec);
    }
    return profile;
  });
}
