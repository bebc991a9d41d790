// The appendix tables of Bilaga 1 ("Kontroller och beslut", "Arbetsmarknadsuppdrag och inflöde") and the follow-up
// after exit, as sv-SE tables with CSV download.
import {html} from "htl";
import {SUPPRESSED_LABEL, suppressionNote} from "../lib/disclosure.js";
import {FOLLOW_UP_MONTHS, type AppendixRow, type FollowUpSection} from "../lib/metric-types.js";
import {assertRows} from "../lib/strict.js";
import {dataTable} from "./data-table.js";
import {formatInteger, formatMonth, formatMonthShort, formatPercent} from "../lib/format.js";

/** "Kontroller och beslut" and "Arbetsmarknadsuppdrag och inflöde" for the report year up to M. */
export function appendixTables(data: {month: string; rows: AppendixRow[]}): {
  kontroller: HTMLElement;
  uppdrag: HTMLElement;
  andrahand: HTMLElement;
} {
  assertRows(data?.rows, "appendixTables()");
  const {month, rows} = data;
  const table = rows.map((r) => ({...r, manad: formatMonthShort(r.month)}));
  const last = rows[rows.length - 1];
  return {
    kontroller: dataTable(
      table,
      [
        {key: "manad", label: "Månad", format: "text"},
        {key: "ansokande_hushall", label: "Antal hushåll", format: "integer"},
        {key: "beslut", label: "Beslut ek bistånd totalt (beviljande och avslag)", format: "integer"},
        {key: "ssbtek_handlaggare", label: "Antal slagningar i SSBTEK (handläggare)", format: "integer"},
        {key: "ssbtek_robot", label: "Antal slagningar i SSBTEK (robot)", format: "integer"},
        {
          key: "kontrollerade_individer",
          label: "Totalt antal kontrollerade individer (inkl. barn), SSBTEK",
          format: "integer"
        }
      ],
      {caption: `Kontroller och beslut ${month.slice(0, 4)}`, filename: `kontroller-och-beslut-${month}`}
    ),
    uppdrag: dataTable(
      table,
      [
        {key: "manad", label: "Månad", format: "text"},
        {
          key: "anvisade_individer",
          label: 'Antal arbetsmarknadsuppdrag, individer (exkl. status "avvisad")',
          format: "integer"
        },
        {key: "oppnade_verkstalligheter", label: "Antal öppnade verkställigheter, hushåll", format: "integer"}
      ],
      {caption: `Arbetsmarknadsuppdrag och inflöde ${month.slice(0, 4)}`, filename: `arbetsmarknadsuppdrag-${month}`}
    ),
    andrahand: last?.hidden?.andrahandsavtal_avslag
      ? html`<p>
            Antalet nya ansökningar under ${formatMonth(month)} som fått avslag på grund av ett icke godkänt
            andrahandsavtal visas inte (${SUPPRESSED_LABEL}).
          </p>
          <p class="nr-footnote nr-suppression-note">${suppressionNote()}</p>`
      : html`<p>
          Under ${formatMonth(month)} fick ${formatInteger(last?.andrahandsavtal_avslag ?? 0)} nya ansökningar avslag på
          grund av ett icke godkänt andrahandsavtal.
        </p>`
  };
}

/** The sentence above the follow-up table; a hidden figure is named as hidden, never as missing. */
function followUpLead(section: FollowUpSection): HTMLElement {
  const month = formatMonth(section.month);
  const exits =
    section.exitsExclReferredBack === null && section.hidden?.exitsExclReferredBack
      ? `Antalet deltagare som avslutades under ${month} exklusive återremitterade visas inte (${SUPPRESSED_LABEL}).`
      : `Under ${month} avslutades ${formatInteger(section.exitsExclReferredBack)} deltagare exklusive återremitterade.`;
  const unknown =
    section.unknownShare === null && section.hidden?.unknownShare
      ? `Andelen med okänd avslutsorsak visas inte (${SUPPRESSED_LABEL}).`
      : `Andelen med okänd avslutsorsak var ${formatPercent(section.unknownShare)}.`;
  return html`<p>${exits} ${unknown}</p>`;
}

/** Follow-up after exit: the share without ekonomiskt bistånd 6, 12 and 18 months after each exit cohort. */
export function followUpTable(section: FollowUpSection): HTMLElement {
  assertRows(section?.cohorts, "followUpTable()");
  const rows = section.cohorts.map((c) => ({
    manad: formatMonthShort(c.month),
    avslutade: c.cohortSize,
    m6: c.withoutAssistance[6],
    m12: c.withoutAssistance[12],
    m18: c.withoutAssistance[18],
    hidden: c.hidden ?? {}
  }));
  // A hidden share reads "dolt" (with the rule in the table's footnote); a share not yet observable, "uppgift saknas".
  const share = (k: (typeof FOLLOW_UP_MONTHS)[number]) => ({
    key: `m${k}`,
    label: `Utan ekonomiskt bistånd efter ${k} månader`,
    format: "percent" as const,
    missing: (row: object) => ((row as (typeof rows)[number]).hidden[k] ? SUPPRESSED_LABEL : "uppgift saknas")
  });
  const hiddenLead = section.hidden?.exitsExclReferredBack || section.hidden?.unknownShare;
  return html`<div class="nr-keep-together">
    ${followUpLead(section)}
    ${hiddenLead ? html`<p class="nr-footnote nr-suppression-note">${suppressionNote()}</p>` : null}
    ${dataTable(
      rows,
      [
        {key: "manad", label: "Avslutsmånad", format: "text"},
        {key: "avslutade", label: "Avslutade exkl. återremitterade", format: "integer"},
        ...FOLLOW_UP_MONTHS.map(share)
      ],
      {caption: "Andel utan ekonomiskt bistånd efter avslut", filename: `uppfoljning-${section.month}`}
    )}
  </div>`;
}
