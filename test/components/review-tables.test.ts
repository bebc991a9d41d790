// The review page's components: whether the edition itself is published, summary bullets that link to their rows,
// and the metric table's Förändring in per cent (a share's in procentenheter) with flagged rows highlighted.
import "./dom.ts";
import {describe, expect, test} from "vitest";
import {editionStatus, metricTable, reviewSummary} from "../../src/components/review-tables.ts";
import {sampleReview} from "../fixtures/review.ts";
import {text} from "./snapshot.ts";

describe("editionStatus", () => {
  test("a draft's review says its numbers are computed from the delivery", () => {
    expect(text(editionStatus(sampleReview()))).toBe(
      "Utgåvan är ett utkast: talen nedan räknas fram ur leverans 2023-12-05 varje gång sidan byggs."
    );
  });

  test("a published edition's review says so and links to what differs from its frozen values", () => {
    const review = sampleReview();
    review.publishedEditions.push({
      month: "2023-11",
      version: 1,
      published: "2023-12-14",
      delivery: "2023-12-05",
      deliveryAvailable: true,
      changes: 3
    });
    const node = editionStatus(review);
    expect(node.classList.contains("nr-review-published")).toBe(true);
    expect(text(node)).toBe(
      "Utgåvan är publicerad (version 1, 2023-12-14, leverans 2023-12-05). Dess tal är frysta; granskningen jämför dem med dagens beräkning på leverans 2023-12-05. 3 tal blir i dag andra än de publicerade."
    );
    expect(node.querySelector("a")?.getAttribute("href")).toBe("#publicerad-2023-11");
    review.publishedEditions.at(-1)!.changes = 0;
    expect(text(editionStatus(review))).toMatch(/Alla publicerade tal är desamma i dag\.$/);
  });
});

describe("reviewSummary and metricTable", () => {
  test("each summary bullet links to rows that exist, and flagged rows are highlighted", () => {
    const review = sampleReview();
    const page = document.createElement("div");
    for (const section of ["Ekonomiskt bistånd"] as const) page.append(metricTable(review, section));
    const summary = reviewSummary(review);
    const flagged = [...summary.querySelectorAll("li:first-child a")];
    expect(flagged.map((a) => [a.textContent, a.getAttribute("href")])).toEqual([
      ["Andel återaktualiserade, ekonomiskt bistånd", "#matt-ateraktualiserade_eb"]
    ]);
    expect(page.querySelector("tr#matt-ateraktualiserade_eb")?.className).toBe("nr-flagged");
    // A row with only a series break is marked more quietly; a row without flags not at all.
    expect(page.querySelector("tr#matt-aktuella_hushall")?.className).toBe("nr-noted");
    expect(page.querySelector("tr#matt-utbetalt")?.className).toBe("");
    expect(text(summary.querySelector("li:nth-child(5)"))).toBe(
      "1 publicerade utgåvor visar i dag andra tal: augusti 2023"
    );
  });

  test("Förändring shows per cent, and a share's change procentenheter", () => {
    const table = metricTable(sampleReview(), "Ekonomiskt bistånd");
    const cells = (id: string) => [...table.querySelectorAll(`tr#matt-${id} td`)].map((td) => text(td));
    expect(cells("utbetalt")[4]).toBe("+0,8 %");
    expect(cells("ateraktualiserade_eb")[4]).toBe("+4,6 procentenheter");
    expect(cells("aktuella_hushall")[4]).toBe("ej jämförbart");
  });
});
