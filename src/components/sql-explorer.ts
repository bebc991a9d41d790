// The review page's explore panel: SQL over the edition's aggregated tables in the browser with DuckDB-wasm. Offline:
// the page resolves the wasm and worker files from node_modules (import.meta.resolve), the data arrives as Arrow IPC
// from loaders, and nothing is fetched from another origin: DuckDB may not install or load extensions (it would fetch
// them from extensions.duckdb.org) nor read files or URLs, and the settings are locked against a query changing them.
import * as duckdb from "@duckdb/duckdb-wasm";
import {html} from "htl";
import {dataTable, type Column, type ColumnFormat} from "./data-table.js";
import {formatInteger, unitFormat} from "../lib/format.js";
import {changeFormat} from "../lib/table-format.js";

export type Connection = duckdb.AsyncDuckDBConnection;

/** Rows shown on the page; the CSV download has them all. */
export const SHOWN_ROWS = 500;

/** Starts DuckDB-wasm in a module worker and loads each table from its Arrow IPC stream. */
export async function openDatabase(
  files: {wasm: string; worker: string},
  tables: Record<string, Uint8Array>
): Promise<Connection> {
  // The worker resolves relative URLs against its own location, so both are made absolute against the page.
  const absolute = (url: string) => new URL(url, document.baseURI).href;
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker(absolute(files.worker), {type: "module"}));
  await db.instantiate(absolute(files.wasm));
  const conn = await db.connect();
  for (const [name, ipc] of Object.entries(tables)) await conn.insertArrowFromIPCStream(ipc, {name, create: true});
  for (const setting of OFFLINE_SETTINGS) await conn.query(setting);
  return conn;
}

/** Run once the tables are in: nothing outside the page's own tables can be reached, and no query can undo it. */
export const OFFLINE_SETTINGS = [
  "set autoinstall_known_extensions = false",
  "set autoload_known_extensions = false",
  "set enable_external_access = false",
  "set lock_configuration = true"
] as const;

/**
 * DuckDB's error message for a query, in Swedish when the query needs an extension (JSON, spatial, …): the page is
 * offline and never fetches one. Other errors keep DuckDB's own message.
 */
export function queryErrorText(message: string): string {
  const first = message.split("\n")[0];
  const offline = "som inte finns här: granskningssidan fungerar offline och hämtar inga tillägg från internet";
  const missing =
    /(function|type|macro) with name "?(\w+)"? is not in the catalog, but it exists in the (\w+) extension/i.exec(
      first
    );
  if (missing) {
    const [, kind, name, extension] = missing;
    const what = kind.toLowerCase() === "type" ? "Typen" : "Funktionen";
    return `${what} ${name} kräver DuckDB-tillägget ${extension}, ${offline}. (${first})`;
  }
  if (/extension/i.test(first)) return `Frågan kräver ett DuckDB-tillägg, ${offline}. (${first})`;
  return message;
}

/** A query result as plain rows: 64-bit integers become numbers, dates and other values text. */
function plainRows(result: {toArray(): {toJSON(): Record<string, unknown>}[]}): Record<string, unknown>[] {
  return result
    .toArray()
    .map((row) =>
      Object.fromEntries(
        Object.entries(row.toJSON()).map(([key, value]) => [
          key,
          typeof value === "bigint"
            ? Number(value)
            : value === null || typeof value === "number" || typeof value === "string"
              ? value
              : String(value)
        ])
      )
    );
}

/** How the panel reads a result column by name: a value in the row's unit (`enhet`), a difference, a relative change. */
export type ColumnKinds = Record<string, "text" | "number" | "value" | "difference" | "relative">;

/** A plain number: whole numbers without decimals ("2 256"), others with two. */
const plainNumber = (value: unknown): ColumnFormat =>
  typeof value === "number" && !Number.isInteger(value) ? "number" : "integer";

/**
 * Result columns formatted by unit: a known value column by the row's `enhet` ("22 632 677 kr", "10,7 %", "2 256"), a
 * difference signed (a share's in procentenheter), a relative change in per cent; any other number as a whole number
 * when it is one, else with two decimals.
 */
export function resultColumns(
  rows: readonly Record<string, unknown>[],
  names: string[],
  kinds: ColumnKinds = {}
): Column[] {
  return names.map((key) => {
    const values = rows.map((row) => row[key]).filter((v) => v !== null && v !== undefined);
    const numeric = values.length > 0 && values.every((v) => typeof v === "number");
    const base = {key, label: key, decimals: 2, missing: "NULL"};
    if (!numeric) return {...base, format: "text"} satisfies Column;
    const unitOf = (row: object) => (row as {enhet?: unknown}).enhet;
    const kind = kinds[key];
    const formatOf = (row: object): ColumnFormat => {
      const value = (row as Record<string, unknown>)[key];
      const unit = unitOf(row);
      if (kind === "relative") return changeFormat(unit, "relative");
      if (typeof unit !== "string") return plainNumber(value);
      if (kind === "value") return unitFormat(unit);
      if (kind === "difference") return changeFormat(unit, "difference");
      return plainNumber(value);
    };
    return {...base, format: "number", formatOf} satisfies Column;
  });
}

/** DuckDB's message without the repeated "LINE 1:" echo of the query (the query is in the box above). */
export function errorText(message: string): string {
  const lines = message.split("\n");
  const seen = new Set<string>();
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^LINE \d+:/.test(line)) {
      // Keep one echo with its caret line; drop any repeat of it.
      if (seen.has(line)) {
        if (/^\s*\^\s*$/.test(lines[i + 1] ?? "")) i++;
        continue;
      }
      seen.add(line);
    }
    kept.push(line);
  }
  return kept
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

export interface ExplorerTable {
  name: string;
  description: string;
  /** The table's columns with a short Swedish description each. */
  columns?: Record<string, {description: string}>;
}

/**
 * A form with a SQL text area and "Kör frågan", and the result as an accessible table with CSV download, numbers
 * formatted by unit. Errors are shown in Swedish with DuckDB's own message in a monospace block. Ctrl+Enter runs the
 * query too. Under "Tabeller" every table with its columns.
 */
export function sqlExplorer(
  conn: Connection,
  {
    query,
    tables,
    filename,
    columnKinds = {}
  }: {query: string; tables: readonly ExplorerTable[]; filename: string; columnKinds?: ColumnKinds}
): HTMLElement {
  const id = `nr-sql-${Math.random().toString(36).slice(2)}`;
  const output = html`<div class="nr-sql-result" aria-live="polite"></div>` as HTMLElement;
  const textarea = html`<textarea id=${id} class="nr-sql-input" rows="7" spellcheck="false">${query}</textarea>`;
  const form = html`<form class="nr-sql-form">
    <label for=${id}>SQL-fråga (DuckDB)</label>
    ${textarea}
    <p><button type="submit">Kör frågan</button> <span class="nr-muted">eller Ctrl+Enter</span></p>
  </form>` as HTMLFormElement;

  async function run(): Promise<void> {
    const sql = (textarea as HTMLTextAreaElement).value;
    output.replaceChildren(html`<p class="nr-muted">Kör frågan …</p>`);
    const started = performance.now();
    try {
      const result = await conn.query(sql);
      const rows = plainRows(result);
      const names = result.schema.fields.map((f) => f.name);
      const ms = Math.round(performance.now() - started);
      const shown = rows.slice(0, SHOWN_ROWS);
      const summary =
        rows.length > SHOWN_ROWS
          ? `Visar ${formatInteger(SHOWN_ROWS)} av ${formatInteger(rows.length)} rader (${ms} ms). CSV-filen har alla.`
          : `${formatInteger(rows.length)} ${rows.length === 1 ? "rad" : "rader"} (${ms} ms).`;
      const table = dataTable(shown, resultColumns(rows, names, columnKinds), {
        caption: "Resultat av frågan",
        filename,
        rowHeaders: false,
        csvRows: rows
      });
      output.replaceChildren(html`<p class="nr-sql-summary">${summary}</p>`, table);
    } catch (error) {
      const message = queryErrorText(error instanceof Error ? error.message : String(error));
      output.replaceChildren(
        html`<div class="nr-sql-error" role="alert">
          <p>Frågan kunde inte köras:</p>
          <pre>${errorText(message)}</pre>
        </div>`
      );
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void run();
  });
  textarea.addEventListener("keydown", (event: KeyboardEvent) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void run();
    }
  });
  void run();

  return html`<div class="nr-sql">
    ${form}
    <details class="nr-sql-tables">
      <summary>Tabeller</summary>
      <dl>
        ${tables.map(
          (t) =>
            html`<dt><code>${t.name}</code></dt>
              <dd>
                ${t.description}
                ${
                  t.columns
                    ? html`<ul class="nr-sql-columns">
                        ${Object.entries(t.columns).map(
                          ([name, c]) => html`<li><code>${name}</code> – ${c.description}</li>`
                        )}
                      </ul>`
                    : null
                }
              </dd>`
        )}
      </dl>
    </details>
    ${output}
  </div>` as HTMLElement;
}
