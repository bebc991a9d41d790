// "Which published editions now show other numbers": each change's published value is the edition's frozen value
// (its record), and its new value what the loader gives today on the reviewed delivery.
import {execFile} from "node:child_process";
import {resolve} from "node:path";
import {promisify} from "node:util";
import {beforeAll, describe, expect, test} from "vitest";
import {listEditions} from "../../data-loaders/editions.ts";
import {frozenSection, recordVersions} from "../../data-loaders/records.ts";
import type {MetricResult} from "../../src/lib/metric-types.ts";
import {buildReview, publishedChanges} from "../../data-loaders/review/review.ts";
import type {Review} from "../../src/lib/review-types.ts";

const run = promisify(execFile);
const EXPORTS = resolve("data/exports");
const MONTH = "2023-11";

/** The metrics the real loader entry computes for `month` on `delivery`. */
async function loaderMetrics(name: string, month: string, delivery: string): Promise<Record<string, MetricResult>> {
  const {stdout} = await run(
    "npx",
    ["tsx", `src/[month]/data/${name}.json.ts`, `--month=${month}`, `--leverans=${delivery}`],
    {
      env: {...process.env, NAMNDRAPPORT_EXPORTS: EXPORTS},
      maxBuffer: 64 * 1024 * 1024
    }
  );
  return (JSON.parse(stdout) as {metrics: Record<string, MetricResult>}).metrics;
}

/** The value a page shows for a month: the series point, else the previous month or year of the KPI card. */
function shown(metric: MetricResult, month: string): number | null | undefined {
  if (metric.month === month) return metric.value;
  const point = metric.series.find((p) => p.month === month);
  if (point) return point.value;
  if (metric.previousYear.month === month) return metric.previousYear.value;
  if (metric.previousMonth.month === month) return metric.previousMonth.value;
  return undefined;
}

const SECTIONS = ["ekonomiskt-bistand", "arbetsmarknad"];

describe(`buildReview(exports, ${MONTH}) on the sample's published editions`, () => {
  let review: Review;
  beforeAll(async () => {
    review = await buildReview(EXPORTS, MONTH, {threshold: 0.1, sourceRoot: "src"});
  }, 600_000);

  test("compares every published edition up to the month, newest version, with the delivery it was published with", () => {
    const published = listEditions("src").filter((e) => e.status === "publicerad" && e.month <= MONTH);
    expect(published.length).toBeGreaterThan(0);
    // Oldest edition first, as the review page lists them.
    expect(review.publishedEditions.map((e) => [e.month, e.version, e.delivery])).toEqual(
      published.reverse().map((e) => {
        const newest = recordVersions(e.month).at(-1)!;
        return [e.month, newest.version, newest.provenance.delivery.date];
      })
    );
    for (const e of review.publishedEditions) {
      expect(e.changes).toBe(review.publishedChanges.filter((c) => c.edition === e.month).length);
    }
  });

  test("each change holds the frozen value and the value the loader gives today; nothing else changed", async () => {
    for (const edition of review.publishedEditions) {
      const changes = review.publishedChanges.filter((c) => c.edition === edition.month);
      const version = recordVersions(edition.month).at(-1)!;
      const frozen = Object.assign(
        {},
        ...SECTIONS.map((s) => frozenSection<{metrics: Record<string, MetricResult>}>(version, s)!.metrics)
      ) as Record<string, MetricResult>;
      const now = Object.assign(
        {},
        ...(await Promise.all(SECTIONS.map((s) => loaderMetrics(s, edition.month, review.delivery))))
      ) as Record<string, MetricResult>;
      for (const c of changes) {
        expect(shown(frozen[c.metric], c.month), `${edition.month} ${c.metric} ${c.month} publicerat`).toBe(c.before);
        expect(shown(now[c.metric], c.month), `${edition.month} ${c.metric} ${c.month} i dag`).toBe(c.after);
        expect(["data", "kod", "kod och data", "okänd"]).toContain(c.cause);
      }
      for (const id of ["utbetalt", "utbetalningshushall", "am_inskrivna"]) {
        for (const p of frozen[id].series) {
          const listed = changes.some((c) => c.metric === id && c.month === p.month);
          const other = shown(now[id], p.month);
          if (!listed && p.value !== null && other != null)
            expect(other, `${edition.month} ${id} ${p.month}`).toBe(p.value);
        }
      }
    }
  }, 600_000);
});

describe("publishedChanges(edition, frozen, now, then)", () => {
  const metric = (unit: MetricResult["unit"], values: [string, number][], lastYear = 5): MetricResult =>
    ({
      id: "m",
      label: "Mått",
      unit,
      month: values.at(-1)![0],
      value: values.at(-1)![1],
      previousMonth: {month: values.at(-2)![0], value: values.at(-2)![1]},
      previousYear: {month: "2022-08", value: lastYear},
      series: values.map(([month, value]) => ({month, value, system: null}))
    }) as MetricResult;
  const edition = {month: "2023-08", version: 1, delivery: "2023-09-05"};

  test("lists changed values, including the previous year's, and ignores a share's change below the shown precision", () => {
    const frozen = {
      m: metric("hushåll", [
        ["2023-07", 10],
        ["2023-08", 20]
      ])
    };
    const now = {
      m: metric(
        "hushåll",
        [
          ["2023-07", 12],
          ["2023-08", 20]
        ],
        6
      )
    };
    const counts = publishedChanges(edition, frozen, now, frozen);
    expect(counts.map((c) => [c.month, c.before, c.after, c.difference, c.share, c.cause])).toEqual([
      ["2022-08", 5, 6, 1, 0.2, "data"],
      ["2023-07", 10, 12, 2, 0.2, "data"]
    ]);
    const shares = publishedChanges(
      edition,
      {
        m: metric("andel", [
          ["2023-07", 0.1001],
          ["2023-08", 0.2]
        ])
      },
      {
        m: metric("andel", [
          ["2023-07", 0.1004],
          ["2023-08", 0.2011]
        ])
      },
      null
    );
    expect(shares.map((c) => [c.month, c.cause])).toEqual([["2023-08", "okänd"]]);
  });

  test("names code as the cause when today's code gives another number on the same delivery", () => {
    const frozen = {
      m: metric("kr", [
        ["2023-07", 100],
        ["2023-08", 200]
      ])
    };
    // Today's code on the edition's own delivery: July differs (code). August differs only on today's delivery (data).
    const then = {
      m: metric("kr", [
        ["2023-07", 130],
        ["2023-08", 200]
      ])
    };
    const now = {
      m: metric("kr", [
        ["2023-07", 130],
        ["2023-08", 210]
      ])
    };
    expect(publishedChanges(edition, frozen, now, then).map((c) => [c.month, c.cause])).toEqual([
      ["2023-07", "kod"],
      ["2023-08", "data"]
    ]);
    const both = {
      m: metric("kr", [
        ["2023-07", 140],
        ["2023-08", 200]
      ])
    };
    expect(publishedChanges(edition, frozen, both, then).map((c) => [c.month, c.cause])).toEqual([
      ["2023-07", "kod och data"]
    ]);
  });
});
