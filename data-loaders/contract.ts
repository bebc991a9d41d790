// The export contract (docs/data-contract.md) as data. Validation (checks/), staging and the review's data-quality
// checks all read it from here, so a rule is stated once: add a column or a rule here, not in the checks.
import {
  AM_EXIT_REASON_CODES,
  codesOf,
  COURSE_TYPE_CODES,
  DECISION_TYPE_CODES,
  EB_EXIT_REASON_CODES,
  EB_ROLE_CODES,
  EB_UNIT_CODES,
  INVESTIGATION_OUTCOME_CODES,
  legacyCodesOf,
  PROGRAMME_AREA_CODES,
  PROVIDER_CODES,
  REFERRAL_STATUS_CODES,
  REFUSAL_REASON_CODES,
  SSBTEK_PERFORMER_CODES
} from "../src/lib/codes.ts";
import type {Severity} from "../src/lib/review-types.ts";
import {AM_SWITCH, EB_SWITCH} from "./metrics/systems.ts";
import {addMonths} from "../src/lib/months.ts";

/** The manifest's contract_version this code reads. */
export const CONTRACT_VERSION = 1;

export type ColumnType = "VARCHAR" | "INTEGER" | "DATE" | "BOOLEAN" | "DECIMAL(12,2)";

/** Text formats of legacy dates and periods, as the contract writes them. */
export type TextDateFormat = "YYYYMMDD" | "YYYY-MM-DD" | "YYYYMM";

/** The systems that deliver tables; "bi" is the BI team's combined table with a source_system column. */
export type SourceSystem = "treserva" | "lifecare" | "accorda" | "arena" | "ssbtek" | "vux" | "bi";

export type {Severity};

/** What a date after the delivery date means: impossible ("fel"), planned ("varning") or normal ("tillaten"). */
export type FutureRule = "fel" | "varning" | "tillaten";

export interface Pattern {
  /** RE2 regular expression matched against the whole value. */
  regex: string;
  /** Swedish, completes "följer inte mönstret …". Never quotes a value: a bad key could be a personnummer. */
  description: string;
}

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  /** Null allowed (in legacy tables also empty text, which the contract uses for "none"). */
  nullable?: boolean;
  /** Allowed values. */
  codes?: readonly string[];
  pattern?: Pattern;
  /** Legacy text dates and periods; the column is VARCHAR. */
  textDate?: TextDateFormat;
  /** For date columns: a date after the delivery date. Default "fel". */
  future?: FutureRule;
  /** A month (avser-månad): must be the first day of a month and not after the delivery month. */
  isMonth?: boolean;
}

export interface ForeignKey {
  columns: string[];
  references: string;
  referencedColumns: string[];
  severity: Severity;
  /** Why the severity: an error when staging takes the household from the referenced row. */
  why: string;
}

/**
 * A rule on the values of one row, evaluated in the same pass as the table's contract checks: an error where the data
 * cannot be right and the published numbers would be wrong, a warning for suspicious but possible values.
 */
export type RowRule = {id: string; severity: Severity; text: string} & (
  | {kind: "compare"; column: string; op: "<" | "=" | ">"; value: number}
  | {kind: "endBeforeStart"; start: string; end: string}
  | {kind: "missingAfterMonths"; column: string; dateColumn: string; months: number}
  | {kind: "yearAfterDelivery"; column: string}
);

export interface TableSpec {
  /** Table name; the staging view is stg_<name>. */
  name: string;
  file: string;
  system: SourceSystem;
  /** One line: what one row is. */
  grain: string;
  /** Legacy tables write "none" as empty text; such text counts as null. */
  emptyTextIsNull?: boolean;
  columns: ColumnSpec[];
  key: string[];
  foreignKeys?: ForeignKey[];
  rowRules?: RowRule[];
  /**
   * The date column that places a row in a month (an event's month: opened, started, paid for, looked up). Deliveries
   * are compared month by month on it: late registration adds rows to a month, it does not remove them.
   */
  monthColumn: string;
  /** Last month the system was in use; after it the table is frozen (identical in every later delivery). */
  until?: string;
}

/**
 * Pseudonyms are opaque: eight characters, an upper-case letter first, then upper-case letters and digits. Anything
 * else might be a personnummer. The privacy guard (privacy.ts) flags every output value of this shape, so the two never
 * disagree; the project's own words (metric ids, codes, labels) are never all upper case.
 */
export const PSEUDONYM: Pattern = {
  regex: "[A-Z][A-Z0-9]{7}",
  description: "för pseudonymer (8 tecken: versal först, sedan versaler och siffror)"
};
const prefixed = (letter: string, what: string): Pattern => ({
  regex: `${letter}[0-9]+`,
  description: `för ${what} (${letter} följt av siffror)`
});
const CASE_KEY = prefixed("T", "ärendenummer");
const INVESTIGATION_KEY = prefixed("U", "utrednings-id");
const INSATS_KEY = prefixed("I", "insats-id");

const text = (name: string, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({name, type: "VARCHAR", ...extra});
const date = (name: string, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({name, type: "DATE", ...extra});
const flag = (name: string): ColumnSpec => ({name, type: "BOOLEAN"});
const integer = (name: string): ColumnSpec => ({name, type: "INTEGER"});
const pseudonym = (name: string): ColumnSpec => text(name, {pattern: PSEUDONYM});

// Allowed codes come from the code tables (src/lib/codes.ts), which also give the staging maps and the labels.
export const EB_UNITS = codesOf(EB_UNIT_CODES);
export const EB_UNITS_TRESERVA = legacyCodesOf(EB_UNIT_CODES);
export const EB_ROLES = codesOf(EB_ROLE_CODES);
export const EB_ROLES_TRESERVA = legacyCodesOf(EB_ROLE_CODES);
export const EB_REASONS = codesOf(EB_EXIT_REASON_CODES);
export const EB_REASONS_TRESERVA = legacyCodesOf(EB_EXIT_REASON_CODES);
export const AM_AREAS = codesOf(PROGRAMME_AREA_CODES);
export const AM_AREAS_ACCORDA = legacyCodesOf(PROGRAMME_AREA_CODES);
export const AM_REASONS = codesOf(AM_EXIT_REASON_CODES);
export const AM_REASONS_ACCORDA = legacyCodesOf(AM_EXIT_REASON_CODES);
export const VUX_PROVIDERS = codesOf(PROVIDER_CODES);
export const VUX_COURSE_TYPES = codesOf(COURSE_TYPE_CODES);

// A single payment above this is flagged for review (a household-month is about 10 500 kr).
const EXTREME_PAYMENT = 100_000;

const paymentRules = (column: string): RowRule[] => [
  {
    id: "belopp_negativt",
    severity: "varning",
    kind: "compare",
    column,
    op: "<",
    value: 0,
    text: "negativa belopp (återkrav eller rättelser)"
  },
  {id: "belopp_noll", severity: "varning", kind: "compare", column, op: "=", value: 0, text: "belopp på 0 kr"},
  {
    id: "belopp_extremt",
    severity: "varning",
    kind: "compare",
    column,
    op: ">",
    value: EXTREME_PAYMENT,
    text: "belopp över 100 000 kr"
  },
  {
    id: "belopp_extremt_negativt",
    severity: "varning",
    kind: "compare",
    column,
    op: "<",
    value: -EXTREME_PAYMENT,
    text: "belopp under −100 000 kr"
  }
];
// A birth year after the delivery is impossible and would count an unborn child; a very early one is only odd.
const birthYearRules = (column: string): RowRule[] => [
  {
    id: "fodelsear_efter_leverans",
    severity: "fel",
    kind: "yearAfterDelivery",
    column,
    text: "födelseår efter leveransåret"
  },
  {
    id: "fodelsear_orimligt",
    severity: "varning",
    kind: "compare",
    column,
    op: "<",
    value: 1900,
    text: "födelseår före 1900"
  }
];
// A period that ends before it starts cannot be right: it is counted as ended but never as open.
const endBeforeStart = (start: string, end: string): RowRule => ({
  id: "slut_fore_start",
  severity: "fel",
  kind: "endBeforeStart",
  start,
  end,
  text: `${end} ligger före ${start}`
});
// The contract allows an exit reason to be registered up to four months late; later than that it is probably lost.
const reasonMissing = (column: string, dateColumn: string): RowRule => ({
  id: "orsak_saknas",
  severity: "varning",
  kind: "missingAfterMonths",
  column,
  dateColumn,
  months: 4,
  text: "avslut utan registrerad orsak mer än fyra månader efter avslutet"
});
// The legacy systems' last months (docs/data-contract.md): Treserva until the month before Lifecare, Accorda until
// the month before Arena.
const TRESERVA = {until: addMonths(EB_SWITCH, -1)};
const ACCORDA = {until: addMonths(AM_SWITCH, -1)};
const householdFromCase = (table: string): ForeignKey => ({
  columns: ["ARENDE_NR"],
  references: "treserva_arende",
  referencedColumns: ["ARENDE_NR"],
  severity: "fel",
  why: `staging hämtar hushållet för ${table} från ärendet`
});

export const CONTRACT: readonly TableSpec[] = [
  {
    name: "treserva_arende",
    file: "treserva_arende.parquet",
    system: "treserva",
    grain: "one row per case (ärende)",
    emptyTextIsNull: true,
    key: ["ARENDE_NR"],
    monthColumn: "OPPNAT_DATUM",
    ...TRESERVA,
    columns: [
      text("ARENDE_NR", {pattern: CASE_KEY}),
      pseudonym("HUSHALL_NYCKEL"),
      text("ENHET", {codes: EB_UNITS_TRESERVA}),
      text("NYANLAND_KVOT", {codes: ["J", "N"]}),
      text("OPPNAT_DATUM", {textDate: "YYYYMMDD"}),
      text("FORSTA_BESLUT_DATUM", {textDate: "YYYYMMDD", nullable: true}),
      text("AVSLUTAT_DATUM", {textDate: "YYYYMMDD", nullable: true, future: "varning"}),
      text("REG_DATUM", {textDate: "YYYYMMDD"})
    ],
    rowRules: [endBeforeStart("OPPNAT_DATUM", "AVSLUTAT_DATUM")]
  },
  {
    name: "treserva_utbetalning",
    file: "treserva_utbetalning.parquet",
    system: "treserva",
    grain: "one row per payment",
    emptyTextIsNull: true,
    key: ["UTBETALNING_NR"],
    monthColumn: "PERIOD",
    ...TRESERVA,
    columns: [
      text("UTBETALNING_NR"),
      text("ARENDE_NR", {pattern: CASE_KEY}),
      text("PERIOD", {textDate: "YYYYMM", isMonth: true}),
      integer("BELOPP"),
      text("UTBET_DATUM", {textDate: "YYYYMMDD", future: "varning"}),
      text("REG_DATUM", {textDate: "YYYYMMDD"})
    ],
    foreignKeys: [householdFromCase("utbetalningen")],
    rowRules: paymentRules("BELOPP")
  },
  {
    name: "treserva_medlem",
    file: "treserva_medlem.parquet",
    system: "treserva",
    grain: "one row per person and membership spell in a case",
    emptyTextIsNull: true,
    key: ["ARENDE_NR", "PERSON_NYCKEL", "FROM_DATUM"],
    monthColumn: "FROM_DATUM",
    ...TRESERVA,
    columns: [
      text("ARENDE_NR", {pattern: CASE_KEY}),
      pseudonym("PERSON_NYCKEL"),
      text("ROLL", {codes: EB_ROLES_TRESERVA}),
      integer("FODELSEAR"),
      text("FROM_DATUM", {textDate: "YYYYMMDD", future: "varning"}),
      text("TOM_DATUM", {textDate: "YYYYMMDD", nullable: true, future: "varning"})
    ],
    foreignKeys: [householdFromCase("medlemmen")],
    rowRules: [...birthYearRules("FODELSEAR"), endBeforeStart("FROM_DATUM", "TOM_DATUM")]
  },
  {
    name: "treserva_avslut",
    file: "treserva_avslut.parquet",
    system: "treserva",
    grain: "one row per adult person whose assistance ended",
    emptyTextIsNull: true,
    key: ["ARENDE_NR", "PERSON_NYCKEL", "AVSLUT_DATUM"],
    monthColumn: "AVSLUT_DATUM",
    ...TRESERVA,
    columns: [
      text("ARENDE_NR", {pattern: CASE_KEY}),
      pseudonym("PERSON_NYCKEL"),
      text("AVSLUT_DATUM", {textDate: "YYYYMMDD"}),
      text("ORSAK_KOD", {codes: EB_REASONS_TRESERVA, nullable: true}),
      // Empty while the reason is not registered.
      text("REG_DATUM", {textDate: "YYYYMMDD", nullable: true})
    ],
    foreignKeys: [householdFromCase("avslutet")],
    rowRules: [reasonMissing("ORSAK_KOD", "AVSLUT_DATUM")]
  },
  {
    name: "lifecare_eb_utredning",
    file: "lifecare_eb_utredning.parquet",
    system: "lifecare",
    grain: "one row per investigation (ekonomiutredning)",
    key: ["utredning_id"],
    monthColumn: "oppnad_datum",
    columns: [
      text("utredning_id", {pattern: INVESTIGATION_KEY}),
      pseudonym("hushall_id"),
      text("enhet", {codes: EB_UNITS}),
      flag("is_nyanland_kvot"),
      date("oppnad_datum"),
      date("avslutad_datum", {nullable: true, future: "varning"}),
      text("utfall", {codes: codesOf(INVESTIGATION_OUTCOME_CODES), nullable: true}),
      date("registrerad_datum")
    ],
    rowRules: [endBeforeStart("oppnad_datum", "avslutad_datum")]
  },
  {
    name: "lifecare_eb_insats",
    file: "lifecare_eb_insats.parquet",
    system: "lifecare",
    grain: "one row per insats ekonomiskt bistånd (assessed need)",
    key: ["insats_id"],
    monthColumn: "start_datum",
    columns: [
      text("insats_id", {pattern: INSATS_KEY}),
      pseudonym("hushall_id"),
      text("enhet", {codes: EB_UNITS}),
      flag("is_nyanland_kvot"),
      date("start_datum", {future: "varning"}),
      date("slut_datum", {nullable: true, future: "varning"}),
      date("registrerad_datum")
    ],
    rowRules: [endBeforeStart("start_datum", "slut_datum")]
  },
  {
    name: "lifecare_eb_utbetalning",
    file: "lifecare_eb_utbetalning.parquet",
    system: "lifecare",
    grain: "one row per payment",
    key: ["utbetalning_id"],
    monthColumn: "avser_manad",
    columns: [
      text("utbetalning_id"),
      pseudonym("hushall_id"),
      text("insats_id", {pattern: INSATS_KEY}),
      date("avser_manad", {isMonth: true}),
      {name: "belopp", type: "DECIMAL(12,2)"},
      date("utbetald_datum", {future: "varning"}),
      date("registrerad_datum")
    ],
    foreignKeys: [
      {
        columns: ["insats_id"],
        references: "lifecare_eb_insats",
        referencedColumns: ["insats_id"],
        severity: "varning",
        why: "utbetalningen har eget hushall_id, så måtten påverkas inte"
      }
    ],
    rowRules: paymentRules("belopp")
  },
  {
    name: "lifecare_eb_medlem",
    file: "lifecare_eb_medlem.parquet",
    system: "lifecare",
    grain: "one row per person and membership spell in a household",
    key: ["hushall_id", "person_id", "fran_datum"],
    monthColumn: "fran_datum",
    columns: [
      pseudonym("hushall_id"),
      pseudonym("person_id"),
      text("roll", {codes: EB_ROLES}),
      integer("fodelsear"),
      date("fran_datum", {future: "varning"}),
      date("till_datum", {nullable: true, future: "varning"})
    ],
    rowRules: [...birthYearRules("fodelsear"), endBeforeStart("fran_datum", "till_datum")]
  },
  {
    name: "lifecare_eb_avslut",
    file: "lifecare_eb_avslut.parquet",
    system: "lifecare",
    grain: "one row per adult person whose insats ended",
    key: ["insats_id", "person_id"],
    monthColumn: "avslut_datum",
    columns: [
      text("insats_id", {pattern: INSATS_KEY}),
      pseudonym("person_id"),
      date("avslut_datum"),
      text("avslutsorsak", {codes: EB_REASONS, nullable: true}),
      // Null while the reason is not registered.
      date("registrerad_datum", {nullable: true})
    ],
    foreignKeys: [
      {
        columns: ["insats_id"],
        references: "lifecare_eb_insats",
        referencedColumns: ["insats_id"],
        severity: "fel",
        why: "staging hämtar hushållet för avslutet från insatsen"
      }
    ],
    rowRules: [reasonMissing("avslutsorsak", "avslut_datum")]
  },
  {
    name: "eb_ansokan_beslut",
    file: "eb_ansokan_beslut.parquet",
    system: "bi",
    grain: "one row per decision on a monthly application",
    key: ["beslut_id"],
    monthColumn: "ansokan_datum",
    columns: [
      text("beslut_id"),
      pseudonym("hushall_id"),
      date("ansokan_datum"),
      date("beslut_datum"),
      text("beslut_typ", {codes: codesOf(DECISION_TYPE_CODES)}),
      flag("is_nyansokan"),
      text("avslagsgrund", {codes: codesOf(REFUSAL_REASON_CODES), nullable: true}),
      text("source_system", {codes: ["treserva", "lifecare"]})
    ],
    rowRules: [endBeforeStart("ansokan_datum", "beslut_datum")]
  },
  {
    name: "ssbtek_slagning",
    file: "ssbtek_slagning.parquet",
    system: "ssbtek",
    grain: "one row per look-up in SSBTEK",
    key: ["slagning_id"],
    monthColumn: "slagning_datum",
    columns: [
      text("slagning_id"),
      date("slagning_datum"),
      text("utford_av", {codes: codesOf(SSBTEK_PERFORMER_CODES)}),
      pseudonym("person_id")
    ]
  },
  {
    name: "accorda_deltagare",
    file: "accorda_deltagare.parquet",
    system: "accorda",
    grain: "one row per enrolment",
    emptyTextIsNull: true,
    key: ["INSKRIVNING_NR"],
    monthColumn: "INSKRIVEN",
    ...ACCORDA,
    columns: [
      text("INSKRIVNING_NR", {pattern: prefixed("A", "inskrivningsnummer")}),
      pseudonym("DELTAGAR_NR"),
      text("VERKSAMHET", {codes: AM_AREAS_ACCORDA}),
      text("INSKRIVEN", {textDate: "YYYY-MM-DD", future: "varning"}),
      text("UTSKRIVEN", {textDate: "YYYY-MM-DD", nullable: true, future: "varning"}),
      text("AVSLUTSKOD", {codes: AM_REASONS_ACCORDA, nullable: true}),
      text("REG_DATUM", {textDate: "YYYY-MM-DD"})
    ],
    rowRules: [endBeforeStart("INSKRIVEN", "UTSKRIVEN")]
  },
  {
    name: "arena_inskrivning",
    file: "arena_inskrivning.parquet",
    system: "arena",
    grain: "one row per enrolment",
    key: ["inskrivning_id"],
    monthColumn: "start_datum",
    columns: [
      text("inskrivning_id", {pattern: prefixed("E", "inskrivnings-id")}),
      pseudonym("person_id"),
      text("verksamhetsomrade", {codes: AM_AREAS}),
      date("start_datum", {future: "varning"}),
      date("slut_datum", {nullable: true, future: "varning"}),
      text("avslutsorsak", {codes: AM_REASONS, nullable: true}),
      flag("is_migrerad"),
      date("registrerad_datum")
    ],
    rowRules: [endBeforeStart("start_datum", "slut_datum")]
  },
  {
    name: "am_anvisning",
    file: "am_anvisning.parquet",
    system: "lifecare",
    grain: "one row per referral from ekonomiskt bistånd to the labour-market programmes",
    key: ["anvisning_id"],
    monthColumn: "anvisad_datum",
    columns: [
      text("anvisning_id"),
      pseudonym("person_id"),
      pseudonym("hushall_id"),
      date("anvisad_datum"),
      text("status", {codes: codesOf(REFERRAL_STATUS_CODES)})
    ]
  },
  {
    name: "am_verkstallighet",
    file: "am_verkstallighet.parquet",
    system: "lifecare",
    grain: "one row per opened execution (verkställighet)",
    key: ["verkstallighet_id"],
    monthColumn: "oppnad_datum",
    columns: [text("verkstallighet_id"), pseudonym("hushall_id"), date("oppnad_datum")]
  },
  {
    name: "vux_antagning",
    file: "vux_antagning.parquet",
    system: "vux",
    grain: "one row per admission of a student to a course or course package",
    key: ["antagning_id"],
    monthColumn: "antagen_datum",
    columns: [
      text("antagning_id"),
      pseudonym("elev_id"),
      text("anordnare", {codes: VUX_PROVIDERS}),
      text("kurstyp", {codes: VUX_COURSE_TYPES}),
      text("period", {pattern: {regex: "[0-9]{4}-[1-5]", description: "för studieperioder (ÅÅÅÅ-P, P = 1–5)"}}),
      date("antagen_datum"),
      // Courses are admitted to ahead of their start.
      date("kurs_start", {future: "tillaten"}),
      date("kurs_slut", {future: "tillaten"})
    ],
    rowRules: [endBeforeStart("kurs_start", "kurs_slut")]
  }
];

/** The contract's spec of one table; throws for a name the contract does not have. */
export function tableSpec(name: string): TableSpec {
  const spec = CONTRACT.find((t) => t.name === name);
  if (!spec) throw new Error(`Okänd tabell i leveranskontraktet: ${name}`);
  return spec;
}

/** True for columns that hold dates, whether DATE or legacy text. */
export function isDateColumn(column: ColumnSpec): boolean {
  return column.type === "DATE" || column.textDate !== undefined;
}
