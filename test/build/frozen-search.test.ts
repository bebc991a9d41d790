// Search entries for published editions, read from their records because Framework indexes only what it builds.
import {afterEach, describe, expect, test} from "vitest";
import {recordedEditions} from "../../data-loaders/records.ts";
import {pageSearchText, publishedSearchEntries} from "../../scripts/lib/frozen-search.ts";

const saved = process.env.NAMNDRAPPORT_UTGAVOR;
afterEach(() => {
  if (saved === undefined) delete process.env.NAMNDRAPPORT_UTGAVOR;
  else process.env.NAMNDRAPPORT_UTGAVOR = saved;
});

describe("pageSearchText(html, siteTitle)", () => {
  test("keeps the main content's words, folded as Framework folds them, without scripts, styles or tags", () => {
    const html = `<html><head><title>Tjänsteskrivelse november 2022 | Nämndrapport</title>
      <script type="module">const hemligt = "skript";</script></head>
      <body><nav>Arkiv</nav><main id="observablehq-main"><h1>Ärende</h1><style>.x{color:red}</style>
      <p>Kostnaderna &amp; antalet hushåll <strong>minskade</strong>.</p><script>visas("inte")</script></main></body></html>`;
    const found = pageSearchText(html, "Nämndrapport")!;
    expect(found.title).toBe("Tjänsteskrivelse november 2022");
    const words = found.text.split(/\s+/).filter(Boolean);
    expect(words).toEqual(["Arende", "Kostnaderna", "antalet", "hushall", "minskade"]);
  });

  test("gives null for a page without main content", () => {
    expect(pageSearchText("<html><body><p>Ingen main</p></body></html>", "Nämndrapport")).toBeNull();
  });
});

describe("publishedSearchEntries(root, siteTitle) on the sample's records", () => {
  test("gives both pages of the current version of every published edition the build's root does not hold", () => {
    const months = recordedEditions();
    expect(months.length).toBeGreaterThan(0);
    process.env.NAMNDRAPPORT_UTGAVOR = months.join(",");
    const entries = [...publishedSearchEntries("finns-inte", "Nämndrapport")];
    expect(entries.map((e) => e.path)).toEqual(months.flatMap((m) => [`/${m}/index`, `/${m}/tjansteskrivelse`]));
    for (const entry of entries) {
      expect(entry.title).toMatch(/^(Nämndrapport|Tjänsteskrivelse) \p{L}+ \d{4}$/u);
      expect(entry.text.length).toBeGreaterThan(500);
    }
  });

  test("leaves out editions the build computes itself and editions the site does not hold", () => {
    const [first, ...rest] = recordedEditions();
    process.env.NAMNDRAPPORT_UTGAVOR = rest.join(",");
    const paths = [...publishedSearchEntries("src", "Nämndrapport")].map((e) => e.path);
    expect(paths).toEqual([]);
    process.env.NAMNDRAPPORT_UTGAVOR = first;
    expect([...publishedSearchEntries("finns-inte", "Nämndrapport")].map((e) => e.path)).toEqual([
      `/${first}/index`,
      `/${first}/tjansteskrivelse`
    ]);
  });
});
