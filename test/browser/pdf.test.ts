// The edition PDFs written by npm run build, checked as the diarium receives them: every table complete, tagged with
// bookmarks and language, PDF/A-2b metadata and output intent, embedded fonts, and the draft mark on every page.
// Expected tables come from the loader JSON in the built site, rendered by the same components as the page.
import "../components/dom.ts";
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, inject, test} from "vitest";
import {isEditionName} from "../../data-loaders/source-root.ts";
import {appendixTables, followUpTable} from "../../src/components/appendix.ts";
import {chartSummary} from "../../src/components/monthly-chart.ts";
import {formatMonth} from "../../src/lib/format.ts";
import {settings} from "../../src/lib/settings.ts";
import {
  bookmarks,
  collapse,
  pageTexts,
  pdfFonts,
  pdfInfo,
  qpdfJson,
  streamData,
  structureElements,
  textBoxes,
  visualLines,
  wrappedCells
} from "./pdf-tools.ts";

const site = inject("site");
const MONTHS = readdirSync(site).filter(isEditionName).sort();
const PAGES = [
  ["namndrapport", "Nämndrapport"],
  ["tjansteskrivelse", "Tjänsteskrivelse"]
] as const;
const ALL = MONTHS.flatMap((month) => PAGES.map(([page, kind]) => [month, page, kind] as const));
const pdf = (month: string, page: string) => join(site, month, `${page}-${month}.pdf`);
const project = JSON.parse(readFileSync("package.json", "utf8")) as {name: string; version: string};

/** A loader's output as the built site serves it (_file/<month>/data/<name>.<hash>.json). */
function loaderJson(month: string, name: string) {
  const dir = join(site, "_file", month, "data");
  const file = readdirSync(dir).find((f) => f.startsWith(`${name}.`) && f.endsWith(".json"));
  if (!file) throw new Error(`${name}.json saknas i ${dir}`);
  return JSON.parse(readFileSync(join(dir, file), "utf8"));
}

/** Caption, column headers and body rows (cells joined by spaces) of every table in an element. */
function tablesIn(element: Element) {
  return [...element.querySelectorAll("table")].map((table) => ({
    caption: collapse(table.caption?.textContent ?? ""),
    headers: [...table.querySelectorAll("thead th")].map((th) => collapse(th.textContent ?? "")),
    rows: [...table.querySelectorAll("tbody tr")].map((tr) =>
      [...tr.children].map((cell) => collapse(cell.textContent ?? "")).join(" ")
    )
  }));
}

describe("edition PDFs written by npm run build", () => {
  test("namndrapport-2023-11.pdf carries the KPI figures, running header and page numbers", () => {
    const text = collapse(pageTexts(pdf("2023-11", "namndrapport")).join("\n"));
    expect(text).toContain("22 632 677");
    expect(text).toMatch(/Föregående år 22 448 660/);
    expect(text).toContain("Nämndrapport november 2023");
    expect(text).toMatch(/sida 1 av \d+/);
  });

  test("tjansteskrivelse-2023-02.pdf carries the bound summary", () => {
    const text = collapse(pageTexts(pdf("2023-02", "tjansteskrivelse")).join("\n"));
    expect(text).toContain("Verksamhetsinformation 2023");
    expect(text).toMatch(/var vid februari 2023 10,7 %/);
  });

  test.each(MONTHS)(
    "namndrapport-%s.pdf shows every header and every cell of the appendix and follow-up tables",
    (month) => {
      const bilagor = appendixTables(loaderJson(month, "bilagor"));
      const tables = [
        ...tablesIn(bilagor.kontroller),
        ...tablesIn(bilagor.uppdrag),
        ...tablesIn(followUpTable(loaderJson(month, "uppfoljning")))
      ];
      expect(tables.map((t) => t.headers.length)).toEqual([6, 3, 5]);
      const {words} = textBoxes(pdf(month, "namndrapport"));
      const lines = visualLines(words);
      for (const table of tables) {
        // The header row lies between the caption and the first body row: its wrapped headers, left to right.
        const caption = lines.find((l) => l.text === table.caption);
        expect(caption, table.caption).toBeDefined();
        const first = lines.find((l) => l.page === caption!.page && l.yMin > caption!.yMax && l.text === table.rows[0]);
        expect(first, table.rows[0]).toBeDefined();
        expect(wrappedCells(words, caption!.page, caption!.yMax, first!.yMin)).toEqual(table.headers);
        // Every body row is one line of the page, all its cells from left to right and nothing else.
        const texts = new Set(lines.map((l) => l.text));
        expect(table.rows.filter((row) => !texts.has(row))).toEqual([]);
      }
    }
  );

  test.each(ALL)(
    "%s/%s: pdfinfo says tagged, A4, the exact title and the metadata from settings",
    (month, page, kind) => {
      const info = pdfInfo(pdf(month, page));
      expect(info.Tagged).toBe("yes");
      expect(info.Title).toBe(`${kind} ${formatMonth(month)}`);
      expect(info.Author).toBe(settings.administration);
      expect(info.Subject).toBe(settings.committee);
      expect(info.Creator).toBe(`${project.name} ${project.version}`);
      expect(info.Producer).toBe(`${project.name} ${project.version}`);
      expect(info["Metadata Stream"]).toBe("yes");
      expect(info.JavaScript).toBe("no");
      expect(info.Encrypted).toBe("no");
      const sizes = Object.entries(info).filter(([key]) => /^Page +\d+ size$/.test(key));
      expect(sizes).toHaveLength(Number(info.Pages));
      expect(sizes.filter(([, size]) => !size.endsWith("(A4)"))).toEqual([]);
    }
  );

  test("the 2023-11 titles are exactly Nämndrapport november 2023 and Tjänsteskrivelse november 2023", () => {
    expect(pdfInfo(pdf("2023-11", "namndrapport")).Title).toBe("Nämndrapport november 2023");
    expect(pdfInfo(pdf("2023-11", "tjansteskrivelse")).Title).toBe("Tjänsteskrivelse november 2023");
  });

  test.each(ALL)("%s/%s: pdffonts lists no font without its font program embedded", (month, page) => {
    const fonts = pdfFonts(pdf(month, page));
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => f.embedded !== "yes")).toEqual([]);
  });

  test.each(ALL)(
    "%s/%s: qpdf --json shows bookmarks, /Lang sv-SE, the sRGB output intent, a structure tree and a file ID",
    (month, page) => {
      const {catalog, resolve, trailer} = qpdfJson(pdf(month, page));
      const outlines = resolve(catalog["/Outlines"]) as Record<string, unknown>;
      expect(resolve(outlines["/First"])).toBeDefined();
      expect(catalog["/Lang"]).toBe("u:sv-SE");
      expect(catalog["/MarkInfo"]).toMatchObject({"/Marked": true});
      expect(resolve(catalog["/StructTreeRoot"])).toMatchObject({"/Type": "/StructTreeRoot"});
      const intents = catalog["/OutputIntents"] as Record<string, unknown>[];
      expect(intents).toHaveLength(1);
      expect(intents[0]).toMatchObject({
        "/Type": "/OutputIntent",
        "/S": "/GTS_PDFA1",
        "/OutputConditionIdentifier": "u:sRGB IEC61966-2.1"
      });
      const {objects} = qpdfJson(pdf(month, page));
      const profile = objects[`obj:${intents[0]["/DestOutputProfile"]}`] as {stream: {dict: Record<string, unknown>}};
      expect(profile.stream.dict["/N"]).toBe(3);
      expect(trailer["/ID"]).toHaveLength(2);
      expect(trailer["/Encrypt"]).toBeUndefined();
      // No JavaScript anywhere: no document-level scripts, no open or additional actions.
      const names = resolve(catalog["/Names"]) as Record<string, unknown> | undefined;
      expect(names?.["/JavaScript"]).toBeUndefined();
      expect(catalog["/OpenAction"]).toBeUndefined();
      expect(catalog["/AA"]).toBeUndefined();
      expect(JSON.stringify(objects)).not.toMatch(/"\/(JS|JavaScript)"/);
    }
  );

  test.each(ALL)(
    "%s/%s: the XMP metadata identifies PDF/A-2b with the same title, author and language",
    (month, page, kind) => {
      const file = pdf(month, page);
      const {catalog} = qpdfJson(file);
      const xmp = streamData(file, catalog["/Metadata"] as string);
      expect(xmp).toContain("<pdfaid:part>2</pdfaid:part>");
      expect(xmp).toContain("<pdfaid:conformance>B</pdfaid:conformance>");
      expect(xmp).toContain(`<rdf:li xml:lang="x-default">${kind} ${formatMonth(month)}</rdf:li>`);
      expect(xmp).toContain(`<dc:creator><rdf:Seq><rdf:li>${settings.administration}</rdf:li></rdf:Seq></dc:creator>`);
      expect(xmp).toContain("<dc:language><rdf:Bag><rdf:li>sv-SE</rdf:li></rdf:Bag></dc:language>");
      // The document information's creation date is the same instant as xmp:CreateDate.
      const created = /<xmp:CreateDate>(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)\+00:00<\/xmp:CreateDate>/.exec(xmp);
      expect(created).not.toBeNull();
      const {trailer, resolve} = qpdfJson(file);
      const info = resolve(trailer["/Info"]) as Record<string, string>;
      expect(info["/CreationDate"]).toBe(`u:D:${created!.slice(1).join("")}+00'00'`);
    }
  );

  test("namndrapport-2023-11.pdf: bookmarks are the page's headings, spaces and all, and charts keep their /Alt", () => {
    const file = pdf("2023-11", "namndrapport");
    const marks = bookmarks(file);
    expect(marks[0]).toEqual({title: "Nämndrapport för arbetsmarknadsnämndens verksamheter november 2023", depth: 0});
    expect(marks).toContainEqual({title: "Ekonomiskt bistånd", depth: 1});
    expect(marks).toContainEqual({title: "Kontroller och beslut", depth: 2});
    expect(marks).toContainEqual({
      title: "Långvariga hushåll med insats ekonomiskt bistånd (mer än två år)",
      depth: 2
    });
    // Every static section heading of the built page is a bookmark, in the page's order.
    const html = readFileSync(join(site, "2023-11", "index.html"), "utf8");
    const headings = [...html.matchAll(/<h[23][^>]*><a [^>]*>([^<]+)<\/a><\/h[23]>/g)].map(([, text]) => text);
    expect(headings.length).toBeGreaterThan(20);
    expect(marks.map((m) => m.title).filter((t) => headings.includes(t))).toEqual(headings);

    const elements = structureElements(file);
    expect(elements[0]).toMatchObject({type: "/Document", lang: "sv-SE"});
    const eb = loaderJson("2023-11", "ekonomiskt-bistand");
    const alts = elements.filter((e) => e.type === "/Figure").map((e) => collapse(e.alt ?? ""));
    expect(alts).toContain(collapse(chartSummary(eb.metrics.utbetalt)));
    expect(alts.filter((alt) => !alt)).toEqual([]);
    // Each chart's caption (definition, break notes) stays readable next to its /Alt.
    expect(elements.filter((e) => e.type === "/Caption").length).toBeGreaterThanOrEqual(alts.length);
  });

  test.each(ALL.filter(([month]) => month === "2023-11"))("%s/%s: a draft has UTKAST on every page", (month, page) => {
    const pages = pageTexts(pdf(month, page));
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.map((text, i) => (text.includes("UTKAST") ? "UTKAST" : `sida ${i + 1} saknar UTKAST`))).toEqual(
      pages.map(() => "UTKAST")
    );
  });
});
