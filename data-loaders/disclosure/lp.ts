// The feasible interval of one unknown under linear relations, by linear programming with HiGHS (WebAssembly, MIT
// licence, runs offline in Node; one fresh solver per call, so results do not depend on call order).
// Each bound is one LP: minimise, then maximise the unknown. An LP optimum that is not a whole number (possible only
// when the relations are not totally unimodular) is solved again with integer unknowns, so the interval is exact.
import * as highsModule from "highs";
import type {Highs} from "highs";

/** An unknown, with the bounds any reader knows (e.g. a hidden cell is at least 1 because zeros are shown). */
export interface Unknown {
  lower: number;
  /** Infinity when unbounded above. */
  upper: number;
}

/** lower ≤ Σ coefficient · unknown ≤ upper (equal for an equation). */
export interface Row {
  terms: readonly (readonly [index: number, coefficient: number])[];
  lower: number;
  upper: number;
}

export interface Bound {
  /** The optimum, a whole number; ±Infinity when unbounded. */
  value: number;
  /** Rows that hold the bound (non-zero dual value), for the derivation in messages. */
  rows: number[];
  /** Unknowns whose own bound holds it (non-zero reduced cost). */
  unknowns: number[];
}

export interface Interval {
  min: Bound;
  max: Bound;
}

// The package's types describe it as CommonJS; Node loads its ES module build, whose default export is the loader.
const loadHighs = highsModule.default as unknown as () => Promise<Highs>;
let solver: Promise<Highs> | undefined;

function highs(): Promise<Highs> {
  solver ??= loadHighs();
  return solver;
}

const EPS = 1e-6;
const OPTIONS = {output_flag: false, presolve: "off", solver: "simplex"} as const;

function lpText(
  sense: "Minimize" | "Maximize",
  target: number,
  unknowns: readonly Unknown[],
  rows: readonly Row[],
  integer: boolean
): string {
  const term = ([i, c]: readonly [number, number]) => `${c < 0 ? "-" : "+"} ${Math.abs(c)} x${i}`;
  const lines = [sense, ` obj: x${target}`, "Subject To"];
  rows.forEach((row, r) => {
    const sum = row.terms.map(term).join(" ");
    if (row.lower === row.upper) lines.push(` r${r}: ${sum} = ${row.lower}`);
    else {
      if (Number.isFinite(row.lower)) lines.push(` r${r}l: ${sum} >= ${row.lower}`);
      if (Number.isFinite(row.upper)) lines.push(` r${r}u: ${sum} <= ${row.upper}`);
    }
  });
  // HiGHS needs at least one row; a row that always holds keeps the target in the model.
  if (rows.length === 0) lines.push(` free: x${target} >= ${unknowns[target].lower}`);
  lines.push("Bounds");
  unknowns.forEach((u, i) => {
    lines.push(Number.isFinite(u.upper) ? ` ${u.lower} <= x${i} <= ${u.upper}` : ` x${i} >= ${u.lower}`);
  });
  if (integer) lines.push("General", ` ${unknowns.map((_, i) => `x${i}`).join(" ")}`);
  lines.push("End");
  return lines.join("\n");
}

/** Row index from a HiGHS row name ("r3", "r3l", "r3u"). */
function rowIndex(name: string): number | null {
  const match = /^r(\d+)[lu]?$/.exec(name);
  return match ? Number(match[1]) : null;
}

async function bound(
  sense: "Minimize" | "Maximize",
  target: number,
  unknowns: readonly Unknown[],
  rows: readonly Row[]
): Promise<Bound | "infeasible"> {
  const h = await highs();
  const result = h.solve(lpText(sense, target, unknowns, rows, false), OPTIONS);
  if (result.Status === "Infeasible") return "infeasible";
  if (result.Status === "Unbounded" || result.Status === "Primal infeasible or unbounded") {
    return {value: sense === "Maximize" ? Infinity : -Infinity, rows: [], unknowns: []};
  }
  if (result.Status !== "Optimal") throw new Error(`Optimeringen gav status "${result.Status}".`);
  let value = result.ObjectiveValue;
  if (Math.abs(value - Math.round(value)) > EPS) {
    const exact = h.solve(lpText(sense, target, unknowns, rows, true), OPTIONS);
    if (exact.Status === "Infeasible") return "infeasible";
    if (exact.Status !== "Optimal") throw new Error(`Optimeringen med heltal gav status "${exact.Status}".`);
    value = exact.ObjectiveValue;
  }
  const binding = new Set<number>();
  for (const row of result.Rows) {
    if (!("Dual" in row) || Math.abs(row.Dual) <= EPS) continue;
    const index = rowIndex(row.Name);
    if (index !== null) binding.add(index);
  }
  const atBound: number[] = [];
  for (const [name, column] of Object.entries(result.Columns)) {
    if ("Dual" in column && Math.abs(column.Dual) > EPS) atBound.push(Number(name.slice(1)));
  }
  // "+ 0" turns a −0 from rounding into 0.
  const rounded = (sense === "Maximize" ? Math.floor(value + EPS) : Math.ceil(value - EPS)) + 0;
  return {value: rounded, rows: [...binding].sort((a, b) => a - b), unknowns: atBound.sort((a, b) => a - b)};
}

/**
 * The least and greatest value unknown `target` can take under `rows`, or "infeasible" when the rows contradict each
 * other.
 */
export async function feasibleInterval(
  target: number,
  unknowns: readonly Unknown[],
  rows: readonly Row[]
): Promise<Interval | "infeasible"> {
  const min = await bound("Minimize", target, unknowns, rows);
  if (min === "infeasible") return "infeasible";
  const max = await bound("Maximize", target, unknowns, rows);
  if (max === "infeasible") return "infeasible";
  return {min, max};
}
