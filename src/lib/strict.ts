// Names an analyst types in a page, checked: reading a metric that does not exist throws a Swedish error naming the
// closest valid ids, instead of giving undefined that a later helper turns into a blank or a wrong sentence. Pages wrap
// the loaders' JSON with `section(...)` (src/components/section.ts); the prose helpers and chart components refuse
// what is not a metric.
import {closest, distance} from "fastest-levenshtein";

/** Property names that libraries probe on any value (promises, JSON, the DOM, inspectors): never an analyst's id. */
const PROBED = new Set([
  "then",
  "next",
  "return",
  "throw",
  "toJSON",
  "constructor",
  "valueOf",
  "toString",
  "nodeType",
  "inspect",
  "length"
]);

/** "Okänt mått 'utbetalningshushal' – menar du 'utbetalningshushall'?" with the closest names. */
export function unknownNameMessage(name: string, known: readonly string[], what = "mått"): string {
  if (known.length === 0) return `Okänt ${what} '${name}'.`;
  const best = closest(name, [...known]);
  const near = known.filter((k) => k !== best && distance(name, k) <= Math.max(2, distance(name, best))).slice(0, 2);
  const suggestions = [best, ...near].map((k) => `'${k}'`).join(" eller ");
  return `Okänt ${what} '${name}' – menar du ${suggestions}?`;
}

/**
 * The record with a guard: reading a name it lacks throws `unknownNameMessage`. Only names shaped like ids
 * (lower case, digits, underscore) are checked, so promises, JSON and inspectors see an ordinary object. With
 * `typosOnly`, only a name within two edits of an existing one throws (a record with optional fields, which may be
 * absent, still catches `fordelningen` for `fordelning`).
 */
export function strictRecord<T extends object>(record: T, what = "mått", {typosOnly = false} = {}): T {
  return new Proxy(record, {
    get(target, property, receiver) {
      if (
        typeof property === "string" &&
        !(property in target) &&
        !PROBED.has(property) &&
        /^[a-z][a-z0-9_]*$/.test(property) &&
        (!typosOnly || Object.keys(target).some((key) => distance(property, key) <= 2))
      ) {
        throw new Error(unknownNameMessage(property, Object.keys(target), what));
      }
      return Reflect.get(target, property, receiver);
    }
  });
}

function shown(value: unknown): string {
  if (value === undefined) return "undefined";
  try {
    const text = JSON.stringify(value);
    return text.length > 60 ? `${text.slice(0, 57)}…` : text;
  } catch {
    return String(value);
  }
}

/** Throws unless `value` is a metric from a loader (e.g. eb.metrics.utbetalt); `where` names the helper or chart. */
export function assertMetric(value: unknown, where: string): void {
  const ok = !!value && typeof value === "object" && "series" in value && "previousMonth" in value && "unit" in value;
  if (!ok) throw new Error(`${where} fick inget mått utan ${shown(value)}. Skriv till exempel eb.metrics.utbetalt.`);
}

/** Throws unless `value` is a breakdown from a loader (e.g. eb.avslutsorsaker). */
export function assertBreakdown(value: unknown, where: string): void {
  const ok = !!value && typeof value === "object" && Array.isArray((value as {cells?: unknown}).cells);
  if (!ok) {
    throw new Error(`${where} fick ingen fördelning utan ${shown(value)}. Skriv till exempel eb.avslutsorsaker.`);
  }
}

/** Throws unless `value` is an array of rows. */
export function assertRows(value: unknown, where: string): void {
  if (!Array.isArray(value)) throw new Error(`${where} fick inga rader utan ${shown(value)}.`);
}
