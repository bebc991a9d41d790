// The site's sidebar after a build: Framework only builds the archive and the drafts (published editions are copied
// from their records), so its sidebar lists only those. This module writes one sidebar that lists every edition into
// every page, in Framework's own markup (taken from the archive page, so its search box and title stay), with the
// page's own link marked.
import {readFile, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {capitalise, formatMonth} from "../../src/lib/format.ts";

const NAV = /<nav id="observablehq-sidebar">[\s\S]*?<\/nav>/;

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** One edition's section of the sidebar, with links relative to the site root ("./2023-11/"). */
function editionSection(month: string, review: boolean): string {
  const name = capitalise(formatMonth(month));
  const links = [
    ["Nämndrapport", `./${month}/`],
    ["Tjänsteskrivelse", `./${month}/tjansteskrivelse`],
    ...(review ? [["Granskning", `./${month}/granskning`]] : [])
  ];
  return `<details>
    <summary>${escape(name)}</summary>
    <ol>
${links.map(([label, href]) => `    <li class="observablehq-link"><a href="${href}">${label}</a></li>`).join("\n")}
    </ol>
  </details>`;
}

/**
 * The archive page's sidebar (root-relative links) with its edition sections replaced by one for each of `editions`,
 * newest first.
 */
export function siteSidebar(archiveNav: string, editions: readonly string[], review = false): string {
  const sections = [...editions]
    .sort()
    .reverse()
    .map((m) => editionSection(m, review));
  const first = archiveNav.indexOf("<details");
  const last = archiveNav.lastIndexOf("</details>");
  const before = first >= 0 ? archiveNav.slice(0, first) : archiveNav.slice(0, archiveNav.lastIndexOf("</nav>"));
  const after = last >= 0 ? archiveNav.slice(last + "</details>".length) : "\n</nav>";
  return `${before}${sections.join("\n  ")}${after}`;
}

/**
 * The sidebar for a page at `depth` folders below the site root (the archive 0, an edition's page 1), with the link to
 * `active` (a page path from the root: "", "2023-08/", "2023-08/tjansteskrivelse"; null for none) marked and its
 * edition's section open. Links are made relative to the page.
 */
export function sidebarFor(nav: string, depth: 0 | 1, active: string | null): string {
  let out = nav
    .replace(/ observablehq-link-active/g, "")
    .replace(/<details open class="observablehq-section-active">/g, "<details>");
  const prefix = depth === 1 ? "../" : "./";
  // Links and the search box's module (the sidebar's script imports "./_observablehq/search.<hash>.js") are relative.
  if (depth === 1) out = out.replace(/href="\.\//g, 'href="../').replace(/import\("\.\//g, 'import("../');
  if (active === null) return out;
  const link = `<li class="observablehq-link"><a href="${prefix}${active}">`;
  const at = out.indexOf(link);
  if (at < 0) return out;
  out = `${out.slice(0, at)}<li class="observablehq-link observablehq-link-active"><a href="${prefix}${active}">${out.slice(at + link.length)}`;
  const open = out.lastIndexOf("<details>", at);
  const close = out.lastIndexOf("</details>", at);
  if (open > close) {
    out = `${out.slice(0, open)}<details open class="observablehq-section-active">${out.slice(open + "<details>".length)}`;
  }
  return out;
}

/** The sidebar of a built site's archive page, or null when it has none. */
export async function archiveSidebar(site: string): Promise<string | null> {
  return NAV.exec(await readFile(join(site, "index.html"), "utf8"))?.[0] ?? null;
}

/**
 * Writes `nav` (from siteSidebar) into each page: `pages` are paths of HTML files relative to the site (either
 * separator), and
 * `activeOf` names the page the sidebar should mark (e.g. a superseded version's page marks none: null).
 */
export async function writeSidebars(
  site: string,
  nav: string,
  pages: readonly string[],
  activeOf: (file: string) => string | null = pageOf
): Promise<void> {
  for (const page of pages) {
    // Paths from relative() on Windows have backslashes; depth and active page read forward slashes.
    const file = page.replaceAll("\\", "/");
    const path = join(site, file);
    const html = await readFile(path, "utf8");
    const depth = file.includes("/") ? 1 : 0;
    const replaced = html.replace(NAV, sidebarFor(nav, depth, activeOf(file)));
    if (replaced !== html) await writeFile(path, replaced);
  }
}

/** The page path a file is ("2023-08/index.html" → "2023-08/", "index.html" → ""). */
export function pageOf(file: string): string {
  return file.replace(/\.html$/, "").replace(/(^|\/)index$/, "$1");
}
