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
import {pageOf, writeSidebars} from "./sidebar.ts";

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

/**
 * The notice an older version carries: which version replaced it. Its link is underlined inline: the record's own
 * stylesheet may predate the rule that underlines links in notices.
 */
function supersededNotice(month: string, record: RecordVersion, newest: RecordVersion): string {
  const date = formatDate(newest.provenance.published);
  return `<p class="nr-notice nr-notice-superseded" role="note">Ersatt: detta är version ${record.version}, publicerad ${formatDate(record.provenance.published)}. <a href="../${month}/" style="text-decoration: underline">Gällande version ${newest.version} (${date})</a></p>`;
}

/**
 * Adds the published editions to a built site in `site`, as their records hold them, with `nav` (the whole site's
 * sidebar, scripts/lib/sidebar.ts) in each page. Returns the pages written, relative to the site.
 */
export async function addPublishedEditions(
  site: string,
  months: readonly string[],
  nav: string | null
): Promise<string[]> {
  const written: string[] = [];
  for (const month of months) {
    const versions = recordVersions(month);
    const newest = versions[versions.length - 1];
    for (const record of versions) {
      const isNewest = record === newest;
      const pages = await placeVersion(site, month, record, isNewest);
      if (nav) await writeSidebars(site, nav, pages, (file) => (isNewest ? pageOf(file) : null));
      if (!isNewest) {
        for (const page of pages) {
          const path = join(site, page);
          const html = await readFile(path, "utf8");
          await writeFile(
            path,
            html.replace(/(<span class="nr-header">[\s\S]*?<\/span>)/, `$1${supersededNotice(month, record, newest)}`)
          );
        }
      }
      written.push(...pages);
    }
  }
  return written;
}
