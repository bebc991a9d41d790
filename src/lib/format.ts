// sv-SE number, date and change formatting shared by pages, components and CLI scripts.
// The locale is spelled out (not taken from the runtime) so that Node and every browser give the same characters.
import {formatLocale} from "d3-format";
import type {MetricResult} from "./metric-types.js";
import {parseMonth} from "./months.js";

/** No-break space used as thousands separator and before "%" and "kr". */
export const NBSP = "\u00a0";
/** The real minus sign (U+2212), as Swedish typography and Intl's sv-SE use. */
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

/** Text shown where a value does not exist (a series break or a missing month). */
export const MISSING = "uppgift saknas";

function isNumber(value: number | null | undefined): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/** "22 632 677"; null or NaN gives "uppgift saknas". */
export function formatInteger(value: number | null | undefined): string {
  return isNumber(value) ? integerFormat(Math.round(value)) : MISSING;
}

/** "22 632 677 kr". */
export function formatKronor(value: number | null | undefined): string {
  return isNumber(value) ? kronorFormat(Math.round(value)) : MISSING;
}

/** A share (0.107) as "10,7 %". */
export function formatPercent(share: number | null | undefined): string {
  return isNumber(share) ? percentFormat(share) : MISSING;
}

/** A share difference (0.004) in percentage points: "0,4 procentenheter". */
export function formatPoints(shareDifference: number | null | undefined): string {
  return isNumber(shareDifference) ? `${decimalFormat(Math.abs(shareDifference) * 100)} procentenheter` : MISSING;
}

/** "+107" or "−107" with the real minus sign; zero gives "±0". */
export function formatSignedInteger(value: number | null | undefined): string {
  if (!isNumber(value)) return MISSING;
  const rounded = Math.round(value);
  return rounded === 0 ? "±0" : signedIntegerFormat(rounded);
}

/** A share difference (0.046) in signed percentage points: "+4,6 procentenheter", "−0,4 procentenheter", "±0,0 …". */
export function formatSignedPoints(shareDifference: number | null | undefined): string {
  if (!isNumber(shareDifference)) return MISSING;
  const points = shareDifference * 100;
  const sign = Math.abs(points) < 0.05 ? "±" : points > 0 ? "+" : MINUS;
  return `${sign}${decimalFormat(Math.abs(points))} procentenheter`;
}

/** A relative change (0.035) as "+3,5 %" or "−3,5 %". */
export function formatSignedPercent(share: number | null | undefined): string {
  if (!isNumber(share)) return MISSING;
  return Math.abs(share) < 0.0005 ? `±0,0${NBSP}%` : signedPercentFormat(share);
}

/** "YYYY-MM" → "november 2023". */
export function formatMonth(month: string): string {
  const [year, monthNumber] = parseMonth(month);
  return `${MONTHS[monthNumber - 1]} ${year}`;
}

/** The text with its first letter in upper case: "november 2023" → "November 2023". */
export function capitalise(text: string): string {
  return text ? text[0].toUpperCase() + text.slice(1) : text;
}

/** "YYYY-MM" → "november" (no year). */
export function formatMonthName(month: string): string {
  return MONTHS[parseMonth(month)[1] - 1];
}

/** "YYYY-MM" → "nov-23", the short form of the reports' tables. */
export function formatMonthShort(month: string): string {
  const [year, monthNumber] = parseMonth(month);
  return `${MONTHS[monthNumber - 1].slice(0, 3)}-${String(year).slice(2)}`;
}

/** A Date or "YYYY-MM-DD" as "22 november 2026" (UTC calendar date, so the build machine's zone does not matter). */
export function formatDate(date: Date | string): string {
  const value = typeof date === "string" ? new Date(`${date}T00:00:00Z`) : date;
  return `${value.getUTCDate()} ${MONTHS[value.getUTCMonth()]} ${value.getUTCFullYear()}`;
}

export interface ChangeOptions {
  /** The value for the report month. */
  current: number | null | undefined;
  /** The value compared against. */
  previous: number | null | undefined;
  /** "percent" (default): "ökade med 3,5 %"; "absolute": "minskade med 107 hushåll"; "both". */
  mode?: "percent" | "absolute" | "both";
  /** Unit after absolute numbers, e.g. "hushåll"; "kr" formats as kronor. */
  unit?: string;
  /** The month compared against, "YYYY-MM": adds "jämfört med november 2022". */
  comparedTo?: string;
  /** False when the two values lie on different sides of a series break. */
  comparable?: boolean;
  /** Why they are not comparable, e.g. "byte av verksamhetssystem". */
  reason?: string;
}

/**
 * Swedish wording of a change: "ökade med 3,5 % jämfört med november 2022", "minskade med 107 hushåll",
 * "är oförändrat". A comparison across a series break says so instead of giving a number.
 */
export function describeChange({
  current,
  previous,
  mode = "percent",
  unit,
  comparedTo,
  comparable = true,
  reason
}: ChangeOptions): string {
  const against = comparedTo ? ` jämfört med ${formatMonth(comparedTo)}` : "";
  if (!comparable) {
    const other = comparedTo ? ` med ${formatMonth(comparedTo)}` : "";
    return `går inte att jämföra${other}${reason ? ` (${reason})` : ""}`;
  }
  if (!isNumber(current) || !isNumber(previous)) return `saknar jämförelsevärde${against}`;
  const diff = current - previous;
  if (Math.round(diff) === 0) return `är oförändrat${against}`;
  const verb = diff > 0 ? "ökade" : "minskade";
  const absolute =
    unit === "kr" ? formatKronor(Math.abs(diff)) : formatInteger(Math.abs(diff)) + (unit ? ` ${unit}` : "");
  const percent = previous === 0 ? null : formatPercent(Math.abs(diff / previous));
  const amount =
    mode === "absolute" || percent === null ? absolute : mode === "both" ? `${absolute} (${percent})` : percent;
  return `${verb} med ${amount}${against}`;
}

/** A number with a fixed count of decimals, "22,6" (no unit). */
export function formatDecimal(value: number | null | undefined, decimals = 1): string {
  return isNumber(value) ? locale.format(`,.${Math.max(0, Math.min(20, Math.trunc(decimals)))}f`)(value) : MISSING;
}

/** Kronor in millions for chart axes: 22 000 000 → "22 mnkr", with decimals 1 → "22,0 mnkr". */
export function formatMillions(value: number | null | undefined, decimals = 0): string {
  return isNumber(value) ? `${formatDecimal(value / 1e6, decimals)}${NBSP}mnkr` : MISSING;
}

/** "YYYY-MM" → "nov 2023"; a month number 1–12 → "nov" (chart axes and short notes). */
export function formatMonthAbbr(month: string | number): string {
  if (typeof month === "number") {
    if (!Number.isInteger(month) || month < 1 || month > 12) throw new Error(`Ogiltigt månadsnummer ${month}.`);
    return MONTHS[month - 1].slice(0, 3);
  }
  const [year, monthNumber] = parseMonth(month);
  return `${MONTHS[monthNumber - 1].slice(0, 3)} ${year}`;
}

/** A month range in short form: "nov–dec 2022", "nov 2022–feb 2023", or "nov 2022" for a single month. */
export function formatMonthRange(first: string, last: string): string {
  if (first === last) return formatMonthAbbr(first);
  const [y1, m1] = parseMonth(first);
  const [y2] = parseMonth(last);
  return y1 === y2
    ? `${formatMonthAbbr(m1)}–${formatMonthAbbr(last)}`
    : `${formatMonthAbbr(first)}–${formatMonthAbbr(last)}`;
}

/** A metric's unit. */
export type Unit = MetricResult["unit"];

/**
 * How a unit's values are shown: kronor as "22 632 677 kr", shares as "10,7 %", everything else counted as whole
 * numbers ("2 122"). Every page, table and CLI formats values by unit through this one rule.
 */
export function unitFormat(unit: string): "kronor" | "percent" | "integer" {
  return unit === "kr" ? "kronor" : unit === "andel" ? "percent" : "integer";
}

/**
 * A value by its unit: "22 632 677 kr", "10,7 %", "2 122"; with `count: "unit"` counts name their unit ("2 122
 * hushåll"). Null gives "uppgift saknas".
 */
export function formatByUnit(
  unit: string,
  value: number | null | undefined,
  {count = "plain"}: {count?: "plain" | "unit"} = {}
): string {
  const format = unitFormat(unit);
  if (format === "kronor") return formatKronor(value);
  if (format === "percent") return formatPercent(value);
  return count === "unit" && isNumber(value) ? `${formatInteger(value)} ${unit}` : formatInteger(value);
}

/**
 * A change by its unit, for tables: a count or an amount in per cent of the earlier value ("+3,5 %"), a share in
 * percentage points ("+4,6 procentenheter"), since a per cent of a per cent misleads.
 */
export function formatChangeByUnit(unit: string, change: number | null, changeShare: number | null): string {
  return unit === "andel" ? formatSignedPoints(change) : formatSignedPercent(changeShare);
}
