// Breakdowns as horizontal bars (exit reasons, programme areas, students per provider). Suppressed cells keep their row:
// an empty dashed bar labelled "dolt", and a footnote states the rule.
import * as Plot from "@observablehq/plot";
import {html} from "htl";
import {assertBreakdown, assertRows} from "../lib/strict.js";
import type {BreakdownResult} from "../lib/metric-types.js";
import {type Hidden, SUPPRESSED_LABEL as SUPPRESSED, suppressionNote} from "../lib/disclosure.js";
import {chartImage} from "./chart-image.js";
import {chartDownloads} from "./chart-download.js";
import {dataTable, toExcelCsv, type Column} from "./data-table.js";
import {formatInteger, formatMonth, formatMonthAbbr} from "../lib/format.js";
import {BAR, INK, MUTED, newestFirstColor} from "./palette.js";

const ROW = 26;

type Suppressed = Hidden | undefined;

export interface BreakdownBarsOptions {
  width: number;
  /** "value" (default): largest first, hidden values last; "none": the loader's order (e.g. providers A–Ö). */
  sort?: "value" | "none";
  /** Label of the total row in the table; default "Totalt", or "Totalt, unika personer" for an overlapping breakdown. */
  totalLabel?: string;
  /** Download name for the table; default "<id>-<month>". */
  filename?: string;
}

interface Bar {
  key: string;
  label: string;
  value: number | null;
  suppressed: Suppressed;
  text: string;
}

function barText(value: number | null, suppressed: Suppressed): string {
  return value === null ? (suppressed ? SUPPRESSED : "uppgift saknas") : formatInteger(value);
}

/**
 * Room for the labels left of the bars, in pixels (about 7 px a character at 12 px), at most 45 % of the width. When
 * the longest label needs more, labels wrap onto more lines (lineWidth, in ems of the 12 px font, with a margin for
 * wide fonts) instead of being cut off at the edge of the chart, e.g. on an A4 page.
 */
function labelAxis(labels: string[], width: number): {margin: number; lineWidth: number} {
  const longest = Math.max(0, ...labels.map((l) => l.length));
  const needed = Math.max(60, 10 + longest * 7);
  const margin = Math.round(Math.min(width * 0.45, needed));
  return {margin, lineWidth: needed <= margin ? Infinity : ((margin - 10) / 12) * 0.85};
}

/** The cells in display order: by value descending (hidden values after shown ones, zeros last) or as given. */
export function sortedCells(breakdown: BreakdownResult, sort: "value" | "none" = "value"): Bar[] {
  const bars = breakdown.cells.map((c) => ({
    key: c.key,
    label: c.label,
    value: c.value,
    suppressed: c.suppressed,
    text: barText(c.value, c.suppressed)
  }));
  if (sort === "none") return bars;
  const rank = (b: Bar) => (b.value === null ? 0.5 : b.value);
  return bars.sort((a, b) => rank(b) - rank(a) || a.label.localeCompare(b.label, "sv"));
}

/** Said under a breakdown whose cells can count the same person more than once. */
export const OVERLAP_NOTE =
  "En person kan ingå i flera kategorier och räknas då i var och en, så kategorierna summerar till mer än totalen. Totalen räknar varje person en gång.";

function totalText(breakdown: BreakdownResult): string {
  return `${breakdown.overlapping ? "Totalt, unika personer" : "Totalt"} ${formatInteger(breakdown.total)}`;
}

function summary(breakdown: BreakdownResult, bars: Bar[]): string {
  const shown = bars.slice(0, 12).map((b) => `${b.label} ${b.text}`);
  const more = bars.length > 12 ? ", med flera" : "";
  return `${breakdown.label}, ${formatMonth(breakdown.month)}. ${totalText(breakdown)}. ${shown.join(", ")}${more}.`;
}

function notes(hasHidden: boolean): HTMLElement | null {
  return hasHidden ? html`<p class="nr-footnote nr-suppression-note">${suppressionNote()}</p>` : null;
}

/** A breakdown whose cells are withheld: the total and why the categories are not shown. */
function withheldFigure(breakdown: BreakdownResult, totalLabel: string): HTMLElement {
  const text = `${breakdown.label}, ${formatMonth(breakdown.month)}. ${totalLabel} ${formatInteger(breakdown.total)}.`;
  return html`<figure class="nr-figure nr-breakdown" aria-label=${text} data-metric=${breakdown.id}>
    <p class="nr-withheld">
      ${totalLabel} ${formatInteger(breakdown.total)}. Fördelningen visas inte för ${formatMonth(breakdown.month)}:
      antalen är så små att varje kategori skulle kunna röja enskilda personer.
    </p>
    <figcaption>
      <p class="nr-definition">${breakdown.definition}</p>
    </figcaption>
  </figure>`;
}

/**
 * Horizontal bars for a breakdown, sorted descending, with the value at the end of each bar. A suppressed cell is an
 * empty dashed bar labelled "dolt" and the figure gets a footnote with the rule. Under the chart: the definition and
 * the data as a table with a total row. A withheld breakdown shows its total and why.
 */
export function breakdownBars(
  breakdown: BreakdownResult,
  {width, sort = "value", totalLabel, filename}: BreakdownBarsOptions
): HTMLElement {
  assertBreakdown(breakdown, "breakdownBars()");
  if (breakdown.withheld) {
    return withheldFigure(breakdown, totalLabel ?? (breakdown.overlapping ? "Totalt, unika personer" : "Totalt"));
  }
  const bars = sortedCells(breakdown, sort);
  const shown = bars.filter((b) => b.value !== null);
  const hidden = bars.filter((b) => b.value === null && b.suppressed);
  const max = Math.max(1, ...shown.map((b) => b.value as number));
  const stub = max * 0.04; // hidden values get a short outline: long enough to see, too short to read as a value
  const labels = labelAxis(
    bars.map((b) => b.label),
    width
  );

  const svg = Plot.plot({
    width,
    height: 8 + ROW * Math.max(1, bars.length),
    marginLeft: labels.margin,
    marginRight: 56,
    marginTop: 4,
    marginBottom: 4,
    style: {fontSize: "12px", fontFamily: "var(--sans-serif, system-ui, sans-serif)", color: INK},
    x: {domain: [0, max], nice: true, axis: null},
    y: {domain: bars.map((b) => b.label), padding: 0.25},
    marks: [
      Plot.axisY({tickSize: 0, label: null, lineWidth: labels.lineWidth}),
      Plot.barX(shown, {x: "value", y: "label", fill: BAR}),
      Plot.barX(hidden, {
        x1: 0,
        x2: stub,
        y: "label",
        fill: "white",
        stroke: MUTED,
        strokeWidth: 1.25,
        strokeDasharray: "3,2"
      }),
      Plot.ruleX([0], {stroke: INK}),
      Plot.text(bars, {
        x: (b: Bar) => (b.value === null ? (b.suppressed ? stub : 0) : b.value),
        y: "label",
        text: "text",
        textAnchor: "start",
        dx: 5,
        fill: INK
      })
    ]
  });
  chartImage(svg, summary(breakdown, bars));

  const rows = bars.map((b) => ({label: b.label, value: b.value, suppressed: b.suppressed}));
  const columns: Column[] = [
    {key: "label", label: "Kategori", format: "text"},
    {key: "value", label: "Antal", format: "integer"}
  ];
  const title = `${breakdown.label}, ${formatMonth(breakdown.month)}`;
  const name = filename ?? `${breakdown.id}-${breakdown.month}`;
  const footer = [
    {label: totalLabel ?? (breakdown.overlapping ? "Totalt, unika personer" : "Totalt"), value: breakdown.total}
  ];
  return html`<figure class="nr-figure nr-breakdown" role="group" data-metric=${breakdown.id}>
    ${svg}
    <figcaption>
      <p class="nr-definition">${breakdown.definition}</p>
      ${breakdown.overlapping ? html`<p class="nr-footnote nr-overlap-note">${OVERLAP_NOTE}</p>` : null}
      ${notes(hidden.length > 0)}
      <details class="nr-table-details">
        <summary>Visa som tabell</summary>
        ${dataTable(rows, columns, {caption: title, filename: name, footer})}
      </details>
      ${chartDownloads(svg, {title, filename: name, csv: () => toExcelCsv([...rows, ...footer], columns)})}
    </figcaption>
  </figure>`;
}

/** One value of a grouped breakdown, e.g. a programme area (key) in a month (group). */
export interface GroupedRow {
  /** The group, e.g. a month "2023-11" or a period; groups are drawn in the order they first appear. */
  group: string;
  key: string;
  label: string;
  value: number | null;
  suppressed?: Hidden;
}

export interface GroupedBarsOptions {
  width: number;
  /** What the figure shows, for the caption and the text alternative. */
  title: string;
  definition?: string;
  /** How groups are named: "month" turns "2023-11" into "nov 2023"; "text" shows them as they are (default). */
  groupFormat?: "month" | "text";
  /** Download name for the table; default from the title. */
  filename?: string;
}

/**
 * Grouped horizontal bars: for each category a bar per group (e.g. programme areas over the last months, or admissions
 * per school and period), the last group darkest. Categories are sorted by the last group's value. Suppressed values
 * are dashed outlines labelled "dolt", as in breakdownBars.
 */
export function groupedBars(
  rows: readonly GroupedRow[],
  {width, title, definition, groupFormat = "text", filename}: GroupedBarsOptions
): HTMLElement {
  assertRows(rows, "groupedBars()");
  const groups = [...new Set(rows.map((r) => r.group))];
  const groupName = (g: string) => (groupFormat === "month" ? formatMonthAbbr(g) : g);
  const last = groups[groups.length - 1];
  const categories = [...new Map(rows.map((r) => [r.key, r.label])).entries()];
  const lastValue = (key: string) => rows.find((r) => r.key === key && r.group === last)?.value ?? 0.5;
  categories.sort((a, b) => lastValue(b[0]) - lastValue(a[0]) || a[1].localeCompare(b[1], "sv"));

  const bars = rows.map((r) => ({...r, name: groupName(r.group), text: barText(r.value, r.suppressed)}));
  const shown = bars.filter((b) => b.value !== null);
  const hidden = bars.filter((b) => b.value === null && b.suppressed);
  const max = Math.max(1, ...shown.map((b) => b.value as number));
  const stub = max * 0.04;
  // Newest group darkest: the year palette from the newest end.
  const colors = groups.map((_, i) => newestFirstColor(groups.length - 1 - i));
  const names = groups.map(groupName);
  const groupLabels = labelAxis(
    categories.map(([, label]) => label),
    width
  );

  const svg = Plot.plot({
    width,
    height: 24 + categories.length * (groups.length * 16 + 14),
    marginLeft: groupLabels.margin,
    marginRight: 56,
    marginTop: 4,
    marginBottom: 8,
    style: {fontSize: "12px", fontFamily: "var(--sans-serif, system-ui, sans-serif)", color: INK},
    x: {domain: [0, max], nice: true, axis: null},
    y: {domain: names, axis: null, padding: 0.15},
    fy: {domain: categories.map(([, label]) => label), label: null, padding: 0.2},
    color: {type: "ordinal", domain: names, range: colors},
    marks: [
      Plot.barX(shown, {x: "value", y: "name", fy: "label", fill: "name"}),
      Plot.barX(hidden, {
        x1: 0,
        x2: stub,
        y: "name",
        fy: "label",
        fill: "white",
        stroke: MUTED,
        strokeDasharray: "3,2"
      }),
      Plot.ruleX([0], {stroke: INK}),
      Plot.text(bars, {
        x: (b: (typeof bars)[number]) => (b.value === null ? (b.suppressed ? stub : 0) : b.value),
        y: "name",
        fy: "label",
        text: "text",
        textAnchor: "start",
        dx: 5,
        fill: INK,
        fontSize: 11
      }),
      Plot.axisFy({anchor: "left", tickSize: 0, label: null, lineWidth: groupLabels.lineWidth})
    ]
  });
  // The table is wide: a row per category, a column per group; each cell knows whether it was suppressed.
  const cell = (key: string, group: string) => rows.find((r) => r.key === key && r.group === group);
  const tableRows = categories.map(([key, label]) =>
    Object.fromEntries([
      ["label", label],
      ...groups.flatMap((g, i) => [
        [`g${i}`, cell(key, g)?.value ?? null],
        [`s${i}`, cell(key, g)?.suppressed ?? null]
      ])
    ])
  );
  const columns: Column[] = [
    {key: "label", label: "Kategori", format: "text"},
    ...groups.map((g, i): Column => ({
      key: `g${i}`,
      label: names[i],
      format: "integer",
      missing: (row) => ((row as Record<string, Suppressed | null>)[`s${i}`] ? SUPPRESSED : "uppgift saknas")
    }))
  ];
  const summaryText = `${title}. ${categories
    .map(
      ([key, label]) =>
        `${label}: ${groups.map((g, i) => `${names[i]} ${barText(cell(key, g)?.value ?? null, cell(key, g)?.suppressed)}`).join(", ")}`
    )
    .join("; ")}.`;
  chartImage(svg, summaryText);
  const file = filename ?? title.toLowerCase().replace(/[^a-z0-9åäö]+/g, "-");

  return html`<figure class="nr-figure nr-grouped" role="group">
    <div class="nr-legend" aria-hidden="true">
      ${names.map(
        (name, i) =>
          html`<span class="nr-legend-item"
            ><svg width="12" height="12"><rect width="12" height="12" fill=${colors[i]} /></svg> ${name}</span
          >`
      )}
    </div>
    ${svg}
    <figcaption>
      ${definition ? html`<p class="nr-definition">${definition}</p>` : null} ${notes(hidden.length > 0)}
      <details class="nr-table-details">
        <summary>Visa som tabell</summary>
        ${dataTable(tableRows, columns, {caption: title, filename: file})}
      </details>
      ${chartDownloads(svg, {
        title,
        legend: names.map((label, i) => ({label, color: colors[i], shape: "box" as const})),
        filename: file,
        csv: () => toExcelCsv(tableRows, columns)
      })}
    </figcaption>
  </figure>`;
}
