// The JSON shapes that metric loaders write and pages read. Pages import these types only (erased at build).
import type {Hidden} from "./disclosure.js";

export type {Hidden};

/** One month of a monthly series; null where the value does not exist (a gap), never 0. */
export interface SeriesPoint {
  month: string;
  value: number | null;
  /** The system the value comes from, e.g. "treserva", "lifecare". */
  system: string | null;
}

/** The report month against another month. */
export interface Comparison {
  month: string;
  value: number | null;
  /** value(M) − value(other); null when not comparable or missing. */
  change: number | null;
  /** change / value(other); null when not comparable, missing or the other value is 0. */
  changeShare: number | null;
  /** False when the two months lie on different sides of a break that makes them incomparable, or one is a gap. */
  comparable: boolean;
  /** Why not comparable, or a note to show with a comparable value (e.g. the system switch). */
  reason: string | null;
}

/** A series break or gap inside a chart's window, for the chart's annotation. */
export interface BreakMark {
  id: string;
  /** First month after the break (or first month of the gap). */
  month: string;
  /** Last month of a gap; equal to month for a break. */
  until: string;
  kind: "ej_jamforbar" | "notering" | "saknas";
  /** Short label on the chart, e.g. "Byte till Lifecare". */
  label: string;
  /** Full Swedish explanation. */
  reason: string;
}

export interface MetricResult {
  id: string;
  label: string;
  unit: "kr" | "hushåll" | "personer" | "barn" | "insatser" | "andel" | "ärenden";
  /** Swedish definition text shown under the chart. */
  definition: string;
  month: string;
  value: number | null;
  /** Why value is null, when it is. */
  missingReason: string | null;
  previousMonth: Comparison;
  previousYear: Comparison;
  series: SeriesPoint[];
  breaks: BreakMark[];
}

/** One category of a breakdown; a hidden cell has value null and `suppressed` set. */
export interface BreakdownCell {
  key: string;
  label: string;
  value: number | null;
  suppressed?: Hidden;
}

/** A breakdown (e.g. exit reasons) for one month, suppressed by the shared rule. */
export interface BreakdownResult {
  id: string;
  label: string;
  definition: string;
  month: string;
  /** Units in the breakdown, each counted once. */
  total: number;
  /**
   * True when a unit can sit in several cells (a person enrolled in two programme areas): the cells then add up to
   * more than the total.
   */
  overlapping?: boolean;
  cells: BreakdownCell[];
  /**
   * True when the cells are left out: the total is so small that no choice of hidden cells keeps a hidden count from
   * being narrowed down to the small range (SPEC §7). Only the total is published.
   */
  withheld?: boolean;
}

/** One month of the appendix tables "Kontroller och beslut" and "Arbetsmarknadsuppdrag och inflöde". */
export interface AppendixRow {
  month: string;
  ansokande_hushall: number;
  beslut: number;
  ssbtek_handlaggare: number;
  /** Null before the robot's first look-up (shown "--" as in the reports). */
  ssbtek_robot: number | null;
  kontrollerade_individer: number;
  anvisade_individer: number;
  oppnade_verkstalligheter: number;
  /** New applications refused for a non-approved second-hand contract; null when hidden (1–4). */
  andrahandsavtal_avslag: number | null;
  /** Set when a figure of the row is hidden by the small-count rule. */
  hidden?: {andrahandsavtal_avslag?: Hidden};
}

/** Months after exit at which uppföljning measures the share without ekonomiskt bistånd. */
export const FOLLOW_UP_MONTHS = [6, 12, 18] as const;

export interface FollowUpRow {
  /** Exit cohort month. */
  month: string;
  cohortSize: number;
  /** Share without ekonomiskt bistånd k months after exit; null when not yet observable or hidden. */
  withoutAssistance: Record<(typeof FOLLOW_UP_MONTHS)[number], number | null>;
  /** The shares hidden by the small-count rule (cohort under 10, or 1–4 persons with or without assistance). */
  hidden?: Partial<Record<(typeof FOLLOW_UP_MONTHS)[number], Hidden>>;
}

export interface FollowUpSection {
  month: string;
  reasons: BreakdownResult;
  /** Exits excluding återremitterade in month M; null when hidden (it would give the återremitterade away). */
  exitsExclReferredBack: number | null;
  /** Share of all exits in M (återremitterade included) with unknown reason ("okänd" or not registered). */
  unknownShare: number | null;
  /** The figures above that are hidden by the small-count rule. */
  hidden?: {exitsExclReferredBack?: Hidden; unknownShare?: Hidden};
  cohorts: FollowUpRow[];
}
