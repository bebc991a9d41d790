// Arbetsmarknadsuppdrag: referrals from ekonomiskt bistånd to the labour-market programmes (each enrolment of a
// person on assistance starts with one; more referrals never lead to an enrolment) and executions opened for
// households. March–November 2020 come out as in seeds/003.
import {ASSIGNMENT_TARGETS, LAST_DELIVERY, LAST_DELIVERY_MONTH, LOG_START_MONTH, SEED} from "./config.ts";
import {daysInMonth, monthOfDay, monthStart, parseMonth, yearOfMonth} from "./dates.ts";
import {Rng} from "./prng.ts";
import type {Persons} from "./population.ts";
import type {Enrolment, PayingIndex} from "./simulate-am.ts";
import type {EbWorld} from "./simulate-eb.ts";

export interface Referral {
  person: number;
  household: number;
  day: number;
  isRejected: boolean;
  /** The referral is finished (status avslutad) from this day; -1 while it runs. */
  closed: number;
}

export interface Execution {
  household: number;
  day: number;
}

export interface Assignments {
  referrals: Referral[];
  executions: Execution[];
}

export function deriveAssignments(
  scale: number,
  eb: EbWorld,
  persons: Persons,
  enrolments: readonly Enrolment[],
  paying: PayingIndex
): Assignments {
  const rng = new Rng(`${SEED}:assignments`);
  const targets = new Map(ASSIGNMENT_TARGETS.map((t) => [parseMonth(t.month), t]));
  const months = LAST_DELIVERY_MONTH - LOG_START_MONTH + 1;
  const linked: Referral[][] = Array.from({length: months}, () => []);
  for (const e of enrolments) {
    const household = persons.household(e.person);
    if (e.isParallel || household < 0) continue;
    const day = e.start - rng.between(3, 25);
    const month = monthOfDay(day);
    if (month < LOG_START_MONTH || month > LAST_DELIVERY_MONTH || day > LAST_DELIVERY) continue;
    linked[month - LOG_START_MONTH].push({person: e.person, household, day, isRejected: false, closed: e.end});
  }

  const referrals: Referral[] = [];
  const executions: Execution[] = [];
  for (let month = LOG_START_MONTH; month <= LAST_DELIVERY_MONTH; month++) {
    const target = targets.get(month);
    const own = linked[month - LOG_START_MONTH];
    const referred = new Set(own.map((r) => r.person));
    const wanted = target ? target.referred * scale : Math.round((205 + 35 * rng.normal()) * scale);
    if (target && referred.size > wanted) {
      throw new Error(`Kalibrering misslyckades: fler anvisningar än målet ${target.month}.`);
    }
    referrals.push(...own);
    // Referrals that have not (yet) led to an enrolment, for adults in paying households.
    let guard = 0;
    while (referred.size < wanted && guard++ < wanted * 50) {
      const person = randomAdult(rng, eb, persons, paying, month);
      if (person < 0 || referred.has(person)) continue;
      referred.add(person);
      const day = randomDay(rng, month);
      referrals.push({
        person,
        household: persons.household(person),
        day,
        isRejected: false,
        closed: day + rng.between(30, 150)
      });
    }
    if (target && referred.size !== wanted) throw new Error(`Kalibrering misslyckades: anvisningar ${target.month}.`);
    // Rejected referrals (status avvisad), not counted by the report.
    const rejected = rng.poisson(0.07 * wanted);
    for (let k = 0; k < rejected; k++) {
      const person = randomAdult(rng, eb, persons, paying, month);
      if (person >= 0) {
        referrals.push({
          person,
          household: persons.household(person),
          day: randomDay(rng, month),
          isRejected: true,
          closed: -1
        });
      }
    }

    const households = new Set<number>();
    const wantedExecutions = target ? target.executions * scale : Math.round((215 + 40 * rng.normal()) * scale);
    guard = 0;
    while (households.size < wantedExecutions && guard++ < wantedExecutions * 50) {
      const size = paying.size(month);
      if (size === 0) break;
      const household = paying.at(month, rng.int(size));
      if (households.has(household)) continue;
      households.add(household);
      executions.push({household, day: randomDay(rng, month)});
      // Now and then a second execution for the same household in the month.
      if (rng.chance(0.05)) executions.push({household, day: randomDay(rng, month)});
    }
    if (target && households.size !== wantedExecutions) {
      throw new Error(`Kalibrering misslyckades: verkställigheter ${target.month}.`);
    }
  }
  return {referrals, executions};
}

function randomDay(rng: Rng, month: number): number {
  return monthStart(month) + rng.int(daysInMonth(month));
}

function randomAdult(rng: Rng, eb: EbWorld, persons: Persons, paying: PayingIndex, month: number): number {
  const size = paying.size(month);
  if (size === 0) return -1;
  const household = eb.households[paying.at(month, rng.int(size))];
  const person = household.firstPerson + rng.int(household.adults);
  const age = yearOfMonth(month) - persons.birthYear(person);
  return age >= 18 && age <= 64 ? person : -1;
}
