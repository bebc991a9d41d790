// The one boundary convention for intervals (an insats, a case, an investigation, a membership, an enrolment), as
// DuckDB macros that every metric uses instead of writing the comparison itself. docs/metrics.md states it too.
//
// A start date is the first day an interval is in force and an end date the last; a null end date means it is still
// in force. The interval closes at the end of its end day: on that day it is counted as ended (avslutade in M), so at
// the end of that day it is no longer open, and a stock measured at the end of M is the stock of the month that ended.

export interface Macro {
  name: string;
  /** One line: what it answers. */
  meaning: string;
  sql: string;
}

export const INTERVAL_MACROS: readonly Macro[] = [
  {
    name: "open_at_end",
    meaning: "true when the interval is open at the end of `day` (for a stock at the end of M, `day` = end of M)",
    sql: `create or replace macro open_at_end(start_date, end_date, day) as
  start_date <= day and (end_date is null or end_date > day)`
  },
  {
    name: "in_force_during",
    meaning: "true when the interval is in force on at least one day of first_day..last_day (both included)",
    sql: `create or replace macro in_force_during(start_date, end_date, first_day, last_day) as
  start_date <= last_day and (end_date is null or end_date >= first_day)`
  }
];

/** The macros' SQL, to run on a connection before any model or metric. */
export function intervalMacrosSql(): string {
  return INTERVAL_MACROS.map((m) => `-- ${m.meaning}\n${m.sql};`).join("\n\n");
}
