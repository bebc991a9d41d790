// Contract validation of one delivery, before any metric runs, and the data-quality warnings the review shows. Both
// read the contract from contract.ts; every finding names delivery, file, column and rule in Swedish.
import type {DuckDBConnection} from "@duckdb/node-api";
import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {CONTRACT, type TableSpec} from "../contract.ts";
import {queryRows} from "../db.ts";

export interface Finding {
  /** Stable id, e.g. "saknad_kolumn", "dubblett_nyckel", "belopp_extremt". */
  id: string;
  severity: "fel" | "varning";
  delivery: string;
  table: string | null;
  column: string | null;
  message: string;
}

/** Thrown when a delivery breaks the contract; the message lists every error. */
export class ContractError extends Error {
  constructor(readonly findings: Finding[]) {
    super(findings.map((f) => f.message).join("\n"));
    this.name = "ContractError";
  }
}

const DUCKDB_TYPES: Record<string, string[]> = {
  VARCHAR: ["VARCHAR"],
  INTEGER: ["INTEGER"],
  DATE: ["DATE"],
  BOOLEAN: ["BOOLEAN"],
  "DECIMAL(12,2)": ["DECIMAL(12,2)"]
};

const FORMATS = {YYYYMMDD: "%Y%m%d", "YYYY-MM-DD": "%Y-%m-%d", YYYYMM: "%Y%m"} as const;

/** Quotes an identifier from the contract (never user input) for SQL. */
const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;

interface Manifest {
  delivery_date: string;
  tables: Record<string, {file: string; rows: number}>;
}

function readManifest(dir: string, delivery: string): Manifest {
  const path = join(dir, "manifest.json");
  if (!existsSync(path))
    throw new ContractError([finding("saknat_manifest", delivery, null, null, "manifest.json saknas")]);
  try {
    return JSON.parse(readFileSync(path, "utf8")) as Manifest;
  } catch {
    throw new ContractError([finding("trasigt_manifest", delivery, null, null, "manifest.json är inte giltig JSON")]);
  }
}

function finding(
  id: string,
  delivery: string,
  table: string | null,
  column: string | null,
  rule: string,
  severity: Finding["severity"] = "fel"
): Finding {
  const where = [table && `${table}.parquet`, column && `kolumn ${column}`].filter(Boolean).join(", ");
  return {id, severity, delivery, table, column, message: `leverans ${delivery}: ${where ? `${where}: ` : ""}${rule}`};
}

async function checkTable(
  conn: DuckDBConnection,
  dir: string,
  delivery: string,
  spec: TableSpec,
  manifest: Manifest
): Promise<Finding[]> {
  const file = join(dir, `${spec.name}.parquet`);
  if (!existsSync(file)) return [finding("saknad_fil", delivery, spec.name, null, "filen saknas")];
  const source = `read_parquet(${literal(file)})`;
  const found: Finding[] = [];

  const described = await queryRows<{column_name: string; column_type: string}>(
    conn,
    `describe select * from ${source}`
  );
  const types = new Map(described.map((c) => [c.column_name, c.column_type]));
  for (const column of spec.columns) {
    const type = types.get(column.name);
    if (type === undefined) {
      found.push({
        ...finding("saknad_kolumn", delivery, spec.name, column.name, ""),
        message: `leverans ${delivery}: ${spec.name}.parquet saknar kolumnen ${column.name}`
      });
    } else if (!DUCKDB_TYPES[column.type].includes(type)) {
      found.push(
        finding("fel_typ", delivery, spec.name, column.name, `har typen ${type}, kontraktet kräver ${column.type}`)
      );
    }
  }
  if (found.length) return found;

  // One pass over the table: row count, keys, nulls, unparseable text dates, dates after the delivery.
  const deliveryDate = literal(delivery);
  const asDate = (c: (typeof spec.columns)[number]) =>
    c.textDate ? `try_strptime(nullif(trim(${ident(c.name)}), ''), '${FORMATS[c.textDate]}')::date` : ident(c.name);
  const measures = [
    "count(*) as n_rows",
    `count(*) filter (where ${spec.key.map((k) => `${ident(k)} is null`).join(" or ")}) as n_null_key`,
    `count(*) - count(distinct (${spec.key.map(ident).join(", ")})) as n_duplicate_key`,
    ...spec.columns
      .filter((c) => !c.nullable && !spec.key.includes(c.name))
      .map((c) => `count(*) filter (where ${ident(c.name)} is null) as ${ident(`null:${c.name}`)}`),
    ...spec.columns
      .filter((c) => c.textDate)
      .map(
        (c) =>
          `count(*) filter (where nullif(trim(${ident(c.name)}), '') is not null and ${asDate(c)} is null) as ${ident(`parse:${c.name}`)}`
      ),
    ...(spec.notAfterDelivery ?? []).map((name) => {
      const column = spec.columns.find((c) => c.name === name)!;
      return `count(*) filter (where ${asDate(column)} > cast(${deliveryDate} as date)) as ${ident(`future:${name}`)}`;
    })
  ];
  const [stats] = await queryRows<Record<string, number>>(conn, `select ${measures.join(", ")} from ${source}`);
  const expected = manifest.tables?.[spec.name]?.rows;
  if (expected !== undefined && expected !== stats.n_rows) {
    found.push(
      finding("antal_rader", delivery, spec.name, null, `har ${stats.n_rows} rader men manifestet anger ${expected}`)
    );
  }
  const keyName = spec.key.join(", ");
  if (stats.n_null_key)
    found.push(finding("tom_nyckel", delivery, spec.name, keyName, `nyckeln saknas på ${stats.n_null_key} rader`));
  if (stats.n_duplicate_key) {
    found.push(
      finding(
        "dubblett_nyckel",
        delivery,
        spec.name,
        keyName,
        `nyckeln är inte unik (${stats.n_duplicate_key} dubbletter)`
      )
    );
  }
  for (const [measure, count] of Object.entries(stats)) {
    if (!count || !measure.includes(":")) continue;
    const [rule, column] = measure.split(":");
    const text =
      rule === "null"
        ? `värde saknas på ${count} rader`
        : rule === "parse"
          ? `${count} datum går inte att läsa som ${spec.columns.find((c) => c.name === column)?.textDate}`
          : `${count} datum ligger efter leveransdagen ${delivery}`;
    found.push(
      finding(
        {null: "tomt_varde", parse: "ogiltigt_datum", future: "datum_efter_leverans"}[rule]!,
        delivery,
        spec.name,
        column,
        text
      )
    );
  }

  for (const column of spec.columns.filter((c) => c.codes)) {
    const allowed = column.codes!.map(literal).join(", ");
    const unknown = await queryRows<{code: string; n: number}>(
      conn,
      `select ${ident(column.name)} as code, count(*) as n from ${source}
       where ${ident(column.name)} is not null and ${ident(column.name)} not in (${allowed})
       group by 1 order by 2 desc limit 5`
    );
    for (const u of unknown) {
      found.push(finding("okand_kod", delivery, spec.name, column.name, `okänd kod '${u.code}' (${u.n} rader)`));
    }
  }
  return found;
}

/** Validates every table of a delivery folder against the contract. Returns all findings (errors only). */
export async function validateDelivery(conn: DuckDBConnection, dir: string, delivery: string): Promise<Finding[]> {
  const manifest = readManifest(dir, delivery);
  const findings: Finding[] = [];
  for (const spec of CONTRACT) findings.push(...(await checkTable(conn, dir, delivery, spec, manifest)));
  return findings;
}

// Suspicious but valid data, on the canonical views. Grain of each query: one row per finding kind.
const WARNINGS_SQL = `
with payments as (select * from eb_payments),
members as (select * from eb_members),

payment_checks as (
  select
    count(*) filter (where amount = 0) as zero_payments,
    count(*) filter (where amount < 0) as negative_payments,
    count(*) filter (where amount > 100000) as extreme_payments,
    count(*) filter (where month_date > date_trunc('month', cast($delivery as date)) + interval 1 month)
      as future_months
  from payments
),

-- Adults registered in two households at the same time.
overlaps as (
  select count(distinct a.person_id) as persons_in_two_households
  from members a
  join members b
    on a.person_id = b.person_id
    and a.household_id < b.household_id
    and a.from_date <= coalesce(b.to_date, date '9999-12-31')
    and b.from_date <= coalesce(a.to_date, date '9999-12-31')
),

final as (select * from payment_checks, overlaps)

select * from final
`;

/** Data-quality warnings on a delivery whose staging views exist on the connection. */
export async function qualityWarnings(conn: DuckDBConnection, delivery: string): Promise<Finding[]> {
  const [w] = await queryRows<Record<string, number>>(conn, WARNINGS_SQL, {delivery});
  const out: Finding[] = [];
  const warn = (id: string, table: string, column: string, text: string) =>
    out.push(finding(id, delivery, table, column, text, "varning"));
  if (w.zero_payments) warn("belopp_noll", "eb_utbetalning", "belopp", `${w.zero_payments} utbetalningar på 0 kr`);
  if (w.negative_payments) {
    warn(
      "belopp_negativt",
      "eb_utbetalning",
      "belopp",
      `${w.negative_payments} negativa utbetalningar (återkrav eller rättelser)`
    );
  }
  if (w.extreme_payments)
    warn("belopp_extremt", "eb_utbetalning", "belopp", `${w.extreme_payments} utbetalningar över 100 000 kr`);
  if (w.future_months) {
    warn(
      "avser_manad_framtid",
      "eb_utbetalning",
      "avser_manad",
      `${w.future_months} utbetalningar avser en månad efter leveransen`
    );
  }
  if (w.persons_in_two_households) {
    warn(
      "person_tva_hushall",
      "eb_medlem",
      "person_id",
      `${w.persons_in_two_households} personer är registrerade i två hushåll samtidigt`
    );
  }
  return out;
}
