// DuckDB side of the generator: loads the record sets, builds one full table per export table with the contract's
// names, types and keys (docs/data-contract.md), and writes each delivery by filtering those tables as of its date.
// Queries are ordered and the database runs single-threaded, so two runs write byte-identical Parquet files.
import {copyFile, mkdir, mkdtemp, rename, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {
  DuckDBConnection,
  DuckDBDataChunk,
  DuckDBDateValue,
  DuckDBInstance,
  INTEGER,
  VARCHAR,
  type DuckDBType
} from "@duckdb/node-api";
import {
  ACCORDA_FROZEN,
  AM_SWITCH,
  CONTRACT_VERSION,
  EB_SWITCH,
  LAST_DELIVERY,
  MUNICIPALITY,
  PROVIDERS,
  TRESERVA_FROZEN
} from "./config.ts";
import {isoDay} from "./dates.ts";
import {AVSLAGSGRUNDER, SSBTEK_SQL} from "./logs.ts";
import {EB_EXIT_CODES, EB_EXIT_REASONS, type Records} from "./records.ts";
import {AREA_CODES, AREAS, EXIT_REASON_CODES, EXIT_REASONS} from "./simulate-am.ts";
import {IntTable, NULL_INT} from "./table.ts";
import {COURSE_TYPES} from "./vux.ts";

const CHUNK = 2048;
/** DuckDB's memory for building and writing; more spills to the scratch file's folder. */
const MEMORY_LIMIT = "3GB";

/** Which as-of date a table shows in a delivery: legacy systems stop at their last day in use. */
type System = "treserva" | "accorda" | "current";

interface ExportTable {
  name: string;
  system: System;
  /** Builds full_<name>; columns starting with "_" are internal and not exported. */
  build: string;
  /** The delivery's rows: $asof is the as-of date (DATE for current systems, text for legacy ones). */
  snapshot: string;
}

const sqlList = (items: readonly string[]) => `[${items.map((s) => `'${s}'`).join(", ")}]`;

const MACROS = `
create macro dt(x) as date '1970-01-01' + x;
create macro t8(x) as coalesce(strftime(date '1970-01-01' + x, '%Y%m%d'), '');
create macro t10(x) as coalesce(strftime(date '1970-01-01' + x, '%Y-%m-%d'), '');
create macro month_date(m) as make_date(1970 + m // 12, m % 12 + 1, 1);
create macro ym(m) as cast(1970 + m // 12 as varchar) || lpad(cast(m % 12 + 1 as varchar), 2, '0');
create macro numbered(prefix, n, width) as prefix || lpad(cast(n as varchar), width, '0');
create macro kronor(ore) as cast(cast(ore as decimal(18, 0)) * 0.01 as decimal(12, 2));
create table map_case as
  select spell, numbered('T', row_number() over (order by open, spell), 7) as arende_nr from x_case;
create table map_investigation as
  select spell, numbered('U', row_number() over (order by open, spell), 7) as utredning_id from x_investigation;
create table map_insats as
  select spell, numbered('I', row_number() over (order by start, spell), 7) as insats_id from x_insats;
`;

export const TABLES: readonly ExportTable[] = [
  {
    name: "treserva_arende",
    system: "treserva",
    build: `
      select m.arende_nr as ARENDE_NR, k.key as HUSHALL_NYCKEL,
        case when c.unit = 1 then 'INT' else 'ALF' end as ENHET,
        case when c.nyanland = 1 then 'J' else 'N' end as NYANLAND_KVOT,
        t8(c.open) as OPPNAT_DATUM, t8(c.decision) as FORSTA_BESLUT_DATUM, t8(c.end_day) as AVSLUTAT_DATUM,
        t8(c.open) as REG_DATUM
      from x_case c join map_case m using (spell) join k_household k using (household)
      order by ARENDE_NR`,
    snapshot: `
      select ARENDE_NR, HUSHALL_NYCKEL, ENHET, NYANLAND_KVOT, OPPNAT_DATUM,
        case when FORSTA_BESLUT_DATUM <= $asof then FORSTA_BESLUT_DATUM else '' end as FORSTA_BESLUT_DATUM,
        case when AVSLUTAT_DATUM <= $asof then AVSLUTAT_DATUM else '' end as AVSLUTAT_DATUM,
        REG_DATUM
      from full_treserva_arende where REG_DATUM <= $asof`
  },
  {
    name: "treserva_utbetalning",
    system: "treserva",
    build: `
      select numbered('TU', row_number() over (order by p.reg, p.seq), 8) as UTBETALNING_NR, m.arende_nr as ARENDE_NR,
        ym(p.month) as PERIOD, cast(p.ore // 100 as integer) as BELOPP, t8(p.reg) as UTBET_DATUM, t8(p.reg) as REG_DATUM
      from x_treserva_payment p join map_case m using (spell)
      order by UTBETALNING_NR`,
    snapshot: `select * from full_treserva_utbetalning where REG_DATUM <= $asof`
  },
  {
    name: "treserva_medlem",
    system: "treserva",
    build: `
      select m.arende_nr as ARENDE_NR, k.key as PERSON_NYCKEL, ${sqlList(["SOK", "MED", "BARN"])}[x.role + 1] as ROLL,
        x.birth_year as FODELSEAR, t8(x.from_day) as FROM_DATUM, t8(x.to_day) as TOM_DATUM
      from x_treserva_member x join map_case m using (spell) join k_person k using (person)
      order by ARENDE_NR, x.role, x.person`,
    snapshot: `
      select ARENDE_NR, PERSON_NYCKEL, ROLL, FODELSEAR, FROM_DATUM,
        case when TOM_DATUM <= $asof then TOM_DATUM else '' end as TOM_DATUM
      from full_treserva_medlem where FROM_DATUM <= $asof`
  },
  {
    name: "treserva_avslut",
    system: "treserva",
    build: `
      select m.arende_nr as ARENDE_NR, k.key as PERSON_NYCKEL, t8(x.day) as AVSLUT_DATUM,
        ${sqlList(EB_EXIT_CODES)}[x.reason + 1] as ORSAK_KOD, t8(x.reg) as REG_DATUM
      from x_treserva_exit x join map_case m using (spell) join k_person k using (person)
      order by AVSLUT_DATUM, ARENDE_NR, x.person`,
    snapshot: `
      select ARENDE_NR, PERSON_NYCKEL, AVSLUT_DATUM,
        case when REG_DATUM <= $asof then ORSAK_KOD else '' end as ORSAK_KOD,
        case when REG_DATUM <= $asof then REG_DATUM else '' end as REG_DATUM
      from full_treserva_avslut where AVSLUT_DATUM <= $asof`
  },
  {
    name: "lifecare_eb_utredning",
    system: "current",
    build: `
      select m.utredning_id, k.key as hushall_id, ${sqlList(["alf", "integration"])}[x.unit + 1] as enhet,
        x.nyanland = 1 as is_nyanland_kvot, dt(x.open) as oppnad_datum, dt(x.closed) as avslutad_datum,
        ${sqlList(["beviljad", "avslag", "aterkallad"])}[x.outcome + 1] as utfall, dt(x.reg) as registrerad_datum
      from x_investigation x join map_investigation m using (spell) join k_household k using (household)
      order by utredning_id`,
    snapshot: `
      select utredning_id, hushall_id, enhet, is_nyanland_kvot, oppnad_datum,
        case when avslutad_datum <= $asof then avslutad_datum end as avslutad_datum,
        case when avslutad_datum <= $asof then utfall end as utfall,
        registrerad_datum
      from full_lifecare_eb_utredning where registrerad_datum <= $asof`
  },
  {
    name: "lifecare_eb_insats",
    system: "current",
    build: `
      select m.insats_id, k.key as hushall_id, ${sqlList(["alf", "integration"])}[x.unit + 1] as enhet,
        x.nyanland = 1 as is_nyanland_kvot, dt(x.start) as start_datum, dt(x.end_day) as slut_datum,
        dt(x.reg) as registrerad_datum
      from x_insats x join map_insats m using (spell) join k_household k using (household)
      order by insats_id`,
    snapshot: `
      select insats_id, hushall_id, enhet, is_nyanland_kvot, start_datum,
        case when slut_datum <= $asof then slut_datum end as slut_datum, registrerad_datum
      from full_lifecare_eb_insats where registrerad_datum <= $asof`
  },
  {
    name: "lifecare_eb_utbetalning",
    system: "current",
    build: `
      select numbered('L', row_number() over (order by p.reg, p.seq), 8) as utbetalning_id, k.key as hushall_id,
        m.insats_id, month_date(p.month) as avser_manad, kronor(p.ore) as belopp, dt(p.reg) as utbetald_datum,
        dt(p.reg) as registrerad_datum
      from x_lifecare_payment p join map_insats m using (spell) join k_household k using (household)
      order by utbetalning_id`,
    snapshot: `select * from full_lifecare_eb_utbetalning where registrerad_datum <= $asof`
  },
  {
    name: "lifecare_eb_medlem",
    system: "current",
    build: `
      select k.key as hushall_id, p.key as person_id, ${sqlList(["sokande", "medsokande", "barn"])}[x.role + 1] as roll,
        x.birth_year as fodelsear, dt(x.from_day) as fran_datum, dt(x.to_day) as till_datum, dt(x.reg) as _reg
      from x_lifecare_member x join k_household k using (household) join k_person p using (person)
      order by x.from_day, x.household, x.role, x.person`,
    snapshot: `
      select hushall_id, person_id, roll, fodelsear, fran_datum,
        case when till_datum <= $asof then till_datum end as till_datum
      from full_lifecare_eb_medlem where _reg <= $asof`
  },
  {
    name: "lifecare_eb_avslut",
    system: "current",
    build: `
      select m.insats_id, k.key as person_id, dt(x.day) as avslut_datum,
        ${sqlList(EB_EXIT_REASONS)}[x.reason + 1] as avslutsorsak, dt(x.reg) as registrerad_datum
      from x_lifecare_exit x join map_insats m using (spell) join k_person k using (person)
      order by avslut_datum, insats_id, x.person`,
    snapshot: `
      select insats_id, person_id, avslut_datum,
        case when registrerad_datum <= $asof then avslutsorsak end as avslutsorsak,
        case when registrerad_datum <= $asof then registrerad_datum end as registrerad_datum
      from full_lifecare_eb_avslut where avslut_datum <= $asof`
  },
  {
    name: "eb_ansokan_beslut",
    system: "current",
    build: `
      with expanded as (
        select a.*, unnest(range(a.bifall + a.avslag)) as i from x_application a
      )
      select numbered('B', row_number() over (order by app_day, seq, i), 8) as beslut_id, k.key as hushall_id,
        dt(app_day) as ansokan_datum, dt(dec_day) as beslut_datum,
        case when i < bifall then 'bifall' else 'avslag' end as beslut_typ, is_new = 1 as is_nyansokan,
        case when i < bifall then null else ${sqlList(AVSLAGSGRUNDER)}[ground + 1] end as avslagsgrund,
        case when app_day < ${EB_SWITCH} then 'treserva' else 'lifecare' end as source_system
      from expanded join k_household k using (household)
      order by beslut_id`,
    snapshot: `select * from full_eb_ansokan_beslut where beslut_datum <= $asof`
  },
  {
    name: "ssbtek_slagning",
    system: "current",
    build: "",
    snapshot: `select * from full_ssbtek_slagning where slagning_datum <= $asof`
  },
  {
    name: "accorda_deltagare",
    system: "accorda",
    build: `
      select numbered('A', row_number() over (order by x.start, x.enrolment), 7) as INSKRIVNING_NR,
        k.key as DELTAGAR_NR, ${sqlList(AREA_CODES)}[x.area + 1] as VERKSAMHET, t10(x.start) as INSKRIVEN,
        t10(x.end_day) as UTSKRIVEN, ${sqlList(EXIT_REASON_CODES)}[x.reason + 1] as AVSLUTSKOD,
        t10(least(x.end_day + x.delay, ${ACCORDA_FROZEN})) as _reason
      from x_enrolment x join k_person k using (person)
      where x.start <= ${ACCORDA_FROZEN}
      order by INSKRIVNING_NR`,
    snapshot: `
      with visible as (
        select *, case when UTSKRIVEN <= $asof then UTSKRIVEN else '' end as ended,
          UTSKRIVEN <= $asof and _reason <= $asof as has_reason
        from full_accorda_deltagare where INSKRIVEN <= $asof
      )
      select INSKRIVNING_NR, DELTAGAR_NR, VERKSAMHET, INSKRIVEN, ended as UTSKRIVEN,
        case when has_reason then AVSLUTSKOD else '' end as AVSLUTSKOD,
        greatest(INSKRIVEN, ended, case when has_reason then _reason else '' end) as REG_DATUM
      from visible`
  },
  {
    name: "arena_inskrivning",
    system: "current",
    build: `
      select numbered('E', row_number() over (order by greatest(x.start, ${AM_SWITCH}), x.enrolment), 7) as inskrivning_id,
        k.key as person_id, ${sqlList(AREAS)}[x.area + 1] as verksamhetsomrade,
        dt(greatest(x.start, ${AM_SWITCH})) as start_datum, dt(x.end_day) as slut_datum,
        ${sqlList(EXIT_REASONS)}[x.reason + 1] as avslutsorsak, x.start < ${AM_SWITCH} as is_migrerad,
        dt(greatest(x.start, ${AM_SWITCH})) as registrerad_datum, dt(x.end_day + x.delay) as _reason
      from x_enrolment x join k_person k using (person)
      where x.end_day >= ${AM_SWITCH}
      order by inskrivning_id`,
    snapshot: `
      select inskrivning_id, person_id, verksamhetsomrade, start_datum,
        case when slut_datum <= $asof then slut_datum end as slut_datum,
        case when slut_datum <= $asof and _reason <= $asof then avslutsorsak end as avslutsorsak,
        is_migrerad, registrerad_datum
      from full_arena_inskrivning where registrerad_datum <= $asof`
  },
  {
    name: "am_anvisning",
    system: "current",
    build: `
      select numbered('R', row_number() over (order by x.day, x.seq), 7) as anvisning_id, p.key as person_id,
        k.key as hushall_id, dt(x.day) as anvisad_datum, x.rejected = 1 as _rejected, dt(x.closed) as _closed
      from x_referral x join k_person p using (person) join k_household k using (household)
      order by anvisning_id`,
    snapshot: `
      select anvisning_id, person_id, hushall_id, anvisad_datum,
        case when _rejected then 'avvisad' when _closed <= $asof then 'avslutad' else 'aktiv' end as status
      from full_am_anvisning where anvisad_datum <= $asof`
  },
  {
    name: "am_verkstallighet",
    system: "current",
    build: `
      select numbered('V', row_number() over (order by x.day, x.seq), 7) as verkstallighet_id, k.key as hushall_id,
        dt(x.day) as oppnad_datum
      from x_execution x join k_household k using (household)
      order by verkstallighet_id`,
    snapshot: `select * from full_am_verkstallighet where oppnad_datum <= $asof`
  },
  {
    name: "vux_antagning",
    system: "current",
    build: `
      select numbered('K', row_number() over (order by x.admitted, x.seq), 7) as antagning_id, k.key as elev_id,
        ${sqlList(PROVIDERS)}[x.provider + 1] as anordnare, ${sqlList(COURSE_TYPES)}[x.course_type + 1] as kurstyp,
        cast(x.period // 10 as varchar) || '-' || cast(x.period % 10 as varchar) as period,
        dt(x.admitted) as antagen_datum, dt(x.start) as kurs_start, dt(x.end_day) as kurs_slut
      from x_admission x join k_person k on k.person = x.student
      order by antagning_id`,
    snapshot: `select * from full_vux_antagning where antagen_datum <= $asof`
  }
];

const snake = (name: string) => (name === "end" ? "end_day" : name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));

async function appendRows(
  conn: DuckDBConnection,
  table: string,
  types: readonly DuckDBType[],
  length: number,
  column: (c: number, row: number) => number | string | boolean | null
): Promise<void> {
  const appender = await conn.createAppender(table);
  for (let from = 0; from < length; from += CHUNK) {
    const n = Math.min(CHUNK, length - from);
    const chunk = DuckDBDataChunk.create(types, n);
    for (let c = 0; c < types.length; c++) {
      const values: (number | string | boolean | null)[] = new Array(n);
      for (let i = 0; i < n; i++) values[i] = column(c, from + i);
      chunk.setColumnValues(c, values);
    }
    appender.appendDataChunk(chunk);
  }
  appender.closeSync();
}

async function loadIntTable<C extends string>(conn: DuckDBConnection, name: string, data: IntTable<C>): Promise<void> {
  const columns = data.names.map((n) => `${snake(n)} integer`).join(", ");
  await conn.run(`create table ${name} (${columns})`);
  const arrays = data.names.map((n) => data.columns[n]);
  await appendRows(
    conn,
    name,
    arrays.map(() => INTEGER),
    data.length,
    (c, row) => {
      const value = arrays[c][row];
      return value === NULL_INT ? null : value;
    }
  );
}

async function loadKeys(conn: DuckDBConnection, name: string, id: string, keys: [number, string][]): Promise<void> {
  await conn.run(`create table ${name} (${id} integer, key varchar)`);
  await appendRows(conn, name, [INTEGER, VARCHAR], keys.length, (c, row) => keys[row][c]);
}

export interface SampleDatabase {
  conn: DuckDBConnection;
  close: () => Promise<void>;
}

/**
 * Opens a database with every record set loaded and every full export table built. It has a memory limit and spills
 * to a scratch folder, so that scale 40 does not fill the machine's memory.
 */
export async function buildDatabase(
  records: Records,
  seed: number,
  log: (line: string) => void
): Promise<SampleDatabase> {
  log("Bygger tabellerna i DuckDB …");
  const scratch = await mkdtemp(join(tmpdir(), "namndrapport-sample-"));
  const instance = await DuckDBInstance.create(":memory:", {
    threads: "1",
    memory_limit: MEMORY_LIMIT,
    temp_directory: join(scratch, "spill")
  });
  const conn = await instance.connect();
  const close = async () => {
    conn.closeSync();
    instance.closeSync();
    await rm(scratch, {recursive: true, force: true});
  };
  try {
    await loadKeys(conn, "k_household", "household", records.householdKeys);
    await loadKeys(conn, "k_person", "person", records.personKeys);
    const sets: [string, IntTable<string>][] = [
      ["x_case", records.cases],
      ["x_treserva_payment", records.treservaPayments],
      ["x_treserva_member", records.treservaMembers],
      ["x_treserva_exit", records.treservaExits],
      ["x_investigation", records.investigations],
      ["x_insats", records.insatser],
      ["x_lifecare_payment", records.lifecarePayments],
      ["x_lifecare_member", records.lifecareMembers],
      ["x_lifecare_exit", records.lifecareExits],
      ["x_application", records.applications],
      ["x_enrolment", records.enrolments],
      ["x_referral", records.referrals],
      ["x_execution", records.executions],
      ["x_admission", records.admissions],
      ["x_person", records.people]
    ];
    if (!records.ssbtekPool || !records.ssbtekParams) throw new Error("SSBTEK-planen saknas.");
    sets.push(["x_pool", records.ssbtekPool], ["x_ssb", records.ssbtekParams]);
    for (const [name, data] of sets) await loadIntTable(conn, name, data);
    await conn.run(MACROS);
    for (const table of TABLES) {
      if (table.build) await conn.run(`create table full_${table.name} as ${table.build}`);
    }
    await conn.run(SSBTEK_SQL, {seed, last_day: LAST_DELIVERY});
    // The record sets are no longer needed; free their memory before writing.
    for (const [name] of sets) await conn.run(`drop table ${name}`);
  } catch (error) {
    await close();
    throw error;
  }
  return {conn, close};
}

const asOf = (system: System, delivery: number): number =>
  system === "treserva"
    ? Math.min(delivery, TRESERVA_FROZEN)
    : system === "accorda"
      ? Math.min(delivery, ACCORDA_FROZEN)
      : delivery;

/** Treserva compares text 'YYYYMMDD', Accorda text 'YYYY-MM-DD', the current systems DATE. */
const asOfValue = (system: System, day: number): string | DuckDBDateValue =>
  system === "treserva"
    ? isoDay(day).replaceAll("-", "")
    : system === "accorda"
      ? isoDay(day)
      : new DuckDBDateValue(day);

const quotePath = (path: string) => `'${path.replaceAll("'", "''")}'`;

export interface WrittenDelivery {
  date: string;
  rows: Record<string, number>;
}

/**
 * Writes one delivery folder (atomically: into a temporary folder that is renamed at the end). Legacy tables whose
 * as-of date has not moved since the previous delivery are copied from it instead of written again.
 */
export async function writeDelivery(
  conn: DuckDBConnection,
  outDir: string,
  delivery: number,
  previous: {dir: string; delivery: number; rows: Record<string, number>} | null
): Promise<WrittenDelivery> {
  const date = isoDay(delivery);
  const temp = join(outDir, `.${date}.tmp`);
  await rm(temp, {recursive: true, force: true});
  await mkdir(temp, {recursive: true});
  const rows: Record<string, number> = {};
  for (const table of TABLES) {
    const file = join(temp, `${table.name}.parquet`);
    const day = asOf(table.system, delivery);
    if (previous && table.system !== "current" && asOf(table.system, previous.delivery) === day) {
      await copyFile(join(previous.dir, `${table.name}.parquet`), file);
      rows[table.name] = previous.rows[table.name];
      continue;
    }
    const value = asOfValue(table.system, day);
    const result = await conn.run(`copy (${table.snapshot}) to ${quotePath(file)} (format parquet, compression zstd)`, {
      asof: value
    });
    rows[table.name] = Number(result.rowsChanged);
  }
  const manifest = {
    contract_version: CONTRACT_VERSION,
    delivery_date: date,
    municipality: MUNICIPALITY,
    // Says that the delivery is the synthetic sample: pages built from it carry a notice, and real deliveries never mix with it.
    synthetic: true,
    tables: Object.fromEntries(TABLES.map((t) => [t.name, {file: `${t.name}.parquet`, rows: rows[t.name]}]))
  };
  await writeFile(join(temp, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  const dir = join(outDir, date);
  await rm(dir, {recursive: true, force: true});
  await rename(temp, dir);
  return {date, rows};
}
