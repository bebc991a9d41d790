// Checks that need more than the delivery itself: the report month (does the delivery cover it?), the previous
// delivery (did row counts jump?) and the computed metrics (does a breakdown add up to its headline figure?). The
// loaders run the coverage check before any metric; the review runs all three.
import type {DuckDBConnection} from "@duckdb/node-api";
import {formatInteger, formatSignedPercent} from "../../src/lib/format.ts";
import {firstDay, lastDay} from "../../src/lib/months.ts";
import {queryRows} from "../db.ts";
import type {BreakdownResult, MetricResult} from "../../src/lib/metric-types.ts";
import {finding, type Finding} from "./findings.ts";
import type {Manifest} from "./manifest.ts";

/** Relative change in a table's row count against the previous delivery that the review flags (0.1 = 10 %). */
export const ROW_CHANGE_THRESHOLD = 0.1;

const PAYMENT_FILES = "treserva_utbetalning.parquet / lifecare_eb_utbetalning.parquet";

// Grain: one row, the number of payments for the report month.
const COVERAGE_SQL = `
with payments as (select * from eb_payments),

final as (
  select cast(count(*) as integer) as n
  from payments
  where month_date = cast($month as date)
)

select * from final`;

/**
 * Errors when the delivery cannot hold the whole report month: it is dated on or before the month's last day, or it
 * has no payment for the month at all. The connection must have the delivery's canonical views.
 */
export async function coverageFindings(conn: DuckDBConnection, delivery: string, month: string): Promise<Finding[]> {
  if (delivery <= lastDay(month)) {
    return [
      finding(
        "leverans_fore_manadsslut",
        "fel",
        {delivery},
        {text: `leveransen är gjord före utgången av ${month} och täcker inte hela rapportmånaden`}
      )
    ];
  }
  const [{n}] = await queryRows<{n: number}>(conn, COVERAGE_SQL, {month: firstDay(month)});
  if (n > 0) return [];
  return [
    finding(
      "manad_saknas",
      "fel",
      {delivery, table: "eb_payments", file: PAYMENT_FILES, column: "avser_manad"},
      {text: `ingen utbetalning avser rapportmånaden ${month}, så leveransen täcker inte månaden`, count: 0}
    )
  ];
}

/** Warnings for every table whose row count moved more than `threshold` against the previous delivery. */
export function rowCountFindings(
  current: Manifest,
  previous: Manifest | null,
  threshold = ROW_CHANGE_THRESHOLD
): Finding[] {
  if (!previous) return [];
  const findings: Finding[] = [];
  for (const [table, {file, rows}] of Object.entries(current.tables)) {
    const before = previous.tables[table]?.rows;
    if (before === undefined) continue;
    const share = before === 0 ? (rows === 0 ? 0 : Infinity) : (rows - before) / before;
    if (Math.abs(share) <= threshold) continue;
    const change = Number.isFinite(share) ? ` (${formatSignedPercent(share)})` : "";
    findings.push(
      finding(
        "antal_rader_andrat",
        "varning",
        {delivery: current.delivery_date, table, file},
        {
          text: `${formatInteger(rows)} rader mot ${formatInteger(before)} i leverans ${previous.delivery_date}${change}, mer än ±${Math.round(threshold * 100)}\u00a0%`,
          count: rows - before
        }
      )
    );
  }
  return findings;
}

/**
 * Breakdowns that must add up to a headline metric: "lika" when each row counts once, "minst" when a person can sit in
 * several cells (a participant in two programme areas).
 */
export const BREAKDOWN_TOTALS: readonly {breakdown: string; metric: string; relation: "lika" | "minst"}[] = [
  {breakdown: "am_avslut", metric: "am_avslutade", relation: "lika"},
  // The programme areas' total counts distinct persons (a person in two areas is one person), like am_inskrivna.
  {breakdown: "am_fordelning", metric: "am_inskrivna", relation: "lika"}
];

/** Warnings for breakdowns whose cells (before suppression) do not add up to their headline metric. */
export function breakdownSumFindings(
  delivery: string,
  breakdowns: BreakdownResult[],
  metrics: Record<string, MetricResult>
): Finding[] {
  const findings: Finding[] = [];
  for (const rule of BREAKDOWN_TOTALS) {
    const breakdown = breakdowns.find((b) => b.id === rule.breakdown);
    const metric = metrics[rule.metric];
    if (!breakdown || !metric || metric.value === null) continue;
    const ok = rule.relation === "lika" ? breakdown.total === metric.value : breakdown.total >= metric.value;
    if (ok) continue;
    const expected = rule.relation === "lika" ? "lika med" : "minst";
    findings.push(
      finding(
        "fordelning_summerar_inte",
        "varning",
        {delivery, table: breakdown.id},
        {
          id: `fordelning_summerar_inte:${breakdown.id}`,
          text: `fördelningen "${breakdown.label}" summerar till ${formatInteger(breakdown.total)} för ${breakdown.month}, men ska vara ${expected} "${metric.label}" (${formatInteger(metric.value)})`,
          count: breakdown.total - metric.value
        }
      )
    );
  }
  return findings;
}
