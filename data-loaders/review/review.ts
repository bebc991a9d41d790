// The reviewer's report for one edition: every metric with its comparisons and flags, data-quality findings, what late
// registrations changed since the previous delivery, and which published editions now show other numbers.
import type {DuckDBConnection} from "@duckdb/node-api";
import {formatPercent, formatPoints, formatSignedPercent, formatSignedPoints} from "../../src/lib/format.ts";
import {addMonths, windowStart} from "../../src/lib/months.ts";
import {settings} from "../../src/lib/settings.ts";
import {breakdownSumFindings} from "../checks/edition.ts";
import {checkEdition} from "../checks/edition-check.ts";
import {connect} from "../db.ts";
import {deliveryForMonth, openDelivery, previousDelivery} from "../deliveries.ts";
import {listEditions} from "../editions.ts";
import {frozenSection, recordVersions, sha256File, type RecordVersion} from "../records.ts";
import {deliveryDir} from "../staging/sources.ts";
import {existsSync} from "node:fs";
import {join} from "node:path";
import {arbetsmarknad} from "../metrics/arbetsmarknad.ts";
import {APPENDIX_METRICS, appendixMetrics} from "../metrics/bilagor.ts";
import {ekonomisktBistand} from "../metrics/ekonomiskt-bistand.ts";
import type {BreakdownResult, Comparison, MetricResult} from "../../src/lib/metric-types.ts";
import type {
  ChangeCause,
  Flag,
  LateChange,
  PublishedChange,
  Review,
  ReviewBreakdownRow,
  ReviewMetricRow
} from "../../src/lib/review-types.ts";
import {changeOf, differs, lateChanges} from "./late-registrations.ts";

/** The relative change flagged by default (0.1 = 10 %); npm run granska -- --troskel changes it. */
export const DEFAULT_THRESHOLD = 0.1;

export interface SectionMetrics {
  metrics: Record<string, MetricResult>;
  breakdowns: BreakdownResult[];
}

/**
 * Computes the metrics the review compares month by month (ekonomiskt bistånd, arbetsmarknad and the appendix's
 * kontroller and uppdrag) for month M on one delivery.
 */
export async function reviewedMetrics(conn: DuckDBConnection, month: string): Promise<SectionMetrics> {
  const first = windowStart(month, settings.windowStartMonth);
  const eb = await ekonomisktBistand(conn, {month, first});
  const am = await arbetsmarknad(conn, {month, first});
  const appendix = await appendixMetrics(conn, {month, first});
  return {
    metrics: {...eb.metrics, ...am.metrics, ...appendix},
    breakdowns: [eb.avslutsorsaker, am.fordelning, am.avslutsorsaker]
  };
}

export function sectionOf(id: string): ReviewMetricRow["section"] {
  if (id in APPENDIX_METRICS) return "Kontroller och uppdrag";
  return id.startsWith("am_") || id === "ateraktualiserade_am" ? "Arbetsmarknadsinsatser" : "Ekonomiskt bistånd";
}

/** The flags of one comparison, their messages without saying which comparison (uniqueFlags adds that). */
function comparisonFlags(c: Comparison, threshold: number, unit: MetricResult["unit"]): Flag[] {
  const flags: Flag[] = [];
  if (c.reason) flags.push({kind: "seriebrott", message: c.reason});
  if (c.comparable && c.changeShare !== null && Math.abs(c.changeShare) > threshold) {
    // A share moves in procentenheter: the threshold is the same relative change, stated in points of the earlier value.
    const message =
      unit === "andel" && c.change !== null && c.value !== null
        ? `förändringen ${formatSignedPoints(c.change)} är större än ±${formatPoints(threshold * c.value)} (±${Math.round(threshold * 100)} % av ${formatPercent(c.value)})`
        : `förändringen ${formatSignedPercent(c.changeShare)} är större än ±${Math.round(threshold * 100)} %`;
    flags.push({kind: "troskel", message});
  }
  return flags;
}

/**
 * A metric's flags with each fact once: a series break that explains the missing value is not repeated for the two
 * comparisons, and one that affects both comparisons reads "Mot föregående månad och år".
 */
function uniqueFlags(m: MetricResult, threshold: number): Flag[] {
  const missing = m.value === null && m.missingReason ? [{kind: "seriebrott" as const, message: m.missingReason}] : [];
  const month = comparisonFlags(m.previousMonth, threshold, m.unit);
  const year = comparisonFlags(m.previousYear, threshold, m.unit);
  const key = (f: Flag) => `${f.kind}:${f.message}`;
  const said = new Set(missing.map(key));
  const flags: Flag[] = [...missing];
  for (const f of month) {
    if (said.has(key(f))) continue;
    const both = year.some((y) => key(y) === key(f));
    flags.push({kind: f.kind, message: `Mot föregående ${both ? "månad och år" : "månad"}: ${f.message}`});
    said.add(key(f));
  }
  for (const f of year) if (!said.has(key(f))) flags.push({kind: f.kind, message: `Mot föregående år: ${f.message}`});
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
    flags: uniqueFlags(m, threshold)
  }));
}

const HIDDEN_MESSAGES = {
  primar: "Dold primärt: värdet är 1–4",
  sekundar: "Dold sekundärt: annars kunde ett dolt värde räknas fram ur totaler, andelar eller länkade tabeller"
} as const;

/** One row per breakdown cell, flagging hidden cells (primarily or secondarily) and withheld breakdowns. */
export function breakdownRows(breakdowns: BreakdownResult[]): ReviewBreakdownRow[] {
  return breakdowns.flatMap((b) => [
    ...(b.withheld
      ? [
          {
            id: b.id,
            label: b.label,
            key: "",
            cell: "(hela fördelningen)",
            value: null,
            suppressed: "primar" as const,
            flags: [
              {
                kind: "undertryckt" as const,
                message: `Cellerna visas inte: totalen ${b.total} är för liten för att skydda de små antalen`
              }
            ]
          }
        ]
      : []),
    ...b.cells.map((c) => ({
      id: b.id,
      label: b.label,
      key: c.key,
      cell: c.label,
      value: c.value,
      suppressed: c.suppressed,
      flags: c.suppressed
        ? [{kind: "undertryckt" as const, message: c.suppressed === true ? "Dold" : HIDDEN_MESSAGES[c.suppressed]}]
        : []
    }))
  ]);
}

/** Late registrations between the previous delivery (computed for M−1) and this one (computed for M). */
export function lateRegistrations(previous: SectionMetrics, current: SectionMetrics, month: string): LateChange[] {
  return lateChanges(previous.metrics, current.metrics, month);
}

/** Every value a page shows for a metric: its chart series, the previous month and the same month last year. */
function shownValues(metric: MetricResult): Map<string, number | null> {
  const values = new Map(metric.series.map((p) => [p.month, p.value]));
  for (const c of [metric.previousMonth, metric.previousYear]) if (!values.has(c.month)) values.set(c.month, c.value);
  values.set(metric.month, metric.value);
  return values;
}

/**
 * The numbers of a published edition (its frozen values) that today's computation gives differently, each with its
 * cause: `then` is today's code on the delivery the edition was published with (null when that delivery is gone), so
 * frozen ≠ then means the code changed the number and then ≠ now means the data did.
 */
export function publishedChanges(
  edition: {month: string; version: number; delivery: string},
  frozen: Record<string, MetricResult>,
  now: Record<string, MetricResult>,
  then: Record<string, MetricResult> | null
): PublishedChange[] {
  const changes: PublishedChange[] = [];
  for (const [id, metric] of Object.entries(frozen)) {
    const current = now[id];
    if (!current) continue;
    const nowValues = shownValues(current);
    const thenValues = then?.[id] ? shownValues(then[id]) : null;
    for (const [month, before] of [...shownValues(metric)].sort(([a], [b]) => a.localeCompare(b))) {
      const after = nowValues.get(month);
      if (before == null || after == null || !differs(metric.unit, before, after)) continue;
      const recomputed = thenValues?.get(month);
      let cause: ChangeCause = "okänd";
      if (thenValues && recomputed != null) {
        const code = differs(metric.unit, before, recomputed);
        const data = differs(metric.unit, recomputed, after);
        cause = code && data ? "kod och data" : code ? "kod" : "data";
      }
      changes.push({
        edition: edition.month,
        version: edition.version,
        publishedDelivery: edition.delivery,
        cause,
        ...changeOf(metric, month, before, after)
      });
    }
  }
  return changes;
}

/** The metrics a published version froze: the ekonomiskt bistånd and arbetsmarknad sections' series. */
export function frozenMetrics(version: RecordVersion): Record<string, MetricResult> {
  const sections = ["ekonomiskt-bistand", "arbetsmarknad"].map((s) =>
    frozenSection<{metrics: Record<string, MetricResult>}>(version, s)
  );
  return Object.assign({}, ...sections.map((s) => s?.metrics ?? {}));
}

/** True when the delivery a version was published with is still here with the same files. */
export function publishedDeliveryIntact(root: string, version: RecordVersion): boolean {
  const {date, files} = version.provenance.delivery;
  const dir = deliveryDir(root, date);
  if (!existsSync(dir)) return false;
  return Object.entries(files).every(
    ([file, hash]) => existsSync(join(dir, file)) && sha256File(join(dir, file)) === hash
  );
}

export interface ReviewOptions {
  /** Relative change to flag (0.1 = 10 %). */
  threshold: number;
  /** Delivery to review; default the edition's delivery. */
  delivery?: string;
  /** Framework source root with the editions (for the published ones). */
  sourceRoot: string;
  /** Compare the published editions with today's delivery (default true; publishing skips it). */
  comparePublished?: boolean;
  progress?: (line: string) => void;
}

/**
 * The whole review of an edition. When the delivery breaks the contract, only `findings` is filled (with the errors)
 * and no metric is computed.
 */
export async function buildReview(root: string, month: string, options: ReviewOptions): Promise<Review> {
  const progress = options.progress ?? (() => undefined);
  const chosen = deliveryForMonth(root, month);
  const delivery = options.delivery ?? chosen;
  const previous = previousDelivery(root, delivery);
  const review: Review = {
    month,
    delivery,
    previousDelivery: previous,
    threshold: options.threshold,
    findings: [],
    metrics: [],
    breakdowns: [],
    lateRegistrations: [],
    publishedEditions: [],
    publishedChanges: []
  };

  progress(`Läser och kontrollerar leverans ${delivery} …`);
  // A delivery without errors leaves its canonical views on `conn`: validated once.
  const conn = await connect();
  const override = delivery === chosen ? undefined : delivery;
  const check = await checkEdition(root, month, {override, quality: true, conn});
  review.findings.push(...check.findings);
  if (review.findings.some((f) => f.severity === "fel")) return review;

  progress(`Beräknar måtten för ${month} …`);
  const current = await reviewedMetrics(conn, month);
  review.findings.push(...breakdownSumFindings(delivery, current.breakdowns, current.metrics));
  review.metrics = metricRows(current.metrics, options.threshold);
  review.breakdowns = breakdownRows(current.breakdowns);

  if (previous) {
    progress(`Jämför med föregående leverans ${previous} …`);
    const before = await reviewedMetrics(await openDelivery(root, previous, {cache: true}), addMonths(month, -1));
    review.lateRegistrations = lateRegistrations(before, current, month);
  }

  if (options.comparePublished === false) return review;
  // Published editions are compared as they were frozen, not as today's code would have computed them then. The
  // edition under review is among them once it is published: its review compares with what the committee got.
  const published = listEditions(options.sourceRoot).filter((e) => e.status === "publicerad" && e.month <= month);
  for (const edition of published.reverse()) {
    const version = recordVersions(edition.month).at(-1);
    if (!version) continue;
    const publishedWith = version.provenance.delivery.date;
    progress(`Jämför den publicerade utgåvan ${edition.month} (version ${version.version}) med leverans ${delivery} …`);
    const frozen = frozenMetrics(version);
    const now = (await reviewedMetrics(conn, edition.month)).metrics;
    const available = publishedDeliveryIntact(root, version);
    const then = available
      ? (await reviewedMetrics(await openDelivery(root, publishedWith, {cache: true}), edition.month)).metrics
      : null;
    const changes = publishedChanges(
      {month: edition.month, version: version.version, delivery: publishedWith},
      frozen,
      now,
      then
    );
    review.publishedEditions.push({
      month: edition.month,
      version: version.version,
      published: version.provenance.published,
      delivery: publishedWith,
      deliveryAvailable: available,
      changes: changes.length
    });
    review.publishedChanges.push(...changes);
  }
  return review;
}
