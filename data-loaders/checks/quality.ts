// Data-quality warnings that need more than one table or row, over the canonical views of a delivery that passed
// validation. Each is suspicious but possible data for the review and the build's summary; none stops the build.
import type {DuckDBConnection} from "@duckdb/node-api";
import {formatInteger} from "../../src/lib/format.ts";
import {queryRows} from "../db.ts";
import {finding, type Finding} from "./findings.ts";

export interface QualityCheck {
  /** Stable id. */
  id: string;
  /** The canonical view the finding is about, and the export files behind it. */
  view: string;
  files: string;
  column: string;
  /** Returns one row with the count `n`. */
  sql: string;
  /** Swedish, for a non-zero count. */
  render: (n: number) => string;
}

const plural = (n: number, one: string, many: string) => `${formatInteger(n)} ${n === 1 ? one : many}`;

export const QUALITY_CHECKS: readonly QualityCheck[] = [
  {
    id: "person_i_tva_hushall",
    view: "eb_members",
    files: "treserva_medlem.parquet / lifecare_eb_medlem.parquet",
    column: "person_id",
    // Grain: one row per person who was a member of two households that were both paid for the same month.
    sql: `with paid_household_months as (select * from eb_paying_months),
members as (select * from eb_members),

paid_members as (
  select distinct m.person_id, p.household_id, p.month_date
  from paid_household_months p
  join members m
    on m.household_id = p.household_id
    and in_force_during(m.from_date, m.to_date, p.month_date, last_day(p.month_date))
),

doubly_paid as (
  select person_id
  from paid_members
  group by person_id, month_date
  having count(*) > 1
),

final as (select count(distinct person_id) as n from doubly_paid)

select * from final`,
    render: (n) =>
      `${plural(n, "person är medlem", "personer är medlemmar")} i två hushåll som båda fått utbetalning för samma månad`
  },
  {
    id: "utbetalning_bada_systemen",
    view: "eb_payments",
    files: "treserva_utbetalning.parquet / lifecare_eb_utbetalning.parquet",
    column: "month_date",
    // Grain: one row per household and month paid by both Treserva and Lifecare (double registration at the switch).
    sql: `with payments as (select * from eb_payments),

both_systems as (
  select household_id, month_date
  from payments
  group by household_id, month_date
  having count(distinct source_system) > 1
),

final as (select count(*) as n from both_systems)

select * from final`,
    render: (n) => `${plural(n, "hushållsmånad", "hushållsmånader")} har utbetalningar i både Treserva och Lifecare`
  },
  {
    id: "hushall_utan_medlemmar",
    view: "eb_payments",
    files: "treserva_utbetalning.parquet / lifecare_eb_utbetalning.parquet",
    column: "household_id",
    // Grain: one row per paid household without any member (its children cannot be counted).
    sql: `with payments as (select * from eb_payments),
members as (select * from eb_members),

paid_households as (
  select distinct household_id from payments where amount > 0
),

without_members as (
  select p.household_id
  from paid_households p
  where not exists (select 1 from members m where m.household_id = p.household_id)
),

final as (select count(*) as n from without_members)

select * from final`,
    render: (n) => `${plural(n, "hushåll", "hushåll")} med utbetalning saknar registrerade medlemmar`
  },
  {
    id: "utbetalning_dubblett",
    view: "eb_payments",
    files: "treserva_utbetalning.parquet / lifecare_eb_utbetalning.parquet",
    column: "payment_id",
    // Grain: one row per payment beyond the first with the same natural key (household, avser-månad, amount, day).
    sql: `with payments as (select * from eb_payments),

natural_keys as (
  select household_id, month_date, amount, paid_date, count(*) as n
  from payments
  group by household_id, month_date, amount, paid_date
  having count(*) > 1
),

final as (select coalesce(sum(n - 1), 0) as n from natural_keys)

select * from final`,
    render: (n) =>
      `${plural(n, "utbetalning har", "utbetalningar har")} samma hushåll, avser-månad, belopp och utbetalningsdag som en annan utbetalning med annat id (exporterad två gånger?)`
  },
  ...(["samma", "olika"] as const).map((units): QualityCheck => ({
    id: units === "samma" ? "overlappande_insatser" : "hushall_i_tva_enheter",
    view: "eb_insatser / eb_cases",
    files: "lifecare_eb_insats.parquet / treserva_arende.parquet",
    column: "household_id",
    // Grain: one row per household with two insatser (Lifecare) or cases (Treserva) of one system open on the same
    // day, in the same unit or in two units. A transfer ends one and starts the next on the same day: no overlap.
    sql: `with insatser as (select * from eb_insatser),
cases as (select * from eb_cases),

spells as (
  select household_id, source_system, insats_id as spell_id, unit, start_date, end_date from insatser
  union all
  select household_id, source_system, case_id, unit, opened_date, closed_date from cases
),

overlapping as (
  select distinct a.household_id
  from spells a
  join spells b
    on a.household_id = b.household_id
    and a.source_system = b.source_system
    and a.spell_id < b.spell_id
    and a.unit ${units === "samma" ? "=" : "<>"} b.unit
    and a.start_date < coalesce(b.end_date, date '9999-12-31')
    and b.start_date < coalesce(a.end_date, date '9999-12-31')
),

final as (select count(*) as n from overlapping)

select * from final`,
    render: (n) =>
      units === "samma"
        ? `${plural(n, "hushåll har", "hushåll har")} två insatser (eller ärenden) i samma enhet öppna samtidigt`
        : `${plural(n, "hushåll är", "hushåll är")} aktuella i två enheter samtidigt (två insatser eller ärenden som överlappar)`
  }))
];

/** Runs the cross-table warnings on a connection whose canonical views exist. */
export async function qualityWarnings(conn: DuckDBConnection, delivery: string): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const check of QUALITY_CHECKS) {
    const [{n}] = await queryRows<{n: number}>(conn, check.sql);
    if (!n) continue;
    findings.push(
      finding(
        check.id,
        "varning",
        {delivery, table: check.view, file: check.files, column: check.column},
        {text: check.render(n), count: n}
      )
    );
  }
  return findings;
}
