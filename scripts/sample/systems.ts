// Which records a simulated spell leaves in which case-management system. Shared by the calibration (which must
// count exactly what the exports will hold) and the export tables.
import {EB_SWITCH, EXPORT_START} from "./config.ts";
import {dayOf} from "./dates.ts";
import {OUTCOME, UNIT, type Spell} from "./population.ts";

/** Integration-unit investigations open at any time in this range were never registered in Lifecare. */
const MISSING_FROM = dayOf(2022, 11, 1);
const MISSING_TO = dayOf(2022, 12, 31);

/** The day the investigation ends: the granting decision, or the refusal. */
export const investigationEnd = (spell: Spell): number =>
  spell.outcome === OUTCOME.granted ? spell.decision : spell.end;

export const hasTreservaCase = (spell: Spell): boolean => spell.open < EB_SWITCH && spell.end >= EXPORT_START;

/**
 * Lifecare investigations: every application from the switch on (transfers excepted) and, migrated with their
 * original date, those still open at the switch. Integration-unit investigations open at the switch or during
 * 2022-11..2022-12 are missing, as in the real migration.
 */
export function hasLifecareInvestigation(spell: Spell): boolean {
  if (spell.viaTransfer) return false;
  const end = investigationEnd(spell);
  if (spell.open < EB_SWITCH && end < EB_SWITCH) return false;
  if (spell.unit === UNIT.integration) {
    if (spell.open < EB_SWITCH) return false;
    if (spell.open <= MISSING_TO && end >= MISSING_FROM) return false;
  }
  return true;
}

/** Lifecare insatser: granted spells still running at the switch (migrated with the original decision date) or later. */
export const hasLifecareInsats = (spell: Spell): boolean => spell.outcome === OUTCOME.granted && spell.end >= EB_SWITCH;

/** Exit rows (one per adult) are written for spells that end assistance, not for transfers between units. */
export const hasExit = (spell: Spell): boolean =>
  spell.outcome === OUTCOME.granted && !spell.endsInTransfer && spell.end >= EXPORT_START;

/** Days on which the household is "actualised" in the exports: case opened, investigation opened, insats started. */
export function openings(spell: Spell): number[] {
  const days: number[] = [];
  if (hasTreservaCase(spell)) days.push(spell.open);
  if (hasLifecareInvestigation(spell)) days.push(spell.open);
  if (hasLifecareInsats(spell)) days.push(spell.decision);
  return days;
}

/** Whether the spell counts for the integration unit at the end of a day, as the exports will show it. */
export function countsForIntegration(spell: Spell, day: number): boolean {
  if (spell.unit !== UNIT.integration) return false;
  if (day < EB_SWITCH) return hasTreservaCase(spell) && spell.open <= day && spell.end > day;
  const insatsOpen = hasLifecareInsats(spell) && spell.decision <= day && spell.end > day;
  const investigationOpen = hasLifecareInvestigation(spell) && spell.open <= day && investigationEnd(spell) > day;
  return insatsOpen || investigationOpen;
}
