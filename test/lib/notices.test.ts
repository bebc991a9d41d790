import {describe, expect, test} from "vitest";
import {correctionsOf, pageNotices} from "../../src/lib/notices.ts";

describe("pageNotices({path, data, synthetic})", () => {
  test("pageNotices marks every page of a draft edition with the banner and the UTKAST watermark", () => {
    for (const path of ["/2023-11/", "/2023-11/tjansteskrivelse"]) {
      const html = pageNotices({path, data: {status: "utkast"}, synthetic: false});
      expect(html).toContain("Utkast – inte behandlat av nämnden");
      expect(html).toContain('<div class="nr-watermark" aria-hidden="true">UTKAST</div>');
    }
  });

  test("pageNotices treats a page without a status as a draft, but never the archive or the review page", () => {
    expect(pageNotices({path: "/2023-11/", data: {}, synthetic: false})).toContain("nr-notice-draft");
    expect(pageNotices({path: "/", data: {}, synthetic: false})).toBe("");
    expect(pageNotices({path: "/2023-11/granskning", data: {}, synthetic: false})).toBe("");
  });

  test("pageNotices shows each correction of a published edition and no draft banner", () => {
    const html = pageNotices({
      path: "/2023-08/",
      data: {status: "publicerad", rattelser: [{datum: "2026-12-02", motivering: "Nya hushåll <räknades> dubbelt"}]},
      synthetic: false
    });
    expect(html).not.toContain("nr-notice-draft");
    expect(html).toContain("Rättad 2026-12-02: Nya hushåll &lt;räknades&gt; dubbelt");
    const corrected = pageNotices({
      path: "/2023-08/tjansteskrivelse",
      data: {status: "publicerad", rattelser: [{datum: "2026-12-02", motivering: "x", version: 2}]},
      synthetic: false
    });
    expect(corrected).toContain('<a href="../2023-08-v1/tjansteskrivelse">Version 1</a> finns kvar i arkivet.');
  });

  test("pageNotices says on every page, the archive too, that synthetic figures are not real", () => {
    expect(pageNotices({path: "/", data: {}, synthetic: true})).toContain("Exempeldata – inte verkliga uppgifter");
    expect(pageNotices({path: "/2023-08/", data: {status: "publicerad"}, synthetic: false})).toBe("");
  });

  test("correctionsOf ignores malformed entries and keeps the date part", () => {
    expect(
      correctionsOf({
        rattelser: [
          {datum: "2026-12-02T10:00:00Z", motivering: "x"},
          {datum: new Date("2026-11-30"), motivering: "y"},
          {datum: 3},
          "text",
          null
        ]
      })
    ).toEqual([
      {datum: "2026-12-02", motivering: "x"},
      {datum: "2026-11-30", motivering: "y"}
    ]);
  });
});
