// The benchmark's figures for a built site: what one edition page weighs over the wire (gzip) and how long its PDFs
// take. Both read a site that `npm run build` has already made; neither depends on the size of the deliveries.
import {mkdtemp, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {gzipSync} from "node:zlib";
import {launchBrowser} from "../lib/browser.ts";
import {EDITION_PAGES, openPdfRenderer, type EditionPage} from "../lib/pdf.ts";
import {serveStatic} from "../lib/static-server.ts";

export interface PageWeight {
  requests: number;
  bytes: number;
  gzipBytes: number;
}

/** Everything the edition page loads from the site (HTML, scripts, styles, data files), raw and gzipped. */
export async function pageWeight(site: string, month: string): Promise<PageWeight> {
  const {server, url} = await serveStatic(site);
  const browser = await launchBrowser();
  try {
    const tab = await browser.newPage();
    const bodies: Promise<Buffer | null>[] = [];
    tab.on("response", (response) => bodies.push(response.body().catch(() => null)));
    await tab.goto(`${url}/${month}/`, {waitUntil: "networkidle"});
    const loaded = (await Promise.all(bodies)).filter((b): b is Buffer => b !== null);
    return {
      requests: loaded.length,
      bytes: loaded.reduce((sum, b) => sum + b.length, 0),
      gzipBytes: loaded.reduce((sum, b) => sum + gzipSync(b, {level: 9}).length, 0)
    };
  } finally {
    await browser.close();
    server.close();
  }
}

/** Seconds to render both PDFs of an edition (into a temporary folder), the browser start included. */
export async function pdfSeconds(site: string, month: string): Promise<number> {
  const out = await mkdtemp(join(tmpdir(), "namndrapport-bench-pdf-"));
  const started = performance.now();
  const renderer = await openPdfRenderer(site);
  try {
    for (const page of Object.keys(EDITION_PAGES) as EditionPage[]) {
      await renderer.render(month, page, join(out, `${page}.pdf`));
    }
  } finally {
    await renderer.close();
    await rm(out, {recursive: true, force: true});
  }
  return (performance.now() - started) / 1000;
}
