// The Framework source root the build reads, and the edition folders in it. Normally src/; a single-edition build points it at a folder that holds
// only that edition (scripts/lib/site-build.ts), so the config, the archive loader and the cache key agree on it.

import {existsSync, readdirSync} from "node:fs";
import {join} from "node:path";

export const DEFAULT_SOURCE_ROOT = "src";

/** True for an edition folder's name, "YYYY-MM". */
export function isEditionName(name: string): boolean {
  return /^\d{4}-\d{2}$/.test(name);
}

/** The editions under a source root: YYYY-MM folders with an index.md, oldest first. */
export function editionFolders(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((name) => isEditionName(name) && existsSync(join(root, name, "index.md")))
    .sort();
}

/** The Markdown file of a page path under a source root: "/2023-11/" → index.md, "/2023-11/tjansteskrivelse" → its .md. */
export function pageFile(root: string, path: string): string {
  const clean = path.replace(/^\//, "");
  return join(root, clean === "" || clean.endsWith("/") ? `${clean}index.md` : `${clean}.md`);
}

/** The env NAMNDRAPPORT_ROOT, else src. */
export function sourceRoot(): string {
  return process.env.NAMNDRAPPORT_ROOT || DEFAULT_SOURCE_ROOT;
}

/**
 * The source root holding the pages of every edition the site lists: env NAMNDRAPPORT_ARKIVROT, set by the build
 * (its own source root holds only the drafts it computes; published editions are copied from their records), else
 * sourceRoot().
 */
export function archiveRoot(): string {
  return process.env.NAMNDRAPPORT_ARKIVROT || sourceRoot();
}

/**
 * The editions the site being built holds: env NAMNDRAPPORT_UTGAVOR (months separated by commas, set by the build;
 * a single-edition build holds one, a build without drafts only the published), else every edition under
 * archiveRoot().
 */
export function siteEditions(): string[] {
  const listed = process.env.NAMNDRAPPORT_UTGAVOR;
  return listed === undefined ? editionFolders(archiveRoot()) : listed.split(",").filter(isEditionName);
}

/** True when the build includes the review pages (/<YYYY-MM>/granskning): env NAMNDRAPPORT_GRANSKNING=1. */
export function includesReview(): boolean {
  return process.env.NAMNDRAPPORT_GRANSKNING === "1";
}
