// The one small-count suppression rule for every breakdown that reaches a page (SPEC §7):
// - a count of 1–4 is hidden and shown as "<5" (0 is shown: it reveals nobody);
// - when a breakdown's total is shown and exactly one cell is hidden, the next smallest non-zero cell is hidden too
//   (secondary suppression), so that no hidden cell can be computed as total minus the others;
// - a share is not shown when its denominator is below 10.
// Headline totals are not suppressed.

import {MIN_SHARE_DENOMINATOR, SUPPRESS_BELOW, SUPPRESSED_LABEL} from "../src/lib/disclosure.ts";

export {MIN_SHARE_DENOMINATOR, SUPPRESS_BELOW, SUPPRESSED_LABEL};

export interface BreakdownCell {
  key: string;
  label: string;
  /** Null when suppressed. */
  value: number | null;
  /** Why the value is hidden: "liten" (primary) or "sekundar". */
  suppressed?: "liten" | "sekundar";
}

/** True when a count must be hidden by the primary rule. */
export function isSmallCount(count: number): boolean {
  return count > 0 && count < SUPPRESS_BELOW;
}

/**
 * Suppresses a breakdown whose total is published. Returns new cells; the input is not changed.
 * Cells keep their order; the total is not part of the cells.
 */
export function suppressBreakdown(cells: {key: string; label: string; value: number}[]): BreakdownCell[] {
  const out: BreakdownCell[] = cells.map((cell) =>
    isSmallCount(cell.value) ? {...cell, value: null, suppressed: "liten"} : {...cell}
  );
  const hidden = out.filter((cell) => cell.suppressed).length;
  if (hidden === 1) {
    // Hide the smallest remaining non-zero cell; ties go to the first in order, so the result is deterministic.
    let pick = -1;
    out.forEach((cell, i) => {
      if (cell.value !== null && cell.value > 0 && (pick < 0 || cell.value < (out[pick].value as number))) pick = i;
    });
    if (pick >= 0) out[pick] = {...out[pick], value: null, suppressed: "sekundar"};
  }
  return out;
}

/** A share numerator/denominator, or null when the denominator is too small to publish a share. */
export function safeShare(numerator: number, denominator: number): number | null {
  return denominator >= MIN_SHARE_DENOMINATOR ? numerator / denominator : null;
}
