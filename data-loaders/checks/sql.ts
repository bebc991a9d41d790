// SQL pieces the checks share: quoted identifiers and a column's value and date as the contract reads them.
import type {ColumnSpec, TableSpec, TextDateFormat} from "../contract.ts";

export const STRPTIME: Record<TextDateFormat, string> = {YYYYMMDD: "%Y%m%d", "YYYY-MM-DD": "%Y-%m-%d", YYYYMM: "%Y%m"};
// strptime alone accepts e.g. "2023-1-5"; the shape is checked too.
export const SHAPE: Record<TextDateFormat, string> = {
  YYYYMMDD: "[0-9]{8}",
  "YYYY-MM-DD": "[0-9]{4}-[0-9]{2}-[0-9]{2}",
  YYYYMM: "[0-9]{6}"
};

/** Quotes a column name from the contract (never data) as an SQL identifier. */
export const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/**
 * The value of a column as checks see it: in legacy tables empty text means null. Not trimmed, as staging does not
 * trim either: a padded key or code fails its pattern or code list instead of passing here and breaking a join.
 */
export function valueSql(spec: TableSpec, column: ColumnSpec, alias?: string): string {
  const name = alias ? `${alias}.${ident(column.name)}` : ident(column.name);
  return spec.emptyTextIsNull && column.type === "VARCHAR" ? `nullif(${name}, '')` : name;
}

/** A date column as DATE, parsing legacy text (unparseable text gives null; the parse check reports it). */
export function dateSql(spec: TableSpec, column: ColumnSpec): string {
  return column.textDate
    ? `cast(try_strptime(${valueSql(spec, column)}, '${STRPTIME[column.textDate]}') as date)`
    : ident(column.name);
}
