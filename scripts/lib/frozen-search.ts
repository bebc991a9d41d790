// Search entries for the published editions. Framework indexes only the pages it builds, and a build copies published
// editions from their records (scripts/lib/frozen-site.ts), so their pages would be missing from the site's search.
// Each current version's two pages are read from the record's HTML and given to Framework's index the way it treats
// its own pages: the page body without scripts, styles and tags, diacritics folded.
import he from "he";
import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {latestVersion} from "../../data-loaders/records.ts";
import {editionFolders, siteEditions} from "../../data-loaders/source-root.ts";

export interface SearchEntry {
  path: string;
  title: string;
  text: string;
}

const PAGES = [
  {file: "index.html", path: (month: string) => `/${month}/index`},
  {file: "tjansteskrivelse.html", path: (month: string) => `/${month}/tjansteskrivelse`}
];

/** The title and searchable text of a built page, or null when it has no main content. */
export function pageSearchText(html: string, siteTitle: string): {title: string; text: string} | null {
  const main = /<main\b[^>]*>([\s\S]*?)<\/main>/i.exec(html)?.[1];
  if (main === undefined) return null;
  const rawTitle = he.decode(/<title>([\s\S]*?)<\/title>/i.exec(html)?.[1] ?? "");
  const title = rawTitle.endsWith(` | ${siteTitle}`) ? rawTitle.slice(0, -` | ${siteTitle}`.length) : rawTitle;
  const text = he
    .decode(
      main
        .replace(/<script\b[\s\S]*?<\/script\s*>/gi, " ")
        .replace(/<style\b[\s\S]*?<\/style\s*>/gi, " ")
        .replace(/<[^>]+>/g, " ")
    )
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\p{L}\p{N}]/gu, " ");
  return {title, text};
}

/**
 * The search entries of the published editions this site holds but Framework does not build (those not under the
 * build's source root `root`): the current version's pages, from the record.
 */
export function* publishedSearchEntries(root: string, siteTitle: string): Generator<SearchEntry> {
  const built = new Set(editionFolders(root));
  for (const month of siteEditions()) {
    if (built.has(month)) continue;
    const version = latestVersion(month);
    if (!version) continue;
    for (const page of PAGES) {
      const file = join(version.dir, "webb", month, page.file);
      if (!existsSync(file)) continue;
      const found = pageSearchText(readFileSync(file, "utf8"), siteTitle);
      if (found) yield {path: page.path(month), ...found};
    }
  }
}
