import { formatLocale } from "../../_node/d3-format@3.1.3/index.ded23b25.js";
import { parseMonth } from "./months.b119c145.js";
export const NBSP = "\xA0";
export const MINUS = "\u2212";
const locale = formatLocale({
  decimal: ",",
  thousands: NBSP,
  grouping: [3],
  currency: ["", `${NBSP}kr`],
  percent: `${NBSP}%`,
  minus: MINUS
});
const integerFormat = locale.format(",.0f");
const signedIntegerFormat = locale.format("+,.0f");
const kronorFormat = locale.format("$,.0f");
const percentFormat = locale.format(",.1%");
const decimalFormat = locale.format(",.1f");
const signedPercentFormat = locale.format("+,.1%");
const MONTHS = [
  "januari",
  "februari",
  "mars",
  "april",
  "maj",
  "juni",
  "juli",
  "augusti",
  "september",
  "oktober",
  "november",
  "december"
];
export const MISSING = "uppgift saknas";
function isNumber(value) {
  return typeof value === "number" && Number.isFinite(value);
}
export function formatInteger(value) {
  return isNumber(value) ? integerFormat(Math.round(value)) : MISSING;
}
export function formatKronor(value) {
  return isNumber(value) ? kronorFormat(Math.round(value)) : MISSING;
}
export function formatPercent(share) {
  return isNumber(share) ? percentFormat(share) : MISSING;
}
export function formatPoints(shareDifference) {
  return isNumber(shareDifference) ? `${decimalFormat(Math.abs(shareDifference) * 100)} procentenheter` : MISSING;
}
export function formatSignedInteger(value) {
  if (!isNumber(value)) return MISSING;
  const rounded = Math.round(value);
  return rounded === 0 ? "\xB10" : signedIntegerFormat(rounded);
}
export function formatSignedPoints(shareDifference) {
  if (!isNumber(shareDifference)) return MISSING;
  const points = shareDifference * 100;
  const sign = Math.abs(points) < 0.05 ? "\xB1" : points > 0 ? "+" : MINUS;
  return `${sign}${decimalFormat(Math.abs(points))} procentenheter`;
}
export function formatSignedPercent(share) {
  if (!isNumber(share)) return MISSING;
  return Math.abs(share) < 5e-4 ? `\xB10,0${NBSP}%` : signedPercentFormat(share);
}
export function formatMonth(month) {
  const [year, monthNumber] = parseMonth(month);
  return `${MONTHS[monthNumber - 1]} ${year}`;
}
export function formatMonthName(month) {
  return MONTHS[parseMonth(month)[1] - 1];
}
export function formatMonthShort(month) {
  const [year, monthNumber] = parseMonth(month);
  return `${MONTHS[monthNumber - 1].slice(0, 3)}-${String(year).slice(2)}`;
}
export function formatDate(date) {
  const value = typeof date === "string" ? /* @__PURE__ */ new Date(`${date}T00:00:00Z`) : date;
  return `${value.getUTCDate()} ${MONTHS[value.getUTCMonth()]} ${value.getUTCFullYear()}`;
}
export function describeChange({
  current,
  previous,
  mode = "percent",
  unit,
  comparedTo,
  comparable = true,
  reason
}) {
  const against = comparedTo ? ` j\xE4mf\xF6rt med ${formatMonth(comparedTo)}` : "";
  if (!comparable) {
    const other = comparedTo ? ` med ${formatMonth(comparedTo)}` : "";
    return `g\xE5r inte att j\xE4mf\xF6ra${other}${reason ? ` (${reason})` : ""}`;
  }
  if (!isNumber(current) || !isNumber(previous)) return `saknar j\xE4mf\xF6relsev\xE4rde${against}`;
  const diff = current - previous;
  if (Math.round(diff) === 0) return `\xE4r of\xF6r\xE4ndrat${against}`;
  const verb = diff > 0 ? "\xF6kade" : "minskade";
  const absolute = unit === "kr" ? formatKronor(Math.abs(diff)) : formatInteger(Math.abs(diff)) + (unit ? ` ${unit}` : "");
  const percent = previous === 0 ? null : formatPercent(Math.abs(diff / previous));
  const amount = mode === "absolute" || percent === null ? absolute : mode === "both" ? `${absolute} (${percent})` : percent;
  return `${verb} med ${amount}${against}`;
}
export function formatDecimal(value, decimals = 1) {
  return isNumber(value) ? locale.format(`,.${Math.max(0, Math.min(20, Math.trunc(decimals)))}f`)(value) : MISSING;
}
export function formatMillions(value, decimals = 0) {
  return isNumber(value) ? `${formatDecimal(value / 1e6, decimals)}${NBSP}mnkr` : MISSING;
}
export function formatMonthAbbr(month) {
  if (typeof month === "number") {
    if (!Number.isInteger(month) || month < 1 || month > 12) throw new Error(`Ogiltigt m\xE5nadsnummer ${month}.`);
    return MONTHS[month - 1].slice(0, 3);
  }
  const [year, monthNumber] = parseMonth(month);
  return `${MONTHS[monthNumber - 1].slice(0, 3)} ${year}`;
}
export function formatMonthRange(first, last) {
  if (first === last) return formatMonthAbbr(first);
  const [y1, m1] = parseMonth(first);
  const [y2] = parseMonth(last);
  return y1 === y2 ? `${formatMonthAbbr(m1)}\u2013${formatMonthAbbr(last)}` : `${formatMonthAbbr(first)}\u2013${formatMonthAbbr(last)}`;
}
export function unitFormat(unit) {
  return unit === "kr" ? "kronor" : unit === "andel" ? "percent" : "integer";
}
export function formatByUnit(unit, value, { count = "plain" } = {}) {
  const format = unitFormat(unit);
  if (format === "kronor") return formatKronor(value);
  if (format === "percent") return formatPercent(value);
  return count === "unit" && isNumber(value) ? `${formatInteger(value)} ${unit}` : formatInteger(value);
}
export function formatChangeByUnit(unit, change, changeShare) {
  return unit === "andel" ? formatSignedPoints(change) : formatSignedPercent(changeShare);
}
