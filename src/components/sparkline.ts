// A small trend line of a metric's window for the archive's headline cards: the months as one line, gaps left open,
// the report month marked. Its text alternative names the window and the first and last values.
import * as Plot from "@observablehq/plot";
import {formatByUnit, formatMonth} from "../lib/format.js";
import type {MetricResult} from "../lib/metric-types.js";
import {assertMetric} from "../lib/strict.js";
import {chartImage} from "./chart-image.js";
import {YEAR_COLORS} from "./palette.js";

/** "Utveckling februari 2021–november 2023: från 21 002 311 kr till 22 632 677 kr." */
export function sparklineSummary(metric: MetricResult): string {
  const defined = metric.series.filter((p) => p.value !== null);
  const first = defined[0];
  const last = defined.at(-1);
  if (!first || !last) return `${metric.label}: inga värden i perioden.`;
  return `${metric.label}, utveckling ${formatMonth(first.month)}–${formatMonth(last.month)}: från ${formatByUnit(metric.unit, first.value, {count: "unit"})} till ${formatByUnit(metric.unit, last.value, {count: "unit"})}.`;
}

/**
 * The trend line, drawn at width × height and stretched to its box (the stroke keeps its width), with no axes: the
 * card around it carries the numbers.
 */
export function sparkline(metric: MetricResult, {width = 300, height = 44}: {width?: number; height?: number} = {}) {
  assertMetric(metric, "sparkline()");
  const points = metric.series.map((p) => ({date: new Date(`${p.month}-01T00:00:00Z`), value: p.value}));
  const svg = Plot.plot({
    width,
    height,
    margin: 4,
    axis: null,
    x: {type: "utc"},
    y: {zero: false, nice: false},
    marks: [Plot.line(points, {x: "date", y: "value", stroke: YEAR_COLORS[0], strokeWidth: 1.5})]
  });
  chartImage(svg, sparklineSummary(metric));
  svg.classList.add("nr-sparkline");
  svg.setAttribute("preserveAspectRatio", "none");
  return svg;
}
