// Swedish labels for the canonical codes, as the reports word them.

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
