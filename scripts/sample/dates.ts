// Calendar arithmetic on integers: days since 1970-01-01 and months since 1970-01 (both UTC, no time of day).

const MS_PER_DAY = 86_400_000;

export const dayOf = (year: number, month: number, day: number): number => Date.UTC(year, month - 1, day) / MS_PER_DAY;
export const monthOf = (year: number, month: number): number => (year - 1970) * 12 + (month - 1);

/** "2022-08" → month number. */
export const parseMonth = (text: string): number => monthOf(Number(text.slice(0, 4)), Number(text.slice(5, 7)));
/** "2022-08-31" → day number. */
export const parseDay = (text: string): number =>
  dayOf(Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10)));

export const yearOfMonth = (month: number): number => 1970 + Math.floor(month / 12);
export const calendarMonth = (month: number): number => (month % 12) + 1;
export const monthStart = (month: number): number => dayOf(yearOfMonth(month), calendarMonth(month), 1);
export const monthEnd = (month: number): number => monthStart(month + 1) - 1;
export const daysInMonth = (month: number): number => monthStart(month + 1) - monthStart(month);

/** Day `dayOfMonth` (1-based, clamped to the month's length) of a month. */
export const dayInMonth = (month: number, dayOfMonth: number): number =>
  monthStart(month) + Math.min(dayOfMonth, daysInMonth(month)) - 1;

export function monthOfDay(day: number): number {
  const date = new Date(day * MS_PER_DAY);
  return monthOf(date.getUTCFullYear(), date.getUTCMonth() + 1);
}

export const isoDay = (day: number): string => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);

export const yearOfDay = (day: number): number => new Date(day * MS_PER_DAY).getUTCFullYear();
