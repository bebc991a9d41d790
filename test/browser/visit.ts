// Opening a page of a built site in Chromium for the browser tests, recording what a reader would not see: console
// errors, failed requests and requests to another origin.
import type {Browser, Page} from "playwright-core";

export interface Visit {
  page: Page;
  consoleErrors: string[];
  failed: string[];
  foreign: string[];
}

/** Opens base+path at 1280 px and waits until Framework has rendered every cell. */
export async function visitPage(browser: Browser, base: string, path: string): Promise<Visit> {
  const context = await browser.newContext({viewport: {width: 1280, height: 900}});
  const page = await context.newPage();
  const visit: Visit = {page, consoleErrors: [], failed: [], foreign: []};
  page.on("console", (m) => m.type() === "error" && visit.consoleErrors.push(m.text()));
  page.on("pageerror", (e) => visit.consoleErrors.push(e.message));
  page.on("requestfailed", (r) => visit.failed.push(r.url()));
  page.on(
    "request",
    (r) =>
      !r.url().startsWith(base) &&
      !r.url().startsWith("data:") &&
      !r.url().startsWith("blob:") &&
      visit.foreign.push(r.url())
  );
  await page.goto(`${base}${path}`, {waitUntil: "networkidle"});
  // Framework renders cells asynchronously; wait until no cell is pending.
  await page.waitForFunction(() => !document.querySelector(".observablehq--loading, .observablehq--pending"));
  return visit;
}

/** Visible text with no-break spaces folded, as a reader sees it. */
export async function text(page: Page, selector = "main"): Promise<string> {
  return (await page.locator(selector).innerText()).replace(/[\u00a0\u202f]/g, " ");
}
