// File-level faults of an export file, named in Swedish before DuckDB reads it: an empty file, a file that is not
// Parquet (a CSV or text file renamed), a file cut short. DuckDB's own errors for what is found only while reading (a
// damaged data page, text that is not UTF-8) are turned into findings here too, with its text masked.
import type {DuckDBConnection} from "@duckdb/node-api";
import {closeSync, existsSync, openSync, readSync, statSync} from "node:fs";
import type {TableSpec} from "../contract.ts";
import {formatInteger} from "../../src/lib/format.ts";
import {queryRows} from "../db.ts";
import {exportPath, sourceViewSql} from "../staging/sources.ts";
import {finding, type Finding} from "./findings.ts";
import {maskDuckDbText} from "./mask.ts";
import {ident} from "./sql.ts";

const MAGIC = "PAR1";

function readBytes(path: string, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  const fd = openSync(path, "r");
  try {
    const read = readSync(fd, buffer, 0, length, position);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** True when the bytes read as text with a separator on the first line: a CSV or text export under a Parquet name. */
function looksLikeText(head: Buffer): boolean {
  const text = head.toString("utf8");
  const line = text.split(/\r?\n/)[0];
  const control = [...text].some((c) => c < "\t" || (c > "\r" && c < " "));
  return !text.includes("\uFFFD") && !control && /[,;\t|]/.test(line);
}

/**
 * The fault of a file that cannot be Parquet at all, judged from its size and first and last bytes, or null. Such a
 * file is never handed to DuckDB, so no English text and no value from it reaches a message.
 */
export function parquetFileFault(path: string, delivery: string, spec: TableSpec): Finding | null {
  const where = {delivery, table: spec.name, file: spec.file};
  const size = statSync(path).size;
  if (size === 0) return finding("tom_fil", "fel", where, {sentence: "är tom (0 byte)"});
  const head = readBytes(path, 0, Math.min(size, 4096));
  if (head.subarray(0, 4).toString("latin1") !== MAGIC) {
    const what = looksLikeText(head)
      ? "är ingen Parquet-fil utan text, troligen en CSV-fil som fått filändelsen .parquet"
      : "är ingen Parquet-fil (den börjar inte med PAR1)";
    return finding("inte_parquet", "fel", where, {sentence: what});
  }
  if (size < 12 || readBytes(path, size - 4, 4).toString("latin1") !== MAGIC) {
    return finding("avkortad_fil", "fel", where, {
      sentence: `är avkortad: den slutar inte som en Parquet-fil (${formatInteger(size)} byte; kopierades den inte klart?)`
    });
  }
  return null;
}

/** The kind of a read error, from DuckDB's text: text that is not UTF-8, or anything else (a damaged file). */
function readFault(message: string): {rule: string; text: string} {
  if (/not valid UTF-?8|Invalid string encoding/i.test(message)) {
    return {rule: "ogiltig_utf8", text: "innehåller text som inte är giltig UTF-8"};
  }
  return {rule: "skadad_fil", text: "går inte att läsa: en datasida är skadad"};
}

/**
 * Findings for a file whose reading failed with `error`: each column is read on its own to name the ones that fail,
 * so the message says which column even when DuckDB does not. DuckDB's text is kept, masked, in parentheses.
 */
export async function readErrorFindings(
  conn: DuckDBConnection,
  spec: TableSpec,
  delivery: string,
  columns: readonly string[],
  error: unknown
): Promise<Finding[]> {
  const whole = error instanceof Error ? error.message : String(error);
  const failing: {column: string; message: string}[] = [];
  for (const column of columns) {
    try {
      await queryRows(conn, `select count(distinct ${ident(column)}) as n from src_${spec.name}`);
    } catch (e) {
      failing.push({column, message: e instanceof Error ? e.message : String(e)});
    }
  }
  const where = (column: string | null) => ({delivery, table: spec.name, file: spec.file, column});
  if (failing.length === 0) {
    const {rule, text} = readFault(whole);
    return [finding(rule, "fel", where(null), {text: `${text} (DuckDB: ${maskDuckDbText(whole)})`})];
  }
  return failing.map(({column, message}) => {
    const {rule, text} = readFault(message);
    return finding(rule, "fel", where(column), {text: `${text} (DuckDB: ${maskDuckDbText(message)})`});
  });
}

/**
 * Creates the src_<table> view over an export file, or returns why it cannot: the file is missing, is not a whole
 * Parquet file, or DuckDB cannot read its schema. An empty list means the view exists.
 */
export async function openSourceView(
  conn: DuckDBConnection,
  root: string,
  delivery: string,
  spec: TableSpec
): Promise<Finding[]> {
  const path = exportPath(root, delivery, spec);
  if (!existsSync(path)) {
    return [finding("saknad_fil", "fel", {delivery, table: spec.name, file: spec.file}, {sentence: "saknas"})];
  }
  const fault = parquetFileFault(path, delivery, spec);
  if (fault) return [fault];
  try {
    await conn.run(sourceViewSql(root, delivery, spec));
    return [];
  } catch (e) {
    return readErrorFindings(conn, spec, delivery, [], e);
  }
}
