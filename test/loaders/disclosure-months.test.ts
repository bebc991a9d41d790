// The disclosure audit over what every section loader publishes for every report month of the sample, 2021-02..2023-12:
// no hidden figure may follow from the figures published with it.
import {resolve} from "node:path";
import {describe, expect, test} from "vitest";
import {auditEdition} from "../../data-loaders/disclosure/audit.ts";
import {AUDITED_SECTIONS, hiddenSummary, type EditionData} from "../../data-loaders/disclosure/model.ts";
import {loaderContext, loaderResult, openEdition} from "../../data-loaders/run-loader.ts";
import {SECTIONS} from "../../data-loaders/sections.ts";
import {monthRange} from "../../src/lib/months.ts";

const EXPORTS = resolve("data/exports");

describe("the published data of every report month", () => {
  test("auditEdition finds no leak in any report month 2021-02..2023-12", {timeout: 900_000}, async () => {
    let hidden = 0;
    for (const month of monthRange("2021-02", "2023-12")) {
      const {conn, delivery} = await openEdition(EXPORTS, month);
      const edition: EditionData = {};
      for (const section of AUDITED_SECTIONS) {
        edition[section] = await loaderResult(
          SECTIONS[section],
          loaderContext(conn, month, delivery),
          `${section}.json`
        );
      }
      conn.closeSync();
      const {leaks} = await auditEdition(edition);
      expect(leaks, month).toEqual([]);
      const summary = hiddenSummary(edition);
      hidden += summary.cells + summary.shares + summary.counts;
    }
    // The audit had hidden figures to judge, not an empty edition.
    expect(hidden).toBeGreaterThan(100);
  });
});
