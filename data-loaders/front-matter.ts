// Front matter of the edition pages, read and written with gray-matter (the parser Framework itself uses), so CRLF line
// endings and any YAML the analyst writes are read the same way everywhere: edition status, version, corrections and a
// chosen delivery live there.
import matter from "gray-matter";
import {existsSync, readFileSync} from "node:fs";

/** The front matter block at the start of a page: "---", YAML, "---", with LF or CRLF line endings. */
const BLOCK = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/;

/** A page's front matter as data ({} when it has none). Options are passed so gray-matter does not cache the result. */
export function frontMatterOf(text: string): Record<string, unknown> {
  return {...matter(text, {}).data};
}

/** The front matter of the page file at `path`, or {} when the file does not exist. */
export function readFrontMatter(path: string): Record<string, unknown> {
  return existsSync(path) ? frontMatterOf(readFileSync(path, "utf8")) : {};
}

/** The raw front matter block of a page ("" when it has none), e.g. for a cache key. */
export function frontMatterBlock(text: string): string {
  return BLOCK.exec(text)?.[0] ?? "";
}

/**
 * The page with its front matter changed: keys in `changes` set (undefined removes a key), the rest kept in order,
 * and the body after the block kept byte for byte.
 */
export function withFrontMatter(text: string, changes: Record<string, unknown>): string {
  const data = frontMatterOf(text);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete data[key];
    else data[key] = value;
  }
  const old = frontMatterBlock(text);
  const block = `${matter.stringify("", data).trimEnd()}\n`;
  return `${old.includes("\r\n") ? block.replaceAll("\n", "\r\n") : block}${text.slice(old.length)}`;
}
