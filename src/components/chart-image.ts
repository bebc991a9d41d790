// A chart's text alternative sits on the chart itself: the SVG is an image (role="img") labelled with the key numbers,
// and the <figure> around it is a group. Screen readers then read the label and the caption (definition, break notes),
// and Chromium's tagged PDF gets a /Figure with /Alt for the chart beside the caption. A label on the <figure> would
// instead become the /Alt of the whole figure and hide the caption from readers of the PDF.

/** Marks a rendered Plot chart as the figure's image with the given text alternative. */
export function chartImage<T extends Element>(svg: T, label: string): T {
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", label);
  svg.classList.add("nr-plot");
  return svg;
}
