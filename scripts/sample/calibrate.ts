// Calibration: after the natural simulation, small deterministic adjustments make the months the real reports cover
// come out exactly (SPEC §6). Each step moves dates across a month boundary, shifts a return, adds or removes a
// marginal payment, or tunes amounts; it never touches the output files. Every step re-counts and throws when the
// target is not met, so a change in the simulation cannot silently break the calibration.
import {EB_TARGETS, REACTUALISED_EB, SEED, type EbTarget} from "./config.ts";
import {dayInMonth, monthEnd, monthOfDay, monthStart, parseMonth} from "./dates.ts";
import {AmountModel, PAYMENT_KIND, clampRegistration, isTreservaMonth, type Payments} from "./payments.ts";
import {Rng} from "./prng.ts";
import {OUTCOME, UNIT, isPaidMonth, type Household, type Spell} from "./population.ts";
import type {Enrolment} from "./simulate-am.ts";
import type {EbWorld} from "./simulate-eb.ts";
import {countsForIntegration, hasExit, openings} from "./systems.ts";

/** Moves a day by whole months, keeping the day of the month (days are at most the 28th where it matters). */
export function shiftDay(day: number, months: number): number {
  const month = monthOfDay(day);
  return dayInMonth(month + months, day - monthStart(month) + 1);
}

function shiftSpell(spell: Spell, months: number): void {
  spell.open = shiftDay(spell.open, months);
  if (spell.decision >= 0) spell.decision = shiftDay(spell.decision, months);
  spell.end = shiftDay(spell.end, months);
  if (spell.outcome === OUTCOME.granted) {
    spell.firstPaid += months;
    spell.lastPaid += months;
    spell.gaps = spell.gaps.map((m) => m + months);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Re-actualisation (ateraktualiserade_eb): adults whose assistance ended in M−23..M−12, first exit per person,
// re-actualised when their household has an opening within 365 days.

interface CohortHousehold {
  household: Household;
  exitDay: number;
  /** Index in household.spells of the spell that ended at exitDay. */
  exitSpell: number;
  returned: boolean;
}

function reactualisationCohort(world: EbWorld, month: number): CohortHousehold[] {
  const from = monthStart(month - 23);
  const to = monthStart(month - 11);
  const cohort: CohortHousehold[] = [];
  for (const household of world.households) {
    const exitSpell = household.spells.findIndex((s) => hasExit(s) && s.end >= from && s.end < to);
    if (exitSpell < 0) continue;
    const exitDay = household.spells[exitSpell].end;
    const returned = household.spells.some((s) => openings(s).some((d) => d > exitDay && d <= exitDay + 365));
    cohort.push({household, exitDay, exitSpell, returned});
  }
  return cohort;
}

export function reactualisationShare(world: EbWorld, month: number): {cohort: number; returned: number} {
  let cohort = 0;
  let returned = 0;
  for (const c of reactualisationCohort(world, month)) {
    cohort += c.household.adults;
    if (c.returned) returned += c.household.adults;
  }
  return {cohort, returned};
}

/** Shifts the next application of a few ALF households across the 365-day line until the share rounds right. */
export function calibrateReactualisation(world: EbWorld): void {
  const month = parseMonth(REACTUALISED_EB.month);
  const rng = new Rng(`${SEED}:calibrate-reactualisation`);
  const {cohort, returned} = reactualisationShare(world, month);
  const wanted = Math.round((REACTUALISED_EB.sharePercent / 100) * cohort);
  let delta = wanted - returned;
  const candidates = rng.shuffle(
    reactualisationCohort(world, month).filter((c) => {
      const next = c.household.spells[c.exitSpell + 1];
      return c.household.permitMonth < 0 && next !== undefined && c.returned === delta < 0;
    })
  );
  for (const c of candidates) {
    if (delta === 0) break;
    if (c.household.adults > Math.abs(delta)) continue;
    const spells = c.household.spells;
    const next = spells[c.exitSpell + 1];
    const after = spells[c.exitSpell + 2];
    if (delta < 0) {
      // Every opening of the next spell must fall after the 365 days; the spell after it must still fit.
      // An ALF household's first opening in a spell is its application day.
      let months = 1;
      while (shiftDay(next.open, months) <= c.exitDay + 365) months++;
      if (months > 12) continue;
      if (after && shiftDay(next.end, months) + 14 >= after.open) continue;
      if (returnedWithout(c, next)) continue;
      shiftSpell(next, months);
      delta += c.household.adults;
    } else {
      let months = -1;
      while (shiftDay(next.open, months) > c.exitDay + 360) months--;
      if (months < -12 || shiftDay(next.open, months) <= c.exitDay + 20) continue;
      shiftSpell(next, months);
      delta -= c.household.adults;
    }
  }
  const result = reactualisationShare(world, month);
  const share = Math.round((1000 * result.returned) / result.cohort) / 10;
  if (delta !== 0 || share !== REACTUALISED_EB.sharePercent) {
    throw new Error(`Kalibrering misslyckades: återaktualiserade ${share} % (mål ${REACTUALISED_EB.sharePercent} %).`);
  }
}

/** Whether the household would count as returned even without the given spell's openings. */
function returnedWithout(c: CohortHousehold, spell: Spell): boolean {
  return c.household.spells.some((s) => s !== spell && openings(s).some((d) => d > c.exitDay && d <= c.exitDay + 365));
}

// ---------------------------------------------------------------------------------------------------------------
// Integration unit: households with an open case (Treserva) or an open insats or investigation (Lifecare) at the
// end of the month.

export function integrationCount(world: EbWorld, month: number): number {
  const end = monthEnd(month);
  const households = new Set<number>();
  for (const spell of world.spells) {
    if (countsForIntegration(spell, end)) households.add(spell.household.idx);
  }
  return households.size;
}

/**
 * Moves the closing day of integration-unit spells that close within three months of the month end across it:
 * households leave a little earlier (their later paid months go) or stay a few days longer. Three months keep
 * the calibrated months (at least three apart) from moving each other.
 */
export function calibrateIntegration(world: EbWorld, scale: number): void {
  const rng = new Rng(`${SEED}:calibrate-integration`);
  const window = 90;
  for (const target of EB_TARGETS) {
    if (target.integration === null) continue;
    const month = parseMonth(target.month);
    const end = monthEnd(month);
    const wanted = target.integration * scale;
    let delta = wanted - integrationCount(world, month);
    const near = (s: Spell) => Math.abs(s.end - end);
    const spells = world.spells.filter(
      (s) => s.unit === UNIT.integration && !s.endsInTransfer && !s.viaTransfer && near(s) < window
    );
    spells.sort((a, b) => near(a) - near(b) || a.idx - b.idx);
    for (const spell of spells) {
      if (delta === 0) break;
      const index = spell.household.spells.indexOf(spell);
      const next = spell.household.spells[index + 1];
      const counted = countsForIntegration(spell, end);
      if (delta < 0 && counted && spell.end > end) {
        // Leave in the month instead: only households already granted, whose later months are then not paid.
        if (spell.outcome === OUTCOME.granted && spell.decision >= end) continue;
        const newEnd = Math.max(spell.open + 1, spell.decision + 1, end - rng.between(0, 6));
        if (newEnd > end) continue;
        spell.end = newEnd;
        if (spell.outcome === OUTCOME.granted && spell.lastPaid > month) {
          spell.lastPaid = month;
          spell.gaps = spell.gaps.filter((m) => m < month);
        }
        if (!countsForIntegration(spell, end)) delta++;
      } else if (delta > 0 && !counted && spell.end <= end && spell.open < end - 1) {
        const newEnd = end + rng.between(1, 8);
        if (next && next.open <= newEnd + 7) continue;
        const before = spell.end;
        spell.end = newEnd;
        if (countsForIntegration(spell, end) && !otherIntegrationSpellOpen(world, spell, end)) delta--;
        else spell.end = before;
      }
    }
    const count = integrationCount(world, month);
    if (count !== wanted) {
      throw new Error(`Kalibrering misslyckades: integrationsenheten ${target.month} ${count} (mål ${wanted}).`);
    }
  }
}

function otherIntegrationSpellOpen(world: EbWorld, spell: Spell, day: number): boolean {
  return spell.household.spells.some((s) => s !== spell && countsForIntegration(s, day));
}

// ---------------------------------------------------------------------------------------------------------------
// Payments: utbetalt and utbetalningshushåll for the calibration months, in their first delivery and every later one.

function paymentTotals(payments: Payments, month: number): {ore: number; households: Set<number>} {
  const c = payments.columns;
  let ore = 0;
  const households = new Set<number>();
  for (let i = 0; i < payments.length; i++) {
    if (c.month[i] !== month || c.kind[i] === PAYMENT_KIND.removed) continue;
    ore += c.ore[i];
    if (c.ore[i] > 0) households.add(c.household[i]);
  }
  return {ore, households};
}

/** The calibrated months' payments, paying households and total, after every adjustment. */
export function calibratePayments(world: EbWorld, payments: Payments, scale: number): void {
  const rng = new Rng(`${SEED}:calibrate-payments`);
  const amounts = new AmountModel();
  for (const target of EB_TARGETS) {
    const month = parseMonth(target.month);
    calibrateMonth(world, payments, rng, amounts, month, target, scale);
    const {ore, households} = paymentTotals(payments, month);
    if (ore !== target.utbetalt * scale * 100 || households.size !== target.utbetalningshushall * scale) {
      throw new Error(
        `Kalibrering misslyckades: ${target.month} utbetalt ${ore / 100} kr, ${households.size} hushåll ` +
          `(mål ${target.utbetalt * scale} kr, ${target.utbetalningshushall * scale} hushåll).`
      );
    }
  }
}

function calibrateMonth(
  world: EbWorld,
  payments: Payments,
  rng: Rng,
  amounts: AmountModel,
  month: number,
  target: EbTarget,
  scale: number
): void {
  const c = payments.columns;
  // 1. No late registration: everything for the month is in the first delivery after it.
  const deadline = dayInMonth(month + 1, 5);
  for (let i = 0; i < payments.length; i++) {
    if (c.month[i] !== month || c.reg[i] <= deadline) continue;
    const spell = world.spells[c.spell[i]];
    c.reg[i] = clampRegistration(month, Math.max(spell.decision, dayInMonth(month, rng.between(10, 28))));
  }

  // 2. Paying households: fill gap months of running spells, or turn mid-spell months into gap months.
  const {households} = paymentTotals(payments, month);
  let delta = target.utbetalningshushall * scale - households.size;
  const running = world.spells.filter(
    (s) =>
      s.outcome === OUTCOME.granted &&
      s.decision < monthStart(month) &&
      s.end > monthEnd(month) &&
      s.firstPaid < month &&
      s.lastPaid > month
  );
  rng.shuffle(running);
  const rowsOf = new Map<number, number[]>();
  for (let i = 0; i < payments.length; i++) {
    if (c.month[i] !== month) continue;
    const rows = rowsOf.get(c.household[i]);
    if (rows) rows.push(i);
    else rowsOf.set(c.household[i], [i]);
  }
  for (const spell of running) {
    if (delta === 0) break;
    const paid = isPaidMonth(spell, month);
    const household = spell.household.idx;
    if (delta > 0 && !paid && !households.has(household)) {
      spell.gaps = spell.gaps.filter((m) => m !== month);
      const reg = clampRegistration(month, Math.max(spell.decision, dayInMonth(month - 1, rng.between(20, 28))));
      payments.push(spell.idx, household, month, amounts.main(rng, spell, month), reg, PAYMENT_KIND.main);
      households.add(household);
      delta--;
    } else if (delta < 0 && paid && isPaidMonth(spell, month - 1) && isPaidMonth(spell, month + 1)) {
      spell.gaps.push(month);
      for (const i of rowsOf.get(household) ?? []) c.kind[i] = PAYMENT_KIND.removed;
      households.delete(household);
      delta++;
    }
  }

  // 3. The total: scale the main payments, then put the rounding remainder on the largest one.
  const wanted = target.utbetalt * scale * 100;
  const unit = isTreservaMonth(month) ? 100 : 1;
  let others = 0;
  let mains = 0;
  const mainRows: number[] = [];
  for (let i = 0; i < payments.length; i++) {
    if (c.month[i] !== month || c.kind[i] === PAYMENT_KIND.removed) continue;
    if (c.kind[i] === PAYMENT_KIND.main) {
      mains += c.ore[i];
      mainRows.push(i);
    } else {
      others += c.ore[i];
    }
  }
  const factor = (wanted - others) / mains;
  let total = others;
  for (const i of mainRows) {
    c.ore[i] = Math.round((c.ore[i] * factor) / unit) * unit;
    total += c.ore[i];
  }
  let largest = mainRows[0];
  for (const i of mainRows) if (c.ore[i] > c.ore[largest]) largest = i;
  c.ore[largest] += wanted - total;
}

// ---------------------------------------------------------------------------------------------------------------
// Arbetsmarknad: distinct persons with an enrolment overlapping the month. Accorda and Arena show the same
// enrolments (Arena from the switch with start 2022-11-01 for the migrated), so the count is taken on the model.

export function amEnrolledCount(enrolments: readonly Enrolment[], month: number): number {
  const from = monthStart(month);
  const to = monthEnd(month);
  const persons = new Set<number>();
  for (const e of enrolments) if (e.start <= to && e.end >= from) persons.add(e.person);
  return persons.size;
}

/** Moves a start or an end across the month's first or last day for persons at the margin of the month. */
export function calibrateAm(enrolments: Enrolment[], scale: number): void {
  const rng = new Rng(`${SEED}:calibrate-am`);
  const byPerson = new Map<number, Enrolment[]>();
  for (const e of enrolments) {
    const list = byPerson.get(e.person);
    if (list) list.push(e);
    else byPerson.set(e.person, [e]);
  }
  for (const target of EB_TARGETS) {
    const month = parseMonth(target.month);
    const from = monthStart(month);
    const to = monthEnd(month);
    const wanted = target.amInskrivna * scale;
    let delta = wanted - amEnrolledCount(enrolments, month);
    const overlaps = (e: Enrolment) => e.start <= to && e.end >= from;
    const candidates = rng.shuffle(enrolments.filter((e) => !e.isParallel && e.start <= to + 10 && e.end >= from - 10));
    for (const e of candidates) {
      if (delta === 0) break;
      const own = byPerson.get(e.person) ?? [];
      const inMonth = own.filter(overlaps);
      if (delta < 0 && inMonth.length === 1 && inMonth[0] === e) {
        if (e.start >= from && e.end > to + 10) {
          e.start = dayInMonth(month + 1, rng.between(1, 5));
          delta++;
        } else if (e.end <= to && e.start < from - 10) {
          e.end = from - 1 - rng.between(0, 3);
          delta++;
        }
      } else if (delta > 0 && inMonth.length === 0) {
        const others = own.filter((o) => o !== e);
        if (e.start > to && e.start <= to + 10) {
          const start = dayInMonth(month, rng.between(24, 28));
          if (others.some((o) => o.start < e.start && o.end >= start)) continue;
          e.start = start;
          delta--;
        } else if (e.end < from && e.end >= from - 10) {
          const end = dayInMonth(month, rng.between(1, 5));
          if (others.some((o) => o.start > e.end && o.start <= end)) continue;
          e.end = end;
          delta--;
        }
      }
    }
    const count = amEnrolledCount(enrolments, month);
    if (count !== wanted) {
      throw new Error(
        `Kalibrering misslyckades: inskrivna i arbetsmarknadsinsatser ${target.month} ${count} (mål ${wanted}).`
      );
    }
  }
}
