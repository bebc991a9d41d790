import { formatMonthName } from "./format.31c9c2b5.js";
import { addMonths, parseMonth } from "./months.b119c145.js";
export function meetingMonth(reportMonth) {
  return addMonths(reportMonth, 1);
}
export function hasVux(reportMonth, vuxReportMonths) {
  return vuxReportMonths.includes(parseMonth(reportMonth)[1]);
}
export function nextVuxMeeting(reportMonth, vuxReportMonths) {
  if (vuxReportMonths.length === 0) throw new Error("Inga m\xE5nader med vuxenutbildningsstatistik \xE4r inst\xE4llda.");
  let month = addMonths(reportMonth, 1);
  while (!hasVux(month, vuxReportMonths)) month = addMonths(month, 1);
  return meetingMonth(month);
}
export function vuxScheduleSentence(vuxReportMonths) {
  const names = [...vuxReportMonths].sort((a, b) => a - b).map((m) => formatMonthName(`2000-${String(m % 12 + 1).padStart(2, "0")}`));
  const list = names.length > 1 ? `${names.slice(0, -1).join(", ")} och ${names[names.length - 1]}` : names[0];
  return `Vuxenutbildningen l\xE4mnar statistik i ${list}.`;
}
