import {execFileSync} from "node:child_process";
import {join} from "node:path";
import {describe, expect, inject, test} from "vitest";

const site = inject("site");

function pdfText(file: string): string {
  return execFileSync("pdftotext", ["-layout", file, "-"], {encoding: "utf8"}).replace(/[\u00a0\u202f]/g, " ");
}

describe("edition PDFs written by npm run build", () => {
  test("namndrapport-2023-11.pdf carries the KPI figures, running header and page numbers", () => {
    const text = pdfText(join(site, "2023-11", "namndrapport-2023-11.pdf"));
    expect(text).toContain("22 632 677");
    expect(text).toMatch(/Föregående år\s+22 448 660/);
    expect(text).toContain("Nämndrapport november 2023");
    expect(text).toMatch(/sida 1 av \d+/);
  });

  test("tjansteskrivelse-2023-02.pdf carries the bound summary", () => {
    const text = pdfText(join(site, "2023-02", "tjansteskrivelse-2023-02.pdf"));
    expect(text).toContain("Verksamhetsinformation 2023");
    expect(text).toMatch(/var vid februari 2023\s+10,7 %/);
  });
});
