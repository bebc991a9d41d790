import { html } from "../../_node/htl@0.3.1/index.0caf36e7.js";
import { settings } from "../lib/settings.a5671f51.js";
import { downloadBlob } from "./data-table.d50093b1.js";
import { INK, MUTED } from "./palette.cf90eeae.js";
const SVG_NS = "http://www.w3.org/2000/svg";
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
const PAD = 16;
const TITLE_SIZE = 15;
const TITLE_LINE = 20;
const SOURCE_SIZE = 11;
const LEGEND_ROW = 18;
export function sourceLine(systems = []) {
  const from = `K\xE4lla: ${settings.administration}, ${settings.municipality}`;
  if (systems.length === 0) return `${from}.`;
  const list = systems.length === 1 ? systems[0] : `${systems.slice(0, -1).join(", ")} och ${systems.at(-1)}`;
  return `${from}. Verksamhetssystem: ${list}.`;
}
function wrap(text, max) {
  const lines = [];
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
function element(name, attributes, text) {
  const node = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text !== void 0) node.textContent = text;
  return node;
}
function sizeOf(svg) {
  return { width: Number(svg.getAttribute("width")) || 640, height: Number(svg.getAttribute("height")) || 400 };
}
export function chartSvg(svg, { title, source = sourceLine(), legend = [] }) {
  const chart = sizeOf(svg);
  const width = chart.width + 2 * PAD;
  const titleLines = wrap(title, Math.max(20, Math.floor((width - 2 * PAD) / 9.8)));
  const sourceLines = wrap(source, Math.max(30, Math.floor((width - 2 * PAD) / 7)));
  const positions = [];
  let x = 0;
  let row = 0;
  for (const entry of legend) {
    const w = 34 + entry.label.length * 7.5;
    if (x > 0 && x + w > width - 2 * PAD) {
      x = 0;
      row += 1;
    }
    positions.push({ x, row });
    x += w + 12;
  }
  const legendHeight = legend.length ? (row + 1) * LEGEND_ROW + 6 : 0;
  const chartTop = PAD + titleLines.length * TITLE_LINE + 6 + legendHeight;
  const sourceTop = chartTop + chart.height + 10;
  const height = sourceTop + sourceLines.length * (SOURCE_SIZE + 4) + PAD;
  const root = element("svg", {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    "font-family": FONT,
    role: "img"
  });
  root.append(element("title", {}, title));
  root.append(element("rect", { width, height, fill: "white" }));
  titleLines.forEach(
    (line, i) => root.append(
      element(
        "text",
        { x: PAD, y: PAD + TITLE_SIZE + i * TITLE_LINE, "font-size": TITLE_SIZE, "font-weight": 700, fill: INK },
        line
      )
    )
  );
  legend.forEach((entry, i) => {
    const { x: lx, row: lr } = positions[i];
    const y = PAD + titleLines.length * TITLE_LINE + 6 + lr * LEGEND_ROW + 9;
    const g = element("g", { transform: `translate(${PAD + lx},${y})` });
    g.append(
      entry.shape === "box" ? element("rect", { x: 0, y: -6, width: 12, height: 12, fill: entry.color }) : element("line", {
        x1: 0,
        x2: 26,
        y1: 0,
        y2: 0,
        stroke: entry.color,
        "stroke-width": 2.5,
        ...entry.dashed ? { "stroke-dasharray": "5,3" } : {}
      })
    );
    g.append(element("text", { x: entry.shape === "box" ? 18 : 32, y: 4, "font-size": 12, fill: INK }, entry.label));
    root.append(g);
  });
  const copy = svg.cloneNode(true);
  copy.setAttribute("x", String(PAD));
  copy.setAttribute("y", String(chartTop));
  for (const tip of copy.querySelectorAll('g[aria-label="tip"]')) tip.remove();
  copy.removeAttribute("role");
  copy.removeAttribute("aria-label");
  copy.setAttribute("style", (copy.getAttribute("style") ?? "").replace(/var\(--[^,)]+,\s*([^)]*)\)/g, "$1"));
  copy.setAttribute("font-family", FONT);
  root.append(copy);
  sourceLines.forEach(
    (line, i) => root.append(
      element(
        "text",
        { x: PAD, y: sourceTop + SOURCE_SIZE + i * (SOURCE_SIZE + 4), "font-size": SOURCE_SIZE, fill: MUTED },
        line
      )
    )
  );
  const markup = `<?xml version="1.0" encoding="UTF-8"?>
${new XMLSerializer().serializeToString(root)}
`;
  return { markup, width, height };
}
export async function chartPng(image, scale = 2) {
  const url = URL.createObjectURL(new Blob([image.markup], { type: "image/svg+xml;charset=utf-8" }));
  try {
    const img = new Image();
    img.width = image.width;
    img.height = image.height;
    await new Promise((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error("Diagrammet kunde inte ritas som bild."));
      img.src = url;
    });
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(image.width * scale);
    canvas.height = Math.round(image.height * scale);
    const context = canvas.getContext("2d");
    if (!context) throw new Error("Webbl\xE4saren kan inte rita bilden.");
    context.fillStyle = "white";
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise(
      (resolve, reject) => canvas.toBlob((blob) => blob ? resolve(blob) : reject(new Error("Bilden kunde inte skapas.")), "image/png")
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
export function chartDownloads(chart, options) {
  const svg = chart.tagName.toLowerCase() === "svg" ? chart : chart.querySelector("svg");
  const button = (format, text, onClick) => {
    const node = html`<button type="button" class="nr-download" data-format=${format}>
      ${text}<span class="nr-sr-only"> av diagrammet ${options.title}</span>
    </button>`;
    node.addEventListener("click", () => void onClick());
    return node;
  };
  const image = () => chartSvg(svg, options);
  return html`<p class="nr-chart-actions">
    <span class="nr-chart-actions-label">Ladda ner</span>
    ${button(
    "svg",
    "SVG",
    () => downloadBlob(new Blob([image().markup], { type: "image/svg+xml;charset=utf-8" }), `${options.filename}.svg`)
  )}
    ${button("png", "PNG", async () => downloadBlob(await chartPng(image()), `${options.filename}.png`))}
    ${button(
    "csv",
    "Data (CSV)",
    () => downloadBlob(new Blob([options.csv()], { type: "text/csv;charset=utf-8" }), `${options.filename}.csv`)
  )}
  </p>`;
}
