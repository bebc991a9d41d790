import { html } from "../../_node/htl@0.3.1/index.0caf36e7.js";
import { SUPPRESSED_LABEL, suppressionNote } from "../lib/disclosure.df4ac8fb.js";
import { FOLLOW_UP_MONTHS } from "../lib/metric-types.954218d1.js";
import { assertRows } from "../lib/strict.bff53198.js";
import { dataTable } from "./data-table.d50093b1.js";
import { formatInteger, formatMonth, formatMonthShort, formatPercent } from "../lib/format.31c9c2b5.js";
export function appendixTables(data) {
  assertRows(data?.rows, "appendixTables()");
  const { month, rows } = data;
  const table = rows.map((r) => ({ ...r, manad: formatMonthShort(r.month) }));
  const last = rows[rows.length - 1];
  return {
    kontroller: dataTable(
      table,
      [
        { key: "manad", label: "M\xE5nad", format: "text" },
        { key: "ansokande_hushall", label: "Antal hush\xE5ll", format: "integer" },
        { key: "beslut", label: "Beslut ek bist\xE5nd totalt (beviljande och avslag)", format: "integer" },
        { key: "ssbtek_handlaggare", label: "Antal slagningar i SSBTEK (handl\xE4ggare)", format: "integer" },
        { key: "ssbtek_robot", label: "Antal slagningar i SSBTEK (robot)", format: "integer" },
        {
          key: "kontrollerade_individer",
          label: "Totalt antal kontrollerade individer (inkl. barn), SSBTEK",
          format: "integer"
        }
      ],
      { caption: `Kontroller och beslut ${month.slice(0, 4)}`, filename: `kontroller-och-beslut-${month}` }
    ),
    uppdrag: dataTable(
      table,
      [
        { key: "manad", label: "M\xE5nad", format: "text" },
        {
          key: "anvisade_individer",
          label: 'Antal arbetsmarknadsuppdrag, individer (exkl. status "avvisad")',
          format: "integer"
        },
        { key: "oppnade_verkstalligheter", label: "Antal \xF6ppnade verkst\xE4lligheter, hush\xE5ll", format: "integer" }
      ],
      { caption: `Arbetsmarknadsuppdrag och infl\xF6de ${month.slice(0, 4)}`, filename: `arbetsmarknadsuppdrag-${month}` }
    ),
    andrahand: last?.hidden?.andrahandsavtal_avslag ? html`<p>
            Antalet nya ansökningar under ${formatMonth(month)} som fått avslag på grund av ett icke godkänt
            andrahandsavtal visas inte (${SUPPRESSED_LABEL}).
          </p>
          <p class="nr-footnote nr-suppression-note">${suppressionNote()}</p>` : html`<p>
          Under ${formatMonth(month)} fick ${formatInteger(last?.andrahandsavtal_avslag ?? 0)} nya ansökningar avslag på
          grund av ett icke godkänt andrahandsavtal.
        </p>`
  };
}
function followUpLead(section) {
  const month = formatMonth(section.month);
  const exits = section.exitsExclReferredBack === null && section.hidden?.exitsExclReferredBack ? `Antalet deltagare som avslutades under ${month} exklusive \xE5terremitterade visas inte (${SUPPRESSED_LABEL}).` : `Under ${month} avslutades ${formatInteger(section.exitsExclReferredBack)} deltagare exklusive \xE5terremitterade.`;
  const unknown = section.unknownShare === null && section.hidden?.unknownShare ? `Andelen med ok\xE4nd avslutsorsak visas inte (${SUPPRESSED_LABEL}).` : `Andelen med ok\xE4nd avslutsorsak var ${formatPercent(section.unknownShare)}.`;
  return html`<p>${exits} ${unknown}</p>`;
}
export function followUpTable(section) {
  assertRows(section?.cohorts, "followUpTable()");
  const rows = section.cohorts.map((c) => ({
    manad: formatMonthShort(c.month),
    avslutade: c.cohortSize,
    m6: c.withoutAssistance[6],
    m12: c.withoutAssistance[12],
    m18: c.withoutAssistance[18],
    hidden: c.hidden ?? {}
  }));
  const share = (k) => ({
    key: `m${k}`,
    label: `Utan ekonomiskt bist\xE5nd efter ${k} m\xE5nader`,
    format: "percent",
    missing: (row) => row.hidden[k] ? SUPPRESSED_LABEL : "uppgift saknas"
  });
  const hiddenLead = section.hidden?.exitsExclReferredBack || section.hidden?.unknownShare;
  return html`<div class="nr-keep-together">
    ${followUpLead(section)}
    ${hiddenLead ? html`<p class="nr-footnote nr-suppression-note">${suppressionNote()}</p>` : null}
    ${dataTable(
    rows,
    [
      { key: "manad", label: "Avslutsm\xE5nad", format: "text" },
      { key: "avslutade", label: "Avslutade exkl. \xE5terremitterade", format: "integer" },
      ...FOLLOW_UP_MONTHS.map(share)
    ],
    { caption: "Andel utan ekonomiskt bist\xE5nd efter avslut", filename: `uppfoljning-${section.month}` }
  )}
  </div>`;
}
