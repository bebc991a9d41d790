// The review CLI's late registrations (efterregistrering) for utbetalt and utbetalningshushåll, checked against DuckDB
// SQL written here from docs/metrics.md and docs/data-contract.md, straight over the raw Parquet of the two
// deliveries. Nothing from data-loaders/ is imported, so a bug there cannot hide in both sides.
import {execFile} from "node:child_process";
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {promisify} from "node:util";
import {DuckDBInstance, type DuckDBConnection} from "@duckdb/node-api";
import {afterAll, beforeAll, describe, expect, test} from "vitest";

const run = promisify(execFile);

const MONTH = "2023-11";
/** The same root the CLI reads: NAMNDRAPPORT_EXPORTS, else data/exports. */
const ROOT = resolve(process.env.NAMNDRAPPORT_EXPORTS ?? "data/exports");
const CLI_TIMEOUT = 180_000;

/** Only the keys of `granska --json` this test relies on; the JSON may carry more. */
interface LateRow {
  metric: string;
  label: string;
  unit: string;
  month: string;
  before: number;
  after: number;
  difference: number;
  share: number | null;
}
interface ReviewJson {
  month: string;
  delivery: string;
  previousDelivery: string | null;
  lateRegistrations: LateRow[];
}

/** A change normalised for exact comparison: kronor as whole öre, households as counts. */
interface Change {
  metric: string;
  month: string;
  before: number;
  after: number;
  difference: number;
}

const VERIFIED = ["utbetalt", "utbetalningshushall"];

/** The delivery folders under root (named YYYY-MM-DD, with a manifest), oldest first. */
function deliveries(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((name) => /^\d{4}-\d{2}-\d{2}$/.test(name) && existsSync(join(root, name, "manifest.json")))
    .sort();
}

/** "YYYY-MM" plus n months. */
function addMonths(month: string, n: number): string {
  const [y, m] = month.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1 + n, 1)).toISOString().slice(0, 7);
}

/** The last day of a month, "YYYY-MM-DD". */
function monthEnd(month: string): string {
  const [y, m] = month.split("-").map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** Every month from `from` through `to`, inclusive. */
function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** The Parquet file of a table in a delivery, as its manifest names it. */
function tableFile(delivery: string, table: string): string {
  const manifest = JSON.parse(readFileSync(join(ROOT, delivery, "manifest.json"), "utf8")) as {
    tables: Record<string, {file: string}>;
  };
  const entry = manifest.tables[table];
  if (!entry) throw new Error(`manifest.json of ${delivery} lists no table ${table}`);
  return join(ROOT, delivery, entry.file);
}

let conn: DuckDBConnection;
let instance: DuckDBInstance;
let review: ReviewJson;
let cliSeconds: number;

/**
 * Per avser-månad in [first, last], from both systems: utbetalt in öre (every amount, corrections included) and the
 * distinct households with at least one payment > 0. Treserva's PERIOD is text YYYYMM and its household comes from the
 * case; Lifecare's avser_manad is the first day of the month.
 */
async function paymentsByMonth(
  delivery: string,
  first: string,
  last: string
): Promise<Map<string, {ore: number; households: number}>> {
  const reader = await conn.runAndReadAll(
    `with treserva as (
       select substr(u.PERIOD, 1, 4) || '-' || substr(u.PERIOD, 5, 2) as month, a.HUSHALL_NYCKEL as household,
         cast(u.BELOPP as decimal(18, 2)) as amount
       from read_parquet($treserva_utbetalning) u left join read_parquet($treserva_arende) a using (ARENDE_NR)
     ),
     lifecare as (
       select strftime(avser_manad, '%Y-%m') as month, hushall_id as household, cast(belopp as decimal(18, 2)) as amount
       from read_parquet($lifecare_eb_utbetalning)
     ),
     payments as (select * from treserva union all select * from lifecare)
     select month, cast(sum(amount) * 100 as bigint) as ore,
       count(distinct household) filter (where amount > 0) as households
     from payments
     where month between $first and $last
     group by month
     order by month`,
    {
      treserva_utbetalning: tableFile(delivery, "treserva_utbetalning"),
      treserva_arende: tableFile(delivery, "treserva_arende"),
      lifecare_eb_utbetalning: tableFile(delivery, "lifecare_eb_utbetalning"),
      first,
      last
    }
  );
  return new Map(
    reader
      .getRowObjectsJS()
      .map((row) => [String(row.month), {ore: Number(row.ore), households: Number(row.households)}])
  );
}

/** The independent late registrations: months before MONTH in the edition's window whose value changed. */
async function independentChanges(before: string, after: string): Promise<Change[]> {
  // Monthly series run from February of year(M) − 2 (docs/metrics.md, "Rolling window").
  const first = `${Number(MONTH.slice(0, 4)) - 2}-02`;
  const last = addMonths(MONTH, -1);
  const [old, now] = await Promise.all([paymentsByMonth(before, first, last), paymentsByMonth(after, first, last)]);
  const changes: Change[] = [];
  for (const month of monthsBetween(first, last)) {
    const a = old.get(month) ?? {ore: 0, households: 0};
    const b = now.get(month) ?? {ore: 0, households: 0};
    if (a.ore !== b.ore) {
      changes.push({metric: "utbetalt", month, before: a.ore, after: b.ore, difference: b.ore - a.ore});
    }
    if (a.households !== b.households) {
      changes.push({
        metric: "utbetalningshushall",
        month,
        before: a.households,
        after: b.households,
        difference: b.households - a.households
      });
    }
  }
  return changes.sort((x, y) => x.metric.localeCompare(y.metric) || x.month.localeCompare(y.month));
}

/** A CLI row in the same units: utbetalt rounded to whole öre, counts as they are. */
function normalise(row: LateRow): Change {
  const scale = row.metric === "utbetalt" ? 100 : 1;
  const exact = (value: number) => Math.round(value * scale);
  return {
    metric: row.metric,
    month: row.month,
    before: exact(row.before),
    after: exact(row.after),
    difference: exact(row.difference)
  };
}

beforeAll(
  async () => {
    // The sample is normally there already; write it when the root has no delivery after the month.
    if (!deliveries(ROOT).some((date) => date > monthEnd(MONTH))) {
      await run("npx", ["tsx", "scripts/sample.ts", "--ut", ROOT], {timeout: CLI_TIMEOUT, maxBuffer: 16 * 1024 * 1024});
    }
    const started = Date.now();
    const {stdout} = await run("npx", ["tsx", "scripts/granska.ts", MONTH, "--json"], {
      env: {...process.env, NAMNDRAPPORT_EXPORTS: ROOT},
      timeout: CLI_TIMEOUT,
      maxBuffer: 64 * 1024 * 1024
    });
    cliSeconds = (Date.now() - started) / 1000;
    review = JSON.parse(stdout) as ReviewJson;
    instance = await DuckDBInstance.create(":memory:");
    conn = await instance.connect();
  },
  2 * CLI_TIMEOUT + 60_000
);

afterAll(() => {
  conn?.closeSync();
  instance?.closeSync();
});

describe(`granska ${MONTH} --json: late registrations against an independent query`, () => {
  test("granska compares the edition's delivery with the delivery just before it", () => {
    const dates = deliveries(ROOT);
    const delivery = dates.find((date) => date > monthEnd(MONTH));
    expect(review.month).toBe(MONTH);
    expect(review.delivery).toBe(delivery);
    expect(review.previousDelivery).toBe(dates[dates.indexOf(review.delivery) - 1]);
    console.log(`granska ${MONTH} --json took ${cliSeconds.toFixed(1)} s`);
  });

  test("granska lists exactly the months whose utbetalt or utbetalningshushåll changed, with the same figures", async () => {
    expect(review.previousDelivery).not.toBeNull();
    const expected = await independentChanges(review.previousDelivery as string, review.delivery);
    // The sample registers about 4 % of main payments late, so recent months must change.
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.some((c) => c.metric === "utbetalt")).toBe(true);
    const actual = review.lateRegistrations
      .filter((row) => VERIFIED.includes(row.metric))
      .map(normalise)
      .sort((x, y) => x.metric.localeCompare(y.metric) || x.month.localeCompare(y.month));
    expect(actual).toEqual(expected);
    const other = review.lateRegistrations.filter((row) => !VERIFIED.includes(row.metric)).map((r) => r.metric);
    console.log(
      `late registrations: ${expected.length} verified (${VERIFIED.map(
        (id) => `${id} ${expected.filter((c) => c.metric === id).length}`
      ).join(", ")}), not verified here: ${other.length ? [...new Set(other)].join(", ") : "none"}`
    );
  });

  test("granska counts paying households as whole numbers", () => {
    for (const row of review.lateRegistrations.filter((r) => r.metric === "utbetalningshushall")) {
      expect(Number.isInteger(row.before) && Number.isInteger(row.after) && Number.isInteger(row.difference)).toBe(
        true
      );
    }
  });

  test("every late registration row has difference = after − before and share = difference / before", () => {
    expect(review.lateRegistrations.length).toBeGreaterThan(0);
    for (const row of review.lateRegistrations) {
      expect(row.difference).toBeCloseTo(row.after - row.before, 6);
      expect(row.difference).not.toBe(0);
      if (row.before === 0) expect(row.share).toBeNull();
      else expect(row.share).toBeCloseTo(row.difference / row.before, 12);
    }
  });
});
