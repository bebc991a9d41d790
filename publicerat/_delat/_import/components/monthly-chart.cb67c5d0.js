import * as Plot from "../../_node/@observablehq/plot@0.6.17/index.f66f3cd7.js";
import {
  symbol as d3Symbol,
  symbolCircle,
  symbolDiamond,
  symbolSquare,
  symbolStar,
  symbolTriangle
} from "../../_node/d3@7.9.2/index.c8f1bfbe.js";
import { html } from "../../_node/htl@0.3.1/index.0caf36e7.js";
import { assertMetric } from "../lib/strict.bff53198.js";
import { chartImage } from "./chart-image.609dbd24.js";
import { chartDownloads, sourceLine } from "./chart-download.9a641d8b.js";
import { dataTable, toExcelCsv } from "./data-table.d50093b1.js";
import {
  formatByUnit,
  formatDecimal,
  formatInteger,
  formatMillions,
  formatMonth,
  formatMonthAbbr,
  formatMonthName,
  formatMonthRange,
  NBSP,
  unitFormat
} from "../lib/format.31c9c2b5.js";
import { addMonths, monthRange } from "../lib/months.b119c145.js";
import { INK, MUTED, newestFirstColor, YEAR_SYMBOLS } from "./palette.cf90eeae.js";
const D3_SYMBOLS = {
  circle: symbolCircle,
  square: symbolSquare,
  triangle: symbolTriangle,
  diamond: symbolDiamond,
  star: symbolStar
};
const ANNOTATION_ROW = 15;
const GAP_STRIP = 6;
const MARGIN_BOTTOM = 30;
const SYSTEM_NAMES = {
  treserva: "Treserva",
  lifecare: "Lifecare",
  accorda: "Accorda",
  arena: "Lifecare/Arena"
};
function systemName(system) {
  if (!system) return null;
  return SYSTEM_NAMES[system] ?? system[0].toUpperCase() + system.slice(1);
}
export function valueFormatter(unit) {
  return (value) => formatByUnit(unit, value, { count: "unit" });
}
function tickFormatter(metric, axis) {
  if (metric.unit === "kr" && axis === "millions") {
    return (d) => formatMillions(d, Number.isInteger(Math.round(d / 1e5) / 10) ? 0 : 1);
  }
  if (metric.unit === "andel") {
    return (d) => {
      const percent = Math.round(d * 1e3) / 10;
      return `${formatDecimal(percent, Number.isInteger(percent) ? 0 : 1)}${NBSP}%`;
    };
  }
  return (d) => formatInteger(d);
}
export function chartPoints(metric) {
  const splits = metric.breaks.filter((b) => b.kind === "ej_jamforbar").map((b) => b.month);
  return metric.series.map((p) => {
    const segment = splits.filter((s) => s <= p.month).length;
    const year = Number(p.month.slice(0, 4));
    return {
      month: p.month,
      year,
      m: Number(p.month.slice(5, 7)),
      value: p.value,
      z: `${year}-${segment}`,
      before: segment < splits.length
    };
  });
}
function breakX(mark) {
  return Math.max(0.5, Number(mark.month.slice(5, 7)) - 0.5);
}
function gapBands(mark) {
  const byYear = /* @__PURE__ */ new Map();
  for (const month of monthRange(mark.month, mark.until)) {
    const year = Number(month.slice(0, 4));
    byYear.set(year, [...byYear.get(year) ?? [], Number(month.slice(5, 7))]);
  }
  return [...byYear.entries()].map(([year, ms]) => ({ year, x1: Math.min(...ms) - 0.5, x2: Math.max(...ms) + 0.5 }));
}
export function breakLabel(mark) {
  return mark.kind === "saknas" ? `${mark.label} ${formatMonthRange(mark.month, mark.until)}` : `${mark.label} ${formatMonthAbbr(mark.month)}`;
}
function breakSentence(mark) {
  const range = mark.month === mark.until ? formatMonth(mark.month) : mark.month.slice(0, 4) === mark.until.slice(0, 4) ? `${formatMonthName(mark.month)}\u2013${formatMonth(mark.until)}` : `${formatMonth(mark.month)}\u2013${formatMonth(mark.until)}`;
  return mark.kind === "saknas" ? `${mark.label} ${range}.` : `${mark.label} ${formatMonth(mark.month)}.`;
}
function annotationFor(mark) {
  if (mark.kind === "saknas") {
    const bands = gapBands(mark);
    const x1 = bands[0].x1;
    const x2 = bands[bands.length - 1].x2;
    return x1 < 6.5 ? { x: x1, text: breakLabel(mark), anchor: "start" } : { x: x2, text: breakLabel(mark), anchor: "end" };
  }
  const x = breakX(mark);
  return { x, text: breakLabel(mark), anchor: x < 6.5 ? "start" : "end" };
}
const capitalise = (text) => text[0].toUpperCase() + text.slice(1);
export function chartTitle(metric) {
  const first = metric.series[0]?.month ?? metric.month;
  return `${metric.label} per m\xE5nad, ${formatMonth(first)}\u2013${formatMonth(metric.month)}`;
}
export function chartSummary(metric, format = valueFormatter(metric.unit)) {
  const last = metric.previousYear;
  const lastYearValue = last.value ?? metric.series.find((p) => p.month === addMonths(metric.month, -12))?.value;
  const lastYearNote = last.comparable ? "" : " (inte j\xE4mf\xF6rbart)";
  return [
    `${chartTitle(metric)}.`,
    `${capitalise(formatMonth(metric.month))}: ${format(metric.value)}.`,
    `${capitalise(formatMonth(last.month))}: ${format(lastYearValue ?? null)}${lastYearNote}.`,
    ...metric.breaks.map(breakSentence)
  ].join(" ");
}
function legend(years, latest, notComparable) {
  return html`<div class="nr-legend" aria-hidden="true">
    ${years.map((year, i) => {
    const color = newestFirstColor(i);
    const shape = D3_SYMBOLS[YEAR_SYMBOLS[Math.min(i, YEAR_SYMBOLS.length - 1)]];
    const r = year === latest ? 4 : 3;
    const path = d3Symbol(shape, Math.PI * r * r)() ?? "";
    return html`<span class="nr-legend-item">
        <svg width="28" height="12" viewBox="-14 -6 28 12">
          <line x1="-13" x2="13" stroke=${color} stroke-width=${year === latest ? 3 : 1.75} />
          <path d=${path} fill=${color} stroke="white" stroke-width="1" />
        </svg>
        ${String(year)}
      </span>`;
  })}
    ${notComparable ? html`<span class="nr-legend-item">
            <svg width="28" height="12" viewBox="-14 -6 28 12">
              <line x1="-13" x2="13" stroke=${MUTED} stroke-width="1.75" stroke-dasharray="5,3" />
            </svg>
            Före ${formatMonthAbbr(notComparable.month)}: ej jämförbart
          </span>` : null}
  </div>`;
}
function chartData(metric, points) {
  const notes = (month) => metric.breaks.filter((b) => b.kind === "saknas" ? b.month <= month && month <= b.until : b.month === month).map((b) => b.label).join("; ");
  const systems = new Map(metric.series.map((p) => [p.month, systemName(p.system)]));
  const rows = points.map((p) => ({
    month: p.month,
    value: p.value,
    system: systems.get(p.month),
    note: notes(p.month)
  }));
  const columns = [
    { key: "month", label: "M\xE5nad", format: "month" },
    {
      key: "value",
      label: capitalise(metric.unit === "kr" || metric.unit === "andel" ? metric.label : metric.unit),
      format: unitFormat(metric.unit)
    },
    ...rows.some((r) => r.system) ? [{ key: "system", label: "Verksamhetssystem", format: "text", missing: "" }] : [],
    ...rows.some((r) => r.note) ? [{ key: "note", label: "Anm\xE4rkning", format: "text" }] : []
  ];
  return { rows, columns };
}
function seriesSystems(metric) {
  return [...new Set(metric.series.filter((p) => p.value !== null).map((p) => systemName(p.system)))].filter(
    (s) => s !== null
  );
}
export function monthlyChart(metric, { width, height, format, axis = "millions" }) {
  assertMetric(metric, "monthlyChart()");
  const valueText = format ?? valueFormatter(metric.unit);
  const all = chartPoints(metric);
  const defined = all.filter((p) => p.value !== null);
  const years = [...new Set(defined.map((p) => p.year))].sort((a, b) => b - a);
  const points = all.filter((p) => years.includes(p.year));
  const latest = years[0];
  const colorRange = years.map((_, i) => newestFirstColor(i));
  const symbolRange = years.map((_, i) => YEAR_SYMBOLS[Math.min(i, YEAR_SYMBOLS.length - 1)]);
  const rules = metric.breaks.filter((b) => b.kind !== "saknas");
  const gaps = metric.breaks.filter((b) => b.kind === "saknas");
  const annotations = rules.map(annotationFor);
  const gapNotes = gaps.map(annotationFor);
  const yearColor = (year) => years.includes(year) ? newestFirstColor(years.indexOf(year)) : MUTED;
  const yLabel = metric.unit === "kr" || metric.unit === "andel" ? null : capitalise(metric.unit);
  const firstRow = yLabel ? 1 : 0;
  const marginTop = Math.max(20, 10 + ANNOTATION_ROW * (firstRow + annotations.length));
  const plotHeight = (height ?? Math.round(Math.max(220, Math.min(340, width * 0.42)))) + marginTop - 20;
  const tickFormat = tickFormatter(metric, axis);
  const monthTicks = width < 480 ? [1, 3, 5, 7, 9, 11] : [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  const tipTitle = (p) => `${formatMonth(p.month)}: ${valueText(p.value)}`;
  const svg = Plot.plot({
    width,
    height: plotHeight,
    marginTop,
    marginBottom: MARGIN_BOTTOM,
    marginLeft: metric.unit === "kr" && axis === "millions" ? 62 : 54,
    marginRight: 12,
    style: { fontSize: "12px", fontFamily: "var(--sans-serif, system-ui, sans-serif)", color: INK },
    x: { domain: [0.5, 12.5], ticks: monthTicks, tickFormat: (d) => formatMonthAbbr(d), label: null },
    y: {
      grid: true,
      zero: true,
      nice: true,
      tickFormat,
      label: yLabel
    },
    color: { type: "ordinal", domain: years, range: colorRange },
    symbol: { type: "ordinal", domain: years, range: symbolRange },
    marks: [
      // A gap: the year's line stops, a strip in the year's colour marks the months, a label names them.
      ...gaps.flatMap(
        (g) => gapBands(g).map(
          (band) => Plot.rect([band], {
            x1: "x1",
            x2: "x2",
            fill: yearColor(band.year),
            insetTop: plotHeight - marginTop - MARGIN_BOTTOM - GAP_STRIP
          })
        )
      ),
      ...gapNotes.map(
        (a, i) => Plot.text([a], {
          x: "x",
          text: "text",
          frameAnchor: "bottom",
          lineAnchor: "bottom",
          textAnchor: a.anchor,
          dx: a.anchor === "start" ? 4 : a.anchor === "end" ? -4 : 0,
          dy: -(GAP_STRIP + 4) - ANNOTATION_ROW * i,
          fill: INK,
          stroke: "white",
          strokeWidth: 4,
          paintOrder: "stroke",
          fontSize: 11.5
        })
      ),
      Plot.ruleY([0], { stroke: MUTED }),
      ...rules.map(
        (b) => Plot.ruleX([breakX(b)], {
          stroke: b.kind === "ej_jamforbar" ? INK : MUTED,
          strokeWidth: 1.5,
          strokeDasharray: b.kind === "ej_jamforbar" ? "6,4" : "2,3"
        })
      ),
      ...[false, true].flatMap(
        (isLatest) => [true, false].map(
          (before) => Plot.line(
            points.filter((p) => p.year === latest === isLatest && p.before === before),
            {
              x: "m",
              y: "value",
              z: "z",
              stroke: "year",
              strokeWidth: isLatest ? 3 : 1.75,
              strokeDasharray: before ? "5,3" : void 0
            }
          )
        )
      ),
      Plot.dot(
        defined.filter((p) => p.year !== latest),
        { x: "m", y: "value", fill: "year", symbol: "year", r: 3, stroke: "white", strokeWidth: 1 }
      ),
      Plot.dot(
        defined.filter((p) => p.year === latest),
        { x: "m", y: "value", fill: "year", symbol: "year", r: 4, stroke: "white", strokeWidth: 1 }
      ),
      ...annotations.map(
        (a, i) => Plot.text([a], {
          x: "x",
          text: "text",
          frameAnchor: "top",
          lineAnchor: "top",
          textAnchor: a.anchor,
          dx: a.anchor === "start" ? 4 : a.anchor === "end" ? -4 : 0,
          dy: -marginTop + 3 + ANNOTATION_ROW * (firstRow + i),
          fill: INK,
          fontSize: 11.5
        })
      ),
      Plot.tip(defined, Plot.pointer({ x: "m", y: "value", title: tipTitle }))
    ]
  });
  chartImage(svg, chartSummary(metric, valueText));
  const data = chartData(metric, all);
  const filename = `${metric.id}-${metric.month}`;
  const lastNotComparable = rules.filter((b) => b.kind === "ej_jamforbar").at(-1);
  return html`<figure class="nr-figure nr-monthly" role="group" data-metric=${metric.id}>
    ${legend(years, latest, lastNotComparable)} ${svg}
    <figcaption>
      <p class="nr-definition">${metric.definition}</p>
      ${metric.breaks.length ? html`<ul class="nr-break-notes">
              ${metric.breaks.map(
    (b) => html`<li class=${`nr-break-note nr-break-${b.kind}`}>
                    <strong>${breakLabel(b)}.</strong> ${b.reason}${b.kind === "ej_jamforbar" ? " V\xE4rdena f\xF6re och efter brottet \xE4r inte j\xE4mf\xF6rbara." : ""}
                  </li>`
  )}
            </ul>` : null}
      <details class="nr-table-details">
        <summary>Visa som tabell</summary>
        ${dataTable(data.rows, data.columns, { caption: chartTitle(metric), filename })}
      </details>
      ${chartDownloads(svg, {
    title: chartTitle(metric),
    source: sourceLine(seriesSystems(metric)),
    legend: [
      ...years.map((year, i) => ({ label: String(year), color: newestFirstColor(i) })),
      ...lastNotComparable ? [{ label: `F\xF6re ${formatMonthAbbr(lastNotComparable.month)}: ej j\xE4mf\xF6rbart`, color: MUTED, dashed: true }] : []
    ],
    filename,
    csv: () => toExcelCsv(data.rows, data.columns)
  })}
    </figcaption>
  </figure>`;
}
