// The built site as a reader uses it day to day: the archive's landing page (the newest published edition's headline
// cards from its record, the newest draft, every edition), Framework's search offline, and "Ladda ner" under a chart giving a valid SVG, PNG and CSV, hidden in
// print.
import {readdirSync, readFileSync} from "node:fs";
import type {Server} from "node:http";
import {join} from "node:path";
import {JSDOM} from "jsdom";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, test} from "vitest";
import {listEditions} from "../../data-loaders/editions.ts";
import {recordVersions} from "../../data-loaders/records.ts";
import {launchBrowser} from "../../scripts/lib/browser.ts";
import {serveStatic} from "../../scripts/lib/static-server.ts";
import {formatMonth} from "../../src/lib/format.ts";
import type {MetricResult} from "../../src/lib/metric-types.ts";
import {text, visitPage, type Visit} from "./visit.ts";

const site = inject("site");
const EDITIONS = readdirSync(site)
  .filter((name) => /^\d{4}-\d{2}$/.test(name))
  .sort()
  .reverse();
const MONTH = EDITIONS[0];

let server: Server;
let browser: Browser;
let visit: (path: string) => Promise<Visit>;

beforeAll(async () => {
  let base: string;
  ({server, url: base} = await serveStatic(site));
  browser = await launchBrowser();
  visit = (path) => visitPage(browser, base, path);
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

function loaderOutput(month: string, name: string): {metrics: Record<string, MetricResult>} {
  const dir = join(site, "_file", month, "data");
  const file = readdirSync(dir).find((f) => f.startsWith(`${name}.`) && f.endsWith(".json"))!;
  return JSON.parse(readFileSync(join(dir, file), "utf8"));
}

/** Clicks a download button and returns the file's name and bytes. */
async function download(page: Page, selector: string): Promise<{name: string; bytes: Buffer}> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.click(selector)]);
  const path = await file.path();
  return {name: file.suggestedFilename(), bytes: readFileSync(path)};
}

describe("the archive's landing page", () => {
  test("the newest published edition's headline cards from its record, the newest draft and every edition", async () => {
    const {page, consoleErrors, foreign} = await visit("/");
    const editions = listEditions("src");
    const published = editions.find((e) => e.status === "publicerad")!;
    const draft = editions.find((e) => e.status !== "publicerad")!;
    const record = recordVersions(published.month).at(-1)!;
    expect(await text(page, ".nr-headline h2")).toBe(`Nyckeltal ${formatMonth(published.month)}`);
    expect(await page.locator(".nr-headline .nr-kpi").count()).toBe(4);
    expect(await page.locator(".nr-headline-empty").count()).toBe(0);
    expect(await text(page, ".nr-headline-source")).toContain(
      `version ${record.version} (${record.provenance.published})`
    );
    const links = page.locator(".nr-latest a");
    expect(await links.allInnerTexts()).toEqual([
      `Senaste publicerade utgåvan: ${formatMonth(published.month)}`,
      `Nyaste utkastet: ${formatMonth(draft.month)}`
    ]);
    expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute("href")))).toEqual([
      `./${published.month}/`,
      `./${draft.month}/`
    ]);
    expect(await page.locator("table.nr-archive tbody tr").count()).toBe(EDITIONS.length);
    expect(consoleErrors).toEqual([]);
    expect(foreign).toEqual([]);
    await page.close();
  });

  test("search on a published edition's page finds every edition's letter, published ones and the draft", async () => {
    const published = listEditions("src").filter((e) => e.status === "publicerad");
    expect(published.length).toBeGreaterThan(0);
    const v = await visit(`/${published.at(-1)!.month}/`);
    await v.page.locator("#observablehq-search input").fill("tjänsteskrivelse");
    const results = v.page.locator("#observablehq-search-results a");
    await results.first().waitFor({timeout: 10_000});
    const links = await results.evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    for (const month of EDITIONS) expect(links.some((href) => href.includes(`${month}/tjansteskrivelse`))).toBe(true);
    expect(v.foreign).toEqual([]);
    expect(v.failed).toEqual([]);
    await v.page.close();
  });

  test("search finds an edition's page offline, with no request to another origin", async () => {
    const v = await visit("/");
    const box = v.page.locator("#observablehq-search input");
    expect(await box.getAttribute("placeholder")).toBe("Sök");
    await box.fill("tjänsteskrivelse");
    const results = v.page.locator("#observablehq-search-results a");
    await results.first().waitFor({timeout: 10_000});
    const links = await results.evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    expect(links.some((href) => href.includes(`${MONTH}/tjansteskrivelse`))).toBe(true);
    expect(v.foreign).toEqual([]);
    expect(v.failed).toEqual([]);
    await v.page.close();
  });
});

describe("chart downloads", () => {
  test("every chart of an edition has Ladda ner for SVG, PNG and CSV, hidden in print", async () => {
    const {page} = await visit(`/${MONTH}/`);
    const figures = await page.locator("figure.nr-monthly, figure.nr-breakdown:has(svg), figure.nr-grouped").count();
    expect(figures).toBeGreaterThan(10);
    expect(await page.locator(".nr-chart-actions").count()).toBe(figures);
    const buttons = page.locator(".nr-chart-actions button");
    expect(await buttons.evaluateAll((bs) => bs.map((b) => b.getAttribute("data-format")))).toEqual(
      Array.from({length: figures}, () => ["svg", "png", "csv"]).flat()
    );
    // Each button names its format and, for screen readers, its chart.
    expect(await buttons.nth(2).evaluate((b) => b.textContent?.replace(/\s+/g, " ").trim())).toMatch(
      /^Data \(CSV\) av diagrammet .+ per månad, /
    );
    await page.emulateMedia({media: "print"});
    expect(await page.locator(".nr-chart-actions").first().isVisible()).toBe(false);
    await page.close();
  });

  test("the SVG is a valid standalone image with the chart's title, legend and source line", async () => {
    const {page, foreign} = await visit(`/${MONTH}/`);
    const figure = `figure.nr-monthly[data-metric="utbetalt"]`;
    const {name, bytes} = await download(page, `${figure} button[data-format=svg]`);
    expect(name).toBe(`utbetalt-${MONTH}.svg`);
    const markup = bytes.toString("utf8");
    const doc = new JSDOM(markup, {contentType: "image/svg+xml"}).window.document;
    const root = doc.documentElement;
    expect(root.localName).toBe("svg");
    expect(root.querySelector(":scope > rect")?.getAttribute("fill")).toBe("white");
    const texts = [...root.querySelectorAll(":scope > text")].map((t) => t.textContent);
    expect(texts[0]).toMatch(/^Utbetalt ekonomiskt bistånd per månad, februari \d{4}–/);
    const source = texts.slice(texts.findIndex((t) => t?.startsWith("Källa:"))).join(" ");
    expect(source).toMatch(/^Källa: Arbetsmarknadsförvaltningen, Exempelkommun\. Verksamhetssystem: \S.*\.$/);
    expect(root.querySelectorAll(":scope > g text").length).toBeGreaterThanOrEqual(3);
    expect(root.querySelectorAll('svg g[aria-label="line"] path').length).toBeGreaterThan(0);
    expect(foreign).toEqual([]);
    await page.close();
  });

  test("the PNG is a valid image at twice the size with a white background and the drawing on it", async () => {
    const {page} = await visit(`/${MONTH}/`);
    const figure = `figure.nr-monthly[data-metric="utbetalningshushall"]`;
    const svg = await download(page, `${figure} button[data-format=svg]`);
    const width = Number(/<svg[^>]* width="(\d+)"/.exec(svg.bytes.toString("utf8"))?.[1]);
    const {name, bytes} = await download(page, `${figure} button[data-format=png]`);
    expect(name).toBe(`utbetalningshushall-${MONTH}.png`);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.subarray(12, 16).toString("latin1")).toBe("IHDR");
    expect(bytes.readUInt32BE(16)).toBe(width * 2);
    // Decoded by the browser: the corner is opaque white, and the drawing has dark pixels (text and lines).
    const pixels = await page.evaluate(async (base64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${base64}`;
      await img.decode();
      const canvas = document.createElement("canvas");
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const context = canvas.getContext("2d")!;
      context.drawImage(img, 0, 0);
      const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] + data[i + 1] + data[i + 2] < 200) dark++;
      return {corner: [...data.slice(0, 4)], dark};
    }, bytes.toString("base64"));
    expect(pixels.corner).toEqual([255, 255, 255, 255]);
    expect(pixels.dark).toBeGreaterThan(1000);
    await page.close();
  });

  test("the CSV is the chart's data for Swedish Excel: one row per month with the loader's values", async () => {
    const {page} = await visit(`/${MONTH}/`);
    const metric = loaderOutput(MONTH, "ekonomiskt-bistand").metrics.utbetalningshushall;
    const {name, bytes} = await download(
      page,
      `figure.nr-monthly[data-metric="utbetalningshushall"] button[data-format=csv]`
    );
    expect(name).toBe(`utbetalningshushall-${MONTH}.csv`);
    const csv = bytes.toString("utf8");
    expect(csv.startsWith("\ufeff")).toBe(true);
    const lines = csv.slice(1).split("\r\n").filter(Boolean);
    expect(lines[0].split(";").slice(0, 2)).toEqual(["Månad", "Hushåll"]);
    expect(lines).toHaveLength(metric.series.length + 1);
    const last = lines.at(-1)!.split(";");
    expect(last[1]).toBe(String(metric.value));
    expect(csv.slice(1).split("\r\n").at(-1)).toBe("");
    await page.close();
  });

  test("a breakdown's CSV has its categories and the total", async () => {
    const {page} = await visit(`/${MONTH}/`);
    const {bytes} = await download(page, `figure.nr-breakdown[data-metric="avslutsorsaker"] button[data-format=csv]`);
    const lines = bytes.toString("utf8").slice(1).split("\r\n").filter(Boolean);
    expect(lines[0]).toBe("Kategori;Antal");
    expect(lines.at(-1)).toMatch(/^Totalt;\d+$/);
    await page.close();
  });
});
