// Vuxenutbildning: students per provider on the reference date and admissions per school and course type.
// Grain of each SQL result: one row per provider.
import type {DuckDBConnection} from "@duckdb/node-api";
import {lastDay} from "../../src/lib/months.ts";
import {settings} from "../../src/lib/settings.ts";
import {queryRows} from "../db.ts";
import {PROVIDER_LABELS} from "../../src/lib/codes.ts";
import type {BreakdownResult} from "../../src/lib/metric-types.ts";

const STUDENTS_SQL = `
with admissions as (select * from vux_admissions),

current as (
  select provider, student_id
  from admissions
  where in_force_during(course_start, course_end, cast($date as date), cast($date as date))
),

final as (
  select provider, cast(count(distinct student_id) as integer) as n from current group by provider
  union all
  select '__total__', cast(count(distinct student_id) as integer) from current
)

select * from final order by provider
`;

const ADMITTED_SQL = `
with admissions as (select * from vux_admissions),

by_period as (
  select course_type, provider, cast(count(distinct student_id) as integer) as n
  from admissions
  where course_type in ('gymnasial_enstaka', 'kurspaket') and period = $period
  group by course_type, provider
),

by_range as (
  select course_type, provider, cast(count(distinct student_id) as integer) as n
  from admissions
  where course_type = 'grundlaggande' and admission_date between cast($from as date) and cast($to as date)
  group by course_type, provider
),

final as (
  select * from by_period
  union all
  select * from by_range
)

select * from final order by course_type, provider
`;

// The study period running on the reference date: the latest period whose courses have started.
const PERIOD_SQL = `
with admissions as (select * from vux_admissions),

final as (
  select max(period) as period from admissions where course_start <= cast($date as date)
)

select * from final
`;

export interface VuxSection {
  month: string;
  referenceDate: string;
  period: string | null;
  grundlaggande: {from: string; to: string};
  elever: BreakdownResult;
  antagna: {gymnasial_enstaka: BreakdownResult; kurspaket: BreakdownResult; grundlaggande: BreakdownResult};
}

function providerBreakdown(
  rows: {provider: string; n: number}[],
  spec: Omit<BreakdownResult, "cells" | "total">,
  total?: number
): BreakdownResult {
  const cells = rows
    .map((r) => ({key: r.provider, label: PROVIDER_LABELS[r.provider] ?? r.provider, value: r.n}))
    .sort((a, b) => a.label.localeCompare(b.label, "sv"));
  // Admissions per school are published as the adult-education unit reports them: they say nothing about social
  // assistance, so the small-count rule for welfare breakdowns (suppression.ts) does not apply.
  return {...spec, total: total ?? cells.reduce((s, c) => s + c.value, 0), cells};
}

/** "2023-4" → "period 4 - 2023", the reports' wording. */
export function formatVuxPeriod(period: string): string {
  const [year, number] = period.split("-");
  return `period ${number} - ${year}`;
}

/**
 * Computes the vux section for report month M. The study period and the admission range for grundläggande courses
 * come from settings.vuxEditions when set for M; otherwise the period running at the end of M and the three months
 * before it.
 */
export async function vuxenutbildning(conn: DuckDBConnection, {month}: {month: string}): Promise<VuxSection> {
  const referenceDate = lastDay(month);
  const override = settings.vuxEditions[month];
  const period =
    override?.period ??
    (await queryRows<{period: string | null}>(conn, PERIOD_SQL, {date: referenceDate}))[0]?.period ??
    null;
  const range = override
    ? {from: override.grundlaggande[0], to: override.grundlaggande[1]}
    : {from: shiftDays(referenceDate, -91), to: referenceDate};

  const students = await queryRows<{provider: string; n: number}>(conn, STUDENTS_SQL, {date: referenceDate});
  const admitted = await queryRows<{course_type: string; provider: string; n: number}>(conn, ADMITTED_SQL, {
    period: period ?? "",
    from: range.from,
    to: range.to
  });
  const total = students.find((r) => r.provider === "__total__")?.n ?? 0;
  const periodText = period ? formatVuxPeriod(period) : "period saknas";
  const ofType = (type: string) => admitted.filter((r) => r.course_type === type);

  return {
    month,
    referenceDate,
    period,
    grundlaggande: range,
    elever: providerBreakdown(
      students.filter((r) => r.provider !== "__total__"),
      {
        id: "vux_elever",
        label: `Unika elever per anordnare ${referenceDate}`,
        definition:
          "Antal unika elever som har en pågående kurs hos anordnaren på referensdagen. Totalen räknar varje elev en gång.",
        month
      },
      total
    ),
    antagna: {
      gymnasial_enstaka: providerBreakdown(ofType("gymnasial_enstaka"), {
        id: "vux_antagna_gymnasial",
        label: `Antal antagna elever fördelat på skolor, enstaka kurser på gymnasial nivå ${periodText}`,
        definition: "Antal elever som antagits till enstaka kurser på gymnasial nivå under studieperioden.",
        month
      }),
      kurspaket: providerBreakdown(ofType("kurspaket"), {
        id: "vux_antagna_kurspaket",
        label: `Antal antagna till kurspaket fördelade på skolor, ${periodText}`,
        definition: "Antal elever som antagits till kurspaket under studieperioden.",
        month
      }),
      grundlaggande: providerBreakdown(ofType("grundlaggande"), {
        id: "vux_antagna_grundlaggande",
        label: `Antal antagna elever fördelat på skolor, grundläggande kurser ${range.from.replaceAll("-", "").slice(2)} - ${range.to.replaceAll("-", "").slice(2)}`,
        definition: "Antal elever som antagits till grundläggande kurser med antagningsdatum inom perioden.",
        month
      })
    }
  };
}

function shiftDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
