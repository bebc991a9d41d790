// The built pages as a reader's browser runs them: a page that shows an error, throws, fails to load a file or never
// finishes rendering must not be published or printed. Every page is opened in Chromium; each problem is named by
// page and by the expression or cell that failed, in Swedish.
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import type {Browser} from "playwright-core";
import {launchBrowser} from "./browser.ts";
import {serveStatic} from "./static-server.ts";

export interface PageProblem {
  /** The page as a URL path without extension, e.g. "2023-11/tjansteskrivelse" or "2023-11/" ("" = the archive). */
  page: string;
  kind: "cell" | "sidfel" | "fil" | "ofardig";
  /** The failing expression or cell source, when known. */
  source: string | null;
  message: string;
}

// Runs in the page, as text so that the TypeScript runner's helpers are not part of it. Each cell's output sits just
// before its root, a comment "<!--:id:-->". Errors are rendered by Framework's inspector with the class
// observablehq--error; cells still loading keep their <observablehq-loading>.
const COLLECT_CELLS = `(() => {
  function idAfter(node) {
    for (let n = node; n; n = n.nextSibling) {
      if (n.nodeType === Node.COMMENT_NODE) {
        const match = /^:([0-9a-f]+):$/.exec(n.nodeValue || "");
        if (match) return match[1];
      }
    }
    return null;
  }
  return {
    errors: [...document.querySelectorAll(".observablehq--error")].map((e) => ({id: idAfter(e), text: (e.textContent || "").trim()})),
    pending: [...document.querySelectorAll("observablehq-loading")].map((e) => ({id: idAfter(e)}))
  };
})()`;

/** How long a page may take to render every cell after the network is idle. */
const RENDER_TIMEOUT_MS = 20_000;

/** Every page of a built site, as URL paths: "2023-11/", "2023-11/tjansteskrivelse", "" for the archive. */
export function sitePages(dir: string): string[] {
  return (readdirSync(dir, {recursive: true, encoding: "utf8"}) as string[])
    .filter((file) => file.endsWith(".html") && !file.startsWith("_") && !file.split(/[/\\]/).includes("404.html"))
    .map((file) =>
      file
        .replaceAll("\\", "/")
        .replace(/(^|\/)index\.html$/, "$1")
        .replace(/\.html$/, "")
    )
    .sort();
}

/**
 * The source of each cell of a built page, by cell id: the expression of an inline `${…}` cell, or the code of a
 * block. Framework writes each cell as `define({id: "…", …, body: … => {…}});` in the page's module script.
 */
export function cellSources(html: string): Map<string, string> {
  const sources = new Map<string, string>();
  const pattern = /define\(\{id: "([0-9a-f]+)"(.*?)body: [^\n]*?=> \{\n([\s\S]*?)\n\}\}\);/g;
  for (const [, id, , body] of html.matchAll(pattern)) {
    const inline = /^display\(await\(\n([\s\S]*)\n\)\)$/.exec(body.trim());
    const code = (inline ? inline[1] : body).replace(/\s+/g, " ").trim();
    sources.set(id, code.length > 160 ? `${code.slice(0, 157)}…` : code);
  }
  return sources;
}

function describe(problem: PageProblem): string {
  const where = problem.source ? `${problem.kind === "cell" ? "uttrycket" : "cellen"} \`${problem.source}\`: ` : "";
  const what = {cell: "", sidfel: "fel på sidan: ", fil: "filen kunde inte laddas: ", ofardig: "blev aldrig klar: "};
  return `${where}${what[problem.kind]}${problem.message}`;
}

/** The problems as one Swedish message, grouped by page. */
export function formatPageProblems(problems: readonly PageProblem[]): string {
  const pages = [...new Set(problems.map((p) => p.page))];
  return pages
    .map((page) => {
      const lines = [...new Set(problems.filter((p) => p.page === page).map(describe))];
      return `Sidan ${page === "" ? "arkivet (index)" : page} har fel:\n${lines.map((l) => `  ${l}`).join("\n")}`;
    })
    .join("\n");
}

/** The HTML file of a page path in a built site: "2023-11/" → 2023-11/index.html. */
export function pageHtmlFile(dir: string, page: string): string {
  return join(dir, page === "" || page.endsWith("/") ? `${page}index.html` : `${page}.html`);
}

async function checkPage(browser: Browser, base: string, dir: string, page: string): Promise<PageProblem[]> {
  const problems: PageProblem[] = [];
  const html = readFileSync(pageHtmlFile(dir, page), "utf8");
  const sources = cellSources(html);
  const context = await browser.newContext();
  const tab = await context.newPage();
  tab.on("pageerror", (error) => problems.push({page, kind: "sidfel", source: null, message: error.message}));
  tab.on("requestfailed", (request) =>
    problems.push({page, kind: "fil", source: null, message: request.url().slice(base.length) || request.url()})
  );
  tab.on("response", (response) => {
    if (response.status() >= 400) {
      problems.push({
        page,
        kind: "fil",
        source: null,
        message: `${response.url().slice(base.length)} (${response.status()})`
      });
    }
  });
  try {
    await tab.goto(`${base}/${page}`, {waitUntil: "networkidle"});
    const settled = await tab
      .waitForFunction(() => !document.querySelector("observablehq-loading"), undefined, {timeout: RENDER_TIMEOUT_MS})
      .then(() => true)
      .catch(() => false);
    // Each cell's output sits just before its root, a comment "<!--:id:-->". Errors are rendered by Framework's
    // inspector with the class observablehq--error; cells still loading keep their <observablehq-loading>.
    const cells = (await tab.evaluate(COLLECT_CELLS)) as {
      errors: {id: string | null; text: string}[];
      pending: {id: string | null}[];
    };
    for (const error of cells.errors) {
      problems.push({
        page,
        kind: "cell",
        source: error.id ? (sources.get(error.id) ?? null) : null,
        message: error.text.replace(/^(RuntimeError|TypeError|Error|ReferenceError|SyntaxError): /, "")
      });
    }
    if (!settled) {
      for (const cell of cells.pending) {
        problems.push({
          page,
          kind: "ofardig",
          source: cell.id ? (sources.get(cell.id) ?? null) : null,
          message: `cellen visade inget inom ${RENDER_TIMEOUT_MS / 1000} s`
        });
      }
    }
  } finally {
    await context.close();
  }
  return problems;
}

/**
 * Opens each page of the built site in `dir` (default: every page) and returns what a reader would see go wrong.
 * An empty list means every cell rendered.
 */
export async function checkPages(
  dir: string,
  pages = sitePages(dir),
  {browser}: {browser?: Browser} = {}
): Promise<PageProblem[]> {
  if (pages.length === 0) return [];
  const {server, url} = await serveStatic(dir);
  // A browser passed in belongs to the caller, who closes it.
  const active = browser ?? (await launchBrowser());
  try {
    const problems: PageProblem[] = [];
    for (const page of pages) problems.push(...(await checkPage(active, url, dir, page)));
    return problems;
  } finally {
    if (!browser) await active.close();
    server.close();
  }
}
