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

/** True when the build includes the review pages (/<YYYY-MM>/granskning): env NAMNDRAPPORT_GRANSKNING=1. */
export function includesReview(): boolean {
  return process.env.NAMNDRAPPORT_GRANSKNING === "1";
}
