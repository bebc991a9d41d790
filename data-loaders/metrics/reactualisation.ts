// Re-actualisation, shared by ekonomiskt bistånd and arbetsmarknad: of the persons who left in the 12 months
// M−23..M−12 (a person counts once, at the first exit), the share who came back within 365 days.
// Grain of the SQL result: one row per report month.
import type {DuckDBConnection} from "@duckdb/node-api";
import {firstDay} from "../../src/lib/months.ts";
import {queryRows} from "../db.ts";
import {isHiddenShare} from "../suppression.ts";
import type {MonthlyValues} from "./compare.ts";

export interface ReactualisationSource {
  /** Import CTEs ending in `exits(person_id, exit_date)` and `returns(person_id, return_date)`. */
  imports: string;
  /** The system covering a month, for the series. */
  systemOf: (month: string) => string;
}

const sql = (imports: string) => `
with months as (
  select cast(m as date) as month_date
  from generate_series(cast($first as date), cast($last as date), interval 1 month) as t(m)
),

${imports},

-- Whether a person came back within 365 days depends on the exit alone, not on the report month, so it is decided
-- once per exit: the first return after it (an as-of join) is at most 365 days later.
exit_days as (
  select distinct person_id, exit_date
  from exits
  where exit_date >= cast($first as date) - interval 23 month and exit_date < cast($last as date) - interval 11 month
),

first_returns as (
  select e.person_id, e.exit_date, r.return_date as first_return
  from exit_days e
  asof left join returns r on r.person_id = e.person_id and r.return_date > e.exit_date
),

exit_outcomes as (
  select
    person_id,
    exit_date,
    coalesce(first_return <= exit_date + interval 365 day, false) as is_returned
  from first_returns
),

cohort as (
  select m.month_date, e.person_id, min(e.exit_date) as exit_date
  from months m
  join exit_days e
    on e.exit_date >= m.month_date - interval 23 month
    and e.exit_date < m.month_date - interval 11 month
  group by m.month_date, e.person_id
),

returned as (
  select c.month_date, c.person_id, o.is_returned
  from cohort c
  join exit_outcomes o on o.person_id = c.person_id and o.exit_date = c.exit_date
),

final as (
  select
    strftime(m.month_date, '%Y-%m') as month,
    cast(count(r.person_id) as integer) as cohort_size,
    cast(count(r.person_id) filter (where r.is_returned) as integer) as returned
  from months m
  left join returned r using (month_date)
  group by m.month_date
)

select * from final order by month
`;

/**
 * Monthly re-actualisation shares (hidden on a cohort under 10 or when 1–4 persons returned or stayed away) and the
 * report month's cohort (not published: no page shows it).
 */
export async function reactualisation(
  conn: DuckDBConnection,
  source: ReactualisationSource,
  {from, month}: {from: string; month: string}
): Promise<{values: MonthlyValues; current: {cohortSize: number; returned: number}}> {
  const rows = await queryRows<{month: string; cohort_size: number; returned: number}>(conn, sql(source.imports), {
    first: firstDay(from),
    last: firstDay(month)
  });
  const values: MonthlyValues = new Map(
    rows.map((r) => {
      const hidden = isHiddenShare(r.returned, r.cohort_size);
      return [r.month, {value: hidden ? null : r.returned / r.cohort_size, system: source.systemOf(r.month), hidden}];
    })
  );
  const current = rows.find((r) => r.month === month);
  return {values, current: {cohortSize: current?.cohort_size ?? 0, returned: current?.returned ?? 0}};
}
