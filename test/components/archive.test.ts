// The archive's landing page parts: the newest published edition's headline cards with their trend lines, or a note
// while nothing is published; and the chart image that "Ladda ner" writes.
import "./dom.ts";
import {JSDOM} from "jsdom";
import {describe, expect, test} from "vitest";
import {latestHeadline, type ArchiveEdition} from "../../src/components/archive.ts";
import {chartSvg, sourceLine} from "../../src/components/chart-download.ts";
import {monthlyChart} from "../../src/components/monthly-chart.ts";
import {sparkline, sparklineSummary} from "../../src/components/sparkline.ts";
import {integration, utbetalt} from "./fixtures.ts";
import {text} from "./snapshot.ts";

const draft: ArchiveEdition = {month: "2023-11", status: "utkast", pages: {namndrapport: "./2023-11/"}};
const published: ArchiveEdition = {
  month: "2023-08",
  status: "publicerad",
  pages: {namndrapport: "./2023-08/"},
  headline: {
    version: 2,
    published: "2023-09-20",
    cards: [
      {title: "Utbetalt ekonomiskt bistånd", metric: utbetalt},
      {title: "Hushåll vid integrationsenheten", metric: integration}
    ]
  }
};

describe("latestHeadline", () => {
  test("with nothing published it says so and draws no card", () => {
    const node = latestHeadline([draft]);
    expect(node.querySelectorAll(".nr-kpi")).toHaveLength(0);
    expect(text(node)).toBe("Nyckeltalen för den senaste publicerade utgåvan visas här när en utgåva har publicerats.");
  });

  test("shows the newest published edition's cards, each with a trend line, and where they come from", () => {
    const node = latestHeadline([draft, published]);
    expect(text(node.querySelector("h2"))).toBe("Nyckeltal augusti 2023");
    const cards = [...node.querySelectorAll(".nr-kpi.nr-headline-card")];
    expect(cards).toHaveLength(2);
    expect(text(cards[0].querySelector(".nr-kpi-number"))).toBe("22 632 677");
    expect(cards[0].querySelector("svg.nr-sparkline")?.getAttribute("role")).toBe("img");
    expect(text(node.querySelector(".nr-headline-source"))).toContain("version 2 (2023-09-20)");
    expect(node.querySelector(".nr-headline-source a")?.getAttribute("href")).toBe("./2023-08/");
  });
});

describe("sparkline", () => {
  test("draws one line over the window, open at a gap, and names its first and last value", () => {
    const svg = sparkline(integration);
    const paths = svg.querySelectorAll('g[aria-label="line"] path');
    expect(paths).toHaveLength(1);
    // The two missing months split the line: two move-to commands.
    expect((paths[0].getAttribute("d")?.match(/M/g) ?? []).length).toBe(2);
    expect(sparklineSummary(utbetalt)).toMatch(
      /^Utbetalt ekonomiskt bistånd, utveckling februari 2021–november 2023: från [\d\u00a0]+\u00a0kr till 22\u00a0632\u00a0677\u00a0kr\.$/
    );
  });
});

describe("chartSvg", () => {
  test("is a standalone SVG with a white background, the title, the legend, the chart and the source line", () => {
    const figure = monthlyChart(utbetalt, {width: 640});
    const svg = figure.querySelector("svg.nr-plot") as SVGSVGElement;
    const image = chartSvg(svg, {
      title: "Utbetalt ekonomiskt bistånd per månad",
      source: sourceLine(["Treserva", "Lifecare"]),
      legend: [{label: "2023", color: "#004488"}]
    });
    // Parsed as XML, as an image viewer reads it: malformed markup throws.
    const doc = new JSDOM(image.markup, {contentType: "image/svg+xml"}).window.document;
    expect(doc.querySelector("parsererror")).toBeNull();
    const root = doc.documentElement;
    expect(root.namespaceURI).toBe("http://www.w3.org/2000/svg");
    expect(image.markup).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/
    );
    expect(Number(root.getAttribute("width"))).toBe(image.width);
    expect(image.width).toBe(640 + 32);
    const background = root.querySelector(":scope > rect");
    expect(background?.getAttribute("fill")).toBe("white");
    expect(background?.getAttribute("height")).toBe(String(image.height));
    const texts = [...root.querySelectorAll(":scope > text")].map((t) => t.textContent);
    expect(texts[0]).toBe("Utbetalt ekonomiskt bistånd per månad");
    // The source line wraps at the image's width; read together it is one sentence.
    const source = texts.slice(texts.findIndex((t) => t?.startsWith("Källa:"))).join(" ");
    expect(source).toBe("Källa: Arbetsmarknadsförvaltningen, Exempelkommun. Verksamhetssystem: Treserva och Lifecare.");
    expect(text(root.querySelector(":scope > g"))).toBe("2023");
    // The chart keeps its marks, with no CSS variable left that a standalone file could not resolve.
    const chart = root.querySelector(":scope > svg");
    expect(chart?.querySelectorAll('g[aria-label="line"] path').length).toBeGreaterThan(0);
    expect(image.markup).not.toContain("var(--");
  });
});
