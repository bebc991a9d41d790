// "Ladda ner" under every chart: the chart as SVG or PNG for slides and documents, and its data as CSV for Swedish
// Excel. The image is the drawn chart on a white background with its title, its legend and a source line, so that it
// can stand on its own in another document. Everything is made in the browser on click: nothing is fetched. Hidden in
// print (report.css), so the PDFs do not change.
import {html} from "htl";
import {settings} from "../lib/settings.js";
import {downloadBlob, downloadCsv} from "./data-table.js";
import {INK, MUTED} from "./palette.js";

export interface LegendEntry {
  label: string;
  color: string;
  /** "line" (a year's line, default) or "box" (a bar colour). */
  shape?: "line" | "box";
  dashed?: boolean;
}

export interface ChartDownloadOptions {
  /** The chart's title, at the top of the image: "Utbetalt ekonomiskt bistånd per månad, februari 2021–november 2023". */
  title: string;
  /** The source line at the bottom; default the administration and municipality. */
  source?: string;
  legend?: readonly LegendEntry[];
  /** File name without extension, e.g. "utbetalt-2023-11". */
  filename: string;
  /** The chart's data as CSV (made on click). */
  csv: () => string;
}

const SVG_NS = "http://www.w3.org/2000/svg";
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
const PAD = 16;
const TITLE_SIZE = 15;
const TITLE_LINE = 20;
const SOURCE_SIZE = 11;
const LEGEND_ROW = 18;

/** "Källa: Arbetsmarknadsförvaltningen, Exempelkommun." with the systems behind the numbers when known. */
export function sourceLine(systems: readonly string[] = []): string {
  const from = `Källa: ${settings.administration}, ${settings.municipality}`;
  if (systems.length === 0) return `${from}.`;
  const list = systems.length === 1 ? systems[0] : `${systems.slice(0, -1).join(", ")} och ${systems.at(-1)}`;
  return `${from}. Verksamhetssystem: ${list}.`;
}

/** Splits text into lines of at most `max` characters at spaces (the image has no layout engine to wrap for it). */
function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

function element(name: string, attributes: Record<string, string | number>, text?: string): SVGElement {
  const node = document.createElementNS(SVG_NS, name) as SVGElement;
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The chart's pixel size, from its width and height attributes (Plot sets both). */
function sizeOf(svg: SVGSVGElement): {width: number; height: number} {
  return {width: Number(svg.getAttribute("width")) || 640, height: Number(svg.getAttribute("height")) || 400};
}

/**
 * The chart as a standalone SVG document: white background, title, legend, the chart itself and the source line.
 * Returns the markup and its size in pixels.
 */
export function chartSvg(
  svg: SVGSVGElement,
  {title, source = sourceLine(), legend = []}: Omit<ChartDownloadOptions, "filename" | "csv">
): {markup: string; width: number; height: number} {
  const chart = sizeOf(svg);
  const width = chart.width + 2 * PAD;
  // Widths per character are generous (wide sans-serif fonts such as DejaVu): a line too short reads better than a cut one.
  const titleLines = wrap(title, Math.max(20, Math.floor((width - 2 * PAD) / 9.8)));
  const sourceLines = wrap(source, Math.max(30, Math.floor((width - 2 * PAD) / 7)));
  // Legend entries flow left to right and wrap.
  const positions: {x: number; row: number}[] = [];
  let x = 0;
  let row = 0;
  for (const entry of legend) {
    const w = 34 + entry.label.length * 7.5;
    if (x > 0 && x + w > width - 2 * PAD) {
      x = 0;
      row += 1;
    }
    positions.push({x, row});
    x += w + 12;
  }
  const legendHeight = legend.length ? (row + 1) * LEGEND_ROW + 6 : 0;
  const chartTop = PAD + titleLines.length * TITLE_LINE + 6 + legendHeight;
  const sourceTop = chartTop + chart.height + 10;
  const height = sourceTop + sourceLines.length * (SOURCE_SIZE + 4) + PAD;

  // createElementNS puts the SVG namespace on the root; the serializer writes it as xmlns.
  const root = element("svg", {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    "font-family": FONT,
    role: "img"
  });
  root.append(element("title", {}, title));
  root.append(element("rect", {width, height, fill: "white"}));
  titleLines.forEach((line, i) =>
    root.append(
      element(
        "text",
        {x: PAD, y: PAD + TITLE_SIZE + i * TITLE_LINE, "font-size": TITLE_SIZE, "font-weight": 700, fill: INK},
        line
      )
    )
  );
  legend.forEach((entry, i) => {
    const {x: lx, row: lr} = positions[i];
    const y = PAD + titleLines.length * TITLE_LINE + 6 + lr * LEGEND_ROW + 9;
    const g = element("g", {transform: `translate(${PAD + lx},${y})`});
    g.append(
      entry.shape === "box"
        ? element("rect", {x: 0, y: -6, width: 12, height: 12, fill: entry.color})
        : element("line", {
            x1: 0,
            x2: 26,
            y1: 0,
            y2: 0,
            stroke: entry.color,
            "stroke-width": 2.5,
            ...(entry.dashed ? {"stroke-dasharray": "5,3"} : {})
          })
    );
    g.append(element("text", {x: entry.shape === "box" ? 18 : 32, y: 4, "font-size": 12, fill: INK}, entry.label));
    root.append(g);
  });
  // The chart itself, with the page's CSS variables resolved: a standalone file has no stylesheet.
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute("x", String(PAD));
  copy.setAttribute("y", String(chartTop));
  // The tooltip is for the page's pointer only.
  for (const tip of copy.querySelectorAll('g[aria-label="tip"]')) tip.remove();
  copy.removeAttribute("role");
  copy.removeAttribute("aria-label");
  copy.setAttribute("style", (copy.getAttribute("style") ?? "").replace(/var\(--[^,)]+,\s*([^)]*)\)/g, "$1"));
  copy.setAttribute("font-family", FONT);
  root.append(copy);
  sourceLines.forEach((line, i) =>
    root.append(
      element(
        "text",
        {x: PAD, y: sourceTop + SOURCE_SIZE + i * (SOURCE_SIZE + 4), "font-size": SOURCE_SIZE, fill: MUTED},
        line
      )
    )
  );
  const markup = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}\n`;
  return {markup, width, height};
}

/** Draws the SVG on a white canvas at twice its size (sharp on slides) and returns it as PNG. */
export async function chartPng(image: {markup: string; width: number; height: number}, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([image.markup], {type: "image/svg+xml;charset=utf-8"}));
  try {
    const img = new Image();
    img.width = image.width;
    img.height = image.height;
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error("Diagrammet kunde inte ritas som bild."));
      img.src = url;
    });
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(image.width * scale);
    canvas.height = Math.round(image.height * scale);
    const context = canvas.getContext("2d");
    if (!context) throw new Error("Webbläsaren kan inte rita bilden.");
    context.fillStyle = "white";
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("Bilden kunde inte skapas."))), "image/png")
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** "Ladda ner: SVG · PNG · Data (CSV)" for a chart; each button names the chart for screen readers. */
export function chartDownloads(chart: Element, options: ChartDownloadOptions): HTMLElement {
  const svg = (chart.tagName.toLowerCase() === "svg" ? chart : chart.querySelector("svg")) as SVGSVGElement;
  const button = (format: string, text: string, onClick: () => Promise<void> | void) => {
    const node = html`<button type="button" class="nr-download" data-format=${format}>
      ${text}<span class="nr-sr-only"> av diagrammet ${options.title}</span>
    </button>` as HTMLButtonElement;
    node.addEventListener("click", () => void onClick());
    return node;
  };
  const image = () => chartSvg(svg, options);
  return html`<p class="nr-chart-actions">
    <span class="nr-chart-actions-label">Ladda ner</span>
    ${button("svg", "SVG", () =>
      downloadBlob(new Blob([image().markup], {type: "image/svg+xml;charset=utf-8"}), `${options.filename}.svg`)
    )}
    ${button("png", "PNG", async () => downloadBlob(await chartPng(image()), `${options.filename}.png`))}
    ${button("csv", "Data (CSV)", () => downloadCsv(options.csv(), options.filename))}
  </p>` as HTMLElement;
}
