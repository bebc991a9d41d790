// Arbetsmarknadsinsatser: enrolments, programme areas, new enrolments, exits and re-actualisation.
// Each month is counted from the system that covered it (Accorda before the switch, Arena after), so participants
// migrated between the systems are not counted twice.
import type {DuckDBConnection} from "@duckdb/node-api";
import {addMonths, firstDay} from "../../src/lib/months.ts";
import {queryRows} from "../db.ts";
import {AM_EXIT_REASON_LABELS, PROGRAMME_AREA_LABELS} from "../../src/lib/codes.ts";
import {suppressBreakdown, suppressExitReasons, type RawCell} from "../suppression.ts";
import {buildMetric, type MetricSpec, type MonthlyValues} from "./compare.ts";
import {reactualisation} from "./reactualisation.ts";
import {AM_SWITCH} from "./systems.ts";
import type {BreakdownResult, MetricResult} from "../../src/lib/metric-types.ts";

export const AM_METRICS = {
  am_inskrivna: {
    label: "Inskrivna i arbetsmarknadsinsatser",
    unit: "personer",
    definition:
      "Inskrivna i arbetsmarknad visar totalt antal personer som deltar i någon form av arbetsmarknadsinsats (inkl nyanlända och kvot) under månaden."
  },
  am_nya: {
    label: "Nya inskrivna deltagare vid arbetsmarknadsinsatser",
    unit: "personer",
    definition:
      "Nya inskrivna deltagare vid arbetsmarknad visar hur många som startat under månaden vid verksamheten arbetsmarknad (inkl nyanlända och kvot). Överflyttning av deltagare från gamla verksamhetssystemet Accorda till det nya verksamhetssystemet Lifecare innebär att alla fick samma startdatum och därför redovisas inte nyinskrivna för november och december 2022."
  },
  am_avslutade: {
    label: "Avslut från arbetsmarknadsinsatser",
    unit: "personer",
    definition: "Avslut från arbetsmarknad visar antal avslut under redovisningsmånaden (inkl nyanlända och kvot)."
  },
  ateraktualiserade_am: {
    label: "Andel återaktualiserade, arbetsmarknad",
    unit: "andel",
    definition:
      "Andel återaktualiserade innebär att personen blir aktualiserad inom verksamheten arbetsmarknadsinsatser igen mindre än ett år efter avslut. Måttet avser personer som avslutades under tolvmånadersperioden som slutade ett år före rapportmånaden."
  }
} as const satisfies Record<string, Omit<MetricSpec, "id">>;

export type AmMetricId = keyof typeof AM_METRICS;

// Grain: one row per month in the window.
const MONTHLY_SQL = `
with months as (
  select cast(m as date) as month_date, last_day(cast(m as date)) as month_end
  from generate_series(cast($first as date), cast($last as date), interval 1 month) as t(m)
),

enrolments as (select * from am_enrolments),

-- The enrolments of the system that covers each month.
covering as (
  select m.month_date, m.month_end, e.*
  from months m
  join enrolments e
    on e.source_system = case when m.month_date < cast($switch as date) then 'accorda' else 'arena' end
),

enrolled as (
  select month_date, count(distinct person_id) as n
  from covering
  where in_force_during(start_date, end_date, month_date, month_end)
  group by month_date
),

started as (
  select month_date, count(*) as n
  from covering
  where start_date between month_date and month_end
  group by month_date
),

ended as (
  select month_date, count(*) as n
  from covering
  where end_date between month_date and month_end
  group by month_date
),

final as (
  select
    strftime(m.month_date, '%Y-%m') as month,
    case when m.month_date < cast($switch as date) then 'accorda' else 'arena' end as system,
    cast(coalesce(en.n, 0) as integer) as am_inskrivna,
    cast(coalesce(st.n, 0) as integer) as am_nya,
    cast(coalesce(ex.n, 0) as integer) as am_avslutade
  from months m
  left join enrolled en using (month_date)
  left join started st using (month_date)
  left join ended ex using (month_date)
)

select * from final order by month
`;

// Re-actualisation within the programmes: a return is a new enrolment. Migration copied open Accorda enrolments into
// Arena (the Accorda rows stay open, frozen); those copies are no returns.
const REACTUALISATION_IMPORTS = `
exits as (select person_id, end_date as exit_date from am_enrolments where end_date is not null),
returns as (select person_id, start_date as return_date from am_enrolments where not is_migrated)`;

// Programme areas and exit reasons for one month, from the system that covers it. Grain: one row per code.
const BREAKDOWN_SQL = `
with enrolments as (
  select * from am_enrolments
  where source_system = case when cast($month as date) < cast($switch as date) then 'accorda' else 'arena' end
),

enrolled as (
  select person_id, programme_area
  from enrolments
  where in_force_during(start_date, end_date, cast($month as date), last_day(cast($month as date)))
),

areas as (
  select 'area' as kind, programme_area as code, cast(count(distinct person_id) as integer) as n
  from enrolled
  group by programme_area
),

-- The distinct persons behind the areas: a person in two areas counts in both areas but once here.
persons as (
  select 'persons' as kind, 'totalt' as code, cast(count(distinct person_id) as integer) as n
  from enrolled
),

reasons as (
  select 'reason' as kind, coalesce(exit_reason, 'ej_registrerad') as code, cast(count(*) as integer) as n
  from enrolments
  where date_trunc('month', end_date) = cast($month as date)
  group by 2
),

final as (
  select * from areas
  union all
  select * from persons
  union all
  select * from reasons
)

select * from final order by kind, code
`;

export interface AmSection {
  month: string;
  metrics: Record<AmMetricId, MetricResult>;
  fordelning: BreakdownResult;
  avslutsorsaker: BreakdownResult;
}

/** A breakdown's cells from the SQL rows, largest first. */
export function breakdownCells(
  rows: {kind: string; code: string; n: number}[],
  kind: string,
  labels: Record<string, string>
): RawCell[] {
  return rows
    .filter((r) => r.kind === kind)
    .map((r) => ({key: r.code, label: labels[r.code] ?? r.code, value: r.n}))
    .sort((a, b) => b.value - a.value || a.key.localeCompare(b.key));
}

/** Re-actualisation within the programmes for the months from..month (shares and the report month's cohort). */
export function amReactualisation(conn: DuckDBConnection, {from, month}: {from: string; month: string}) {
  return reactualisation(
    conn,
    {imports: REACTUALISATION_IMPORTS, systemOf: (m) => (m < AM_SWITCH ? "accorda" : "arena")},
    {from, month}
  );
}

/** Computes the arbetsmarknad section for report month M over the window first..M. */
export async function arbetsmarknad(
  conn: DuckDBConnection,
  {month, first}: {month: string; first: string}
): Promise<AmSection> {
  const from = addMonths(first, -12);
  const params = {first: firstDay(from), last: firstDay(month), switch: firstDay(AM_SWITCH)};
  const rows = await queryRows<Record<string, number | string>>(conn, MONTHLY_SQL, params);
  const reactualised = await amReactualisation(conn, {from, month});
  const breakdowns = await queryRows<{kind: string; code: string; n: number}>(conn, BREAKDOWN_SQL, {
    month: firstDay(month),
    switch: params.switch
  });

  const valuesOf = (id: string): MonthlyValues =>
    new Map(rows.map((r) => [String(r.month), {value: Number(r[id]), system: String(r.system)}]));
  const metrics = Object.fromEntries(
    (Object.keys(AM_METRICS) as AmMetricId[]).map((id) => [
      id,
      buildMetric(
        {id, ...AM_METRICS[id]},
        id === "ateraktualiserade_am" ? reactualised.values : valuesOf(id),
        month,
        first
      )
    ])
  ) as Record<AmMetricId, MetricResult>;

  const fordelning = await suppressBreakdown(
    {
      id: "am_fordelning",
      label: "Fördelning av inskrivna i arbetsmarknadsinsatser",
      definition:
        "Fördelning av inskrivna i arbetsmarknad visar hur många som är inskrivna i respektive verksamhetsområde inom arbetsmarknadsinsatser (inkl nyanlända och kvot) under månaden. En person som deltar i två verksamhetsområden räknas i båda.",
      month
    },
    breakdownCells(breakdowns, "area", PROGRAMME_AREA_LABELS),
    // Each area counts a person at most once, so a cell is at most the number enrolled.
    (breakdown) => ({arbetsmarknad: {month, fordelning: breakdown, metrics: {am_inskrivna: metrics.am_inskrivna}}}),
    // The total counts each person once: a person in two areas is one of the enrolled.
    {distinctTotal: breakdowns.find((r) => r.kind === "persons")?.n ?? 0}
  );
  const exits = await suppressExitReasons(breakdownCells(breakdowns, "reason", AM_EXIT_REASON_LABELS), month);
  return {
    month,
    metrics,
    fordelning,
    avslutsorsaker: {
      id: "am_avslut",
      label: "Avslut från arbetsmarknadsinsatser per avslutsorsak",
      definition:
        "Avslut från arbetsmarknad visar fördelning av antal avslut och vad deltagare avslutas mot under redovisningsmånaden (inkl nyanlända och kvot).",
      month,
      total: exits.total,
      cells: exits.cells,
      ...(exits.withheld ? {withheld: true} : {})
    }
  };
}
