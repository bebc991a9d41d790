// Turns a metric's monthly values into what an edition shows: the value for M, comparisons with the previous month
// and the same month last year, the chart series, and the breaks in its window.
import {addMonths, monthRange} from "../../src/lib/months.ts";
import {breaksBetween, gapAt, marksInWindow} from "./series-breaks.ts";
import type {Comparison, MetricResult, SeriesPoint} from "../../src/lib/metric-types.ts";

export interface MetricSpec {
  id: string;
  label: string;
  unit: MetricResult["unit"];
  definition: string;
}

/** Monthly values as computed by SQL; a month missing from the map has no data; `hidden` by the small-count rule. */
export type MonthlyValues = Map<string, {value: number | null; system: string | null; hidden?: boolean}>;

/** Why a share is not shown for the report month when the small-count rule hides it. */
export const HIDDEN_SHARE_REASON =
  "Andelen visas inte (dolt): gruppen är mindre än 10 personer, eller 1–4 personer skiljer sig från resten.";

function valueAt(metric: string, values: MonthlyValues, month: string): number | null {
  return gapAt(metric, month) ? null : (values.get(month)?.value ?? null);
}

/** Compares month M with another month under the break and gap rules. */
export function compareMonths(metric: string, values: MonthlyValues, month: string, other: string): Comparison {
  const current = valueAt(metric, values, month);
  const value = valueAt(metric, values, other);
  const gap = gapAt(metric, other) ?? gapAt(metric, month);
  const crossings = breaksBetween(metric, other, month);
  const blocking = crossings.find((c) => !c.comparable);
  const comparable = !gap && !blocking;
  const reason = gap?.reason ?? blocking?.rule.reason ?? crossings[0]?.rule.reason ?? null;
  const change = comparable && current !== null && value !== null ? current - value : null;
  return {
    month: other,
    value,
    change,
    changeShare: change !== null && value ? change / value : null,
    comparable,
    reason
  };
}

/** Builds a MetricResult for report month M over the window first..M. */
export function buildMetric(spec: MetricSpec, values: MonthlyValues, month: string, first: string): MetricResult {
  const series: SeriesPoint[] = monthRange(first, month).map((m) => ({
    month: m,
    value: valueAt(spec.id, values, m),
    system: values.get(m)?.system ?? null
  }));
  const gap = gapAt(spec.id, month);
  return {
    ...spec,
    month,
    value: valueAt(spec.id, values, month),
    missingReason:
      gap?.reason ??
      (values.get(month)?.hidden
        ? HIDDEN_SHARE_REASON
        : values.get(month)?.value == null
          ? "Uppgift saknas för månaden."
          : null),
    previousMonth: compareMonths(spec.id, values, month, addMonths(month, -1)),
    previousYear: compareMonths(spec.id, values, month, addMonths(month, -12)),
    series,
    breaks: marksInWindow(spec.id, first, month)
  };
}
