// Ekonomiskt bistånd: every monthly metric of the section in one pass over the staging views.
// Grain of the SQL result: one row per month in the window.
import type {DuckDBConnection} from "@duckdb/node-api";
import {addMonths, firstDay, monthRange} from "../../src/lib/months.ts";
import {queryRows} from "../db.ts";
import {suppressBreakdown} from "../suppression.ts";
import {buildMetric, type MetricSpec, type MonthlyValues} from "./compare.ts";
import {reactualisation} from "./reactualisation.ts";
import {EB_SWITCH} from "./systems.ts";
import type {BreakdownResult, MetricResult} from "../../src/lib/metric-types.ts";
import {EB_EXIT_REASON_LABELS} from "../../src/lib/codes.ts";

export const EB_METRICS = {
  utbetalt: {
    label: "Utbetalt ekonomiskt bistånd",
    unit: "kr",
    definition:
      "Utbetalt ekonomiskt bistånd visar totalt utbetalt belopp för månaden som biståndet avser (inkl nyanlända och kvot). Viss efterregistrering kan förekomma beroende på när beslut tas i ett enskilt ärende."
  },
  utbetalningshushall: {
    label: "Utbetalningshushåll",
    unit: "hushåll",
    definition:
      "Antal utbetalningshushåll visar hur många hushåll som har fått utbetalt ekonomiskt bistånd för månaden (inkl nyanlända och kvot). Viss efterregistrering kan förekomma beroende på när beslut tas i ett enskilt ärende."
  },
  hushall_insats: {
    label: "Hushåll med insats ekonomiskt bistånd",
    unit: "hushåll",
    definition:
      "Aktuella hushåll med insats ekonomiskt bistånd visar antal öppna ärenden som har bedömts att ett behov föreligger och därmed har rätt till bistånd (inkl nyanlända och kvot). Före oktober 2022 visar Treserva alla öppna ärenden."
  },
  oppna_utredningar: {
    label: "Öppna ekonomiutredningar",
    unit: "hushåll",
    definition:
      "Öppna ekonomiutredningar visar antal hushåll som söker ekonomiskt bistånd och där rätten till bistånd inte är färdigutredd eller klarlagd (inkl nyanlända och kvot)."
  },
  aktuella_hushall: {
    label: "Aktuella hushåll",
    unit: "hushåll",
    definition:
      "Aktuella hushåll visar antal öppna ärenden i tidigare verksamhetssystem Treserva. Oktober, november och december 2022 har underlag antal hushåll med insats ekonomiskt bistånd och antal öppna ekonomiutredningar hämtats från Lifecare och ett likvärdigt mått skapats (inkl nyanlända och kvot)."
  },
  langvariga: {
    label: "Långvariga hushåll med insats ekonomiskt bistånd (mer än 2 år)",
    unit: "hushåll",
    definition:
      "Aktuella långvariga hushåll med insats ekonomiskt bistånd (mer än 2 år) visar hur många hushåll som har haft behov av ekonomiskt bistånd i mer än 2 år, det vill säga fått utbetalning för minst 22 av de 24 föregående månaderna (inkl nyanlända och kvot)."
  },
  barn: {
    label: "Barn i hushåll med insats ekonomiskt bistånd",
    unit: "barn",
    definition:
      "Antal barn i hushåll visar hur många barn (under 18 år) som finns registrerade i insats ekonomiskt bistånd (inkl nyanlända och kvot)."
  },
  barn_langvariga: {
    label: "Barn i långvariga hushåll med insats ekonomiskt bistånd (mer än 2 år)",
    unit: "barn",
    definition:
      "Antal barn i långvariga hushåll visar hur många barn som finns i hushåll där behovet av ekonomiskt bistånd funnits i mer än 2 år (inkl nyanlända och kvot)."
  },
  nya_insatser: {
    label: "Nya hushåll med insats ekonomiskt bistånd",
    unit: "hushåll",
    definition:
      "Antal nya hushåll med insats ekonomiskt bistånd visar hur många hushåll som har bedömts ha rätt till ekonomiskt bistånd under månaden (inkl nyanlända och kvot)."
  },
  avslutade_insatser: {
    label: "Avslutade insatser ekonomiskt bistånd",
    unit: "insatser",
    definition:
      "Antal avslutade insatser ekonomiskt bistånd visar hur många hushåll som avslutas under månaden (inklusive nyanlända och kvot)."
  },
  integration: {
    label: "Hushåll med insats ekonomiskt bistånd vid integrationsenheten",
    unit: "hushåll",
    definition:
      "Aktuella hushåll med insats ekonomiskt bistånd vid integrationsenheten visar antal öppna ärenden som har bedömts att ett behov föreligger och därmed har rätt till bistånd eller är under utredning vid integrationsenheten. Integrationsenheten arbetar med nyanlända personer upp till 3 år från det att de beviljas uppehållstillstånd."
  },
  ateraktualiserade_eb: {
    label: "Andel återaktualiserade, ekonomiskt bistånd",
    unit: "andel",
    definition:
      "Andel återaktualiserade innebär att personen blir aktualiserad inom ekonomiskt bistånd igen mindre än ett år efter avslut. Måttet avser vuxna som avslutades under tolvmånadersperioden som slutade ett år före rapportmånaden. Ekonomiskt bistånd rapporterar ej återaktualiserade en gång om året till Kommunens kvalitet i korthet (KKiK, U31462)."
  }
} as const satisfies Record<string, Omit<MetricSpec, "id">>;

export type EbMetricId = keyof typeof EB_METRICS;

export interface EbOptions {
  /** Include newly arrived and quota households in nya_insatser (default true, as the newest reports). */
  nyaInklNyanlanda?: boolean;
}

// One row per month from $first to $last. Stocks are measured at the end of the month.
const MONTHLY_SQL = `
with months as (
  select cast(m as date) as month_date, last_day(cast(m as date)) as month_end
  from generate_series(cast($first as date), cast($last as date), interval 1 month) as t(m)
),

payments as (select * from eb_payments),
paying_months as (select * from eb_paying_months),
insatser as (select * from eb_insatser),
investigations as (select * from eb_investigations),
cases as (select * from eb_cases),
members as (select * from eb_members),

-- Payments by avser-månad: the sum, corrections included.
paid as (
  select month_date, sum(amount) as utbetalt
  from payments
  where month_date between cast($first as date) and cast($last as date)
  group by month_date
),

-- Paying households by avser-månad.
paying as (
  select month_date, count(*) as n
  from paying_months
  where month_date between cast($first as date) and cast($last as date)
  group by month_date
),

-- Lifecare stocks at the end of each month.
open_insatser as (
  select m.month_date, i.household_id, i.unit
  from months m join insatser i
    on open_at_end(i.start_date, i.end_date, m.month_end)
  where m.month_date >= cast($switch as date)
),
open_investigations as (
  select m.month_date, u.household_id, u.unit
  from months m join investigations u
    on open_at_end(u.opened_date, u.closed_date, m.month_end)
  where m.month_date >= cast($switch as date)
),

-- Treserva stocks: every open case; investigations are cases without a first granting decision yet.
open_cases as (
  select
    m.month_date,
    c.household_id,
    c.unit,
    open_at_end(c.opened_date, c.first_decision_date, m.month_end) as is_investigation
  from months m join cases c
    on open_at_end(c.opened_date, c.closed_date, m.month_end)
  where m.month_date < cast($switch as date)
),

-- The households counted by hushall_insats, whichever system covers the month.
with_insats as (
  select month_date, household_id from open_insatser
  union
  select month_date, household_id from open_cases
),

-- Long-term: a positive payment in at least 22 of the 24 months before M. A household's paying months from 24 months
-- before $first on are the bits of one number (bit i: the month i months after that start), so the count for M is the
-- number of bits set among the 24 just below M's bit: one aggregate and one look-up instead of a join per month.
bit_origin as (
  select year(cast($first as date)) * 12 + month(cast($first as date)) - 24 as month_no
),

paid_bits as (
  select
    p.household_id,
    bit_or(cast(1 as uhugeint) << cast(year(p.month_date) * 12 + month(p.month_date) - o.month_no as uhugeint)) as bits
  from paying_months p, bit_origin o
  where p.month_date >= cast($first as date) - interval 24 month and p.month_date < cast($last as date)
  group by p.household_id
),

-- The households counted by hushall_insats, each with whether it is long-term.
insats_households as (
  select
    w.month_date,
    w.household_id,
    bit_count(cast(
      (coalesce(b.bits, 0) >> cast(year(w.month_date) * 12 + month(w.month_date) - 24 - o.month_no as uhugeint))
        & cast(16777215 as uhugeint) -- the 24 lowest bits
      as bigint)) >= 22 as is_long_term
  from with_insats w
  cross join bit_origin o
  left join paid_bits b using (household_id)
),

children as (
  select h.month_date, mb.person_id, h.is_long_term
  from insats_households h
  join months m using (month_date)
  join members mb
    on mb.household_id = h.household_id
    and mb.role = 'child'
    and mb.birth_year > year(m.month_date) - 18
    and open_at_end(mb.from_date, mb.to_date, m.month_end)
),

-- New and ended insatser are counted from the system that covered the month, like the stocks: Lifecare insatser
-- migrated at the switch keep their original Treserva decision date, so counting both systems in a Treserva month
-- would count those spells twice.
started as (
  select date_trunc('month', start_date) as month_date, count(distinct household_id) as n
  from insatser
  where ($include_newly_arrived or not is_newly_arrived) and start_date >= cast($switch as date)
  group by 1
  union all
  select date_trunc('month', first_decision_date), count(distinct household_id)
  from cases
  where first_decision_date < cast($switch as date) and ($include_newly_arrived or not is_newly_arrived)
  group by 1
),

ended as (
  select date_trunc('month', end_date) as month_date, count(*) as n
  from insatser
  where end_date >= cast($switch as date)
  group by 1
  union all
  select date_trunc('month', closed_date), count(*) from cases where closed_date < cast($switch as date) group by 1
),

integration as (
  select month_date, household_id from open_insatser where unit = 'integration'
  union
  select month_date, household_id from open_investigations where unit = 'integration'
  union
  select month_date, household_id from open_cases where unit = 'integration'
),

insats_counts as (
  select month_date, count(*) as n, count(*) filter (where is_long_term) as n_long_term
  from insats_households
  group by month_date
),

investigation_counts as (
  select month_date, count(distinct household_id) as n from open_investigations group by month_date
  union all
  select month_date, count(distinct household_id) from open_cases where is_investigation group by month_date
),

case_counts as (
  select month_date, count(distinct household_id) as n from open_cases group by month_date
),

child_counts as (
  select
    month_date,
    count(distinct person_id) as n,
    count(distinct person_id) filter (where is_long_term) as n_long_term
  from children
  group by month_date
),

started_counts as (
  select month_date, sum(n) as n from started group by month_date
),

ended_counts as (
  select month_date, sum(n) as n from ended group by month_date
),

integration_counts as (
  select month_date, count(distinct household_id) as n from integration group by month_date
),

final as (
  select
    strftime(m.month_date, '%Y-%m') as month,
    case when m.month_date < cast($switch as date) then 'treserva' else 'lifecare' end as system,
    cast(coalesce(p.utbetalt, 0) as double) as utbetalt,
    cast(coalesce(py.n, 0) as integer) as utbetalningshushall,
    cast(coalesce(ins.n, 0) as integer) as hushall_insats,
    cast(coalesce(inv.n, 0) as integer) as oppna_utredningar,
    -- Treserva's open cases; 2022-10..12 rebuilt from Lifecare as insats + investigations (gap rule hides later months).
    cast(case
      when m.month_date < cast($switch as date) then coalesce(cc.n, 0)
      else coalesce(ins.n, 0) + coalesce(inv.n, 0)
    end as integer) as aktuella_hushall,
    cast(coalesce(ins.n_long_term, 0) as integer) as langvariga,
    cast(coalesce(ch.n, 0) as integer) as barn,
    cast(coalesce(ch.n_long_term, 0) as integer) as barn_langvariga,
    cast(coalesce(st.n, 0) as integer) as nya_insatser,
    cast(coalesce(en.n, 0) as integer) as avslutade_insatser,
    cast(coalesce(ig.n, 0) as integer) as integration
  from months m
  left join paid p using (month_date)
  left join paying py using (month_date)
  left join insats_counts ins using (month_date)
  left join investigation_counts inv using (month_date)
  left join case_counts cc using (month_date)
  left join child_counts ch using (month_date)
  left join started_counts st using (month_date)
  left join ended_counts en using (month_date)
  left join integration_counts ig using (month_date)
)

select * from final order by month
`;

// Re-actualisation within ekonomiskt bistånd: an adult's return is any new case, investigation or insats opened for a
// household they are an adult member of.
const REACTUALISATION_IMPORTS = `
exits as (select person_id, exit_date from eb_exits),
members as (select * from eb_members),

openings as (
  select household_id, start_date as opened_date from eb_insatser
  union all
  select household_id, opened_date from eb_investigations
  union all
  select household_id, opened_date from eb_cases
),

returns as (
  select mb.person_id, o.opened_date as return_date
  from openings o
  join members mb
    on mb.household_id = o.household_id
    and mb.role <> 'child'
    and in_force_during(mb.from_date, mb.to_date, o.opened_date, o.opened_date)
)`;

// Exit reasons per adult for one month. Grain: one row per reason.
const EXIT_REASONS_SQL = `
with exits as (select * from eb_exits),

final as (
  select coalesce(exit_reason, 'ej_registrerad') as reason, cast(count(*) as integer) as n
  from exits
  where date_trunc('month', exit_date) = cast($month as date)
  group by 1
)

select * from final order by reason
`;

export interface EbSection {
  month: string;
  metrics: Record<EbMetricId, MetricResult>;
  avslutsorsaker: BreakdownResult;
}

/**
 * Computes every metric of the ekonomiskt bistånd section for report month M over the window first..M.
 * The connection must have the staging views of one delivery.
 */
export async function ekonomisktBistand(
  conn: DuckDBConnection,
  {month, first}: {month: string; first: string},
  {nyaInklNyanlanda = true}: EbOptions = {}
): Promise<EbSection> {
  // One extra year before the window so that the previous-year comparison of the first month exists.
  const from = addMonths(first, -12);
  // The long-term rule keeps a household's paying months as bits of a 128-bit number: from − 24 .. month.
  if (monthRange(from, month).length + 24 > 127) {
    throw new Error(`Fönstret ${from}–${month} är för långt för regeln om långvariga hushåll (högst 103 månader).`);
  }
  const rows = await queryRows<Record<string, number | string>>(conn, MONTHLY_SQL, {
    first: firstDay(from),
    last: firstDay(month),
    switch: firstDay(EB_SWITCH),
    include_newly_arrived: nyaInklNyanlanda
  });
  const reactualised = await reactualisation(
    conn,
    {imports: REACTUALISATION_IMPORTS, systemOf: (m) => (m < EB_SWITCH ? "treserva" : "lifecare")},
    {from, month}
  );

  const valuesOf = (id: string): MonthlyValues =>
    new Map(rows.map((r) => [String(r.month), {value: Number(r[id]), system: String(r.system)}]));

  const metrics = Object.fromEntries(
    (Object.keys(EB_METRICS) as EbMetricId[]).map((id) => [
      id,
      buildMetric(
        {id, ...EB_METRICS[id]},
        id === "ateraktualiserade_eb" ? reactualised.values : valuesOf(id),
        month,
        first
      )
    ])
  ) as Record<EbMetricId, MetricResult>;

  const reasons = await queryRows<{reason: string; n: number}>(conn, EXIT_REASONS_SQL, {month: firstDay(month)});
  const avslutsorsaker = await suppressBreakdown(
    {
      id: "avslutsorsaker",
      label: "Orsaker till avslut",
      definition:
        "Orsaker till avslut visar anledning till avslut för varje enskild vuxen person under redovisningsmånaden (inkl nyanlända och kvot). Orsaken kan registreras upp till fyra månader efter avslutet, så de senaste månaderna kan ändras.",
      month
    },
    reasons
      .map((r) => ({key: r.reason, label: EB_EXIT_REASON_LABELS[r.reason] ?? r.reason, value: r.n}))
      .sort((a, b) => b.value - a.value || a.key.localeCompare(b.key)),
    (breakdown) => ({"ekonomiskt-bistand": {avslutsorsaker: breakdown}})
  );
  return {month, metrics, avslutsorsaker};
}
