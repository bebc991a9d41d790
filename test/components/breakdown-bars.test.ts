import "./dom.ts";
import {describe, expect, test} from "vitest";
import {breakdownBars, groupedBars, sortedCells, type GroupedRow} from "../../src/components/breakdown-bars.ts";
import {avslutsorsaker, vuxElever} from "./fixtures.ts";
import {attr, expectSnapshot, text} from "./snapshot.ts";

const programmeAreas: GroupedRow[] = ["2023-09", "2023-10", "2023-11"].flatMap((month, i) => [
  {group: month, key: "arbetstraning", label: "Arbetsträning", value: 120 + i * 10},
  {group: month, key: "vagledning", label: "Jobbcoachning och vägledning", value: 80 - i * 5},
  i === 1
    ? {group: month, key: "sprak", label: "Språkstöd", value: null, suppressed: true as const}
    : {group: month, key: "sprak", label: "Språkstöd", value: 30}
]);

const barLabels = (figure: Element) =>
  [...figure.querySelectorAll('svg g[aria-label="text"] text')].map((t) => text(t));

describe("breakdownBars", () => {
  test("breakdownBars(breakdown) sorts bars by value with hidden values after shown ones and zeros last", () => {
    expect(sortedCells(avslutsorsaker).map((c) => c.label)).toEqual([
      "Arbete",
      "Studier",
      "Flyttat från kommunen",
      "Annan ersättning",
      "Avliden",
      "Okänd"
    ]);
    const figure = breakdownBars(avslutsorsaker, {width: 640});
    const ticks = [...figure.querySelectorAll('g[aria-label="y-axis tick label"] text')].map((t) => text(t));
    expect(ticks[0]).toBe("Arbete");
  });

  test("breakdownBars(breakdown) wraps a label too long for the label column onto more lines, never cutting it", () => {
    const long = "Egen försörjning i Arbetsförmedlingens program för nyanlända";
    const cells = avslutsorsaker.cells.map((c, i) => (i === 0 ? {...c, label: long} : c));
    // 672 px is the content width of an A4 page: the label column is at most 45 % of it.
    const figure = breakdownBars({...avslutsorsaker, cells}, {width: 672});
    const labels = [...figure.querySelectorAll('g[aria-label="y-axis tick label"] text')];
    const wrapped = labels.find((t) => t.querySelectorAll("tspan").length > 1);
    expect(wrapped).toBeDefined();
    expect([...wrapped!.querySelectorAll("tspan")].map((t) => t.textContent).join(" ")).toBe(long);
    // Labels that fit stay on one line, also at a width where nothing needs wrapping.
    expect(labels.filter((t) => t !== wrapped).every((t) => t.querySelectorAll("tspan").length === 0)).toBe(true);
    const wide = breakdownBars(avslutsorsaker, {width: 640});
    expect(wide.querySelectorAll('g[aria-label="y-axis tick label"] tspan')).toHaveLength(0);
  });

  test("breakdownBars(breakdown, {sort: 'none'}) keeps the loader's order", () => {
    expect(sortedCells(vuxElever, "none").map((c) => c.label)[0]).toBe("Agila Institutet");
    expect(sortedCells(vuxElever).map((c) => c.label)[0]).toBe("Linvux");
  });

  test("breakdownBars(breakdown) shows every hidden cell as dolt with an empty dashed bar and a footnote", () => {
    const figure = breakdownBars(avslutsorsaker, {width: 640});
    expect(barLabels(figure)).toEqual(["41", "23", "18", "dolt", "dolt", "0"]);
    const hidden = figure.querySelectorAll('g[aria-label="bar"][stroke-dasharray="3,2"] rect');
    expect(hidden).toHaveLength(2);
    expect(hidden[0].closest("g")?.getAttribute("fill")).toBe("white");
    const note = text(figure.querySelector(".nr-suppression-note"));
    expect(note).toContain("Antal 1–4 döljs");
    expect(note).toContain("inget dolt värde kan räknas fram");
  });

  test("breakdownBars(breakdown) table renders dolt for hidden cells, with the total", () => {
    const table = breakdownBars(avslutsorsaker, {width: 640}).querySelector("details table");
    const rows = [...(table?.querySelectorAll("tbody tr") ?? [])].map((r) => [...r.children].map((c) => text(c)));
    expect(rows).toContainEqual(["Avliden", "dolt"]);
    expect(rows).toContainEqual(["Annan ersättning", "dolt"]);
    expect([...(table?.querySelectorAll("tfoot th, tfoot td") ?? [])].map((c) => text(c))).toEqual(["Totalt", "96"]);
  });

  test("breakdownBars(breakdown) labels an overlapping breakdown's total as distinct persons and says why it is smaller", () => {
    const areas = {
      id: "am_fordelning",
      label: "Fördelning av inskrivna i arbetsmarknadsinsatser",
      definition: "En person som deltar i två verksamhetsområden räknas i båda.",
      month: "2023-11",
      total: 710,
      overlapping: true,
      cells: [
        {key: "praktik", label: "Praktik", value: 400},
        {key: "jobbcenter", label: "Jobbcenter", value: 323}
      ]
    };
    const figure = breakdownBars(areas, {width: 640});
    const footer = [...(figure.querySelectorAll("details tfoot th, details tfoot td") ?? [])].map((c) => text(c));
    expect(footer).toEqual(["Totalt, unika personer", "710"]);
    expect(text(figure.querySelector(".nr-overlap-note"))).toMatch(/summerar till mer än totalen/);
    expect(attr(figure.querySelector("svg.nr-plot"), "aria-label")).toMatch(
      /^Fördelning av inskrivna i arbetsmarknadsinsatser, november 2023\. Totalt, unika personer 710\./
    );
    expect(breakdownBars(avslutsorsaker, {width: 640}).querySelector(".nr-overlap-note")).toBeNull();
  });

  test("breakdownBars(breakdown) shows no suppression note when nothing is hidden", () => {
    const figure = breakdownBars(vuxElever, {width: 640});
    expect(figure.querySelector(".nr-suppression-note")).toBeNull();
    expect(barLabels(figure)).toContain("1 514");
  });

  test("breakdownBars(breakdown) labels its chart image with the total and the values", () => {
    const figure = breakdownBars(avslutsorsaker, {width: 640});
    expect(figure.getAttribute("role")).toBe("group");
    expect(figure.hasAttribute("aria-label")).toBe(false);
    const svg = figure.querySelector("svg.nr-plot");
    expect(svg?.getAttribute("role")).toBe("img");
    const label = attr(svg, "aria-label");
    expect(label).toBe(
      "Orsaker till avslut, november 2023. Totalt 96. Arbete 41, Studier 23, Flyttat från kommunen 18, " +
        "Annan ersättning dolt, Avliden dolt, Okänd 0."
    );
  });

  test("breakdownBars(breakdown) shows a withheld breakdown's total and why its cells are left out", () => {
    const figure = breakdownBars({...avslutsorsaker, total: 3, cells: [], withheld: true}, {width: 640});
    expect(figure.querySelector("svg")).toBeNull();
    expect(text(figure.querySelector(".nr-withheld"))).toMatch(/^Totalt 3\. Fördelningen visas inte för november 2023/);
    expect(attr(figure, "aria-label")).toBe("Orsaker till avslut, november 2023. Totalt 3.");
  });

  test("breakdownBars(breakdown) matches its snapshots", async () => {
    await expectSnapshot(breakdownBars(avslutsorsaker, {width: 640}), "breakdown-bars-avslutsorsaker");
    await expectSnapshot(breakdownBars(vuxElever, {width: 640, sort: "none"}), "breakdown-bars-vux-elever");
  });
});

describe("groupedBars", () => {
  const figure = () =>
    groupedBars(programmeAreas, {
      width: 640,
      title: "Inskrivna per verksamhetsområde",
      groupFormat: "month",
      definition: "Antal inskrivna per verksamhetsområde och månad."
    });

  test("groupedBars(rows) draws a bar per group within each category, the newest group darkest", () => {
    const element = figure();
    expect(text(element.querySelector(".nr-legend"))).toBe("sep 2023 okt 2023 nov 2023");
    const fills = [...element.querySelectorAll('g[aria-label="bar"] rect')].map((r) => r.getAttribute("fill"));
    expect(fills.filter((f) => f === "#004488")).toHaveLength(3);
    const categories = [...element.querySelectorAll('g[aria-label="fy-axis tick label"] text')].map((t) => text(t));
    expect(categories).toEqual(["Arbetsträning", "Jobbcoachning och vägledning", "Språkstöd"]);
  });

  test("groupedBars(rows) shows a hidden value as dolt in bars and table", () => {
    const element = figure();
    expect(barLabels(element)).toContain("dolt");
    const rows = [...element.querySelectorAll("details tbody tr")].map((r) => [...r.children].map((c) => text(c)));
    expect(rows).toContainEqual(["Språkstöd", "30", "dolt", "30"]);
    expect(text(element.querySelector(".nr-suppression-note"))).toContain("Antal 1–4 döljs");
  });

  test("groupedBars(rows) matches its snapshot", async () => {
    await expectSnapshot(figure(), "grouped-bars-verksamhetsomrade");
  });
});
