// SPEC §5 as data: where series break or have gaps, and what that does to comparisons. Comparisons and charts read
// these rules; no metric code special-cases a month.
import type {BreakMark} from "../../src/lib/metric-types.ts";

export interface SeriesBreak {
  id: string;
  /** First month in the new system. */
  month: string;
  /** Metrics that cannot be compared across the break. */
  notComparable: string[];
  /** Metrics that can be compared, with a note. */
  noted: string[];
  label: string;
  reason: string;
}

export interface SeriesGap {
  id: string;
  metrics: string[];
  from: string;
  /** Last month of the gap; null = open ended. */
  to: string | null;
  label: string;
  reason: string;
}

export const SERIES_BREAKS: SeriesBreak[] = [
  {
    id: "eb_lifecare",
    month: "2022-10",
    notComparable: ["hushall_insats", "oppna_utredningar", "barn", "nya_insatser", "avslutade_insatser"],
    noted: [
      "utbetalt",
      "utbetalningshushall",
      "langvariga",
      "barn_langvariga",
      "integration",
      "avslutsorsaker",
      "ateraktualiserade_eb"
    ],
    label: "Byte till Lifecare",
    reason:
      "Byte av verksamhetssystem i oktober 2022 (Treserva till Lifecare). Treserva visar alla öppna ärenden, Lifecare bara ärenden där ett biståndsbehov har bedömts."
  },
  {
    id: "am_arena",
    month: "2022-11",
    notComparable: [],
    noted: ["am_inskrivna", "am_fordelning", "am_nya", "am_avslut", "ateraktualiserade_am"],
    label: "Byte till Arena",
    reason: "Byte av verksamhetssystem i november 2022 (Accorda till Lifecare/Arena Arbetsmarknad)."
  }
];

export const SERIES_GAPS: SeriesGap[] = [
  {
    id: "integration_migrering",
    metrics: ["integration"],
    from: "2022-11",
    to: "2022-12",
    label: "Uppgift saknas",
    reason:
      "November och december 2022 saknas: utredningsärenden vid integrationsenheten registrerades inte vid överflyttningen till Lifecare."
  },
  {
    id: "am_nya_migrering",
    metrics: ["am_nya"],
    from: "2022-11",
    to: "2022-12",
    label: "Redovisas inte",
    reason:
      "Nyinskrivna redovisas inte för november och december 2022: överflyttningen från Accorda gav alla deltagare samma startdatum."
  },
  {
    id: "aktuella_hushall_upphor",
    metrics: ["aktuella_hushall"],
    from: "2023-01",
    to: null,
    label: "Redovisas inte",
    reason: "Aktuella hushåll är Treservas mått och redovisas inte efter december 2022."
  }
];

/** The gap a metric has in a month, if any. */
export function gapAt(metric: string, month: string): SeriesGap | undefined {
  return SERIES_GAPS.find((g) => g.metrics.includes(metric) && month >= g.from && (g.to === null || month <= g.to));
}

/** Breaks that lie between two months (the later month is on the new side) and affect the metric. */
export function breaksBetween(metric: string, a: string, b: string): {rule: SeriesBreak; comparable: boolean}[] {
  const [early, late] = a <= b ? [a, b] : [b, a];
  return SERIES_BREAKS.filter((r) => early < r.month && r.month <= late)
    .filter((r) => r.notComparable.includes(metric) || r.noted.includes(metric))
    .map((rule) => ({rule, comparable: !rule.notComparable.includes(metric)}));
}

/** Breaks and gaps of a metric that touch the window first..last, for chart annotations. */
export function marksInWindow(metric: string, first: string, last: string): BreakMark[] {
  const breaks: BreakMark[] = SERIES_BREAKS.filter(
    (r) => first < r.month && r.month <= last && (r.notComparable.includes(metric) || r.noted.includes(metric))
  ).map((r) => ({
    id: r.id,
    month: r.month,
    until: r.month,
    kind: r.notComparable.includes(metric) ? "ej_jamforbar" : "notering",
    label: r.label,
    reason: r.reason
  }));
  const gaps: BreakMark[] = SERIES_GAPS.filter(
    (g) => g.metrics.includes(metric) && g.from <= last && (g.to === null || g.to >= first)
  ).map((g) => ({
    id: g.id,
    month: g.from < first ? first : g.from,
    until: g.to === null || g.to > last ? last : g.to,
    kind: "saknas",
    label: g.label,
    reason: g.reason
  }));
  return [...breaks, ...gaps].sort((x, y) => x.month.localeCompare(y.month));
}
