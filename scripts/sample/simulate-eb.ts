// Ekonomiskt bistånd as a simulation: households apply, are granted or refused, receive assistance for a number of
// months (with the odd month without), leave, and some come back. Newly arrived households start at the integration
// unit and move to ALF after three years. Intake is steered towards the paying-household path in config.ts.
import {EB_BURN_IN_MONTH, INTEGRATION_ARRIVALS, PAYING_HOUSEHOLDS, SEED, SIM_END_MONTH, interpolate} from "./config.ts";
import {calendarMonth, dayInMonth, monthOfDay, monthStart, yearOfMonth} from "./dates.ts";
import {Rng} from "./prng.ts";
import {OUTCOME, Persons, ROLE, UNIT, type Household, type Outcome, type Spell, type Unit} from "./population.ts";

/** Share of households with a long-lasting need. */
const LONG_SHARE = 0.13;
/** Probability that a household that left applies again later (about 40 % of them within a year). */
const RETURN_SHARE = 0.25;
/** Share of applications refused after investigation. */
const REFUSED_SHARE = 0.14;
/** Months at the integration unit after the residence permit. */
const INTEGRATION_MONTHS = 36;
/** Mild seasonal pattern on the paying-household path (January = index 0). */
const PAYING_SEASON = [1.012, 0.99, 1.0, 0.996, 0.996, 1.0, 1.004, 1.0, 0.996, 0.996, 1.0, 1.0];

export interface EbWorld {
  households: Household[];
  spells: Spell[];
  persons: Persons;
}

interface Scheduled {
  household: Household;
  /** The new application may not be received before this day. */
  earliest: number;
}

export function simulateEb(scale: number, persons: Persons): EbWorld {
  const rng = new Rng(`${SEED}:eb`);
  const households: Household[] = [];
  const spells: Spell[] = [];
  const first = EB_BURN_IN_MONTH;
  const months = SIM_END_MONTH - first + 1;
  // Paying households per month so far; long spells may run past the end, hence the margin.
  const paying = new Int32Array(months + 400);
  const returns: Scheduled[][] = Array.from({length: months + 60}, () => []);
  const transfers: Scheduled[][] = Array.from({length: months + 60}, () => []);

  function newHousehold(unit: Unit, month: number): Household {
    const year = yearOfMonth(month);
    const integration = unit === UNIT.integration;
    // Single, couple, single parent, couple with children: singles dominate at ALF, families at integration.
    const kind = rng.weighted(integration ? [0.22, 0.1, 0.18, 0.5] : [0.53, 0.1, 0.2, 0.17]);
    const adults = kind === 1 || kind === 3 ? 2 : 1;
    const children =
      kind === 2
        ? Math.min(5, 1 + rng.geometric(0.65))
        : kind === 3
          ? Math.min(6, 1 + rng.geometric(integration ? 1.6 : 1.05))
          : 0;
    const household: Household = {
      idx: households.length,
      firstPerson: persons.count,
      adults,
      children,
      isLong: !integration && rng.chance(LONG_SHARE),
      sizeFactor: 0.8 + 0.26 * (adults - 1) + 0.15 * children,
      permitMonth: integration ? month - rng.int(8) : -1,
      spells: []
    };
    households.push(household);
    const age = Math.min(64, 19 + rng.geometric(integration ? 14 : 13));
    persons.add(year - age, household.idx, ROLE.sokande);
    if (adults === 2)
      persons.add(year - Math.max(18, Math.min(70, age + rng.between(-6, 6))), household.idx, ROLE.medsokande);
    for (let c = 0; c < children; c++) {
      persons.add(year - rng.between(0, Math.min(17, age - 18)), household.idx, ROLE.barn);
    }
    return household;
  }

  function addSpell(spell: Spell): Spell {
    spells.push(spell);
    spell.household.spells.push(spell);
    return spell;
  }

  function refused(household: Household, unit: Unit, month: number, earliest: number): Spell {
    const open = Math.max(earliest, dayInMonth(month, rng.between(1, 28)));
    const outcome: Outcome = rng.chance(0.12) ? OUTCOME.withdrawn : OUTCOME.refused;
    const spell = addSpell({
      idx: spells.length,
      household,
      unit,
      open,
      decision: -1,
      end: open + rng.between(4, 26),
      outcome,
      firstPaid: -1,
      lastPaid: -1,
      gaps: [],
      endsInTransfer: false,
      viaTransfer: false
    });
    // Some refused households try again a few months later.
    if (rng.chance(0.25)) schedule(returns, monthOfDay(spell.end) + rng.between(1, 8), household, spell.end + 10);
    return spell;
  }

  function granted(household: Household, unit: Unit, month: number, earliest: number, transferDay = -1): Spell {
    let open: number;
    let decision: number;
    if (transferDay >= 0) {
      open = decision = transferDay;
    } else {
      decision = dayInMonth(month, rng.between(1, 26));
      open = decision - Math.min(35, 3 + rng.geometric(8));
      if (open < earliest) {
        open = earliest;
        decision = Math.max(decision, open + 3);
      }
    }
    const firstPaid = monthOfDay(decision);
    let duration: number;
    let endsInTransfer = false;
    if (unit === UNIT.integration) {
      duration = 4 + rng.geometric(34);
      const cap = household.permitMonth + INTEGRATION_MONTHS - firstPaid;
      if (duration >= cap) {
        duration = Math.max(1, cap);
        endsInTransfer = rng.chance(0.55);
      }
    } else {
      duration = household.isLong ? 18 + rng.geometric(42) : 1 + rng.geometric(4.5);
    }
    const lastPaid = firstPaid + duration - 1;
    const gaps: number[] = [];
    const gapShare = household.isLong ? 0.025 : 0.05;
    for (let m = firstPaid + 1; m < lastPaid; m++) if (rng.chance(gapShare)) gaps.push(m);
    let end: number;
    if (endsInTransfer) {
      end = monthStart(lastPaid + 1);
    } else if (rng.chance(0.62)) {
      // Closed the month after the last payment, when no new application came.
      end = dayInMonth(lastPaid + 1, rng.between(2, 25));
    } else {
      end = dayInMonth(lastPaid, rng.between(12, 28));
    }
    if (end <= decision) end = decision + rng.between(5, 20);
    const spell = addSpell({
      idx: spells.length,
      household,
      unit,
      open,
      decision,
      end,
      outcome: OUTCOME.granted,
      firstPaid,
      lastPaid,
      gaps,
      endsInTransfer,
      viaTransfer: transferDay >= 0
    });
    for (let m = firstPaid; m <= lastPaid; m++) {
      if (!gaps.includes(m) && m - first < paying.length) paying[m - first]++;
    }
    if (endsInTransfer) {
      schedule(transfers, lastPaid + 1, household, end);
    } else if (rng.chance(RETURN_SHARE)) {
      const gap = rng.chance(0.42) ? rng.between(1, 11) : rng.between(12, 36);
      schedule(returns, monthOfDay(end) + gap, household, end + 14);
    }
    return spell;
  }

  function schedule(list: Scheduled[][], month: number, household: Household, earliest: number): void {
    if (month - first < list.length) list[month - first].push({household, earliest});
  }

  const unitAt = (household: Household, month: number): Unit =>
    household.permitMonth >= 0 && month < household.permitMonth + INTEGRATION_MONTHS ? UNIT.integration : UNIT.alf;

  for (let month = first; month <= SIM_END_MONTH; month++) {
    const i = month - first;
    for (const t of transfers[i]) granted(t.household, UNIT.alf, month, t.earliest, t.earliest);
    for (const r of returns[i]) {
      const unit = unitAt(r.household, month);
      if (rng.chance(REFUSED_SHARE)) refused(r.household, unit, month, r.earliest);
      else granted(r.household, unit, month, r.earliest);
    }

    const meanArrivals = interpolate(INTEGRATION_ARRIVALS, month) * scale;
    const arrivals = Math.min(
      20 * scale,
      Math.max(10 * scale, Math.round(meanArrivals + rng.normal() * 2 * Math.sqrt(scale)))
    );
    for (let k = 0; k < arrivals; k++) {
      const household = newHousehold(UNIT.integration, month);
      // Their first application is received in the month they arrive.
      if (rng.chance(0.08)) refused(household, UNIT.integration, month, monthStart(month));
      else granted(household, UNIT.integration, month, monthStart(month));
    }

    const target = interpolate(PAYING_HOUSEHOLDS, month) * PAYING_SEASON[calendarMonth(month) - 1] * scale;
    const need = Math.round(target - paying[i] + rng.normal() * 8 * Math.sqrt(scale));
    for (let k = 0; k < need; k++) granted(newHousehold(UNIT.alf, month), UNIT.alf, month, 0);
    const refusals = rng.poisson(REFUSED_SHARE * Math.max(need, 0) + 10 * scale);
    for (let k = 0; k < refusals; k++) refused(newHousehold(UNIT.alf, month), UNIT.alf, month, 0);
  }

  return {households, spells, persons};
}
