// Checks a built site against the offline and privacy rules: no resource from another origin, lang="sv" on every page,
// no personnummer-like strings in pages or data files, and no hidden count that the published figures give away
// (the disclosure audit, SPEC §7).
import {readdir, readFile} from "node:fs/promises";
import {extname, join, relative} from "node:path";
import {auditBuiltSite} from "../../data-loaders/disclosure/built-site.ts";
import {findPersonnummerInText, findPrivacyViolations} from "../../data-loaders/privacy.ts";

export interface SiteFinding {
  file: string;
  rule: "extern-resurs" | "sprak" | "personnummer" | "rojande";
  detail: string;
}

const ABSOLUTE = String.raw`(?:https?:)?\/\/[^"'\s)]+`;
/** Tags and attributes that make the browser load something. */
const HTML_RESOURCE = new RegExp(
  String.raw`<(?:script|link|img|iframe|source|audio|video|embed|object|track|input)\b[^>]*?\s(?:src|href|srcset|data|poster)\s*=\s*["']?(${ABSOLUTE})`,
  "gi"
);
/** Module and runtime requests in JavaScript: static and dynamic imports, fetch, workers, CSS url(). */
const JS_RESOURCE = [
  new RegExp(String.raw`\bimport\s*(?:[\w{}*\s,$]+\sfrom\s*)?["'](${ABSOLUTE})["']`, "g"),
  new RegExp(String.raw`\bimport\s*\(\s*["'\x60](${ABSOLUTE})["'\x60]`, "g"),
  new RegExp(String.raw`\bfetch\s*\(\s*["'\x60](${ABSOLUTE})["'\x60]`, "g"),
  new RegExp(String.raw`\bnew\s+(?:Shared)?Worker\s*\(\s*["'\x60](${ABSOLUTE})["'\x60]`, "g")
];
const CSS_RESOURCE = new RegExp(String.raw`(?:@import\s+|url\(\s*)["']?(${ABSOLUTE})`, "gi");

const LOCAL = /^(?:https?:)?\/\/(?:localhost|127\.0\.0\.1|\[::1\])(?::\d+)?\//;

async function* walk(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, {withFileTypes: true})) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

function matches(patterns: RegExp[], text: string): string[] {
  return patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => m[1])).filter((url) => !LOCAL.test(url));
}

/** Lists every breach of the offline and privacy rules in a built site directory; empty when the site is clean. */
export async function checkSite(dir: string): Promise<SiteFinding[]> {
  const findings: SiteFinding[] = [];
  for await (const path of walk(dir)) {
    const file = relative(dir, path);
    const ext = extname(path);
    if (![".html", ".js", ".css", ".json", ".csv"].includes(ext)) continue;
    const text = await readFile(path, "utf8");
    const urls =
      ext === ".html"
        ? [...matches([HTML_RESOURCE, CSS_RESOURCE], text), ...matches(JS_RESOURCE, text)]
        : ext === ".js"
          ? matches(JS_RESOURCE, text)
          : ext === ".css"
            ? matches([CSS_RESOURCE], text)
            : [];
    for (const url of new Set(urls)) findings.push({file, rule: "extern-resurs", detail: `hämtar ${url}`});
    if (ext === ".html" && !/<html\b[^>]*\blang="sv"/.test(text)) {
      findings.push({file, rule: "sprak", detail: 'sidan saknar <html lang="sv">'});
    }
    // Library bundles hold large numeric constants; pages and data files are what could carry a personnummer.
    const isLibrary = /^_(npm|node|observablehq|jsr)\//.test(file.split("\\").join("/"));
    if (isLibrary) continue;
    if (ext === ".json") {
      // Data files are checked value by value, like the loaders' output: an amount is not read as digits in text.
      for (const v of findPrivacyViolations(JSON.parse(text))) {
        if (v.rule === "personnummer") findings.push({file, rule: "personnummer", detail: `${v.path}: ${v.detail}`});
      }
    } else {
      for (const hit of findPersonnummerInText(text)) {
        findings.push({file, rule: "personnummer", detail: `innehåller "${hit}" som liknar ett personnummer`});
      }
    }
  }
  // Each edition's data files together: a hidden count must not follow from anything the edition publishes.
  for (const leak of await auditBuiltSite(dir)) findings.push({file: leak.file, rule: "rojande", detail: leak.message});
  return findings.sort((a, b) => a.file.localeCompare(b.file) || a.detail.localeCompare(b.detail));
}

/**
 * Fixes what Framework 1.13 writes into every page and has no option for: `<html lang="sv">`, a viewport that allows
 * zooming (WCAG 1.4.4), the sidebar's close label moved out of its <ol> (a list may only hold list items), and the
 * search box in Swedish.
 */
export async function finishPages(
  dir: string,
  options: {lang?: string; sourceDateEpoch?: string} = {}
): Promise<number> {
  const {lang = "sv", sourceDateEpoch} = options;
  const {writeFile} = await import("node:fs/promises");
  let count = 0;
  for await (const path of walk(dir)) {
    if (extname(path) !== ".html") continue;
    const text = await readFile(path, "utf8");
    const updated = text
      .replace(/<html(?![^>]*\blang=)([^>]*)>/, `<html lang="${lang}"$1>`)
      .replace(/(<meta name="viewport" content="[^"]*?),\s*maximum-scale=1(")/, "$1$2")
      .replace(/<ol>(\s*)(<label id="observablehq-sidebar-close"[^>]*><\/label>)/, "$2$1<ol>")
      .replace(
        '<input type="search" placeholder="Search">',
        '<input type="search" placeholder="Sök" aria-label="Sök på webbplatsen">'
      )
      // Framework records each data file's modification time; a reproducible build records SOURCE_DATE_EPOCH.
      .replace(/"lastModified":\d+/g, (match) =>
        sourceDateEpoch ? `"lastModified":${Number(sourceDateEpoch) * 1000}` : match
      );
    if (updated !== text) {
      await writeFile(path, updated);
      count++;
    }
  }
  return count;
}
