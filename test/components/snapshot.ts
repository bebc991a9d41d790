// File snapshots of rendered components, as Observable Plot's tests keep them: normalised HTML/SVG in
// test/snapshots/components/<name>.html, written on the first run and compared afterwards (`vitest -u` rewrites).
import {expect} from "vitest";

/**
 * Serialised element with Plot's generated ids numbered from zero, floats rounded to two decimals (as Plot's own
 * snapshot tests do, so a last-digit difference between platforms is no change) and one tag per line, so diffs stay
 * readable.
 */
export function normalise(element: Element): string {
  const ids = new Map<string, string>();
  return element.outerHTML
    .replace(/\d+\.\d{3,}/g, (n) => String(Number(Number(n).toFixed(2))))
    .replace(/plot-(clip|pattern|marker)-\d+/g, (id, kind: string) => {
      if (!ids.has(id)) ids.set(id, `plot-${kind}-${ids.size}`);
      return ids.get(id) as string;
    })
    .replace(/\bplot-[0-9a-f]{6}\b/g, "plot-xxxxxx")
    .replace(/>\s*</g, ">\n<")
    .concat("\n");
}

/** Compares an element with test/snapshots/components/<name>.html. */
export async function expectSnapshot(element: Element, name: string): Promise<void> {
  await expect(normalise(element)).toMatchFileSnapshot(`../snapshots/components/${name}.html`);
}

/** Visible text with whitespace collapsed and no-break spaces as plain spaces, for readable assertions. */
export function text(node: Element | null | undefined): string {
  return (node?.textContent ?? "").replace(/[\s\u00a0\u202f]+/g, " ").trim();
}

/** An attribute with no-break spaces as plain spaces. */
export function attr(node: Element | null | undefined, name: string): string {
  return (node?.getAttribute(name) ?? "").replace(/[\u00a0\u202f]/g, " ");
}
