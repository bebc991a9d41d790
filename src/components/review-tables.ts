// Tables of the review page (/<YYYY-MM>/granskning): the same report as `npm run granska`, in sv-SE formats with CSV
// download. The review JSON comes from src/[month]/data/granskning.json.ts; its types are the loader's.
import {html} from "htl";

import type {Finding, LateChange, Review, ReviewMetricRow} from "../lib/review-types.js";

import {dataTable, type Column, type ColumnFormat} from "./data-table.js";
import {changeFormat} from "../lib/table-format.js";
import {formatInteger, formatMonth, unitFormat} from "../lib/format.js";
import {isFlagged, metricRecords} from "../lib/review-rows.js";

const FLAG_LABELS: Record<string, string> = {
  seriebrott: "Seriebrott",
  undertryckt: "Undertryckt",
  troskel: "Över tröskeln",
  datakvalitet: "Datakvalitet"
};

/** Kronor, shares and counts share the value columns; each row is formatted by its unit (`unit` or `enhet`). */
function rowFormat(row: object): ColumnFormat {
  const {unit, enhet} = row as {unit?: string; enhet?: string};
  return unitFormat(unit ?? enhet ?? "");
}

/** A difference, signed: kronor and counts as whole numbers, a share's in procentenheter. */
function differenceFormat(row: object): ColumnFormat {
  return changeFormat((row as {unit?: string}).unit, "difference");
}

const valueColumn = (key: string, label: string, format: (row: object) => ColumnFormat = rowFormat): Column => ({
  key,
  label,
  format: "number",
  formatOf: format
});

/** Link targets on the review page: a metric's row, a hidden cell's row, a finding's row, a published edition. */
export const anchors = {
  metric: (id: string) => `matt-${id}`,
  cell: (breakdown: string, key: string) => `cell-${breakdown}-${key}`,
  finding: (index: number) => `kontroll-${index + 1}`,
  edition: (month: string) => `publicerad-${month}`,
  late: "efterregistrering"
} as const;

/** "a, b och c" of links. */
function linkList(items: readonly {href: string; text: string}[]): (HTMLElement | string)[] {
  return items.flatMap((item, i) => [
    i === 0 ? "" : i === items.length - 1 ? " och " : ", ",
    html`<a href=${`#${item.href}`}>${item.text}</a>` as HTMLElement
  ]);
}

/**
 * The counts a reviewer reads first, each linking to its rows: flagged metrics, hidden cells, data-quality warnings,
 * late registrations and published editions that show other numbers today.
 */
export function reviewSummary(review: Review): HTMLElement {
  const warnings = review.findings.map((f, i) => ({f, i})).filter(({f}) => f.severity === "varning");
  const flagged = review.metrics.filter(isFlagged);
  const suppressed = review.breakdowns.filter((c) => c.flags.length);
  const changed = review.publishedEditions.filter((e) => e.changes > 0);
  return html`<ul class="nr-review-summary">
    <li>
      <strong>${formatInteger(review.metrics.length)}</strong> mått, varav ${formatInteger(flagged.length)} med
      flaggor${flagged.length ? ": " : ""}${linkList(flagged.map((m) => ({href: anchors.metric(m.id), text: m.label})))}
    </li>
    <li>
      <strong>${formatInteger(suppressed.length)}</strong> undertryckta celler i
      fördelningarna${suppressed.length ? ": " : ""}${linkList(
        suppressed.map((c) => ({href: anchors.cell(c.id, c.key), text: `${c.label} – ${c.cell}`}))
      )}
    </li>
    <li>
      <strong>${formatInteger(warnings.length)}</strong> datakvalitetsvarningar${warnings.length ? ": " : ""}${linkList(
        warnings.map(({f, i}) => ({href: anchors.finding(i), text: f.id}))
      )}
    </li>
    <li>
      <strong>${formatInteger(review.lateRegistrations.length)}</strong>
      ${
        review.lateRegistrations.length
          ? html`<a href=${`#${anchors.late}`}>efterregistrerade ändringar</a>`
          : "efterregistrerade ändringar"
      }
      sedan leverans ${review.previousDelivery ?? "–"}
    </li>
    <li>
      <strong>${formatInteger(changed.length)}</strong> publicerade utgåvor visar i dag andra
      tal${changed.length ? ": " : ""}${linkList(
        changed.map((e) => ({href: anchors.edition(e.month), text: formatMonth(e.month)}))
      )}
    </li>
  </ul>` as HTMLElement;
}

/**
 * Whether the reviewed edition itself is published: then the review says so, and its numbers are compared with the
 * record the committee got (under "Publicerade utgåvor").
 */
export function editionStatus(review: Review): HTMLElement {
  const own = review.publishedEditions.find((e) => e.month === review.month);
  if (!own) {
    return html`<p class="nr-review-status">
      Utgåvan är ett utkast: talen nedan räknas fram ur leverans ${review.delivery} varje gång sidan byggs.
    </p>` as HTMLElement;
  }
  const changes = own.changes
    ? html`<a href=${`#${anchors.edition(own.month)}`}>${formatInteger(own.changes)} tal blir i dag andra</a> än de
        publicerade.`
    : "Alla publicerade tal är desamma i dag.";
  return html`<p class="nr-review-status nr-review-published">
    <strong>Utgåvan är publicerad</strong> (version ${own.version}, ${own.published}, leverans ${own.delivery}). Dess
    tal är frysta; granskningen jämför dem med dagens beräkning på leverans ${review.delivery}. ${changes}
  </p>` as HTMLElement;
}

const flagText = (row: ReviewMetricRow) => [...new Set(row.flags.map((f) => FLAG_LABELS[f.kind] ?? f.kind))].join(", ");

/** A change column: per cent for amounts and counts, procentenheter for a share. */
function changeColumn(key: string, label: string): Column {
  return {
    key,
    label,
    format: "signedPercent",
    formatOf: (row) => changeFormat((row as {enhet?: string}).enhet, "relative"),
    missing: () => "ej jämförbart"
  };
}

/** Every metric of a section with its comparisons and flags; flagged rows are highlighted and are link targets. */
export function metricTable(review: Review, section: ReviewMetricRow["section"]): HTMLElement {
  const byId = new Map(review.metrics.map((m) => [m.id, m]));
  const rows = metricRecords(review)
    .filter((r) => r.avsnitt === section)
    .map((r) => {
      const share = r.enhet === "andel";
      return {
        ...r,
        // What the Förändring columns show: a relative change, or a share's change in percentage points.
        andring_manad: share ? r.forandring_manad : r.forandring_manad_procent,
        andring_ar: share ? r.forandring_ar : r.forandring_ar_procent,
        flaggtext: flagText(byId.get(String(r.matt_id))!)
      };
    });
  return dataTable(
    rows,
    [
      {key: "matt", label: "Mått", format: "text"},
      valueColumn("varde", formatMonth(review.month)),
      valueColumn("foregaende_manad", "Föregående månad"),
      changeColumn("andring_manad", "Förändring"),
      valueColumn("foregaende_ar", "Föregående år"),
      changeColumn("andring_ar", "Förändring"),
      {key: "flaggtext", label: "Flaggor", format: "text", missing: ""}
    ],
    {
      caption: `${section}: ${formatMonth(review.month)} mot föregående månad och år`,
      filename: `granskning-${section}`,
      rowAttributes: (row) => {
        const metric = byId.get(String((row as {matt_id: string}).matt_id))!;
        return {
          id: anchors.metric(metric.id),
          className: isFlagged(metric) ? "nr-flagged" : metric.flags.length ? "nr-noted" : undefined
        };
      }
    }
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
    {
      caption: `Fördelningar ${formatMonth(review.month)}`,
      filename: `granskning-fordelningar-${review.month}`,
      rowAttributes: (row) => {
        const c = row as Review["breakdowns"][number];
        return c.flags.length ? {id: anchors.cell(c.id, c.key), className: "nr-flagged"} : {};
      }
    }
  );
}

/** Data-quality findings of the edition's delivery. */
export function findingTable(findings: readonly Finding[], month: string): HTMLElement {
  return dataTable(
    findings.map((f, i) => ({
      id: f.id,
      severity: f.severity === "fel" ? "Fel" : "Varning",
      message: f.message,
      anchor: anchors.finding(i)
    })),
    [
      {key: "id", label: "Kontroll", format: "text"},
      {key: "severity", label: "Allvar", format: "text"},
      {key: "message", label: "Meddelande", format: "text"}
    ],
    {
      caption: "Datakvalitet i leveransen",
      filename: `granskning-datakvalitet-${month}`,
      rowAttributes: (row) => ({id: (row as {anchor: string}).anchor, className: "nr-flagged"})
    }
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
    valueColumn("difference", "Skillnad", differenceFormat),
    // A share's change is the difference in procentenheter; a per cent of a per cent is not shown.
    {key: "share", label: "Procent", format: "signedPercent", missing: "–"}
  ];
  if (changes.some((c) => c.cause)) columns.push({key: "cause", label: "Orsak", format: "text"});
  return dataTable(
    changes.map((c) => ({...c, share: c.unit === "andel" ? null : c.share})),
    columns,
    {caption, filename}
  );
}
