// checkEdition on fixture deliveries: the default delivery, entries of the exports root that are not deliveries, and
// the checks against the previous delivery, all in one list of findings.
import {mkdir} from "node:fs/promises";
import {join} from "node:path";
import {describe, expect, test} from "vitest";
import {checkEdition} from "../../data-loaders/checks/edition-check.ts";
import {writeDelivery} from "../fixtures/build-delivery.ts";
import {minimalDelivery, minimalRows} from "../fixtures/minimal-delivery.ts";
import {summaryLines} from "../../scripts/lib/data-quality.ts";

const ids = (findings: {id: string; severity: string}[]) => findings.map((f) => [f.id, f.severity]);

describe("checkEdition(root, month)", () => {
  test("checkEdition finds nothing for the minimal delivery, its default", async () => {
    const check = await checkEdition(await minimalDelivery(), "2023-11", {quality: true});
    expect(check.delivery).toMatchObject({delivery: "2023-12-05", isDefault: true});
    expect(check.previous).toBeNull();
    expect(check.findings).toEqual([]);
  });

  test("checkEdition warns about another delivery than the default and names the folder that is not one", async () => {
    const root = await minimalDelivery({date: "2024-01-05"});
    await mkdir(join(root, "20231205"));
    const check = await checkEdition(root, "2023-11");
    expect(check.delivery).toMatchObject({delivery: "2024-01-05", expected: "2023-12-05", isDefault: false});
    expect(ids(check.findings)).toEqual([
      ["annan_leverans", "varning"],
      ["okand_mapp:20231205", "varning"]
    ]);
    expect(summaryLines("2023-11", check)).toEqual([
      "  2023-11, leverans 2024-01-05 (inte standardleveransen 2023-12-05): inga fel, 2 varningar",
      `    [varning] ${check.findings[0].message}`,
      `    [varning] ${check.findings[1].message}`
    ]);
  });

  test("checkEdition compares with the previous delivery: the same extract again is an error", async () => {
    const root = await minimalDelivery();
    await writeDelivery(root, "2023-11-05", minimalRows());
    const check = await checkEdition(root, "2023-11");
    expect(check.previous).toBe("2023-11-05");
    expect(ids(check.findings)).toEqual([["identisk_leverans", "fel"]]);
  });

  test("checkEdition stops at the contract's errors before comparing anything", async () => {
    const root = await minimalDelivery({breaks: [["vux_antagning", {kind: "removeFile"}]]});
    await writeDelivery(root, "2023-11-05", minimalRows());
    expect(ids((await checkEdition(root, "2023-11")).findings)).toEqual([["saknad_fil:vux_antagning", "fel"]]);
  });
});
