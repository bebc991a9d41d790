// The review page in a real browser: a single-edition build with --granskning, served on loopback. Its tables show
// the review loader's figures, the SQL panel runs DuckDB-wasm offline over the edition's aggregates, and the public
// build leaves the page out.
import AxeBuilder from "@axe-core/playwright";
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {mkdtemp} from "node:fs/promises";
import type {Server} from "node:http";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, test} from "vitest";
import type {Review} from "../../src/lib/review-types.ts";
import {launchBrowser} from "../../scripts/lib/browser.ts";
import {buildSite} from "../../scripts/lib/site-build.ts";
import {serveStatic} from "../../scripts/lib/static-server.ts";
import {formatInteger, formatKronor, formatSignedPercent, formatSignedPoints} from "../../src/lib/format.ts";
import {REVIEW_TABLES} from "../../src/lib/review-rows.ts";
import {text, visitPage, type Visit} from "./visit.ts";

const MONTH = "2023-11";
/** No-break spaces folded, as text() reads the page. */
const fold = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");
const PATH = `/${MONTH}/granskning`;

let site: string;
let server: Server;
let browser: Browser;
let visit: (path: string) => Promise<Visit>;

beforeAll(async () => {
  site = join(await mkdtemp(join(tmpdir(), "namndrapport-granskning-")), "ut");
  await buildSite({output: site, edition: MONTH, review: true, quiet: true, log: () => undefined});
  let base: string;
  ({server, url: base} = await serveStatic(site));
  browser = await launchBrowser();
  visit = (path) => visitPage(browser, base, path);
}, 600_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

function reviewJson(): Review {
  const dir = join(site, "_file", MONTH, "data");
  const file = readdirSync(dir).find((f) => f.startsWith("granskning.") && f.endsWith(".json"))!;
  return JSON.parse(readFileSync(join(dir, file), "utf8")) as Review;
}

/** Runs a query in the explore panel and returns the result's visible text. */
async function runQuery(v: Visit, sql: string): Promise<string> {
  const before = await v.page.locator(".nr-sql-result").innerText();
  await v.page.fill(".nr-sql-input", sql);
  await v.page.click(".nr-sql-form button[type=submit]");
  await v.page.waitForFunction(
    (previous) => {
      const now = document.querySelector(".nr-sql-result")?.textContent ?? "";
      return now !== previous && !now.includes("Kör frågan …");
    },
    before.replace(/\s+/g, " ")
  );
  return text(v.page, ".nr-sql-result");
}

describe("the public build", () => {
  test("has no review page and no link to one", () => {
    const publicSite = inject("site");
    const editions = readdirSync(publicSite).filter((name) => /^\d{4}-\d{2}$/.test(name));
    expect(editions.length).toBeGreaterThan(0);
    for (const month of editions) expect(existsSync(join(publicSite, month, "granskning.html"))).toBe(false);
    expect(readFileSync(join(publicSite, "index.html"), "utf8")).not.toContain("granskning");
  });
});

describe(`${PATH} (npm run build -- --utgava ${MONTH} --granskning)`, () => {
  test("loads with no console error, failed request or other origin, and the SQL panel is ready", async () => {
    const v = await visit(PATH);
    await v.page.waitForSelector(".nr-sql-summary", {timeout: 60_000});
    expect(v.consoleErrors).toEqual([]);
    expect(v.failed).toEqual([]);
    expect(v.foreign).toEqual([]);
    expect(await v.page.locator(".observablehq--error").count()).toBe(0);
    await v.page.close();
  });

  test("has no WCAG 2.1 A/AA violation (axe-core)", async () => {
    const {page} = await visit(PATH);
    await page.waitForSelector(".nr-sql-summary", {timeout: 60_000});
    const result = await new AxeBuilder({page}).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    await page.close();
  });

  test("the tables show the review loader's figures: utbetalt and every late registration", async () => {
    const review = reviewJson();
    const {page} = await visit(PATH);
    const utbetalt = review.metrics.find((m) => m.id === "utbetalt")!;
    const row = await text(page, `table:has(caption:text("Ekonomiskt bistånd")) tbody tr:first-child`);
    expect(row).toContain(utbetalt.label);
    expect(row).toContain(fold(formatKronor(utbetalt.value)));
    expect(review.lateRegistrations.length).toBeGreaterThan(0);
    const late = page.locator(`table:has(caption:text("Ändrade värden")) tbody tr`);
    expect(await late.count()).toBe(review.lateRegistrations.length);
    await page.close();
  });

  test("a SQL query over the aggregates gives the loader's value; a bad query a Swedish error", async () => {
    const review = reviewJson();
    const v = await visit(PATH);
    await v.page.waitForSelector(".nr-sql-summary", {timeout: 60_000});
    const result = await runQuery(
      v,
      `select varde from varden where matt_id = 'utbetalt' and manad = '${MONTH}' and kategori is null`
    );
    const utbetalt = review.metrics.find((m) => m.id === "utbetalt")!.value!;
    expect(result).toContain("1 rad");
    const cell = fold(await v.page.locator(".nr-sql-result tbody td").first().innerText());
    expect(Number(cell.replace(/ /g, "").replace(",", ".").replace("\u2212", "-"))).toBeCloseTo(utbetalt, 2);

    const count = await runQuery(v, "select count(*) as n from efterregistrering");
    expect(count).toContain(String(review.lateRegistrations.length));

    const error = await runQuery(v, "select * from finns_inte");
    expect(error).toContain("Frågan kunde inte köras:");
    expect(error).toContain("finns_inte");
    await v.page.close();
  });

  test("says the edition is a draft; the summary's bullets link to flagged rows, which are highlighted", async () => {
    const review = reviewJson();
    const {page} = await visit(PATH);
    expect(await text(page, ".nr-review-status")).toContain("Utgåvan är ett utkast");
    const flagged = review.metrics.filter((m) => m.flags.some((f) => f.kind !== "seriebrott"));
    expect(flagged.length).toBeGreaterThan(0);
    const links = page.locator(".nr-review-summary li:first-child a");
    expect(await links.allInnerTexts()).toEqual(flagged.map((m) => m.label));
    for (const m of flagged) {
      const row = page.locator(`tr#matt-${m.id}`);
      expect(await row.getAttribute("class")).toBe("nr-flagged");
    }
    const unflagged = review.metrics.find((m) => m.flags.length === 0)!;
    expect(await page.locator(`tr#matt-${unflagged.id}`).getAttribute("class")).toBeNull();
    // Following a link lands on the row.
    await links.first().click();
    expect(await page.evaluate(() => location.hash)).toBe(`#matt-${flagged[0].id}`);
    expect(await page.locator(`tr#matt-${flagged[0].id}`).isVisible()).toBe(true);
    // Hidden cells and data-quality warnings link to their rows too.
    for (const href of await page
      .locator(".nr-review-summary li a")
      .evaluateAll((as) => as.map((a) => a.getAttribute("href")))) {
      expect(await page.locator(`tr${href}, ${href}`).count(), href!).toBe(1);
    }
    await page.close();
  });

  test("Förändring shows per cent, and a share's change procentenheter", async () => {
    const review = reviewJson();
    const {page} = await visit(PATH);
    const utbetalt = review.metrics.find((m) => m.id === "utbetalt")!;
    const cells = (await page.locator("tr#matt-utbetalt td").allInnerTexts()).map(fold);
    expect(cells[2]).toBe(fold(formatSignedPercent(utbetalt.previousMonth.changeShare)));
    expect(cells[4]).toBe(fold(formatSignedPercent(utbetalt.previousYear.changeShare)));
    const share = review.metrics.find((m) => m.unit === "andel" && m.previousYear.comparable)!;
    const shareCells = (await page.locator(`tr#matt-${share.id} td`).allInnerTexts()).map(fold);
    expect(shareCells[4]).toBe(fold(formatSignedPoints(share.previousYear.change)));
    expect(shareCells[4]).toMatch(/procentenheter$/);
    await page.close();
  });

  test("the SQL panel lists every table's Swedish columns and starts with the four headline metrics by unit", async () => {
    const review = reviewJson();
    const v = await visit(PATH);
    await v.page.waitForSelector(".nr-sql-summary", {timeout: 60_000});
    // The list is in a closed <details>: read it as a screen reader would after opening it.
    for (const [name, table] of Object.entries(REVIEW_TABLES)) {
      const listed = await v.page
        .locator(`.nr-sql-tables dt:has(code:text-is("${name}")) + dd .nr-sql-columns code`)
        .evaluateAll((codes) => codes.map((c) => c.textContent));
      expect(listed).toEqual(Object.keys(table.columns));
    }
    const rows = v.page.locator(".nr-sql-result tbody tr");
    expect(await rows.count()).toBe(4);
    const headers = await v.page.locator(".nr-sql-result thead th").allInnerTexts();
    const first = (await rows.nth(0).locator("td").allInnerTexts()).map(fold);
    const second = (await rows.nth(1).locator("td").allInnerTexts()).map(fold);
    const m = (id: string) => review.metrics.find((r) => r.id === id)!;
    expect(first[0]).toBe(m("utbetalt").label);
    expect(first[headers.indexOf("varde")]).toBe(fold(formatKronor(m("utbetalt").value)));
    // A count as a whole number: "2 122", not "2 122,00".
    expect(second[0]).toBe(m("utbetalningshushall").label);
    expect(second[headers.indexOf("varde")]).toBe(fold(formatInteger(m("utbetalningshushall").value)));
    expect(second[headers.indexOf("forandring_ar_procent")]).toBe(
      fold(formatSignedPercent(m("utbetalningshushall").previousYear.changeShare))
    );
    await v.page.close();
  });

  test("a query error shows DuckDB's message once in a monospace block", async () => {
    const v = await visit(PATH);
    await v.page.waitForSelector(".nr-sql-summary", {timeout: 60_000});
    await runQuery(v, "select varde from matt where matt_id = 'utbetalt'\n  and manad = 'x' and finns_inte = 1");
    const block = v.page.locator(".nr-sql-error pre");
    expect(await block.count()).toBe(1);
    expect(await block.evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(/monospace/);
    const message = await block.innerText();
    expect(message).toContain("finns_inte");
    expect(message.match(/LINE \d+:/g)?.length ?? 0).toBeLessThanOrEqual(1);
    await v.page.close();
  });

  test("a query needing an extension or another server says in Swedish it is offline, and nothing is requested", async () => {
    const v = await visit(PATH);
    await v.page.waitForSelector(".nr-sql-summary", {timeout: 60_000});
    const json = await runQuery(v, `select json_extract('{"a": 1}', '$.a') as a`);
    expect(json).toContain("Frågan kunde inte köras:");
    expect(json).toContain(
      "Funktionen json_extract kräver DuckDB-tillägget json, som inte finns här: granskningssidan fungerar offline och hämtar inga tillägg från internet."
    );
    expect(await runQuery(v, "load json")).toContain("Frågan kräver ett DuckDB-tillägg, som inte finns här");
    expect(await runQuery(v, "select * from read_csv('https://example.com/data.csv')")).toContain(
      "Frågan kunde inte köras:"
    );
    expect(await runQuery(v, "set enable_external_access = true")).toContain("Frågan kunde inte köras:");
    expect(await runQuery(v, "select count(*) as n from matt")).toContain("1 rad");
    expect(v.foreign).toEqual([]);
    expect(v.failed).toEqual([]);
    await v.page.close();
  });
});
