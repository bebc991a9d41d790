// Turns the simulated worlds into flat record sets, one per internal table, with integer codes and day numbers.
// write.ts loads them into DuckDB and gives them the contract's names, types and keys. Only rows that some delivery
// can show are kept (registered on or before the last delivery, history from 2018).
import {EB_SWITCH, EXPORT_START, LAST_DELIVERY, SEED} from "./config.ts";
import type {Applications, SsbtekPlan} from "./logs.ts";
import {PAYMENT_KIND, isTreservaMonth, type Payments} from "./payments.ts";
import {Rng} from "./prng.ts";
import {Pseudonyms} from "./pseudonym.ts";
import {OUTCOME, UNIT, type Persons, type Spell} from "./population.ts";
import type {Assignments} from "./assignments.ts";
import type {Enrolment} from "./simulate-am.ts";
import type {EbWorld} from "./simulate-eb.ts";
import {hasExit, hasLifecareInsats, hasLifecareInvestigation, hasTreservaCase, investigationEnd} from "./systems.ts";
import {IntTable, NULL_INT} from "./table.ts";
import type {Admission} from "./vux.ts";

/** EB exit reasons: Lifecare names, Treserva codes, and how common each is. */
export const EB_EXIT_REASONS = [
  "arbete",
  "studier",
  "annan_forsorjning",
  "flytt",
  "ej_hort_av_sig",
  "forandrad_familjesituation",
  "ersattning_pension",
  "ovrigt"
];
export const EB_EXIT_CODES = ["01", "02", "03", "04", "05", "06", "07", "99"];
const EB_EXIT_WEIGHTS = [0.15, 0.07, 0.13, 0.11, 0.27, 0.16, 0.05, 0.06];

const table = <C extends string>(...names: C[]) => new IntTable<C>(names);

export function newRecords() {
  return {
    cases: table("spell", "household", "unit", "nyanland", "open", "decision", "end"),
    treservaPayments: table("seq", "spell", "month", "ore", "reg"),
    treservaMembers: table("spell", "person", "role", "birthYear", "fromDay", "toDay"),
    treservaExits: table("spell", "person", "day", "reason", "reg"),
    investigations: table("spell", "household", "unit", "nyanland", "open", "closed", "outcome", "reg"),
    insatser: table("spell", "household", "unit", "nyanland", "start", "end", "reg"),
    lifecarePayments: table("seq", "spell", "household", "month", "ore", "reg"),
    lifecareMembers: table("household", "person", "role", "birthYear", "fromDay", "toDay", "reg"),
    lifecareExits: table("spell", "person", "day", "reason", "reg"),
    applications: table("seq", "household", "appDay", "decDay", "bifall", "avslag", "ground", "isNew"),
    enrolments: table("enrolment", "person", "area", "start", "end", "reason", "delay"),
    referrals: table("seq", "person", "household", "day", "rejected", "closed"),
    executions: table("seq", "household", "day"),
    admissions: table("seq", "student", "provider", "courseType", "period", "admitted", "start", "end"),
    people: table("person", "household"),
    ssbtekPool: null as SsbtekPlan["pool"] | null,
    ssbtekParams: null as SsbtekPlan["params"] | null,
    householdKeys: [] as [number, string][],
    personKeys: [] as [number, string][]
  };
}

export type Records = ReturnType<typeof newRecords>;

export interface Worlds {
  eb: EbWorld;
  persons: Persons;
  payments: Payments;
  applications: Applications;
  ssbtek: SsbtekPlan;
  enrolments: readonly Enrolment[];
  assignments: Assignments;
  admissions: readonly Admission[];
}

const orNull = (value: number, visible: boolean): number => (visible ? value : NULL_INT);

/**
 * Days an ALF case stayed open in Treserva after the assistance ended: Treserva counted every open case, and cases
 * were often closed only when there had been no contact for a while. This is the series break at the switch
 * (Lifecare's insats ends with the assistance). Never into the household's next application.
 */
function caseCloseLag(rng: Rng, spell: Spell): number {
  if (spell.unit !== UNIT.alf || !hasExit(spell) || rng.chance(0.5)) return 0;
  const next = spell.household.spells[spell.household.spells.indexOf(spell) + 1];
  return Math.max(0, Math.min(rng.between(10, 75), next ? next.open - spell.end - 7 : Infinity));
}

export function buildRecords(worlds: Worlds): Records {
  const {eb, persons} = worlds;
  const r = newRecords();
  const rng = new Rng(`${SEED}:records`);
  const usedPersons = new Uint8Array(persons.count);
  const usedHouseholds = new Uint8Array(eb.households.length);
  const useHousehold = (h: number) => {
    if (usedHouseholds[h]) return;
    usedHouseholds[h] = 1;
    const household = eb.households[h];
    for (let p = household.firstPerson; p < household.firstPerson + household.adults + household.children; p++) {
      usedPersons[p] = 1;
    }
  };

  for (const spell of eb.spells) {
    const treserva = hasTreservaCase(spell);
    const investigation = hasLifecareInvestigation(spell);
    const insats = hasLifecareInsats(spell) && spell.decision <= LAST_DELIVERY;
    if (!treserva && !investigation && !insats) continue;
    const h = spell.household.idx;
    const nyanland = spell.unit === UNIT.integration ? 1 : 0;
    useHousehold(h);
    if (treserva) {
      const granted = spell.outcome === OUTCOME.granted;
      const closed = spell.end + caseCloseLag(rng, spell);
      r.cases.push(spell.idx, h, spell.unit, nyanland, spell.open, orNull(spell.decision, granted), closed);
      forMembers(spell, (person, role, birthYear) =>
        r.treservaMembers.push(spell.idx, person, role, birthYear, spell.open, closed)
      );
    }
    if (investigation || insats) {
      forMembers(spell, (person, role, birthYear) =>
        r.lifecareMembers.push(h, person, role, birthYear, spell.open, spell.end, Math.max(spell.open, EB_SWITCH))
      );
    }
    if (investigation) {
      const reg = Math.max(spell.open, EB_SWITCH);
      if (reg <= LAST_DELIVERY) {
        r.investigations.push(
          spell.idx,
          h,
          spell.unit,
          nyanland,
          spell.open,
          investigationEnd(spell),
          spell.outcome,
          reg
        );
      }
    }
    if (insats) {
      r.insatser.push(
        spell.idx,
        h,
        spell.unit,
        nyanland,
        spell.decision,
        spell.end,
        Math.max(spell.decision, EB_SWITCH)
      );
    }
    if (hasExit(spell) && spell.end <= LAST_DELIVERY) addExits(rng, r, spell);
  }

  const p = worlds.payments.columns;
  for (let i = 0; i < worlds.payments.length; i++) {
    if (p.kind[i] === PAYMENT_KIND.removed) continue;
    if (isTreservaMonth(p.month[i])) r.treservaPayments.push(i, p.spell[i], p.month[i], p.ore[i], p.reg[i]);
    else r.lifecarePayments.push(i, p.spell[i], p.household[i], p.month[i], p.ore[i], p.reg[i]);
  }

  const a = worlds.applications.columns;
  for (let i = 0; i < worlds.applications.length; i++) {
    if (a.decDay[i] > LAST_DELIVERY) continue;
    useHousehold(a.household[i]);
    r.applications.push(i, a.household[i], a.appDay[i], a.decDay[i], a.bifall[i], a.avslag[i], a.ground[i], a.isNew[i]);
  }
  r.ssbtekPool = worlds.ssbtek.pool;
  r.ssbtekParams = worlds.ssbtek.params;
  for (let i = 0; i < worlds.ssbtek.pool.length; i++) useHousehold(worlds.ssbtek.pool.columns.household[i]);

  for (const e of worlds.enrolments) {
    if (e.end < EXPORT_START || e.start > LAST_DELIVERY) continue;
    usedPersons[e.person] = 1;
    r.enrolments.push(e.idx, e.person, e.area, e.start, e.end, e.reason, e.reasonDelay);
  }
  worlds.assignments.referrals.forEach((ref, i) => {
    if (ref.day > LAST_DELIVERY) return;
    usedPersons[ref.person] = 1;
    useHousehold(ref.household);
    r.referrals.push(
      i,
      ref.person,
      ref.household,
      ref.day,
      ref.isRejected ? 1 : 0,
      ref.closed < 0 ? NULL_INT : ref.closed
    );
  });
  worlds.assignments.executions.forEach((ex, i) => {
    if (ex.day > LAST_DELIVERY) return;
    useHousehold(ex.household);
    r.executions.push(i, ex.household, ex.day);
  });
  worlds.admissions.forEach((ad, i) => {
    if (ad.admitted > LAST_DELIVERY) return;
    usedPersons[ad.student] = 1;
    const [year, period] = ad.period.split("-").map(Number);
    r.admissions.push(i, ad.student, ad.provider, ad.courseType, year * 10 + period, ad.admitted, ad.start, ad.end);
  });

  // Pseudonyms in index order, households first, so that they are the same in every run.
  const keys = new Pseudonyms(new Rng(`${SEED}:keys`));
  for (let h = 0; h < usedHouseholds.length; h++) if (usedHouseholds[h]) r.householdKeys.push([h, keys.next()]);
  for (let person = 0; person < usedPersons.length; person++) {
    if (!usedPersons[person]) continue;
    r.personKeys.push([person, keys.next()]);
    const household = persons.household(person);
    if (household >= 0 && usedHouseholds[household]) r.people.push(person, household);
  }
  return r;

  function forMembers(spell: Spell, visit: (person: number, role: number, birthYear: number) => void): void {
    const household = spell.household;
    for (
      let person = household.firstPerson;
      person < household.firstPerson + household.adults + household.children;
      person++
    ) {
      visit(person, persons.role(person), persons.birthYear(person));
    }
  }

  function addExits(random: Rng, records: Records, spell: Spell): void {
    // One reason for the household, now and then a different one for the second adult.
    const reason = random.weighted(EB_EXIT_WEIGHTS);
    const household = spell.household;
    for (let k = 0; k < household.adults; k++) {
      const person = household.firstPerson + k;
      const own = k > 0 && random.chance(0.2) ? random.weighted(EB_EXIT_WEIGHTS) : reason;
      const x = random.next();
      const delay =
        x < 0.45 ? 0 : x < 0.75 ? random.between(1, 30) : x < 0.92 ? random.between(31, 90) : random.between(91, 120);
      if (spell.end < EB_SWITCH) {
        // Treserva closed at the switch: reasons still missing then were registered before it closed.
        records.treservaExits.push(spell.idx, person, spell.end, own, Math.min(spell.end + delay, EB_SWITCH - 1));
      } else {
        records.lifecareExits.push(spell.idx, person, spell.end, own, spell.end + delay);
      }
    }
  }
}
