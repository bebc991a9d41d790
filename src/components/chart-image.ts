// A chart's text alternative sits on the chart itself: the SVG is an image (role="img") labelled with the key numbers,
// and the <figure> around it is a group. Screen readers then read the label and the caption (definition, break notes),
// and Chromium's tagged PDF gets a /Figure with /Alt around the drawing, beside the caption. A label on the <figure>
// would instead become the /Alt of the whole figure and hide the caption from readers of the PDF.

/**
 * Marks a rendered Plot chart as the figure's image with the given text alternative. Plot names its marks with
 * aria-label ("line", "dot"); those parts are hidden, as the image's label speaks for the whole drawing. (Hiding the
 * SVG itself would drop the /Figure from the tagged PDF.)
 */
export function chartImage<T extends Element>(svg: T, label: string): T {
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", label);
  svg.classList.add("nr-plot");
  for (const part of svg.children) {
    if (part.tagName.toLowerCase() !== "style") part.setAttribute("aria-hidden", "true");
  }
  return svg;
}
