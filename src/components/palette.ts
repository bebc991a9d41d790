// Colours for charts. Every colour that carries meaning has at least 3:1 contrast against white (WCAG 1.4.11);
// text colours at least 4.5:1.

/**
 * Year colours, newest first: Paul Tol's colour-blind-safe "high contrast" scheme with the yellow darkened, then a
 * grey and a purple (4.2:1 to 9.6:1 against white).
 */
export const YEAR_COLORS = ["#004488", "#bb5566", "#997700", "#6b6b6b", "#aa3377"] as const;
/** Point symbols, newest year first, so that years differ by more than colour. */
export const YEAR_SYMBOLS = ["circle", "square", "triangle", "diamond", "star"] as const;
/** Text and rules (16.7:1). */
export const INK = "#1b1e23";
/** Secondary text, notes and dotted rules (7:1). */
export const MUTED = "#595959";
/** Single-series bars (4.7:1). */
export const BAR = "#4477aa";

/** The colour of the i-th newest of n groups (years, months). */
export function newestFirstColor(i: number): string {
  return YEAR_COLORS[Math.min(i, YEAR_COLORS.length - 1)];
}
