// Appendix tables: "Kontroller och beslut", "Arbetsmarknadsuppdrag och inflöde" and refusals for non-approved
// second-hand contracts. Grain: one row per month of the report year up to M.
import type {DuckDBConnection} from "@duckdb/node-api";
import {addMonths, firstDay} from "../../src/lib/months.ts";
import {queryRows} from "../db.ts";
import {isSmallCount} from "../suppression.ts";
import {buildMetric, type MetricSpec, type MonthlyValues} from "./compare.ts";
import type {AppendixRow, MetricResult} from "../../src/lib/metric-types.ts";

export type {AppendixRow};

const SQL = `
with months as (
  select cast(m as date) as month_date
  from generate_series(cast($first as date), cast($last as date), interval 1 month) as t(m)
),

decisions as (select * from eb_decisions),
lookups as (select * from ssbtek_lookups),
referrals as (select * from am_referrals),
executions as (select * from am_executions),

applications as (
  select
    date_trunc('month', application_date) as month_date,
    count(distinct household_id) as households,
    count(*) as decisions,
    count(*) filter (where is_new_application and refusal_reason = 'andrahandsavtal') as second_hand_refusals
  from decisions
  where application_date >= cast($first as date) and application_date < cast($last as date) + interval 1 month
  group by 1
),

ssbtek as (
  select
    date_trunc('month', lookup_date) as month_date,
    count(*) filter (where performed_by = 'handlaggare') as by_case_worker,
    count(*) filter (where performed_by = 'robot') as by_robot,
    count(distinct person_id) as persons
  from lookups
  where lookup_date >= cast($first as date) and lookup_date < cast($last as date) + interval 1 month
  group by 1
),

referred as (
  select date_trunc('month', referral_date) as month_date, count(distinct person_id) as persons
  from referrals
  where status <> 'avvisad'
    and referral_date >= cast($first as date) and referral_date < cast($last as date) + interval 1 month
  group by 1
),

opened as (
  select date_trunc('month', opened_date) as month_date, count(distinct household_id) as households
  from executions
  where opened_date >= cast($first as date) and opened_date < cast($last as date) + interval 1 month
  group by 1
),

final as (
  select
    strftime(m.month_date, '%Y-%m') as month,
    cast(coalesce(a.households, 0) as integer) as ansokande_hushall,
    cast(coalesce(a.decisions, 0) as integer) as beslut,
    cast(coalesce(s.by_case_worker, 0) as integer) as ssbtek_handlaggare,
    -- The robot started in September 2020: before its first look-up the cell is empty, not 0.
    cast(s.by_robot as integer) as ssbtek_robot,
    cast(coalesce(s.persons, 0) as integer) as kontrollerade_individer,
    cast(coalesce(r.persons, 0) as integer) as anvisade_individer,
    cast(coalesce(o.households, 0) as integer) as oppnade_verkstalligheter,
    cast(coalesce(a.second_hand_refusals, 0) as integer) as andrahandsavtal_avslag
  from months m
  left join applications a using (month_date)
  left join ssbtek s using (month_date)
  left join referred r using (month_date)
  left join opened o using (month_date)
)

select * from final order by month
`;

/**
 * The appendix rows for the months first..last. A refusal for a non-approved second-hand contract is a decision on one
 * household's application for ekonomiskt bistånd, so its monthly count is hidden when 1–4 (SPEC §7). No running total
 * is published: two editions' totals would give each month's count as their difference.
 */
async function appendixRows(conn: DuckDBConnection, first: string, last: string): Promise<AppendixRow[]> {
  const rows = await queryRows<AppendixRow>(conn, SQL, {first: firstDay(first), last: firstDay(last)});
  // A robot count of 0 in a month before its first look-up means "not in use"; SQL leaves those null.
  const firstRobot = rows.findIndex((r) => r.ssbtek_robot !== null && r.ssbtek_robot > 0);
  return rows.map((r, i) => {
    const refusals = r.andrahandsavtal_avslag ?? 0;
    return {
      ...r,
      ssbtek_robot: firstRobot < 0 || i < firstRobot ? null : (r.ssbtek_robot ?? 0),
      ...(isSmallCount(refusals)
        ? {andrahandsavtal_avslag: null, hidden: {andrahandsavtal_avslag: "primar" as const}}
        : {})
    };
  });
}

/** The appendix tables for the report year up to M (January..M). */
export async function bilagor(conn: DuckDBConnection, {month}: {month: string}): Promise<{rows: AppendixRow[]}> {
  return {rows: await appendixRows(conn, `${month.slice(0, 4)}-01`, month)};
}

/** The appendix figures that the review compares month by month like the section metrics (SPEC §3 kontroller, uppdrag). */
export const APPENDIX_METRICS = {
  ansokande_hushall: {
    label: "Ansökande hushåll",
    unit: "hushåll",
    definition: "Hushåll som ansökt om ekonomiskt bistånd under månaden."
  },
  beslut: {
    label: "Beslut ek bistånd totalt (beviljande och avslag)",
    unit: "ärenden",
    definition: "Beslut om ekonomiskt bistånd under månaden, beviljande och avslag."
  },
  ssbtek_handlaggare: {
    label: "Slagningar i SSBTEK (handläggare)",
    unit: "ärenden",
    definition: "Slagningar i SSBTEK som handläggare gjort under månaden."
  },
  ssbtek_robot: {
    label: "Slagningar i SSBTEK (robot)",
    unit: "ärenden",
    definition: "Slagningar i SSBTEK som roboten gjort under månaden; saknas före robotens första slagning."
  },
  kontrollerade_individer: {
    label: "Kontrollerade individer (inkl. barn), SSBTEK",
    unit: "personer",
    definition: "Individer, barn inräknade, som kontrollerats i SSBTEK under månaden."
  },
  anvisade_individer: {
    label: "Arbetsmarknadsuppdrag, individer",
    unit: "personer",
    definition: 'Individer som anvisats till arbetsmarknadsinsatser under månaden, utom status "avvisad".'
  },
  oppnade_verkstalligheter: {
    label: "Öppnade verkställigheter, hushåll",
    unit: "hushåll",
    definition: "Hushåll för vilka en verkställighet öppnats under månaden."
  }
} as const satisfies Record<string, Omit<MetricSpec, "id">>;

export type AppendixMetricId = keyof typeof APPENDIX_METRICS;

/** The appendix figures as metrics for M over first..M, with the same month a year earlier. */
export async function appendixMetrics(
  conn: DuckDBConnection,
  {month, first}: {month: string; first: string}
): Promise<Record<AppendixMetricId, MetricResult>> {
  const from = addMonths(month, -12) < first ? addMonths(month, -12) : first;
  const rows = await appendixRows(conn, from, month);
  return Object.fromEntries(
    (Object.keys(APPENDIX_METRICS) as AppendixMetricId[]).map((id) => {
      const values: MonthlyValues = new Map(rows.map((r) => [r.month, {value: r[id], system: null}]));
      return [id, buildMetric({id, ...APPENDIX_METRICS[id]}, values, month, first)];
    })
  ) as Record<AppendixMetricId, MetricResult>;
}
