// Bound values for an edition's prose: the analyst writes ${value(m.utbetalt)} or
// ${change(m.utbetalningshushall, "year")} in Markdown and never retypes a number. The helpers refuse, with a Swedish
// error that fails the page and the build, what they would otherwise have to guess: a missing metric, an unknown
// comparison or an unknown option.
import {
  describeChange,
  formatInteger,
  formatKronor,
  formatMonth,
  formatPercent,
  formatPoints,
  type ChangeOptions
} from "../lib/format.js";
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

function formatValue(metric: MetricResult, raw: number | null): string {
  if (metric.unit === "kr") return formatKronor(raw);
  if (metric.unit === "andel") return formatPercent(raw);
  return formatInteger(raw);
}

/** A metric's value for the report month in sv-SE: "22 632 677 kr", "2 122", "10,7 %". */
export function value(metric: MetricResult): string {
  checkMetric(metric, "value");
  return formatValue(metric, metric.value);
}

function comparison(metric: MetricResult, against: Against): Comparison {
  return against === "month" ? metric.previousMonth : metric.previousYear;
}

/** The comparison month's value in sv-SE. */
export function previous(metric: MetricResult, against: Against): string {
  checkMetric(metric, "previous");
  checkAgainst(against, "previous");
  return formatValue(metric, comparison(metric, against).value);
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
