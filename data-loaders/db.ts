// DuckDB for the loaders: an in-memory database per process, and queries that return plain JSON-ready rows.
import {
  DuckDBInstance,
  DuckDBTypeId,
  LIST,
  VARCHAR,
  listValue,
  type DuckDBConnection,
  type DuckDBType,
  type DuckDBValue
} from "@duckdb/node-api";
import {tmpdir} from "node:os";
import {join} from "node:path";

/** A value bound to a named parameter: `$name` in the SQL. String lists bind as VARCHAR[] (for `list_contains`). */
export type SqlParam = string | number | boolean | null | readonly string[];

/** A row as queryRows returns it: only numbers, strings, booleans and nulls (and lists or objects of them). */
export type PlainRow = Record<string, unknown>;

/**
 * Settings for every DuckDB database the loaders open. DuckDB takes up to 80 % of the machine's memory by default;
 * a national delivery's validation and staging then peak above 3 GB. With a limit DuckDB spills to disk instead
 * (env NAMNDRAPPORT_DUCKDB_MEMORY, e.g. "4GB", changes it).
 */
export function duckdbOptions(): Record<string, string> {
  return {
    memory_limit: process.env.NAMNDRAPPORT_DUCKDB_MEMORY ?? "2GB",
    temp_directory: join(tmpdir(), "namndrapport-duckdb")
  };
}

/** Opens an in-memory DuckDB database and returns a connection to it. */
export async function connect(): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(":memory:", duckdbOptions());
  return instance.connect();
}

/**
 * Runs `work` on a connection to a fresh in-memory database and closes the database after, so that its memory is
 * given back before the next step (validation before staging holds the delivery twice otherwise).
 */
export async function withMemoryDatabase<T>(work: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
  const instance = await DuckDBInstance.create(":memory:", duckdbOptions());
  const conn = await instance.connect();
  try {
    return await work(conn);
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

function bind(params: Record<string, SqlParam>): {
  values: Record<string, DuckDBValue>;
  types: Record<string, DuckDBType | undefined>;
} {
  const values: Record<string, DuckDBValue> = {};
  const types: Record<string, DuckDBType | undefined> = {};
  for (const [name, value] of Object.entries(params)) {
    if (Array.isArray(value)) {
      // An empty list has no item type to infer, so the type is always given.
      values[name] = listValue(value as string[]);
      types[name] = LIST(VARCHAR);
    } else {
      values[name] = value as DuckDBValue;
    }
  }
  return {values, types};
}

function plain(value: unknown, type?: DuckDBType): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") return Number(value);
  if (value instanceof Date) {
    // DATE arrives as a Date at UTC midnight; anything else with a time keeps it.
    return type?.typeId === DuckDBTypeId.DATE ? value.toISOString().slice(0, 10) : value.toISOString();
  }
  if (Array.isArray(value)) {
    const itemType = type?.typeId === DuckDBTypeId.LIST ? type.valueType : undefined;
    return value.map((item) => plain(item, itemType));
  }
  if (typeof value === "object") {
    const struct = type?.typeId === DuckDBTypeId.STRUCT ? type : undefined;
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, plain(item, struct?.typeForEntry(key))])
    );
  }
  return value;
}

/**
 * Runs SQL with named parameters (`$name`) bound, never spliced, and returns plain rows: BIGINT, HUGEINT and
 * DECIMAL become numbers and DATE becomes "YYYY-MM-DD", so JSON output holds only plain numbers and strings.
 */
export async function queryRows<T = PlainRow>(
  conn: DuckDBConnection,
  sql: string,
  params: Record<string, SqlParam> = {}
): Promise<T[]> {
  const {values, types} = bind(params);
  const reader = await conn.runAndReadAll(sql, values, types);
  const names = reader.columnNames();
  const columnTypes = reader.columnTypes();
  return reader.getRowsJS().map((row) => {
    const out: PlainRow = {};
    names.forEach((name, i) => (out[name] = plain(row[i], columnTypes[i])));
    return out as T;
  });
}
