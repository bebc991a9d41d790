// Arbetsmarknadsinsatser as a simulation: adults on ekonomiskt bistånd (and some young adults without it) are
// enrolled in a programme area, stay some months, leave with an exit reason, and some come back. Intake is steered
// towards the enrolled-persons path in config.ts.
import {AM_BURN_IN_MONTH, AM_ENROLLED, SEED, SIM_END_MONTH, interpolate} from "./config.ts";
import {dayInMonth, monthOfDay, yearOfMonth} from "./dates.ts";
import {Rng} from "./prng.ts";
import {Persons, ROLE, UNIT, isPaidMonth} from "./population.ts";
import type {EbWorld} from "./simulate-eb.ts";

/** Programme areas in the order of the contract's codes. */
export const AREAS = ["jobbcenter", "arbetstraning", "praktik", "kommunal_anstallning", "vagledning", "unga_vuxna"];
export const AREA_CODES = ["JC", "AT", "PR", "KA", "SV", "UV"];
const AREA_WEIGHTS = [0.36, 0.2, 0.14, 0.1, 0.2, 0];
export const UNGA_VUXNA = 5;

export const EXIT_REASONS = [
  "arbete_ej_subventionerat",
  "arbete_subventionerat",
  "studier",
  "sjalvforsorjning_af",
  "aterremitterad",
  "avbrott",
  "ovrigt",
  "okand"
];
export const EXIT_REASON_CODES = ["AE", "AS", "ST", "AF", "AR", "AB", "OV", "OK"];
const EXIT_WEIGHTS = [0.19, 0.1, 0.12, 0.08, 0.14, 0.13, 0.12, 0.12];

export interface Enrolment {
  idx: number;
  person: number;
  area: number;
  start: number;
  end: number;
  reason: number;
  /** Days from the end until the reason is registered. */
  reasonDelay: number;
  /** A second, parallel enrolment in another area (not counted again by the intake). */
  isParallel: boolean;
}

/** Households paying in a month, for drawing participants: compressed rows per month. */
export class PayingIndex {
  readonly offsets: Int32Array;
  readonly households: Int32Array;

  constructor(
    eb: EbWorld,
    readonly first: number,
    readonly last: number
  ) {
    const counts = new Int32Array(last - first + 2);
    const each = (visit: (month: number, household: number) => void) => {
      for (const spell of eb.spells) {
        if (spell.unit !== UNIT.alf || spell.firstPaid < 0) continue;
        for (let m = Math.max(spell.firstPaid, first); m <= Math.min(spell.lastPaid, last); m++) {
          if (isPaidMonth(spell, m)) visit(m, spell.household.idx);
        }
      }
    };
    each((m) => counts[m - first + 1]++);
    this.offsets = new Int32Array(counts.length);
    for (let i = 1; i < counts.length; i++) this.offsets[i] = this.offsets[i - 1] + counts[i];
    this.households = new Int32Array(this.offsets[this.offsets.length - 1]);
    const fill = this.offsets.slice();
    each((m, h) => (this.households[fill[m - first]++] = h));
  }

  size(month: number): number {
    return this.offsets[month - this.first + 1] - this.offsets[month - this.first];
  }

  at(month: number, k: number): number {
    return this.households[this.offsets[month - this.first] + k];
  }
}

export function simulateAm(scale: number, eb: EbWorld, persons: Persons, paying: PayingIndex): Enrolment[] {
  const rng = new Rng(`${SEED}:am`);
  const first = AM_BURN_IN_MONTH;
  const enrolments: Enrolment[] = [];
  const enrolled = new Int32Array(SIM_END_MONTH - first + 40);
  const busyUntil = new Map<number, number>();
  const comebacks: {person: number; earliest: number}[][] = Array.from({length: enrolled.length}, () => []);

  function pickParticipant(month: number): number {
    const year = yearOfMonth(month);
    // Some young adults are enrolled without ekonomiskt bistånd.
    if (rng.chance(0.08)) return persons.add(year - rng.between(18, 24), -1, ROLE.other);
    for (let attempt = 0; attempt < 30; attempt++) {
      const size = paying.size(month);
      if (size === 0) break;
      const household = eb.households[paying.at(month, rng.int(size))];
      const person = household.firstPerson + rng.int(household.adults);
      const age = year - persons.birthYear(person);
      if (age < 18 || age > 64 || (busyUntil.get(person) ?? -1) >= dayInMonth(month, 1)) continue;
      return person;
    }
    return persons.add(year - rng.between(18, 24), -1, ROLE.other);
  }

  function enrol(person: number, month: number, earliest: number): void {
    const year = yearOfMonth(month);
    const young = year - persons.birthYear(person) <= 24;
    const area = young && rng.chance(0.45) ? UNGA_VUXNA : rng.weighted(AREA_WEIGHTS);
    const start = Math.max(earliest, dayInMonth(month, rng.between(1, 28)));
    const months = 1 + rng.geometric(area === UNGA_VUXNA ? 3.5 : 6);
    const end = start + Math.max(14, months * 30 + rng.between(-10, 10));
    const reason = rng.weighted(EXIT_WEIGHTS);
    const delay = rng.chance(0.7) ? 0 : rng.chance(0.83) ? rng.between(1, 20) : rng.between(21, 60);
    enrolments.push({idx: enrolments.length, person, area, start, end, reason, reasonDelay: delay, isParallel: false});
    busyUntil.set(person, end);
    for (let m = monthOfDay(start); m <= monthOfDay(end) && m - first < enrolled.length; m++) enrolled[m - first]++;
    if (rng.chance(0.04)) {
      // A parallel enrolment in another area inside the first one.
      const other = (area + 1 + rng.int(AREAS.length - 2)) % (AREAS.length - 1);
      const parallelStart = Math.min(end - 7, start + rng.between(0, 30));
      const parallelEnd = Math.min(end, parallelStart + rng.between(30, 120));
      enrolments.push({
        idx: enrolments.length,
        person,
        area: other,
        start: parallelStart,
        end: parallelEnd,
        reason: rng.weighted(EXIT_WEIGHTS),
        reasonDelay: 0,
        isParallel: true
      });
    }
    if (reason !== 4 && rng.chance(0.14)) {
      const m = monthOfDay(end) + rng.between(2, 14);
      if (m - first < comebacks.length) comebacks[m - first].push({person, earliest: end + 20});
    }
  }

  for (let month = first; month <= SIM_END_MONTH; month++) {
    const i = month - first;
    for (const c of comebacks[i]) {
      if ((busyUntil.get(c.person) ?? -1) < dayInMonth(month, 1)) enrol(c.person, month, c.earliest);
    }
    const target = interpolate(AM_ENROLLED, month) * scale;
    const need = Math.round(target - enrolled[i] + rng.normal() * 4 * Math.sqrt(scale));
    for (let k = 0; k < need; k++) enrol(pickParticipant(month), month, 0);
  }
  return enrolments;
}
