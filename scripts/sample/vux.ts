// Vuxenutbildning: admissions per provider and study period. Single upper-secondary courses follow the periods,
// course packages run two to four periods, basic courses have continuous intake. Each student studies at one
// provider, so nobody is counted at two providers on the same day. The reference period, admission range and
// reference date of the August 2023 report come out as in seeds/002.
import {PROVIDERS, SEED, VUX_TARGETS, type Provider} from "./config.ts";
import {dayOf, parseDay, yearOfDay} from "./dates.ts";
import {Rng} from "./prng.ts";
import {Persons, ROLE} from "./population.ts";

export const COURSE_TYPES = ["gymnasial_enstaka", "kurspaket", "grundlaggande"] as const;
export const COURSE = {gymnasial: 0, kurspaket: 1, grundlaggande: 2} as const;

export interface Admission {
  student: number;
  provider: number;
  courseType: number;
  period: string;
  admitted: number;
  start: number;
  end: number;
}

/** Study periods (sample): 1 = Jan–Mar, 2 = Mar–Jun, 3 = Jun–Aug, 4 = Aug–Oct, 5 = Oct–Dec. [month, day] pairs. */
const PERIODS: readonly (readonly [[number, number], [number, number]])[] = [
  [
    [1, 9],
    [3, 17]
  ],
  [
    [3, 20],
    [6, 2]
  ],
  [
    [6, 12],
    [8, 18]
  ],
  [
    [8, 21],
    [10, 27]
  ],
  [
    [10, 30],
    [12, 22]
  ]
];
/** Admissions per period relative to period 4; the summer period is small. */
const PERIOD_SEASON = [1.05, 0.95, 0.5, 1.0, 0.9];
const FIRST_YEAR = 2019;
const LAST_YEAR = 2024;

const periodStart = (year: number, p: number) => dayOf(year, PERIODS[p - 1][0][0], PERIODS[p - 1][0][1]);
const periodEnd = (year: number, p: number) => dayOf(year, PERIODS[p - 1][1][0], PERIODS[p - 1][1][1]);

/** The study period a course starting on the day belongs to: the last period started on or before it. */
export function periodOf(day: number): string {
  const year = yearOfDay(day);
  for (const y of [year + 1, year, year - 1]) {
    for (let p = 5; p >= 1; p--) if (periodStart(y, p) <= day) return `${y}-${p}`;
  }
  throw new Error(`Ingen studieperiod för dag ${day}`);
}

const trend = (year: number) => ({2019: 0.9, 2020: 0.95, 2021: 1.02, 2022: 0.97, 2023: 1.0, 2024: 1.0})[year] ?? 1;

class StudentPools {
  private readonly available: {student: number; from: number}[][] = PROVIDERS.map(() => []);
  private readonly ebAdults: number[];
  private ebNext = 0;

  constructor(
    private readonly rng: Rng,
    private readonly persons: Persons
  ) {
    // Some students are adults known from ekonomiskt bistånd, with the same pseudonym.
    const adults: number[] = [];
    for (let p = 0; p < persons.count; p++) {
      if (persons.role(p) === ROLE.sokande && persons.birthYear(p) >= 1965) adults.push(p);
    }
    this.ebAdults = rng.shuffle(adults);
  }

  /** A student of the provider free from the day on: a returning one or a new one. */
  take(provider: number, day: number): number {
    const pool = this.available[provider];
    if (pool.length > 0 && this.rng.chance(0.4)) {
      const i = this.rng.int(pool.length);
      if (pool[i].from < day) {
        const {student} = pool[i];
        pool[i] = pool[pool.length - 1];
        pool.pop();
        return student;
      }
    }
    return this.fresh(day);
  }

  fresh(day: number): number {
    if (this.rng.chance(0.06) && this.ebNext < this.ebAdults.length) return this.ebAdults[this.ebNext++];
    const year = yearOfDay(day);
    return this.persons.add(year - this.rng.between(19, 55), -1, ROLE.other);
  }

  release(provider: number, student: number, from: number): void {
    this.available[provider].push({student, from});
  }
}

export function simulateVux(scale: number, persons: Persons): Admission[] {
  const rng = new Rng(`${SEED}:vux`);
  const pools = new StudentPools(rng, persons);
  const admissions: Admission[] = [];
  const [rangeFrom, rangeTo] = VUX_TARGETS.grundlaggandeRange.map(parseDay);
  const targetPeriod = VUX_TARGETS.gymnasialPeriod;

  const admit = (
    student: number,
    provider: number,
    courseType: number,
    admitted: number,
    start: number,
    end: number
  ) => {
    admissions.push({student, provider, courseType, period: periodOf(start), admitted, start, end});
  };

  PROVIDERS.forEach((name: Provider, provider) => {
    const gymnasial = VUX_TARGETS.gymnasial[name];
    const basic = VUX_TARGETS.grundlaggande[name];
    // Package intake sized so that the reference date lands near the provider's student count.
    const packages = Math.max(3, (VUX_TARGETS.students[name] - 1.1 * gymnasial - 1.3 * basic) / 2.5);
    for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
      for (let p = 1; p <= 5; p++) {
        const start = periodStart(year, p);
        const end = periodEnd(year, p);
        const isTarget = `${year}-${p}` === targetPeriod;
        const courses = isTarget
          ? gymnasial * scale
          : Math.round(gymnasial * scale * PERIOD_SEASON[p - 1] * trend(year) * (1 + 0.08 * rng.normal()));
        for (let k = 0; k < courses; k++) {
          const courseStart = start + (rng.chance(0.15) ? 14 : 0);
          // Distance courses run a few weeks past the period.
          const courseEnd = rng.chance(0.12) ? end + rng.between(35, 70) : end;
          const admitted = courseStart - rng.between(7, isTarget ? 20 : 40);
          const student = pools.take(provider, admitted);
          admit(student, provider, COURSE.gymnasial, admitted, courseStart, courseEnd);
          if (rng.chance(0.3)) admit(student, provider, COURSE.gymnasial, admitted, courseStart, end);
          pools.release(provider, student, courseEnd);
        }
        const packageCount = Math.round(
          packages * scale * PERIOD_SEASON[p - 1] * trend(year) * (1 + 0.08 * rng.normal())
        );
        for (let k = 0; k < packageCount; k++) {
          const admitted = start - rng.between(10, 45);
          const student = pools.take(provider, admitted);
          const packageEnd = start + rng.between(20, 40) * 7;
          admit(student, provider, COURSE.kurspaket, admitted, start, packageEnd);
          pools.release(provider, student, packageEnd);
        }
      }
    }
    if (basic === 0) return;
    // Continuous intake of basic courses: exactly the target inside the report's admission range.
    const weekly = (basic * scale) / ((rangeTo - rangeFrom + 1) / 7);
    const admitBasic = (admitted: number, student: number) => {
      const courseStart = admitted + rng.between(5, 20);
      const courseEnd = courseStart + rng.between(8, 20) * 7;
      admit(student, provider, COURSE.grundlaggande, admitted, courseStart, courseEnd);
      pools.release(provider, student, courseEnd);
    };
    for (let week = dayOf(FIRST_YEAR, 1, 7); week < dayOf(LAST_YEAR, 1, 31); week += 7) {
      const n = rng.poisson(weekly * (1 + 0.1 * Math.sin(week / 58)));
      for (let k = 0; k < n; k++) {
        const admitted = week + rng.int(7);
        if (admitted >= rangeFrom && admitted <= rangeTo) continue;
        admitBasic(admitted, pools.take(provider, admitted));
      }
    }
    for (let k = 0; k < basic * scale; k++) {
      const admitted = rangeFrom + rng.int(rangeTo - rangeFrom + 1);
      admitBasic(admitted, pools.fresh(admitted));
    }
  });
  return admissions;
}

const activeOn = (a: Admission, day: number) => a.start <= day && a.end >= day;

/** Distinct students per provider with a course running on the day. */
export function studentsOn(admissions: readonly Admission[], day: number): number[] {
  const sets = PROVIDERS.map(() => new Set<number>());
  for (const a of admissions) if (activeOn(a, day)) sets[a.provider].add(a.student);
  return sets.map((s) => s.size);
}

/**
 * Makes the reference date exact: adds package students where there are too few, and ends (or, for courses of the
 * reported period, postpones) the running courses of students where there are too many.
 */
export function calibrateVux(admissions: Admission[], scale: number, persons: Persons): void {
  const rng = new Rng(`${SEED}:calibrate-vux`);
  const day = parseDay(VUX_TARGETS.referenceDate);
  const [rangeFrom, rangeTo] = VUX_TARGETS.grundlaggandeRange.map(parseDay);
  const isReported = (a: Admission) =>
    (a.courseType === COURSE.gymnasial && a.period === VUX_TARGETS.gymnasialPeriod) ||
    (a.courseType === COURSE.grundlaggande && a.admitted >= rangeFrom && a.admitted <= rangeTo);
  const counts = studentsOn(admissions, day);
  PROVIDERS.forEach((name, provider) => {
    let delta = VUX_TARGETS.students[name] * scale - counts[provider];
    for (; delta > 0; delta--) {
      const admitted = dayOf(2023, 3, 1) + rng.int(14);
      const start = dayOf(2023, 3, 20);
      const student = persons.add(2023 - rng.between(19, 55), -1, ROLE.other);
      admissions.push({
        student,
        provider,
        courseType: COURSE.kurspaket,
        period: periodOf(start),
        admitted,
        start,
        end: day + rng.between(60, 120)
      });
    }
    if (delta === 0) return;
    const running = new Map<number, Admission[]>();
    for (const a of admissions) {
      if (a.provider !== provider || !activeOn(a, day)) continue;
      const list = running.get(a.student);
      if (list) list.push(a);
      else running.set(a.student, [a]);
    }
    const students = rng.shuffle([...running.keys()].sort((a, b) => a - b));
    // First students without reported admissions (their courses end early), then the reported ones (start later).
    for (const reported of [false, true]) {
      for (const student of students) {
        if (delta === 0) break;
        const own = running.get(student) ?? [];
        if (own.some(isReported) !== reported || own.some((a) => a.start === day)) continue;
        for (const a of own) {
          if (isReported(a)) {
            a.start = day + rng.between(4, 7);
            a.end = Math.max(a.end, a.start + 28);
          } else {
            a.end = Math.max(a.start, day - rng.between(1, 10));
          }
        }
        running.delete(student);
        delta++;
      }
    }
    if (delta !== 0) throw new Error(`Kalibrering misslyckades: vux-elever hos ${name}.`);
  });
  const result = studentsOn(admissions, day);
  PROVIDERS.forEach((name, provider) => {
    if (result[provider] !== VUX_TARGETS.students[name] * scale) {
      throw new Error(`Kalibrering misslyckades: ${result[provider]} vux-elever hos ${name}.`);
    }
  });
}
