// Small hand-built loader outputs for component tests. The numbers for 2022-11 and 2023-11 are the seeds' figures;
// the rest are made up, smooth and deterministic.
import type {BreakdownResult, BreakMark, Comparison, MetricResult} from "../../src/lib/metric-types.ts";
import {addMonths, monthRange} from "../../src/lib/months.ts";

const LIFECARE_REASON =
  "Byte av verksamhetssystem i oktober 2022 (Treserva till Lifecare). Treserva visar alla öppna ärenden, Lifecare bara ärenden där ett biståndsbehov har bedömts.";
const INTEGRATION_GAP_REASON =
  "November och december 2022 saknas: utredningsärenden vid integrationsenheten registrerades inte vid överflyttningen till Lifecare.";

const lifecareBreak = (kind: "ej_jamforbar" | "notering"): BreakMark => ({
  id: "eb_lifecare",
  month: "2022-10",
  until: "2022-10",
  kind,
  label: "Byte till Lifecare",
  reason: LIFECARE_REASON
});

function comparison(
  values: Map<string, number | null>,
  month: string,
  other: string,
  {comparable = true, reason = null}: {comparable?: boolean; reason?: string | null} = {}
): Comparison {
  const current = values.get(month) ?? null;
  const value = values.get(other) ?? null;
  const ok = comparable && value !== null && current !== null;
  const change = ok ? current - value : null;
  return {
    month: other,
    value,
    change,
    changeShare: change !== null && value ? change / value : null,
    comparable: comparable && value !== null,
    reason
  };
}

function metric(
  spec: Pick<MetricResult, "id" | "label" | "unit" | "definition">,
  valueOf: (month: string, index: number) => number | null,
  {
    month = "2023-11",
    first = "2021-02",
    breaks = [],
    lastYear = {}
  }: {
    month?: string;
    first?: string;
    breaks?: BreakMark[];
    lastYear?: {comparable?: boolean; reason?: string | null};
  } = {}
): MetricResult {
  const months = monthRange(first, month);
  const values = new Map(months.map((m, i) => [m, valueOf(m, i)]));
  const value = values.get(month) ?? null;
  return {
    ...spec,
    month,
    value,
    missingReason: value === null ? "Uppgift saknas för månaden." : null,
    previousMonth: comparison(values, month, addMonths(month, -1)),
    previousYear: comparison(values, month, addMonths(month, -12), lastYear),
    series: months.map((m) => ({
      month: m,
      value: values.get(m) ?? null,
      system: m < "2022-10" ? "treserva" : "lifecare"
    })),
    breaks
  };
}

/** Utbetalt: kronor, a noted system switch in October 2022, seed values for November 2022 and 2023. */
export const utbetalt: MetricResult = metric(
  {
    id: "utbetalt",
    label: "Utbetalt ekonomiskt bistånd",
    unit: "kr",
    definition: "Utbetalt ekonomiskt bistånd visar totalt utbetalt belopp (inkl nyanlända och kvot)."
  },
  (m, i) => ({"2022-11": 22_448_660, "2023-11": 22_632_677})[m] ?? 21_000_000 + ((i * 337_411) % 3_000_000),
  {breaks: [lifecareBreak("notering")]}
);

/** Hushåll med insats: not comparable across the switch in October 2022. */
export const hushallInsats: MetricResult = metric(
  {
    id: "hushall_insats",
    label: "Hushåll med insats ekonomiskt bistånd",
    unit: "hushåll",
    definition:
      "Aktuella hushåll med insats ekonomiskt bistånd visar antal öppna ärenden som har bedömts att ett behov föreligger och därmed har rätt till bistånd (inkl nyanlända och kvot)."
  },
  (m, i) => (m < "2022-10" ? 3_100 + ((i * 37) % 120) : 2_200 + ((i * 29) % 90) + (m < "2023-01" ? 250 : 0)),
  {breaks: [lifecareBreak("ej_jamforbar")], lastYear: {comparable: false, reason: LIFECARE_REASON}}
);

/** Integrationsenheten: November–December 2022 missing, so last year cannot be compared (the seed's fourth card). */
export const integration: MetricResult = metric(
  {
    id: "integration",
    label: "Hushåll vid integrationsenheten",
    unit: "hushåll",
    definition:
      "Aktuella hushåll med insats ekonomiskt bistånd vid integrationsenheten visar antal öppna ärenden som har bedömts att ett behov föreligger och därmed har rätt till bistånd eller är under utredning vid integrationsenheten."
  },
  (m, i) =>
    m === "2022-11" || m === "2022-12"
      ? null
      : m === "2023-11"
        ? 320
        : 300 + ((i * 13) % 50) + (2023 - Number(m.slice(0, 4))) * 30,
  {
    breaks: [
      lifecareBreak("notering"),
      {
        id: "integration_migrering",
        month: "2022-11",
        until: "2022-12",
        kind: "saknas",
        label: "Uppgift saknas",
        reason: INTEGRATION_GAP_REASON
      }
    ],
    lastYear: {comparable: false, reason: INTEGRATION_GAP_REASON}
  }
);

/** A share (andel återaktualiserade), for percent formats. */
export const ateraktualiserade: MetricResult = metric(
  {
    id: "ateraktualiserade_eb",
    label: "Andel återaktualiserade, ekonomiskt bistånd",
    unit: "andel",
    definition:
      "Andel återaktualiserade innebär att personen blir aktualiserad inom ekonomiskt bistånd igen mindre än ett år efter avslut."
  },
  (_m, i) => 0.09 + ((i * 7) % 30) / 1000,
  {month: "2023-02"}
);

/** Exit reasons with two hidden cells (as published: the page cannot tell which one is the small count). */
export const avslutsorsaker: BreakdownResult = {
  id: "avslutsorsaker",
  label: "Orsaker till avslut",
  definition:
    "Orsaker till avslut visar anledning till avslut för varje enskild vuxen person under redovisningsmånad (inkl nyanlända och kvot).",
  month: "2023-11",
  total: 96,
  cells: [
    {key: "arbete", label: "Arbete", value: 41},
    {key: "studier", label: "Studier", value: 23},
    {key: "flytt", label: "Flyttat från kommunen", value: 18},
    {key: "annan_ersattning", label: "Annan ersättning", value: null, suppressed: true},
    {key: "avliden", label: "Avliden", value: null, suppressed: true},
    {key: "okand", label: "Okänd", value: 0}
  ]
};

/** Unika elever per anordnare 2023-08-31 (SPEC §6), nothing suppressed. */
export const vuxElever: BreakdownResult = {
  id: "vux_elever",
  label: "Unika elever per anordnare 2023-08-31",
  definition: "Antal unika elever som har en pågående kurs hos anordnaren på referensdagen.",
  month: "2023-08",
  total: 3069,
  cells: [
    ["Agila Institutet", 37],
    ["Alg", 98],
    ["Astar", 535],
    ["Hermods", 252],
    ["InfoKomp", 58],
    ["Iris Hadar", 14],
    ["Jensen", 52],
    ["KUI", 66],
    ["Linvux", 1514],
    ["Moa", 242],
    ["NTI", 201]
  ].map(([label, value]) => ({key: String(label).toLowerCase(), label: String(label), value: Number(value)}))
};

/** Aktuella hushåll: Treserva's measure, not reported after December 2022 (an open-ended gap to the report month). */
export const aktuellaHushall: MetricResult = metric(
  {
    id: "aktuella_hushall",
    label: "Aktuella hushåll",
    unit: "hushåll",
    definition: "Aktuella hushåll visar antal öppna ärenden i tidigare verksamhetssystem Treserva."
  },
  (m, i) => (m >= "2023-01" ? null : 3_300 + ((i * 41) % 150)),
  {
    breaks: [
      {
        id: "aktuella_hushall_upphor",
        month: "2023-01",
        until: "2023-11",
        kind: "saknas",
        label: "Redovisas inte",
        reason: "Aktuella hushåll är Treservas mått och redovisas inte efter december 2022."
      }
    ],
    lastYear: {comparable: false, reason: "Aktuella hushåll är Treservas mått och redovisas inte efter december 2022."}
  }
);
