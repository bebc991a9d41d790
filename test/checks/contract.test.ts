import {readFile} from "node:fs/promises";
import {describe, expect, test} from "vitest";
import {CONTRACT, isDateColumn, tableSpec} from "../../data-loaders/contract.ts";

describe("CONTRACT", () => {
  test("CONTRACT names only columns it declares, in keys, foreign keys, row rules and month columns", () => {
    for (const table of CONTRACT) {
      const names = new Set(table.columns.map((c) => c.name));
      expect(names.size, table.name).toBe(table.columns.length);
      expect(table.file).toBe(`${table.name}.parquet`);
      for (const key of table.key) expect(names.has(key), `${table.name} key ${key}`).toBe(true);
      for (const fk of table.foreignKeys ?? []) {
        const parent = tableSpec(fk.references);
        expect(fk.columns).toHaveLength(fk.referencedColumns.length);
        for (const c of fk.columns) expect(names.has(c), `${table.name} fk ${c}`).toBe(true);
        expect(fk.referencedColumns, `${table.name} → ${parent.name}`).toEqual(parent.key);
      }
      for (const rule of table.rowRules ?? []) {
        const columns = rule.kind === "endBeforeStart" ? [rule.start, rule.end] : [rule.column];
        for (const c of columns) expect(names.has(c), `${table.name} ${rule.id} ${c}`).toBe(true);
      }
      const month = table.columns.find((c) => c.name === table.monthColumn);
      expect(month && isDateColumn(month), `${table.name} monthColumn`).toBe(true);
    }
  });

  test("CONTRACT gives text dates only to legacy VARCHAR columns and date rules only to dates", () => {
    for (const table of CONTRACT) {
      for (const column of table.columns) {
        if (column.textDate) {
          expect(column.type, column.name).toBe("VARCHAR");
          expect(table.emptyTextIsNull, table.name).toBe(true);
        }
        if (column.future || column.isMonth) expect(isDateColumn(column), column.name).toBe(true);
        if (column.codes) expect(column.codes.length, column.name).toBeGreaterThan(0);
      }
    }
  });

  test("tableSpec(name) throws for a table the contract does not have", () => {
    expect(() => tableSpec("okand")).toThrow("Okänd tabell i leveranskontraktet: okand");
  });
});

describe("docs/data-contract.md", () => {
  test("docs/data-contract.md documents every contract table with the same columns, types and codes", async () => {
    const doc = await readFile("docs/data-contract.md", "utf8");
    const sections = new Map(
      doc
        .split(/^#### /m)
        .slice(1)
        .map((s) => [/^`(\w+)`/.exec(s)?.[1] ?? "", s])
    );
    expect([...sections.keys()].sort()).toEqual(CONTRACT.map((t) => t.name).sort());
    for (const table of CONTRACT) {
      const rows = [...sections.get(table.name)!.matchAll(/^\| `(\w+)` \| ([A-Z0-9(), ]+?) \|(.*)$/gm)];
      expect(
        rows.map((r) => `${r[1]} ${r[2]}`),
        table.name
      ).toEqual(table.columns.map((c) => `${c.name} ${c.type}`));
      for (const column of table.columns.filter((c) => c.codes)) {
        const meaning = rows.find((r) => r[1] === column.name)![3];
        for (const code of column.codes!) expect(meaning, `${table.name}.${column.name}`).toContain(`\`${code}\``);
      }
    }
  });
});
