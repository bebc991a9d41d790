import {mkdtemp, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, test} from "vitest";
import {frontMatterBlock, frontMatterOf, withFrontMatter} from "../../data-loaders/front-matter.ts";
import {pageStatus} from "../../data-loaders/editions.ts";

const CRLF = "---\r\ntitle: Nämndrapport november 2023\r\nstatus: publicerad\r\ntoc: false\r\n---\r\n\r\n# Rubrik\r\n";

describe("front matter of edition pages", () => {
  test("frontMatterOf reads a page with CRLF line endings", () => {
    expect(frontMatterOf(CRLF)).toEqual({title: "Nämndrapport november 2023", status: "publicerad", toc: false});
    expect(frontMatterBlock(CRLF)).toBe(
      "---\r\ntitle: Nämndrapport november 2023\r\nstatus: publicerad\r\ntoc: false\r\n---\r\n"
    );
  });

  test("pageStatus reads publicerad from a CRLF page and treats anything else as a draft", async () => {
    const dir = await mkdtemp(join(tmpdir(), "namndrapport-fm-"));
    await writeFile(join(dir, "a.md"), CRLF);
    await writeFile(join(dir, "b.md"), "---\nstatus: utkast\n---\n");
    expect(pageStatus(join(dir, "a.md"))).toBe("publicerad");
    expect(pageStatus(join(dir, "b.md"))).toBe("utkast");
    expect(pageStatus(join(dir, "saknas.md"))).toBe("utkast");
  });

  test("withFrontMatter changes keys and keeps the body and the line endings byte for byte", () => {
    const changed = withFrontMatter(CRLF, {
      status: "publicerad",
      version: 2,
      toc: undefined,
      rattelser: [{datum: "2026-12-02", motivering: 'Rättat: "nya"'}]
    });
    expect(changed.endsWith("---\r\n\r\n# Rubrik\r\n")).toBe(true);
    expect(frontMatterOf(changed)).toEqual({
      title: "Nämndrapport november 2023",
      status: "publicerad",
      version: 2,
      rattelser: [{datum: "2026-12-02", motivering: 'Rättat: "nya"'}]
    });
    expect(changed.slice(frontMatterBlock(changed).length)).toBe("\r\n# Rubrik\r\n");
  });
});
