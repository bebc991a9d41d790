// One sidebar for every page of the site (scripts/lib/sidebar.ts): written into pages one folder down, its links and
// its search box's module must resolve from there.
import {mkdir, mkdtemp, readFile, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, test} from "vitest";
import {sidebarFor, siteSidebar, writeSidebars} from "../../scripts/lib/sidebar.ts";

// The archive page's sidebar as Framework writes it (trimmed): search box, archive link, one edition section.
const ARCHIVE_NAV = `<nav id="observablehq-sidebar">
  <ol><label id="observablehq-search"><input type="search" placeholder="Sök"></label>
  <script type="module">const t=document.querySelector("#observablehq-search input"),r=()=>import("./_observablehq/search.968cc3dd.js");t.addEventListener("focus",r,{once:!0});</script>
  <li class="observablehq-link observablehq-link-active"><a href="./">Arkiv</a></li></ol>
  <details>
    <summary>November 2023</summary>
    <ol>
    <li class="observablehq-link"><a href="./2023-11/">Nämndrapport</a></li>
    </ol>
  </details>
</nav>`;

describe("sidebarFor(nav, depth, active)", () => {
  const nav = siteSidebar(ARCHIVE_NAV, ["2022-11", "2023-11"]);

  test("on an edition's page, every link and the search module are one folder up", () => {
    const out = sidebarFor(nav, 1, "2022-11/tjansteskrivelse");
    expect(out).toContain('import("../_observablehq/search.968cc3dd.js")');
    expect(out).not.toMatch(/(href|import\()="?\.\//);
    expect(out).toContain(
      '<li class="observablehq-link observablehq-link-active"><a href="../2022-11/tjansteskrivelse">'
    );
    expect(out).toContain('<details open class="observablehq-section-active">\n    <summary>November 2022</summary>');
  });

  test("on the archive page, links and the search module stay as they are, and both editions are listed", () => {
    const out = sidebarFor(nav, 0, "");
    expect(out).toContain('import("./_observablehq/search.968cc3dd.js")');
    expect(out.match(/<summary>/g)).toHaveLength(2);
    expect(out.indexOf("November 2023")).toBeLessThan(out.indexOf("November 2022"));
  });
});

describe("writeSidebars(site, nav, pages)", () => {
  test("reads a page's depth from either path separator, as relative() gives them on Windows", async () => {
    const site = await mkdtemp(join(tmpdir(), "namndrapport-sidomeny-"));
    await mkdir(join(site, "2022-11"));
    const page = `<html><body>${ARCHIVE_NAV}<main>Utgåvan</main></body></html>`;
    await writeFile(join(site, "2022-11", "index.html"), page);
    await writeSidebars(site, siteSidebar(ARCHIVE_NAV, ["2022-11"]), ["2022-11\\index.html"]);
    const written = await readFile(join(site, "2022-11", "index.html"), "utf8");
    expect(written).toContain('import("../_observablehq/search.968cc3dd.js")');
    expect(written).toContain('<li class="observablehq-link observablehq-link-active"><a href="../2022-11/">');
  });
});
