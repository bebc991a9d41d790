// Accessible data tables in sv-SE with a "Ladda ner CSV" button, and the CSV format Swedish Excel opens as is.
import {html} from "htl";
import {
  formatDecimal,
  formatInteger,
  formatKronor,
  formatMonth,
  formatPercent,
  formatSignedInteger,
  formatSignedPercent,
  MISSING
} from "./format.js";

/** How a column's values are shown and written to CSV. */
export type ColumnFormat =
  | "integer"
  | "number"
  | "kronor"
  | "percent"
  | "month"
  | "text"
  /** A change: "+5", "−107", "±0". */
  | "signedInteger"
  /** A change in per cent or percentage points: "+0,8 %". */
  | "signedPercent";

export interface Column {
  key: string;
  label: string;
  format: ColumnFormat;
  /** A format per row, for a column that mixes units (kronor, counts and shares in one review table). */
  formatOf?: (row: object) => ColumnFormat;
  /** Decimals shown for "number" (default: 0 for whole numbers, else 2). */
  decimals?: number;
  /** Text for a null value; by default "<5" or "dolt" when the row is suppressed, else "uppgift saknas". */
  missing?: string | ((row: object) => string);
}

export interface DataTableOptions {
  caption: string;
  /** Download file name; ".csv" is added when missing. */
  filename: string;
  /** Rows shown in <tfoot>, e.g. a total. */
  footer?: readonly object[];
  /** Rows the CSV download writes when they are more than the rows shown (e.g. a long query result). */
  csvRows?: readonly object[];
  /** The first column holds row headers (<th scope="row">); default true. */
  rowHeaders?: boolean;
}

/** Shown for a primary-suppressed count (1–4), the same text as data-loaders/suppression.ts. */
export const SUPPRESSED = "<5";
/** Shown for a secondary-suppressed count: its value may be 5 or more, so "<5" would be wrong. */
export const SUPPRESSED_SECONDARY = "dolt";

/** The rule behind suppressed cells, for footnotes. */
export function suppressionNote({secondary = false}: {secondary?: boolean} = {}): string {
  const first = "Värden 1–4 visas som <5 för att ingen enskild person ska kunna identifieras.";
  return secondary
    ? `${first} När bara ett värde döljs, döljs även det näst minsta (visas som ”dolt”) så att det inte kan räknas fram ur totalen.`
    : first;
}

function get(row: object, key: string): unknown {
  return (row as Record<string, unknown>)[key];
}

function isNumeric(format: ColumnFormat): boolean {
  return format !== "month" && format !== "text";
}

/** The text for a null cell: explicit per column, else from the row's `suppressed` marker. */
export function missingText(row: object, column: Column): string {
  if (typeof column.missing === "function") return column.missing(row);
  if (typeof column.missing === "string") return column.missing;
  const suppressed = get(row, "suppressed");
  if (suppressed === "sekundar") return SUPPRESSED_SECONDARY;
  if (suppressed) return SUPPRESSED;
  return MISSING;
}

/** A cell as shown on the page (sv-SE). */
export function formatCell(row: object, column: Column): string {
  const value = get(row, column.key);
  if (value === null || value === undefined || (typeof value === "number" && !Number.isFinite(value))) {
    return missingText(row, column);
  }
  switch (column.formatOf?.(row) ?? column.format) {
    case "integer":
      return formatInteger(Number(value));
    case "number": {
      const n = Number(value);
      return formatDecimal(n, column.decimals ?? (Number.isInteger(n) ? 0 : 2));
    }
    case "kronor":
      return formatKronor(Number(value));
    case "percent":
      return formatPercent(Number(value));
    case "signedInteger":
      return formatSignedInteger(Number(value));
    case "signedPercent":
      return formatSignedPercent(Number(value));
    case "month":
      return formatMonth(String(value));
    default:
      return String(value);
  }
}

// Excel parses "1234,5" as a number in a Swedish locale; no thousands separator, ASCII minus, no float noise.
function csvNumber(value: number): string {
  const rounded = Number(value.toFixed(10));
  return String(Object.is(rounded, -0) ? 0 : rounded).replace(".", ",");
}

function csvHeader(column: Column): string {
  if ((column.format === "percent" || column.format === "signedPercent") && !column.label.includes("%"))
    return `${column.label} (%)`;
  if (column.format === "kronor" && !/\bkr\b|kronor/.test(column.label)) return `${column.label} (kr)`;
  return column.label;
}

function csvValue(row: object, column: Column): string {
  const value = get(row, column.key);
  if (value === null || value === undefined || (typeof value === "number" && !Number.isFinite(value))) {
    return missingText(row, column);
  }
  switch (column.formatOf?.(row) ?? column.format) {
    case "integer":
    case "number":
    case "kronor":
    case "signedInteger":
      return csvNumber(Number(value));
    case "percent":
    case "signedPercent":
      return csvNumber(Number(value) * 100);
    case "month":
      return formatMonth(String(value));
    default: {
      const text = String(value);
      // A text cell starting with = + - @ would run as a formula in Excel.
      return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
    }
  }
}

function csvField(text: string): string {
  return /[;"\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Rows as CSV for Swedish Excel: UTF-8 byte-order mark, ";" between fields, decimal comma, no thousands separator,
 * CRLF line endings, fields quoted when they hold ";", quotes or line breaks. Percent columns are written in per
 * cent (10,7) with "(%)" in the header; null cells as on the page ("<5", "uppgift saknas").
 */
export function toExcelCsv(rows: readonly object[], columns: readonly Column[]): string {
  const lines = [
    columns.map((c) => csvField(csvHeader(c))),
    ...rows.map((row) => columns.map((c) => csvField(csvValue(row, c))))
  ];
  return `\ufeff${lines.map((fields) => fields.join(";")).join("\r\n")}\r\n`;
}

function downloadName(filename: string): string {
  const base = filename.replace(/[\\/:*?"<>|]+/g, "-").trim() || "tabell";
  return base.toLowerCase().endsWith(".csv") ? base : `${base}.csv`;
}

/** Offers the CSV as a file download; the Blob is made on click, so nothing is fetched and nothing leaks. */
export function downloadCsv(csv: string, filename: string): void {
  const url = URL.createObjectURL(new Blob([csv], {type: "text/csv;charset=utf-8"}));
  const link = document.createElement("a");
  link.href = url;
  link.download = downloadName(filename);
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

function cell(row: object, column: Column, index: number, rowHeaders: boolean): HTMLElement {
  const text = formatCell(row, column);
  const className = isNumeric(column.format) ? "nr-num" : null;
  return index === 0 && rowHeaders
    ? html`<th scope="row" class=${className}>${text}</th>`
    : html`<td class=${className}>${text}</td>`;
}

function usesSuppression(rows: readonly object[], columns: readonly Column[]): {any: boolean; secondary: boolean} {
  const texts = rows.flatMap((row) => columns.map((c) => formatCell(row, c)));
  return {any: texts.includes(SUPPRESSED), secondary: texts.includes(SUPPRESSED_SECONDARY)};
}

/**
 * A real <table> with caption, column and row headers and right-aligned sv-SE numbers, followed by a "Ladda ner CSV"
 * button (hidden in print) and, when any cell is suppressed, a footnote with the rule.
 */
export function dataTable(
  rows: readonly object[],
  columns: readonly Column[],
  {caption, filename, footer = [], rowHeaders = true, csvRows}: DataTableOptions
): HTMLElement {
  const body = (list: readonly object[]) =>
    list.map(
      (row) =>
        html`<tr>
          ${columns.map((c, i) => cell(row, c, i, rowHeaders))}
        </tr>`
    );
  const suppression = usesSuppression([...rows, ...footer], columns);
  const button = html`<button type="button" class="nr-csv">
    Ladda ner CSV<span class="nr-sr-only">: ${caption}</span>
  </button>` as HTMLButtonElement;
  button.addEventListener("click", () => downloadCsv(toExcelCsv(csvRows ?? [...rows, ...footer], columns), filename));
  return html`<div class="nr-table-block">
    <div class="nr-table-wrap" role="region" aria-label=${caption} tabindex="0">
      <table class="nr-table">
        <caption>
          ${caption}
        </caption>
        <thead>
          <tr>
            ${columns.map((c) => html`<th scope="col" class=${isNumeric(c.format) ? "nr-num" : null}>${c.label}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${body(rows)}
        </tbody>
        ${
          footer.length
            ? html`<tfoot>
                ${body(footer)}
              </tfoot>`
            : null
        }
      </table>
    </div>
    ${
      suppression.any || suppression.secondary
        ? html`<p class="nr-footnote nr-suppression-note">${suppressionNote({secondary: suppression.secondary})}</p>`
        : null
    }
    <p class="nr-table-actions">${button}</p>
  </div>`;
}
