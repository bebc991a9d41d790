export const YEAR_COLORS = ["#004488", "#bb5566", "#997700", "#6b6b6b", "#aa3377"];
export const YEAR_SYMBOLS = ["circle", "square", "triangle", "diamond", "star"];
export const INK = "#1b1e23";
export const MUTED = "#595959";
export const BAR = "#4477aa";
export function newestFirstColor(i) {
  return YEAR_COLORS[Math.min(i, YEAR_COLORS.length - 1)];
}
