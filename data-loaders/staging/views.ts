// Staging: one stg_<table> view per export table, one to one: rename to canonical English, cast legacy text, map
// codes to the canonical codes shared across systems. No joins, no aggregates. File paths come from sources.ts; the
// unions and shared building blocks over these views are in ../intermediate/. docs/staging.md describes both.
import {
  AM_EXIT_REASON_CODES,
  codeMap,
  EB_EXIT_REASON_CODES,
  EB_ROLE_CODES,
  EB_UNIT_CODES,
  legacyMap,
  PROGRAMME_AREA_CODES
} from "../../src/lib/codes.ts";
import {CONTRACT, tableSpec} from "../contract.ts";
import {sourceViewSql} from "./sources.ts";

export interface ViewSpec {
  name: string;
  /** One line: what one row is. */
  grain: string;
  sql: string;
}

// Legacy text dates: '' means none. Validation has checked the shape, so strptime cannot fail here.
const textDate = (column: string, format: string) => `cast(strptime(nullif(${column}, ''), '${format}') as date)`;
const yyyymmdd = (column: string) => textDate(column, "%Y%m%d");
const isoText = (column: string) => textDate(column, "%Y-%m-%d");

/** A CASE expression mapping legacy codes to canonical ones; unmapped values (empty text) become null. */
const mapCodes = (column: string, map: Record<string, string>) =>
  `case ${column}\n${Object.entries(map)
    .map(([from, to]) => `        when '${from}' then '${to}'`)
    .join("\n")}\n      end`;

// Legacy → canonical code maps, from the code tables (src/lib/codes.ts). The canonical codes are the new systems'
// codes (roles are renamed to English in both systems).
export const UNIT_MAP_TRESERVA = legacyMap(EB_UNIT_CODES);
export const ROLE_MAP_TRESERVA = legacyMap(EB_ROLE_CODES);
export const ROLE_MAP_LIFECARE = codeMap(EB_ROLE_CODES);
export const EB_REASON_MAP_TRESERVA = legacyMap(EB_EXIT_REASON_CODES);
export const AREA_MAP_ACCORDA = legacyMap(PROGRAMME_AREA_CODES);
export const AM_REASON_MAP_ACCORDA = legacyMap(AM_EXIT_REASON_CODES);

const staging = (table: string, select: string): ViewSpec => ({
  name: `stg_${table}`,
  grain: tableSpec(table).grain,
  sql: `with source as (select * from src_${table}),

final as (
  select
    ${select.trim()}
  from source
)

select * from final`
});

export const STAGING_VIEWS: readonly ViewSpec[] = [
  staging(
    "treserva_arende",
    `
    ARENDE_NR as case_id,
    HUSHALL_NYCKEL as household_id,
    ${mapCodes("ENHET", UNIT_MAP_TRESERVA)} as unit,
    NYANLAND_KVOT = 'J' as is_newly_arrived,
    ${yyyymmdd("OPPNAT_DATUM")} as opened_date,
    ${yyyymmdd("FORSTA_BESLUT_DATUM")} as first_decision_date,
    ${yyyymmdd("AVSLUTAT_DATUM")} as closed_date,
    ${yyyymmdd("REG_DATUM")} as registered_date`
  ),
  staging(
    "treserva_utbetalning",
    `
    UTBETALNING_NR as payment_id,
    ARENDE_NR as case_id,
    cast(strptime(PERIOD, '%Y%m') as date) as month_date,
    cast(BELOPP as decimal(14, 2)) as amount,
    ${yyyymmdd("UTBET_DATUM")} as paid_date,
    ${yyyymmdd("REG_DATUM")} as registered_date`
  ),
  staging(
    "treserva_medlem",
    `
    ARENDE_NR as case_id,
    PERSON_NYCKEL as person_id,
    ${mapCodes("ROLL", ROLE_MAP_TRESERVA)} as role,
    FODELSEAR as birth_year,
    ${yyyymmdd("FROM_DATUM")} as from_date,
    ${yyyymmdd("TOM_DATUM")} as to_date`
  ),
  staging(
    "treserva_avslut",
    `
    ARENDE_NR as case_id,
    PERSON_NYCKEL as person_id,
    ${yyyymmdd("AVSLUT_DATUM")} as exit_date,
    ${mapCodes("ORSAK_KOD", EB_REASON_MAP_TRESERVA)} as exit_reason,
    ${yyyymmdd("REG_DATUM")} as registered_date`
  ),
  staging(
    "lifecare_eb_utredning",
    `
    utredning_id as investigation_id,
    hushall_id as household_id,
    enhet as unit,
    is_nyanland_kvot as is_newly_arrived,
    oppnad_datum as opened_date,
    avslutad_datum as closed_date,
    utfall as outcome,
    registrerad_datum as registered_date`
  ),
  staging(
    "lifecare_eb_insats",
    `
    insats_id,
    hushall_id as household_id,
    enhet as unit,
    is_nyanland_kvot as is_newly_arrived,
    start_datum as start_date,
    slut_datum as end_date,
    registrerad_datum as registered_date`
  ),
  staging(
    "lifecare_eb_utbetalning",
    `
    utbetalning_id as payment_id,
    hushall_id as household_id,
    insats_id,
    avser_manad as month_date,
    cast(belopp as decimal(14, 2)) as amount,
    utbetald_datum as paid_date,
    registrerad_datum as registered_date`
  ),
  staging(
    "lifecare_eb_medlem",
    `
    hushall_id as household_id,
    person_id,
    ${mapCodes("roll", ROLE_MAP_LIFECARE)} as role,
    fodelsear as birth_year,
    fran_datum as from_date,
    till_datum as to_date`
  ),
  staging(
    "lifecare_eb_avslut",
    `
    insats_id,
    person_id,
    avslut_datum as exit_date,
    avslutsorsak as exit_reason,
    registrerad_datum as registered_date`
  ),
  staging(
    "eb_ansokan_beslut",
    `
    beslut_id as decision_id,
    hushall_id as household_id,
    ansokan_datum as application_date,
    beslut_datum as decision_date,
    beslut_typ as decision_type,
    is_nyansokan as is_new_application,
    avslagsgrund as refusal_reason,
    source_system`
  ),
  staging(
    "ssbtek_slagning",
    `
    slagning_id as lookup_id,
    slagning_datum as lookup_date,
    utford_av as performed_by,
    person_id`
  ),
  staging(
    "accorda_deltagare",
    `
    INSKRIVNING_NR as enrolment_id,
    DELTAGAR_NR as person_id,
    ${mapCodes("VERKSAMHET", AREA_MAP_ACCORDA)} as programme_area,
    ${isoText("INSKRIVEN")} as start_date,
    ${isoText("UTSKRIVEN")} as end_date,
    ${mapCodes("AVSLUTSKOD", AM_REASON_MAP_ACCORDA)} as exit_reason,
    false as is_migrated,
    ${isoText("REG_DATUM")} as registered_date`
  ),
  staging(
    "arena_inskrivning",
    `
    inskrivning_id as enrolment_id,
    person_id,
    verksamhetsomrade as programme_area,
    start_datum as start_date,
    slut_datum as end_date,
    avslutsorsak as exit_reason,
    is_migrerad as is_migrated,
    registrerad_datum as registered_date`
  ),
  staging(
    "am_anvisning",
    `
    anvisning_id as referral_id,
    person_id,
    hushall_id as household_id,
    anvisad_datum as referral_date,
    status`
  ),
  staging(
    "am_verkstallighet",
    `
    verkstallighet_id as execution_id,
    hushall_id as household_id,
    oppnad_datum as opened_date`
  ),
  staging(
    "vux_antagning",
    `
    antagning_id as admission_id,
    elev_id as student_id,
    anordnare as provider,
    kurstyp as course_type,
    period,
    antagen_datum as admission_date,
    kurs_start as course_start,
    kurs_slut as course_end`
  )
];

/** The staging SQL for one delivery, as it is run: src_ views over the files, then stg_ views. Exposed for tests. */
export function stagingSql(root: string, delivery: string): string {
  const view = (v: ViewSpec) => `-- ${v.grain}\ncreate or replace view ${v.name} as\n${v.sql};`;
  return [...CONTRACT.map((table) => sourceViewSql(root, delivery, table)), ...STAGING_VIEWS.map(view)].join("\n\n");
}
