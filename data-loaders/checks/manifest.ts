// manifest.json of a delivery: read it and check it against the contract (version, date, one entry per table).
import {existsSync, readFileSync} from "node:fs";
import {CONTRACT, CONTRACT_VERSION} from "../contract.ts";
import {manifestPath} from "../staging/sources.ts";
import {finding, type Finding} from "./findings.ts";

export interface ManifestTable {
  file: string;
  rows: number;
}

export interface Manifest {
  contract_version: number;
  delivery_date: string;
  municipality?: string;
  /** True for the synthetic sample (`npm run sample`); a real delivery leaves it out. */
  synthetic: boolean;
  tables: Record<string, ManifestTable>;
}

const FILE = "manifest.json";

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Reads and checks a delivery's manifest.json. Returns the manifest (null when it cannot be used at all) and the
 * findings: errors for a missing or broken file, another contract version, another date than the folder, and a
 * missing or malformed table entry; a warning for a table the contract does not know.
 */
export function readManifest(root: string, delivery: string): {manifest: Manifest | null; findings: Finding[]} {
  const path = manifestPath(root, delivery);
  const where = {delivery, file: FILE};
  const error = (rule: string, sentence: string) => finding(rule, "fel", where, {sentence, id: `${rule}:manifest`});
  if (!existsSync(path)) return {manifest: null, findings: [error("saknat_manifest", "saknas")]};

  let data: unknown;
  const findings: Finding[] = [];
  let text = readFileSync(path, "utf8");
  // A byte-order mark changes nothing in the manifest's content, but JSON.parse refuses it: named, then skipped.
  if (text.startsWith("\uFEFF")) {
    text = text.slice(1);
    findings.push(
      finding("manifest_bom", "varning", where, {
        sentence: 'börjar med ett osynligt BOM-tecken (U+FEFF) och är sparad som "UTF-8 med BOM"; tecknet hoppas över',
        id: "manifest_bom:manifest"
      })
    );
  }
  try {
    data = JSON.parse(text);
  } catch (e) {
    // On one line: JSON.parse quotes the start of the text, line breaks included.
    const reason = (e instanceof Error ? e.message : String(e)).replaceAll(/\s+/g, " ");
    return {manifest: null, findings: [...findings, error("trasigt_manifest", `är inte giltig JSON (${reason})`)]};
  }
  if (!isObject(data)) {
    return {manifest: null, findings: [...findings, error("trasigt_manifest", "är inte ett JSON-objekt")]};
  }
  if (data.contract_version !== CONTRACT_VERSION) {
    findings.push(
      error(
        "fel_kontraktsversion",
        `anger contract_version ${JSON.stringify(data.contract_version)}, Nämndrapport läser version ${CONTRACT_VERSION}`
      )
    );
  }
  if (data.delivery_date !== delivery) {
    findings.push(
      error(
        "fel_leveransdatum",
        `anger delivery_date ${JSON.stringify(data.delivery_date)} men mappen heter ${delivery}`
      )
    );
  }
  if (data.synthetic !== undefined && typeof data.synthetic !== "boolean") {
    findings.push(
      error("trasigt_manifest", `anger synthetic ${JSON.stringify(data.synthetic)}, som ska vara true eller false`)
    );
  }
  if (!isObject(data.tables)) {
    findings.push(error("trasigt_manifest", "saknar objektet tables"));
    return {manifest: null, findings};
  }

  const tables: Record<string, ManifestTable> = {};
  for (const spec of CONTRACT) {
    const entry = data.tables[spec.name];
    if (entry === undefined) {
      findings.push(error("tabell_saknas_i_manifest", `saknar tabellen ${spec.name}`));
    } else if (!isObject(entry) || typeof entry.rows !== "number" || !Number.isInteger(entry.rows) || entry.rows < 0) {
      findings.push(error("trasigt_manifest", `anger inget giltigt antal rader (rows) för tabellen ${spec.name}`));
    } else if (entry.file !== spec.file) {
      findings.push(
        error(
          "fel_filnamn",
          `anger filen ${JSON.stringify(entry.file)} för tabellen ${spec.name}, kontraktet kräver ${spec.file}`
        )
      );
    } else {
      tables[spec.name] = {file: entry.file, rows: entry.rows};
    }
  }
  for (const name of Object.keys(data.tables)) {
    if (!CONTRACT.some((t) => t.name === name)) {
      findings.push(
        finding("okand_tabell", "varning", where, {
          sentence: `anger tabellen ${name}, som inte finns i kontraktet och inte läses`,
          id: `okand_tabell:manifest.${name}`
        })
      );
    }
  }
  const manifest: Manifest = {
    contract_version: data.contract_version as number,
    delivery_date: String(data.delivery_date),
    municipality: typeof data.municipality === "string" ? data.municipality : undefined,
    synthetic: data.synthetic === true,
    tables
  };
  return {manifest, findings};
}
