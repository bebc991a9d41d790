// A site built from the synthetic sample says so on every page and in every PDF, from the sample's manifests
// ("synthetic": true), so that its figures are never taken for real ones.
import {execFileSync} from "node:child_process";
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, inject, test} from "vitest";
import {exportsRoot, isSyntheticExports, listDeliveries} from "../../data-loaders/deliveries.ts";
import {SYNTHETIC_NOTICE} from "../../src/lib/notices.ts";

const site = inject("site");

function files(dir: string, ending: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((entry) =>
    entry.isDirectory()
      ? files(join(dir, entry.name), ending)
      : entry.name.endsWith(ending)
        ? [join(dir, entry.name)]
        : []
  );
}

describe("a site built from the sample", () => {
  test("the sample's manifests say they are synthetic", () => {
    const deliveries = listDeliveries(exportsRoot());
    expect(deliveries.length).toBeGreaterThan(0);
    for (const delivery of deliveries) {
      const manifest = JSON.parse(readFileSync(join(exportsRoot(), delivery, "manifest.json"), "utf8"));
      expect(manifest.synthetic, delivery).toBe(true);
    }
    expect(isSyntheticExports(exportsRoot())).toBe(true);
  });

  test(`every page says "${SYNTHETIC_NOTICE}"`, () => {
    const pages = files(site, ".html");
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) expect(readFileSync(page, "utf8"), page).toContain(SYNTHETIC_NOTICE);
  });

  test(`every PDF says "${SYNTHETIC_NOTICE}" on its first page`, () => {
    const pdfs = files(site, ".pdf");
    expect(pdfs.length).toBeGreaterThan(0);
    for (const pdf of pdfs) {
      const first = execFileSync("pdftotext", ["-f", "1", "-l", "1", pdf, "-"], {encoding: "utf8"});
      expect(first, pdf).toContain(SYNTHETIC_NOTICE);
    }
  });
});
