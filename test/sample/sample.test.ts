// The bundled sample, checked from the outside: generated once (scale 1) into a temporary folder, then read back with
// DuckDB SQL written here from docs/metrics.md, never through the generator's own counters.
import {createHash} from "node:crypto";
import {mkdtemp, readdir, readFile, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {DuckDBInstance, type DuckDBConnection, type DuckDBValue} from "@duckdb/node-api";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {generateSample} from "../../scripts/sample/index.ts";

let dir: string;
/** A second, independent generation for the determinism check; both runs overlap to save time. */
let second: string;
let conn: DuckDBConnection;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "namndrapport-sample-"));
  second = await mkdtemp(join(tmpdir(), "namndrapport-sample-"));
  await Promise.all([generateSample({outDir: dir}), generateSample({outDir: second})]);
  conn = await (await DuckDBInstance.create(":memory:")).connect();
}, 240_000);

afterAll(async () => {
  conn?.closeSync();
  for (const path of [dir, second]) if (path) await rm(path, {recursive: true, force: true});
});

const file = (delivery: string, table: string) => join(dir, delivery, `${table}.parquet`);

/** Runs SQL in which `{table}` stands for read_parquet of that table in the delivery; binds the $params it uses. */
async function query(delivery: string, sql: string, params: Record<string, DuckDBValue> = {}) {
  const placeholder = /\{([a-z_]+)\}/g;
  const values: Record<string, DuckDBValue> = {};
  for (const [, table] of sql.matchAll(placeholder)) values[`file_${table}`] = file(delivery, table);
  const text = sql.replace(placeholder, (_, table: string) => `read_parquet($file_${table})`);
  for (const [name, value] of Object.entries(params)) if (new RegExp(`\\$${name}\\b`).test(text)) values[name] = value;
  const reader = await conn.runAndReadAll(text, values);
  return reader.getRowObjectsJS();
}

const monthStart = (month: string) => `${month}-01`;
const monthEnd = (month: string) => {
  const [y, m] = month.split("-").map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};
/** The first delivery after the month ends (the edition's delivery). */
const firstDelivery = (month: string) => {
  const [y, m] = month.split("-").map(Number);
  return new Date(Date.UTC(y, m, 5)).toISOString().slice(0, 10);
};
const LAST = "2024-01-05";
const months = (from: string, to: string) => {
  const out: string[] = [];
  for (
    let d = new Date(`${from}-01T00:00:00Z`);
    d.toISOString().slice(0, 7) <= to;
    d.setUTCMonth(d.getUTCMonth() + 1)
  ) {
    out.push(d.toISOString().slice(0, 7));
  }
  return out;
};
const kr = (n: number) => n.toLocaleString("sv-SE").replace(/\s/g, " ");

/** utbetalt and utbetalningshushall: payments by avser-månad, both systems. */
async function payments(delivery: string, month: string) {
  const [row] = await query(
    delivery,
    `with treserva as (
       select a.HUSHALL_NYCKEL as household_id, cast(u.BELOPP as decimal(14, 2)) as amount
       from {treserva_utbetalning} u join {treserva_arende} a using (ARENDE_NR)
       where u.PERIOD = $period
     ),
     lifecare as (
       select hushall_id as household_id, cast(belopp as decimal(14, 2)) as amount
       from {lifecare_eb_utbetalning} where avser_manad = cast($month as date)
     ),
     final as (select * from treserva union all select * from lifecare)
     select cast(coalesce(sum(amount), 0) as double) as utbetalt,
       count(distinct household_id) filter (where amount > 0) as households
     from final`,
    {period: month.replace("-", ""), month: monthStart(month)}
  );
  return {utbetalt: Number(row.utbetalt), households: Number(row.households)};
}

/** am_inskrivna: Accorda until 2022-10, Arena from 2022-11. */
async function amEnrolled(delivery: string, month: string): Promise<number> {
  const sql =
    month <= "2022-10"
      ? `select count(distinct DELTAGAR_NR) as n from {accorda_deltagare}
         where INSKRIVEN <= $last and (UTSKRIVEN = '' or UTSKRIVEN >= $first)`
      : `select count(distinct person_id) as n from {arena_inskrivning}
         where start_datum <= cast($last as date) and (slut_datum is null or slut_datum >= cast($first as date))`;
  const [row] = await query(delivery, sql, {first: monthStart(month), last: monthEnd(month)});
  return Number(row.n);
}

/** integration: households at the integration unit with a case (Treserva) or insats/investigation open at month end. */
async function integration(delivery: string, month: string): Promise<number> {
  const sql =
    month <= "2022-09"
      ? `select count(distinct HUSHALL_NYCKEL) as n from {treserva_arende}
         where ENHET = 'INT' and OPPNAT_DATUM <= $end8 and (AVSLUTAT_DATUM = '' or AVSLUTAT_DATUM > $end8)`
      : `with open_insats as (
           select hushall_id from {lifecare_eb_insats}
           where enhet = 'integration' and start_datum <= cast($end as date)
             and (slut_datum is null or slut_datum > cast($end as date))
         ),
         open_investigations as (
           select hushall_id from {lifecare_eb_utredning}
           where enhet = 'integration' and oppnad_datum <= cast($end as date)
             and (avslutad_datum is null or avslutad_datum > cast($end as date))
         ),
         final as (select * from open_insats union select * from open_investigations)
         select count(distinct hushall_id) as n from final`;
  const end = monthEnd(month);
  const [row] = await query(delivery, sql, {end, end8: end.replaceAll("-", "")});
  return Number(row.n);
}

const TARGETS = [
  {month: "2022-08", utbetalt: 24_615_318, households: 2386, am: 371, integration: 404},
  {month: "2022-11", utbetalt: 22_448_660, households: 2229, am: 429, integration: null},
  {month: "2023-08", utbetalt: 23_887_841, households: 2160, am: 654, integration: 336},
  {month: "2023-11", utbetalt: 22_632_677, households: 2122, am: 710, integration: 320}
];
// Each figure in the edition's delivery and in the last one (so no late registration changes them).
const CASES = TARGETS.flatMap((t) => [firstDelivery(t.month), LAST].map((delivery) => ({...t, delivery})));

describe("generateSample: KPI cards (SPEC §6)", () => {
  test.each(CASES.map((c) => [c.month, kr(c.utbetalt), c.delivery, c] as const))(
    "generateSample writes %s utbetalt %s in delivery %s",
    async (month, _text, delivery, c) => {
      expect((await payments(delivery, month)).utbetalt).toBe(c.utbetalt);
    }
  );

  test.each(CASES.map((c) => [c.month, c.households, c.delivery, c] as const))(
    "generateSample writes %s utbetalningshushåll %i in delivery %s",
    async (month, households, delivery) => {
      expect((await payments(delivery, month)).households).toBe(households);
    }
  );

  test.each(CASES.map((c) => [c.month, c.am, c.delivery] as const))(
    "generateSample writes %s inskrivna i arbetsmarknadsinsatser %i in delivery %s",
    async (month, am, delivery) => {
      expect(await amEnrolled(delivery, month)).toBe(am);
    }
  );

  test.each(CASES.filter((c) => c.integration !== null).map((c) => [c.month, c.integration, c.delivery] as const))(
    "generateSample writes %s hushåll vid integrationsenheten %i in delivery %s",
    async (month, value, delivery) => {
      expect(await integration(delivery, month)).toBe(value);
    }
  );

  test("generateSample leaves integration-unit investigations out for 2022-11..2022-12", async () => {
    const [row] = await query(
      LAST,
      `select count(*) as n from {lifecare_eb_utredning}
       where enhet = 'integration' and oppnad_datum <= date '2022-12-31'
         and (avslutad_datum is null or avslutad_datum >= date '2022-11-01')`
    );
    expect(Number(row.n)).toBe(0);
  });
});

describe("generateSample: andel återaktualiserade", () => {
  // Adults whose assistance ended 2021-03..2022-02 (first exit), re-actualised when a household they are an adult
  // member of gets a case, investigation or insats within 365 days.
  const sql = `
    with exits as (
      select PERSON_NYCKEL as person_id, cast(strptime(AVSLUT_DATUM, '%Y%m%d') as date) as exit_date
      from {treserva_avslut}
      union all
      select person_id, avslut_datum from {lifecare_eb_avslut}
    ),
    cohort as (
      select person_id, min(exit_date) as exit_date from exits
      where exit_date >= date '2021-03-01' and exit_date < date '2022-03-01'
      group by person_id
    ),
    openings as (
      select HUSHALL_NYCKEL as household_id, cast(strptime(OPPNAT_DATUM, '%Y%m%d') as date) as opened
      from {treserva_arende}
      union all select hushall_id, oppnad_datum from {lifecare_eb_utredning}
      union all select hushall_id, start_datum from {lifecare_eb_insats}
    ),
    members as (
      select a.HUSHALL_NYCKEL as household_id, m.PERSON_NYCKEL as person_id,
        cast(strptime(m.FROM_DATUM, '%Y%m%d') as date) as from_date,
        case when m.TOM_DATUM <> '' then cast(strptime(m.TOM_DATUM, '%Y%m%d') as date) end as to_date
      from {treserva_medlem} m join {treserva_arende} a using (ARENDE_NR)
      where m.ROLL <> 'BARN'
      union all
      select hushall_id, person_id, fran_datum, till_datum from {lifecare_eb_medlem} where roll <> 'barn'
    ),
    person_openings as (
      select m.person_id, o.opened from openings o
      join members m on m.household_id = o.household_id and m.from_date <= o.opened
        and (m.to_date is null or m.to_date >= o.opened)
    ),
    final as (
      select c.person_id,
        exists (select 1 from person_openings p where p.person_id = c.person_id
          and p.opened > c.exit_date and p.opened <= c.exit_date + 365) as is_returned
      from cohort c
    )
    select count(*) as cohort, count(*) filter (where is_returned) as returned from final`;

  test.each(["2023-03-05", LAST])(
    "generateSample writes February 2023 ateraktualiserade_eb 10,7 % in delivery %s",
    async (delivery) => {
      const [row] = await query(delivery, sql);
      const share = Math.round((1000 * Number(row.returned)) / Number(row.cohort)) / 10;
      expect(Number(row.cohort)).toBeGreaterThan(1000);
      expect(share).toBe(10.7);
    }
  );
});

describe("generateSample: vuxenutbildning 2023-08", () => {
  const students = {
    agila: 37,
    alg: 98,
    astar: 535,
    hermods: 252,
    infokomp: 58,
    iris_hadar: 14,
    jensen: 52,
    kui: 66,
    linvux: 1514,
    moa: 242,
    nti: 201
  };
  const gymnasial = {
    agila: 4,
    astar: 46,
    hermods: 132,
    infokomp: 40,
    jensen: 42,
    kui: 16,
    linvux: 395,
    moa: 89,
    nti: 162
  };
  const basic = {astar: 108, hermods: 23, infokomp: 14, jensen: 2, iris_hadar: 8, linvux: 86, moa: 5, nti: 27};
  const byProvider = (rows: Record<string, unknown>[]) =>
    Object.fromEntries(rows.map((r) => [String(r.anordnare), Number(r.n)]));

  test.each(["2023-09-05", LAST])(
    "generateSample writes unika elever 2023-08-31 per anordnare, total 3069, in delivery %s",
    async (delivery) => {
      const running = `from {vux_antagning} where kurs_start <= date '2023-08-31' and kurs_slut >= date '2023-08-31'`;
      const rows = await query(
        delivery,
        `select anordnare, count(distinct elev_id) as n ${running} group by anordnare`
      );
      expect(byProvider(rows)).toEqual(students);
      const [total] = await query(delivery, `select count(distinct elev_id) as n ${running}`);
      expect(Number(total.n)).toBe(3069);
    }
  );

  test.each(["2023-09-05", LAST])(
    "generateSample writes antagna gymnasial enstaka period 2023-4 per skola in delivery %s",
    async (delivery) => {
      const rows = await query(
        delivery,
        `select anordnare, count(distinct elev_id) as n from {vux_antagning}
       where kurstyp = 'gymnasial_enstaka' and period = '2023-4' group by anordnare`
      );
      expect(byProvider(rows)).toEqual(gymnasial);
    }
  );

  test.each(["2023-09-05", LAST])(
    "generateSample writes antagna grundläggande 2023-06-09..2023-08-16 per skola in delivery %s",
    async (delivery) => {
      const rows = await query(
        delivery,
        `select anordnare, count(distinct elev_id) as n from {vux_antagning}
       where kurstyp = 'grundlaggande' and antagen_datum between date '2023-06-09' and date '2023-08-16'
       group by anordnare`
      );
      expect(byProvider(rows)).toEqual(basic);
    }
  );

  test("generateSample writes kurspaket admissions", async () => {
    const [row] = await query(
      LAST,
      `select count(*) as n from {vux_antagning} where kurstyp = 'kurspaket' and period = '2023-4'`
    );
    expect(Number(row.n)).toBeGreaterThan(50);
  });
});

describe("generateSample: bilagetabeller 2020 (seeds/003)", () => {
  const CONTROLS: [string, number, number, number, number | null, number][] = [
    ["2020-01", 3719, 7372, 22971, null, 6773],
    ["2020-02", 3608, 7105, 21641, null, 6525],
    ["2020-03", 3748, 7994, 20508, null, 6013],
    ["2020-04", 3743, 7531, 17382, null, 5498],
    ["2020-05", 3915, 8008, 9820, null, 3598],
    ["2020-06", 3802, 7605, 9601, null, 3745],
    ["2020-07", 3980, 8224, 10000, null, 3749],
    ["2020-08", 3801, 7466, 10783, null, 3976],
    ["2020-09", 3789, 7546, 12105, 26965, 8947],
    ["2020-10", 3777, 7507, 11057, 16896, 8591],
    ["2020-11", 3713, 7453, 10848, 16783, 8737]
  ];
  const deliveries = ["2020-12-05", LAST];

  async function controls(delivery: string, month: string) {
    const params = {first: monthStart(month), last: monthEnd(month)};
    const [applications] = await query(
      delivery,
      `select count(distinct hushall_id) as households, count(*) as decisions from {eb_ansokan_beslut}
       where ansokan_datum between cast($first as date) and cast($last as date)`,
      params
    );
    const [lookups] = await query(
      delivery,
      `select count(*) filter (where utford_av = 'handlaggare') as case_worker,
         count(*) filter (where utford_av = 'robot') as robot, count(distinct person_id) as individuals
       from {ssbtek_slagning} where slagning_datum between cast($first as date) and cast($last as date)`,
      params
    );
    return [
      Number(applications.households),
      Number(applications.decisions),
      Number(lookups.case_worker),
      Number(lookups.robot) || null,
      Number(lookups.individuals)
    ];
  }

  test.each(deliveries.flatMap((d) => CONTROLS.map((c) => [c[0], d, c] as const)))(
    "generateSample writes kontroller och beslut %s, every cell, in delivery %s",
    async (month, delivery, c) => {
      expect(await controls(delivery, month)).toEqual(c.slice(1));
    }
  );

  test("generateSample writes kontroller och beslut for January 2020 in its own delivery 2020-02-05", async () => {
    expect(await controls("2020-02-05", "2020-01")).toEqual(CONTROLS[0].slice(1));
  });

  const REFERRED = [354, 198, 201, 321, 225, 142, 175, 224, 295];
  const EXECUTIONS = [206, 184, 150, 343, 237, 212, 247, 198, 154];
  test.each(deliveries)(
    "generateSample writes arbetsmarknadsuppdrag 2020-03..2020-11 in delivery %s",
    async (delivery) => {
      const referred = await query(
        delivery,
        `select strftime(anvisad_datum, '%Y-%m') as month, count(distinct person_id) as n from {am_anvisning}
       where status <> 'avvisad' and anvisad_datum between date '2020-03-01' and date '2020-11-30'
       group by month order by month`
      );
      const executions = await query(
        delivery,
        `select strftime(oppnad_datum, '%Y-%m') as month, count(distinct hushall_id) as n from {am_verkstallighet}
       where oppnad_datum between date '2020-03-01' and date '2020-11-30' group by month order by month`
      );
      expect(referred.map((r) => Number(r.n))).toEqual(REFERRED);
      expect(executions.map((r) => Number(r.n))).toEqual(EXECUTIONS);
      const [rejected] = await query(delivery, `select count(*) as n from {am_anvisning} where status = 'avvisad'`);
      expect(Number(rejected.n)).toBeGreaterThan(0);
    }
  );

  test.each(deliveries)(
    "generateSample writes andrahandsavtal November 2020 1, running total 40, in delivery %s",
    async (delivery) => {
      const [row] = await query(
        delivery,
        `select count(*) filter (where ansokan_datum >= date '2020-11-01') as november, count(*) as total
       from {eb_ansokan_beslut}
       where is_nyansokan and avslagsgrund = 'andrahandsavtal'
         and ansokan_datum between date '2020-01-01' and date '2020-11-30'`
      );
      expect([Number(row.november), Number(row.total)]).toEqual([1, 40]);
    }
  );
});

describe("generateSample: magnitudes (SPEC §6)", () => {
  test("generateSample keeps paying households 2000–2500 and 9 000–12 500 kr per household, 2021-02..2023-12", async () => {
    for (const month of months("2021-02", "2023-12")) {
      const {utbetalt, households} = await payments(firstDelivery(month), month);
      expect(households, month).toBeGreaterThanOrEqual(2000);
      expect(households, month).toBeLessThanOrEqual(2500);
      expect(utbetalt / households, month).toBeGreaterThan(9000);
      expect(utbetalt / households, month).toBeLessThan(12500);
    }
  });

  test("generateSample keeps inskrivna i arbetsmarknadsinsatser 400–750, 2022-11..2023-12", async () => {
    for (const month of months("2022-11", "2023-12")) {
      const n = await amEnrolled(LAST, month);
      expect(n, month).toBeGreaterThanOrEqual(400);
      expect(n, month).toBeLessThanOrEqual(750);
    }
  });

  test("generateSample has 10–20 newly arrived households a month at the integration unit, 2021-02..2023-12", async () => {
    const rows = await query(
      LAST,
      `with openings as (
         select HUSHALL_NYCKEL as household_id, cast(strptime(OPPNAT_DATUM, '%Y%m%d') as date) as opened
         from {treserva_arende} where ENHET = 'INT'
         union all select hushall_id, oppnad_datum from {lifecare_eb_utredning} where enhet = 'integration'
         union all select hushall_id, start_datum from {lifecare_eb_insats} where enhet = 'integration'
       ),
       first_seen as (select household_id, min(opened) as opened from openings group by household_id)
       select strftime(opened, '%Y-%m') as month, count(*) as n from first_seen
       where opened between date '2021-02-01' and date '2023-12-31' group by month order by month`
    );
    expect(rows).toHaveLength(35);
    for (const r of rows) {
      expect(Number(r.n), String(r.month)).toBeGreaterThanOrEqual(10);
      expect(Number(r.n), String(r.month)).toBeLessThanOrEqual(20);
    }
  });

  test("generateSample has 30–45 % long-term paying households (≥ 22 of the previous 24 months)", async () => {
    const rows = await query(
      LAST,
      `with paid as (
         select distinct a.HUSHALL_NYCKEL as household_id, cast(strptime(u.PERIOD || '01', '%Y%m%d') as date) as month
         from {treserva_utbetalning} u join {treserva_arende} a using (ARENDE_NR) where u.BELOPP > 0
         union
         select distinct hushall_id, avser_manad from {lifecare_eb_utbetalning} where belopp > 0
       ),
       months as (select cast(m as date) as month from generate_series(date '2021-02-01', date '2023-12-01', interval 1 month) t(m)),
       history as (
         select m.month, p.household_id,
           (select count(*) from paid q where q.household_id = p.household_id
              and q.month >= m.month - interval 24 month and q.month < m.month) as paid_months
         from months m join paid p on p.month = m.month
       )
       select month, avg(case when paid_months >= 22 then 1 else 0 end) as share from history group by month`
    );
    for (const r of rows) {
      expect(Number(r.share), String(r.month)).toBeGreaterThanOrEqual(0.3);
      expect(Number(r.share), String(r.month)).toBeLessThanOrEqual(0.45);
    }
  });

  test("generateSample has about a third children among members of households with insats", async () => {
    const [row] = await query(
      LAST,
      `with open_insats as (
         select distinct hushall_id from {lifecare_eb_insats}
         where start_datum <= date '2023-11-30' and (slut_datum is null or slut_datum > date '2023-11-30')
       ),
       members as (
         select distinct m.person_id, m.roll, m.fodelsear from {lifecare_eb_medlem} m join open_insats using (hushall_id)
         where m.fran_datum <= date '2023-11-30' and (m.till_datum is null or m.till_datum >= date '2023-11-30')
       )
       select avg(case when roll = 'barn' and fodelsear > 2023 - 18 then 1 else 0 end) as share from members`
    );
    expect(Number(row.share)).toBeGreaterThan(0.27);
    expect(Number(row.share)).toBeLessThan(0.4);
  });

  test("generateSample uses every programme area and exit reason in Arena", async () => {
    const [row] = await query(
      LAST,
      `select count(distinct avslutsorsak) as reasons, count(distinct verksamhetsomrade) as areas from {arena_inskrivning}`
    );
    expect(Number(row.reasons)).toBe(8);
    expect(Number(row.areas)).toBe(6);
  });
});

describe("generateSample: deliveries, late registrations, systems", () => {
  test("generateSample writes 48 deliveries with a manifest whose row counts match the files", async () => {
    const names = (await readdir(dir)).filter((n) => /^\d{4}-\d{2}-\d{2}$/.test(n)).sort();
    expect(names).toHaveLength(48);
    expect(names[0]).toBe("2020-02-05");
    expect(names[47]).toBe(LAST);
    for (const delivery of ["2020-02-05", "2022-10-05", LAST]) {
      const manifest = JSON.parse(await readFile(join(dir, delivery, "manifest.json"), "utf8"));
      expect(manifest.delivery_date).toBe(delivery);
      expect(manifest.synthetic).toBe(true);
      expect(Object.keys(manifest.tables)).toHaveLength(16);
      for (const [table, entry] of Object.entries(manifest.tables) as [string, {file: string; rows: number}][]) {
        const [row] = await query(delivery, `select count(*) as n from {${table}}`);
        expect(Number(row.n), `${delivery} ${table}`).toBe(entry.rows);
      }
    }
  });

  test("generateSample lets a later delivery change an earlier month's utbetalt (efterregistrering)", async () => {
    const changed: string[] = [];
    for (const month of months("2023-01", "2023-10")) {
      if ((await payments(firstDelivery(month), month)).utbetalt !== (await payments(LAST, month)).utbetalt)
        changed.push(month);
    }
    expect(changed.length).toBeGreaterThan(3);
  });

  test("generateSample registers an EB exit reason late: empty in an earlier delivery, filled in a later one", async () => {
    const earlier = "2023-06-05";
    const [row] = await query(earlier, `select count(*) as n from {lifecare_eb_avslut} where avslutsorsak is null`);
    expect(Number(row.n)).toBeGreaterThan(0);
    const missing = await query(
      earlier,
      `select insats_id, person_id from {lifecare_eb_avslut} where avslutsorsak is null`
    );
    const later = await query(
      LAST,
      `select insats_id, person_id, avslutsorsak from {lifecare_eb_avslut} where avslutsorsak is not null`
    );
    const filled = new Set(later.map((r) => `${r.insats_id}/${r.person_id}`));
    expect(missing.some((r) => filled.has(`${r.insats_id}/${r.person_id}`))).toBe(true);
    const [treserva] = await query(
      "2022-06-05",
      `select count(*) filter (where ORSAK_KOD = '') as empty, count(*) filter (where ORSAK_KOD <> '') as filled
       from {treserva_avslut}`
    );
    expect(Number(treserva.empty)).toBeGreaterThan(0);
    expect(Number(treserva.filled)).toBeGreaterThan(0);
  });

  test("generateSample freezes Treserva after 2022-09 and Accorda after 2022-10", async () => {
    const hash = async (delivery: string, table: string) => sha256(await readFile(file(delivery, table)));
    for (const table of ["treserva_arende", "treserva_utbetalning", "treserva_medlem", "treserva_avslut"]) {
      expect(await hash("2022-10-05", table)).toBe(await hash(LAST, table));
      expect(await hash("2022-09-05", table)).not.toBe(await hash("2022-10-05", table));
    }
    expect(await hash("2022-11-05", "accorda_deltagare")).toBe(await hash(LAST, "accorda_deltagare"));
    const [periods] = await query(
      LAST,
      `select (select max(PERIOD) from {treserva_utbetalning}) as last_treserva,
         (select strftime(min(avser_manad), '%Y-%m-%d') from {lifecare_eb_utbetalning}) as first_lifecare,
         (select max(INSKRIVEN) from {accorda_deltagare}) as last_accorda`
    );
    expect(periods.last_treserva).toBe("202209");
    expect(periods.first_lifecare).toBe("2022-10-01");
    expect(String(periods.last_accorda) <= "2022-10-31").toBe(true);
  });

  test("generateSample migrates Accorda participants to Arena with start 2022-11-01", async () => {
    const [row] = await query(
      LAST,
      `select count(*) filter (where is_migrerad) as migrated,
         count(*) filter (where is_migrerad and start_datum <> date '2022-11-01') as wrong_start,
         count(*) filter (where not is_migrerad and start_datum < date '2022-11-01') as early_new
       from {arena_inskrivning}`
    );
    expect(Number(row.migrated)).toBeGreaterThan(300);
    expect(Number(row.wrong_start)).toBe(0);
    expect(Number(row.early_new)).toBe(0);
  });

  test("generateSample keeps one pseudonym per household across Treserva and Lifecare", async () => {
    const [row] = await query(
      LAST,
      `select count(distinct i.hushall_id) as n from {lifecare_eb_insats} i
       join {treserva_arende} a on a.HUSHALL_NYCKEL = i.hushall_id
       where i.start_datum < date '2022-10-01'`
    );
    expect(Number(row.n)).toBeGreaterThan(1500);
  });
});

describe("generateSample: privacy and determinism", () => {
  test("generateSample writes no key that looks like a personnummer", async () => {
    const keyColumns: [string, string[]][] = [
      ["treserva_arende", ["HUSHALL_NYCKEL"]],
      ["treserva_medlem", ["PERSON_NYCKEL"]],
      ["treserva_avslut", ["PERSON_NYCKEL"]],
      ["lifecare_eb_utredning", ["hushall_id"]],
      ["lifecare_eb_insats", ["hushall_id"]],
      ["lifecare_eb_utbetalning", ["hushall_id"]],
      ["lifecare_eb_medlem", ["hushall_id", "person_id"]],
      ["lifecare_eb_avslut", ["person_id"]],
      ["eb_ansokan_beslut", ["hushall_id"]],
      ["ssbtek_slagning", ["person_id"]],
      ["accorda_deltagare", ["DELTAGAR_NR"]],
      ["arena_inskrivning", ["person_id"]],
      ["am_anvisning", ["person_id", "hushall_id"]],
      ["am_verkstallighet", ["hushall_id"]],
      ["vux_antagning", ["elev_id"]]
    ];
    for (const [table, columns] of keyColumns) {
      for (const column of columns) {
        const [row] = await query(
          LAST,
          `select count(*) as n,
             count(*) filter (where not regexp_full_match(${column}, '[A-Z][A-Z0-9]{7}')) as malformed,
             count(*) filter (where regexp_matches(${column}, '\\d{6}[-+]?\\d{4}')
               or regexp_matches(${column}, '\\d{8}-?\\d{4}')) as personnummer
           from {${table}}`
        );
        expect(Number(row.n), `${table}.${column}`).toBeGreaterThan(0);
        expect(Number(row.malformed), `${table}.${column}`).toBe(0);
        expect(Number(row.personnummer), `${table}.${column}`).toBe(0);
      }
    }
  });

  test("generateSample is deterministic: a second run writes byte-identical files", async () => {
    const [first, other] = await Promise.all([fingerprints(dir), fingerprints(second)]);
    expect(Object.keys(first).length).toBe(48 * 17 + 1);
    expect(other).toEqual(first);
  });
});

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

async function fingerprints(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const entries = await readdir(root, {recursive: true, withFileTypes: true});
  for (const e of entries) {
    if (!e.isFile()) continue;
    const path = join(e.parentPath, e.name);
    out[path.slice(root.length)] = sha256(await readFile(path));
  }
  return out;
}
