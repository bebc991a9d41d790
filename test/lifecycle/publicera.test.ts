// The edition lifecycle as a publisher meets it, in a copy of the project holding the 2022-11 edition (as a draft) and
// its two deliveries: every refusal of `npm run publicera` (nothing changes), the archive before anything is
// published, a publication, builds that read the edition from its record even after its delivery is deleted,
// tampering caught, and a correction that keeps version 1 reachable.
import {execFileSync} from "node:child_process";
import {existsSync, readFileSync} from "node:fs";
import {cp, readdir, readFile, rename, rm, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {beforeAll, describe, expect, test} from "vitest";
import {frontMatterOf} from "../../data-loaders/front-matter.ts";
import type {Provenance} from "../../data-loaders/records.ts";
import {launchBrowser} from "../../scripts/lib/browser.ts";
import {serveStatic} from "../../scripts/lib/static-server.ts";
import {formatInteger} from "../../src/lib/format.ts";
import {text, visitPage} from "../browser/visit.ts";
import {breakDelivery} from "../fixtures/break-delivery.ts";
import {tempProject, type TempProject} from "../fixtures/project.ts";

const MONTH = "2022-11";
const DELIVERY = "2022-12-05";
const LETTER = `src/${MONTH}/tjansteskrivelse.md`;
const REPORT = `src/${MONTH}/index.md`;

let project: TempProject;
/** No-break spaces folded, as text() reads the page. */
const fold = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");
const path = (file: string) => join(project.dir, file);
const read = (file: string) => readFileSync(path(file), "utf8");

/** What a refused publication must leave as it was: both pages and the absence of a record. */
function state(): string {
  return [read(LETTER), read(REPORT), String(existsSync(path("publicerat")))].join("\0");
}

function refused(...args: string[]): string {
  const before = state();
  const result = project.run("publicera", MONTH, ...args);
  expect(result.status, result.stdout + result.stderr).toBe(1);
  expect(state()).toBe(before);
  return result.stderr;
}

async function editPage(file: string, from: string, to: string): Promise<string> {
  const text = read(file);
  expect(text).toContain(from);
  await writeFile(path(file), text.replace(from, to));
  return text;
}

function pdfText(file: string): string {
  return execFileSync("pdftotext", ["-layout", file, "-"], {encoding: "utf8"});
}

async function dataFiles(site: string): Promise<Record<string, string>> {
  const dir = join(site, "_file", MONTH, "data");
  const out: Record<string, string> = {};
  for (const file of await readdir(dir)) out[file] = await readFile(join(dir, file), "utf8");
  return out;
}

describe("npm run publicera and builds of a published edition", () => {
  beforeAll(async () => {
    project = await tempProject([MONTH], ["2022-11-05", DELIVERY]);
  }, 120_000);

  test("publicera refuses drafted text that is still marked as a draft, naming file and line", async () => {
    const original = await editPage(LETTER, "## Ärende", '## Ärende\n\nNy text. <span class="nr-utkast">utkast</span>');
    const message = refused("--godkann-varningar");
    expect(message).toContain("text som ännu är markerad som utkast");
    expect(message).toMatch(new RegExp(`src/${MONTH}/tjansteskrivelse\\.md:\\d+`));
    await writeFile(path(LETTER), original);
  }, 120_000);

  test("publicera refuses another delivery than the default without --leverans", async () => {
    await rename(path(`data/exports/${DELIVERY}`), path("data/exports/2022-12-06"));
    try {
      expect(refused("--godkann-varningar")).toContain(
        `Utgåvan ${MONTH} skulle räknas på leverans 2022-12-06, men dess standardleverans är ${DELIVERY}, som saknas. Ange --leverans 2022-12-06`
      );
    } finally {
      await rename(path("data/exports/2022-12-06"), path(`data/exports/${DELIVERY}`));
    }
  }, 120_000);

  test("publicera refuses a delivery the review finds errors in", async () => {
    const backup = path("leverans-kopia");
    await cp(path(`data/exports/${DELIVERY}`), backup, {recursive: true});
    try {
      await breakDelivery(path(`data/exports/${DELIVERY}`), "lifecare_eb_utbetalning", {
        kind: "dropColumn",
        column: "avser_manad"
      });
      const message = refused("--godkann-varningar");
      expect(message).toContain("Granskningen hittar fel");
      expect(message).toContain("lifecare_eb_utbetalning.parquet saknar kolumnen avser_manad");
    } finally {
      await rm(path(`data/exports/${DELIVERY}`), {recursive: true, force: true});
      await rename(backup, path(`data/exports/${DELIVERY}`));
    }
  }, 180_000);

  test("publicera refuses data-quality warnings that are not acknowledged, listing them", () => {
    const message = refused();
    expect(message).toMatch(/Granskningen har \d+ datakvalitetsvarningar/);
    expect(message).toContain("--godkann-varningar");
    expect(message).toMatch(/\n {2}[a-z_]+:[a-z_]+/);
  }, 180_000);

  test("publicera refuses an edition whose page shows an error, naming page and expression", async () => {
    const original = await editPage(LETTER, "${value(m.utbetalt)}", "${value(m.utbetalningshushal)}");
    try {
      const message = refused("--godkann-varningar");
      expect(message).toContain(`Utgåvan ${MONTH} går inte att bygga`);
      expect(message).toContain(
        "uttrycket `value(m.utbetalningshushal)`: Okänt mått 'utbetalningshushal' – menar du 'utbetalningshushall'?"
      );
    } finally {
      await writeFile(path(LETTER), original);
    }
  }, 300_000);

  test("before anything is published, the archive says so: no headline cards, the draft and every edition", async () => {
    const build = project.run("build", "--ut", "dist0");
    expect(build.status, build.stdout + build.stderr).toBe(0);
    const {server, url} = await serveStatic(path("dist0"));
    const browser = await launchBrowser();
    try {
      const {page, consoleErrors, foreign} = await visitPage(browser, url, "/");
      expect(await page.locator(".nr-headline .nr-kpi").count()).toBe(0);
      expect(await text(page, ".nr-headline-empty")).toBe(
        "Nyckeltalen för den senaste publicerade utgåvan visas här när en utgåva har publicerats."
      );
      expect(await text(page, ".nr-latest")).toContain("Ingen utgåva är publicerad än.");
      expect(await page.locator(".nr-latest a").innerText()).toBe("Nyaste utkastet: november 2022");
      expect(await page.locator("table.nr-archive tbody tr").count()).toBe(1);
      expect(await page.locator("table.nr-archive .nr-status").innerText()).toBe("Utkast");
      expect(consoleErrors).toEqual([]);
      expect(foreign).toEqual([]);
      await page.close();
    } finally {
      await browser.close();
      server.close();
    }
  }, 300_000);

  test("publicera publishes: a record with provenance, frozen preview data and status publicerad on both pages", async () => {
    const result = project.run("publicera", MONTH, "--godkann-varningar", "--datum", "2022-12-15");
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain("Utgåvan november 2022 är publicerad som version 1 (leverans 2022-12-05).");
    for (const page of [LETTER, REPORT]) {
      expect(frontMatterOf(read(page))).toMatchObject({status: "publicerad", version: 1, publicerad: "2022-12-15"});
    }
    const record = path(`publicerat/${MONTH}/v1`);
    const provenance = JSON.parse(read(`publicerat/${MONTH}/v1/proveniens.json`)) as Provenance;
    expect(provenance).toMatchObject({edition: MONTH, version: 1, published: "2022-12-15", correction: null});
    expect(provenance.delivery).toMatchObject({date: DELIVERY, isDefault: true});
    expect(Object.keys(provenance.delivery.files)).toContain("lifecare_eb_utbetalning.parquet");
    expect(provenance.acknowledgedWarnings.length).toBeGreaterThan(0);
    expect(result.stdout).toContain(provenance.acknowledgedWarnings[0].id);
    expect(Object.keys(provenance.pages)).toEqual([`${MONTH}/index.md`, `${MONTH}/tjansteskrivelse.md`]);
    for (const [pdf, hash] of Object.entries(provenance.pdfs)) expect(provenance.files[pdf]).toBe(hash);
    // The preview reads the same numbers as the record.
    for (const file of await readdir(join(record, "data"))) {
      expect(read(`src/${MONTH}/data/${file}`)).toBe(read(`publicerat/${MONTH}/v1/data/${file}`));
    }
  }, 300_000);

  test("publicera refuses to publish a published edition again without --rattelse", () => {
    expect(refused("--godkann-varningar")).toContain(
      `Utgåvan ${MONTH} är redan publicerad (version 1, 2022-12-15). En publicerad utgåva ändras bara genom en rättelse`
    );
  }, 60_000);

  test("a build takes the edition from its record; deleting its delivery changes no data file and no PDF", async () => {
    const first = project.run("build", "--ut", "dist1");
    expect(first.status, first.stdout + first.stderr).toBe(0);
    const site = path("dist1");
    expect(await dataFiles(site)).toEqual(
      Object.fromEntries(
        (await readdir(path(`publicerat/${MONTH}/v1/webb/_file/${MONTH}/data`))).map((f) => [
          f,
          read(`publicerat/${MONTH}/v1/webb/_file/${MONTH}/data/${f}`)
        ])
      )
    );
    await rename(path(`data/exports/${DELIVERY}`), path("borttagen"));
    try {
      const second = project.run("build", "--ut", "dist2");
      expect(second.status, second.stdout + second.stderr).toBe(0);
      expect(await dataFiles(path("dist2"))).toEqual(await dataFiles(site));
      for (const pdf of [`namndrapport-${MONTH}.pdf`, `tjansteskrivelse-${MONTH}.pdf`]) {
        const before = readFileSync(join(site, MONTH, pdf));
        expect(readFileSync(path(`dist2/${MONTH}/${pdf}`)).equals(before)).toBe(true);
        expect(pdfText(path(`dist2/${MONTH}/${pdf}`))).toBe(pdfText(join(site, MONTH, pdf)));
      }
    } finally {
      await rename(path("borttagen"), path(`data/exports/${DELIVERY}`));
    }
  }, 300_000);

  test("the archive shows the published edition's headline cards from its record, each with a trend line", async () => {
    const {server, url} = await serveStatic(path("dist1"));
    const browser = await launchBrowser();
    try {
      const {page, consoleErrors, foreign} = await visitPage(browser, url, "/");
      const frozen = (section: string) =>
        (JSON.parse(read(`publicerat/${MONTH}/v1/data/${section}.json`)) as {metrics: Record<string, {value: number}>})
          .metrics;
      const eb = frozen("ekonomiskt-bistand");
      const am = frozen("arbetsmarknad");
      expect(await text(page, ".nr-headline h2")).toBe("Nyckeltal november 2022");
      const numbers = (await page.locator(".nr-headline .nr-kpi-number").allInnerTexts()).map(fold);
      expect(numbers).toEqual(
        [eb.utbetalt, eb.utbetalningshushall, am.am_inskrivna, eb.integration].map((m) => fold(formatInteger(m.value)))
      );
      expect(await page.locator(".nr-headline svg.nr-sparkline[role=img]").count()).toBe(4);
      expect(await text(page, ".nr-headline-source")).toContain("version 1 (2022-12-15)");
      expect(await page.locator(".nr-headline-empty").count()).toBe(0);
      expect(consoleErrors).toEqual([]);
      expect(foreign).toEqual([]);
      await page.close();
    } finally {
      await browser.close();
      server.close();
    }
  }, 120_000);

  test("a build refuses a tampered record file and a published page edited outside a correction", async () => {
    const file = `publicerat/${MONTH}/v1/data/bilagor.json`;
    const original = read(file);
    await writeFile(path(file), original.replace(/"ansokande_hushall":(\d)/, '"ansokande_hushall":9$1'));
    try {
      const result = project.run("build", "--ut", "dist-fel");
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`${file} har ändrats efter publiceringen.`);
    } finally {
      await writeFile(path(file), original);
    }
    await editPage(
      LETTER,
      "samt muntlig information från verksamheten.",
      "samt muntlig information från verksamheterna."
    );
    const result = project.run("build", "--ut", "dist-fel");
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `src/${MONTH}/tjansteskrivelse.md har ändrats efter publiceringen av utgåvan ${MONTH}.`
    );
    expect(result.stderr).toContain(`npm run publicera -- ${MONTH} --rattelse`);
  }, 120_000);

  test("a correction publishes version 2 with the edited text and keeps version 1 with its PDF reachable", async () => {
    const reason = "Texten om den muntliga informationen gäller alla verksamheter.";
    const result = project.run(
      "publicera",
      MONTH,
      "--rattelse",
      reason,
      "--godkann-varningar",
      "--datum",
      "2026-12-02"
    );
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain("Rättelsen av november 2022 är publicerad som version 2");
    expect(frontMatterOf(read(LETTER))).toMatchObject({
      version: 2,
      rattelser: [{datum: "2026-12-02", motivering: reason, version: 2}]
    });
    const build = project.run("build", "--ut", "dist3");
    expect(build.status, build.stdout + build.stderr).toBe(0);
    const site = path("dist3");
    const current = readFileSync(join(site, MONTH, "tjansteskrivelse.html"), "utf8");
    expect(current).toContain("verksamheterna.");
    expect(current).toContain(`Rättad 2026-12-02: ${reason}`);
    const older = readFileSync(join(site, `${MONTH}-v1`, "tjansteskrivelse.html"), "utf8");
    expect(older).toContain("samt muntlig information från verksamheten.");
    expect(older).toContain("Ersatt: detta är version 1");
    const v1Pdf = join(site, `${MONTH}-v1`, `tjansteskrivelse-${MONTH}-v1.pdf`);
    expect(
      readFileSync(v1Pdf).equals(readFileSync(path(`publicerat/${MONTH}/v1/tjansteskrivelse-${MONTH}-v1.pdf`)))
    ).toBe(true);
    expect(pdfText(join(site, MONTH, `tjansteskrivelse-${MONTH}.pdf`))).toContain("Rättad 2026-12-02");
    const archive = JSON.parse(
      readFileSync(
        join(
          site,
          "_file",
          "data",
          (await readdir(join(site, "_file", "data"))).find((f) => f.startsWith("utgavor."))!
        ),
        "utf8"
      )
    ) as {month: string; versions: {version: number; folder: string}[]}[];
    expect(archive.find((e) => e.month === MONTH)?.versions.map((v) => [v.version, v.folder])).toEqual([
      [2, `./${MONTH}/`],
      [1, `./${MONTH}-v1/`]
    ]);
  }, 400_000);
});
