// The simulated people and households shared by every module: one person registry, so that the same person keeps
// the same pseudonym in ekonomiskt bistånd, arbetsmarknad and vux.
import {IntTable} from "./table.ts";

export const ROLE = {sokande: 0, medsokande: 1, barn: 2, other: 3} as const;
export const UNIT = {alf: 0, integration: 1} as const;
export const OUTCOME = {granted: 0, refused: 1, withdrawn: 2} as const;

export type Unit = (typeof UNIT)[keyof typeof UNIT];
export type Outcome = (typeof OUTCOME)[keyof typeof OUTCOME];

/** Persons in insertion order; `household` is -1 for people outside ekonomiskt bistånd. */
export class Persons {
  readonly table = new IntTable(["birthYear", "household", "role"] as const);

  add(birthYear: number, household: number, role: number): number {
    return this.table.push(birthYear, household, role);
  }

  get count(): number {
    return this.table.length;
  }

  birthYear(person: number): number {
    return this.table.columns.birthYear[person];
  }

  household(person: number): number {
    return this.table.columns.household[person];
  }

  role(person: number): number {
    return this.table.columns.role[person];
  }
}

export interface Household {
  idx: number;
  /** Persons are contiguous: adults first, then children. */
  firstPerson: number;
  adults: number;
  children: number;
  /** Propensity for a long need (drawn once per household). */
  isLong: boolean;
  /** Relative size of the monthly norm (1 = average household). */
  sizeFactor: number;
  /** Month of the residence permit for newly arrived households, else -1. */
  permitMonth: number;
  /** In chronological order, never overlapping. */
  spells: Spell[];
}

/**
 * One period during which a household is "aktuell": an application (investigation) and, when granted, assistance
 * until the case is closed. Treserva shows it as a case, Lifecare as an investigation followed by an insats.
 */
export interface Spell {
  idx: number;
  household: Household;
  unit: Unit;
  /** Application received (day number). */
  open: number;
  /** Need assessed and assistance granted (day number), -1 when refused or withdrawn. */
  decision: number;
  /** Case closed, or the refusal decision for a refused application (day number). */
  end: number;
  outcome: Outcome;
  /** Months with assistance: firstPaid..lastPaid except `gaps` (granted spells only). */
  firstPaid: number;
  lastPaid: number;
  gaps: number[];
  /** Ends because the household moves from the integration unit to ALF (no exit, no exit reasons). */
  endsInTransfer: boolean;
  /** Opened by such a transfer (no investigation). */
  viaTransfer: boolean;
}

export function isPaidMonth(spell: Spell, month: number): boolean {
  return (
    spell.outcome === OUTCOME.granted &&
    month >= spell.firstPaid &&
    month <= spell.lastPaid &&
    !spell.gaps.includes(month)
  );
}
