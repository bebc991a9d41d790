// Messages never echo record values: a key can be a personnummer, and DuckDB's own error text quotes the value it
// choked on ('value "19850410-1010\xE4" is not valid UTF8!'). Everything that may carry a value goes through here.
import {basename} from "node:path";

const BOM = "\uFEFF";

// A code as the contract writes codes: letters, underscores, spaces or hyphens, at most two digits at the end.
const CODE_LIKE = /^[\p{L}_ -]{0,30}\d{0,2}$/u;

/**
 * A value as an example in a message: code-like text as it is, anything else (keys, numbers, free text) as its shape
 * only, digits as # and letters as x ("19850410-1010" → "########-####", "P7K2QX9M" → "x#x#xx#x"). Invisible
 * characters are written out ("\uFEFF").
 */
export function maskedExample(value: string): string {
  const escape = (c: string) =>
    c === BOM || /\p{C}/u.test(c) ? `\\u${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}` : c;
  const visible = (text: string) => [...text].map(escape).join("");
  const bare = value.replaceAll(/[\p{C}]/gu, "");
  if (CODE_LIKE.test(bare)) return visible(value);
  const shape = [...value.slice(0, 24)].map((c) => (/\p{N}/u.test(c) ? "#" : /\p{L}/u.test(c) ? "x" : escape(c)));
  return shape.join("") + (value.length > 24 ? "…" : "");
}

/**
 * DuckDB's error text, fit to show in parentheses: its first line without the SQL excerpt, file paths shortened to the
 * file name, every quoted value replaced by "…" and any run of six or more digits by its shape (# for a digit).
 */
export function maskDuckDbText(text: string): string {
  return text
    .split("\n")[0]
    .trim()
    .replaceAll(
      /(["'])([^"'\n]*[\\/][^"'\n]*)\1/g,
      (_, quote: string, path: string) => `${quote}${basename(path)}${quote}`
    )
    .replaceAll(/\b(value|string) (["'])(?:(?!\2).)*\2/gi, "$1 $2…$2")
    .replaceAll(/\d[\d-]{4,}\d/g, (run) => run.replaceAll(/\d/g, "#"));
}

/** An error's message for a user: DuckDB's text masked, our own (Swedish, built from aggregates) as it is. */
export function safeErrorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return /^[A-Z][A-Za-z ]* Error: /.test(message) ? maskDuckDbText(message) : message;
}
