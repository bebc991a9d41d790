// Contract checks of one export table, generated from its spec in contract.ts: column presence and types, then one
// aggregate pass over the file for row count, keys, nulls, codes, patterns, dates and the table's warnings.
import type {DuckDBConnection} from "@duckdb/node-api";
import {isDateColumn, type ColumnSpec, type Severity, type TableSpec} from "../contract.ts";
import {queryRows, type SqlParam} from "../db.ts";
import {finding, rows, type Finding} from "./findings.ts";
import {formatInteger} from "../../src/lib/format.ts";
import {readErrorFindings} from "./files.ts";
import {maskedExample} from "./mask.ts";
import {dateSql, ident, SHAPE, valueSql} from "./sql.ts";

const BOM_SQL = "chr(65279)";

interface Measure {
  rule: string;
  severity: Severity;
  column: string | null;
  /** Contract warning id, when the measure is one. */
  id?: string;
  /** The Swedish text for a non-zero count. */
  render: (n: number) => string;
  sql: string;
}

export interface TableCheckPlan {
  sql: string;
  params: Record<string, SqlParam>;
  measures: Measure[];
}

/**
 * The single-pass check query of one table, over its src_<table> view. `usable` names the columns that exist with
 * the contract's type; checks on other columns are left out (their absence is already an error).
 */
export function tableCheckPlan(spec: TableSpec, usable: ReadonlySet<string>, delivery: string): TableCheckPlan {
  const params: Record<string, SqlParam> = {delivery};
  const measures: Measure[] = [];
  const param = (value: SqlParam) => {
    const name = `p${Object.keys(params).length}`;
    params[name] = value;
    return `$${name}`;
  };
  const add = (m: Measure) => measures.push(m);
  const col = (name: string) => spec.columns.find((c) => c.name === name)!;
  const deliveryDate = "cast($delivery as date)";

  if (spec.key.every((k) => usable.has(k))) {
    const keys = spec.key.map(col);
    const allPresent = keys.map((k) => `${valueSql(spec, k)} is not null`).join(" and ");
    const keyValue =
      keys.length === 1 ? valueSql(spec, keys[0]) : `row(${keys.map((k) => valueSql(spec, k)).join(", ")})`;
    const keyName = spec.key.join(", ");
    add({
      rule: "tom_nyckel",
      severity: "fel",
      column: keyName,
      render: (n) => `nyckeln saknas på ${rows(n)}`,
      sql: `count(*) filter (where not (${allPresent}))`
    });
    add({
      rule: "dubblett_nyckel",
      severity: "fel",
      column: keyName,
      render: (n) => `nyckeln är inte unik (${n} ${n === 1 ? "dubblett" : "dubbletter"})`,
      // count(distinct) skips nulls by itself for one column; the filter is only needed for composite keys.
      sql:
        keys.length === 1
          ? `count(${keyValue}) - count(distinct ${keyValue})`
          : `count(*) filter (where ${allPresent}) - count(distinct ${keyValue}) filter (where ${allPresent})`
    });
  }

  for (const column of spec.columns) {
    if (!usable.has(column.name)) continue;
    const value = valueSql(spec, column);
    const base = {column: column.name};
    if (!column.nullable && !spec.key.includes(column.name)) {
      add({
        ...base,
        rule: "tomt_varde",
        severity: "fel",
        render: (n) => `värde saknas på ${rows(n)}`,
        sql: `count(*) filter (where ${value} is null)`
      });
    }
    // A byte-order mark inside a value (a text file saved "UTF-8 with BOM" upstream) is invisible: it is named as
    // such, and the other text checks leave such values to it.
    const clean = column.type === "VARCHAR" ? ` and not contains(${value}, ${BOM_SQL})` : "";
    if (column.type === "VARCHAR") {
      add({
        ...base,
        rule: "bom_i_varde",
        severity: "fel",
        // Reported by bomFindings, which names the codes.
        render: (n) => `${n} ${n === 1 ? "värde innehåller" : "värden innehåller"} ett osynligt BOM-tecken (U+FEFF)`,
        sql: `count(*) filter (where contains(${value}, ${BOM_SQL}))`
      });
    }
    if (column.codes) {
      add({
        ...base,
        rule: "okand_kod",
        severity: "fel",
        // Reported code by code (unknownCodes), so the count alone is never shown.
        render: (n) => `okända koder (${rows(n)})`,
        sql: `count(*) filter (where ${value} is not null and not list_contains(${param(column.codes)}, ${value})${clean})`
      });
    }
    if (column.pattern) {
      add({
        ...base,
        rule: "fel_monster",
        severity: "fel",
        render: (n) =>
          `${formatInteger(n)} ${n === 1 ? "värde följer" : "värden följer"} inte mönstret ${column.pattern!.description}`,
        sql: `count(*) filter (where ${value} is not null and not regexp_full_match(${value}, ${param(column.pattern.regex)})${clean})`
      });
    }
    if (column.textDate) {
      const format = column.textDate;
      add({
        ...base,
        rule: "ogiltigt_datum",
        severity: "fel",
        render: (n) => `${formatInteger(n)} datum går inte att läsa som ${format}`,
        sql: `count(*) filter (where ${value} is not null and (not regexp_full_match(${value}, '${SHAPE[format]}') or ${dateSql(spec, column)} is null)${clean})`
      });
    }
    if (column.isMonth) {
      add({
        ...base,
        rule: "manad_efter_leverans",
        severity: "fel",
        render: (n) => `${rows(n)} avser en månad efter leveransmånaden ${delivery.slice(0, 7)}`,
        sql: `count(*) filter (where ${dateSql(spec, column)} > date_trunc('month', ${deliveryDate}))`
      });
      if (column.type === "DATE") {
        add({
          ...base,
          rule: "inte_forsta_dagen",
          severity: "fel",
          render: (n) => `${formatInteger(n)} datum är inte den första dagen i en månad`,
          sql: `count(*) filter (where day(${ident(column.name)}) <> 1)`
        });
      }
    } else if (isDateColumn(column) && column.future !== "tillaten") {
      const severity = column.future ?? "fel";
      add({
        ...base,
        rule: "datum_efter_leverans",
        severity,
        render: (n) =>
          `${formatInteger(n)} datum ligger efter leveransdagen ${delivery}${severity === "varning" ? " (planerade datum?)" : ""}`,
        sql: `count(*) filter (where ${dateSql(spec, column)} > ${deliveryDate})`
      });
    }
  }

  for (const rule of spec.rowRules ?? []) {
    const columns = rule.kind === "endBeforeStart" ? [rule.start, rule.end] : [rule.column];
    if (rule.kind === "missingAfterMonths") columns.push(rule.dateColumn);
    if (!columns.every((c) => usable.has(c))) continue;
    const base = {rule: rule.id, severity: rule.severity, id: rule.id};
    if (rule.kind === "compare") {
      add({
        ...base,
        column: rule.column,
        render: (n) => `${rows(n)} med ${rule.text}`,
        sql: `count(*) filter (where ${ident(rule.column)} ${rule.op} ${param(rule.value)})`
      });
    } else if (rule.kind === "yearAfterDelivery") {
      add({
        ...base,
        column: rule.column,
        render: (n) => `${rows(n)} med ${rule.text} ${delivery.slice(0, 4)}`,
        sql: `count(*) filter (where ${ident(rule.column)} > year(${deliveryDate}))`
      });
    } else if (rule.kind === "endBeforeStart") {
      add({
        ...base,
        column: rule.end,
        render: (n) => `${rows(n)} där ${rule.text}`,
        sql: `count(*) filter (where ${dateSql(spec, col(rule.end))} < ${dateSql(spec, col(rule.start))})`
      });
    } else {
      const missing = valueSql(spec, col(rule.column));
      add({
        ...base,
        column: rule.column,
        render: (n) => `${rows(n)} med ${rule.text}`,
        sql: `count(*) filter (where ${missing} is null and ${dateSql(spec, col(rule.dateColumn))} < ${deliveryDate} - to_months(cast(${param(rule.months)} as integer)))`
      });
    }
  }

  const select = ["count(*) as n_rows", ...measures.map((m, i) => `${m.sql} as m${i}`)].join(",\n    ");
  const sql = `with source as (select * from src_${spec.name}),

final as (
  select
    ${select}
  from source
)

select * from final`;
  return {sql, params, measures};
}

type Where = {delivery: string; table: string; file: string; column: string | null};

async function unknownCodes(
  conn: DuckDBConnection,
  spec: TableSpec,
  column: ColumnSpec,
  where: Where,
  total: number
): Promise<Finding[]> {
  const value = valueSql(spec, column);
  const codes = await queryRows<{code: string; n: number}>(
    conn,
    `with source as (select * from src_${spec.name}),

unknown as (
  select ${value} as code
  from source
  where ${value} is not null and not list_contains($codes, ${value}) and not contains(${value}, ${BOM_SQL})
),

final as (
  select code, count(*) as n from unknown group by code
)

select * from final order by n desc, code limit 5`,
    {codes: column.codes!}
  );
  return perValue(
    "okand_kod",
    where,
    codes.map((c) => ({n: c.n, text: `okänd kod '${maskedExample(c.code)}' (${rows(c.n)})`})),
    total,
    "fler okända koder"
  );
}

/** One error per listed value (the most frequent ones) and one for the rest of `total`, named `rest`. */
function perValue(
  rule: string,
  where: Where,
  listed: {n: number; text: string}[],
  total: number,
  rest: string
): Finding[] {
  const out = listed.map(({n, text}) => finding(rule, "fel", where, {text, count: n}));
  const shown = listed.reduce((sum, v) => sum + v.n, 0);
  if (total > shown)
    out.push(finding(rule, "fel", where, {text: `${rest} (${rows(total - shown)})`, count: total - shown}));
  return out;
}

/**
 * Values with a byte-order mark. In a code column each code is named (with the mark written out), so "alf" with a
 * mark in front does not read as an unknown code "alf"; elsewhere only the count is given.
 */
async function bomFindings(
  conn: DuckDBConnection,
  spec: TableSpec,
  column: ColumnSpec,
  where: Where,
  total: number
): Promise<Finding[]> {
  const general = finding("bom_i_varde", "fel", where, {
    text: `${formatInteger(total)} ${total === 1 ? "värde innehåller" : "värden innehåller"} ett osynligt BOM-tecken (U+FEFF), som ofta kommer från en textfil sparad som "UTF-8 med BOM"`,
    count: total
  });
  if (!column.codes) return [general];
  const value = valueSql(spec, column);
  // The mark is removed in SQL: a leading one would be dropped silently on its way into JavaScript.
  const codes = await queryRows<{bare: string; bom_at: number; n: number}>(
    conn,
    `with source as (select * from src_${spec.name}),

marked as (
  select replace(${value}, ${BOM_SQL}, '') as bare, strpos(${value}, ${BOM_SQL}) as bom_at
  from source
  where contains(${value}, ${BOM_SQL})
),

final as (
  select bare, min(bom_at) as bom_at, count(*) as n from marked group by bare
)

select * from final order by n desc, bare limit 5`
  );
  const listed = codes.map((c) => {
    const example = maskedExample(`${c.bare.slice(0, c.bom_at - 1)}\uFEFF${c.bare.slice(c.bom_at - 1)}`);
    const text = column.codes!.includes(c.bare)
      ? `koden '${c.bare}' har ett osynligt BOM-tecken (U+FEFF) i värdet ('${example}') och känns inte igen (${rows(c.n)})`
      : `okänd kod '${example}' med ett osynligt BOM-tecken (U+FEFF) (${rows(c.n)})`;
    return {n: c.n, text};
  });
  return perValue("bom_i_varde", where, listed, total, "fler värden med BOM-tecken");
}

/**
 * Checks one export table whose src_<table> view exists: columns and types, the manifest's row count, then the
 * single-pass checks. A file that DuckDB cannot read gives findings naming the columns that fail. Returns errors and
 * warnings, and the columns that exist with the contract's type.
 */
export async function checkTable(
  conn: DuckDBConnection,
  spec: TableSpec,
  delivery: string,
  manifestRows: number | undefined
): Promise<{findings: Finding[]; usable: Set<string>}> {
  const file = spec.file;
  const at = (column: string | null = null) => ({delivery, table: spec.name, file, column});
  const findings: Finding[] = [];

  let described: {column_name: string; column_type: string}[];
  try {
    described = await queryRows(conn, `describe select * from src_${spec.name}`);
  } catch (e) {
    return {findings: await readErrorFindings(conn, spec, delivery, [], e), usable: new Set()};
  }
  const types = new Map(described.map((c) => [c.column_name, c.column_type]));
  const usable = new Set<string>();
  for (const column of spec.columns) {
    const type = types.get(column.name);
    if (type === undefined) {
      findings.push(finding("saknad_kolumn", "fel", at(column.name), {sentence: `saknar kolumnen ${column.name}`}));
    } else if (type !== column.type) {
      findings.push(
        finding("fel_typ", "fel", at(column.name), {text: `har typen ${type}, kontraktet kräver ${column.type}`})
      );
    } else {
      usable.add(column.name);
    }
  }
  for (const name of types.keys()) {
    if (!spec.columns.some((c) => c.name === name)) {
      findings.push(finding("okand_kolumn", "varning", at(name), {text: "finns inte i kontraktet och läses inte"}));
    }
  }

  const plan = tableCheckPlan(spec, usable, delivery);
  let result: Record<string, number>;
  try {
    [result] = await queryRows<Record<string, number>>(conn, plan.sql, plan.params);
  } catch (e) {
    findings.push(...(await readErrorFindings(conn, spec, delivery, [...types.keys()], e)));
    return {findings, usable: new Set()};
  }
  if (manifestRows !== undefined && manifestRows !== result.n_rows) {
    findings.push(
      finding("antal_rader", "fel", at(), {
        text: `har ${rows(result.n_rows)} men manifestet anger ${formatInteger(manifestRows)}`,
        count: result.n_rows
      })
    );
  }
  for (const [i, measure] of plan.measures.entries()) {
    const n = result[`m${i}`];
    if (!n) continue;
    const column = spec.columns.find((c) => c.name === measure.column);
    if (measure.rule === "okand_kod") {
      findings.push(...(await unknownCodes(conn, spec, column!, at(column!.name), n)));
    } else if (measure.rule === "bom_i_varde") {
      findings.push(...(await bomFindings(conn, spec, column!, at(column!.name), n)));
    } else {
      findings.push(
        finding(measure.rule, measure.severity, at(measure.column), {
          text: measure.render(n),
          count: n,
          id: measure.id && `${measure.id}:${spec.name}.${measure.column}`
        })
      );
    }
  }
  return {findings, usable};
}

/**
 * The contract's foreign keys of one table, each as an anti-join count. Run only when both tables' key columns are
 * usable.
 */
export async function checkForeignKeys(
  conn: DuckDBConnection,
  spec: TableSpec,
  parent: TableSpec,
  delivery: string
): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const fk of (spec.foreignKeys ?? []).filter((k) => k.references === parent.name)) {
    const child = (name: string) =>
      valueSql(
        spec,
        spec.columns.find((c) => c.name === name)!,
        "c"
      );
    const target = (name: string) =>
      valueSql(
        parent,
        parent.columns.find((c) => c.name === name)!,
        "p"
      );
    const matches = fk.columns.map((c, i) => `${target(fk.referencedColumns[i])} = ${child(c)}`);
    const sql = `with child as (select * from src_${spec.name}),
parent as (select * from src_${parent.name}),

orphans as (
  select c.*
  from child c
  where ${fk.columns.map((c) => `${child(c)} is not null`).join(" and ")}
    and not exists (select 1 from parent p where ${matches.join(" and ")})
),

final as (select count(*) as n from orphans)

select * from final`;
    const [{n}] = await queryRows<{n: number}>(conn, sql);
    if (n) {
      findings.push(
        finding(
          "saknad_referens",
          fk.severity,
          {delivery, table: spec.name, file: spec.file, column: fk.columns.join(", ")},
          {
            text: `${rows(n)} saknar motsvarighet i ${parent.file} (${fk.why})`,
            count: n
          }
        )
      );
    }
  }
  return findings;
}
