// Every rule the delivery checks report, by id, with its severity: the list docs/data-contract.md § Validation
// documents, and that tests hold the checks and the documentation to. "fel" stops the build (the published numbers
// would be wrong or cannot be computed); "varning" reaches the review and the build's summary (the numbers can be
// right, or are off by a bounded amount that the reviewer judges). Two rules take their severity from the contract:
// `datum_efter_leverans` (ColumnSpec.future) and `saknad_referens` (ForeignKey.severity).
import type {Severity} from "../../src/lib/review-types.ts";

export type RuleSeverity = Severity | "per column" | "per reference";

export const RULES = {
  // The exports root and the edition's delivery.
  okand_mapp: "varning",
  annan_leverans: "varning",
  // manifest.json
  saknat_manifest: "fel",
  trasigt_manifest: "fel",
  manifest_bom: "varning",
  fel_kontraktsversion: "fel",
  fel_leveransdatum: "fel",
  tabell_saknas_i_manifest: "fel",
  fel_filnamn: "fel",
  okand_tabell: "varning",
  // Files
  saknad_fil: "fel",
  tom_fil: "fel",
  inte_parquet: "fel",
  avkortad_fil: "fel",
  skadad_fil: "fel",
  ogiltig_utf8: "fel",
  // Columns
  saknad_kolumn: "fel",
  fel_typ: "fel",
  okand_kolumn: "varning",
  // Rows and values
  antal_rader: "fel",
  tom_nyckel: "fel",
  dubblett_nyckel: "fel",
  tomt_varde: "fel",
  bom_i_varde: "fel",
  okand_kod: "fel",
  fel_monster: "fel",
  ogiltigt_datum: "fel",
  manad_efter_leverans: "fel",
  inte_forsta_dagen: "fel",
  datum_efter_leverans: "per column",
  saknad_referens: "per reference",
  slut_fore_start: "fel",
  fodelsear_efter_leverans: "fel",
  fodelsear_orimligt: "varning",
  belopp_negativt: "varning",
  belopp_noll: "varning",
  belopp_extremt: "varning",
  belopp_extremt_negativt: "varning",
  orsak_saknas: "varning",
  // Across tables and rows
  person_i_tva_hushall: "varning",
  utbetalning_bada_systemen: "varning",
  hushall_utan_medlemmar: "varning",
  utbetalning_dubblett: "varning",
  overlappande_insatser: "varning",
  hushall_i_tva_enheter: "varning",
  // The report month
  leverans_fore_manadsslut: "fel",
  manad_saknas: "fel",
  rapportmanad_saknas: "fel",
  // Against the previous delivery
  identisk_leverans: "fel",
  legacy_andrad: "fel",
  tom_tabell: "fel",
  manad_tappar_rader: "fel",
  manad_farre_rader: "varning",
  antal_rader_andrat: "varning",
  // Against the computed metrics (review only)
  fordelning_summerar_inte: "varning"
} as const satisfies Record<string, RuleSeverity>;

export type RuleId = keyof typeof RULES;

/** True when a finding's rule and severity are the ones documented. */
export function documentedSeverity(rule: string, severity: Severity): boolean {
  const documented = (RULES as Record<string, RuleSeverity>)[rule];
  return documented === severity || documented === "per column" || documented === "per reference";
}
