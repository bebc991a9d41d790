// The one small-count rule for everything an edition publishes about persons (SPEC §7, docs/metrics.md § Small
// counts):
// - primary: a count of 1–4 is hidden (0 is shown: it reveals nobody); a share is hidden when its denominator is under
//   10 or its numerator or complement is 1–4;
// - secondary: more figures are hidden until the audit (disclosure/audit.ts) finds every hidden count protected against
//   everything published together: the smallest total hidden first, linked breakdowns together (am_avslut and
//   uppföljning's reasons with the figures derived from them);
// - when no choice protects the small counts (a tiny total), the breakdown's cells are left out and only the total is
//   shown.
// Headline totals are not suppressed.
import {type Hidden, MIN_SHARE_DENOMINATOR, SUPPRESS_BELOW} from "../src/lib/disclosure.ts";
import type {BreakdownCell, BreakdownResult} from "../src/lib/metric-types.ts";
import {auditEdition} from "./disclosure/audit.ts";
import type {EditionData} from "./disclosure/model.ts";

export {MIN_SHARE_DENOMINATOR, SUPPRESS_BELOW};

/** Why a figure is hidden: "primar" (1–4, or a share of a small group) or "sekundar" (so others cannot be derived). */
export type Reason = "primar" | "sekundar";

/** A breakdown cell before suppression. */
export interface RawCell {
  key: string;
  label: string;
  value: number;
}

/** True when a count must be hidden by the primary rule. */
export function isSmallCount(count: number): boolean {
  return count > 0 && count < SUPPRESS_BELOW;
}

/** True when a share numerator/denominator must not be published (small group, or 1–4 on either side). */
export function isHiddenShare(numerator: number, denominator: number): boolean {
  return denominator < MIN_SHARE_DENOMINATOR || isSmallCount(numerator) || isSmallCount(denominator - numerator);
}

/** A share numerator/denominator, or null when the primary rule hides it. */
export function safeShare(numerator: number, denominator: number): number | null {
  return isHiddenShare(numerator, denominator) ? null : numerator / denominator;
}

/** A figure the search may hide, with what hiding it costs (the count it stands for). */
interface Candidate {
  id: string;
  value: number;
}

/** Whether a choice of hidden figures passes the audit; `only` limits which hidden counts must be protected. */
type Holds = (hidden: ReadonlySet<string>, only?: ReadonlySet<string>) => Promise<boolean>;

/** Every subset of `candidates` (by index), the smallest total first, then the fewest, then in candidate order. */
function subsetsBySize(candidates: readonly Candidate[]): number[][] {
  // More than 16 candidates would be 65 536 subsets: take the smallest first, one more at a time.
  if (candidates.length > 16) return candidates.map((_, n) => candidates.slice(0, n + 1).map((__, i) => i));
  const subsets: {indices: number[]; total: number}[] = [];
  for (let mask = 1; mask < 1 << candidates.length; mask++) {
    const indices = candidates.map((_, i) => i).filter((i) => mask & (1 << i));
    subsets.push({indices, total: indices.reduce((sum, i) => sum + candidates[i].value, 0)});
  }
  subsets.sort(
    (a, b) =>
      a.total - b.total ||
      a.indices.length - b.indices.length ||
      a.indices.join(",").localeCompare(b.indices.join(","), "en", {numeric: true})
  );
  return subsets.map((s) => s.indices);
}

/**
 * Chooses what to hide besides the primary figures. Derived figures (a total minus a cell, a share of cells) are
 * hidden only when no choice of cells protects the primary counts; then cells are added, the smallest total first,
 * until the audit holds. Returns null when nothing works (the breakdown must be withheld).
 */
export async function chooseHidden(
  primary: readonly string[],
  cells: readonly Candidate[],
  derived: readonly Candidate[],
  holds: Holds
): Promise<Map<string, Reason> | null> {
  const result = (secondary: readonly string[]) =>
    new Map<string, Reason>([
      ...primary.map((id): [string, Reason] => [id, "primar"]),
      ...secondary.map((id): [string, Reason] => [id, "sekundar"])
    ]);
  const base = new Set(primary);
  if (await holds(base)) return result([]);

  const sorted = [...cells].sort((a, b) => a.value - b.value);
  const allCells = sorted.map((c) => c.id);
  const primaryOnly = new Set(primary.filter((id) => !derived.some((d) => d.id === id)));
  // Hiding every cell is the most any choice of cells can do for the primary counts.
  const derivedChoices = [[], ...subsetsBySize(derived).map((indices) => indices.map((i) => derived[i].id))];
  for (const hiddenDerived of derivedChoices) {
    if (!(await holds(new Set([...base, ...allCells, ...hiddenDerived]), primaryOnly))) continue;
    for (const indices of [[], ...subsetsBySize(sorted)]) {
      const secondary = [...hiddenDerived, ...indices.map((i) => sorted[i].id)];
      if (await holds(new Set([...base, ...secondary]))) return result(secondary);
    }
  }
  return null;
}

/** A holds-function that audits the published form of a choice, remembering each answer. */
function auditing(render: (hidden: ReadonlySet<string>) => EditionData): Holds {
  const known = new Map<string, boolean>();
  return async (hidden, only) => {
    const key = `${[...hidden].sort().join("|")}/${only ? [...only].sort().join("|") : "*"}`;
    const cached = known.get(key);
    if (cached !== undefined) return cached;
    const {leaks} = await auditEdition(render(hidden), {firstLeakOnly: true, only});
    known.set(key, leaks.length === 0);
    return leaks.length === 0;
  };
}

/** The cells for a choice of hidden cell ids: with the reason for each (a map), or as published (a set). */
function applyHidden(
  cells: readonly RawCell[],
  idOf: (key: string) => string,
  hidden: ReadonlyMap<string, Reason> | ReadonlySet<string>
): BreakdownCell[] {
  return cells.map((cell) => {
    const id = idOf(cell.key);
    if (!hidden.has(id)) return {...cell};
    return {...cell, value: null, suppressed: hidden instanceof Map ? (hidden.get(id) as Reason) : true};
  });
}

/** What a breakdown is, without its cells. */
export type BreakdownSpec = Omit<BreakdownResult, "cells" | "total" | "withheld">;

/**
 * Suppresses a breakdown whose total is published and which no other breakdown shares. `context` adds the other
 * published figures that bound its cells (e.g. am_inskrivna for the programme areas); it gets the breakdown as it
 * would be published. The input is not changed; cells keep their order.
 */
export async function suppressBreakdown(
  spec: BreakdownSpec,
  cells: readonly RawCell[],
  context: (breakdown: BreakdownResult) => EditionData,
  {distinctTotal}: {distinctTotal?: number} = {}
): Promise<BreakdownResult> {
  // A breakdown where a unit can sit in several cells publishes its distinct units as total, not the cells' sum.
  const total = distinctTotal ?? cells.reduce((sum, c) => sum + c.value, 0);
  spec = distinctTotal === undefined ? spec : {...spec, overlapping: true};
  const idOf = (key: string) => `${spec.id}:${key}`;
  const render = (hidden: ReadonlySet<string>) => context({...spec, total, cells: applyHidden(cells, idOf, hidden)});
  const primary = cells.filter((c) => isSmallCount(c.value)).map((c) => idOf(c.key));
  const candidates = cells
    .filter((c) => c.value > 0 && !isSmallCount(c.value))
    .map((c) => ({id: idOf(c.key), value: c.value}));
  const hidden = await chooseHidden(primary, candidates, [], auditing(render));
  if (!hidden) return {...spec, total, cells: [], withheld: true};
  return {...spec, total, cells: applyHidden(cells, idOf, hidden)};
}

/** The month's programme-exit figures as arbetsmarknad and uppföljning publish them, suppressed together. */
export interface ExitFigures {
  /** The exit reasons (am_avslut in arbetsmarknad, the same cells in uppföljning). */
  cells: BreakdownCell[];
  total: number;
  withheld: boolean;
  exitsExclReferredBack: number | null;
  unknownShare: number | null;
  hidden: {exitsExclReferredBack?: Hidden; unknownShare?: Hidden};
}

const REFERRED_BACK = "aterremitterad";
const UNKNOWN = ["okand", "ej_registrerad"];
const EXCL_ID = "uppfoljning:exitsExclReferredBack";
const SHARE_ID = "uppfoljning:unknownShare";

/**
 * Suppresses the month's exit reasons together with the figures derived from the same cells: "avslutade exklusive
 * återremitterade" (total − återremitterad) and the share with unknown reason ((okänd + ej registrerad) / total).
 * Both sections call this with the same counts and get the same choice.
 */
export async function suppressExitReasons(cells: readonly RawCell[], month: string): Promise<ExitFigures> {
  const total = cells.reduce((sum, c) => sum + c.value, 0);
  const valueOf = (key: string) => cells.find((c) => c.key === key)?.value ?? 0;
  const excl = total - valueOf(REFERRED_BACK);
  const unknown = UNKNOWN.reduce((sum, key) => sum + valueOf(key), 0);
  const idOf = (key: string) => `am_avslut:${key}`;

  const publish = (hidden: ReadonlyMap<string, Reason> | ReadonlySet<string>, withheld = false) => {
    const shown = withheld ? [] : applyHidden(cells, idOf, hidden);
    const reason = (id: string): Hidden | undefined =>
      hidden.has(id) ? (hidden instanceof Map ? hidden.get(id) : true) : undefined;
    const exclHidden = reason(EXCL_ID);
    const shareHidden = reason(SHARE_ID);
    return {
      cells: shown,
      total,
      withheld,
      exitsExclReferredBack: exclHidden ? null : excl,
      unknownShare: shareHidden ? null : unknown / total,
      hidden: {
        ...(exclHidden ? {exitsExclReferredBack: exclHidden} : {}),
        ...(shareHidden ? {unknownShare: shareHidden} : {})
      }
    };
  };
  const render = (hidden: ReadonlySet<string>): EditionData => {
    const figures = publish(hidden);
    const breakdown = (id: string) => ({id, label: "Avslutsorsaker", month, total, cells: figures.cells});
    return {
      arbetsmarknad: {month, avslutsorsaker: breakdown("am_avslut")},
      uppfoljning: {
        month,
        reasons: breakdown("uppfoljning_orsaker"),
        exitsExclReferredBack: figures.exitsExclReferredBack,
        unknownShare: figures.unknownShare,
        hidden: figures.hidden
      }
    };
  };

  const primary = cells.filter((c) => isSmallCount(c.value)).map((c) => idOf(c.key));
  if (isHiddenShare(unknown, total)) primary.push(SHARE_ID);
  const candidates = cells
    .filter((c) => c.value > 0 && !isSmallCount(c.value))
    .map((c) => ({id: idOf(c.key), value: c.value}));
  const derived = [...(primary.includes(SHARE_ID) ? [] : [{id: SHARE_ID, value: unknown}]), {id: EXCL_ID, value: excl}];
  const hidden = await chooseHidden(primary, candidates, derived, auditing(render));
  if (hidden) return publish(hidden);
  // Withheld: no cell is shown, and neither is a figure derived from the cells.
  const withheld = new Map<string, Reason>(
    [EXCL_ID, SHARE_ID].map((id) => [id, primary.includes(id) ? "primar" : "sekundar"])
  );
  return publish(withheld, true);
}
