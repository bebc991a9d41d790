// Tables of the review page (/<YYYY-MM>/granskning): the same report as `npm run granska`, in sv-SE formats with CSV
// download. The review JSON comes from src/[month]/data/granskning.json.ts; its types are the loader's.
import {html} from "htl";

import type {Finding, LateChange, Review, ReviewMetricRow} from "../lib/review-types.js";

import {dataTable, type Column, type ColumnFormat} from "./data-table.js";
import {formatInteger, formatMonth, unitFormat} from "../lib/format.js";

const FLAG_LABELS: Record<string, string> = {
  seriebrott: "Seriebrott",
  undertryckt: "Undertryckt",
  troskel: "Över tröskeln",
  datakvalitet: "Datakvalitet"
};

/** Kronor, shares and counts share the value columns; each row is formatted by its unit. */
function rowFormat(row: object): ColumnFormat {
  return unitFormat((row as {unit?: string}).unit ?? "");
}

/** A change, signed: kronor and counts as whole numbers, a share's change in percentage points. */
function changeFormat(row: object): ColumnFormat {
  return (row as {unit?: string}).unit === "andel" ? "signedPercent" : "signedInteger";
}

const valueColumn = (key: string, label: string, format: (row: object) => ColumnFormat = rowFormat): Column => ({
  key,
  label,
  format: "number",
  formatOf: format
});

/** Counts and flags for the top of the page. */
export function reviewSummary(review: Review): HTMLElement {
  const warnings = review.findings.filter((f) => f.severity === "varning").length;
  const flagged = review.metrics.filter((m) => m.flags.some((f) => f.kind !== "seriebrott")).length;
  const suppressed = review.breakdowns.filter((c) => c.flags.length).length;
  const changed = review.publishedEditions.filter((e) => e.changes > 0);
  return html`<ul class="nr-review-summary">
    <li><strong>${formatInteger(review.metrics.length)}</strong> mått, varav ${formatInteger(flagged)} med flaggor</li>
    <li><strong>${formatInteger(suppressed)}</strong> undertryckta celler i fördelningarna</li>
    <li><strong>${formatInteger(warnings)}</strong> datakvalitetsvarningar</li>
    <li>
      <strong>${formatInteger(review.lateRegistrations.length)}</strong> efterregistrerade ändringar sedan leverans
      ${review.previousDelivery ?? "–"}
    </li>
    <li>
      <strong>${formatInteger(changed.length)}</strong> publicerade utgåvor visar i dag andra
      tal${changed.length ? `: ${changed.map((e) => formatMonth(e.month)).join(", ")}` : ""}
    </li>
  </ul>` as HTMLElement;
}

const flagText = (row: ReviewMetricRow) => [...new Set(row.flags.map((f) => FLAG_LABELS[f.kind] ?? f.kind))].join(", ");

/** Every metric of a section with its comparisons and flags. */
export function metricTable(review: Review, section: ReviewMetricRow["section"]): HTMLElement {
  const rows = review.metrics
    .filter((m) => m.section === section)
    .map((m) => ({
      label: m.label,
      unit: m.unit,
      value: m.value,
      previousMonth: m.previousMonth.value,
      changeMonth: m.previousMonth.comparable ? m.previousMonth.change : null,
      previousYear: m.previousYear.value,
      changeYear: m.previousYear.comparable ? m.previousYear.change : null,
      flags: flagText(m)
    }));
  const notComparable = () => "ej jämförbart";
  return dataTable(
    rows,
    [
      {key: "label", label: "Mått", format: "text"},
      valueColumn("value", formatMonth(review.month)),
      valueColumn("previousMonth", "Föregående månad"),
      {...valueColumn("changeMonth", "Förändring", changeFormat), missing: notComparable},
      valueColumn("previousYear", "Föregående år"),
      {...valueColumn("changeYear", "Förändring", changeFormat), missing: notComparable},
      {key: "flags", label: "Flaggor", format: "text", missing: ""}
    ],
    {caption: `${section}: ${formatMonth(review.month)} mot föregående månad och år`, filename: `granskning-${section}`}
  );
}

/** One row per flag of a metric, with its Swedish explanation. */
export function flagTable(review: Review): HTMLElement {
  const rows = review.metrics.flatMap((m) =>
    m.flags.map((f) => ({label: m.label, kind: FLAG_LABELS[f.kind] ?? f.kind, message: f.message}))
  );
  return dataTable(
    rows,
    [
      {key: "label", label: "Mått", format: "text"},
      {key: "kind", label: "Flagga", format: "text"},
      {key: "message", label: "Förklaring", format: "text"}
    ],
    {caption: "Flaggor per mått", filename: `granskning-flaggor-${review.month}`}
  );
}

/** Every breakdown cell; hidden cells show the shared rule's marker and whether they were hidden primarily. */
export function breakdownTable(review: Review): HTMLElement {
  const reasons = {primar: "primärt", sekundar: "sekundärt"} as const;
  return dataTable(
    review.breakdowns.map((c) => ({
      ...c,
      dold: c.suppressed === "primar" || c.suppressed === "sekundar" ? reasons[c.suppressed] : ""
    })),
    [
      {key: "label", label: "Fördelning", format: "text"},
      {key: "cell", label: "Kategori", format: "text"},
      {key: "value", label: "Antal", format: "integer"},
      {key: "dold", label: "Dold", format: "text"}
    ],
    {caption: `Fördelningar ${formatMonth(review.month)}`, filename: `granskning-fordelningar-${review.month}`}
  );
}

/** Data-quality findings of the edition's delivery. */
export function findingTable(findings: readonly Finding[], month: string): HTMLElement {
  return dataTable(
    findings.map((f) => ({id: f.id, severity: f.severity === "fel" ? "Fel" : "Varning", message: f.message})),
    [
      {key: "id", label: "Kontroll", format: "text"},
      {key: "severity", label: "Allvar", format: "text"},
      {key: "message", label: "Meddelande", format: "text"}
    ],
    {caption: "Datakvalitet i leveransen", filename: `granskning-datakvalitet-${month}`}
  );
}

/** Changed values (late registrations, or a published edition's numbers now). */
export function changeTable(
  changes: readonly (LateChange & {cause?: string})[],
  {caption, filename}: {caption: string; filename: string}
): HTMLElement {
  const columns: Column[] = [
    {key: "label", label: "Mått", format: "text"},
    {key: "month", label: "Månad", format: "month"},
    valueColumn("before", "Tidigare"),
    valueColumn("after", "Nu"),
    valueColumn("difference", "Skillnad", changeFormat),
    {key: "share", label: "Procent", format: "signedPercent", missing: "–"}
  ];
  if (changes.some((c) => c.cause)) columns.push({key: "cause", label: "Orsak", format: "text"});
  return dataTable(
    changes.map((c) => ({...c})),
    columns,
    {caption, filename}
  );
}
