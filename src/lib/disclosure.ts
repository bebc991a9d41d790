// The small-count rule's published constants, shared by the suppression in data-loaders/suppression.ts and the pages
// that show suppressed cells. Change the threshold here and every loader and page follows.

/** Counts from 1 up to (not including) this are hidden. */
export const SUPPRESS_BELOW = 5;
/** No share is shown on a denominator below this. */
export const MIN_SHARE_DENOMINATOR = 10;
/** Shown for a primary-suppressed count (1–4). */
export const SUPPRESSED_LABEL = `<${SUPPRESS_BELOW}`;
/** Shown for a secondary-suppressed count: its value may be 5 or more, so "<5" would be wrong. */
export const SUPPRESSED_SECONDARY_LABEL = "dolt";

/** The rule behind suppressed cells, for footnotes. */
export function suppressionNote({secondary = false}: {secondary?: boolean} = {}): string {
  const first = "Värden 1–4 visas som <5 för att ingen enskild person ska kunna identifieras.";
  return secondary
    ? `${first} När bara ett värde döljs, döljs även det näst minsta (visas som ”dolt”) så att det inte kan räknas fram ur totalen.`
    : first;
}
