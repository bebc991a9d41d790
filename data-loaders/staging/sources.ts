// Where a delivery's files are. The delivery layout (data-contract.md) is known here and nowhere else: checks and
// staging read the export tables through the src_<table> views this module defines.
import {isAbsolute, join, relative, resolve} from "node:path";
import type {TableSpec} from "../contract.ts";

/** A path for messages: relative to the working directory when inside it (as the user wrote it), else absolute. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), resolve(path));
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : resolve(path);
}

/** The folder of one delivery: `<root>/<YYYY-MM-DD>`. */
export function deliveryDir(root: string, delivery: string): string {
  return join(root, delivery);
}

/** The delivery's manifest.json. */
export function manifestPath(root: string, delivery: string): string {
  return join(deliveryDir(root, delivery), "manifest.json");
}

/** The Parquet file of one export table in a delivery. */
export function exportPath(root: string, delivery: string, table: TableSpec): string {
  return join(deliveryDir(root, delivery), table.file);
}

// DuckDB views cannot take bound parameters, so the path is written as a quoted SQL string.
const sqlString = (value: string) => `'${value.replaceAll("'", "''")}'`;

/** `create view src_<table>`: the export file as it is delivered, before any renaming or casting. */
export function sourceViewSql(root: string, delivery: string, table: TableSpec): string {
  return `create or replace view src_${table.name} as select * from read_parquet(${sqlString(exportPath(root, delivery, table))});`;
}
