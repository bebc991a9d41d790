// Intermediate models: the canonical views that union the legacy and new systems with a source_system column, and the
// building blocks more than one metric uses. Metrics read only these (and the interval macros in intervals.ts). The
// only joins in the unions are key look-ups of the household through a validated unique key (Treserva rows carry only
// the case number; a Lifecare exit only its insats), which never change row counts. docs/staging.md describes them.
import type {DuckDBConnection} from "@duckdb/node-api";
import {stagingSql, type ViewSpec} from "../staging/views.ts";
import {intervalMacrosSql} from "./intervals.ts";

// A view over one system's staging view, with its source_system.
const single = (name: string, grain: string, stg: string, system: string): ViewSpec => ({
  name,
  grain,
  sql: `with source as (select * from ${stg}),

final as (
  select *, '${system}' as source_system from source
)

select * from final`
});

export const CANONICAL_VIEWS: readonly ViewSpec[] = [
  {
    name: "eb_payments",
    grain: "one row per payment, Treserva and Lifecare",
    sql: `with treserva_payments as (select * from stg_treserva_utbetalning),
treserva_cases as (select * from stg_treserva_arende),
lifecare_payments as (select * from stg_lifecare_eb_utbetalning),

-- Treserva payments carry the case; the household is the case's.
treserva as (
  select
    p.payment_id, c.household_id, p.month_date, p.amount, p.paid_date, p.registered_date,
    'treserva' as source_system
  from treserva_payments p
  left join treserva_cases c on c.case_id = p.case_id
),

lifecare as (
  select payment_id, household_id, month_date, amount, paid_date, registered_date, 'lifecare' as source_system
  from lifecare_payments
),

final as (
  select * from treserva
  union all
  select * from lifecare
)

select * from final`
  },
  single(
    "eb_cases",
    "one row per Treserva case (every open case, assessed need or not)",
    "stg_treserva_arende",
    "treserva"
  ),
  single("eb_insatser", "one row per Lifecare insats ekonomiskt bistånd", "stg_lifecare_eb_insats", "lifecare"),
  single("eb_investigations", "one row per Lifecare investigation", "stg_lifecare_eb_utredning", "lifecare"),
  {
    name: "eb_members",
    grain: "one row per person and membership spell in a household, Treserva and Lifecare",
    sql: `with treserva_members as (select * from stg_treserva_medlem),
treserva_cases as (select * from stg_treserva_arende),
lifecare_members as (select * from stg_lifecare_eb_medlem),

treserva as (
  select c.household_id, m.person_id, m.role, m.birth_year, m.from_date, m.to_date, 'treserva' as source_system
  from treserva_members m
  left join treserva_cases c on c.case_id = m.case_id
),

lifecare as (
  select household_id, person_id, role, birth_year, from_date, to_date, 'lifecare' as source_system
  from lifecare_members
),

final as (
  select * from treserva
  union all
  select * from lifecare
)

select * from final`
  },
  {
    name: "eb_exits",
    grain: "one row per adult person whose assistance ended, Treserva and Lifecare",
    sql: `with treserva_exits as (select * from stg_treserva_avslut),
treserva_cases as (select * from stg_treserva_arende),
lifecare_exits as (select * from stg_lifecare_eb_avslut),
lifecare_insatser as (select * from stg_lifecare_eb_insats),

treserva as (
  select c.household_id, e.person_id, e.exit_date, e.exit_reason, e.registered_date, 'treserva' as source_system
  from treserva_exits e
  left join treserva_cases c on c.case_id = e.case_id
),

lifecare as (
  select i.household_id, e.person_id, e.exit_date, e.exit_reason, e.registered_date, 'lifecare' as source_system
  from lifecare_exits e
  left join lifecare_insatser i on i.insats_id = e.insats_id
),

final as (
  select * from treserva
  union all
  select * from lifecare
)

select * from final`
  },
  {
    name: "eb_decisions",
    grain: "one row per decision on a monthly application (the BI team's table names the system per row)",
    sql: `with decisions as (select * from stg_eb_ansokan_beslut),

final as (select * from decisions)

select * from final`
  },
  single("ssbtek_lookups", "one row per SSBTEK look-up", "stg_ssbtek_slagning", "ssbtek"),
  {
    name: "am_enrolments",
    grain: "one row per enrolment in a labour-market programme, Accorda and Arena",
    sql: `with accorda_enrolments as (select * from stg_accorda_deltagare),
arena_enrolments as (select * from stg_arena_inskrivning),

accorda as (
  select
    enrolment_id, person_id, programme_area, start_date, end_date, exit_reason, is_migrated, registered_date,
    'accorda' as source_system
  from accorda_enrolments
),

arena as (
  select
    enrolment_id, person_id, programme_area, start_date, end_date, exit_reason, is_migrated, registered_date,
    'arena' as source_system
  from arena_enrolments
),

final as (
  select * from accorda
  union all
  select * from arena
)

select * from final`
  },
  single("am_referrals", "one row per referral to the labour-market programmes", "stg_am_anvisning", "lifecare"),
  single("am_executions", "one row per opened execution (verkställighet)", "stg_am_verkstallighet", "lifecare"),
  single("vux_admissions", "one row per admission to a course or course package", "stg_vux_antagning", "vux")
];

/** Shared building blocks over the canonical views, each used by more than one metric. */
export const BUILDING_BLOCKS: readonly ViewSpec[] = [
  {
    name: "eb_paying_months",
    grain: "one row per household and avser-månad with at least one payment > 0 (a paying household-month)",
    sql: `with payments as (select * from eb_payments),

final as (
  select distinct household_id, month_date from payments where amount > 0
)

select * from final`
  }
];

/** Every intermediate model in the order it is created (a building block after the views it reads). */
export const INTERMEDIATE_MODELS: readonly ViewSpec[] = [...CANONICAL_VIEWS, ...BUILDING_BLOCKS];

/**
 * Models a staged database keeps as views over the files instead of tables: those only one section reads (the
 * appendix, vuxenutbildning), each for a year or a date with a filter. Copying them would cost more than reading them
 * where they are; the two event logs among them (a row per decision, a row per look-up) are the largest tables of a
 * delivery.
 */
export const READ_FROM_FILES: ReadonlySet<string> = new Set([
  "eb_decisions",
  "ssbtek_lookups",
  "am_referrals",
  "am_executions",
  "vux_admissions"
]);

/**
 * The whole model of one delivery on a connection: src_ and stg_ views (staging/), the interval macros, and the
 * intermediate models. With `materialise`, the intermediate models are tables (except READ_FROM_FILES), as in a
 * staged database. Does not validate.
 */
export async function createModels(
  conn: DuckDBConnection,
  root: string,
  delivery: string,
  {materialise = false} = {}
): Promise<void> {
  await conn.run(stagingSql(root, delivery));
  await conn.run(intervalMacrosSql());
  for (const model of INTERMEDIATE_MODELS) {
    const kind = materialise && !READ_FROM_FILES.has(model.name) ? "table" : "view";
    await conn.run(`create or replace ${kind} ${model.name} as\n${model.sql}`);
  }
}
