// Application decisions and SSBTEK look-ups (the "Kontroller och beslut" appendix). Applications follow the spells:
// every paid month was applied for the month before, every spell opens with a new application; households that
// apply and are refused outright fill the rest. SSBTEK is planned here as compact per-month parameters and a pool
// of households; the millions of look-up rows are generated in DuckDB (see SSBTEK_SQL).
import {
  CONTROL_TARGETS,
  LAST_DELIVERY,
  LAST_DELIVERY_MONTH,
  LOG_START_MONTH,
  ROBOT_START_MONTH,
  SECOND_HAND_REFUSALS_2020,
  SEED
} from "./config.ts";
import {dayInMonth, daysInMonth, monthEnd, monthOfDay, monthStart, parseMonth} from "./dates.ts";
import {Rng} from "./prng.ts";
import {OUTCOME, isPaidMonth, type Spell} from "./population.ts";
import type {EbWorld} from "./simulate-eb.ts";
import {IntTable} from "./table.ts";

/** Refusal grounds in the order of `AVSLAGSGRUNDER`; -1 for none. */
export const GROUND = {inkomst: 0, ovrigt: 1, andrahandsavtal: 2, none: -1} as const;
export const AVSLAGSGRUNDER = ["inkomst", "ovrigt", "andrahandsavtal"];

export type Applications = IntTable<"household" | "appDay" | "decDay" | "bifall" | "avslag" | "ground" | "isNew">;

export interface SsbtekPlan {
  pool: IntTable<"month" | "household" | "tier">;
  params: IntTable<"month" | "startDay" | "days" | "caseWorker" | "robot" | "individuals">;
}

/** Spells indexed by a month (compressed rows), for drawing households around a month quickly. */
class SpellsByMonth {
  private readonly buckets = new Map<number, Spell[]>();

  add(month: number, spell: Spell): void {
    const list = this.buckets.get(month);
    if (list) list.push(spell);
    else this.buckets.set(month, [spell]);
  }

  get(month: number): Spell[] {
    return this.buckets.get(month) ?? [];
  }
}

/** Decisions on an application are taken by the 5th of the following month. */
const decisionDeadline = (day: number): number => dayInMonth(monthOfDay(day) + 1, 5);

const isOpenDuring = (spell: Spell, month: number): boolean =>
  spell.open <= monthEnd(month) && spell.end >= monthStart(month);

export function deriveApplications(scale: number, eb: EbWorld): Applications {
  const rng = new Rng(`${SEED}:applications`);
  const apps: Applications = new IntTable(["household", "appDay", "decDay", "bifall", "avslag", "ground", "isNew"]);
  const firstDay = monthStart(LOG_START_MONTH);
  const grantedDecisions = () => 1 + (rng.chance(0.55) ? 1 : 0) + (rng.chance(0.15) ? 1 : 0);
  const partialRefusal = () => (rng.chance(0.45) ? 1 : 0);
  const ground = () => (rng.chance(0.6) ? GROUND.inkomst : GROUND.ovrigt);

  for (const spell of eb.spells) {
    const h = spell.household.idx;
    if (
      !spell.viaTransfer &&
      spell.outcome !== OUTCOME.withdrawn &&
      spell.open >= firstDay &&
      spell.open <= LAST_DELIVERY
    ) {
      const granted = spell.outcome === OUTCOME.granted;
      const decided = Math.min(granted ? spell.decision : spell.end, decisionDeadline(spell.open));
      if (granted) apps.push(h, spell.open, decided, grantedDecisions(), partialRefusal(), ground(), 1);
      else apps.push(h, spell.open, decided, 0, 1 + (rng.chance(0.2) ? 1 : 0), ground(), 1);
    }
    if (spell.outcome !== OUTCOME.granted) continue;
    // The monthly application for month p is made in p − 1.
    for (
      let p = Math.max(spell.firstPaid + 1, LOG_START_MONTH + 1);
      p <= Math.min(spell.lastPaid, LAST_DELIVERY_MONTH + 1);
      p++
    ) {
      const day = dayInMonth(p - 1, rng.between(8, 24));
      const decided = day + rng.between(1, 6);
      if (isPaidMonth(spell, p)) apps.push(h, day, decided, grantedDecisions(), partialRefusal(), ground(), 0);
      else if (rng.chance(0.5)) apps.push(h, day, decided, 0, 1, GROUND.inkomst, 0);
    }
  }

  const ended = new SpellsByMonth();
  for (const spell of eb.spells) ended.add(monthOfDay(spell.end), spell);
  const applying = new Int32Array(eb.households.length).fill(-1);
  const byMonth = bucketByMonth(apps);
  const targets = new Map(CONTROL_TARGETS.map((t) => [parseMonth(t.month), t]));
  const extraShares: number[] = [];

  for (let month = LOG_START_MONTH; month <= LAST_DELIVERY_MONTH; month++) {
    let distinct = 0;
    for (const row of byMonth.get(month) ?? []) {
      const h = apps.columns.household[row];
      if (applying[h] !== month) {
        applying[h] = month;
        distinct++;
      }
    }
    const target = targets.get(month);
    // Other months keep the share of refused-outright applicants that the calibrated months have.
    const extras = target
      ? target.households * scale - distinct
      : Math.round(distinct * (extraShares.length ? mean(extraShares) : 0.55) * (1 + 0.03 * rng.normal()));
    if (target) extraShares.push(extras / distinct);
    const index = month - LOG_START_MONTH;
    const secondHand =
      index < SECOND_HAND_REFUSALS_2020.length ? SECOND_HAND_REFUSALS_2020[index] * scale : rng.poisson(2.4 * scale);
    if (extras < secondHand) throw new Error(`Kalibrering misslyckades: för få ansökande hushåll ${month}.`);

    // Households that apply and are refused outright: former recipients (ended in the last two years) not open now.
    let added = 0;
    let guard = 0;
    while (added < extras && guard++ < extras * 200) {
      const candidates = ended.get(month - 1 - rng.int(24));
      if (candidates.length === 0) continue;
      const household = rng.pick(candidates).household;
      if (applying[household.idx] === month || household.spells.some((s) => isOpenDuring(s, month))) continue;
      applying[household.idx] = month;
      const day = dayInMonth(month, rng.between(1, 28));
      const decided = Math.min(day + rng.between(1, 8), decisionDeadline(day));
      if (added < secondHand) apps.push(household.idx, day, decided, 0, 1, GROUND.andrahandsavtal, 1);
      else apps.push(household.idx, day, decided, 0, 1 + (rng.chance(0.4) ? 1 : 0), ground(), rng.chance(0.5) ? 1 : 0);
      added++;
    }
    if (added !== extras) throw new Error(`Kalibrering misslyckades: ansökande hushåll ${month}.`);
  }
  const rows = bucketByMonth(apps);
  for (const target of CONTROL_TARGETS) {
    const month = parseMonth(target.month);
    calibrateDecisions(rng, apps, rows.get(month) ?? [], month, target.decisions * scale);
  }
  return apps;
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

function bucketByMonth(apps: Applications): Map<number, number[]> {
  const byMonth = new Map<number, number[]>();
  for (let row = 0; row < apps.length; row++) {
    const month = monthOfDay(apps.columns.appDay[row]);
    const list = byMonth.get(month);
    if (list) list.push(row);
    else byMonth.set(month, [row]);
  }
  return byMonth;
}

/** Adds or removes single extra decisions (never an application's last one, never a second-hand refusal). */
function calibrateDecisions(rng: Rng, apps: Applications, monthRows: number[], month: number, wanted: number): void {
  const c = apps.columns;
  const rows = monthRows.filter((r) => c.ground[r] !== GROUND.andrahandsavtal);
  let total = 0;
  for (const r of monthRows) total += c.bifall[r] + c.avslag[r];
  let delta = wanted - total;
  rng.shuffle(rows);
  for (let pass = 0; pass < 4 && delta !== 0; pass++) {
    for (const r of rows) {
      if (delta === 0) break;
      if (delta > 0) {
        if (c.bifall[r] > 0) c.bifall[r]++;
        else c.avslag[r]++;
        delta--;
      } else if (c.bifall[r] + c.avslag[r] > 1) {
        if (c.avslag[r] > 0 && c.bifall[r] > 0) c.avslag[r]--;
        else if (c.bifall[r] > 1) c.bifall[r]--;
        else c.avslag[r]--;
        delta++;
      }
    }
  }
  if (delta !== 0) throw new Error(`Kalibrering misslyckades: beslut ${month}.`);
}

const TIER = {applying: 0, open: 1, recent: 2} as const;

/** Per month: who may be looked up (applying households first, then open cases, then recently closed) and how often. */
export function planSsbtek(scale: number, eb: EbWorld, apps: Applications): SsbtekPlan {
  const rng = new Rng(`${SEED}:ssbtek`);
  const pool: SsbtekPlan["pool"] = new IntTable(["month", "household", "tier"]);
  const params: SsbtekPlan["params"] = new IntTable([
    "month",
    "startDay",
    "days",
    "caseWorker",
    "robot",
    "individuals"
  ]);
  const targets = new Map(CONTROL_TARGETS.map((t) => [parseMonth(t.month), t]));
  const byMonth = bucketByMonth(apps);
  const open = new SpellsByMonth();
  const ended = new SpellsByMonth();
  for (const spell of eb.spells) {
    const from = Math.max(LOG_START_MONTH, monthOfDay(spell.open));
    const to = Math.min(LAST_DELIVERY_MONTH, monthOfDay(spell.end));
    for (let m = from; m <= to; m++) open.add(m, spell);
    ended.add(monthOfDay(spell.end), spell);
  }
  const seen = new Int32Array(eb.households.length).fill(-1);
  const size = (h: number) => eb.households[h].adults + eb.households[h].children;

  for (let month = LOG_START_MONTH; month <= LAST_DELIVERY_MONTH; month++) {
    let applyingPersons = 0;
    let poolPersons = 0;
    const add = (h: number, tier: number) => {
      if (seen[h] === month) return;
      seen[h] = month;
      pool.push(month, h, tier);
      poolPersons += size(h);
      if (tier === TIER.applying) applyingPersons += size(h);
    };
    for (const row of byMonth.get(month) ?? []) add(apps.columns.household[row], TIER.applying);
    for (const spell of open.get(month)) add(spell.household.idx, TIER.open);
    for (let back = 1; back <= 6; back++)
      for (const spell of ended.get(month - back)) add(spell.household.idx, TIER.recent);

    const target = targets.get(month);
    const robot = month >= ROBOT_START_MONTH;
    const individuals = target
      ? target.individuals * scale
      : Math.min(poolPersons, Math.round(applyingPersons * (robot ? 1.12 : 0.9) * (1 + 0.015 * rng.normal())));
    if (individuals > poolPersons)
      throw new Error(`Kalibrering misslyckades: för få personer att kontrollera ${month}.`);
    const caseWorker = target
      ? target.ssbtekCaseWorker * scale
      : Math.round(individuals * (robot ? 1.27 : 2.6) * (1 + 0.03 * rng.normal()));
    const robotLookups = target
      ? (target.ssbtekRobot ?? 0) * scale
      : robot
        ? Math.round(individuals * 1.95 * (1 + 0.03 * rng.normal()))
        : 0;
    params.push(month, monthStart(month), daysInMonth(month), caseWorker, robotLookups, individuals);
  }
  return {pool, params};
}

/**
 * Builds the full look-up log in DuckDB from the plan: in each month the first `individuals` persons of the pool
 * (in tier order, shuffled by a hash within a tier) get one look-up each, the remaining look-ups go to the same
 * persons at random, so the month has exactly the planned look-ups and distinct individuals.
 */
export const SSBTEK_SQL = `
create table full_ssbtek_slagning as
with pool as (select * from x_pool),
params as (select * from x_ssb),
people as (select * from x_person),

candidates as (
  select p.month, s.person, p.tier, hash(p.month, s.person, $seed) as h, x.individuals
  from pool p
  join people s on s.household = p.household
  join params x on x.month = p.month
),

chosen as (
  select month, person, cast(row_number() over (partition by month order by tier, h, person) - 1 as bigint) as k
  from candidates
  qualify k < individuals
),

lookups as (
  select month, start_day, days, case_worker, individuals, unnest(range(case_worker + robot)) as j
  from params
),

-- Hashes are taken modulo unsigned sizes so that the arithmetic stays in 64 bits.
assigned as (
  select
    month,
    j,
    case when j < case_worker then 'handlaggare' else 'robot' end as performed_by,
    case when j < individuals then j else cast(hash(month, j, $seed) % cast(individuals as ubigint) as bigint) end as k,
    start_day + cast(hash(j, month, $seed) % cast(days as ubigint) as integer) as day
  from lookups
),

final as (
  select a.day, a.month, a.j, a.performed_by, k.key as person_key
  from assigned a
  join chosen c using (month, k)
  join k_person k on k.person = c.person
  where a.day <= $last_day
)

select
  'S' || lpad(cast(row_number() over (order by day, month, j) as varchar), 9, '0') as slagning_id,
  date '1970-01-01' + day as slagning_datum,
  performed_by as utford_av,
  person_key as person_id
from final
order by slagning_id
`;
