// The disclosure audit over a built site: every edition's data files as the site serves them
// (<edition>/data/<section>.<hash>.json under _file/), whether a loader wrote them or they were copied in.
import {readdir, readFile} from "node:fs/promises";
import {join, relative} from "node:path";
import {auditEdition} from "./audit.ts";
import {AUDITED_SECTIONS, type AuditedSection, type EditionData} from "./model.ts";

const DATA_FILE = /(?:^|\/)(\d{4}-\d{2})\/data\/([a-z-]+?)(?:\.[0-9a-f]{8})?\.json$/;

export interface SiteLeak {
  /** The built file (relative to the site) that holds the figure, or the edition's data folder. */
  file: string;
  message: string;
}

async function* files(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, {withFileTypes: true})) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

/** Every edition's published data in a built site, by edition folder ("_file/2023-11/data"). */
export async function builtEditions(
  dir: string
): Promise<Map<string, {data: EditionData; files: Partial<Record<AuditedSection, string>>}>> {
  const editions = new Map<string, {data: EditionData; files: Partial<Record<AuditedSection, string>>}>();
  for await (const path of files(dir)) {
    const file = relative(dir, path).split("\\").join("/");
    const match = DATA_FILE.exec(file);
    if (!match || !(AUDITED_SECTIONS as readonly string[]).includes(match[2])) continue;
    const folder = file.slice(0, file.lastIndexOf("/"));
    const edition = editions.get(folder) ?? {data: {}, files: {}};
    const section = match[2] as AuditedSection;
    edition.data[section] = JSON.parse(await readFile(path, "utf8"));
    edition.files[section] = file;
    editions.set(folder, edition);
  }
  return new Map([...editions].sort(([a], [b]) => a.localeCompare(b)));
}

/** The leaks in every edition of a built site; empty when every hidden figure is protected. */
export async function auditBuiltSite(dir: string): Promise<SiteLeak[]> {
  const leaks: SiteLeak[] = [];
  for (const [folder, {data, files: byName}] of await builtEditions(dir)) {
    const {leaks: found} = await auditEdition(data);
    for (const leak of found) {
      const section = AUDITED_SECTIONS.find((name) => leak.file === `${name}.json`);
      leaks.push({file: (section && byName[section]) || folder, message: leak.message});
    }
  }
  return leaks;
}
