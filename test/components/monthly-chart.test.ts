import "./dom.ts";
import {describe, expect, test} from "vitest";
import {breakLabel, chartPoints, chartSummary, monthlyChart} from "../../src/components/monthly-chart.ts";
import {YEAR_COLORS} from "../../src/components/palette.ts";
import {aktuellaHushall, ateraktualiserade, hushallInsats, integration, utbetalt} from "./fixtures.ts";
import {attr, expectSnapshot, text} from "./snapshot.ts";

type ScaledSvg = SVGSVGElement & {scale(name: string): {apply(value: number): number}};

function plotOf(figure: HTMLElement): ScaledSvg {
  return figure.querySelector("svg.nr-plot") as ScaledSvg;
}

/** Every [x, y] a line path passes through (Plot writes M/L commands with absolute coordinates). */
function linePoints(svg: Element): [number, number][] {
  return [...svg.querySelectorAll('g[aria-label="line"] path')].flatMap((path) =>
    [...(path.getAttribute("d") ?? "").matchAll(/[ML]([-\d.]+),([-\d.]+)/g)].map((m): [number, number] => [
      Number(m[1]),
      Number(m[2])
    ])
  );
}

/** The centre of every dot (symbols are paths moved with translate(x,y)). */
function dotPoints(svg: Element): [number, number][] {
  return [...svg.querySelectorAll('g[aria-label="dot"] path')].map((path): [number, number] => {
    const m = /translate\(([-\d.]+),([-\d.]+)\)/.exec(path.getAttribute("transform") ?? "");
    return [Number(m?.[1]), Number(m?.[2])];
  });
}

/** The y of a text's top edge: its own and its group's translate (Plot draws text with lineAnchor top). */
function top(node: Element | null | undefined): number {
  const ty = (el: Element | null | undefined) =>
    Number(/translate\([-\d.]+,([-\d.]+)\)/.exec(el?.getAttribute("transform") ?? "")?.[1] ?? 0);
  return ty(node) + ty(node?.parentElement);
}

describe("monthlyChart", () => {
  test("monthlyChart(metric) draws no point and no line at zero for a gap month", () => {
    const svg = plotOf(monthlyChart(integration, {width: 640}));
    const y0 = svg.scale("y").apply(0);
    const x = svg.scale("x");
    expect(linePoints(svg).length).toBeGreaterThan(20);
    expect(linePoints(svg).some(([, y]) => Math.abs(y - y0) < 0.5)).toBe(false);
    expect(dotPoints(svg).some(([, y]) => Math.abs(y - y0) < 0.5)).toBe(false);
    // One dot per month with a value: 34 months in the window, two of them missing.
    expect(dotPoints(svg)).toHaveLength(integration.series.length - 2);
    // November: 2021 and 2023 only; December: 2021 only (2022 is the gap, 2023 ends in November).
    const at = (month: number) => dotPoints(svg).filter(([px]) => Math.abs(px - x.apply(month)) < 0.5).length;
    expect(at(11)).toBe(2);
    expect(at(12)).toBe(1);
  });

  test("monthlyChart(metric) labels a gap and marks its months in the colour of its year", () => {
    const figure = monthlyChart(integration, {width: 640});
    const svg = plotOf(figure);
    expect(text(svg)).toContain("Uppgift saknas nov–dec 2022");
    const strips = svg.querySelectorAll('g[aria-label="rect"] rect');
    expect(strips).toHaveLength(1);
    expect(strips[0].closest("g")?.getAttribute("fill")).toBe(YEAR_COLORS[1]);
    const x = svg.scale("x");
    expect(Number(strips[0].getAttribute("x"))).toBeCloseTo(x.apply(10.5), 5);
    expect(Number(strips[0].getAttribute("width"))).toBeCloseTo(x.apply(12.5) - x.apply(10.5), 5);
    // A strip along the bottom, not a bar from zero: 6 px high.
    expect(Number(strips[0].getAttribute("height"))).toBe(6);
    expect(text(figure.querySelector("figcaption"))).toContain("Uppgift saknas nov–dec 2022.");
  });

  test("monthlyChart(metric) marks a non-comparable break with a dashed rule and a label", () => {
    const figure = monthlyChart(hushallInsats, {width: 640});
    const svg = plotOf(figure);
    const rule = svg.querySelector('g[aria-label="rule"][stroke-dasharray="6,4"] line');
    expect(rule).not.toBeNull();
    // Between September and October.
    expect(Number(rule?.getAttribute("x1"))).toBeCloseTo(svg.scale("x").apply(9.5), 5);
    expect(text(svg)).toContain("Byte till Lifecare okt 2022");
    expect(text(figure.querySelector(".nr-break-ej_jamforbar"))).toContain("inte jämförbara");
    expect(text(figure.querySelector(".nr-legend"))).toContain("Före okt 2022: ej jämförbart");
  });

  test("monthlyChart(metric) draws a noted break as a dotted rule", () => {
    const svg = plotOf(monthlyChart(utbetalt, {width: 640}));
    expect(svg.querySelector('g[aria-label="rule"][stroke-dasharray="2,3"] line')).not.toBeNull();
    expect(svg.querySelector('g[aria-label="rule"][stroke-dasharray="6,4"] line')).toBeNull();
    expect(text(svg)).toContain("Byte till Lifecare okt 2022");
  });

  test("monthlyChart(metric) labels its chart image with the latest value and the same month last year", () => {
    const figure = monthlyChart(utbetalt, {width: 640});
    expect(figure.tagName).toBe("FIGURE");
    // The label sits on the chart, not the figure: in the tagged PDF a figure's /Alt would hide its caption.
    expect(figure.getAttribute("role")).toBe("group");
    expect(figure.hasAttribute("aria-label")).toBe(false);
    expect(plotOf(figure).getAttribute("role")).toBe("img");
    // Plot's named marks are hidden: the image's label speaks for the drawing (axe: no aria-label on a bare <g>).
    expect(plotOf(figure).querySelectorAll(':scope > g:not([aria-hidden="true"])')).toHaveLength(0);
    expect(attr(plotOf(figure), "aria-label")).toBe(
      "Utbetalt ekonomiskt bistånd per månad, februari 2021–november 2023. November 2023: 22 632 677 kr. " +
        "November 2022: 22 448 660 kr. Byte till Lifecare oktober 2022."
    );
  });

  test("chartSummary(metric) says when last year is not comparable and names the gap", () => {
    const summary = chartSummary(integration).replace(/\u00a0/g, " ");
    expect(summary).toContain("November 2023: 320 hushåll.");
    expect(summary).toContain("November 2022: uppgift saknas (inte jämförbart).");
    expect(summary).toContain("Uppgift saknas november–december 2022.");
  });

  test("monthlyChart(metric) shows kronor ticks in millions and Swedish month names", () => {
    const svg = plotOf(monthlyChart(utbetalt, {width: 640}));
    const ticks = [...svg.querySelectorAll('g[aria-label="y-axis tick label"] text')].map((t) => text(t));
    expect(ticks).toContain("20 mnkr");
    expect(ticks).toContain("0 mnkr");
    const months = [...svg.querySelectorAll('g[aria-label="x-axis tick label"] text')].map((t) => text(t));
    expect(months).toEqual(["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]);
  });

  test("monthlyChart(metric) shows shares with a per cent axis", () => {
    const svg = plotOf(monthlyChart(ateraktualiserade, {width: 640}));
    const ticks = [...svg.querySelectorAll('g[aria-label="y-axis tick label"] text')].map((t) => text(t));
    expect(ticks).toContain("10 %");
  });

  test("monthlyChart(metric) gives each year a colour and emphasises the latest year", () => {
    const figure = monthlyChart(utbetalt, {width: 640});
    const lines = [...plotOf(figure).querySelectorAll('g[aria-label="line"] path')];
    const widthOf = (color: string) =>
      lines.filter((l) => l.getAttribute("stroke") === color).map((l) => l.closest("g")?.getAttribute("stroke-width"));
    expect(widthOf(YEAR_COLORS[0])).toEqual(["3"]);
    expect(widthOf(YEAR_COLORS[1])).toEqual(["1.75"]);
    expect(widthOf(YEAR_COLORS[2])).toEqual(["1.75"]);
    expect(text(figure.querySelector(".nr-legend"))).toBe("2023 2022 2021");
  });

  test("monthlyChart(metric) offers the data as a table under Visa som tabell", () => {
    const figure = monthlyChart(integration, {width: 640});
    const details = figure.querySelector("details");
    expect(text(details?.querySelector("summary"))).toBe("Visa som tabell");
    const rows = [...(details?.querySelectorAll("tbody tr") ?? [])];
    expect(rows).toHaveLength(integration.series.length);
    const november = rows.find((r) => text(r.querySelector("th")) === "november 2022");
    expect([...(november?.children ?? [])].map((cell) => text(cell))).toEqual([
      "november 2022",
      "uppgift saknas",
      "Lifecare",
      "Uppgift saknas"
    ]);
    expect(text(details?.querySelector("caption"))).toBe(
      "Hushåll vid integrationsenheten per månad, februari 2021–november 2023"
    );
  });

  test("monthlyChart(metric) shows the definition and the break notes in the caption", () => {
    const figure = monthlyChart(utbetalt, {width: 640});
    const caption = figure.querySelector("figcaption");
    expect(text(caption?.querySelector(".nr-definition"))).toBe(utbetalt.definition);
    expect(text(caption?.querySelector(".nr-break-notes"))).toContain(
      "Byte till Lifecare okt 2022. Byte av verksamhetssystem"
    );
  });

  test("chartPoints(metric) splits a year's line at a non-comparable break and flags the earlier part", () => {
    const points = chartPoints(hushallInsats);
    const september = points.find((p) => p.month === "2022-09");
    const october = points.find((p) => p.month === "2022-10");
    expect(september?.z).not.toBe(october?.z);
    expect(september?.before).toBe(true);
    expect(october?.before).toBe(false);
    expect(new Set(chartPoints(utbetalt).map((p) => p.z)).size).toBe(3);
  });

  test("breakLabel(mark) names the month of a break and the range of a gap", () => {
    expect(breakLabel(hushallInsats.breaks[0])).toBe("Byte till Lifecare okt 2022");
    expect(breakLabel(integration.breaks[1])).toBe("Uppgift saknas nov–dec 2022");
    expect(
      breakLabel({id: "x", month: "2022-11", until: "2023-02", kind: "saknas", label: "Redovisas inte", reason: ""})
    ).toBe("Redovisas inte nov 2022–feb 2023");
  });

  test("monthlyChart(metric) leaves a year without values out of the legend and marks its months in grey", () => {
    const figure = monthlyChart(aktuellaHushall, {width: 640});
    const svg = plotOf(figure);
    expect(text(figure.querySelector(".nr-legend"))).toBe("2022 2021");
    expect(text(svg)).toContain("Redovisas inte jan–nov 2023");
    const strip = svg.querySelector('g[aria-label="rect"] rect');
    expect(Number(strip?.getAttribute("x"))).toBeCloseTo(svg.scale("x").apply(0.5), 5);
    expect(strip?.closest("g")?.getAttribute("fill")).toBe("#595959");
    expect(attr(svg, "aria-label")).toContain("November 2023: uppgift saknas.");
    expect(attr(svg, "aria-label")).toContain("Redovisas inte januari–november 2023.");
    // Plot's y-axis label keeps the first row of the top margin; the gap label comes below it.
    const label = svg.querySelector('g[aria-label="y-axis label"] text');
    const note = [...svg.querySelectorAll('g[aria-label="text"] text')].find((t) => text(t).startsWith("Redovisas"));
    expect(text(label)).toBe("↑ Hushåll");
    expect(top(note)).toBeGreaterThanOrEqual(top(label) + 12);
  });

  test("monthlyChart(metric) matches its snapshots", async () => {
    await expectSnapshot(monthlyChart(utbetalt, {width: 640}), "monthly-chart-utbetalt");
    await expectSnapshot(monthlyChart(integration, {width: 640}), "monthly-chart-integration-gap");
    await expectSnapshot(monthlyChart(hushallInsats, {width: 400}), "monthly-chart-hushall-insats-break");
    await expectSnapshot(monthlyChart(aktuellaHushall, {width: 640}), "monthly-chart-aktuella-hushall-ended");
  });
});
