// The export contract (docs/data-contract.md) as data: the single source for validation, staging and the review's
// data-quality checks.

export type ColumnType = "VARCHAR" | "INTEGER" | "DATE" | "BOOLEAN" | "DECIMAL(12,2)";

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  /** Allowed values; null is allowed where `nullable`. */
  codes?: readonly string[];
  /** Text dates in legacy tables: "YYYYMMDD" or "YYYY-MM-DD"; "YYYYMM" for periods. Empty text means no date. */
  textDate?: "YYYYMMDD" | "YYYY-MM-DD" | "YYYYMM";
  nullable?: boolean;
}

export interface TableSpec {
  name: string;
  system: "treserva" | "lifecare" | "accorda" | "arena" | "bi" | "vux";
  /** One line: what one row is. */
  grain: string;
  columns: ColumnSpec[];
  key: string[];
  /** Date columns that must not lie after the delivery date. */
  notAfterDelivery?: string[];
}

const v = (name: string, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({name, type: "VARCHAR", ...extra});
const d = (name: string, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({name, type: "DATE", ...extra});

export const EB_REASONS_TRESERVA = ["01", "02", "03", "04", "05", "06", "07", "99", ""] as const;
export const EB_REASONS = [
  "arbete",
  "studier",
  "annan_forsorjning",
  "flytt",
  "ej_hort_av_sig",
  "forandrad_familjesituation",
  "ersattning_pension",
  "ovrigt"
] as const;
export const AM_AREAS_ACCORDA = ["JC", "AT", "PR", "KA", "SV", "UV"] as const;
export const AM_AREAS = [
  "jobbcenter",
  "arbetstraning",
  "praktik",
  "kommunal_anstallning",
  "vagledning",
  "unga_vuxna"
] as const;
export const AM_REASONS_ACCORDA = ["AE", "AS", "ST", "AF", "AR", "AB", "OV", "OK", ""] as const;
export const AM_REASONS = [
  "arbete_ej_subventionerat",
  "arbete_subventionerat",
  "studier",
  "sjalvforsorjning_af",
  "aterremitterad",
  "avbrott",
  "ovrigt",
  "okand"
] as const;
export const VUX_PROVIDERS = [
  "agila",
  "alg",
  "astar",
  "hermods",
  "infokomp",
  "iris_hadar",
  "jensen",
  "kui",
  "linvux",
  "moa",
  "nti"
] as const;

export const CONTRACT: TableSpec[] = [
  {
    name: "treserva_arende",
    system: "treserva",
    grain: "one row per case (ärende)",
    key: ["ARENDE_NR"],
    columns: [
      v("ARENDE_NR"),
      v("HUSHALL_NYCKEL"),
      v("ENHET", {codes: ["ALF", "INT"]}),
      v("NYANLAND_KVOT", {codes: ["J", "N"]}),
      v("OPPNAT_DATUM", {textDate: "YYYYMMDD"}),
      v("FORSTA_BESLUT_DATUM", {textDate: "YYYYMMDD", nullable: true}),
      v("AVSLUTAT_DATUM", {textDate: "YYYYMMDD", nullable: true}),
      v("REG_DATUM", {textDate: "YYYYMMDD"})
    ],
    notAfterDelivery: ["OPPNAT_DATUM", "REG_DATUM"]
  },
  {
    name: "treserva_utbetalning",
    system: "treserva",
    grain: "one row per payment",
    key: ["UTBETALNING_NR"],
    columns: [
      v("UTBETALNING_NR"),
      v("ARENDE_NR"),
      v("PERIOD", {textDate: "YYYYMM"}),
      {name: "BELOPP", type: "INTEGER"},
      v("UTBET_DATUM", {textDate: "YYYYMMDD"}),
      v("REG_DATUM", {textDate: "YYYYMMDD"})
    ],
    notAfterDelivery: ["REG_DATUM"]
  },
  {
    name: "treserva_medlem",
    system: "treserva",
    grain: "one row per person and membership spell in a case",
    key: ["ARENDE_NR", "PERSON_NYCKEL", "FROM_DATUM"],
    columns: [
      v("ARENDE_NR"),
      v("PERSON_NYCKEL"),
      v("ROLL", {codes: ["SOK", "MED", "BARN"]}),
      {name: "FODELSEAR", type: "INTEGER"},
      v("FROM_DATUM", {textDate: "YYYYMMDD"}),
      v("TOM_DATUM", {textDate: "YYYYMMDD", nullable: true})
    ]
  },
  {
    name: "treserva_avslut",
    system: "treserva",
    grain: "one row per adult person whose assistance ended",
    key: ["ARENDE_NR", "PERSON_NYCKEL", "AVSLUT_DATUM"],
    columns: [
      v("ARENDE_NR"),
      v("PERSON_NYCKEL"),
      v("AVSLUT_DATUM", {textDate: "YYYYMMDD"}),
      v("ORSAK_KOD", {codes: EB_REASONS_TRESERVA, nullable: true}),
      v("REG_DATUM", {textDate: "YYYYMMDD"})
    ],
    notAfterDelivery: ["AVSLUT_DATUM", "REG_DATUM"]
  },
  {
    name: "lifecare_eb_utredning",
    system: "lifecare",
    grain: "one row per investigation (ekonomiutredning)",
    key: ["utredning_id"],
    columns: [
      v("utredning_id"),
      v("hushall_id"),
      v("enhet", {codes: ["alf", "integration"]}),
      {name: "is_nyanland_kvot", type: "BOOLEAN"},
      d("oppnad_datum"),
      d("avslutad_datum", {nullable: true}),
      v("utfall", {codes: ["beviljad", "avslag", "aterkallad"], nullable: true}),
      d("registrerad_datum")
    ],
    notAfterDelivery: ["oppnad_datum", "registrerad_datum"]
  },
  {
    name: "lifecare_eb_insats",
    system: "lifecare",
    grain: "one row per insats ekonomiskt bistånd",
    key: ["insats_id"],
    columns: [
      v("insats_id"),
      v("hushall_id"),
      v("enhet", {codes: ["alf", "integration"]}),
      {name: "is_nyanland_kvot", type: "BOOLEAN"},
      d("start_datum"),
      d("slut_datum", {nullable: true}),
      d("registrerad_datum")
    ],
    notAfterDelivery: ["start_datum", "registrerad_datum"]
  },
  {
    name: "lifecare_eb_utbetalning",
    system: "lifecare",
    grain: "one row per payment",
    key: ["utbetalning_id"],
    columns: [
      v("utbetalning_id"),
      v("hushall_id"),
      v("insats_id"),
      d("avser_manad"),
      {name: "belopp", type: "DECIMAL(12,2)"},
      d("utbetald_datum"),
      d("registrerad_datum")
    ],
    notAfterDelivery: ["registrerad_datum"]
  },
  {
    name: "lifecare_eb_medlem",
    system: "lifecare",
    grain: "one row per person and membership spell in a household",
    key: ["hushall_id", "person_id", "fran_datum"],
    columns: [
      v("hushall_id"),
      v("person_id"),
      v("roll", {codes: ["sokande", "medsokande", "barn"]}),
      {name: "fodelsear", type: "INTEGER"},
      d("fran_datum"),
      d("till_datum", {nullable: true})
    ]
  },
  {
    name: "lifecare_eb_avslut",
    system: "lifecare",
    grain: "one row per adult person whose insats ended",
    key: ["insats_id", "person_id"],
    columns: [
      v("insats_id"),
      v("person_id"),
      d("avslut_datum"),
      v("avslutsorsak", {codes: EB_REASONS, nullable: true}),
      // Null until the reason is registered.
      d("registrerad_datum", {nullable: true})
    ],
    notAfterDelivery: ["avslut_datum", "registrerad_datum"]
  },
  {
    name: "eb_ansokan_beslut",
    system: "bi",
    grain: "one row per decision on a monthly application",
    key: ["beslut_id"],
    columns: [
      v("beslut_id"),
      v("hushall_id"),
      d("ansokan_datum"),
      d("beslut_datum"),
      v("beslut_typ", {codes: ["bifall", "avslag"]}),
      {name: "is_nyansokan", type: "BOOLEAN"},
      v("avslagsgrund", {codes: ["andrahandsavtal", "inkomst", "ovrigt"], nullable: true}),
      v("source_system", {codes: ["treserva", "lifecare"]})
    ],
    notAfterDelivery: ["ansokan_datum", "beslut_datum"]
  },
  {
    name: "ssbtek_slagning",
    system: "bi",
    grain: "one row per look-up in SSBTEK",
    key: ["slagning_id"],
    columns: [v("slagning_id"), d("slagning_datum"), v("utford_av", {codes: ["handlaggare", "robot"]}), v("person_id")],
    notAfterDelivery: ["slagning_datum"]
  },
  {
    name: "accorda_deltagare",
    system: "accorda",
    grain: "one row per enrolment",
    key: ["INSKRIVNING_NR"],
    columns: [
      v("INSKRIVNING_NR"),
      v("DELTAGAR_NR"),
      v("VERKSAMHET", {codes: AM_AREAS_ACCORDA}),
      v("INSKRIVEN", {textDate: "YYYY-MM-DD"}),
      v("UTSKRIVEN", {textDate: "YYYY-MM-DD", nullable: true}),
      v("AVSLUTSKOD", {codes: AM_REASONS_ACCORDA, nullable: true}),
      v("REG_DATUM", {textDate: "YYYY-MM-DD"})
    ],
    notAfterDelivery: ["INSKRIVEN", "REG_DATUM"]
  },
  {
    name: "arena_inskrivning",
    system: "arena",
    grain: "one row per enrolment",
    key: ["inskrivning_id"],
    columns: [
      v("inskrivning_id"),
      v("person_id"),
      v("verksamhetsomrade", {codes: AM_AREAS}),
      d("start_datum"),
      d("slut_datum", {nullable: true}),
      v("avslutsorsak", {codes: AM_REASONS, nullable: true}),
      {name: "is_migrerad", type: "BOOLEAN"},
      d("registrerad_datum")
    ],
    notAfterDelivery: ["start_datum", "registrerad_datum"]
  },
  {
    name: "am_anvisning",
    system: "lifecare",
    grain: "one row per referral to the labour-market programmes",
    key: ["anvisning_id"],
    columns: [
      v("anvisning_id"),
      v("person_id"),
      v("hushall_id"),
      d("anvisad_datum"),
      v("status", {codes: ["aktiv", "avslutad", "avvisad"]})
    ],
    notAfterDelivery: ["anvisad_datum"]
  },
  {
    name: "am_verkstallighet",
    system: "lifecare",
    grain: "one row per opened execution (verkställighet)",
    key: ["verkstallighet_id"],
    columns: [v("verkstallighet_id"), v("hushall_id"), d("oppnad_datum")],
    notAfterDelivery: ["oppnad_datum"]
  },
  {
    name: "vux_antagning",
    system: "vux",
    grain: "one row per admission of a student to a course or course package",
    key: ["antagning_id"],
    columns: [
      v("antagning_id"),
      v("elev_id"),
      v("anordnare", {codes: VUX_PROVIDERS}),
      v("kurstyp", {codes: ["gymnasial_enstaka", "kurspaket", "grundlaggande"]}),
      v("period"),
      d("antagen_datum"),
      d("kurs_start"),
      d("kurs_slut")
    ],
    notAfterDelivery: ["antagen_datum"]
  }
];

/** The contract's table spec by name. */
export function tableSpec(name: string): TableSpec {
  const spec = CONTRACT.find((t) => t.name === name);
  if (!spec) throw new Error(`Okänd tabell i leveranskontraktet: ${name}`);
  return spec;
}
