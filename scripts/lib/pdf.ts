// PDFs of an edition for the committee's records: Chromium's print engine over the built pages, A4, with a running
// header (municipality, draft mark, "Nämndrapport <månad år>") and "sida x av y" in the footer. Chromium writes a
// tagged PDF with bookmarks; scripts/lib/pdf-archive.ts makes it PDF/A-2b with reproducible bytes. Before printing,
// the page is laid out at the A4 content width: wide tables get a landscape page and anything that would still be cut
// off stops the PDF (scripts/lib/print-layout.ts).
import {readFileSync} from "node:fs";
import {writeFile} from "node:fs/promises";
import type {Server} from "node:http";
import {join} from "node:path";
import type {Browser} from "playwright-core";
import {formatMonth} from "../../src/lib/format.ts";
import {DRAFT_WATERMARK} from "../../src/lib/notices.ts";
import {settings} from "../../src/lib/settings.ts";
import {launchBrowser} from "./browser.ts";
import {archivalPdf} from "./pdf-archive.ts";
import {preparePrintLayout, type PrintSizes} from "./print-layout.ts";
import {serveStatic} from "./static-server.ts";

/** The two printed pages of an edition: file name stem → path under /<YYYY-MM>/ and document title. */
export const EDITION_PAGES = {
  namndrapport: {path: "", title: "Nämndrapport"},
  tjansteskrivelse: {path: "tjansteskrivelse", title: "Tjänsteskrivelse"}
} as const;
export type EditionPage = keyof typeof EDITION_PAGES;

/** The document language of the PDFs. */
export const PDF_LANGUAGE = "sv-SE";

/** Page margins in millimetres; the running header and footer sit in the top and bottom margins. */
const MARGIN_MM = {top: 18, right: 16, bottom: 20, left: 16};
const A4_MM = {width: 210, height: 297};
const px = (mm: number) => (mm * 96) / 25.4;
export const PRINT_SIZES: PrintSizes = {
  portrait: px(A4_MM.width - MARGIN_MM.left - MARGIN_MM.right),
  landscape: px(A4_MM.height - MARGIN_MM.left - MARGIN_MM.right),
  height: px(A4_MM.height - MARGIN_MM.top - MARGIN_MM.bottom)
};

const project = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
  name: string;
  version: string;
};
/** Creator and Producer of every PDF: the project's name and version. */
export const PDF_CREATOR = `${project.name} ${project.version}`;

/** "Nämndrapport november 2023": the PDF's title. */
export function pdfTitle(month: string, page: EditionPage): string {
  return `${EDITION_PAGES[page].title} ${formatMonth(month)}`;
}

/** "namndrapport-2023-11.pdf". */
export function pdfFileName(month: string, page: EditionPage): string {
  return `${page}-${month}.pdf`;
}

/**
 * The PDFs' creation date: SOURCE_DATE_EPOCH (seconds since 1970) when given, so that two builds give the same bytes;
 * otherwise now.
 */
export function pdfDate(sourceDateEpoch = process.env.SOURCE_DATE_EPOCH): Date {
  if (sourceDateEpoch === undefined || sourceDateEpoch === "") return new Date(Math.floor(Date.now() / 1000) * 1000);
  if (!/^\d+$/.test(sourceDateEpoch)) {
    throw new Error(`SOURCE_DATE_EPOCH ska vara ett heltal (sekunder sedan 1970), inte "${sourceDateEpoch}".`);
  }
  return new Date(Number(sourceDateEpoch) * 1000);
}

export interface PdfOptions {
  /** Seconds since 1970 for the PDFs' dates; default env SOURCE_DATE_EPOCH, otherwise the time of writing. */
  sourceDateEpoch?: string;
}

export interface WrittenPdf {
  file: string;
  /** Captions of tables printed on a landscape page. */
  landscape: string[];
  /** The page is a draft: UTKAST on every page. */
  draft: boolean;
}

export interface PdfRenderer {
  /** Renders /<month>/<page> of the site into output. */
  render(month: string, page: EditionPage, output: string): Promise<WrittenPdf>;
  close(): Promise<void>;
}

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
const TEMPLATE_STYLE = `font-family: sans-serif; font-size: 8pt; color: #444; width: 100%; padding: 0 ${MARGIN_MM.left}mm;`;

function headerTemplate(title: string, draft: boolean): string {
  const mark = draft ? `<span style="font-weight: 700; color: #7c2d12;">${DRAFT_WATERMARK}</span>` : "";
  return (
    `<div style="${TEMPLATE_STYLE} display: flex; justify-content: space-between;">` +
    `<span>${escape(settings.municipality)} · ${escape(settings.administration)}</span>${mark}<span>${escape(title)}</span></div>`
  );
}

const FOOTER_TEMPLATE = `<div style="${TEMPLATE_STYLE} text-align: right;">sida <span class="pageNumber"></span> av <span class="totalPages"></span></div>`;

/**
 * Opens Chromium for rendering pages of a built site: `site` is a folder (served on loopback while the renderer is
 * open) or the base URL of a server that already serves it.
 */
export async function openPdfRenderer(
  site: string,
  options: PdfOptions & {browser?: Browser} = {}
): Promise<PdfRenderer> {
  const date = pdfDate(options.sourceDateEpoch);
  let server: Server | undefined;
  let base = site.replace(/\/+$/, "");
  if (!/^https?:\/\//.test(site)) ({server, url: base} = await serveStatic(site));
  // A browser passed in belongs to the caller, who closes it.
  const own = !options.browser;
  let browser: Browser;
  try {
    browser = options.browser ?? (await launchBrowser());
  } catch (error) {
    server?.close();
    throw error;
  }

  async function render(month: string, page: EditionPage, output: string): Promise<WrittenPdf> {
    const title = pdfTitle(month, page);
    // Laid out at the printed width from the start, so that charts are drawn at the size they are printed.
    const context = await browser.newContext({
      viewport: {width: Math.floor(PRINT_SIZES.portrait), height: Math.floor(PRINT_SIZES.height)}
    });
    try {
      const tab = await context.newPage();
      await tab.emulateMedia({media: "print"});
      const url = `${base}/${month}/${EDITION_PAGES[page].path}`;
      const response = await tab.goto(url, {waitUntil: "networkidle"});
      if (!response?.ok()) throw new Error(`Sidan ${url} gick inte att öppna (${response?.status() ?? "inget svar"}).`);
      await tab.waitForFunction(() => !document.querySelector(".observablehq--loading, .observablehq--pending"));
      await tab.evaluate((language) => document.documentElement.setAttribute("lang", language), PDF_LANGUAGE);
      const layout = await tab.evaluate(preparePrintLayout, PRINT_SIZES);
      if (layout.problems.length > 0) {
        throw new Error(
          `${pdfFileName(month, page)} skulle tappa innehåll på A4:\n  ${layout.problems.join("\n  ")}\n` +
            "Gör tabellen eller diagrammet smalare (kortare rubriker, färre kolumner) eller dela upp det."
        );
      }
      const printed = await tab.pdf({
        format: "A4",
        printBackground: true,
        tagged: true,
        outline: true,
        displayHeaderFooter: true,
        margin: {
          top: `${MARGIN_MM.top}mm`,
          right: `${MARGIN_MM.right}mm`,
          bottom: `${MARGIN_MM.bottom}mm`,
          left: `${MARGIN_MM.left}mm`
        },
        headerTemplate: headerTemplate(title, layout.draft),
        footerTemplate: FOOTER_TEMPLATE
      });
      const archival = await archivalPdf(printed, {
        title,
        author: settings.administration,
        subject: settings.committee,
        language: PDF_LANGUAGE,
        creator: PDF_CREATOR,
        date,
        headings: layout.headings
      });
      await writeFile(output, archival);
      return {file: output, landscape: layout.landscape, draft: layout.draft};
    } finally {
      await context.close();
    }
  }

  return {
    render,
    async close() {
      if (own) await browser.close();
      server?.close();
    }
  };
}

export interface PagePdfOptions extends PdfOptions {
  /** A built site folder, or the base URL of a server serving one. */
  site: string;
  month: string;
  page: EditionPage;
  output: string;
}

/** Renders one page of an edition (Nämndrapport or Tjänsteskrivelse) to an archival PDF at options.output. */
export async function renderPagePdf(options: PagePdfOptions): Promise<WrittenPdf> {
  const renderer = await openPdfRenderer(options.site, options);
  try {
    return await renderer.render(options.month, options.page, options.output);
  } finally {
    await renderer.close();
  }
}

/** Writes <dir>/<month>/namndrapport-<month>.pdf and tjansteskrivelse-<month>.pdf for each month. Returns the files. */
export async function writeEditionPdfs(
  dir: string,
  months: string[],
  log: (line: string) => void,
  options: PdfOptions = {}
): Promise<string[]> {
  if (months.length === 0) return [];
  const renderer = await openPdfRenderer(dir, options);
  const written: string[] = [];
  try {
    for (const month of months) {
      for (const page of Object.keys(EDITION_PAGES) as EditionPage[]) {
        log(`Skriver PDF ${pdfFileName(month, page)} …`);
        const result = await renderer.render(month, page, join(dir, month, pdfFileName(month, page)));
        for (const caption of result.landscape) log(`  Tabellen "${caption}" skrivs på en liggande sida.`);
        written.push(result.file);
      }
    }
  } finally {
    await renderer.close();
  }
  return written;
}
