// Staging: one view per export table (rename, cast, categorise), then canonical views that union the legacy and new
// systems with a source_system column. No joins, no aggregates. This is the only code that knows file paths.
import type {DuckDBConnection} from "@duckdb/node-api";
import {join} from "node:path";
import {CONTRACT} from "../contract.ts";

/** SQL expression that turns a legacy text date ('' = none) into a DATE. */
const textDate = (column: string, format: string) =>
  `case when nullif(trim(${column}), '') is null then null else strptime(${column}, '${format}')::date end`;
const ymd = (c: string) => textDate(c, "%Y%m%d");
const isoText = (c: string) => textDate(c, "%Y-%m-%d");

// One SELECT per export table; `src` is replaced by the table's read_parquet call.
const STAGING: Record<string, string> = {
  treserva_arende: `
    select
      ARENDE_NR as case_id,
      HUSHALL_NYCKEL as household_id,
      case ENHET when 'INT' then 'integration' else 'alf' end as unit,
      NYANLAND_KVOT = 'J' as is_newly_arrived,
      ${ymd("OPPNAT_DATUM")} as opened_date,
      ${ymd("FORSTA_BESLUT_DATUM")} as first_decision_date,
      ${ymd("AVSLUTAT_DATUM")} as closed_date,
      ${ymd("REG_DATUM")} as registered_date
    from src`,
  treserva_utbetalning: `
    select
      UTBETALNING_NR as payment_id,
      ARENDE_NR as case_id,
      strptime(PERIOD, '%Y%m')::date as month_date,
      cast(BELOPP as decimal(14,2)) as amount,
      ${ymd("UTBET_DATUM")} as paid_date,
      ${ymd("REG_DATUM")} as registered_date
    from src`,
  treserva_medlem: `
    select
      ARENDE_NR as case_id,
      PERSON_NYCKEL as person_id,
      case ROLL when 'SOK' then 'applicant' when 'MED' then 'co_applicant' else 'child' end as role,
      FODELSEAR as birth_year,
      ${ymd("FROM_DATUM")} as from_date,
      ${ymd("TOM_DATUM")} as to_date
    from src`,
  treserva_avslut: `
    select
      ARENDE_NR as case_id,
      PERSON_NYCKEL as person_id,
      ${ymd("AVSLUT_DATUM")} as exit_date,
      case ORSAK_KOD
        when '01' then 'arbete' when '02' then 'studier' when '03' then 'annan_forsorjning' when '04' then 'flytt'
        when '05' then 'ej_hort_av_sig' when '06' then 'forandrad_familjesituation'
        when '07' then 'ersattning_pension' when '99' then 'ovrigt'
      end as exit_reason,
      ${ymd("REG_DATUM")} as registered_date
    from src`,
  lifecare_eb_utredning: `
    select utredning_id as investigation_id, hushall_id as household_id, enhet as unit,
      is_nyanland_kvot as is_newly_arrived, oppnad_datum as opened_date, avslutad_datum as closed_date,
      utfall as outcome, registrerad_datum as registered_date
    from src`,
  lifecare_eb_insats: `
    select insats_id, hushall_id as household_id, enhet as unit, is_nyanland_kvot as is_newly_arrived,
      start_datum as start_date, slut_datum as end_date, registrerad_datum as registered_date
    from src`,
  lifecare_eb_utbetalning: `
    select utbetalning_id as payment_id, hushall_id as household_id, insats_id, avser_manad as month_date,
      cast(belopp as decimal(14,2)) as amount, utbetald_datum as paid_date, registrerad_datum as registered_date
    from src`,
  lifecare_eb_medlem: `
    select hushall_id as household_id, person_id,
      case roll when 'sokande' then 'applicant' when 'medsokande' then 'co_applicant' else 'child' end as role,
      fodelsear as birth_year, fran_datum as from_date, till_datum as to_date
    from src`,
  lifecare_eb_avslut: `
    select insats_id, person_id, avslut_datum as exit_date, avslutsorsak as exit_reason,
      registrerad_datum as registered_date
    from src`,
  eb_ansokan_beslut: `
    select beslut_id as decision_id, hushall_id as household_id, ansokan_datum as application_date,
      beslut_datum as decision_date, beslut_typ as decision_type, is_nyansokan as is_new_application,
      avslagsgrund as refusal_reason, source_system
    from src`,
  ssbtek_slagning: `
    select slagning_id as lookup_id, slagning_datum as lookup_date, utford_av as performed_by, person_id
    from src`,
  accorda_deltagare: `
    select
      INSKRIVNING_NR as enrolment_id,
      DELTAGAR_NR as person_id,
      case VERKSAMHET
        when 'JC' then 'jobbcenter' when 'AT' then 'arbetstraning' when 'PR' then 'praktik'
        when 'KA' then 'kommunal_anstallning' when 'SV' then 'vagledning' when 'UV' then 'unga_vuxna'
      end as programme_area,
      ${isoText("INSKRIVEN")} as start_date,
      ${isoText("UTSKRIVEN")} as end_date,
      case AVSLUTSKOD
        when 'AE' then 'arbete_ej_subventionerat' when 'AS' then 'arbete_subventionerat' when 'ST' then 'studier'
        when 'AF' then 'sjalvforsorjning_af' when 'AR' then 'aterremitterad' when 'AB' then 'avbrott'
        when 'OV' then 'ovrigt' when 'OK' then 'okand'
      end as exit_reason,
      false as is_migrated,
      ${isoText("REG_DATUM")} as registered_date
    from src`,
  arena_inskrivning: `
    select inskrivning_id as enrolment_id, person_id, verksamhetsomrade as programme_area, start_datum as start_date,
      slut_datum as end_date, avslutsorsak as exit_reason, is_migrerad as is_migrated,
      registrerad_datum as registered_date
    from src`,
  am_anvisning: `
    select anvisning_id as referral_id, person_id, hushall_id as household_id, anvisad_datum as referral_date, status
    from src`,
  am_verkstallighet: `
    select verkstallighet_id as execution_id, hushall_id as household_id, oppnad_datum as opened_date
    from src`,
  vux_antagning: `
    select antagning_id as admission_id, elev_id as student_id, anordnare as provider, kurstyp as course_type,
      period, antagen_datum as admission_date, kurs_start as course_start, kurs_slut as course_end
    from src`
};

// Canonical views over the staging views. Grain in the comment before each.
const CANONICAL = `
-- one row per payment, both systems; household from the Treserva case
create or replace view eb_payments as
  select p.payment_id, c.household_id, p.month_date, p.amount, p.paid_date, p.registered_date, 'treserva' as source_system
  from stg_treserva_utbetalning p left join stg_treserva_arende c using (case_id)
  union all
  select payment_id, household_id, month_date, amount, paid_date, registered_date, 'lifecare'
  from stg_lifecare_eb_utbetalning;

-- one row per Treserva case (all open cases, assessed need or not)
create or replace view eb_cases as select *, 'treserva' as source_system from stg_treserva_arende;

-- one row per Lifecare insats
create or replace view eb_insatser as select *, 'lifecare' as source_system from stg_lifecare_eb_insats;

-- one row per Lifecare investigation
create or replace view eb_investigations as select *, 'lifecare' as source_system from stg_lifecare_eb_utredning;

-- one row per person and membership spell in a household, both systems
create or replace view eb_members as
  select c.household_id, m.person_id, m.role, m.birth_year, m.from_date, m.to_date, 'treserva' as source_system
  from stg_treserva_medlem m left join stg_treserva_arende c using (case_id)
  union all
  select household_id, person_id, role, birth_year, from_date, to_date, 'lifecare' from stg_lifecare_eb_medlem;

-- one row per adult exit, both systems; reason null while not registered
create or replace view eb_exits as
  select c.household_id, a.person_id, a.exit_date, a.exit_reason, a.registered_date, 'treserva' as source_system
  from stg_treserva_avslut a left join stg_treserva_arende c using (case_id)
  union all
  select i.household_id, a.person_id, a.exit_date, a.exit_reason, a.registered_date, 'lifecare'
  from stg_lifecare_eb_avslut a left join stg_lifecare_eb_insats i using (insats_id);

create or replace view eb_decisions as select * from stg_eb_ansokan_beslut;
create or replace view ssbtek_lookups as select * from stg_ssbtek_slagning;

-- one row per enrolment, both systems
create or replace view am_enrolments as
  select *, 'accorda' as source_system from stg_accorda_deltagare
  union all
  select *, 'arena' from stg_arena_inskrivning;

create or replace view am_referrals as select * from stg_am_anvisning;
create or replace view am_executions as select * from stg_am_verkstallighet;
create or replace view vux_admissions as select * from stg_vux_antagning;
`;

/** The staging SQL for one delivery folder, as it is run (exposed for tests and the docs). */
export function stagingSql(deliveryDir: string): string {
  const views = CONTRACT.map((table) => {
    const path = join(deliveryDir, `${table.name}.parquet`).replaceAll("'", "''");
    const select = STAGING[table.name].replace(/\bfrom src\b/, `from read_parquet('${path}')`);
    return `create or replace view stg_${table.name} as ${select.trim()};`;
  });
  return [...views, CANONICAL].join("\n");
}

/** Creates every staging and canonical view for a delivery folder on the connection. */
export async function createStagingViews(conn: DuckDBConnection, deliveryDir: string): Promise<void> {
  await conn.run(stagingSql(deliveryDir));
}
