// The report's monthly chart: one line per calendar year over January–December, so that the same month in earlier
// years can be compared; series breaks and gaps from the loader (metric.breaks) are drawn, never hidden.
import * as Plot from "@observablehq/plot";
import {
  symbol as d3Symbol,
  symbolCircle,
  symbolDiamond,
  symbolSquare,
  symbolStar,
  symbolTriangle,
  type SymbolType
} from "d3";
import {html} from "htl";
import {assertMetric} from "../lib/strict.js";
import type {BreakMark, MetricResult} from "../lib/metric-types.js";
import {chartImage} from "./chart-image.js";
import {chartDownloads, sourceLine} from "./chart-download.js";
import {dataTable, toExcelCsv, type Column} from "./data-table.js";
import {
  capitalise,
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
} from "../lib/format.js";
import {addMonths, monthRange} from "../lib/months.js";
import {INK, MUTED, newestFirstColor, YEAR_SYMBOLS} from "./palette.js";

const D3_SYMBOLS: Record<(typeof YEAR_SYMBOLS)[number], SymbolType> = {
  circle: symbolCircle,
  square: symbolSquare,
  triangle: symbolTriangle,
  diamond: symbolDiamond,
  star: symbolStar
};

const ANNOTATION_ROW = 15;
/** Height of the strip that marks a gap's months along the bottom of the chart, in the colour of its year. */
const GAP_STRIP = 6;
const MARGIN_BOTTOM = 30;

export interface MonthlyChartOptions {
  width: number;
  /** Plot area height including axes; default from the width. */
  height?: number;
  /** Formats a value in tooltips and the text alternative; default by unit ("22 632 677 kr", "2 122 hushåll"). */
  format?: (value: number | null) => string;
  /** Kronor axis in millions ("22 mnkr", default) or in full kronor. */
  axis?: "millions" | "full";
}

interface ChartPoint {
  month: string;
  year: number;
  m: number;
  value: number | null;
  /** One line per year and comparable segment: a non-comparable break splits the year's line. */
  z: string;
  /** True before the last non-comparable break: drawn dashed, as it cannot be compared with the latest values. */
  before: boolean;
}

interface Annotation {
  x: number;
  text: string;
  anchor: "start" | "middle" | "end";
}

const SYSTEM_NAMES: Record<string, string> = {
  treserva: "Treserva",
  lifecare: "Lifecare",
  accorda: "Accorda",
  arena: "Lifecare/Arena"
};

function systemName(system: string | null): string | null {
  if (!system) return null;
  return SYSTEM_NAMES[system] ?? system[0].toUpperCase() + system.slice(1);
}

/** The default value text for a unit: "22 632 677 kr", "10,7 %", "2 122 hushåll". */
export function valueFormatter(unit: MetricResult["unit"]): (value: number | null) => string {
  return (value) => formatByUnit(unit, value, {count: "unit"});
}

function tickFormatter(metric: MetricResult, axis: "millions" | "full"): (value: number) => string {
  if (metric.unit === "kr" && axis === "millions") {
    return (d) => formatMillions(d, Number.isInteger(Math.round(d / 1e5) / 10) ? 0 : 1);
  }
  if (metric.unit === "andel") {
    return (d) => {
      const percent = Math.round(d * 1000) / 10;
      return `${formatDecimal(percent, Number.isInteger(percent) ? 0 : 1)}${NBSP}%`;
    };
  }
  return (d) => formatInteger(d);
}

/** The chart's points: month of year on x, a line per year, split at non-comparable breaks. */
export function chartPoints(metric: MetricResult): ChartPoint[] {
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

/** Where a break is drawn: between the month before and the first month after it. */
function breakX(mark: BreakMark): number {
  return Math.max(0.5, Number(mark.month.slice(5, 7)) - 0.5);
}

/** A gap as bands on the month axis, one per calendar year it touches. */
function gapBands(mark: BreakMark): {year: number; x1: number; x2: number}[] {
  const byYear = new Map<number, number[]>();
  for (const month of monthRange(mark.month, mark.until)) {
    const year = Number(month.slice(0, 4));
    byYear.set(year, [...(byYear.get(year) ?? []), Number(month.slice(5, 7))]);
  }
  return [...byYear.entries()].map(([year, ms]) => ({year, x1: Math.min(...ms) - 0.5, x2: Math.max(...ms) + 0.5}));
}

/** The short note for a break or gap: "Byte till Lifecare okt 2022", "Uppgift saknas nov–dec 2022". */
export function breakLabel(mark: BreakMark): string {
  return mark.kind === "saknas"
    ? `${mark.label} ${formatMonthRange(mark.month, mark.until)}`
    : `${mark.label} ${formatMonthAbbr(mark.month)}`;
}

function breakSentence(mark: BreakMark): string {
  const range =
    mark.month === mark.until
      ? formatMonth(mark.month)
      : mark.month.slice(0, 4) === mark.until.slice(0, 4)
        ? `${formatMonthName(mark.month)}–${formatMonth(mark.until)}`
        : `${formatMonth(mark.month)}–${formatMonth(mark.until)}`;
  return mark.kind === "saknas" ? `${mark.label} ${range}.` : `${mark.label} ${formatMonth(mark.month)}.`;
}

function annotationFor(mark: BreakMark): Annotation {
  if (mark.kind === "saknas") {
    const bands = gapBands(mark);
    const x1 = bands[0].x1;
    const x2 = bands[bands.length - 1].x2;
    return x1 < 6.5 ? {x: x1, text: breakLabel(mark), anchor: "start"} : {x: x2, text: breakLabel(mark), anchor: "end"};
  }
  const x = breakX(mark);
  return {x, text: breakLabel(mark), anchor: x < 6.5 ? "start" : "end"};
}

/** "Utbetalt ekonomiskt bistånd per månad, februari 2021–november 2023": the chart's title and table caption. */
export function chartTitle(metric: MetricResult): string {
  const first = metric.series[0]?.month ?? metric.month;
  return `${metric.label} per månad, ${formatMonth(first)}–${formatMonth(metric.month)}`;
}

/** The text alternative: the window, the latest value, the same month last year and the breaks. */
export function chartSummary(metric: MetricResult, format = valueFormatter(metric.unit)): string {
  const last = metric.previousYear;
  const lastYearValue = last.value ?? metric.series.find((p) => p.month === addMonths(metric.month, -12))?.value;
  const lastYearNote = last.comparable ? "" : " (inte jämförbart)";
  return [
    `${chartTitle(metric)}.`,
    `${capitalise(formatMonth(metric.month))}: ${format(metric.value)}.`,
    `${capitalise(formatMonth(last.month))}: ${format(lastYearValue ?? null)}${lastYearNote}.`,
    ...metric.breaks.map(breakSentence)
  ].join(" ");
}

function legend(years: number[], latest: number, notComparable: BreakMark | undefined): HTMLElement {
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
    ${
      notComparable
        ? html`<span class="nr-legend-item">
            <svg width="28" height="12" viewBox="-14 -6 28 12">
              <line x1="-13" x2="13" stroke=${MUTED} stroke-width="1.75" stroke-dasharray="5,3" />
            </svg>
            Före ${formatMonthAbbr(notComparable.month)}: ej jämförbart
          </span>`
        : null
    }
  </div>`;
}

/** The chart's data as rows and columns: the table under the chart and its downloads share them. */
function chartData(metric: MetricResult, points: ChartPoint[]): {rows: object[]; columns: Column[]} {
  const notes = (month: string) =>
    metric.breaks
      .filter((b) => (b.kind === "saknas" ? b.month <= month && month <= b.until : b.month === month))
      .map((b) => b.label)
      .join("; ");
  const systems = new Map(metric.series.map((p) => [p.month, systemName(p.system)]));
  const rows = points.map((p) => ({
    month: p.month,
    value: p.value,
    system: systems.get(p.month),
    note: notes(p.month)
  }));
  const columns: Column[] = [
    {key: "month", label: "Månad", format: "month"},
    {
      key: "value",
      label: capitalise(metric.unit === "kr" || metric.unit === "andel" ? metric.label : metric.unit),
      format: unitFormat(metric.unit)
    },
    ...(rows.some((r) => r.system)
      ? [{key: "system", label: "Verksamhetssystem", format: "text" as const, missing: ""}]
      : []),
    ...(rows.some((r) => r.note) ? [{key: "note", label: "Anmärkning", format: "text" as const}] : [])
  ];
  return {rows, columns};
}

/** The systems behind a series, oldest first: ["Treserva", "Lifecare"]. */
function seriesSystems(metric: MetricResult): string[] {
  return [...new Set(metric.series.filter((p) => p.value !== null).map((p) => systemName(p.system)))].filter(
    (s): s is string => s !== null
  );
}

/**
 * A monthly line chart with one line per calendar year (January–December), the latest year emphasised, points with
 * tooltips, breaks as dashed rules with a short label, gaps as shaded months with no line. Under it the definition,
 * the break notes and the data as a table. Returns a <figure> whose chart image is labelled with the key numbers.
 */
export function monthlyChart(
  metric: MetricResult,
  {width, height, format, axis = "millions"}: MonthlyChartOptions
): HTMLElement {
  assertMetric(metric, "monthlyChart()");
  const valueText = format ?? valueFormatter(metric.unit);
  // A year without any value (e.g. a measure no longer reported) gets no colour or legend entry; its gap is shaded.
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
  const yearColor = (year: number) => (years.includes(year) ? newestFirstColor(years.indexOf(year)) : MUTED);
  // The top margin holds the y-axis label (Plot puts it in the first row) and then a row per break or gap label.
  const yLabel = metric.unit === "kr" || metric.unit === "andel" ? null : capitalise(metric.unit);
  const firstRow = yLabel ? 1 : 0;
  const marginTop = Math.max(20, 10 + ANNOTATION_ROW * (firstRow + annotations.length));
  const plotHeight = (height ?? Math.round(Math.max(220, Math.min(340, width * 0.42)))) + marginTop - 20;
  const tickFormat = tickFormatter(metric, axis);
  const monthTicks = width < 480 ? [1, 3, 5, 7, 9, 11] : [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  const tipTitle = (p: ChartPoint) => `${formatMonth(p.month)}: ${valueText(p.value)}`;

  const svg = Plot.plot({
    width,
    height: plotHeight,
    marginTop,
    marginBottom: MARGIN_BOTTOM,
    marginLeft: metric.unit === "kr" && axis === "millions" ? 62 : 54,
    marginRight: 12,
    style: {fontSize: "12px", fontFamily: "var(--sans-serif, system-ui, sans-serif)", color: INK},
    x: {domain: [0.5, 12.5], ticks: monthTicks, tickFormat: (d: number) => formatMonthAbbr(d), label: null},
    y: {
      grid: true,
      zero: true,
      nice: true,
      tickFormat,
      label: yLabel
    },
    color: {type: "ordinal", domain: years, range: colorRange},
    symbol: {type: "ordinal", domain: years, range: symbolRange},
    marks: [
      // A gap: the year's line stops, a strip in the year's colour marks the months, a label names them.
      ...gaps.flatMap((g) =>
        gapBands(g).map((band) =>
          Plot.rect([band], {
            x1: "x1",
            x2: "x2",
            fill: yearColor(band.year),
            insetTop: plotHeight - marginTop - MARGIN_BOTTOM - GAP_STRIP
          })
        )
      ),
      ...gapNotes.map((a, i) =>
        Plot.text([a], {
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
      Plot.ruleY([0], {stroke: MUTED}),
      ...rules.map((b) =>
        Plot.ruleX([breakX(b)], {
          stroke: b.kind === "ej_jamforbar" ? INK : MUTED,
          strokeWidth: 1.5,
          strokeDasharray: b.kind === "ej_jamforbar" ? "6,4" : "2,3"
        })
      ),
      ...[false, true].flatMap((isLatest) =>
        [true, false].map((before) =>
          Plot.line(
            points.filter((p) => (p.year === latest) === isLatest && p.before === before),
            {
              x: "m",
              y: "value",
              z: "z",
              stroke: "year",
              strokeWidth: isLatest ? 3 : 1.75,
              strokeDasharray: before ? "5,3" : undefined
            }
          )
        )
      ),
      Plot.dot(
        defined.filter((p) => p.year !== latest),
        {x: "m", y: "value", fill: "year", symbol: "year", r: 3, stroke: "white", strokeWidth: 1}
      ),
      Plot.dot(
        defined.filter((p) => p.year === latest),
        {x: "m", y: "value", fill: "year", symbol: "year", r: 4, stroke: "white", strokeWidth: 1}
      ),
      ...annotations.map((a, i) =>
        Plot.text([a], {
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
      Plot.tip(defined, Plot.pointer({x: "m", y: "value", title: tipTitle}))
    ]
  });
  chartImage(svg, chartSummary(metric, valueText));
  const data = chartData(metric, all);
  const filename = `${metric.id}-${metric.month}`;
  const title = chartTitle(metric);
  const lastNotComparable = rules.filter((b) => b.kind === "ej_jamforbar").at(-1);

  return html`<figure class="nr-figure nr-monthly" role="group" data-metric=${metric.id}>
    ${legend(years, latest, lastNotComparable)} ${svg}
    <figcaption>
      <p class="nr-definition">${metric.definition}</p>
      ${
        metric.breaks.length
          ? html`<ul class="nr-break-notes">
              ${metric.breaks.map(
                (b) =>
                  html`<li class=${`nr-break-note nr-break-${b.kind}`}>
                    <strong>${breakLabel(b)}.</strong> ${b.reason}${
                      b.kind === "ej_jamforbar" ? " Värdena före och efter brottet är inte jämförbara." : ""
                    }
                  </li>`
              )}
            </ul>`
          : null
      }
      <details class="nr-table-details">
        <summary>Visa som tabell</summary>
        ${dataTable(data.rows, data.columns, {caption: title, filename})}
      </details>
      ${chartDownloads(svg, {
        title,
        source: sourceLine(seriesSystems(metric)),
        legend: [
          ...years.map((year, i) => ({label: String(year), color: newestFirstColor(i)})),
          ...(lastNotComparable
            ? [{label: `Före ${formatMonthAbbr(lastNotComparable.month)}: ej jämförbart`, color: MUTED, dashed: true}]
            : [])
        ],
        filename,
        csv: () => toExcelCsv(data.rows, data.columns)
      })}
    </figcaption>
  </figure>`;
}
