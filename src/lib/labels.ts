// Swedish labels for the canonical codes of the staging views (docs/staging.md), as the reports word them. Pages and
// metrics look labels up here; no other module spells them out.

export const SOURCE_SYSTEM_LABELS: Record<string, string> = {
  treserva: "Treserva",
  lifecare: "Lifecare",
  accorda: "Accorda",
  arena: "Lifecare / Arena Arbetsmarknad",
  ssbtek: "SSBTEK",
  vux: "Vuxenutbildningens administration"
};

export const UNIT_LABELS: Record<string, string> = {
  alf: "Försörjningsstöd",
  integration: "Integrationsenheten"
};

export const ROLE_LABELS: Record<string, string> = {
  applicant: "Sökande",
  co_applicant: "Medsökande",
  child: "Barn"
};

export const EB_EXIT_REASON_LABELS: Record<string, string> = {
  arbete: "Arbete",
  studier: "Studier",
  annan_forsorjning: "Annan försörjningsmöjlighet",
  flytt: "Flytt",
  ej_hort_av_sig: "Ej hört av sig",
  forandrad_familjesituation: "Förändrad familjesituation",
  ersattning_pension: "Sjuk- eller aktivitetsersättning, pension",
  ovrigt: "Övrigt",
  ej_registrerad: "Ej registrerad ännu"
};

export const INVESTIGATION_OUTCOME_LABELS: Record<string, string> = {
  beviljad: "Beviljad",
  avslag: "Avslag",
  aterkallad: "Återkallad"
};

export const DECISION_TYPE_LABELS: Record<string, string> = {
  bifall: "Beviljande",
  avslag: "Avslag"
};

export const REFUSAL_REASON_LABELS: Record<string, string> = {
  andrahandsavtal: "Ej godkänt andrahandsavtal",
  inkomst: "Inkomst",
  ovrigt: "Övrigt"
};

export const SSBTEK_PERFORMER_LABELS: Record<string, string> = {
  handlaggare: "Handläggare",
  robot: "Robot"
};

export const PROGRAMME_AREA_LABELS: Record<string, string> = {
  jobbcenter: "Jobbcenter",
  arbetstraning: "Arbetsträning",
  praktik: "Praktik",
  kommunal_anstallning: "Kommunal anställning",
  vagledning: "Studie- och yrkesvägledning",
  unga_vuxna: "Unga vuxna"
};

export const AM_EXIT_REASON_LABELS: Record<string, string> = {
  arbete_ej_subventionerat: "Arbete, ej subventionerat",
  arbete_subventionerat: "Arbete, subventionerat",
  studier: "Studier",
  sjalvforsorjning_af: "Självförsörjning i Arbetsförmedlingens program",
  aterremitterad: "Återremitterad",
  avbrott: "Avbrott",
  ovrigt: "Övrigt",
  okand: "Okänd",
  ej_registrerad: "Ej registrerad ännu"
};

export const REFERRAL_STATUS_LABELS: Record<string, string> = {
  aktiv: "Aktiv",
  avslutad: "Avslutad",
  avvisad: "Avvisad"
};

export const PROVIDER_LABELS: Record<string, string> = {
  agila: "Agila Institutet",
  alg: "Alg",
  astar: "Astar",
  hermods: "Hermods",
  infokomp: "InfoKomp",
  iris_hadar: "Iris Hadar",
  jensen: "Jensen",
  kui: "KUI",
  linvux: "Linvux",
  moa: "Moa",
  nti: "NTI"
};

export const COURSE_TYPE_LABELS: Record<string, string> = {
  gymnasial_enstaka: "Enstaka kurser på gymnasial nivå",
  kurspaket: "Kurspaket",
  grundlaggande: "Grundläggande kurser"
};
