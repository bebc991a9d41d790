// renderPagePdf on pages made of the real print stylesheet, tables and notices: a table too wide for portrait A4 gets
// a landscape page with every cell, content that cannot fit stops the PDF with a message naming it, and a corrected,
// published edition prints its correction and no UTKAST.
import "../components/dom.ts";
import {cp, mkdir, mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, inject, test} from "vitest";
import {renderPagePdf} from "../../scripts/lib/pdf.ts";
import {serveStatic} from "../../scripts/lib/static-server.ts";
import {dataTable} from "../../src/components/data-table.ts";
import {pageNotices} from "../../src/lib/notices.ts";
import {collapse, pageTexts, pdfInfo, textBoxes, visualLines} from "./pdf-tools.ts";

const site = inject("site");
const made: string[] = [];
afterAll(() => Promise.all(made.map((dir) => rm(dir, {recursive: true, force: true}))));

/** A fresh temporary folder, removed after the tests. */
async function temporary(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/**
 * A site with one page per month: the report stylesheet (with the font variable Framework's theme defines), the
 * page's notices in the header, body in main.
 */
async function fixtureSite(pages: Record<string, string>): Promise<string> {
  const dir = await temporary("namndrapport-pdf-");
  await cp("src/components/report.css", join(dir, "report.css"));
  for (const [month, body] of Object.entries(pages)) {
    const notices = pageNotices({path: `/${month}/`, data: {status: "utkast"}, synthetic: false});
    await mkdir(join(dir, month));
    await writeFile(
      join(dir, month, "index.html"),
      `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Prov</title>` +
        `<link rel="stylesheet" href="../report.css"><style>:root {--sans-serif: sans-serif;}</style></head><body>` +
        `<header id="observablehq-header">${notices}</header><main id="observablehq-main">${body}</main></body></html>`
    );
  }
  return dir;
}

/** A table of `columns` columns of seven-digit numbers, made by the report's dataTable. */
function wideTable(caption: string, columns: number): string {
  const keys = Array.from({length: columns}, (_, i) => `k${i}`);
  const rows = [1, 2, 3].map((r) => Object.fromEntries(keys.map((k, i) => [k, r * 1_000_000 + i * 1_111])));
  return dataTable(
    rows,
    keys.map((key, i) => ({key, label: `Kolumn ${i + 1}`, format: "integer" as const})),
    {caption, filename: "prov", rowHeaders: false}
  ).outerHTML;
}

describe("renderPagePdf", () => {
  test("renderPagePdf puts a table too wide for portrait A4 on a landscape page, with every cell", async () => {
    const dir = await fixtureSite({"2099-01": `<h1>Bilagor</h1><p>Text före.</p>${wideTable("Bred tabell", 11)}`});
    const output = join(dir, "bred.pdf");
    const result = await renderPagePdf({site: dir, month: "2099-01", page: "namndrapport", output});
    expect(result).toEqual({file: output, landscape: ["Bred tabell"], draft: true});

    const info = pdfInfo(output);
    expect(info.Pages).toBe("2");
    expect(info["Page    1 size"]).toMatch(/^595\.\d+ x 842\.\d+ pts/);
    expect(info["Page    2 size"]).toMatch(/^842\.\d+ x 595\.\d+ pts/);
    const lines = visualLines(textBoxes(output).words).map((l) => l.text);
    for (const r of [1, 2, 3]) {
      const cells = Array.from({length: 11}, (_, i) => collapse((r * 1_000_000 + i * 1_111).toLocaleString("sv-SE")));
      expect(lines).toContain(cells.join(" "));
    }
    expect(pageTexts(output).every((text) => text.includes("UTKAST"))).toBe(true);
  });

  test("renderPagePdf starts a table longer than a page right away and repeats its header row", async () => {
    const rows = Array.from({length: 70}, (_, i) => ({rad: `rad ${i + 1}`, varde: i * 7}));
    const columns = [
      {key: "rad", label: "Rad", format: "text" as const},
      {key: "varde", label: "Värde", format: "integer" as const}
    ];
    const table = dataTable(rows, columns, {caption: "Lång tabell", filename: "prov"}).outerHTML;
    const dir = await fixtureSite({"2099-03": `<h1>Lång bilaga</h1>${table}`});
    const output = join(dir, "lang.pdf");
    await renderPagePdf({site: dir, month: "2099-03", page: "namndrapport", output});
    const pages = pageTexts(output).map(collapse);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0]).toContain("Lång bilaga Lång tabell Rad Värde rad 1 0");
    for (const page of pages.slice(1)) expect(page).toMatch(/Rad Värde rad \d+/);
    const lines = visualLines(textBoxes(output).words).map((l) => l.text);
    expect(rows.filter((r) => !lines.includes(`${r.rad} ${collapse(r.varde.toLocaleString("sv-SE"))}`))).toEqual([]);
  });

  test("renderPagePdf refuses content that would be cut off, naming each piece", async () => {
    const dir = await fixtureSite({
      "2099-02":
        `<h1>Diagram</h1><svg width="600" height="40" style="overflow: visible">` +
        `<text x="560" y="20">Etikett som hamnar utanför sidan</text></svg>` +
        `<h2>Tabell</h2>${wideTable("Alldeles för bred tabell", 30)}`
    });
    const output = join(dir, "trasig.pdf");
    const rendering = renderPagePdf({site: dir, month: "2099-02", page: "namndrapport", output});
    await expect(rendering).rejects.toThrow(/namndrapport-2099-02\.pdf skulle tappa innehåll på A4/);
    await expect(rendering).rejects.toThrow(
      /Tabellen "Alldeles för bred tabell" är för bred även för en liggande A4-sida/
    );
    await expect(rendering).rejects.toThrow(/"Etikett som hamnar utanför sidan" under rubriken "Diagram" går utanför/);
    await expect(readFile(output)).rejects.toThrow(/ENOENT/);
  });

  test("renderPagePdf of a published, corrected edition (served by URL) prints the correction and no UTKAST", async () => {
    const copy = await temporary("namndrapport-rattad-");
    await cp(site, copy, {recursive: true});
    const page = join(copy, "2023-11", "tjansteskrivelse.html");
    const html = await readFile(page, "utf8");
    const notices = pageNotices({
      path: "/2023-11/tjansteskrivelse",
      data: {status: "publicerad", rattelser: [{datum: "2024-01-10", motivering: "Antalet nya hushåll var fel"}]},
      synthetic: true
    });
    const corrected = html.replace(
      /(<header id="observablehq-header">\s*<span class="nr-header">[^<]*<\/span>)[\s\S]*?(<\/header>)/,
      `$1${notices}$2`
    );
    expect(corrected).not.toBe(html);
    await writeFile(page, corrected);

    const {server, url} = await serveStatic(copy);
    try {
      const output = join(copy, "rattad.pdf");
      const result = await renderPagePdf({site: url, month: "2023-11", page: "tjansteskrivelse", output});
      expect(result.draft).toBe(false);
      const pages = pageTexts(output);
      expect(collapse(pages[0])).toContain("Rättad 2024-01-10: Antalet nya hushåll var fel");
      expect(pages.filter((text) => /UTKAST|Utkast/.test(text))).toEqual([]);
      expect(pdfInfo(output).Title).toBe("Tjänsteskrivelse november 2023");
    } finally {
      server.close();
    }
  });
});
