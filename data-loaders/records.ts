// The frozen record of published editions (publicerat/): what the committee got, kept as it was. Each edition has one
// folder per version, v1, v2 …; a version holds the edition's loader outputs (data/), its built pages (webb/), its PDFs
// and proveniens.json with the sha256 of every file and where the numbers came from. Assets that several versions
// share (Framework's content-hashed scripts and styles) are kept once in publicerat/_delat/. Builds read published
// editions from here and never recompute them; a file that no longer matches its hash stops the build.
import {createHash} from "node:crypto";
import {existsSync, readdirSync, readFileSync, statSync} from "node:fs";
import {join, relative, resolve} from "node:path";
import {isEditionName} from "./source-root.ts";

/** Where the records are: env NAMNDRAPPORT_PUBLICERAT, else publicerat/ in the project. */
export function recordsRoot(): string {
  return resolve(process.env.NAMNDRAPPORT_PUBLICERAT ?? "publicerat");
}

/** The shared assets folder inside the records root. */
export const SHARED = "_delat";

/** A data-quality warning the publisher acknowledged with --godkann-varningar. */
export interface AcknowledgedWarning {
  id: string;
  message: string;
}

/** proveniens.json of one version. Paths in `files` are relative to the version folder ("../../_delat/…" for shared). */
export interface Provenance {
  /** Report month "YYYY-MM". */
  edition: string;
  version: number;
  /** Date of publishing, "YYYY-MM-DD". */
  published: string;
  /** For a correction: why, and the version it replaces. */
  correction: {reason: string; replaces: number} | null;
  delivery: {
    date: string;
    /** True when it is the edition's default delivery (the delivery day of the month after the report month). */
    isDefault: boolean;
    manifestSha256: string;
    /** sha256 of every file of the delivery, by file name. */
    files: Record<string, string>;
  };
  code: {
    /** sha256 over the loaders' module graph (every local module the data loaders import). */
    loaderSha256: string;
    gitCommit: string | null;
    /** True when the working tree had uncommitted changes at publishing. */
    gitDirty: boolean | null;
    projectVersion: string;
  };
  acknowledgedWarnings: AcknowledgedWarning[];
  /** sha256 of the edition's source pages as published, by path relative to the source root ("2023-08/index.md"). */
  pages: Record<string, string>;
  /** sha256 of the two PDFs, by file name. */
  pdfs: Record<string, string>;
  /** sha256 of every file of the version, shared assets included, by path relative to the version folder. */
  files: Record<string, string>;
}

export interface RecordVersion {
  version: number;
  dir: string;
  provenance: Provenance;
}

export const sha256 = (data: Buffer | string): string => createHash("sha256").update(data).digest("hex");

export function sha256File(path: string): string {
  return sha256(readFileSync(path));
}

/** Every file under dir, as paths relative to it with forward slashes, sorted. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, {recursive: true, encoding: "utf8"}) as string[])
    .filter((file) => statSync(join(dir, file)).isFile())
    .map((file) => file.replaceAll("\\", "/"))
    .sort();
}

/** "v2" → 2; anything else → null. */
function versionOf(name: string): number | null {
  const match = /^v([1-9]\d*)$/.exec(name);
  return match ? Number(match[1]) : null;
}

/** The folder of an edition's version. */
export function versionDir(month: string, version: number, root = recordsRoot()): string {
  return join(root, month, `v${version}`);
}

/** The editions that have a record, oldest first. */
export function recordedEditions(root = recordsRoot()): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((name) => isEditionName(name) && statSync(join(root, name)).isDirectory())
    .sort();
}

/** An edition's versions, oldest first (empty when it was never published). Throws when a provenance is unreadable. */
export function recordVersions(month: string, root = recordsRoot()): RecordVersion[] {
  const dir = join(root, month);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => ({name, version: versionOf(name)}))
    .filter((v): v is {name: string; version: number} => v.version !== null)
    .sort((a, b) => a.version - b.version)
    .map(({name, version}) => {
      const path = join(dir, name, "proveniens.json");
      if (!existsSync(path)) {
        throw new Error(`Den publicerade posten ${relative(process.cwd(), join(dir, name))} saknar proveniens.json.`);
      }
      try {
        return {version, dir: join(dir, name), provenance: JSON.parse(readFileSync(path, "utf8")) as Provenance};
      } catch {
        throw new Error(`${relative(process.cwd(), path)} går inte att läsa som JSON.`);
      }
    });
}

/** The newest version of an edition, or null. */
export function latestVersion(month: string, root = recordsRoot()): RecordVersion | null {
  return recordVersions(month, root).at(-1) ?? null;
}

/** A loader output of a version, e.g. ("2023-08", v, "ekonomiskt-bistand"). */
export function frozenSection<T = Record<string, unknown>>(version: RecordVersion, section: string): T | null {
  const path = join(version.dir, "data", `${section}.json`);
  return existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as T) : null;
}

/** The PDF file names of a version: namndrapport-2023-08-v2.pdf, tjansteskrivelse-2023-08-v2.pdf. */
export function versionPdfNames(month: string, version: number): {namndrapport: string; tjansteskrivelse: string} {
  return {
    namndrapport: `namndrapport-${month}-v${version}.pdf`,
    tjansteskrivelse: `tjansteskrivelse-${month}-v${version}.pdf`
  };
}

/** The source pages of an edition that a published version fixes, relative to the source root. */
export function editionPages(month: string): string[] {
  return [`${month}/index.md`, `${month}/tjansteskrivelse.md`];
}

/** Frozen data files the preview reads instead of running the loaders: src/<M>/data/<section>.json. */
export function frozenDataDir(sourceRoot: string, month: string): string {
  return join(sourceRoot, month, "data");
}

/** A way a published edition no longer matches its record. */
export interface RecordProblem {
  /** "post": a record file changed, missing or added; "sida": a source page edited; "data": the preview's data. */
  kind: "post" | "sida" | "data";
  /** Swedish, naming the file. */
  message: string;
}

/**
 * Every way a published edition no longer matches its record, each naming the file: a record file changed, missing
 * or added; a source page edited outside the correction flow; the preview's frozen data changed. Empty when intact.
 */
export function verifyEdition(month: string, sourceRoot: string, root = recordsRoot()): RecordProblem[] {
  const problems: RecordProblem[] = [];
  const post = (message: string) => problems.push({kind: "post", message});
  const versions = recordVersions(month, root);
  const show = (path: string) => relative(process.cwd(), path);
  for (const {dir, provenance} of versions) {
    const listed = new Set(Object.keys(provenance.files));
    for (const [file, hash] of Object.entries(provenance.files)) {
      const path = join(dir, file);
      if (!existsSync(path)) post(`${show(path)} saknas i den publicerade posten.`);
      else if (sha256File(path) !== hash) post(`${show(path)} har ändrats efter publiceringen.`);
    }
    for (const file of filesUnder(dir)) {
      if (file !== "proveniens.json" && !listed.has(file)) {
        post(`${show(join(dir, file))} finns inte i postens proveniens.json och hör inte till den.`);
      }
    }
  }
  const latest = versions.at(-1);
  if (latest) {
    for (const [page, hash] of Object.entries(latest.provenance.pages)) {
      const path = join(sourceRoot, page);
      if (!existsSync(path)) {
        problems.push({kind: "sida", message: `${show(path)} saknas, men utgåvan ${month} är publicerad.`});
      } else if (sha256File(path) !== hash) {
        problems.push({
          kind: "sida",
          message: `${show(path)} har ändrats efter publiceringen av utgåvan ${month}. En publicerad utgåva ändras bara genom en rättelse: npm run publicera -- ${month} --rattelse "motivering".`
        });
      }
    }
    const frozen = frozenDataDir(sourceRoot, month);
    for (const file of filesUnder(frozen)) {
      const recorded = join(latest.dir, "data", file);
      if (!existsSync(recorded) || sha256File(join(frozen, file)) !== sha256File(recorded)) {
        problems.push({
          kind: "data",
          message: `${show(join(frozen, file))} stämmer inte med den publicerade posten för ${month}.`
        });
      }
    }
  }
  return problems;
}
