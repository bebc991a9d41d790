// The small-count rule's published constants, shared by the suppression in data-loaders/suppression.ts, the audit in
// data-loaders/disclosure/ and the pages that show hidden figures. Change the threshold here and every loader, the
// audit and every page follow.

/** Counts from 1 up to (not including) this are hidden. */
export const SUPPRESS_BELOW = 5;
/** No share is shown on a denominator below this. */
export const MIN_SHARE_DENOMINATOR = 10;
/**
 * How far above the small range (1–4) a hidden count's feasible interval must reach: an interval from 1 (or lower) to
 * at least 4 + 4 = 8 holds as many values above the small range as in it, so the published figures cannot tell a small
 * count from one of 5–8.
 */
export const PROTECTION_MARGIN = SUPPRESS_BELOW - 1;
/** The least upper end of a hidden count's feasible interval (8). */
export const PROTECTED_UP_TO = SUPPRESS_BELOW - 1 + PROTECTION_MARGIN;

/**
 * Shown for every hidden figure. One mark for all of them: "<5" on some cells would tell the reader which hidden
 * cells are 1–4 before any arithmetic, and the other hidden figures would then give them away.
 */
export const SUPPRESSED_LABEL = "dolt";

/**
 * Why a figure is hidden. Loaders compute "primar" (1–4, or a share of a small group) and "sekundar" (hidden so that
 * the others cannot be worked out); the published data says only `true`, so that the page cannot tell them apart.
 */
export type Hidden = true | "primar" | "sekundar";

/** The rule behind hidden figures, for footnotes. */
export function suppressionNote(): string {
  return (
    "”dolt”: värdet visas inte, så att ingen enskild person kan identifieras. Antal 1–4 döljs, liksom andelar av " +
    "färre än 10 personer eller där 1–4 personer skiljer sig från resten, och så många andra värden att inget dolt " +
    "värde kan räknas fram ur rapportens övriga tal."
  );
}
