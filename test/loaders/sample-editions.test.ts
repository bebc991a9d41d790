// The real loader entries (src/[month]/data/*.json.ts, run as Framework runs them) over the bundled sample.
import {execFile} from "node:child_process";
import {cp, mkdtemp} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {promisify} from "node:util";
import {beforeAll, describe, expect, test} from "vitest";
import {connect} from "../../data-loaders/db.ts";
import {listDeliveries} from "../../data-loaders/deliveries.ts";
import type {MetricResult} from "../../src/lib/metric-types.ts";

const run = promisify(execFile);
const EXPORTS = resolve("data/exports");

async function loader(
  name: string,
  month: string,
  exportsRoot = EXPORTS
): Promise<{metrics: Record<string, MetricResult>}> {
  const {stdout} = await run("npx", ["tsx", `src/[month]/data/${name}.json.ts`, `--month=${month}`], {
    env: {...process.env, NAMNDRAPPORT_EXPORTS: exportsRoot},
    maxBuffer: 64 * 1024 * 1024
  });
  return JSON.parse(stdout);
}

// SPEC §6 calibration targets: utbetalt, utbetalningshushåll, inskrivna AM, integrationsenheten (null = not available).
const TARGETS: [string, number, number, number, number | null][] = [
  ["2022-08", 24615318, 2386, 371, 404],
  ["2022-11", 22448660, 2229, 429, null],
  ["2023-08", 23887841, 2160, 654, 336],
  ["2023-11", 22632677, 2122, 710, 320]
];

describe("loader entries over the sample", () => {
  beforeAll(() => {
    // The global setup's build generates the sample when data/exports is empty.
    expect(listDeliveries(EXPORTS).length).toBeGreaterThan(40);
  });

  test.each(TARGETS)(
    "ekonomiskt-bistand and arbetsmarknad for %s give the SPEC figures",
    async (month, kr, hh, am, integration) => {
      const eb = await loader("ekonomiskt-bistand", month);
      const amOut = await loader("arbetsmarknad", month);
      expect(eb.metrics.utbetalt.value).toBe(kr);
      expect(eb.metrics.utbetalningshushall.value).toBe(hh);
      expect(amOut.metrics.am_inskrivna.value).toBe(am);
      expect(eb.metrics.integration.value).toBe(integration);
    }
  );

  test("the 2023-11 and 2023-08 editions carry last year's SPEC figures", async () => {
    const november = await loader("ekonomiskt-bistand", "2023-11");
    expect(november.metrics.utbetalt.previousYear.value).toBe(22448660);
    expect(november.metrics.utbetalningshushall.previousYear.value).toBe(2229);
    expect(november.metrics.integration.previousYear).toMatchObject({value: null, comparable: false});
    const august = await loader("ekonomiskt-bistand", "2023-08");
    expect(august.metrics.utbetalt.previousYear.value).toBe(24615318);
    expect(august.metrics.integration.previousYear.value).toBe(404);
  });

  test("ekonomiskt-bistand for 2023-02 gives andel återaktualiserade 10,7 %", async () => {
    const eb = await loader("ekonomiskt-bistand", "2023-02");
    expect(Math.round((eb.metrics.ateraktualiserade_eb.value ?? 0) * 1000) / 10).toBe(10.7);
  });

  test("changing one payment in a copy of the sample changes utbetalt by exactly that amount", async () => {
    const copy = await mkdtemp(join(tmpdir(), "namndrapport-kopia-"));
    await cp(join(EXPORTS, "2023-12-05"), join(copy, "2023-12-05"), {recursive: true});
    const before = await loader("ekonomiskt-bistand", "2023-11", copy);
    const file = join(copy, "2023-12-05", "lifecare_eb_utbetalning.parquet");
    const conn = await connect();
    await conn.run(`create table p as select * from read_parquet('${file}')`);
    // The first positive payment for November 2023 gets 1 234,50 kr more.
    await conn.run(`
      update p set belopp = belopp + 1234.50
      where utbetalning_id = (
        select min(utbetalning_id) from p where avser_manad = date '2023-11-01' and belopp > 0
      )`);
    await conn.run(`copy (select * from p order by utbetalning_id) to '${file}' (format parquet)`);
    const after = await loader("ekonomiskt-bistand", "2023-11", copy);
    expect((after.metrics.utbetalt.value ?? 0) - (before.metrics.utbetalt.value ?? 0)).toBeCloseTo(1234.5, 6);
    expect(after.metrics.utbetalningshushall.value).toBe(before.metrics.utbetalningshushall.value);
  });
});
