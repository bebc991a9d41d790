// A JSDOM window as the global DOM for component tests: htl and Observable Plot create elements through `document`
// and test values with `instanceof Node`, `NodeList` and so on.
import {JSDOM} from "jsdom";

const dom = new JSDOM("<!doctype html><html lang='sv'><body></body></html>", {pretendToBeVisual: true});
const win = dom.window as unknown as Record<string, unknown>;

// Every DOM interface Node itself lacks (HTMLElement, NodeList, SVGElement, …); jsdom's events replace Node's, so
// that dispatchEvent on a jsdom element accepts them.
const names = Object.getOwnPropertyNames(win).filter(
  (name) => /^[A-Z]/.test(name) && (!(name in globalThis) || /Event$/.test(name))
);
for (const name of [...names, "window", "document", "navigator"]) {
  const value = name === "window" ? dom.window : win[name];
  Object.defineProperty(globalThis, name, {value, configurable: true, writable: true});
}

export const {document} = dom.window;
