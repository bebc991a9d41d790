// Payments derived from the simulated spells: one main payment per paid month, the odd extra payment and correction,
// and registration dates that are sometimes late (efterregistrering).
import {
  AMOUNT_LEVEL,
  AMOUNT_SEASON,
  EB_SWITCH,
  EXPORT_START_MONTH,
  LAST_DELIVERY,
  SEED,
  SIM_END_MONTH,
  TRESERVA_FROZEN,
  interpolate
} from "./config.ts";
import {calendarMonth, dayInMonth, monthOfDay} from "./dates.ts";
import {Rng} from "./prng.ts";
import {OUTCOME, type Spell} from "./population.ts";
import {IntTable} from "./table.ts";

export const PAYMENT_KIND = {main: 0, extra: 1, correction: 2, removed: -1} as const;

export type Payments = IntTable<"spell" | "household" | "month" | "ore" | "reg" | "kind">;

/** Avser-months before the switch belong to Treserva (whole kronor), later ones to Lifecare. */
export const isTreservaMonth = (month: number): boolean => month < monthOfDay(EB_SWITCH);

/** Keeps a registration date inside the system that holds the payment's avser-month. */
export function clampRegistration(month: number, day: number): number {
  return isTreservaMonth(month) ? Math.min(day, TRESERVA_FROZEN) : Math.max(day, EB_SWITCH);
}

export class AmountModel {
  private readonly level = new Map<number, number>();

  amountLevel(month: number): number {
    let value = this.level.get(month);
    if (value === undefined) {
      value = interpolate(AMOUNT_LEVEL, month) * AMOUNT_SEASON[calendarMonth(month) - 1];
      this.level.set(month, value);
    }
    return value;
  }

  /** The main payment in öre: the month's level, the household's size and some spread; whole kronor in Treserva. */
  main(rng: Rng, spell: Spell, month: number): number {
    const kronor = this.amountLevel(month) * spell.household.sizeFactor * Math.exp(0.14 * rng.normal() - 0.0098);
    const ore = Math.max(50_000, Math.round(kronor * 100));
    if (isTreservaMonth(month) || rng.chance(0.7)) return Math.round(ore / 100) * 100;
    return ore;
  }
}

/** Registration of the main payment for a month: paid ahead for ongoing households, after the decision for new. */
export function mainRegistration(rng: Rng, spell: Spell, month: number): number {
  let day =
    month === spell.firstPaid
      ? spell.decision + rng.between(0, 3)
      : Math.max(spell.decision, dayInMonth(month - 1, rng.between(20, 28)));
  const r = rng.next();
  // Decisions taken late: registered after the next delivery (about 4 %).
  if (r < 0.008) day = dayInMonth(month + 2, rng.between(1, 28));
  else if (r < 0.04) day = dayInMonth(month + 1, rng.between(6, 28));
  return clampRegistration(month, day);
}

export function derivePayments(spells: readonly Spell[]): Payments {
  const rng = new Rng(`${SEED}:payments`);
  const amounts = new AmountModel();
  const payments: Payments = new IntTable(["spell", "household", "month", "ore", "reg", "kind"] as const);
  for (const spell of spells) {
    if (spell.outcome !== OUTCOME.granted) continue;
    const from = Math.max(spell.firstPaid, EXPORT_START_MONTH);
    const to = Math.min(spell.lastPaid, SIM_END_MONTH);
    for (let month = from; month <= to; month++) {
      if (spell.gaps.includes(month)) continue;
      const household = spell.household.idx;
      const reg = mainRegistration(rng, spell, month);
      if (reg <= LAST_DELIVERY) {
        payments.push(spell.idx, household, month, amounts.main(rng, spell, month), reg, PAYMENT_KIND.main);
      }
      if (rng.chance(0.12)) {
        // Extra costs (medical, household goods) during the month; some registered after the next delivery.
        const day = rng.chance(0.15)
          ? dayInMonth(month + 1, rng.between(6, 28))
          : dayInMonth(month, rng.between(3, 27));
        const ore = rng.between(3, 40) * 10_000;
        const extraReg = clampRegistration(month, Math.max(spell.decision, day));
        if (extraReg <= LAST_DELIVERY) payments.push(spell.idx, household, month, ore, extraReg, PAYMENT_KIND.extra);
      }
      if (rng.chance(0.012)) {
        // Återkrav: a correction registered one to three months later.
        const day = dayInMonth(month + rng.between(1, 3), rng.between(1, 28));
        const ore = -rng.between(2, 25) * 10_000;
        const correctionReg = clampRegistration(month, day);
        if (correctionReg <= LAST_DELIVERY) {
          payments.push(spell.idx, household, month, ore, correctionReg, PAYMENT_KIND.correction);
        }
      }
    }
  }
  return payments;
}
