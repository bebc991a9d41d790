// The review of published editions compares their frozen values with today's deliveries and code, and names the
// cause: here a "code change" (utbetalt computed 1 000 kr higher, simulated by wrapping the metric module) is named as
// code, while changes from later deliveries are named as data, and a delivery no longer as published makes the cause
// unknown. The record itself is never touched.
import {mkdir, mkdtemp, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {afterAll, beforeAll, describe, expect, test, vi} from "vitest";
import {deliveryForMonth, openDelivery} from "../../data-loaders/deliveries.ts";
import {filesUnder, sha256File, verifyEdition, type Provenance} from "../../data-loaders/records.ts";
import {buildReview} from "../../data-loaders/review/review.ts";
import {loaderContext, loaderResult} from "../../data-loaders/run-loader.ts";
import {SECTIONS} from "../../data-loaders/sections.ts";
import type {MetricResult} from "../../src/lib/metric-types.ts";
import type {Review} from "../../src/lib/review-types.ts";

const code = vi.hoisted(() => ({changed: false}));

vi.mock("../../data-loaders/metrics/ekonomiskt-bistand.ts", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../data-loaders/metrics/ekonomiskt-bistand.ts")>();
  return {
    ...actual,
    ekonomisktBistand: async (...args: Parameters<typeof actual.ekonomisktBistand>) => {
      const section = await actual.ekonomisktBistand(...args);
      if (!code.changed) return section;
      const plus = (v: number | null) => (v === null ? null : v + 1000);
      const m: MetricResult = section.metrics.utbetalt;
      section.metrics.utbetalt = {
        ...m,
        value: plus(m.value),
        previousMonth: {...m.previousMonth, value: plus(m.previousMonth.value)},
        previousYear: {...m.previousYear, value: plus(m.previousYear.value)},
        series: m.series.map((p) => ({...p, value: plus(p.value)}))
      };
      return section;
    }
  };
});

const EXPORTS = resolve("data/exports");
const EDITION = "2023-08";
const saved = process.env.NAMNDRAPPORT_PUBLICERAT;

/** A record of EDITION made with today's (unchanged) code on its default delivery, in a temporary records root. */
async function writeRecord(records: string, source: string, deliveryHashes?: Record<string, string>): Promise<void> {
  const delivery = deliveryForMonth(EXPORTS, EDITION);
  const dir = join(records, EDITION, "v1");
  await mkdir(join(dir, "data"), {recursive: true});
  const context = loaderContext(await openDelivery(EXPORTS, delivery, {cache: true}), EDITION, delivery);
  for (const name of ["ekonomiskt-bistand", "arbetsmarknad"] as const) {
    const result = await loaderResult(SECTIONS[name], context, `${name}.json`);
    await writeFile(join(dir, "data", `${name}.json`), JSON.stringify(result));
  }
  const files = Object.fromEntries(filesUnder(dir).map((f) => [f, sha256File(join(dir, f))]));
  const deliveryDir = join(EXPORTS, delivery);
  const provenance = {
    edition: EDITION,
    version: 1,
    published: "2023-09-20",
    correction: null,
    delivery: {
      date: delivery,
      isDefault: true,
      manifestSha256: sha256File(join(deliveryDir, "manifest.json")),
      files:
        deliveryHashes ?? Object.fromEntries(filesUnder(deliveryDir).map((f) => [f, sha256File(join(deliveryDir, f))]))
    },
    pages: {},
    pdfs: {},
    files
  } as unknown as Provenance;
  await writeFile(join(dir, "proveniens.json"), JSON.stringify(provenance));
  await mkdir(join(source, EDITION), {recursive: true});
  for (const page of ["index.md", "tjansteskrivelse.md"]) {
    await writeFile(join(source, EDITION, page), "---\nstatus: publicerad\n---\n");
  }
}

describe("buildReview: published editions against their frozen values", () => {
  let review: Review;
  let records: string;
  let source: string;

  beforeAll(async () => {
    records = await mkdtemp(join(tmpdir(), "namndrapport-poster-"));
    source = await mkdtemp(join(tmpdir(), "namndrapport-src-"));
    process.env.NAMNDRAPPORT_PUBLICERAT = records;
    code.changed = false;
    await writeRecord(records, source);
    code.changed = true;
    review = await buildReview(EXPORTS, "2023-11", {threshold: 0.1, sourceRoot: source});
  }, 600_000);

  afterAll(() => {
    if (saved === undefined) delete process.env.NAMNDRAPPORT_PUBLICERAT;
    else process.env.NAMNDRAPPORT_PUBLICERAT = saved;
  });

  test("a number the code now computes differently is named as caused by code", () => {
    expect(review.publishedEditions).toEqual([
      {
        month: EDITION,
        version: 1,
        published: "2023-09-20",
        delivery: "2023-09-05",
        deliveryAvailable: true,
        changes: expect.any(Number)
      }
    ]);
    const utbetalt = review.publishedChanges.filter((c) => c.metric === "utbetalt");
    expect(utbetalt.length).toBeGreaterThan(0);
    // Every shown month of utbetalt changed by code; months also changed by late registrations say both.
    for (const c of utbetalt) expect(["kod", "kod och data"]).toContain(c.cause);
    expect(utbetalt.some((c) => c.cause === "kod" && c.difference === 1000)).toBe(true);
  });

  test("a number only a later delivery changed is named as caused by data", () => {
    const others = review.publishedChanges.filter((c) => c.metric !== "utbetalt");
    expect(others.length).toBeGreaterThan(0);
    for (const c of others) expect(c.cause).toBe("data");
  });

  test("the review writes nothing: the record still matches its hashes", () => {
    expect(verifyEdition(EDITION, source).filter((p) => p.kind === "post")).toEqual([]);
  });

  test("when the delivery is no longer as published, the cause is unknown", async () => {
    const other = await mkdtemp(join(tmpdir(), "namndrapport-poster-"));
    const otherSource = await mkdtemp(join(tmpdir(), "namndrapport-src-"));
    process.env.NAMNDRAPPORT_PUBLICERAT = other;
    code.changed = false;
    await writeRecord(other, otherSource, {"manifest.json": "0".repeat(64)});
    code.changed = true;
    const gone = await buildReview(EXPORTS, "2023-11", {threshold: 0.1, sourceRoot: otherSource});
    expect(gone.publishedEditions[0].deliveryAvailable).toBe(false);
    expect(gone.publishedChanges.length).toBeGreaterThan(0);
    for (const c of gone.publishedChanges) expect(c.cause).toBe("okänd");
  }, 600_000);
});
