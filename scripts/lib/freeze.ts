// Writing the frozen record of a published edition version from a single-edition build (see data-loaders/records.ts
// for the layout). The version is written into a temporary folder and renamed into place, so a failure leaves no half
// record behind.
import {execFileSync} from "node:child_process";
import {existsSync, readFileSync} from "node:fs";
import {copyFile, mkdir, readFile, rename, rm, writeFile} from "node:fs/promises";
import {dirname, join} from "node:path";
import {deliveryDir} from "../../data-loaders/staging/sources.ts";
import {assertAggregateOutput} from "../../data-loaders/privacy.ts";
import {
  filesUnder,
  recordsRoot,
  SHARED,
  sha256,
  sha256File,
  versionDir,
  versionPdfNames,
  type AcknowledgedWarning,
  type Provenance,
  type RecordVersion
} from "../../data-loaders/records.ts";
import {loaderModules} from "./loader-cache.ts";

export interface FreezeInput {
  month: string;
  version: number;
  /** "YYYY-MM-DD". */
  published: string;
  correction: Provenance["correction"];
  /** A single-edition build of the edition, with its pages as published. */
  site: string;
  /** The source root the edition was built from (its loader graph is hashed). */
  builtFrom: string;
  /** The edition's pages as published, by path relative to the source root, with their text. */
  pages: Record<string, string>;
  delivery: {date: string; isDefault: boolean; exportsRoot: string};
  acknowledgedWarnings: AcknowledgedWarning[];
}

/** Framework's content hash in a built file name: "ekonomiskt-bistand.7b5c3fe5.json" → "ekonomiskt-bistand.json". */
export function unhashed(name: string): string {
  return name.replace(/\.[0-9a-f]{8}(\.[a-z0-9]+)$/, "$1");
}

function git(args: string[]): string | null {
  try {
    return execFileSync("git", args, {encoding: "utf8", stdio: ["ignore", "pipe", "ignore"]}).trim();
  } catch {
    return null;
  }
}

/** The code that computed the numbers: the loaders' module graph, the git commit and the project version. */
async function codeProvenance(root: string): Promise<Provenance["code"]> {
  const parts: string[] = [];
  for (const file of await loaderModules(root)) parts.push(file.slice(process.cwd().length), sha256File(file));
  const commit = git(["rev-parse", "HEAD"]);
  const status = commit === null ? null : git(["status", "--porcelain", "--untracked-files=no"]);
  const project = JSON.parse(readFileSync("package.json", "utf8")) as {version: string};
  return {
    loaderSha256: sha256(parts.join("\0")),
    gitCommit: commit,
    gitDirty: status === null ? null : status !== "",
    projectVersion: project.version
  };
}

function deliveryProvenance(input: FreezeInput["delivery"]): Provenance["delivery"] {
  const dir = deliveryDir(input.exportsRoot, input.date);
  const files = Object.fromEntries(filesUnder(dir).map((file) => [file, sha256File(join(dir, file))]));
  const manifest = join(dir, "manifest.json");
  return {
    date: input.date,
    isDefault: input.isDefault,
    manifestSha256: existsSync(manifest) ? sha256File(manifest) : "",
    files
  };
}

async function copyInto(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), {recursive: true});
  await copyFile(from, to);
}

/** Writes version `input.version` of the edition's record and returns it. Refuses to replace an existing version. */
export async function writeRecord(input: FreezeInput): Promise<RecordVersion> {
  const {month, version, site} = input;
  const root = recordsRoot();
  const target = versionDir(month, version, root);
  if (existsSync(target)) throw new Error(`Version ${version} av utgåvan ${month} finns redan i ${target}.`);
  const temp = join(root, month, `.v${version}.skrivs-${process.pid}`);
  await rm(temp, {recursive: true, force: true});
  try {
    // The loader outputs, readable, each checked again by the privacy guard.
    const dataDir = join(site, "_file", month, "data");
    for (const file of filesUnder(dataDir)) {
      const text = await readFile(join(dataDir, file), "utf8");
      assertAggregateOutput(JSON.parse(text), `${file} för ${month}`);
      await copyInto(join(dataDir, file), join(temp, "data", unhashed(file)));
    }
    // The pages and the data files they load, as built.
    for (const page of ["index.html", "tjansteskrivelse.html"]) {
      await copyInto(join(site, month, page), join(temp, "webb", month, page));
    }
    for (const file of filesUnder(join(site, "_file", month))) {
      await copyInto(join(site, "_file", month, file), join(temp, "webb", "_file", month, file));
    }
    const pdfs = versionPdfNames(month, version);
    await copyInto(join(site, month, `namndrapport-${month}.pdf`), join(temp, pdfs.namndrapport));
    await copyInto(join(site, month, `tjansteskrivelse-${month}.pdf`), join(temp, pdfs.tjansteskrivelse));

    // Framework's scripts and styles, named by content hash: kept once for every version that uses them.
    const shared: Record<string, string> = {};
    for (const folder of ["_import", "_node", "_npm", "_observablehq"]) {
      for (const file of filesUnder(join(site, folder))) {
        const from = join(site, folder, file);
        const to = join(root, SHARED, folder, file);
        const hash = sha256File(from);
        if (existsSync(to)) {
          if (sha256File(to) !== hash) {
            throw new Error(`${to} finns redan med annat innehåll; den delade filen kan inte ersättas.`);
          }
        } else {
          await copyInto(from, to);
        }
        shared[`../../${SHARED}/${folder}/${file}`] = hash;
      }
    }

    const files: Record<string, string> = {};
    for (const file of filesUnder(temp)) files[file] = sha256File(join(temp, file));
    const provenance: Provenance = {
      edition: month,
      version,
      published: input.published,
      correction: input.correction,
      delivery: deliveryProvenance(input.delivery),
      code: await codeProvenance(input.builtFrom),
      acknowledgedWarnings: input.acknowledgedWarnings,
      pages: Object.fromEntries(Object.entries(input.pages).map(([page, text]) => [page, sha256(text)])),
      pdfs: {[pdfs.namndrapport]: files[pdfs.namndrapport], [pdfs.tjansteskrivelse]: files[pdfs.tjansteskrivelse]},
      files: {...files, ...shared}
    };
    await writeFile(join(temp, "proveniens.json"), `${JSON.stringify(provenance, null, 2)}\n`);
    await rename(temp, target);
    return {version, dir: target, provenance};
  } finally {
    await rm(temp, {recursive: true, force: true});
  }
}
