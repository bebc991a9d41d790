// Plain rows as an Arrow IPC stream with explicit column types, for DuckDB to read: in a loader (the review's values
// table) and in the browser (the review page's small tables).
import {Float64, Table, tableToIPC, Utf8, vectorFromArray} from "apache-arrow";

/** Column types of a table made from plain rows. */
export type Schema = Record<string, "text" | "number">;

/**
 * Rows of plain objects as an Arrow IPC stream with the given columns (so an empty table still has them): "number"
 * columns Float64, "text" columns Utf8.
 */
export function rowsToIpc(rows: readonly Record<string, unknown>[], schema: Schema): Uint8Array {
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  const number = (v: unknown) => (typeof v === "number" ? v : null);
  const columns = Object.fromEntries(
    Object.entries(schema).map(([key, type]) => [
      key,
      type === "number"
        ? vectorFromArray(
            rows.map((row) => number(row[key])),
            new Float64()
          )
        : vectorFromArray(
            rows.map((row) => text(row[key])),
            new Utf8()
          )
    ])
  );
  return tableToIPC(new Table(columns), "stream");
}
