// The review's summary line and its CSV for Swedish Excel (npm run granska -- --csv): every section as its own block
// (a title line, a header, the rows), values rounded as the report shows them, empty cells where a number is missing.
import type {Review} from "../../src/lib/review-types.ts";
import {
  findingRecords,
  lateRecords,
  metricRecords,
  publishedRecords,
  REVIEW_COLUMN_KINDS,
  REVIEW_TABLES,
  type ReviewTable
} from "../../src/lib/review-rows.ts";
import {unitFormat} from "../../src/lib/format.ts";
import {isFlagged} from "../../src/lib/review-rows.ts";
import {toExcelCsv, type Column} from "../../src/lib/table-format.ts";

/** The counts a reviewer reads first. */
export function summaryCounts(review: Review) {
  const changedEditions = review.publishedEditions.filter((e) => e.changes > 0).map((e) => e.month);
  return {
    metrics: review.metrics.length,
    flagged: review.metrics.filter(isFlagged).length,
    suppressed: review.breakdowns.filter((c) => c.flags.length).length,
    warnings: review.findings.filter((f) => f.severity === "varning").length,
    late: review.lateRegistrations.length,
    changedEditions
  };
}

/** "Sammanfattning: 23 mått, 8 med flaggor, …. Inga fel." */
export function summaryLine(review: Review): string {
  const c = summaryCounts(review);
  return (
    `Sammanfattning: ${c.metrics} mått, ${c.flagged} med flaggor, ${c.suppressed} undertryckta celler, ` +
    `${c.warnings} datakvalitetsvarningar, ${c.late} efterregistrerade ändringar, ` +
    `${c.changedEditions.length ? `publicerade utgåvor med ändrade tal: ${c.changedEditions.join(", ")}` : "inga publicerade utgåvor med ändrade tal"}. Inga fel.`
  );
}

type Row = Record<string, string | number | null>;

/**
 * A value rounded as shown: kronor and counts whole, a share (fraction) to a tenth of a per cent. A share has no
 * relative change: it changes in procentenheter only.
 */
function rounded(unit: string, value: number | null, kind: string): number | null {
  if (value === null) return null;
  if (kind === "relative") return unit === "andel" ? null : Math.round(value * 1000) / 1000;
  if (kind === "number") return value;
  return unit === "andel" ? Math.round(value * 1000) / 1000 : Math.round(value);
}

/** Columns of a review table for CSV: shares and relative changes in per cent, empty cells where a number is missing. */
function csvColumns(table: ReviewTable, labels: Record<string, string>): Column[] {
  return Object.entries(table.columns).map(([key, column]): Column => {
    const label = labels[key] ?? key;
    if (column.kind === "text") return {key, label, format: "text", missing: ""};
    if (column.kind === "relative") return {key, label: `${label} (%)`, format: "signedPercent", missing: ""};
    if (column.kind === "number") return {key, label, format: "integer", missing: ""};
    return {
      key,
      label,
      format: "number",
      missing: "",
      // A share is written in per cent (its change in procentenheter), kronor and counts as whole numbers.
      formatOf: (row) => unitFormat(String((row as Row).enhet))
    };
  });
}

function roundedRows(rows: readonly Row[]): Row[] {
  return rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([key, value]) => [
        key,
        typeof value === "number"
          ? rounded(String(row.enhet ?? ""), value, REVIEW_COLUMN_KINDS[key] ?? "number")
          : value
      ])
    )
  );
}

const LABELS: Record<string, string> = {
  avsnitt: "Avsnitt",
  matt_id: "Mått-id",
  matt: "Mått",
  enhet: "Enhet",
  manad: "Månad",
  varde: "Värde",
  foregaende_manad: "Föregående månad",
  forandring_manad: "Förändring mot föregående månad",
  forandring_manad_procent: "Förändring mot föregående månad",
  foregaende_ar: "Föregående år",
  forandring_ar: "Förändring mot föregående år",
  forandring_ar_procent: "Förändring mot föregående år",
  flaggor: "Flaggor",
  tidigare: "Tidigare",
  nu: "Nu",
  skillnad: "Skillnad",
  skillnad_procent: "Skillnad",
  utgava: "Utgåva",
  version: "Version",
  publicerad_leverans: "Publicerad med leverans",
  orsak: "Orsak",
  kontroll: "Kontroll",
  regel: "Regel",
  allvar: "Allvar",
  tabell: "Tabell",
  fil: "Fil",
  kolumn: "Kolumn",
  antal: "Antal",
  meddelande: "Meddelande"
};

function csvBlock(title: string, rows: readonly object[], columns: readonly Column[]): string {
  // toExcelCsv starts with a byte-order mark; the file gets one at its very start only.
  return `${title}\r\n${toExcelCsv(rows, columns).replace(/^\ufeff/, "")}`;
}

/** The whole review as one CSV for Swedish Excel: summary, then a block per section. */
export function reviewCsv(review: Review): string {
  const summary: Column[] = [
    {key: "what", label: "Uppgift", format: "text"},
    {key: "value", label: "Värde", format: "text"}
  ];
  const counts = summaryCounts(review);
  const flags = review.metrics.flatMap((m) =>
    m.flags.map((f) => ({matt: m.label, flagga: f.kind, forklaring: f.message}))
  );
  const cells = review.breakdowns.map((c) => ({
    fordelning: c.label,
    kategori: c.cell,
    antal: c.value,
    dold: c.suppressed === "primar" ? "primärt" : c.suppressed === "sekundar" ? "sekundärt" : ""
  }));
  const blocks = [
    csvBlock(
      "Sammanfattning",
      [
        {what: "Rapportmånad", value: review.month},
        {what: "Leverans", value: review.delivery},
        {what: "Föregående leverans", value: review.previousDelivery ?? ""},
        {what: "Tröskel (%)", value: String(Math.round(review.threshold * 100))},
        {what: "Mått", value: String(counts.metrics)},
        {what: "Mått med flaggor", value: String(counts.flagged)},
        {what: "Undertryckta celler", value: String(counts.suppressed)},
        {what: "Datakvalitetsvarningar", value: String(counts.warnings)},
        {what: "Efterregistrerade ändringar", value: String(counts.late)},
        {what: "Publicerade utgåvor med ändrade tal", value: counts.changedEditions.join(", ") || "inga"},
        {what: "Fel", value: "0"}
      ],
      summary
    ),
    csvBlock("Mått", roundedRows(metricRecords(review)), csvColumns(REVIEW_TABLES.matt, LABELS)),
    csvBlock("Flaggor", flags, [
      {key: "matt", label: "Mått", format: "text"},
      {key: "flagga", label: "Flagga", format: "text"},
      {key: "forklaring", label: "Förklaring", format: "text"}
    ]),
    csvBlock("Fördelningar", cells, [
      {key: "fordelning", label: "Fördelning", format: "text"},
      {key: "kategori", label: "Kategori", format: "text"},
      {key: "antal", label: "Antal", format: "integer", missing: ""},
      {key: "dold", label: "Dold", format: "text"}
    ]),
    csvBlock("Datakvalitet", findingRecords(review), csvColumns(REVIEW_TABLES.kontroller, LABELS)),
    csvBlock(
      "Efterregistrering",
      roundedRows(lateRecords(review)),
      csvColumns(REVIEW_TABLES.efterregistrering, LABELS)
    ),
    csvBlock(
      "Publicerade utgåvor",
      roundedRows(publishedRecords(review)),
      csvColumns(REVIEW_TABLES.publicerade_andringar, LABELS)
    )
  ];
  return `\ufeff${blocks.join("\r\n")}`;
}
