// Checks of a delivery against the previous one and against the report month, over their profiles (profile.ts):
// frozen legacy tables unchanged, not the same extract again, no month losing rows, and rows for the report month
// wherever the months before it had rows. Each is an error where the published numbers would be wrong.
import {CONTRACT, type TableSpec} from "../contract.ts";
import {formatInteger, formatSignedInteger} from "../../src/lib/format.ts";
import {SOURCE_SYSTEM_LABELS} from "../../src/lib/codes.ts";
import {addMonths, lastDay, monthRange} from "../../src/lib/months.ts";
import {finding, rows, type Finding} from "./findings.ts";
import type {DeliveryProfile, TableProfile} from "./profile.ts";

/**
 * How many rows a month may lose between two deliveries without an error: the larger of ROW_LOSS_ROWS and
 * ROW_LOSS_SHARE of the month's rows in the previous delivery (rows deleted upstream as registration mistakes). Any
 * smaller loss is a warning.
 */
export const ROW_LOSS_ROWS = 3;
export const ROW_LOSS_SHARE = 0.01;

/** Months before the report month that must all have rows for an empty report month to be an error. */
export const REPORT_MONTH_HISTORY = 12;

/** Months listed in a message; the rest are counted. */
const LISTED = 6;

export function allowedLoss(previousRows: number): number {
  return Math.max(ROW_LOSS_ROWS, Math.floor(previousRows * ROW_LOSS_SHARE));
}

const monthName = (month: string) => month || "rader utan läsbar månad";

function listed(items: string[]): string {
  const shown = items.slice(0, LISTED).join(", ");
  return items.length > LISTED ? `${shown} och ${items.length - LISTED} till` : shown;
}

const monthsWord = (n: number) => (n === 1 ? "1 månad" : `${n} månader`);

/** True when both profiles place rows by month (the month column was readable in both). */
function comparableByMonth(a: TableProfile, b: TableProfile): boolean {
  const byMonth = (p: TableProfile) => p.rows === 0 || Object.keys(p.months).some((m) => m !== "");
  return byMonth(a) && byMonth(b);
}

/** The months whose rows or content differ, each with its row counts before and now. */
function changedMonths(now: TableProfile, before: TableProfile): string[] {
  const months = [...new Set([...Object.keys(now.months), ...Object.keys(before.months)])].sort();
  return months.flatMap((m) => {
    const a = before.months[m]?.rows ?? 0;
    const b = now.months[m]?.rows ?? 0;
    if (a === b && before.months[m]?.hash === now.months[m]?.hash) return [];
    return [
      a === b
        ? `${monthName(m)} (samma antal rader, ändrat innehåll)`
        : `${monthName(m)} (${formatInteger(a)} → ${formatInteger(b)} rader)`
    ];
  });
}

/** True when no month's rows or content differ. */
const sameContent = (now: TableProfile, before: TableProfile) => changedMonths(now, before).length === 0;

/** A legacy table after its last month: identical to the previous delivery, or an error naming the months. */
function frozenFindings(spec: TableSpec, delivery: string, previous: string, now: TableProfile, before: TableProfile) {
  const months = changedMonths(now, before);
  if (months.length === 0) return [];
  return [
    finding(
      "legacy_andrad",
      "fel",
      {delivery, table: spec.name, file: spec.file, column: spec.monthColumn},
      {
        text: `${SOURCE_SYSTEM_LABELS[spec.system] ?? spec.system} används inte efter ${spec.until} och tabellen ska vara oförändrad, men ${monthsWord(months.length)} skiljer sig från leverans ${previous}: ${listed(months)}`,
        count: months.length
      }
    )
  ];
}

/** Months that lost rows since the previous delivery: an error beyond the tolerance, else a warning. */
function lossFindings(spec: TableSpec, delivery: string, previous: string, now: TableProfile, before: TableProfile) {
  const beyond: string[] = [];
  const within: string[] = [];
  let lostBeyond = 0;
  let lostWithin = 0;
  for (const [month, {rows: was}] of Object.entries(before.months).sort(([a], [b]) => a.localeCompare(b))) {
    const is = now.months[month]?.rows ?? 0;
    if (is >= was) continue;
    const text = `${monthName(month)}: ${formatInteger(is)} rader mot ${formatInteger(was)} (${formatSignedInteger(is - was)})`;
    if (was - is > allowedLoss(was)) {
      beyond.push(text);
      lostBeyond += was - is;
    } else {
      within.push(text);
      lostWithin += was - is;
    }
  }
  const where = {delivery, table: spec.name, file: spec.file, column: spec.monthColumn};
  const out: Finding[] = [];
  if (beyond.length) {
    out.push(
      finding("manad_tappar_rader", "fel", where, {
        text: `${monthsWord(beyond.length)} har färre rader än i leverans ${previous}, mer än toleransen (${ROW_LOSS_ROWS} rader eller ${ROW_LOSS_SHARE * 100}\u00a0%): ${listed(beyond)}. Efterregistrering lägger till rader men tar inte bort dem`,
        count: lostBeyond
      })
    );
  }
  if (within.length) {
    out.push(
      finding("manad_farre_rader", "varning", where, {
        text: `${monthsWord(within.length)} har något färre rader än i leverans ${previous} (inom toleransen): ${listed(within)}`,
        count: lostWithin
      })
    );
  }
  return out;
}

/**
 * The checks of `current` against the delivery before it. A delivery whose every table is identical to the
 * previous one is an error on its own (last month's extract in a new folder); otherwise frozen legacy tables must be
 * unchanged and no month may lose rows beyond the tolerance.
 */
export function historyFindings(
  current: {delivery: string; profile: DeliveryProfile},
  previous: {delivery: string; profile: DeliveryProfile}
): Finding[] {
  const pairs = CONTRACT.flatMap((spec) => {
    const now = current.profile[spec.name];
    const before = previous.profile[spec.name];
    return now && before ? [{spec, now, before}] : [];
  });
  if (pairs.length === CONTRACT.length && pairs.every(({now, before}) => sameContent(now, before))) {
    return [
      finding(
        "identisk_leverans",
        "fel",
        {delivery: current.delivery},
        {
          text: `varje tabell är identisk med leverans ${previous.delivery}, så leveransen innehåller inget nytt (ligger förra månadens uttag i mappen?)`,
          id: "identisk_leverans"
        }
      )
    ];
  }
  const findings: Finding[] = [];
  for (const {spec, now, before} of pairs) {
    if (now.rows === 0 && before.rows > 0) {
      findings.push(
        finding(
          "tom_tabell",
          "fel",
          {delivery: current.delivery, table: spec.name, file: spec.file},
          {
            sentence: `har inga rader, men leverans ${previous.delivery} hade ${rows(before.rows)}: tabellen ska innehålla hela historiken`,
            count: 0
          }
        )
      );
    } else if (spec.until && previous.delivery > lastDay(spec.until)) {
      findings.push(...frozenFindings(spec, current.delivery, previous.delivery, now, before));
    } else if (comparableByMonth(now, before)) {
      findings.push(...lossFindings(spec, current.delivery, previous.delivery, now, before));
    }
  }
  return findings;
}

/**
 * Tables with no row for the report month although each of the REPORT_MONTH_HISTORY months before it has rows: the
 * month's rows are missing (a table emptied, the month's new enrolments or exits left out). Systems no longer in use
 * in the report month are skipped.
 */
export function reportMonthFindings(delivery: string, profile: DeliveryProfile, month: string): Finding[] {
  const before = monthRange(addMonths(month, -REPORT_MONTH_HISTORY), addMonths(month, -1));
  const findings: Finding[] = [];
  for (const spec of CONTRACT) {
    const table = profile[spec.name];
    if (!table || (spec.until && month > spec.until) || (table.months[month]?.rows ?? 0) > 0) continue;
    const counts = before.map((m) => table.months[m]?.rows ?? 0);
    if (counts.some((n) => n === 0)) continue;
    const mean = Math.round(counts.reduce((a, b) => a + b, 0) / counts.length);
    findings.push(
      finding(
        "rapportmanad_saknas",
        "fel",
        {delivery, table: spec.name, file: spec.file, column: spec.monthColumn},
        {
          text: `inga rader för rapportmånaden ${month}, men var och en av de ${REPORT_MONTH_HISTORY} månaderna före (${before[0]}–${before.at(-1)}) har rader (minst ${formatInteger(Math.min(...counts))}, i snitt ${formatInteger(mean)} per månad)`,
          count: 0
        }
      )
    );
  }
  return findings;
}
