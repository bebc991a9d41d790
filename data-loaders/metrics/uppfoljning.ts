// Uppföljning efter avslut: of the participants who left the labour-market programmes in a month, the exit reasons and
// the share NOT receiving ekonomiskt bistånd 6, 12 and 18 months later. Grain: one row per exit cohort month.
import type {DuckDBConnection} from "@duckdb/node-api";
import {addMonths, firstDay} from "../../src/lib/months.ts";
import {queryRows} from "../db.ts";
import {AM_EXIT_REASON_LABELS} from "../../src/lib/codes.ts";
import {isHiddenShare, suppressExitReasons} from "../suppression.ts";
import {AM_SWITCH} from "./systems.ts";
import {FOLLOW_UP_MONTHS, type FollowUpRow, type FollowUpSection} from "../../src/lib/metric-types.ts";

export {FOLLOW_UP_MONTHS, type FollowUpRow, type FollowUpSection};

const COHORT_SQL = `
with months as (
  select cast(m as date) as month_date
  from generate_series(cast($first as date), cast($last as date), interval 1 month) as t(m)
),

enrolments as (select * from am_enrolments),
paying_months as (select * from eb_paying_months),
members as (select * from eb_members),

-- Exits in each cohort month from the system covering it, excluding those referred back (återremitterade).
cohort as (
  select distinct m.month_date, e.person_id
  from months m
  join enrolments e
    on date_trunc('month', e.end_date) = m.month_date
    and e.source_system = case when m.month_date < cast($switch as date) then 'accorda' else 'arena' end
  where coalesce(e.exit_reason, '') <> 'aterremitterad'
),

checkpoints as (
  select c.month_date, c.person_id, k.months_after, c.month_date + to_months(k.months_after) as check_month
  from cohort c
  cross join (select unnest([6, 12, 18]) as months_after) k
),

-- The checkpoints where the person is an adult member, in the checkpoint month, of a paying household.
on_assistance as (
  select distinct c.check_month, c.person_id
  from checkpoints c
  join members mb
    on mb.person_id = c.person_id
    and mb.role <> 'child'
    and in_force_during(mb.from_date, mb.to_date, c.check_month, last_day(c.check_month))
  join paying_months p on p.household_id = mb.household_id and p.month_date = c.check_month
),

final as (
  select
    strftime(c.month_date, '%Y-%m') as month,
    c.months_after,
    cast(count(*) as integer) as cohort_size,
    cast(count(*) filter (where a.person_id is null) as integer) as without_assistance
  from checkpoints c
  left join on_assistance a on a.check_month = c.check_month and a.person_id = c.person_id
  where c.check_month <= cast($last as date)
  group by c.month_date, c.months_after
)

select * from final order by month, months_after
`;

const REASONS_SQL = `
with enrolments as (
  select * from am_enrolments
  where source_system = case when cast($month as date) < cast($switch as date) then 'accorda' else 'arena' end
),

final as (
  select coalesce(exit_reason, 'ej_registrerad') as reason, cast(count(*) as integer) as n
  from enrolments
  where date_trunc('month', end_date) = cast($month as date)
  group by 1
)

select * from final order by reason
`;

/** Follow-up after exit for report month M: reasons in M, and cohorts from 24 months back. */
export async function uppfoljning(conn: DuckDBConnection, {month}: {month: string}): Promise<FollowUpSection> {
  const switchDate = firstDay(AM_SWITCH);
  const first = addMonths(month, -24);
  const rows = await queryRows<{month: string; months_after: number; cohort_size: number; without_assistance: number}>(
    conn,
    COHORT_SQL,
    {first: firstDay(first), last: firstDay(month), switch: switchDate}
  );
  const reasons = await queryRows<{reason: string; n: number}>(conn, REASONS_SQL, {
    month: firstDay(month),
    switch: switchDate
  });

  const cohorts = new Map<string, FollowUpRow>();
  for (const r of rows) {
    const row = cohorts.get(r.month) ?? {
      month: r.month,
      cohortSize: r.cohort_size,
      withoutAssistance: {6: null, 12: null, 18: null}
    };
    const k = r.months_after as (typeof FOLLOW_UP_MONTHS)[number];
    if (isHiddenShare(r.without_assistance, r.cohort_size)) row.hidden = {...row.hidden, [k]: "primar"};
    else row.withoutAssistance[k] = r.without_assistance / r.cohort_size;
    cohorts.set(r.month, row);
  }

  // The same cells as arbetsmarknad's am_avslut, suppressed together with the figures derived from them.
  const exits = await suppressExitReasons(
    reasons
      .map((r) => ({key: r.reason, label: AM_EXIT_REASON_LABELS[r.reason] ?? r.reason, value: r.n}))
      .sort((a, b) => b.value - a.value || a.key.localeCompare(b.key)),
    month
  );

  return {
    month,
    reasons: {
      id: "uppfoljning_orsaker",
      label: "Avslutsorsaker för deltagare som avslutats under månaden",
      definition:
        "Avslutsorsak registreras vid avslut och bygger på vad deltagaren själv uppger. Avslutade exklusive återremitterade är förvaltningens resultatmått.",
      month,
      total: exits.total,
      cells: exits.cells,
      ...(exits.withheld ? {withheld: true} : {})
    },
    exitsExclReferredBack: exits.exitsExclReferredBack,
    unknownShare: exits.unknownShare,
    ...(Object.keys(exits.hidden).length ? {hidden: exits.hidden} : {}),
    cohorts: [...cohorts.values()].sort((a, b) => a.month.localeCompare(b.month))
  };
}
