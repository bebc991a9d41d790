// Data-quality warnings that need more than one table, over the canonical views of a delivery that passed
// validation. Each is suspicious but valid data for the review; none stops the build.
import type {DuckDBConnection} from "@duckdb/node-api";
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

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

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
  }
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
