import "./dom.ts";
import {describe, expect, test} from "vitest";
import {appendixTables, followUpTable} from "../../src/components/appendix.ts";
import type {AppendixRow, FollowUpSection} from "../../src/lib/metric-types.ts";
import {text} from "./snapshot.ts";

const section = (changes: Partial<FollowUpSection> = {}): FollowUpSection => ({
  month: "2023-02",
  reasons: {id: "uppfoljning_orsaker", label: "Avslutsorsaker", definition: "", month: "2023-02", total: 54, cells: []},
  exitsExclReferredBack: 48,
  unknownShare: 0.185,
  cohorts: [
    // Observable at 6 and 12 months, hidden at 18 (28 of 32 without assistance leaves 4 with).
    {month: "2021-08", cohortSize: 32, withoutAssistance: {6: 0.6875, 12: 0.8125, 18: null}, hidden: {18: true}},
    // Not yet observable at 18 months.
    {month: "2022-02", cohortSize: 33, withoutAssistance: {6: 0.545, 12: 0.5, 18: null}}
  ],
  ...changes
});

const cells = (element: Element) =>
  [...element.querySelectorAll("tbody tr")].map((r) => [...r.children].map((c) => text(c)));

describe("followUpTable", () => {
  test("followUpTable(section) shows a hidden share as dolt with the rule, a share not yet observable as missing", () => {
    const element = followUpTable(section());
    expect(cells(element)).toEqual([
      ["aug-21", "32", "68,8 %", "81,3 %", "dolt"],
      ["feb-22", "33", "54,5 %", "50,0 %", "uppgift saknas"]
    ]);
    expect(text(element.querySelector(".nr-table-block .nr-suppression-note"))).toMatch(/^”dolt”: värdet visas inte/);
  });

  test("followUpTable(section) names hidden lead figures as hidden, not missing", () => {
    const shown = text(followUpTable(section()).querySelector("p"));
    expect(shown).toBe(
      "Under februari 2023 avslutades 48 deltagare exklusive återremitterade. Andelen med okänd avslutsorsak var 18,5 %."
    );
    const hidden = followUpTable(
      section({
        exitsExclReferredBack: null,
        unknownShare: null,
        hidden: {exitsExclReferredBack: true, unknownShare: true}
      })
    );
    expect(text(hidden.querySelector("p"))).toBe(
      "Antalet deltagare som avslutades under februari 2023 exklusive återremitterade visas inte (dolt). " +
        "Andelen med okänd avslutsorsak visas inte (dolt)."
    );
    expect(hidden.querySelector(":scope > .nr-suppression-note")).not.toBeNull();
  });
});

describe("appendixTables", () => {
  const row = (month: string, refusals: number | null): AppendixRow => ({
    month,
    ansokande_hushall: 3356,
    beslut: 6354,
    ssbtek_handlaggare: 10308,
    ssbtek_robot: 16305,
    kontrollerade_individer: 8312,
    anvisade_individer: 169,
    oppnade_verkstalligheter: 190,
    andrahandsavtal_avslag: refusals,
    ...(refusals === null ? {hidden: {andrahandsavtal_avslag: true as const}} : {})
  });

  test("appendixTables(bilagor) states a hidden andrahandsavtal count as hidden", () => {
    const hidden = appendixTables({month: "2022-11", rows: [row("2022-10", 5), row("2022-11", null)]}).andrahand;
    expect(text(hidden)).toMatch(/^Antalet nya ansökningar under november 2022 .* visas inte \(dolt\)\./);
    const shown = appendixTables({month: "2022-10", rows: [row("2022-10", 5)]}).andrahand;
    expect(text(shown)).toBe(
      "Under oktober 2022 fick 5 nya ansökningar avslag på grund av ett icke godkänt andrahandsavtal."
    );
  });
});
