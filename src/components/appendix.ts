// The appendix tables of Bilaga 1 ("Kontroller och beslut", "Arbetsmarknadsuppdrag och inflöde") and the follow-up
// after exit, as sv-SE tables with CSV download.
import {html} from "htl";
import {assertRows} from "../lib/strict.js";
import type {AppendixRow, FollowUpSection} from "../lib/metric-types.js";
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
    andrahand: html`<p>
      Under ${formatMonth(month)} fick ${formatInteger(last?.andrahandsavtal_avslag ?? 0)} nya ansökningar avslag på
      grund av ett icke godkänt andrahandsavtal. Hittills är det totalt
      ${formatInteger(last?.andrahandsavtal_totalt ?? 0)} nya ansökningar som fått avslag mot denna bakgrund.
    </p>`
  };
}

/** Follow-up after exit: the share without ekonomiskt bistånd 6, 12 and 18 months after each exit cohort. */
export function followUpTable(section: FollowUpSection): HTMLElement {
  assertRows(section?.cohorts, "followUpTable()");
  const rows = section.cohorts.map((c) => ({
    manad: formatMonthShort(c.month),
    avslutade: c.cohortSize,
    m6: c.withoutAssistance[6],
    m12: c.withoutAssistance[12],
    m18: c.withoutAssistance[18]
  }));
  return html`<div class="nr-keep-together">
    <p>
      Under ${formatMonth(section.month)} avslutades ${formatInteger(section.exitsExclReferredBack)} deltagare exklusive
      återremitterade. Andelen med okänd avslutsorsak var ${formatPercent(section.unknownShare)}.
    </p>
    ${dataTable(
      rows,
      [
        {key: "manad", label: "Avslutsmånad", format: "text"},
        {key: "avslutade", label: "Avslutade exkl. återremitterade", format: "integer"},
        {key: "m6", label: "Utan ekonomiskt bistånd efter 6 månader", format: "percent"},
        {key: "m12", label: "Utan ekonomiskt bistånd efter 12 månader", format: "percent"},
        {key: "m18", label: "Utan ekonomiskt bistånd efter 18 månader", format: "percent"}
      ],
      {caption: "Andel utan ekonomiskt bistånd efter avslut", filename: `uppfoljning-${section.month}`}
    )}
  </div>`;
}
