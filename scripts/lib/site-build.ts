// Building the site: sample data if needed → published editions checked against their records → a source root with
// the archive and the drafts → fresh loader cache → Framework build into a temporary folder → lang="sv" → pages checked
// in a browser and draft PDFs (both only for pages that changed) → published editions copied from their records →
// site check → swap into the output folder. A failing step leaves the previous output untouched.
//
// Published editions are never recomputed or re-rendered: Framework never sees them, so a new delivery, a code change
// or a disposed delivery cannot change them, and their cost in a build is a file copy.
import {existsSync, lstatSync, readdirSync, readFileSync} from "node:fs";
import {copyFile, mkdir, rename, rm, symlink} from "node:fs/promises";
import {join, relative, resolve} from "node:path";
import {editionFolders, isEditionName} from "../../data-loaders/source-root.ts";
import {parseMonth} from "../../src/lib/months.ts";
import {browserIdentity, cachedFile, contentKey, isDone, keepFile, markDone, pageKeyHtml} from "./build-cache.ts";
import type {Browser} from "playwright-core";
import {chromiumPath, launchBrowser} from "./browser.ts";
import {addPublishedEditions, checkPublishedEditions, publishedEditions} from "./frozen-site.ts";
import {archiveSidebar, siteSidebar, writeSidebars} from "./sidebar.ts";
import {invalidateLoaderCache} from "./loader-cache.ts";
import {checkPages, formatPageProblems, pageHtmlFile, sitePages} from "./page-check.ts";
import {EDITION_ROOTS, exportsRoot, SRC_ROOT} from "./paths.ts";
import {EDITION_PAGES, openPdfRenderer, pdfFileName, type EditionPage, type PdfRenderer} from "./pdf.ts";
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
  /** Leave drafts out: only published editions (and the archive). */
  withoutDrafts?: boolean;
  /** Source root for a single-edition build; default .bygg/utgava-<YYYY-MM>. A fresh folder recomputes all data. */
  editionRoot?: string;
  /**
   * A source root prepared by the caller (prepareEditionRoot), used as it is and built as drafts: for publishing, and
   * for tests that edit a page copy. Published editions are not added.
   */
  sourceRoot?: string;
  /** Build time in seconds since 1970 for the footer, the data files' and the PDFs' dates; default env SOURCE_DATE_EPOCH. */
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
 * A source root in `dir` with everything in src/ but only the editions `include` names, linked rather than copied so
 * that edits show. An edition's frozen data (src/<M>/data/, written when it was published) is left out, so the root
 * computes its data. Its .observablehq/cache is its own.
 */
export async function prepareSourceRoot(dir: string, include: readonly string[]): Promise<string> {
  await mkdir(dir, {recursive: true});
  for (const entry of readdirSync(dir)) {
    if (entry !== ".observablehq") await rm(join(dir, entry), {recursive: true, force: true});
  }
  await linkTree(SRC_ROOT, dir, (name) => name === ".observablehq" || (isEditionName(name) && !include.includes(name)));
  for (const month of include) await rm(join(dir, month, "data"), {recursive: true, force: true});
  return dir;
}

/** Framework's caches that depend only on Framework and node_modules, shared by every source root. */
const SHARED_CACHES = ["_npm", "_node", "_jsr", "_observablehq"];

/**
 * Points a source root's Framework caches for npm packages, node_modules bundles and its own client at one shared
 * folder, so a new root (a single edition, a publication) does not resolve and bundle every library again.
 */
export async function shareFrameworkCaches(root: string): Promise<void> {
  const cache = join(root, ".observablehq", "cache");
  await mkdir(cache, {recursive: true});
  for (const name of SHARED_CACHES) {
    const shared = resolve(EDITION_ROOTS, "framework-cache", name);
    await mkdir(shared, {recursive: true});
    const path = join(cache, name);
    if (existsSync(path) && lstatSync(path).isSymbolicLink()) continue;
    await rm(path, {recursive: true, force: true});
    await symlink(shared, path);
  }
}

/** Throws a Swedish error listing the editions when `month` is not one of them. */
export function assertEdition(month: string): void {
  parseMonth(month);
  const editions = editionFolders(SRC_ROOT);
  if (!editions.includes(month)) {
    const known = editions.length ? ` Utgåvor som finns: ${editions.join(", ")}.` : "";
    throw new Error(`Utgåvan ${month} finns inte i ${SRC_ROOT}/.${known} Skapa den med npm run ny-utgava -- ${month}.`);
  }
}

/** A source root with only `month` of the editions (see prepareSourceRoot). */
export async function prepareEditionRoot(month: string, dir: string): Promise<string> {
  assertEdition(month);
  return prepareSourceRoot(dir, [month]);
}

/** The files whose content decides what a PDF looks like besides the page: the print code and the browser. */
function pdfCodeKey(): string {
  const code = readdirSync(join("scripts", "lib"))
    .filter((f) => /^(pdf|print|browser|static-server)/.test(f))
    .map((f) => join("scripts", "lib", f));
  const icc = readdirSync(join("scripts", "lib", "icc")).map((f) => join("scripts", "lib", "icc", f));
  return contentKey([browserIdentity(chromiumPath())], [...code, ...icc, "package-lock.json"]);
}

/** Pages not yet checked in this form: a page whose HTML passed before is not opened again. */
function pagesToCheck(site: string, pages: string[], codeKey: string): {page: string; key: string}[] {
  return pages
    .map((page) => ({page, key: contentKey([codeKey, pageKeyHtml(readFileSync(pageHtmlFile(site, page), "utf8"))])}))
    .filter(({key}) => !isDone("sidkontroll", key));
}

/** Writes the drafts' PDFs into the site; a page whose HTML did not change gets its earlier PDF back. */
async function draftPdfs(
  site: string,
  months: string[],
  log: (line: string) => void,
  sourceDateEpoch: string | undefined,
  browser: () => Promise<Browser>
): Promise<void> {
  const code = pdfCodeKey();
  let renderer: PdfRenderer | null = null;
  try {
    for (const month of months) {
      for (const page of Object.keys(EDITION_PAGES) as EditionPage[]) {
        const name = pdfFileName(month, page);
        const html = pageHtmlFile(join(site, month), EDITION_PAGES[page].path);
        const key = contentKey([code, month, page, sourceDateEpoch ?? "", pageKeyHtml(readFileSync(html, "utf8"))]);
        const cached = cachedFile("pdf", key, name);
        if (cached) {
          await copyFile(cached, join(site, month, name));
          continue;
        }
        log(`Skriver PDF ${name} …`);
        renderer ??= await openPdfRenderer(site, {sourceDateEpoch, browser: await browser()});
        const result = await renderer.render(month, page, join(site, month, name));
        for (const caption of result.landscape) log(`  Tabellen "${caption}" skrivs på en liggande sida.`);
        await keepFile("pdf", key, name, join(site, month, name));
      }
    }
  } finally {
    await renderer?.close();
  }
}

/**
 * Builds the site (all editions, or one) into options.output. Returns the edition months in it. Ctrl+C or SIGTERM
 * stops Framework and removes the half-built folder (scripts/lib/interrupt.ts).
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
  // NAMNDRAPPORT_TIDER=1 prints how long each step took, for measuring builds.
  let last = Date.now();
  const step = (name: string) => {
    if (process.env.NAMNDRAPPORT_TIDER === "1") log(`  [tid] ${name}: ${((Date.now() - last) / 1000).toFixed(2)} s`);
    last = Date.now();
  };

  await ensureSampleData(log);
  const all = editionFolders(SRC_ROOT);
  if (options.edition) assertEdition(options.edition);
  const wanted = options.edition ? [options.edition] : all;
  const published = options.sourceRoot ? [] : publishedEditions(SRC_ROOT).filter((m) => wanted.includes(m));
  const drafts = options.withoutDrafts ? [] : wanted.filter((m) => !published.includes(m));

  step("förberedelser");
  const problems = checkPublishedEditions(SRC_ROOT, published);
  if (problems.length > 0) {
    throw new Error(`Publicerade utgåvor stämmer inte med sina poster:\n${problems.map((p) => `  ${p}`).join("\n")}`);
  }

  step("kontroll av publicerade poster");

  const root =
    options.sourceRoot ??
    (await prepareSourceRoot(
      options.editionRoot ?? join(EDITION_ROOTS, options.edition ? `utgava-${options.edition}` : "webbplats"),
      drafts
    ));
  await shareFrameworkCaches(root);
  const computed = options.sourceRoot ? editionFolders(root) : drafts;
  // The archive lists every edition of the site, read from the real source root: the build's own root holds only the
  // drafts Framework computes.
  const siteMonths = [...published, ...computed].sort();
  if (await invalidateLoaderCache({root, exports: exportsRoot(), editions: siteMonths})) {
    log("Dataladdare eller leveranser har ändrats: cachade laddarresultat tas bort och beräknas om.");
  }
  step("källmapp och laddarcache");

  // The drafts' deliveries are checked before anything is built; published editions need none.
  await reportDataQuality({root, months: computed, output: options.output, log});
  step("datakvalitet");

  const what = options.edition ? `utgåvan ${options.edition} som egen webbplats` : "webbplatsen";
  log(`Bygger ${what}: ${computed.length} utkast beräknas, ${published.length} publicerade hämtas ur sina poster …`);
  await rm(staging, {recursive: true, force: true});
  const env: Record<string, string> = {
    NAMNDRAPPORT_OUTPUT: staging,
    NAMNDRAPPORT_ROOT: root,
    NAMNDRAPPORT_ARKIVROT: options.sourceRoot ?? SRC_ROOT,
    NAMNDRAPPORT_UTGAVOR: siteMonths.join(",")
  };
  if (options.review) env.NAMNDRAPPORT_GRANSKNING = "1";
  const sourceDateEpoch = options.sourceDateEpoch ?? process.env.SOURCE_DATE_EPOCH;
  if (sourceDateEpoch) env.SOURCE_DATE_EPOCH = sourceDateEpoch;

  // One Chromium for the page check and the PDFs, started only if something needs it.
  const chromium: {started: Promise<Browser> | null} = {started: null};
  try {
    const {code, output: frameworkOutput} = await runFramework(["build"], env, {quiet: options.quiet, signal});
    step("Framework");
    if (code !== 0) {
      const details = options.quiet
        ? `\n${frameworkOutput.trim().split("\n").slice(-20).join("\n")}`
        : " (se felet ovan)";
      throw new Error(`Bygget misslyckades${details}\nDet tidigare innehållet i ${options.output} är orört.`);
    }

    await finishPages(staging, {sourceDateEpoch});
    // Framework built the archive and the drafts; every page gets the sidebar of the whole site, published too.
    const built = readdirSync(staging).filter(isEditionName);
    const archiveNav = await archiveSidebar(staging);
    const nav = archiveNav ? siteSidebar(archiveNav, [...published, ...built], options.review) : null;
    const pages = sitePages(staging);
    if (nav)
      await writeSidebars(
        staging,
        nav,
        pages.map((p) => relative(staging, pageHtmlFile(staging, p)))
      );
    const browser = () => (chromium.started ??= launchBrowser());
    const pageCode = contentKey([], [join("scripts", "lib", "page-check.ts")]);
    const unchecked = pagesToCheck(staging, pages, pageCode);
    if (unchecked.length > 0) {
      const count = unchecked.length === 1 ? "1 ändrad sida" : `${unchecked.length} ändrade sidor`;
      log(`Kontrollerar ${count} i webbläsaren …`);
      const failures = await checkPages(
        staging,
        unchecked.map((u) => u.page),
        {browser: await browser()}
      );
      if (failures.length > 0) throw new Error(`Sidor med fel publiceras inte:\n${formatPageProblems(failures)}`);
      for (const {key} of unchecked) await markDone("sidkontroll", key);
    }
    step("sidkontroll");
    try {
      await draftPdfs(staging, built, log, sourceDateEpoch, browser);
    } catch (error) {
      throw new Error(`PDF-utskriften misslyckades: ${error instanceof Error ? error.message : String(error)}`);
    }

    step("PDF");
    await addPublishedEditions(staging, published, nav);
    step("publicerade utgåvor");
    const findings = await checkSite(staging);
    step("webbplatskontroll");
    if (findings.length > 0) {
      const listed = findings.map((f) => `  ${f.file}: ${f.detail}`).join("\n");
      throw new Error(`Webbplatsen bryter mot offline- eller integritetsreglerna och publiceras inte:\n${listed}`);
    }

    signal.throwIfAborted();
    const previous = `${output}.tidigare-${process.pid}`;
    if (existsSync(output)) await rename(output, previous);
    await rename(staging, output);
    await rm(previous, {recursive: true, force: true});
    return [...published, ...built].sort();
  } finally {
    if (chromium.started) await (await chromium.started).close();
    await rm(staging, {recursive: true, force: true});
  }
}
