import {describe, expect, test} from "vitest";
import {isSmallCount, safeShare, suppressBreakdown} from "../../data-loaders/suppression.ts";

const cells = (values: number[]) => values.map((value, i) => ({key: `k${i}`, label: `L${i}`, value}));

describe("suppressBreakdown", () => {
  test("suppressBreakdown leaves a breakdown without small counts alone", () => {
    expect(suppressBreakdown(cells([12, 0, 40])).map((c) => c.value)).toEqual([12, 0, 40]);
  });

  test("suppressBreakdown hides 1–4 and secondarily the next smallest cell", () => {
    const out = suppressBreakdown(cells([30, 3, 12, 0, 7]));
    expect(out.map((c) => c.value)).toEqual([30, null, 12, 0, null]);
    expect(out.map((c) => c.suppressed)).toEqual([undefined, "liten", undefined, undefined, "sekundar"]);
  });

  test("suppressBreakdown needs no secondary cell when two are already hidden", () => {
    const out = suppressBreakdown(cells([2, 4, 50]));
    expect(out.map((c) => c.value)).toEqual([null, null, 50]);
    expect(out.map((c) => c.suppressed)).toEqual(["liten", "liten", undefined]);
  });

  test("suppressBreakdown does not reveal the hidden cell through the total", () => {
    const input = cells([25, 1, 9, 14]);
    const total = input.reduce((sum, c) => sum + c.value, 0);
    const shown = suppressBreakdown(input).filter((c) => c.value !== null);
    // At least two cells hidden, so total − shown leaves a sum of two unknowns.
    expect(shown.length).toBe(input.length - 2);
    expect(total - shown.reduce((sum, c) => sum + (c.value as number), 0)).toBe(10);
  });

  test("isSmallCount treats zero as publishable", () => {
    expect([0, 1, 4, 5].map(isSmallCount)).toEqual([false, true, true, false]);
  });
});

describe("safeShare", () => {
  test("safeShare gives no share on a denominator under 10", () => {
    expect(safeShare(1, 9)).toBeNull();
    expect(safeShare(3, 10)).toBe(0.3);
  });
});
