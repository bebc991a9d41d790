// One code table per category: each row is a code as the legacy system writes it (Treserva, Accorda), as the new
// system writes it (Lifecare, Arena, vux), and its Swedish label as the reports word it. The contract's allowed values
// (data-loaders/contract.ts), the staging maps from legacy to canonical codes (data-loaders/staging/views.ts) and the
// labels pages show all derive from these rows: adding an exit reason is one line here. (The sample generator keeps
// its own copy on purpose, so that its tests catch drift from the contract.)

export interface CodeRow {
  /** The legacy system's code, when the category existed there. */
  legacy?: string;
  /** The new system's code, as delivered. */
  code: string;
  /** The canonical code after staging, when it differs from `code` (roles are renamed to English). */
  canonical?: string;
  /** Swedish label. */
  label: string;
}

export type CodeTable = readonly CodeRow[];

export const EB_UNIT_CODES = [
  {legacy: "ALF", code: "alf", label: "Försörjningsstöd"},
  {legacy: "INT", code: "integration", label: "Integrationsenheten"}
] as const satisfies CodeTable;

export const EB_ROLE_CODES = [
  {legacy: "SOK", code: "sokande", canonical: "applicant", label: "Sökande"},
  {legacy: "MED", code: "medsokande", canonical: "co_applicant", label: "Medsökande"},
  {legacy: "BARN", code: "barn", canonical: "child", label: "Barn"}
] as const satisfies CodeTable;

export const EB_EXIT_REASON_CODES = [
  {legacy: "01", code: "arbete", label: "Arbete"},
  {legacy: "02", code: "studier", label: "Studier"},
  {legacy: "03", code: "annan_forsorjning", label: "Annan försörjningsmöjlighet"},
  {legacy: "04", code: "flytt", label: "Flytt"},
  {legacy: "05", code: "ej_hort_av_sig", label: "Ej hört av sig"},
  {legacy: "06", code: "forandrad_familjesituation", label: "Förändrad familjesituation"},
  {legacy: "07", code: "ersattning_pension", label: "Sjuk- eller aktivitetsersättning, pension"},
  {legacy: "99", code: "ovrigt", label: "Övrigt"}
] as const satisfies CodeTable;

export const PROGRAMME_AREA_CODES = [
  {legacy: "JC", code: "jobbcenter", label: "Jobbcenter"},
  {legacy: "AT", code: "arbetstraning", label: "Arbetsträning"},
  {legacy: "PR", code: "praktik", label: "Praktik"},
  {legacy: "KA", code: "kommunal_anstallning", label: "Kommunal anställning"},
  {legacy: "SV", code: "vagledning", label: "Studie- och yrkesvägledning"},
  {legacy: "UV", code: "unga_vuxna", label: "Unga vuxna"}
] as const satisfies CodeTable;

export const AM_EXIT_REASON_CODES = [
  {legacy: "AE", code: "arbete_ej_subventionerat", label: "Arbete, ej subventionerat"},
  {legacy: "AS", code: "arbete_subventionerat", label: "Arbete, subventionerat"},
  {legacy: "ST", code: "studier", label: "Studier"},
  {legacy: "AF", code: "sjalvforsorjning_af", label: "Självförsörjning i Arbetsförmedlingens program"},
  {legacy: "AR", code: "aterremitterad", label: "Återremitterad"},
  {legacy: "AB", code: "avbrott", label: "Avbrott"},
  {legacy: "OV", code: "ovrigt", label: "Övrigt"},
  {legacy: "OK", code: "okand", label: "Okänd"}
] as const satisfies CodeTable;

export const INVESTIGATION_OUTCOME_CODES = [
  {code: "beviljad", label: "Beviljad"},
  {code: "avslag", label: "Avslag"},
  {code: "aterkallad", label: "Återkallad"}
] as const satisfies CodeTable;

export const DECISION_TYPE_CODES = [
  {code: "bifall", label: "Beviljande"},
  {code: "avslag", label: "Avslag"}
] as const satisfies CodeTable;

export const REFUSAL_REASON_CODES = [
  {code: "andrahandsavtal", label: "Ej godkänt andrahandsavtal"},
  {code: "inkomst", label: "Inkomst"},
  {code: "ovrigt", label: "Övrigt"}
] as const satisfies CodeTable;

export const SSBTEK_PERFORMER_CODES = [
  {code: "handlaggare", label: "Handläggare"},
  {code: "robot", label: "Robot"}
] as const satisfies CodeTable;

export const REFERRAL_STATUS_CODES = [
  {code: "aktiv", label: "Aktiv"},
  {code: "avslutad", label: "Avslutad"},
  {code: "avvisad", label: "Avvisad"}
] as const satisfies CodeTable;

export const PROVIDER_CODES = [
  {code: "agila", label: "Agila Institutet"},
  {code: "alg", label: "Alg"},
  {code: "astar", label: "Astar"},
  {code: "hermods", label: "Hermods"},
  {code: "infokomp", label: "InfoKomp"},
  {code: "iris_hadar", label: "Iris Hadar"},
  {code: "jensen", label: "Jensen"},
  {code: "kui", label: "KUI"},
  {code: "linvux", label: "Linvux"},
  {code: "moa", label: "Moa"},
  {code: "nti", label: "NTI"}
] as const satisfies CodeTable;

export const COURSE_TYPE_CODES = [
  {code: "gymnasial_enstaka", label: "Enstaka kurser på gymnasial nivå"},
  {code: "kurspaket", label: "Kurspaket"},
  {code: "grundlaggande", label: "Grundläggande kurser"}
] as const satisfies CodeTable;

export const SOURCE_SYSTEM_CODES = [
  {code: "treserva", label: "Treserva"},
  {code: "lifecare", label: "Lifecare"},
  {code: "accorda", label: "Accorda"},
  {code: "arena", label: "Lifecare / Arena Arbetsmarknad"},
  {code: "ssbtek", label: "SSBTEK"},
  {code: "vux", label: "Vuxenutbildningens administration"}
] as const satisfies CodeTable;

/** Shown for an exit whose reason is not registered yet (the reason may come in a later delivery). */
export const NOT_REGISTERED = {code: "ej_registrerad", label: "Ej registrerad ännu"} as const;

type Codes<T extends CodeTable> = {[K in keyof T]: T[K] extends {code: infer C} ? C : never};
type Legacy<T extends CodeTable> = {[K in keyof T]: T[K] extends {legacy: infer L} ? L : never};

/** The new system's codes of a table, in order: the contract's allowed values. */
export function codesOf<T extends CodeTable>(table: T): Codes<T> {
  return table.map((row) => row.code) as Codes<T>;
}

/** The legacy system's codes of a table, in order. */
export function legacyCodesOf<T extends CodeTable>(table: T): Legacy<T> {
  return table.filter((row) => row.legacy !== undefined).map((row) => row.legacy) as Legacy<T>;
}

/** Legacy code → canonical code, for staging. */
export function legacyMap(table: CodeTable): Record<string, string> {
  return Object.fromEntries(
    table.filter((row) => row.legacy !== undefined).map((row) => [row.legacy, row.canonical ?? row.code])
  );
}

/** New-system code → canonical code, for staging (only tables whose canonical codes differ). */
export function codeMap(table: CodeTable): Record<string, string> {
  return Object.fromEntries(table.map((row) => [row.code, row.canonical ?? row.code]));
}

/** Canonical code → label, for pages and metrics. */
export function labelsOf(table: CodeTable, ...extra: {code: string; label: string}[]): Record<string, string> {
  return Object.fromEntries([
    ...table.map((row) => [row.canonical ?? row.code, row.label]),
    ...extra.map((e) => [e.code, e.label])
  ]);
}

export const SOURCE_SYSTEM_LABELS = labelsOf(SOURCE_SYSTEM_CODES);
export const UNIT_LABELS = labelsOf(EB_UNIT_CODES);
export const ROLE_LABELS = labelsOf(EB_ROLE_CODES);
export const EB_EXIT_REASON_LABELS = labelsOf(EB_EXIT_REASON_CODES, NOT_REGISTERED);
export const INVESTIGATION_OUTCOME_LABELS = labelsOf(INVESTIGATION_OUTCOME_CODES);
export const DECISION_TYPE_LABELS = labelsOf(DECISION_TYPE_CODES);
export const REFUSAL_REASON_LABELS = labelsOf(REFUSAL_REASON_CODES);
export const SSBTEK_PERFORMER_LABELS = labelsOf(SSBTEK_PERFORMER_CODES);
export const PROGRAMME_AREA_LABELS = labelsOf(PROGRAMME_AREA_CODES);
export const AM_EXIT_REASON_LABELS = labelsOf(AM_EXIT_REASON_CODES, NOT_REGISTERED);
export const REFERRAL_STATUS_LABELS = labelsOf(REFERRAL_STATUS_CODES);
export const PROVIDER_LABELS = labelsOf(PROVIDER_CODES);
export const COURSE_TYPE_LABELS = labelsOf(COURSE_TYPE_CODES);
