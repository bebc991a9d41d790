import { closest, distance } from "../../_node/fastest-levenshtein@1.0.16/index.eec64229.js";
const PROBED = /* @__PURE__ */ new Set([
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
export function unknownNameMessage(name, known, what = "m\xE5tt") {
  if (known.length === 0) return `Ok\xE4nt ${what} '${name}'.`;
  const best = closest(name, [...known]);
  const near = known.filter((k) => k !== best && distance(name, k) <= Math.max(2, distance(name, best))).slice(0, 2);
  const suggestions = [best, ...near].map((k) => `'${k}'`).join(" eller ");
  return `Ok\xE4nt ${what} '${name}' \u2013 menar du ${suggestions}?`;
}
export function strictRecord(record, what = "m\xE5tt", { typosOnly = false } = {}) {
  return new Proxy(record, {
    get(target, property, receiver) {
      if (typeof property === "string" && !(property in target) && !PROBED.has(property) && /^[a-z][a-z0-9_]*$/.test(property) && (!typosOnly || Object.keys(target).some((key) => distance(property, key) <= 2))) {
        throw new Error(unknownNameMessage(property, Object.keys(target), what));
      }
      return Reflect.get(target, property, receiver);
    }
  });
}
function shown(value) {
  if (value === void 0) return "undefined";
  try {
    const text = JSON.stringify(value);
    return text.length > 60 ? `${text.slice(0, 57)}\u2026` : text;
  } catch {
    return String(value);
  }
}
export function assertMetric(value, where) {
  const ok = !!value && typeof value === "object" && "series" in value && "previousMonth" in value && "unit" in value;
  if (!ok) throw new Error(`${where} fick inget m\xE5tt utan ${shown(value)}. Skriv till exempel eb.metrics.utbetalt.`);
}
export function assertBreakdown(value, where) {
  const ok = !!value && typeof value === "object" && Array.isArray(value.cells);
  if (!ok) {
    throw new Error(`${where} fick ingen f\xF6rdelning utan ${shown(value)}. Skriv till exempel eb.avslutsorsaker.`);
  }
}
export function assertRows(value, where) {
  if (!Array.isArray(value)) throw new Error(`${where} fick inga rader utan ${shown(value)}.`);
}
