import {describe, expect, test} from "vitest";
import {auditEdition} from "../../data-loaders/disclosure/audit.ts";
import {
  chooseHidden,
  isHiddenShare,
  isSmallCount,
  safeShare,
  suppressBreakdown,
  suppressExitReasons
} from "../../data-loaders/suppression.ts";
import {published} from "../../data-loaders/sections.ts";
import type {BreakdownResult} from "../../src/lib/metric-types.ts";

const cells = (values: number[]) => values.map((value, i) => ({key: `k${i}`, label: `L${i}`, value}));
const spec = {id: "avslutsorsaker", label: "Orsaker till avslut", definition: "", month: "2023-11"};
const alone = (breakdown: BreakdownResult) => ({"ekonomiskt-bistand": {avslutsorsaker: breakdown}});
const suppress = (values: number[]) => suppressBreakdown(spec, cells(values), alone);

describe("suppressBreakdown", () => {
  test("suppressBreakdown leaves a breakdown without small counts alone", async () => {
    expect((await suppress([12, 0, 40])).cells.map((c) => c.value)).toEqual([12, 0, 40]);
  });

  test("suppressBreakdown hides 1–4 and the smallest cell that makes the audit hold", async () => {
    const out = await suppress([30, 3, 12, 0, 7]);
    expect(out.cells.map((c) => c.value)).toEqual([30, null, 12, 0, null]);
    expect(out.cells.map((c) => c.suppressed)).toEqual([undefined, "primar", undefined, undefined, "sekundar"]);
  });

  test("suppressBreakdown hides the smallest total that holds, not the smallest cell", async () => {
    // 2 + 2 + 5 = 9 leaves each of three hidden cells at most 7; hiding 40 instead costs less than 5 and 40 together.
    const out = await suppress([40, 2, 2, 5]);
    expect(out.cells.map((c) => c.value)).toEqual([null, null, null, 5]);
  });

  test("suppressBreakdown hides more when two small cells would still be small together", async () => {
    // 2 + 4 = 6: each hidden cell could only be 1–5. The earlier rule stopped at two hidden cells.
    const out = await suppress([2, 4, 50]);
    expect(out.cells.map((c) => c.value)).toEqual([null, null, null]);
  });

  test("suppressBreakdown withholds the cells when the total is too small to protect them", async () => {
    expect(await suppress([3, 2])).toMatchObject({total: 5, cells: [], withheld: true});
  });

  test("suppressBreakdown gives breakdowns that pass the audit once published", async () => {
    // A fixed pseudo-random set of breakdowns with small cells.
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < 40; n++) {
      const values = Array.from({length: 3 + Math.floor(next() * 6)}, () =>
        Math.floor(next() * (next() < 0.4 ? 5 : 40))
      );
      const out = published(await suppress(values));
      const {leaks} = await auditEdition(alone(out));
      expect(leaks, `cells ${values.join(", ")}`).toEqual([]);
      expect(out.withheld || out.cells.every((c) => c.value === null || !isSmallCount(c.value))).toBe(true);
    }
  });
});

describe("suppressExitReasons", () => {
  const reasons = (entries: [string, number][]) => entries.map(([key, value]) => ({key, label: key, value}));

  test("suppressExitReasons hides what the unknown share and the shared total would give away (2022-11)", async () => {
    const exits = await suppressExitReasons(
      reasons([
        ["arbete_ej_subventionerat", 9],
        ["sjalvforsorjning_af", 8],
        ["ovrigt", 7],
        ["aterremitterad", 6],
        ["ej_registrerad", 6],
        ["studier", 6],
        ["arbete_subventionerat", 4],
        ["avbrott", 4],
        ["okand", 4]
      ]),
      "2022-11"
    );
    expect(exits.cells.filter((c) => c.suppressed).map((c) => [c.key, c.suppressed])).toEqual([
      ["ej_registrerad", "sekundar"],
      ["studier", "sekundar"],
      ["arbete_subventionerat", "primar"],
      ["avbrott", "primar"],
      ["okand", "primar"]
    ]);
    expect(exits.exitsExclReferredBack).toBe(48);
    expect(exits.unknownShare).toBeCloseTo(10 / 54, 12);
  });

  test("suppressExitReasons hides avslutade exklusive återremitterade when återremitterad is 1–4", async () => {
    const exits = await suppressExitReasons(
      reasons([
        ["arbete", 20],
        ["studier", 12],
        ["ovrigt", 9],
        ["aterremitterad", 3]
      ]),
      "2023-11"
    );
    expect(exits.exitsExclReferredBack).toBeNull();
    expect(exits.hidden.exitsExclReferredBack).toBe("sekundar");
    expect(exits.cells.find((c) => c.key === "aterremitterad")?.suppressed).toBe("primar");
  });

  test("suppressExitReasons hides the unknown share when okänd + ej registrerad is 1–4", async () => {
    const exits = await suppressExitReasons(
      reasons([
        ["arbete", 30],
        ["studier", 12],
        ["okand", 2]
      ]),
      "2023-11"
    );
    expect(exits.unknownShare).toBeNull();
    expect(exits.hidden.unknownShare).toBe("primar");
  });
});

describe("chooseHidden", () => {
  test("chooseHidden hides a derived figure only when no choice of cells protects the small counts", async () => {
    // A stand-in audit: the primary "p" is protected only when "d" is hidden, whatever the cells.
    const holds = async (hidden: ReadonlySet<string>) => hidden.has("d") && hidden.has("c5");
    const hidden = await chooseHidden(
      ["p"],
      [
        {id: "c9", value: 9},
        {id: "c5", value: 5}
      ],
      [{id: "d", value: 30}],
      holds
    );
    expect(hidden).toEqual(
      new Map([
        ["p", "primar"],
        ["d", "sekundar"],
        ["c5", "sekundar"]
      ])
    );
  });
});

describe("shares", () => {
  test("isHiddenShare hides a share of under 10, or with 1–4 on either side", () => {
    expect(isHiddenShare(1, 9)).toBe(true);
    expect(isHiddenShare(28, 32)).toBe(true); // 4 with assistance
    expect(isHiddenShare(3, 40)).toBe(true);
    expect(isHiddenShare(0, 12)).toBe(false);
    expect(isHiddenShare(27, 32)).toBe(false);
  });

  test("safeShare gives the share only when it may be published", () => {
    expect(safeShare(1, 9)).toBeNull();
    expect(safeShare(5, 10)).toBe(0.5);
    expect(safeShare(6, 10)).toBeNull();
  });

  test("isSmallCount treats zero as publishable", () => {
    expect([0, 1, 4, 5].map(isSmallCount)).toEqual([false, true, true, false]);
  });
});

describe("published", () => {
  test("published(section) keeps only that a figure is hidden, not why", () => {
    const section = {
      avslutsorsaker: {
        cells: [
          {key: "a", value: null, suppressed: "primar"},
          {key: "b", value: 7}
        ]
      },
      hidden: {unknownShare: "sekundar"},
      cohorts: [{hidden: {6: "primar"}}]
    };
    expect(published(section)).toEqual({
      avslutsorsaker: {
        cells: [
          {key: "a", value: null, suppressed: true},
          {key: "b", value: 7}
        ]
      },
      hidden: {unknownShare: true},
      cohorts: [{hidden: {6: true}}]
    });
  });
});
