// The build's page cache: a page is checked in the browser and printed again only when what it shows can have
// changed. The search module's name changes with any page's text, so it is left out of the key; nothing else is.
import {describe, expect, test} from "vitest";
import {contentKey, pageKeyHtml} from "../../scripts/lib/build-cache.ts";

// The head of a page as Framework writes it (trimmed): the search module is imported on focus of the search box.
const PAGE = `<link rel="modulepreload" href="../_observablehq/client.d10d8454.js">
<script type="module">import "../_observablehq/client.d10d8454.js";
const r=()=>import("../_observablehq/search.f8469b5a.js");</script>
<script type="module">const data = FileAttachment("../_file/2023-11/data/ekonomiskt-bistand.1a2b3c4d.json");</script>`;

const key = (html: string) => contentKey(["kod", pageKeyHtml(html)]);

describe("pageKeyHtml(html)", () => {
  test("gives the same key when only the search module's hash changed", () => {
    const other = PAGE.replace("search.f8469b5a.js", "search.07ebb503.js");
    expect(other).not.toBe(PAGE);
    expect(key(other)).toBe(key(PAGE));
  });

  test("gives another key when a data file, a module or the text changed", () => {
    for (const changed of [
      PAGE.replace("ekonomiskt-bistand.1a2b3c4d.json", "ekonomiskt-bistand.9f8e7d6c.json"),
      PAGE.replace("client.d10d8454.js", "client.0badc0de.js"),
      `${PAGE}<p>muntlig information från verksamheterna</p>`
    ]) {
      expect(key(changed)).not.toBe(key(PAGE));
    }
  });
});
