// Building the site: sample data if needed → fresh loader cache → Framework build into a temporary folder →
// lang="sv" → site check → edition PDFs → swap into the output folder. A failing step leaves the previous output
// untouched. A single-edition build reads a source root that holds only that edition (symbolic links into src/).
import {existsSync, readdirSync} from "node:fs";
import {mkdir, rename, rm, symlink} from "node:fs/promises";
import {join, resolve} from "node:path";
import {editionFolders, isEditionName} from "../../data-loaders/source-root.ts";
import {parseMonth} from "../../src/lib/months.ts";
import {invalidateLoaderCache} from "./loader-cache.ts";
import {EDITION_ROOTS, exportsRoot, LOADER_CODE, SRC_ROOT} from "./paths.ts";
import {writeEditionPdfs} from "./pdf.ts";
import {runFramework} from "./run.ts";
import {ensureSampleData} from "./sample-data.ts";
import {checkSite, finishPages} from "./site-check.ts";
import {reportDataQuality} from "./data-quality.ts";
import {interruptible} from "./interrupt.ts";

export interface SiteBuildOptions {
  /** Output folder; replaced only when the whole build succeeded. */
  output: string;
  /** Build only this edition ("YYYY-MM"): its two pages, its data, its PDFs and an archive listing it. */
  edition?: string;
  /** Include the review pages /<YYYY-MM>/granskning (left out of the public build by default). */
  review?: boolean;
  /** Source root for a single-edition build; default .bygg/utgava-<YYYY-MM>. A fresh folder recomputes all data. */
  editionRoot?: string;
  /** Build time in seconds since 1970 for the footer and the data files' dates; default env SOURCE_DATE_EPOCH. */
  sourceDateEpoch?: string;
  /** Collect Framework's own output and show it only when the build fails (tests, the reproducibility check). */
  quiet?: boolean;
  log: (line: string) => void;
}

/**
 * Mirrors a folder: real folders (Framework's router does not follow linked folders), files as symbolic links so that
 * loaders and components resolve their imports from src/.
 */
async function linkTree(from: string, to: string, skip: (name: string) => boolean): Promise<void> {
  await mkdir(to, {recursive: true});
  for (const entry of readdirSync(from, {withFileTypes: true})) {
    if (skip(entry.name)) continue;
    if (entry.isDirectory()) await linkTree(join(from, entry.name), join(to, entry.name), () => false);
    else await symlink(resolve(from, entry.name), join(to, entry.name));
  }
}

/**
 * A source root with everything in src/ except the other editions, linked rather than copied so that edits show.
 * Its .observablehq/cache is its own: loader outputs are computed for this edition alone.
 */
export async function prepareEditionRoot(month: string, dir: string): Promise<string> {
  parseMonth(month);
  const editions = editionFolders(SRC_ROOT);
  if (!editions.includes(month)) {
    const known = editions.length ? ` Utgåvor som finns: ${editions.join(", ")}.` : "";
    throw new Error(`Utgåvan ${month} finns inte i ${SRC_ROOT}/.${known} Skapa den med npm run ny-utgava -- ${month}.`);
  }
  await mkdir(dir, {recursive: true});
  for (const entry of readdirSync(dir)) {
    if (entry !== ".observablehq") await rm(join(dir, entry), {recursive: true, force: true});
  }
  await linkTree(SRC_ROOT, dir, (name) => name === ".observablehq" || (isEditionName(name) && name !== month));
  return dir;
}

/**
 * Builds the site (all editions, or one) into options.output. Returns the edition months built. Interrupted (SIGINT,
 * SIGTERM), it stops Framework and leaves no half-built folder.
 */
export async function buildSite(options: SiteBuildOptions): Promise<string[]> {
  const staging = `${resolve(options.output)}.bygger-${process.pid}`;
  return interruptible(
    [staging],
    (signal) => `Bygget avbröts (${signal}). Det tidigare innehållet i ${options.output} är orört.`,
    (signal) => buildSiteSteps(options, staging, signal)
  );
}

async function buildSiteSteps(options: SiteBuildOptions, staging: string, signal: AbortSignal): Promise<string[]> {
  const {log} = options;
  const output = resolve(options.output);

  await ensureSampleData(log);
  const root = options.edition
    ? await prepareEditionRoot(options.edition, options.editionRoot ?? join(EDITION_ROOTS, `utgava-${options.edition}`))
    : SRC_ROOT;
  if (await invalidateLoaderCache({root, code: LOADER_CODE, exports: exportsRoot()})) {
    log("Dataladdare eller leveranser har ändrats: cachade laddarresultat tas bort och beräknas om.");
  }
  await reportDataQuality({root, output: options.output, log});

  log(options.edition ? `Bygger utgåvan ${options.edition} som egen webbplats …` : "Bygger webbplatsen …");
  await rm(staging, {recursive: true, force: true});
  const env: Record<string, string> = {NAMNDRAPPORT_OUTPUT: staging, NAMNDRAPPORT_ROOT: root};
  if (options.review) env.NAMNDRAPPORT_GRANSKNING = "1";
  const sourceDateEpoch = options.sourceDateEpoch ?? process.env.SOURCE_DATE_EPOCH;
  if (sourceDateEpoch) env.SOURCE_DATE_EPOCH = sourceDateEpoch;
  const {code, output: frameworkOutput} = await runFramework(["build"], env, {quiet: options.quiet, signal});
  if (code !== 0) {
    await rm(staging, {recursive: true, force: true});
    const details = options.quiet
      ? `\n${frameworkOutput.trim().split("\n").slice(-20).join("\n")}`
      : " (se felet ovan)";
    throw new Error(`Bygget misslyckades${details}\nDet tidigare innehållet i ${options.output} är orört.`);
  }

  try {
    await finishPages(staging, {sourceDateEpoch});
    const findings = await checkSite(staging);
    if (findings.length > 0) {
      const listed = findings.map((f) => `  ${f.file}: ${f.detail}`).join("\n");
      throw new Error(`Webbplatsen bryter mot offline- eller integritetsreglerna och publiceras inte:\n${listed}`);
    }
    const months = readdirSync(staging).filter(isEditionName);
    try {
      await writeEditionPdfs(staging, months, log);
    } catch (error) {
      throw new Error(`PDF-utskriften misslyckades: ${error instanceof Error ? error.message : String(error)}`);
    }

    signal.throwIfAborted();
    const previous = `${output}.tidigare-${process.pid}`;
    if (existsSync(output)) await rename(output, previous);
    await rename(staging, output);
    await rm(previous, {recursive: true, force: true});
    return months;
  } finally {
    await rm(staging, {recursive: true, force: true});
  }
}
