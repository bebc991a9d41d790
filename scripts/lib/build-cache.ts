// What a build has already done and need not do again: a page that passed the browser check, an edition's PDFs. Keyed
// by content (a built page's HTML names every script, style and data file it loads by content hash, so the HTML alone
// decides what the page shows), kept under node_modules/.cache like the validation cache.
import {createHash} from "node:crypto";
import {existsSync, readFileSync, statSync} from "node:fs";
import {copyFile, mkdir, writeFile} from "node:fs/promises";
import {join} from "node:path";

/** Where it is kept: env NAMNDRAPPORT_BUILD_CACHE, else node_modules/.cache/namndrapport/bygg. */
const root = () => process.env.NAMNDRAPPORT_BUILD_CACHE ?? join("node_modules", ".cache", "namndrapport", "bygg");

/** A key over strings and files' contents, in order (a missing file counts as empty; its path is not part of it). */
export function contentKey(parts: readonly string[], files: readonly string[] = []): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part).update("\0");
  for (const file of files) {
    if (existsSync(file)) hash.update(readFileSync(file));
    hash.update("\0");
  }
  return hash.digest("hex");
}

/**
 * A built page's HTML as far as the browser check and the PDF see it: the search module's content hash left out.
 * Framework names the search module after the site's search index, which changes with the text of any page, while a
 * page loads the module only when the reader uses the search box (hidden in print). Without this, one edited line
 * anywhere would make every draft page and PDF count as changed.
 */
export function pageKeyHtml(html: string): string {
  return html.replace(/(_observablehq\/search)\.[0-9a-f]{8}\.js/g, "$1.js");
}

/** Identifies the installed Chromium without starting it: its path, size and modification time. */
export function browserIdentity(path: string): string {
  const info = statSync(path);
  return `${path}:${info.size}:${info.mtimeMs}`;
}

function entry(kind: string, key: string, name = "ok"): string {
  return join(root(), kind, key, name);
}

/** True when `kind` (e.g. "sidkontroll") has been done for `key`. */
export function isDone(kind: string, key: string): boolean {
  return existsSync(entry(kind, key));
}

/** Records that `kind` was done for `key`. */
export async function markDone(kind: string, key: string): Promise<void> {
  await mkdir(join(root(), kind, key), {recursive: true});
  await writeFile(entry(kind, key), "");
}

/** A file kept for `key`, or null. */
export function cachedFile(kind: string, key: string, name: string): string | null {
  const path = entry(kind, key, name);
  return existsSync(path) ? path : null;
}

/** Keeps a copy of `file` for `key` under `name`. */
export async function keepFile(kind: string, key: string, name: string, file: string): Promise<void> {
  await mkdir(join(root(), kind, key), {recursive: true});
  await copyFile(file, entry(kind, key, name));
}
