export function parseMonth(month) {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  const year = match ? Number(match[1]) : NaN;
  const monthNumber = match ? Number(match[2]) : NaN;
  if (!match || monthNumber < 1 || monthNumber > 12) {
    throw new Error(`Ogiltig m\xE5nad "${month}": ange den som \xC5\xC5\xC5\xC5-MM, till exempel 2023-11.`);
  }
  return [year, monthNumber];
}
export function addMonths(month, step) {
  const [year, monthNumber] = parseMonth(month);
  const index = year * 12 + (monthNumber - 1) + step;
  return `${Math.floor(index / 12)}-${String(index % 12 + 1).padStart(2, "0")}`;
}
export function monthsBetween(a, b) {
  const [ya, ma] = parseMonth(a);
  const [yb, mb] = parseMonth(b);
  return (yb - ya) * 12 + (mb - ma);
}
export function monthRange(first, last) {
  const count = monthsBetween(first, last);
  return Array.from({ length: Math.max(0, count + 1) }, (_, i) => addMonths(first, i));
}
export function firstDay(month) {
  parseMonth(month);
  return `${month}-01`;
}
export function lastDay(month) {
  const [year, monthNumber] = parseMonth(month);
  const day = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, "0")}`;
}
export function windowStart(month, startMonth = 2) {
  const [year] = parseMonth(month);
  return `${year - 2}-${String(startMonth).padStart(2, "0")}`;
}
