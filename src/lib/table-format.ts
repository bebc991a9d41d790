// Table cells and CSV in sv-SE, without the DOM: how a column's values are shown on a page and written for Swedish
// Excel. The page component (src/components/data-table.ts) and the CLI (granska --csv) share it.
import {SUPPRESSED_LABEL} from "./disclosure.js";
import {
  formatDecimal,
  formatInteger,
  formatKronor,
  formatMonth,
  formatPercent,
  formatSignedInteger,
  formatSignedPercent,
  formatSignedPoints,
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
  /** A relative change in per cent: "+0,8 %". */
  | "signedPercent"
  /** A share's change in percentage points: "+4,6 procentenheter". */
  | "signedPoints";

export interface Column {
  key: string;
  label: string;
  format: ColumnFormat;
  /** A format per row, for a column that mixes units (kronor, counts and shares in one review table). */
  formatOf?: (row: object) => ColumnFormat;
  /** Decimals shown for "number" (default: 0 for whole numbers, else 2). */
  decimals?: number;
  /** Text for a null value; by default "dolt" when the row is suppressed, else "uppgift saknas". */
  missing?: string | ((row: object) => string);
}

/**
 * The column format of a change by unit: a difference signed in the unit ("+107", a share's "+4,6 procentenheter") or
 * a relative change in per cent ("+3,5 %"; a share's is its difference in procentenheter, never a per cent of a per
 * cent).
 */
export function changeFormat(unit: unknown, kind: "difference" | "relative"): ColumnFormat {
  if (unit === "andel") return "signedPoints";
  return kind === "relative" ? "signedPercent" : "signedInteger";
}

function get(row: object, key: string): unknown {
  return (row as Record<string, unknown>)[key];
}

export function isNumeric(format: ColumnFormat): boolean {
  return format !== "month" && format !== "text";
}

/** The text for a null cell: explicit per column, else from the row's `suppressed` marker. */
export function missingText(row: object, column: Column): string {
  if (typeof column.missing === "function") return column.missing(row);
  if (typeof column.missing === "string") return column.missing;
  return get(row, "suppressed") ? SUPPRESSED_LABEL : MISSING;
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
    case "signedPoints":
      return formatSignedPoints(Number(value));
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
  if (column.format === "signedPoints" && !column.label.includes("procentenheter"))
    return `${column.label} (procentenheter)`;
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
    case "signedPoints":
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
 * cent (10,7) with "(%)" in the header; null cells as on the page ("dolt", "uppgift saknas").
 */
export function toExcelCsv(rows: readonly object[], columns: readonly Column[]): string {
  const lines = [
    columns.map((c) => csvField(csvHeader(c))),
    ...rows.map((row) => columns.map((c) => csvField(csvValue(row, c))))
  ];
  return `\ufeff${lines.map((fields) => fields.join(";")).join("\r\n")}\r\n`;
}
