import {cp, mkdtemp, readFile, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {beforeAll, describe, expect, inject, test} from "vitest";
import {auditBuiltSite, builtEditions} from "../../data-loaders/disclosure/built-site.ts";
import {AUDITED_SECTIONS} from "../../data-loaders/disclosure/model.ts";
import type {BreakdownResult} from "../../src/lib/metric-types.ts";
import {checkSite} from "../../scripts/lib/site-check.ts";

const site = inject("site");

/** A copy of the built site that a test may break. */
async function copyOfSite(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "namndrapport-site-"));
  await cp(site, dir, {recursive: true});
  return dir;
}

async function appendTo(file: string, text: string, before = "</head>"): Promise<void> {
  const html = await readFile(file, "utf8");
  await writeFile(file, html.replace(before, `${text}${before}`));
}

describe("checkSite on the built site", () => {
  test("checkSite(dist) finds no other origin, no missing lang and no personnummer", async () => {
    expect(await checkSite(site)).toEqual([]);
  });

  test("auditBuiltSite(dist) audits every edition's data files together and finds every hidden figure protected", async () => {
    const editions = await builtEditions(site);
    expect([...editions.keys()]).toEqual([
      "_file/2022-11/data",
      "_file/2023-02/data",
      "_file/2023-08/data",
      "_file/2023-11/data"
    ]);
    for (const {data} of editions.values()) expect(Object.keys(data).sort()).toEqual([...AUDITED_SECTIONS].sort());
    expect(await auditBuiltSite(site)).toEqual([]);
  });

  test("every built page declares lang=sv", async () => {
    const html = await readFile(join(site, "index.html"), "utf8");
    expect(html).toMatch(/^<!DOCTYPE html>\s*<html lang="sv">/);
  });
});

describe("checkSite catches breaches", () => {
  let broken: string;
  beforeAll(async () => {
    broken = await copyOfSite();
  });

  test("checkSite flags a <script src> from another origin", async () => {
    await appendTo(join(broken, "index.html"), '<script src="https://cdn.example.org/lib.js"></script>');
    const findings = await checkSite(broken);
    expect(findings).toContainEqual({
      file: "index.html",
      rule: "extern-resurs",
      detail: "hämtar https://cdn.example.org/lib.js"
    });
  });

  test("checkSite flags a stylesheet link to Google Fonts and a protocol-relative image", async () => {
    const dir = await copyOfSite();
    await appendTo(
      join(dir, "index.html"),
      '<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=X">'
    );
    await appendTo(join(dir, "index.html"), '<img alt="" src="//example.org/p.png">', "</body>");
    const details = (await checkSite(dir)).map((f) => f.detail);
    expect(details).toContain("hämtar https://fonts.googleapis.com/css2?family=X");
    expect(details).toContain("hämtar //example.org/p.png");
  });

  test("checkSite flags import and fetch of absolute URLs in scripts", async () => {
    const dir = await copyOfSite();
    await writeFile(
      join(dir, "extra.js"),
      'import x from "https://esm.example.org/x.js";\nconst d = await fetch("https://api.example.org/d.json");\nawait import("https://cdn.example.org/y.js");\n'
    );
    const details = (await checkSite(dir)).filter((f) => f.file === "extra.js").map((f) => f.detail);
    expect(details).toEqual([
      "hämtar https://api.example.org/d.json",
      "hämtar https://cdn.example.org/y.js",
      "hämtar https://esm.example.org/x.js"
    ]);
  });

  test("checkSite accepts loopback URLs", async () => {
    const dir = await copyOfSite();
    await writeFile(join(dir, "local.js"), 'const d = await fetch("http://localhost:3000/data.json");\n');
    expect((await checkSite(dir)).filter((f) => f.file === "local.js")).toEqual([]);
  });

  test("checkSite flags a page without lang=sv", async () => {
    const dir = await copyOfSite();
    const file = join(dir, "index.html");
    await writeFile(file, (await readFile(file, "utf8")).replace('<html lang="sv">', "<html>"));
    expect(await checkSite(dir)).toContainEqual({
      file: "index.html",
      rule: "sprak",
      detail: 'sidan saknar <html lang="sv">'
    });
  });

  test("checkSite flags a data file that shows a count another data file of the edition hides", async () => {
    const dir = await copyOfSite();
    const editions = await builtEditions(dir);
    // An edition whose exit reasons hide a cell: uppföljning shows the same cells, so showing it there gives it away.
    const edition = [...editions.values()].find((e) =>
      (e.data.arbetsmarknad as {avslutsorsaker: BreakdownResult}).avslutsorsaker.cells.some((c) => c.value === null)
    );
    if (!edition) throw new Error("Ingen utgåva döljer en avslutsorsak.");
    const file = join(dir, edition.files.uppfoljning as string);
    const followUp = JSON.parse(await readFile(file, "utf8"));
    const cell = followUp.reasons.cells.find((c: {value: number | null}) => c.value === null);
    Object.assign(cell, {value: 3, suppressed: undefined});
    await writeFile(file, JSON.stringify(followUp));
    const findings = (await checkSite(dir)).filter((f) => f.rule === "rojande");
    expect(findings).toContainEqual({
      file: edition.files.arbetsmarknad,
      rule: "rojande",
      detail: `arbetsmarknad.json › Avslut från arbetsmarknadsinsatser per avslutsorsak › ${cell.label} är dold men visas som 3 i uppfoljning.json › Avslutsorsaker för deltagare som avslutats under månaden › ${cell.label}.`
    });
  });

  test("checkSite flags a personnummer in a data file", async () => {
    const dir = await copyOfSite();
    await writeFile(join(dir, "rows.json"), JSON.stringify([{namn: "x", pnr: "19850412-1234"}]));
    expect(await checkSite(dir)).toContainEqual({
      file: "rows.json",
      rule: "personnummer",
      detail: "$[0].pnr: värde som liknar ett personnummer"
    });
  });

  test("checkSite lets a ten-digit amount in a data file pass, and still flags one in a page", async () => {
    const dir = await copyOfSite();
    await writeFile(join(dir, "belopp.json"), JSON.stringify({utbetalt: 1001727360, andel: 0.1}));
    expect(await checkSite(dir)).toEqual([]);
    await appendTo(join(dir, "index.html"), "<p>8504121234</p>", "</body>");
    expect(await checkSite(dir)).toEqual([
      {file: "index.html", rule: "personnummer", detail: 'innehåller "8504121234" som liknar ett personnummer'}
    ]);
  });
});
