// Reproducible single-edition builds: `npm run reproducerbarhet` builds one edition twice from empty caches and
// compares the results; compareBuilds must catch a changed byte and a changed PDF text.
import {spawnSync} from "node:child_process";
import {cp, mkdtemp, readdir, readFile, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, inject, test} from "vitest";
import {listEditions} from "../../data-loaders/editions.ts";
import {compareBuilds} from "../../scripts/lib/reproducibility.ts";

const site = inject("site");
// A draft edition, so both builds run the loaders; a published edition's build copies its frozen record.
const EDITION = listEditions("src").find((e) => e.status === "utkast")!.month;

async function copyOf(dir: string): Promise<string> {
  const copy = await mkdtemp(join(tmpdir(), "namndrapport-repro-"));
  await cp(dir, copy, {recursive: true});
  return copy;
}

describe("compareBuilds(a, b)", () => {
  test("finds no difference between a site and its copy, and names a changed data file", async () => {
    const copy = await copyOf(site);
    const same = await compareBuilds(site, copy);
    expect(same.differences).toEqual([]);
    expect(same.pdfs).toBeGreaterThanOrEqual(2);

    const data = (await readdir(join(copy, "_file", "2023-11", "data"))).find((f) => f.startsWith("arbetsmarknad."))!;
    const file = join(copy, "_file", "2023-11", "data", data);
    await writeFile(
      file,
      (await readFile(file, "utf8")).replace(/\d/, (d) => String((Number(d) + 1) % 10))
    );
    expect((await compareBuilds(site, copy)).differences).toEqual([
      `_file/2023-11/data/${data}: innehållet skiljer sig`
    ]);
  });

  test("compares PDFs byte for byte and says whether their text differs too", async () => {
    const copy = await copyOf(site);
    const month = join(copy, "2023-11");
    // Another creation date, same length: the bytes differ, the text does not.
    const report = join(month, "namndrapport-2023-11.pdf");
    const bytes = await readFile(report, "latin1");
    const dated = bytes.replace(
      /\/CreationDate \(D:(\d{4})/,
      (_, year: string) => `/CreationDate (D:${Number(year) + 1}`
    );
    expect(dated).not.toBe(bytes);
    await writeFile(report, dated, "latin1");
    await cp(join(month, "tjansteskrivelse-2023-11.pdf"), join(month, "tjansteskrivelse-2022-11.pdf"));
    await cp(join(copy, "2022-11", "namndrapport-2022-11.pdf"), join(month, "tjansteskrivelse-2023-11.pdf"));
    expect((await compareBuilds(site, copy)).differences).toEqual([
      "2023-11/tjansteskrivelse-2022-11.pdf: finns bara i det andra bygget",
      "2023-11/namndrapport-2023-11.pdf: byten skiljer sig men texten är densamma",
      "2023-11/tjansteskrivelse-2023-11.pdf: texten skiljer sig"
    ]);
  });
});

describe(`npm run reproducerbarhet -- --utgava ${EDITION}`, () => {
  test("two builds from empty caches are byte-identical, and each is a site of that edition alone", async () => {
    const result = spawnSync("npx", ["tsx", "scripts/reproducerbarhet.ts", "--utgava", EDITION, "--behall"], {
      encoding: "utf8"
    });
    expect(result.stderr).not.toMatch(/Fel:/);
    expect(result.status).toBe(0);
    const summary = /Reproducerbart: (\d+) filer byte för byte lika, varav (\d+) PDF:er/.exec(result.stdout);
    expect(summary).not.toBeNull();
    expect(Number(summary![1])).toBeGreaterThan(40);
    expect(Number(summary![2])).toBe(2);

    // The kept first build: only this edition, its PDFs, an archive that lists it alone, no review page.
    const out = join(".bygg", "reproducerbarhet", "a", "ut");
    const top = await readdir(out);
    expect(top.filter((name) => /^\d{4}-\d{2}$/.test(name))).toEqual([EDITION]);
    expect((await readdir(join(out, EDITION))).sort()).toEqual([
      "index.html",
      `namndrapport-${EDITION}.pdf`,
      `tjansteskrivelse-${EDITION}.pdf`,
      "tjansteskrivelse.html"
    ]);
    const archive = (await readdir(join(out, "_file", "data"))).find((f) => f.startsWith("utgavor."))!;
    const editions = JSON.parse(await readFile(join(out, "_file", "data", archive), "utf8")) as {month: string}[];
    expect(editions.map((e) => e.month)).toEqual([EDITION]);
  }, 300_000);
});
