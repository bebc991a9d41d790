// Calendar-month arithmetic on "YYYY-MM" strings, shared by loaders, pages and scripts.

/** Parses "YYYY-MM" into [year, month 1-12]; throws a Swedish error for anything else. */
export function parseMonth(month: string): [number, number] {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  const year = match ? Number(match[1]) : NaN;
  const monthNumber = match ? Number(match[2]) : NaN;
  if (!match || monthNumber < 1 || monthNumber > 12) {
    throw new Error(`Ogiltig månad "${month}": ange den som ÅÅÅÅ-MM, till exempel 2023-11.`);
  }
  return [year, monthNumber];
}

/** "2023-11" + 2 → "2024-01"; negative steps go back. */
export function addMonths(month: string, step: number): string {
  const [year, monthNumber] = parseMonth(month);
  const index = year * 12 + (monthNumber - 1) + step;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** Whole months from a to b (b − a). */
export function monthsBetween(a: string, b: string): number {
  const [ya, ma] = parseMonth(a);
  const [yb, mb] = parseMonth(b);
  return (yb - ya) * 12 + (mb - ma);
}

/** Every month from first to last inclusive. */
export function monthRange(first: string, last: string): string[] {
  const count = monthsBetween(first, last);
  return Array.from({length: Math.max(0, count + 1)}, (_, i) => addMonths(first, i));
}

/** "2023-11" → "2023-11-01". */
export function firstDay(month: string): string {
  parseMonth(month);
  return `${month}-01`;
}

/** "2023-11" → "2023-11-30". */
export function lastDay(month: string): string {
  const [year, monthNumber] = parseMonth(month);
  const day = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, "0")}`;
}

/** The first month of an edition's rolling window: `startMonth` of the year two years before (2023-11 → 2021-02). */
export function windowStart(month: string, startMonth = 2): string {
  const [year] = parseMonth(month);
  return `${year - 2}-${String(startMonth).padStart(2, "0")}`;
}
