// The built site in a real browser (Debian's Chromium through playwright-core), served on loopback like a web server.
import AxeBuilder from "@axe-core/playwright";
import {readdirSync, readFileSync} from "node:fs";
import type {Server} from "node:http";
import {join} from "node:path";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, test} from "vitest";
import {listEditions} from "../../data-loaders/editions.ts";
import {recordVersions} from "../../data-loaders/records.ts";
import {launchBrowser} from "../../scripts/lib/browser.ts";
import {serveStatic} from "../../scripts/lib/static-server.ts";
import {formatInteger, formatKronor, formatPercent} from "../../src/lib/format.ts";
import {text, visitPage, type Visit} from "./visit.ts";

const site = inject("site");
const EDITIONS = readdirSync(site).filter((name) => /^\d{4}-\d{2}$/.test(name));
// Older versions of corrected editions stay on the site at /<YYYY-MM>-v<N>/.
const OLDER = readdirSync(site).filter((name) => /^\d{4}-\d{2}-v\d+$/.test(name));
const PAGES = ["/", ...[...EDITIONS, ...OLDER].flatMap((m) => [`/${m}/`, `/${m}/tjansteskrivelse`])];

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

/** The loader output a built edition page reads, from dist's _file folder. */
function loaderOutput(month: string, name: string): Record<string, unknown> {
  const dir = join(site, "_file", month, "data");
  const file = readdirSync(dir).find((f) => f.startsWith(`${name}.`) && f.endsWith(".json"));
  if (!file) throw new Error(`${name}.json saknas i ${dir}`);
  return JSON.parse(readFileSync(join(dir, file), "utf8"));
}

describe("every page of the built site", () => {
  test.each(PAGES)("%s loads with no console error, failed request or other origin", async (path) => {
    const {page, consoleErrors, failed, foreign} = await visit(path);
    expect(consoleErrors).toEqual([]);
    expect(failed).toEqual([]);
    expect(foreign).toEqual([]);
    expect(await page.locator(".observablehq--error").count()).toBe(0);
    await page.close();
  });

  test.each(PAGES)("%s has no WCAG 2.1 A/AA violation (axe-core)", async (path) => {
    const {page} = await visit(path);
    const result = await new AxeBuilder({page}).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    await page.close();
  });
});

describe("the archive page", () => {
  test("lists every edition of src/ with its status, the published ones with every version's pages", async () => {
    const {page} = await visit("/");
    const editions = listEditions("src");
    expect(editions.map((e) => e.month).sort()).toEqual([...EDITIONS].sort());
    const rows = page.locator("table.nr-archive tbody tr");
    expect(await rows.count()).toBe(editions.length);
    for (const [i, edition] of editions.entries()) {
      const row = rows.nth(i);
      expect(await row.locator(`a[href="./${edition.month}/"]`).count()).toBe(1);
      const status = await row.locator(".nr-status").innerText();
      if (edition.status === "publicerad") {
        const versions = recordVersions(edition.month);
        expect(status).toBe(versions.length > 1 ? "Rättad" : "Publicerad");
        for (const v of versions.slice(0, -1)) {
          expect(await row.locator(`a[href="./${edition.month}-v${v.version}/"]`).count()).toBe(1);
        }
      } else {
        expect(status).toBe("Utkast");
      }
    }
    await page.close();
  });
});

describe("edition pages", () => {
  test.each(EDITIONS)("every chart of %s rendered as an SVG with marks", async (month) => {
    const {page} = await visit(`/${month}/`);
    const figures = page.locator("main figure");
    expect(await figures.count()).toBeGreaterThan(10);
    const empty = await page.$$eval(
      "main figure",
      (els) => els.filter((el) => !el.querySelector("svg path, svg rect, svg circle, svg line")).length
    );
    expect(empty).toBe(0);
    await page.close();
  });

  test("the 2023-11 KPI card shows 22 632 677 and last year 22 448 660", async () => {
    const {page} = await visit("/2023-11/");
    const kpis = await text(page, ".nr-kpis");
    expect(kpis).toContain("22 632 677");
    expect(kpis).toMatch(/Föregående år\s*22 448 660/);
    expect(kpis).toContain("uppgift saknas");
    await page.close();
  });

  test.each(EDITIONS)("the KPI values of %s equal the loader output", async (month) => {
    const eb = loaderOutput(month, "ekonomiskt-bistand") as {metrics: Record<string, {value: number | null}>};
    const am = loaderOutput(month, "arbetsmarknad") as {metrics: Record<string, {value: number | null}>};
    const {page} = await visit(`/${month}/`);
    const kpis = await text(page, ".nr-kpis");
    for (const value of [
      eb.metrics.utbetalt.value,
      eb.metrics.utbetalningshushall.value,
      am.metrics.am_inskrivna.value
    ]) {
      expect(kpis).toContain(formatInteger(value).replace(/\u00a0/g, " "));
    }
    await page.close();
  });

  test("the 2023-08 edition has the vux section with Totalt 3 069 unika elever, 2023-11 has none", async () => {
    const august = await visit("/2023-08/");
    expect(await text(august.page)).toContain("Totalt 3 069 unika elever 2023-08-31");
    await august.page.close();
    const november = await visit("/2023-11/");
    expect(await text(november.page)).not.toMatch(/unika elever/);
    expect(await november.page.locator("h2", {hasText: "vuxenutbildning"}).count()).toBe(0);
    await november.page.close();
  });

  test("every figure in the 2023-02 Sammanfattning equals the loader output it is bound to", async () => {
    const eb = loaderOutput("2023-02", "ekonomiskt-bistand") as {metrics: Record<string, {value: number}>};
    const am = loaderOutput("2023-02", "arbetsmarknad") as {metrics: Record<string, {value: number}>};
    const {page} = await visit("/2023-02/tjansteskrivelse");
    const summary = await text(page, "main ul");
    const m = {...eb.metrics, ...am.metrics};
    const fold = (s: string) => s.replace(/\u00a0/g, " ");
    expect(summary).toContain(fold(formatKronor(m.utbetalt.value)));
    expect(summary).toContain(`var vid februari 2023 ${fold(formatPercent(m.ateraktualiserade_eb.value))}`);
    expect(fold(formatPercent(m.ateraktualiserade_eb.value))).toBe("10,7 %");
    for (const id of [
      "hushall_insats",
      "langvariga",
      "am_inskrivna",
      "integration",
      "nya_insatser",
      "am_nya",
      "avslutade_insatser",
      "am_avslutade"
    ]) {
      expect(summary, id).toContain(fold(formatInteger(m[id].value)));
    }
    // Every number in the bullets is one of the bound values (no retyped figures).
    const bound = new Set(
      Object.values(m).flatMap(
        (x: {
          value: number;
          previousMonth?: {value: number; change: number};
          previousYear?: {value: number; change: number};
        }) =>
          [x.value, x.previousMonth?.value, x.previousYear?.value, x.previousMonth?.change, x.previousYear?.change]
            .filter((v): v is number => typeof v === "number")
            .map((v) => fold(formatInteger(Math.abs(v))))
      )
    );
    const numbers = summary.replace(/\d+(,\d+)?\s?%/g, "").match(/\d{1,3}(?: \d{3})+|\b\d{2,}\b/g) ?? [];
    const years = new Set(["2021", "2022", "2023"]);
    expect(numbers.filter((n) => !years.has(n) && !bound.has(n))).toEqual([]);
    await page.close();
  });
});
