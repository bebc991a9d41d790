// docs/data-contract.md § Validation is exact: it lists every rule with the severity the checks give it, and every
// table's month column and legacy freeze as the contract has them.
import {readFile} from "node:fs/promises";
import {describe, expect, test} from "vitest";
import {CONTRACT} from "../../data-loaders/contract.ts";
import {QUALITY_CHECKS} from "../../data-loaders/checks/quality.ts";
import {documentedSeverity, RULES} from "../../data-loaders/checks/rules.ts";

async function section(heading: string): Promise<string> {
  const doc = await readFile("docs/data-contract.md", "utf8");
  const start = doc.indexOf(`\n### ${heading}\n`);
  expect(start, heading).toBeGreaterThan(0);
  const rest = doc.slice(start + heading.length + 6);
  return rest.slice(0, rest.search(/\n##+ /));
}

const rows = (text: string) =>
  [...text.matchAll(/^\| `(\w+)` \|([^|]*)\|([^|]*)\|/gm)].map((m) => [m[1], m[2].trim(), m[3].trim()]);

describe("docs/data-contract.md § Validation", () => {
  test("the Rules table lists every rule of RULES once, with its severity", async () => {
    const documented = rows(await section("Rules")).map(([id, severity]) => [id, severity]);
    expect(documented).toEqual(Object.entries(RULES));
  });

  test("the Month columns table has every table's month column and legacy freeze", async () => {
    const documented = rows(await section("Month columns")).map(([table, column, until]) => [
      table,
      column.replaceAll("`", ""),
      until
    ]);
    expect(documented).toEqual(CONTRACT.map((t) => [t.name, t.monthColumn, t.until ?? ""]));
  });
});

describe("RULES", () => {
  test("RULES has the contract's row rules and the cross-table checks with the severity they are run with", () => {
    for (const table of CONTRACT) {
      for (const rule of table.rowRules ?? []) {
        expect(documentedSeverity(rule.id, rule.severity), `${table.name} ${rule.id}`).toBe(true);
      }
    }
    expect(RULES.saknad_referens).toBe("per reference");
    for (const check of QUALITY_CHECKS) expect(documentedSeverity(check.id, "varning"), check.id).toBe(true);
    expect(documentedSeverity("okand_regel", "fel")).toBe(false);
    expect(documentedSeverity("tom_fil", "varning")).toBe(false);
  });
});
