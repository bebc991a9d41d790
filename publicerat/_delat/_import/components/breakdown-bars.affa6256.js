import * as Plot from "../../_node/@observablehq/plot@0.6.17/index.f66f3cd7.js";
import { html } from "../../_node/htl@0.3.1/index.0caf36e7.js";
import { assertBreakdown, assertRows } from "../lib/strict.bff53198.js";
import { SUPPRESSED_LABEL as SUPPRESSED, suppressionNote } from "../lib/disclosure.df4ac8fb.js";
import { chartImage } from "./chart-image.609dbd24.js";
import { chartDownloads } from "./chart-download.9a641d8b.js";
import { dataTable, toExcelCsv } from "./data-table.d50093b1.js";
import { formatInteger, formatMonth, formatMonthAbbr } from "../lib/format.31c9c2b5.js";
import { BAR, INK, MUTED, newestFirstColor } from "./palette.cf90eeae.js";
const ROW = 26;
function barText(value, suppressed) {
  return value === null ? suppressed ? SUPPRESSED : "uppgift saknas" : formatInteger(value);
}
function labelAxis(labels, width) {
  const longest = Math.max(0, ...labels.map((l) => l.length));
  const needed = Math.max(60, 10 + longest * 7);
  const margin = Math.round(Math.min(width * 0.45, needed));
  return { margin, lineWidth: needed <= margin ? Infinity : (margin - 10) / 12 * 0.85 };
}
export function sortedCells(breakdown, sort = "value") {
  const bars = breakdown.cells.map((c) => ({
    key: c.key,
    label: c.label,
    value: c.value,
    suppressed: c.suppressed,
    text: barText(c.value, c.suppressed)
  }));
  if (sort === "none") return bars;
  const rank = (b) => b.value === null ? 0.5 : b.value;
  return bars.sort((a, b) => rank(b) - rank(a) || a.label.localeCompare(b.label, "sv"));
}
export const OVERLAP_NOTE = "En person kan ing\xE5 i flera kategorier och r\xE4knas d\xE5 i var och en, s\xE5 kategorierna summerar till mer \xE4n totalen. Totalen r\xE4knar varje person en g\xE5ng.";
function totalText(breakdown) {
  return `${breakdown.overlapping ? "Totalt, unika personer" : "Totalt"} ${formatInteger(breakdown.total)}`;
}
function summary(breakdown, bars) {
  const shown = bars.slice(0, 12).map((b) => `${b.label} ${b.text}`);
  const more = bars.length > 12 ? ", med flera" : "";
  return `${breakdown.label}, ${formatMonth(breakdown.month)}. ${totalText(breakdown)}. ${shown.join(", ")}${more}.`;
}
function notes(hasHidden) {
  return hasHidden ? html`<p class="nr-footnote nr-suppression-note">${suppressionNote()}</p>` : null;
}
function withheldFigure(breakdown, totalLabel) {
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
export function breakdownBars(breakdown, { width, sort = "value", totalLabel, filename }) {
  assertBreakdown(breakdown, "breakdownBars()");
  if (breakdown.withheld) {
    return withheldFigure(breakdown, totalLabel ?? (breakdown.overlapping ? "Totalt, unika personer" : "Totalt"));
  }
  const bars = sortedCells(breakdown, sort);
  const shown = bars.filter((b) => b.value !== null);
  const hidden = bars.filter((b) => b.value === null && b.suppressed);
  const max = Math.max(1, ...shown.map((b) => b.value));
  const stub = max * 0.04;
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
    style: { fontSize: "12px", fontFamily: "var(--sans-serif, system-ui, sans-serif)", color: INK },
    x: { domain: [0, max], nice: true, axis: null },
    y: { domain: bars.map((b) => b.label), padding: 0.25 },
    marks: [
      Plot.axisY({ tickSize: 0, label: null, lineWidth: labels.lineWidth }),
      Plot.barX(shown, { x: "value", y: "label", fill: BAR }),
      Plot.barX(hidden, {
        x1: 0,
        x2: stub,
        y: "label",
        fill: "white",
        stroke: MUTED,
        strokeWidth: 1.25,
        strokeDasharray: "3,2"
      }),
      Plot.ruleX([0], { stroke: INK }),
      Plot.text(bars, {
        x: (b) => b.value === null ? b.suppressed ? stub : 0 : b.value,
        y: "label",
        text: "text",
        textAnchor: "start",
        dx: 5,
        fill: INK
      })
    ]
  });
  chartImage(svg, summary(breakdown, bars));
  const rows = bars.map((b) => ({ label: b.label, value: b.value, suppressed: b.suppressed }));
  const columns = [
    { key: "label", label: "Kategori", format: "text" },
    { key: "value", label: "Antal", format: "integer" }
  ];
  const title = `${breakdown.label}, ${formatMonth(breakdown.month)}`;
  const name = filename ?? `${breakdown.id}-${breakdown.month}`;
  const footer = [
    { label: totalLabel ?? (breakdown.overlapping ? "Totalt, unika personer" : "Totalt"), value: breakdown.total }
  ];
  return html`<figure class="nr-figure nr-breakdown" role="group" data-metric=${breakdown.id}>
    ${svg}
    <figcaption>
      <p class="nr-definition">${breakdown.definition}</p>
      ${breakdown.overlapping ? html`<p class="nr-footnote nr-overlap-note">${OVERLAP_NOTE}</p>` : null}
      ${notes(hidden.length > 0)}
      <details class="nr-table-details">
        <summary>Visa som tabell</summary>
        ${dataTable(rows, columns, { caption: title, filename: name, footer })}
      </details>
      ${chartDownloads(svg, { title, filename: name, csv: () => toExcelCsv([...rows, ...footer], columns) })}
    </figcaption>
  </figure>`;
}
export function groupedBars(rows, { width, title, definition, groupFormat = "text", filename }) {
  assertRows(rows, "groupedBars()");
  const groups = [...new Set(rows.map((r) => r.group))];
  const groupName = (g) => groupFormat === "month" ? formatMonthAbbr(g) : g;
  const last = groups[groups.length - 1];
  const categories = [...new Map(rows.map((r) => [r.key, r.label])).entries()];
  const lastValue = (key) => rows.find((r) => r.key === key && r.group === last)?.value ?? 0.5;
  categories.sort((a, b) => lastValue(b[0]) - lastValue(a[0]) || a[1].localeCompare(b[1], "sv"));
  const bars = rows.map((r) => ({ ...r, name: groupName(r.group), text: barText(r.value, r.suppressed) }));
  const shown = bars.filter((b) => b.value !== null);
  const hidden = bars.filter((b) => b.value === null && b.suppressed);
  const max = Math.max(1, ...shown.map((b) => b.value));
  const stub = max * 0.04;
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
    style: { fontSize: "12px", fontFamily: "var(--sans-serif, system-ui, sans-serif)", color: INK },
    x: { domain: [0, max], nice: true, axis: null },
    y: { domain: names, axis: null, padding: 0.15 },
    fy: { domain: categories.map(([, label]) => label), label: null, padding: 0.2 },
    color: { type: "ordinal", domain: names, range: colors },
    marks: [
      Plot.barX(shown, { x: "value", y: "name", fy: "label", fill: "name" }),
      Plot.barX(hidden, {
        x1: 0,
        x2: stub,
        y: "name",
        fy: "label",
        fill: "white",
        stroke: MUTED,
        strokeDasharray: "3,2"
      }),
      Plot.ruleX([0], { stroke: INK }),
      Plot.text(bars, {
        x: (b) => b.value === null ? b.suppressed ? stub : 0 : b.value,
        y: "name",
        fy: "label",
        text: "text",
        textAnchor: "start",
        dx: 5,
        fill: INK,
        fontSize: 11
      }),
      Plot.axisFy({ anchor: "left", tickSize: 0, label: null, lineWidth: groupLabels.lineWidth })
    ]
  });
  const cell = (key, group) => rows.find((r) => r.key === key && r.group === group);
  const tableRows = categories.map(
    ([key, label]) => Object.fromEntries([
      ["label", label],
      ...groups.flatMap((g, i) => [
        [`g${i}`, cell(key, g)?.value ?? null],
        [`s${i}`, cell(key, g)?.suppressed ?? null]
      ])
    ])
  );
  const columns = [
    { key: "label", label: "Kategori", format: "text" },
    ...groups.map((g, i) => ({
      key: `g${i}`,
      label: names[i],
      format: "integer",
      missing: (row) => row[`s${i}`] ? SUPPRESSED : "uppgift saknas"
    }))
  ];
  const summaryText = `${title}. ${categories.map(
    ([key, label]) => `${label}: ${groups.map((g, i) => `${names[i]} ${barText(cell(key, g)?.value ?? null, cell(key, g)?.suppressed)}`).join(", ")}`
  ).join("; ")}.`;
  chartImage(svg, summaryText);
  const name = filename ?? title.toLowerCase().replace(/[^a-z0-9åäö]+/g, "-");
  return html`<figure class="nr-figure nr-grouped" role="group">
    <div class="nr-legend" aria-hidden="true">
      ${names.map(
    (name2, i) => html`<span class="nr-legend-item"
            ><svg width="12" height="12"><rect width="12" height="12" fill=${colors[i]} /></svg> ${name2}</span
          >`
  )}
    </div>
    ${svg}
    <figcaption>
      ${definition ? html`<p class="nr-definition">${definition}</p>` : null} ${notes(hidden.length > 0)}
      <details class="nr-table-details">
        <summary>Visa som tabell</summary>
        ${dataTable(tableRows, columns, { caption: title, filename: name })}
      </details>
      ${chartDownloads(svg, {
    title,
    legend: names.map((label, i) => ({ label, color: colors[i], shape: "box" })),
    filename: name,
    csv: () => toExcelCsv(tableRows, columns)
  })}
    </figcaption>
  </figure>`;
}
