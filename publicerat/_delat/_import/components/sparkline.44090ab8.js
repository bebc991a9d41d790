import * as Plot from "../../_node/@observablehq/plot@0.6.17/index.f66f3cd7.js";
import { formatByUnit, formatMonth } from "../lib/format.31c9c2b5.js";
import { assertMetric } from "../lib/strict.bff53198.js";
import { chartImage } from "./chart-image.609dbd24.js";
import { YEAR_COLORS } from "./palette.cf90eeae.js";
export function sparklineSummary(metric) {
  const defined = metric.series.filter((p) => p.value !== null);
  const first = defined[0];
  const last = defined.at(-1);
  if (!first || !last) return `${metric.label}: inga v\xE4rden i perioden.`;
  return `${metric.label}, utveckling ${formatMonth(first.month)}\u2013${formatMonth(last.month)}: fr\xE5n ${formatByUnit(metric.unit, first.value, { count: "unit" })} till ${formatByUnit(metric.unit, last.value, { count: "unit" })}.`;
}
export function sparkline(metric, { width = 300, height = 44 } = {}) {
  assertMetric(metric, "sparkline()");
  const points = metric.series.map((p) => ({ date: /* @__PURE__ */ new Date(`${p.month}-01T00:00:00Z`), value: p.value }));
  const svg = Plot.plot({
    width,
    height,
    margin: 4,
    axis: null,
    x: { type: "utc" },
    y: { zero: false, nice: false },
    marks: [Plot.line(points, { x: "date", y: "value", stroke: YEAR_COLORS[0], strokeWidth: 1.5 })]
  });
  chartImage(svg, sparklineSummary(metric));
  svg.classList.add("nr-sparkline");
  svg.setAttribute("preserveAspectRatio", "none");
  return svg;
}
