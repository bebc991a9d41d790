// DuckDB for the loaders: one in-memory database per process, and queries that return plain JSON-ready rows.
import {DuckDBInstance, type DuckDBConnection, type DuckDBValue} from "@duckdb/node-api";

/** Opens an in-memory DuckDB connection. */
export async function connect(): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(":memory:");
  return instance.connect();
}

function plain(value: unknown): unknown {
  if (typeof value === "bigint") return Number(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(plain);
  return value;
}

/**
 * Runs SQL with named parameters ($name) bound, never spliced, and returns rows with plain numbers and strings:
 * BIGINT/HUGEINT/DECIMAL become numbers, DATE becomes "YYYY-MM-DD".
 */
export async function queryRows<T = Record<string, unknown>>(
  conn: DuckDBConnection,
  sql: string,
  params: Record<string, string | number | boolean | null> = {}
): Promise<T[]> {
  const reader = await conn.runAndReadAll(sql, params as Record<string, DuckDBValue>);
  return reader.getRowObjectsJS().map((row) => {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(row)) out[key] = plain(value);
    return out as T;
  });
}
