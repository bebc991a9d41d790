// archive(root): the archive's data. The newest published edition carries its headline metrics exactly as its frozen
// record holds them (a record made here, in a temporary records root); with nothing published no edition does.
import {mkdir, mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterEach, beforeEach, describe, expect, test} from "vitest";
import {archive, HEADLINE_CARDS, publishedHeadline} from "../../data-loaders/editions.ts";
import type {MetricResult} from "../../src/lib/metric-types.ts";
import {integration, utbetalt} from "../components/fixtures.ts";

const saved = process.env.NAMNDRAPPORT_PUBLICERAT;
let records: string;
let source: string;

async function page(month: string, status: string): Promise<void> {
  await mkdir(join(source, month), {recursive: true});
  for (const file of ["index.md", "tjansteskrivelse.md"]) {
    await writeFile(join(source, month, file), `---\nstatus: ${status}\n---\n`);
  }
}

/** A version of `month` whose frozen sections hold the fixtures, with one value marked so it can be recognised. */
async function record(month: string, version: number, marker: number): Promise<void> {
  const dir = join(records, month, `v${version}`);
  await mkdir(join(dir, "data"), {recursive: true});
  const metric = (m: MetricResult, id: string): MetricResult => ({...m, id, month, value: marker});
  await writeFile(
    join(dir, "data", "ekonomiskt-bistand.json"),
    JSON.stringify({
      metrics: {
        utbetalt: metric(utbetalt, "utbetalt"),
        utbetalningshushall: metric(utbetalt, "utbetalningshushall"),
        integration: metric(integration, "integration")
      }
    })
  );
  await writeFile(
    join(dir, "data", "arbetsmarknad.json"),
    JSON.stringify({metrics: {am_inskrivna: metric(utbetalt, "am_inskrivna")}})
  );
  await writeFile(
    join(dir, "proveniens.json"),
    JSON.stringify({published: `${month}-20`, delivery: {date: `${month}-05`}})
  );
}

beforeEach(async () => {
  records = await mkdtemp(join(tmpdir(), "namndrapport-poster-"));
  source = await mkdtemp(join(tmpdir(), "namndrapport-src-"));
  process.env.NAMNDRAPPORT_PUBLICERAT = records;
});

afterEach(async () => {
  if (saved === undefined) delete process.env.NAMNDRAPPORT_PUBLICERAT;
  else process.env.NAMNDRAPPORT_PUBLICERAT = saved;
  await rm(records, {recursive: true, force: true});
  await rm(source, {recursive: true, force: true});
});

describe("archive", () => {
  test("with nothing published no edition has headline metrics", async () => {
    await page("2023-08", "utkast");
    await page("2023-11", "utkast");
    const editions = archive(source);
    expect(editions.map((e) => e.month)).toEqual(["2023-11", "2023-08"]);
    expect(editions.every((e) => e.headline === undefined)).toBe(true);
  });

  test("the newest published edition carries its newest version's frozen headline metrics", async () => {
    await page("2023-02", "publicerad");
    await page("2023-08", "publicerad");
    await page("2023-11", "utkast");
    await record("2023-02", 1, 111);
    await record("2023-08", 1, 222);
    await record("2023-08", 2, 333);
    const editions = archive(source);
    expect(editions.map((e) => [e.month, e.status, e.headline?.version ?? null])).toEqual([
      ["2023-11", "utkast", null],
      ["2023-08", "publicerad", 2],
      ["2023-02", "publicerad", null]
    ]);
    const headline = editions[1].headline!;
    expect(headline.published).toBe("2023-08-20");
    expect(headline.cards.map((c) => [c.title, c.metric.id, c.metric.value])).toEqual(
      HEADLINE_CARDS.map((c) => [c.title, c.id, 333])
    );
  });

  test("publishedHeadline shows no cards from a record missing a section", async () => {
    await record("2023-08", 1, 1);
    await rm(join(records, "2023-08", "v1", "data", "arbetsmarknad.json"));
    expect(publishedHeadline("2023-08")).toBeNull();
  });
});
