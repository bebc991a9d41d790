// PDFs of an edition for the committee's records: Chromium's print engine over the built pages, A4, with a running
// header (municipality, "Nämndrapport <månad år>") and "sida x av y" in the footer. The print stylesheet keeps charts
// whole and drops navigation.
import {join} from "node:path";
import {formatMonth} from "../../src/lib/format.ts";
import {settings} from "../../src/lib/settings.ts";
import {launchBrowser} from "./browser.ts";
import {serveStatic} from "./static-server.ts";

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** Writes <dir>/<month>/namndrapport-<month>.pdf and tjansteskrivelse-<month>.pdf for each month. Returns the files. */
export async function writeEditionPdfs(dir: string, months: string[], log: (line: string) => void): Promise<string[]> {
  if (months.length === 0) return [];
  const {server, url} = await serveStatic(dir);
  const browser = await launchBrowser();
  const written: string[] = [];
  try {
    for (const month of months) {
      for (const [page, name] of [
        ["", "namndrapport"],
        ["tjansteskrivelse", "tjansteskrivelse"]
      ] as const) {
        log(`Skriver PDF ${name}-${month}.pdf …`);
        const context = await browser.newContext();
        const tab = await context.newPage();
        await tab.goto(`${url}/${month}/${page}`, {waitUntil: "networkidle"});
        await tab.waitForFunction(() => !document.querySelector(".observablehq--loading, .observablehq--pending"));
        await tab.emulateMedia({media: "print"});
        const title = `${name === "namndrapport" ? "Nämndrapport" : "Tjänsteskrivelse"} ${formatMonth(month)}`;
        const style = "font-family: sans-serif; font-size: 8pt; color: #444; width: 100%; padding: 0 15mm;";
        const file = join(dir, month, `${name}-${month}.pdf`);
        await tab.pdf({
          path: file,
          format: "A4",
          printBackground: true,
          displayHeaderFooter: true,
          margin: {top: "20mm", bottom: "18mm", left: "15mm", right: "15mm"},
          headerTemplate: `<div style="${style} display: flex; justify-content: space-between;"><span>${escape(settings.municipality)} · ${escape(settings.administration)}</span><span>${escape(title)}</span></div>`,
          footerTemplate: `<div style="${style} text-align: right;">sida <span class="pageNumber"></span> av <span class="totalPages"></span></div>`
        });
        written.push(file);
        await context.close();
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  return written;
}
