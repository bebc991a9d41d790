// What an edition's published data says about the counts the small-count rule protects (SPEC §7): every breakdown
// cell, every count a published share gives, and the linear relations between them that a reader can form from the
// figures published together. The audit (audit.ts) turns this into one linear program per hidden count.
//
// Linked figures (docs/metrics.md § Small counts):
// - a breakdown's cells sum to its published total;
// - uppföljning's exit reasons are the same cells as arbetsmarknad's am_avslut (one unknown per reason), and their
//   total is the metric am_avslutade for the month (value and chart series);
// - "avslutade exklusive återremitterade" is that total minus the återremitterad cell;
// - the share with unknown reason times the month's exits is okänd + ej registrerad;
// - a programme-area cell is at most am_inskrivna (a person counts once per area);
// - a follow-up share times its published cohort gives the persons without and with assistance;
// - an andrahandsavtal count is at most the month's decisions; a running total per month gives each month's count.
// Previous-month and last-year values are headline totals of other months: no breakdown of another month is
// published in an edition, so they enter only where they are the same figure (the series point of the report month).
import {formatInteger, formatMonth, formatPercent} from "../../src/lib/format.ts";
import {addMonths} from "../../src/lib/months.ts";
import {MIN_SHARE_DENOMINATOR, SUPPRESS_BELOW} from "../../src/lib/disclosure.ts";

/** The sections the audit reads, by data file name (src/[month]/data/<name>.json). */
export const AUDITED_SECTIONS = ["ekonomiskt-bistand", "arbetsmarknad", "uppfoljning", "bilagor"] as const;
export type AuditedSection = (typeof AUDITED_SECTIONS)[number];

/** Sections published without the small-count rule, and why (docs/metrics.md § Small counts). */
export const EXEMPT_SECTIONS: Record<string, string> = {
  vuxenutbildning:
    "elever och antagna per skola inom vuxenutbildningen är inte uppgifter om ekonomiskt bistånd eller insatser och visas som enheten redovisar dem"
};

/** An edition's published data files by section name, as parsed JSON (a part of them is enough). */
export type EditionData = Partial<Record<AuditedSection, unknown>>;

/** A count the rule protects. */
export interface Figure {
  id: string;
  /** File and place in Swedish, e.g. "arbetsmarknad.json › Avslut per avslutsorsak › Okänd". */
  name: string;
  /** "dold": published as hidden; "visad": published; "harledd": given by a published share (not shown as a count). */
  state: "dold" | "visad" | "harledd";
  /** Shown value; for "harledd" the least value the share allows. */
  value: number | null;
  /** What any reader knows of a hidden or derived count. */
  lower: number;
  upper: number;
  /** The derivation of a derived count, or where else a hidden count is shown. */
  text: string;
  /** Why the bounds hold, e.g. "nollor visas, så en dold cell är minst 1". */
  lowerText: string;
  upperText: string;
  /** A hidden count that is shown elsewhere in the edition. */
  shownAs?: {value: number; name: string};
}

/** lower ≤ Σ coefficient · figure ≤ upper, from published figures. */
export interface Relation {
  /** The published figures behind it, in Swedish. */
  text: string;
  terms: [id: string, coefficient: number][];
  lower: number;
  upper: number;
}

export interface DisclosureModel {
  figures: Map<string, Figure>;
  relations: Relation[];
  /** Published figures that contradict each other (the audit cannot judge them). */
  conflicts: string[];
}

// The published shapes, loosely: the audit reads data files as they are, including those written by earlier versions
// ("liten" = shown as "<5", "sekundar" = shown as "dolt" after one cell of 1–4; `andrahandsavtal_totalt`;
// `reactualisation`).
type Marker = true | "primar" | "sekundar" | "liten";
interface PublishedCell {
  key: string;
  label: string;
  value: number | null;
  suppressed?: Marker;
}
interface PublishedBreakdown {
  id: string;
  label: string;
  month: string;
  total: number;
  /** The cells can count a unit more than once; the total counts each once (so the cells sum to at least it). */
  overlapping?: boolean;
  cells: PublishedCell[];
  withheld?: boolean;
}
interface PublishedMetric {
  label: string;
  month: string;
  value: number | null;
  series?: {month: string; value: number | null}[];
}
interface PublishedSection {
  month?: string;
  metrics?: Record<string, PublishedMetric>;
  avslutsorsaker?: PublishedBreakdown;
  fordelning?: PublishedBreakdown;
  reactualisation?: {cohortSize: number; returned: number};
  reasons?: PublishedBreakdown;
  exitsExclReferredBack?: number | null;
  unknownShare?: number | null;
  hidden?: Record<string, Marker | undefined>;
  cohorts?: {
    month: string;
    cohortSize: number;
    withoutAssistance: Record<string, number | null>;
    hidden?: Record<string, Marker | undefined>;
  }[];
  rows?: {
    month: string;
    beslut?: number;
    andrahandsavtal_avslag?: number | null;
    andrahandsavtal_totalt?: number;
    hidden?: Record<string, Marker | undefined>;
  }[];
}

/** Breakdowns that show the same cells as another: one unknown per cell for both. */
const SAME_CELLS: Record<string, string> = {uppfoljning_orsaker: "am_avslut"};

/** The whole numbers a share can stand for: share × denominator, allowing for the share's decimals. */
export function shareCount(share: number, denominator: number): [number, number] {
  const exact = share * denominator;
  // Shares are published as computed (full double precision): the count is exact up to rounding noise.
  const slack = 1e-6 * Math.max(1, denominator);
  return [Math.ceil(exact - slack), Math.floor(exact + slack)];
}

class Builder {
  readonly figures = new Map<string, Figure>();
  readonly relations: Relation[] = [];
  readonly conflicts: string[] = [];
  private readonly relationKeys = new Set<string>();

  /** A count as published: shown (a number) or hidden (null with a marker). */
  count(
    id: string,
    name: string,
    value: number | null,
    marker: Marker | undefined,
    {lower = 1, lowerText = "nollor visas, så ett dolt antal är minst 1", upper = Infinity, upperText = ""} = {}
  ): void {
    const existing = this.figures.get(id);
    if (value !== null) {
      if (existing?.state === "visad" && existing.value !== value) {
        this.conflicts.push(`${name} visas som ${value} men ${existing.name} som ${existing.value}`);
      } else if (existing?.state === "dold") {
        existing.shownAs = {value, name};
      } else if (!existing) {
        this.figures.set(id, {
          id,
          name,
          state: "visad",
          value,
          lower: value,
          upper: value,
          text: "",
          lowerText: "",
          upperText: ""
        });
      }
      return;
    }
    // Earlier versions labelled 1–4 "<5", and secondary cells "dolt", which meant 5 or more.
    const legacy =
      marker === "liten"
        ? {
            lower: 1,
            upper: SUPPRESS_BELOW - 1,
            lowerText: "märkt ”<5”, alltså 1–4",
            upperText: "märkt ”<5”, alltså 1–4"
          }
        : marker === "sekundar"
          ? {lower: SUPPRESS_BELOW, upper, lowerText: "märkt ”dolt” efter en cell med 1–4, alltså minst 5", upperText}
          : {lower, upper, lowerText, upperText};
    if (existing?.state === "visad") {
      this.figures.set(id, {
        ...existing,
        ...legacy,
        id,
        name,
        state: "dold",
        value: null,
        text: "",
        shownAs: {value: existing.value as number, name: existing.name}
      });
    } else if (existing?.state === "dold") {
      // The same hidden count shown hidden twice: keep the tighter bounds any reader can combine.
      if (legacy.lower > existing.lower) Object.assign(existing, {lower: legacy.lower, lowerText: legacy.lowerText});
      if (legacy.upper < existing.upper) Object.assign(existing, {upper: legacy.upper, upperText: legacy.upperText});
    } else {
      this.figures.set(id, {id, name, state: "dold", value: null, text: "", ...legacy});
    }
  }

  /** A count that a published share gives (not itself shown). */
  derived(id: string, name: string, [lower, upper]: [number, number], text: string): void {
    this.figures.set(id, {
      id,
      name,
      state: "harledd",
      value: lower,
      lower,
      upper,
      text,
      lowerText: text,
      upperText: text
    });
  }

  relation(text: string, terms: [string, number][], lower: number, upper: number): void {
    const key = JSON.stringify([terms.map(([id, c]) => `${c}·${id}`).sort(), lower, upper]);
    if (this.relationKeys.has(key)) return;
    this.relationKeys.add(key);
    this.relations.push({text, terms, lower, upper});
  }
}

function cellId(breakdown: PublishedBreakdown, key: string): string {
  return `${SAME_CELLS[breakdown.id] ?? breakdown.id}:${key}`;
}

/** The cells of a breakdown as counts, and their sum as a relation. Returns the cell ids by key. */
function addBreakdown(
  b: Builder,
  file: string,
  breakdown: PublishedBreakdown,
  options: {upper?: number; upperText?: string} = {}
): Map<string, string> {
  const ids = new Map<string, string>();
  if (breakdown.withheld) return ids;
  // "sekundar" meant "5 or more" only under the earlier rule, which always showed a "<5" ("liten") beside it.
  const earlierRule = breakdown.cells.some((c) => c.suppressed === "liten");
  for (const cell of breakdown.cells) {
    const id = cellId(breakdown, cell.key);
    ids.set(cell.key, id);
    const marker = cell.suppressed === "sekundar" && !earlierRule ? true : cell.suppressed;
    b.count(id, `${file} › ${breakdown.label} › ${cell.label}`, cell.value, marker, options);
  }
  const shown = breakdown.cells.reduce((sum, c) => sum + (c.value ?? 0), 0);
  const hidden = breakdown.cells.filter((c) => c.value === null).length;
  if (hidden > 0 && breakdown.overlapping) {
    // Every unit is in at least one cell and each cell counts it at most once: the cells sum to at least the total,
    // and at most the total in every cell.
    b.relation(
      `”${breakdown.label}” har ${formatInteger(breakdown.total)} unika och visade celler ${formatInteger(shown)}, så de ${hidden} dolda summerar till minst ${formatInteger(Math.max(0, breakdown.total - shown))} (${file})`,
      [...ids.values()].map((id) => [id, 1]),
      breakdown.total,
      breakdown.total * breakdown.cells.length
    );
  } else if (hidden > 0) {
    b.relation(
      `”${breakdown.label}” har totalen ${formatInteger(breakdown.total)} och visade celler ${formatInteger(shown)}, så de ${hidden} dolda summerar till ${formatInteger(breakdown.total - shown)} (${file})`,
      [...ids.values()].map((id) => [id, 1]),
      breakdown.total,
      breakdown.total
    );
  }
  return ids;
}

/** The published value of a metric for its own month (value and the chart's point), when they agree. */
function metricValue(metric: PublishedMetric | undefined, month: string): number | null {
  if (!metric || metric.month !== month) return null;
  const values = new Set([metric.value, ...(metric.series ?? []).filter((p) => p.month === month).map((p) => p.value)]);
  return values.size === 1 ? metric.value : null;
}

/** Counts a shown share gives: numerator and complement, each checked against 1–4. */
function addShare(
  b: Builder,
  id: string,
  name: string,
  share: number,
  denominator: number,
  {numerator, complement, of}: {numerator: string; complement: string; of: string}
): [number, number] {
  const [lo, hi] = shareCount(share, denominator);
  const what = `andelen ${formatPercent(share)} av ${formatInteger(denominator)} ${of}`;
  b.derived(`${id}:taljare`, `${name} (${numerator})`, [lo, hi], `${what} ger ${range(lo, hi)} ${numerator}`);
  b.derived(
    `${id}:komplement`,
    `${name} (${complement})`,
    [denominator - hi, denominator - lo],
    `${what} ger ${range(denominator - hi, denominator - lo)} ${complement}`
  );
  return [lo, hi];
}

function range(lo: number, hi: number): string {
  return lo === hi ? formatInteger(lo) : `${formatInteger(lo)}–${formatInteger(hi)}`;
}

function addEb(b: Builder, section: PublishedSection): void {
  const file = "ekonomiskt-bistand.json";
  if (section.avslutsorsaker) addBreakdown(b, file, section.avslutsorsaker);
  addReactualisation(b, file, section);
}

function addReactualisation(b: Builder, file: string, section: PublishedSection): void {
  const r = section.reactualisation;
  if (!r) return;
  b.derived(
    `${file}:reactualisation:returned`,
    `${file} › reactualisation › returned`,
    [r.returned, r.returned],
    `visas som ${r.returned}`
  );
  const rest = r.cohortSize - r.returned;
  b.derived(
    `${file}:reactualisation:ej`,
    `${file} › reactualisation › cohortSize − returned`,
    [rest, rest],
    `kohorten ${formatInteger(r.cohortSize)} minus ${formatInteger(r.returned)} återaktualiserade ger ${formatInteger(rest)}`
  );
}

function addAm(b: Builder, section: PublishedSection): void {
  const file = "arbetsmarknad.json";
  const month = section.month ?? section.fordelning?.month ?? section.avslutsorsaker?.month ?? "";
  if (section.fordelning) {
    const enrolled = metricValue(section.metrics?.am_inskrivna, month);
    addBreakdown(
      b,
      file,
      section.fordelning,
      enrolled === null
        ? {}
        : {
            upper: enrolled,
            upperText: `en person räknas högst en gång per område, så högst ${formatInteger(enrolled)} inskrivna (${file})`
          }
    );
  }
  // am_avslutade for the month is the same number as this breakdown's total: it adds no relation of its own.
  if (section.avslutsorsaker) addBreakdown(b, file, section.avslutsorsaker);
  addReactualisation(b, file, section);
}

function addFollowUp(b: Builder, section: PublishedSection): void {
  const file = "uppfoljning.json";
  const reasons = section.reasons;
  if (reasons) {
    const ids = addBreakdown(b, file, reasons);
    const anyHidden = reasons.cells.some((c) => c.value === null);
    const excl = section.exitsExclReferredBack;
    if (typeof excl === "number" && reasons.withheld) {
      const referredBack = reasons.total - excl;
      b.derived(
        `${file}:aterremitterade`,
        `${file} › återremitterade`,
        [referredBack, referredBack],
        `totalen ${formatInteger(reasons.total)} minus avslutade exklusive återremitterade ${formatInteger(excl)} ger ${formatInteger(referredBack)} återremitterade`
      );
    } else if (typeof excl === "number" && anyHidden) {
      b.relation(
        `avslutade exklusive återremitterade ${formatInteger(excl)} är alla avslut utom Återremitterad (${file})`,
        [...ids].filter(([key]) => key !== "aterremitterad").map(([, id]): [string, number] => [id, 1]),
        excl,
        excl
      );
    }
    const share = section.unknownShare;
    if (typeof share === "number") {
      const [lo, hi] = addShare(b, `${file}:okand`, `${file} › andel med okänd avslutsorsak`, share, reasons.total, {
        numerator: "med okänd eller ej registrerad orsak",
        complement: "med känd orsak",
        of: "avslut"
      });
      const terms = ["okand", "ej_registrerad"]
        .filter((key) => ids.has(key))
        .map((key): [string, number] => [ids.get(key) as string, 1]);
      if (anyHidden && !reasons.withheld) {
        b.relation(
          `andelen med okänd avslutsorsak ${formatPercent(share)} av ${formatInteger(reasons.total)} avslut ger ${range(lo, hi)} för Okänd + Ej registrerad ännu (${file})`,
          terms,
          lo,
          hi
        );
      }
    }
  }
  for (const cohort of section.cohorts ?? []) {
    for (const [k, share] of Object.entries(cohort.withoutAssistance)) {
      const name = `${file} › avslutade ${formatMonth(cohort.month)} (${formatInteger(cohort.cohortSize)} personer) › efter ${k} månader`;
      const id = `${file}:kohort:${cohort.month}:${k}`;
      if (typeof share === "number") {
        addShare(b, id, name, share, cohort.cohortSize, {
          numerator: "utan ekonomiskt bistånd",
          complement: "med ekonomiskt bistånd",
          of: "avslutade"
        });
      } else if (cohort.hidden?.[k] && cohort.cohortSize >= MIN_SHARE_DENOMINATOR) {
        // No share is published on a cohort under 10: only the cohort bounds its count, and the cohort is a total.
        b.count(`${id}:taljare`, `${name} (utan ekonomiskt bistånd)`, null, true, {
          lower: 0,
          lowerText: "ett antal är minst 0",
          upper: cohort.cohortSize,
          upperText: `högst hela kohorten, ${formatInteger(cohort.cohortSize)} personer`
        });
      }
    }
  }
}

function addAppendix(b: Builder, section: PublishedSection): void {
  const file = "bilagor.json";
  const rows = section.rows ?? [];
  rows.forEach((row, i) => {
    if (row.andrahandsavtal_avslag === undefined) return;
    const id = `${file}:andrahandsavtal:${row.month}`;
    const decisions = row.beslut;
    b.count(
      id,
      `${file} › avslag för icke godkänt andrahandsavtal › ${formatMonth(row.month)}`,
      row.andrahandsavtal_avslag,
      row.hidden?.andrahandsavtal_avslag,
      decisions === undefined
        ? {}
        : {upper: decisions, upperText: `högst månadens ${formatInteger(decisions)} beslut (${file})`}
    );
    // Earlier versions published a running total per month: each month's count is the difference.
    const total = row.andrahandsavtal_totalt;
    if (total === undefined) return;
    const previous = i > 0 ? rows[i - 1].andrahandsavtal_totalt : undefined;
    if (previous === undefined) {
      b.relation(
        `den löpande summan ${formatInteger(total)} för ${formatMonth(row.month)} (${file})`,
        [[id, 1]],
        -Infinity,
        total
      );
    } else {
      b.relation(
        `de löpande summorna ${formatInteger(total)} och ${formatInteger(previous)} för ${formatMonth(row.month)} och månaden före (${file})`,
        [[id, 1]],
        total - previous,
        total - previous
      );
    }
  });
}

/** The counts an edition's published data protects and the relations between them. */
export function disclosureModel(edition: EditionData): DisclosureModel {
  const b = new Builder();
  const section = (name: AuditedSection) => edition[name] as PublishedSection | undefined;
  const eb = section("ekonomiskt-bistand");
  const am = section("arbetsmarknad");
  const followUp = section("uppfoljning");
  const appendix = section("bilagor");
  if (eb) addEb(b, eb);
  if (am) addAm(b, am);
  if (followUp) addFollowUp(b, followUp);
  if (appendix) addAppendix(b, appendix);
  return {figures: b.figures, relations: b.relations, conflicts: b.conflicts};
}

/** How many published figures an edition hides, by kind: the information the rule costs. */
export interface HiddenSummary {
  /** Breakdown cells (a cell shown in two sections counts once). */
  cells: number;
  /** Breakdowns whose cells are all left out. */
  withheld: number;
  /** Shares not shown though observable (follow-up cohorts, unknown reason). */
  shares: number;
  /** Other counts: avslutade exklusive återremitterade, andrahandsavtal per month. */
  counts: number;
}

export function hiddenSummary(edition: EditionData): HiddenSummary {
  const summary: HiddenSummary = {cells: 0, withheld: 0, shares: 0, counts: 0};
  const eb = edition["ekonomiskt-bistand"] as PublishedSection | undefined;
  const am = edition.arbetsmarknad as PublishedSection | undefined;
  const followUp = edition.uppfoljning as PublishedSection | undefined;
  const appendix = edition.bilagor as PublishedSection | undefined;
  const cells = new Set<string>();
  const withheld = new Set<string>();
  for (const b of [eb?.avslutsorsaker, am?.fordelning, am?.avslutsorsaker, followUp?.reasons]) {
    if (!b) continue;
    if (b.withheld) withheld.add(SAME_CELLS[b.id] ?? b.id);
    for (const c of b.cells) if (c.value === null) cells.add(cellId(b, c.key));
  }
  summary.cells = cells.size;
  summary.withheld = withheld.size;
  if (followUp) {
    const month = followUp.month ?? followUp.reasons?.month ?? "";
    if (followUp.unknownShare === null) summary.shares++;
    if (followUp.exitsExclReferredBack === null) summary.counts++;
    for (const cohort of followUp.cohorts ?? []) {
      for (const [k, share] of Object.entries(cohort.withoutAssistance)) {
        if (share === null && addMonths(cohort.month, Number(k)) <= month) summary.shares++;
      }
    }
  }
  for (const row of appendix?.rows ?? []) if (row.andrahandsavtal_avslag === null) summary.counts++;
  return summary;
}
