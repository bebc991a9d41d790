// Bound values for an edition's prose: the analyst writes ${value(m.utbetalt)} or
// ${change(m.utbetalningshushall, "year")} in Markdown and never retypes a number. The helpers refuse, with a Swedish
// error that fails the page and the build, what they would otherwise have to guess: a missing metric, an unknown
// comparison or an unknown option.
import {
  capitalise,
  describeChange,
  formatByUnit,
  formatDecimal,
  formatMonth,
  formatMonthName,
  formatPoints,
  NBSP,
  type ChangeOptions
} from "../lib/format.js";
import {addMonths} from "../lib/months.js";
import type {Comparison, MetricResult} from "../lib/metric-types.js";
import {assertMetric} from "../lib/strict.js";
import {shortReason} from "./kpi-card.js";

/** The comparisons a helper knows: the previous month, or the same month the previous year. */
export type Against = "month" | "year";

const AGAINST = {month: "föregående månad", year: "samma månad föregående år"} as const;
const MODES = ["percent", "absolute", "both"] as const;
const UNITS: readonly MetricResult["unit"][] = ["kr", "hushåll", "personer", "barn", "insatser", "andel", "ärenden"];

function checkMetric(metric: unknown, helper: string): asserts metric is MetricResult {
  assertMetric(metric, `${helper}()`);
}

function checkAgainst(against: unknown, helper: string): asserts against is Against {
  if (against !== "month" && against !== "year") {
    throw new Error(
      `${helper}(): okänd jämförelse ${JSON.stringify(against)}. Skriv "month" (mot ${AGAINST.month}) eller "year" (mot ${AGAINST.year}).`
    );
  }
}

function checkOptions(options: unknown): asserts options is Pick<ChangeOptions, "mode" | "unit"> {
  if (options === undefined) return;
  if (!options || typeof options !== "object" || Array.isArray(options)) {
    throw new Error(`change(): tredje argumentet ska vara ett objekt som {mode: "absolute"}.`);
  }
  for (const [key, value] of Object.entries(options)) {
    if (key === "mode") {
      if (!(MODES as readonly unknown[]).includes(value)) {
        throw new Error(
          `change(): okänt läge ${JSON.stringify(value)}. Skriv mode: "percent" (procent), "absolute" (antal) eller "both" (båda).`
        );
      }
    } else if (key === "unit") {
      if (!(UNITS as readonly unknown[]).includes(value)) {
        throw new Error(`change(): okänd enhet ${JSON.stringify(value)}. Välj bland ${UNITS.join(", ")}.`);
      }
    } else {
      throw new Error(`change(): okänt alternativ "${key}". Det som finns är mode och unit.`);
    }
  }
}

/** A metric's value for the report month in sv-SE: "22 632 677 kr", "2 122", "10,7 %". */
export function value(metric: MetricResult): string {
  checkMetric(metric, "value");
  return formatByUnit(metric.unit, metric.value);
}

function comparison(metric: MetricResult, against: Against): Comparison {
  return against === "month" ? metric.previousMonth : metric.previousYear;
}

/** The comparison month's value in sv-SE. */
export function previous(metric: MetricResult, against: Against): string {
  checkMetric(metric, "previous");
  checkAgainst(against, "previous");
  return formatByUnit(metric.unit, comparison(metric, against).value);
}

/**
 * The change against the previous month or the same month last year in Swedish words: "ökade med 3,5 % jämfört med
 * november 2022". Shares change in percentage points; a comparison across a series break says so.
 */
export function change(
  metric: MetricResult,
  against: Against,
  options: Pick<ChangeOptions, "mode" | "unit"> = {}
): string {
  checkMetric(metric, "change");
  checkAgainst(against, "change");
  checkOptions(options);
  const c = comparison(metric, against);
  // Shares move in percentage points, not per cent of a per cent.
  if (metric.unit === "andel" && c.change !== null) {
    const suffix = ` jämfört med ${formatMonth(c.month)}`;
    if (Math.round(c.change * 1000) === 0) return `är oförändrad${suffix}`;
    return `${c.change > 0 ? "ökade" : "minskade"} med ${formatPoints(c.change)}${suffix}`;
  }
  return describeChange({
    current: metric.value,
    previous: c.value,
    comparedTo: c.month,
    comparable: c.comparable,
    reason: c.comparable ? undefined : shortReason(c.reason)?.toLowerCase(),
    mode: options.mode,
    unit: options.unit ?? metric.unit
  });
}

/** "ökade"/"minskade"/"oförändrat" only, for sentences the analyst words freely. */
export function direction(
  metric: MetricResult,
  against: Against
): "ökade" | "minskade" | "oförändrat" | "ej jämförbart" {
  checkMetric(metric, "direction");
  checkAgainst(against, "direction");
  const c = comparison(metric, against);
  if (!c.comparable || c.change === null) return "ej jämförbart";
  return c.change > 0 ? "ökade" : c.change < 0 ? "minskade" : "oförändrat";
}

/** A month-over-month change in one year: the direction, and its size in per cent (percentage points for a share). */
interface YearChange {
  year: number;
  direction: 1 | -1 | 0;
  /** |change| / earlier value (or |change| in points for a share), rounded to what the text shows; null for a 0 base. */
  size: number | null;
}

const NUMBER_WORDS = ["", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio"];

/** "2021", "2021 och 2022", "2020, 2021 och 2022". */
function listYears(years: readonly (number | string)[]): string {
  const all = years.map(String);
  return all.length <= 1 ? all.join("") : `${all.slice(0, -1).join(", ")} och ${all.at(-1)}`;
}

/**
 * The change from the month before to `month` in the series, or null when a value is missing or a system switch or
 * series break lies between the two months (a change across the switch says nothing about the season).
 */
function yearChange(metric: MetricResult, values: Map<string, number | null>, month: string): YearChange | null {
  const before = addMonths(month, -1);
  const current = values.get(month);
  const earlier = values.get(before);
  if (current === null || current === undefined || earlier === null || earlier === undefined) return null;
  if (metric.breaks.some((b) => b.kind !== "saknas" && before < b.month && b.month <= month)) return null;
  const diff = current - earlier;
  const share = metric.unit === "andel";
  const flat = share ? Math.round(diff * 1000) === 0 : Math.round(diff) === 0;
  const size = share ? Math.abs(diff) * 100 : earlier === 0 ? null : Math.abs(diff / earlier) * 100;
  return {
    year: Number(month.slice(0, 4)),
    direction: flat ? 0 : diff > 0 ? 1 : -1,
    size: size === null ? null : Math.round(size * 10) / 10
  };
}

/**
 * Seasonal context for the report month, in plain arithmetic over the chart's window: has the change from the month
 * before had the same direction in every earlier year, and is this year's change larger or smaller than theirs?
 * "Februari har varit lägre än januari alla tre åren (2021, 2022 och 2023), och minskningen i år är större än
 * tidigare år (3,2 % mot 1,5 % 2021 och 2,0 % 2022)." Sizes are in per cent of the month before; a share's in
 * procentenheter. Only years on the report month's side of a non-comparable series break count, and a change across
 * a system switch or a gap counts for no year. Gives "" when there is nothing to say: no earlier year, earlier years
 * that disagree, or no comparable change this year.
 */
export function season(metric: MetricResult, ...rest: unknown[]): string {
  checkMetric(metric, "season");
  if (rest.length > 0) {
    throw new Error(
      `season(): tar bara ett argument, måttet, till exempel season(m.utbetalt). Fick också ${rest.map((r) => JSON.stringify(r) ?? String(r)).join(", ")}.`
    );
  }
  const values = new Map(metric.series.map((p) => [p.month, p.value]));
  const first = metric.series[0]?.month ?? metric.month;
  // Values before the latest non-comparable break measure something else: their changes are no pattern for now.
  const lastBreak = metric.breaks
    .filter((b) => b.kind === "ej_jamforbar" && b.month <= metric.month)
    .map((b) => b.month)
    .sort()
    .at(-1);
  const now = yearChange(metric, values, metric.month);
  if (!now) return "";
  const earlier: YearChange[] = [];
  for (let back = 12; addMonths(metric.month, -back - 1) >= first; back += 12) {
    const month = addMonths(metric.month, -back);
    if (lastBreak && addMonths(month, -1) < lastBreak) continue;
    const change = yearChange(metric, values, month);
    if (change) earlier.unshift(change);
  }
  if (earlier.length === 0) return "";
  const direction = earlier[0].direction;
  if (direction === 0 || earlier.some((c) => c.direction !== direction)) return "";

  const month = capitalise(formatMonthName(metric.month));
  const before = formatMonthName(addMonths(metric.month, -1));
  const comparative = direction > 0 ? "högre" : "lägre";
  const years = earlier.map((c) => c.year);
  if (now.direction !== direction) {
    const those =
      earlier.length === 1
        ? `${comparative} än ${before} år ${years[0]}`
        : `${comparative} än ${before} ${earlier.length === 2 ? "båda" : `alla ${NUMBER_WORDS[earlier.length] ?? earlier.length}`} tidigare åren (${listYears(years)})`;
    const opening = earlier.length === 1 ? `${month} var ${those}` : `${month} har varit ${those}`;
    const thisYear =
      now.direction === 0
        ? "i år är värdet oförändrat"
        : `i år är ${formatMonthName(metric.month)} ${now.direction > 0 ? "högre" : "lägre"}`;
    return `${opening}, men ${thisYear}.`;
  }
  const all = [...years, now.year];
  const opening =
    all.length === 2
      ? `${month} var ${comparative} än ${before} både ${all[0]} och ${all[1]}`
      : `${month} har varit ${comparative} än ${before} alla ${NUMBER_WORDS[all.length] ?? all.length} åren (${listYears(all)})`;
  if (now.size === null || earlier.some((c) => c.size === null)) return `${opening}.`;
  const sizes = earlier.map((c) => c.size as number);
  const size = now.size;
  const relation = size > Math.max(...sizes) ? "större än" : size < Math.min(...sizes) ? "mindre än" : "i nivå med";
  const unit = metric.unit === "andel" ? " procentenheter" : `${NBSP}%`;
  const amount = (n: number) => `${formatDecimal(n, 1)}${unit}`;
  const others = listYears(earlier.map((c) => `${amount(c.size as number)} ${c.year}`));
  const noun = direction > 0 ? "ökningen" : "minskningen";
  const than = earlier.length === 1 ? String(years[0]) : "tidigare år";
  return `${opening}, och ${noun} i år är ${relation} ${than} (${amount(size)} mot ${others}).`;
}
