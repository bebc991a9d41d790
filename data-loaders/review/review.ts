// The reviewer's report for one edition: every metric with its comparisons and flags, data-quality findings, what late
// registrations changed since the previous delivery, and which published editions now show other numbers.
import type {DuckDBConnection} from "@duckdb/node-api";
import {formatSignedPercent} from "../../src/components/format.ts";
import {windowStart} from "../../src/components/months.ts";
import {settings} from "../../src/settings.ts";
import {arbetsmarknad} from "../metrics/arbetsmarknad.ts";
import {ekonomisktBistand} from "../metrics/ekonomiskt-bistand.ts";
import type {BreakdownResult, Comparison, MetricResult} from "../metrics/types.ts";
import {lateChanges, type LateChange} from "./late-registrations.ts";

export type FlagKind = "seriebrott" | "undertryckt" | "troskel" | "datakvalitet";

export interface Flag {
  kind: FlagKind;
  message: string;
}

export interface ReviewMetricRow {
  section: "Ekonomiskt bistånd" | "Arbetsmarknadsinsatser";
  id: string;
  label: string;
  unit: MetricResult["unit"];
  month: string;
  value: number | null;
  previousMonth: Comparison;
  previousYear: Comparison;
  flags: Flag[];
}

export interface ReviewBreakdownRow {
  id: string;
  label: string;
  key: string;
  cell: string;
  value: number | null;
  flags: Flag[];
}

export interface SectionMetrics {
  metrics: Record<string, MetricResult>;
  breakdowns: BreakdownResult[];
}

/** Computes the metrics the review covers (ekonomiskt bistånd and arbetsmarknad) for month M on one delivery. */
export async function reviewedMetrics(conn: DuckDBConnection, month: string): Promise<SectionMetrics> {
  const first = windowStart(month, settings.windowStartMonth);
  const eb = await ekonomisktBistand(conn, {month, first});
  const am = await arbetsmarknad(conn, {month, first});
  return {
    metrics: {...eb.metrics, ...am.metrics},
    breakdowns: [eb.avslutsorsaker, am.fordelning, am.avslutsorsaker]
  };
}

function sectionOf(id: string): ReviewMetricRow["section"] {
  return id.startsWith("am_") || id === "ateraktualiserade_am" ? "Arbetsmarknadsinsatser" : "Ekonomiskt bistånd";
}

function comparisonFlags(c: Comparison, what: string, threshold: number): Flag[] {
  const flags: Flag[] = [];
  if (c.reason) flags.push({kind: "seriebrott", message: `${what}: ${c.reason}`});
  if (c.comparable && c.changeShare !== null && Math.abs(c.changeShare) > threshold) {
    flags.push({
      kind: "troskel",
      message: `${what}: förändringen ${formatSignedPercent(c.changeShare)} är större än ±${Math.round(threshold * 100)} %`
    });
  }
  return flags;
}

/** One row per metric with its flags. `threshold` is the relative change that is flagged (0.1 = 10 %). */
export function metricRows(metrics: Record<string, MetricResult>, threshold: number): ReviewMetricRow[] {
  return Object.values(metrics).map((m) => ({
    section: sectionOf(m.id),
    id: m.id,
    label: m.label,
    unit: m.unit,
    month: m.month,
    value: m.value,
    previousMonth: m.previousMonth,
    previousYear: m.previousYear,
    flags: [
      ...(m.value === null && m.missingReason ? [{kind: "seriebrott" as const, message: m.missingReason}] : []),
      ...comparisonFlags(m.previousMonth, "Mot föregående månad", threshold),
      ...comparisonFlags(m.previousYear, "Mot föregående år", threshold)
    ]
  }));
}

/** One row per breakdown cell, flagging suppressed cells. */
export function breakdownRows(breakdowns: BreakdownResult[]): ReviewBreakdownRow[] {
  return breakdowns.flatMap((b) =>
    b.cells.map((c) => ({
      id: b.id,
      label: b.label,
      key: c.key,
      cell: c.label,
      value: c.value,
      flags: c.suppressed
        ? [
            {
              kind: "undertryckt" as const,
              message:
                c.suppressed === "liten"
                  ? "Värdet är 1–4 och visas som <5"
                  : "Döljs sekundärt så att ett dolt värde inte kan räknas fram ur totalen"
            }
          ]
        : []
    }))
  );
}

/** Late registrations between the previous delivery (computed for M−1) and this one (computed for M). */
export function lateRegistrations(previous: SectionMetrics, current: SectionMetrics, month: string): LateChange[] {
  return lateChanges(previous.metrics, current.metrics, month);
}
