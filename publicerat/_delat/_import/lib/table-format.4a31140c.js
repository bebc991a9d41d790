import { SUPPRESSED_LABEL } from "./disclosure.df4ac8fb.js";
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
} from "./format.31c9c2b5.js";
export function changeFormat(unit, kind) {
  if (unit === "andel") return "signedPoints";
  return kind === "relative" ? "signedPercent" : "signedInteger";
}
function get(row, key) {
  return row[key];
}
export function isNumeric(format) {
  return format !== "month" && format !== "text";
}
export function missingText(row, column) {
  if (typeof column.missing === "function") return column.missing(row);
  if (typeof column.missing === "string") return column.missing;
  return get(row, "suppressed") ? SUPPRESSED_LABEL : MISSING;
}
export function formatCell(row, column) {
  const value = get(row, column.key);
  if (value === null || value === void 0 || typeof value === "number" && !Number.isFinite(value)) {
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
function csvNumber(value) {
  const rounded = Number(value.toFixed(10));
  return String(Object.is(rounded, -0) ? 0 : rounded).replace(".", ",");
}
function csvHeader(column) {
  if ((column.format === "percent" || column.format === "signedPercent") && !column.label.includes("%"))
    return `${column.label} (%)`;
  if (column.format === "signedPoints" && !column.label.includes("procentenheter"))
    return `${column.label} (procentenheter)`;
  if (column.format === "kronor" && !/\bkr\b|kronor/.test(column.label)) return `${column.label} (kr)`;
  return column.label;
}
function csvValue(row, column) {
  const value = get(row, column.key);
  if (value === null || value === void 0 || typeof value === "number" && !Number.isFinite(value)) {
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
      return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
    }
  }
}
function csvField(text) {
  return /[;"\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
export function toExcelCsv(rows, columns) {
  const lines = [
    columns.map((c) => csvField(csvHeader(c))),
    ...rows.map((row) => columns.map((c) => csvField(csvValue(row, c))))
  ];
  return `\uFEFF${lines.map((fields) => fields.join(";")).join("\r\n")}\r
`;
}
