// What the PDF renderer asks the page before printing, run inside the page while it is laid out for print at the
// width of an A4 page's content. Wide tables get a landscape page; anything that would still be cut off is reported,
// so that the PDF is never written with content missing.
//
// The function is serialised into the page: it must not declare named functions or variables holding functions
// (tsx wraps those in a helper that does not exist in the page); inline callbacks are fine.

export interface PrintSizes {
  /** Content width of a portrait A4 page, in CSS pixels. */
  portrait: number;
  /** Content width of a landscape A4 page, in CSS pixels. */
  landscape: number;
  /** Content height of a portrait A4 page, in CSS pixels. */
  height: number;
}

export interface PrintLayout {
  /** What would be lost, in Swedish; empty when everything fits. */
  problems: string[];
  /** Captions of the tables moved to a landscape page. */
  landscape: string[];
  /** Visible headings (h1–h6) in document order with collapsed whitespace: the PDF's bookmarks. */
  headings: string[];
  /** The page carries the draft watermark (src/lib/notices.ts). */
  draft: boolean;
}

/** Runs in the page. Marks wide tables `nr-print-landscape` (report.css gives them a landscape page). */
export function preparePrintLayout(sizes: PrintSizes): PrintLayout {
  const problems: string[] = [];
  const landscape: string[] = [];
  const tooWide = new Set<Element>();

  // Tables wider than the portrait page move to a landscape page if they fit there. A table block is kept on one
  // page when it fits (report.css); a longer one is marked to flow on from where it starts.
  for (const block of document.querySelectorAll<HTMLElement>(".nr-table-block")) {
    const table = block.querySelector("table");
    const wrap = table?.parentElement;
    if (!table || !wrap || table.getClientRects().length === 0) continue;
    if (block.getBoundingClientRect().height > sizes.height * 0.9) block.classList.add("nr-print-long");
    const needed = table.getBoundingClientRect().width;
    if (needed <= block.getBoundingClientRect().width + 0.5) continue;
    wrap.style.maxWidth = "none";
    wrap.style.width = `${sizes.landscape}px`;
    const landscapeWidth = table.getBoundingClientRect().width;
    wrap.style.removeProperty("max-width");
    wrap.style.removeProperty("width");
    const caption = (table.caption?.textContent ?? "").replace(/\s+/g, " ").trim();
    if (landscapeWidth <= sizes.landscape + 0.5) {
      block.classList.add("nr-print-landscape");
      landscape.push(caption);
    } else {
      tooWide.add(block);
      problems.push(
        `Tabellen "${caption}" är för bred även för en liggande A4-sida (${Math.ceil(landscapeWidth)} px av ${Math.ceil(sizes.landscape)} px).`
      );
    }
  }

  // Everything else must lie within the page's width and must not be clipped by its own box.
  const limit = document.documentElement.clientWidth;
  let heading = "";
  for (const element of document.body.querySelectorAll<HTMLElement | SVGElement>("*")) {
    if (/^H[1-6]$/.test(element.tagName)) heading = (element.textContent ?? "").replace(/\s+/g, " ").trim();
    if (element.closest(".nr-print-landscape, .nr-sr-only, .nr-watermark")) continue;
    if (tooWide.has(element.closest(".nr-table-block") as Element)) continue;
    if (element.getClientRects().length === 0 || getComputedStyle(element).visibility === "hidden") continue;
    const where = heading ? ` under rubriken "${heading}"` : "";
    const content = (element.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 60);
    const style = getComputedStyle(element);
    if (
      element instanceof HTMLElement &&
      (style.overflowX !== "visible" || style.overflowY !== "visible") &&
      (element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1)
    ) {
      problems.push(
        `"${content}"${where} klipps av sin ruta (${Math.ceil(element.scrollWidth)} px av ${Math.ceil(element.clientWidth)} px).`
      );
      continue;
    }
    const hasText =
      element instanceof SVGTextElement ||
      [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim());
    if (!hasText && !["svg", "IMG", "TABLE"].includes(element.tagName)) continue;
    const box = element.getBoundingClientRect();
    if (box.left < -1 || box.right > limit + 1) {
      problems.push(
        `"${content}"${where} går utanför sidans bredd (${Math.ceil(box.left)} px till ${Math.ceil(box.right)} px, sidan är ${Math.ceil(limit)} px).`
      );
    }
  }

  // A figure keeps its legend, chart, definition and break notes on one page.
  for (const figure of document.querySelectorAll<HTMLElement>(".nr-figure")) {
    const height = figure.getBoundingClientRect().height;
    if (height > sizes.height) {
      const label = figure.querySelector("[role='img'][aria-label]")?.getAttribute("aria-label")?.slice(0, 60) ?? "";
      problems.push(
        `Diagrammet "${label}" är högre än en sida (${Math.ceil(height)} px av ${Math.ceil(sizes.height)} px).`
      );
    }
  }

  const headings = [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")]
    .filter((h) => h.getClientRects().length > 0)
    .map((h) => (h.textContent ?? "").replace(/\s+/g, " ").trim());
  // One line per problem is enough to act on; a whole table or chart out of bounds would otherwise list every cell.
  if (problems.length > 12) problems.splice(12, problems.length, `… och ${problems.length - 12} till.`);
  return {problems, landscape, headings, draft: document.querySelector(".nr-watermark") !== null};
}
