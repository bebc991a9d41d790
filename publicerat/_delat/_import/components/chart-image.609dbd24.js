export function chartImage(svg, label) {
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", label);
  svg.classList.add("nr-plot");
  for (const part of svg.children) {
    if (part.tagName.toLowerCase() !== "style") part.setAttribute("aria-hidden", "true");
  }
  return svg;
}
