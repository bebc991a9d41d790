// The edition calendar: which meeting an edition goes to and whether it carries adult-education statistics.
import {formatMonthName} from "./format.js";
import {addMonths, parseMonth} from "./months.js";

/** The committee meets the month after the report month. */
export function meetingMonth(reportMonth: string): string {
  return addMonths(reportMonth, 1);
}

/** True when the edition for the report month carries vux statistics. */
export function hasVux(reportMonth: string, vuxReportMonths: readonly number[]): boolean {
  return vuxReportMonths.includes(parseMonth(reportMonth)[1]);
}

/** The meeting month ("YYYY-MM") of the next edition with vux statistics after this one. */
export function nextVuxMeeting(reportMonth: string, vuxReportMonths: readonly number[]): string {
  if (vuxReportMonths.length === 0) throw new Error("Inga månader med vuxenutbildningsstatistik är inställda.");
  let month = addMonths(reportMonth, 1);
  while (!hasVux(month, vuxReportMonths)) month = addMonths(month, 1);
  return meetingMonth(month);
}

/** "Vuxenutbildningen lämnar statistik i februari, maj, september och november." */
export function vuxScheduleSentence(vuxReportMonths: readonly number[]): string {
  const names = [...vuxReportMonths]
    .sort((a, b) => a - b)
    .map((m) => formatMonthName(`2000-${String((m % 12) + 1).padStart(2, "0")}`));
  const list = names.length > 1 ? `${names.slice(0, -1).join(", ")} och ${names[names.length - 1]}` : names[0];
  return `Vuxenutbildningen lämnar statistik i ${list}.`;
}
