// Published editions in a build: checked against their record, then copied into the site as they were published.
// Only the site's chrome follows the current site: the sidebar lists today's editions, and an older version says which
// version replaced it. The content, its data and its PDFs are the record's.
import {existsSync} from "node:fs";
import {copyFile, mkdir, readFile, writeFile} from "node:fs/promises";
import {dirname, join, relative} from "node:path";
import {pageStatus, versionFolder} from "../../data-loaders/editions.ts";
import {
  filesUnder,
  recordVersions,
  recordsRoot,
  sha256File,
  verifyEdition,
  versionPdfNames,
  type RecordVersion
} from "../../data-loaders/records.ts";
import {editionFolders} from "../../data-loaders/source-root.ts";
import {formatDate} from "../../src/lib/format.ts";

/** The editions whose pages say `status: publicerad`, oldest first. */
export function publishedEditions(sourceRoot: string): string[] {
  return editionFolders(sourceRoot).filter(
    (month) =>
      pageStatus(join(sourceRoot, month, "index.md")) === "publicerad" ||
      pageStatus(join(sourceRoot, month, "tjansteskrivelse.md")) === "publicerad"
  );
}

/**
 * Every reason the published editions cannot be built as published, in Swedish: a page says publicerad without a
 * record, or a record or page no longer matches its hashes. Empty when all is intact.
 */
export function checkPublishedEditions(sourceRoot: string, months: readonly string[]): string[] {
  const problems: string[] = [];
  for (const month of months) {
    if (recordVersions(month).length === 0) {
      problems.push(
        `Utgåvan ${month} har status publicerad men ingen publicerad post i ${relative(process.cwd(), join(recordsRoot(), month))}/. Sätt status: utkast och publicera den med npm run publicera -- ${month}.`
      );
      continue;
    }
    problems.push(...verifyEdition(month, sourceRoot).map((p) => p.message));
  }
  return problems;
}

/** Copies a file into the site, refusing to replace a different file at the same path. */
async function place(from: string, to: string): Promise<void> {
  if (existsSync(to)) {
    if (sha256File(to) === sha256File(from)) return;
    throw new Error(`${relative(process.cwd(), from)} krockar med en annan fil på samma plats i webbplatsen (${to}).`);
  }
  await mkdir(dirname(to), {recursive: true});
  await copyFile(from, to);
}

/**
 * Copies one version into the site: its pages and data under webb/ (the newest version at /<M>/, older ones at
 * /<M>-v<N>/), the shared assets it lists, and its PDFs. Returns the HTML pages written, relative to the site.
 */
async function placeVersion(site: string, month: string, record: RecordVersion, newest: boolean): Promise<string[]> {
  const web = join(record.dir, "webb");
  const folder = versionFolder(month, record.version, newest);
  const pages: string[] = [];
  for (const file of filesUnder(web)) {
    const target = file.startsWith(`${month}/`) ? `${folder}/${file.slice(month.length + 1)}` : file;
    await place(join(web, file), join(site, target));
    if (target.endsWith(".html")) pages.push(target);
  }
  for (const file of Object.keys(record.provenance.files)) {
    if (file.startsWith("../../_delat/")) {
      await place(join(record.dir, file), join(site, file.slice("../../_delat/".length)));
    }
  }
  const names = versionPdfNames(month, record.version);
  for (const [kind, name] of Object.entries(names)) {
    const target = newest ? `${kind}-${month}.pdf` : name;
    await place(join(record.dir, name), join(site, folder, target));
  }
  return pages;
}

/** The sidebar of the site's archive page, for a page one folder down, with `active` ("2023-08/") marked. */
export function sidebarFor(archiveNav: string, active: string | null): string {
  let nav = archiveNav
    .replace(/ observablehq-link-active/g, "")
    .replace(/<details open class="observablehq-section-active">/g, "<details>")
    .replace(/href="\.\//g, 'href="../');
  if (active) {
    const link = `<li class="observablehq-link"><a href="../${active}">`;
    const at = nav.indexOf(link);
    if (at >= 0) {
      nav = `${nav.slice(0, at)}<li class="observablehq-link observablehq-link-active"><a href="../${active}">${nav.slice(at + link.length)}`;
      const open = nav.lastIndexOf("<details>", at);
      if (open >= 0) {
        nav = `${nav.slice(0, open)}<details open class="observablehq-section-active">${nav.slice(open + "<details>".length)}`;
      }
    }
  }
  return nav;
}

const NAV = /<nav id="observablehq-sidebar">[\s\S]*?<\/nav>/;

/** The notice an older version carries: which version replaced it. */
function supersededNotice(month: string, record: RecordVersion, newest: RecordVersion): string {
  const date = formatDate(newest.provenance.published);
  return `<p class="nr-notice nr-notice-superseded" role="note">Ersatt: detta är version ${record.version}, publicerad ${formatDate(record.provenance.published)}. <a href="../${month}/">Gällande version ${newest.version} (${date})</a></p>`;
}

/**
 * Adds the published editions to a built site in `site`, as their records hold them. Returns the pages written.
 * The archive page of the site (index.html) must be built already: its sidebar is the one every frozen page gets.
 */
export async function addPublishedEditions(site: string, months: readonly string[]): Promise<string[]> {
  const archive = await readFile(join(site, "index.html"), "utf8");
  const archiveNav = NAV.exec(archive)?.[0] ?? null;
  const written: string[] = [];
  for (const month of months) {
    const versions = recordVersions(month);
    const newest = versions[versions.length - 1];
    for (const record of versions) {
      const isNewest = record === newest;
      const pages = await placeVersion(site, month, record, isNewest);
      for (const page of pages) {
        const path = join(site, page);
        let html = await readFile(path, "utf8");
        if (archiveNav) {
          const name = page.slice(page.indexOf("/") + 1).replace(/\.html$/, "");
          const active = isNewest ? `${month}/${name === "index" ? "" : name}` : null;
          html = html.replace(NAV, sidebarFor(archiveNav, active));
        }
        if (!isNewest) {
          html = html.replace(
            /(<span class="nr-header">[\s\S]*?<\/span>)/,
            `$1${supersededNotice(month, record, newest)}`
          );
        }
        await writeFile(path, html);
        written.push(page);
      }
    }
  }
  return written;
}
