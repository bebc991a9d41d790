// Bound values for an edition's prose: the analyst writes ${value(eb.metrics.utbetalt)} or
// ${change(eb.metrics.utbetalningshushall, "year")} in Markdown and never retypes a number.
import type {Comparison, MetricResult} from "../lib/metric-types.js";
import {
  describeChange,
  formatInteger,
  formatKronor,
  formatMonth,
  formatPercent,
  formatPoints,
  type ChangeOptions
} from "../lib/format.js";
import {shortReason} from "./kpi-card.js";

/** A metric's value for the report month (or another value of the same unit) in sv-SE. */
export function value(metric: MetricResult, raw: number | null = metric.value): string {
  if (metric.unit === "kr") return formatKronor(raw);
  if (metric.unit === "andel") return formatPercent(raw);
  return formatInteger(raw);
}

/** The comparison month's value in sv-SE. */
export function previous(metric: MetricResult, against: "month" | "year"): string {
  return value(metric, comparison(metric, against).value);
}

function comparison(metric: MetricResult, against: "month" | "year"): Comparison {
  return against === "month" ? metric.previousMonth : metric.previousYear;
}

/**
 * The change against the previous month or the same month last year in Swedish words: "ökade med 3,5 % jämfört med
 * november 2022". Shares change in percentage points; a comparison across a series break says so.
 */
export function change(
  metric: MetricResult,
  against: "month" | "year",
  options: Pick<ChangeOptions, "mode" | "unit"> = {}
): string {
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
  against: "month" | "year"
): "ökade" | "minskade" | "oförändrat" | "ej jämförbart" {
  const c = comparison(metric, against);
  if (!c.comparable || c.change === null) return "ej jämförbart";
  return c.change > 0 ? "ökade" : c.change < 0 ? "minskade" : "oförändrat";
}
