import {
  describeChange,
  formatInteger,
  formatKronor,
  formatMonth,
  formatPercent,
  formatPoints
} from "../lib/format.8759877e.js";
import { assertMetric } from "../lib/strict.bff53198.js";
import { shortReason } from "./kpi-card.3eb02789.js";
const AGAINST = { month: "f\xF6reg\xE5ende m\xE5nad", year: "samma m\xE5nad f\xF6reg\xE5ende \xE5r" };
const MODES = ["percent", "absolute", "both"];
const UNITS = ["kr", "hush\xE5ll", "personer", "barn", "insatser", "andel", "\xE4renden"];
function checkMetric(metric, helper) {
  assertMetric(metric, `${helper}()`);
}
function checkAgainst(against, helper) {
  if (against !== "month" && against !== "year") {
    throw new Error(
      `${helper}(): ok\xE4nd j\xE4mf\xF6relse ${JSON.stringify(against)}. Skriv "month" (mot ${AGAINST.month}) eller "year" (mot ${AGAINST.year}).`
    );
  }
}
function checkOptions(options) {
  if (options === void 0) return;
  if (!options || typeof options !== "object" || Array.isArray(options)) {
    throw new Error(`change(): tredje argumentet ska vara ett objekt som {mode: "absolute"}.`);
  }
  for (const [key, value2] of Object.entries(options)) {
    if (key === "mode") {
      if (!MODES.includes(value2)) {
        throw new Error(
          `change(): ok\xE4nt l\xE4ge ${JSON.stringify(value2)}. Skriv mode: "percent" (procent), "absolute" (antal) eller "both" (b\xE5da).`
        );
      }
    } else if (key === "unit") {
      if (!UNITS.includes(value2)) {
        throw new Error(`change(): ok\xE4nd enhet ${JSON.stringify(value2)}. V\xE4lj bland ${UNITS.join(", ")}.`);
      }
    } else {
      throw new Error(`change(): ok\xE4nt alternativ "${key}". Det som finns \xE4r mode och unit.`);
    }
  }
}
function formatValue(metric, raw) {
  if (metric.unit === "kr") return formatKronor(raw);
  if (metric.unit === "andel") return formatPercent(raw);
  return formatInteger(raw);
}
export function value(metric) {
  checkMetric(metric, "value");
  return formatValue(metric, metric.value);
}
function comparison(metric, against) {
  return against === "month" ? metric.previousMonth : metric.previousYear;
}
export function previous(metric, against) {
  checkMetric(metric, "previous");
  checkAgainst(against, "previous");
  return formatValue(metric, comparison(metric, against).value);
}
export function change(metric, against, options = {}) {
  checkMetric(metric, "change");
  checkAgainst(against, "change");
  checkOptions(options);
  const c = comparison(metric, against);
  if (metric.unit === "andel" && c.change !== null) {
    const suffix = ` j\xE4mf\xF6rt med ${formatMonth(c.month)}`;
    if (Math.round(c.change * 1e3) === 0) return `\xE4r of\xF6r\xE4ndrad${suffix}`;
    return `${c.change > 0 ? "\xF6kade" : "minskade"} med ${formatPoints(c.change)}${suffix}`;
  }
  return describeChange({
    current: metric.value,
    previous: c.value,
    comparedTo: c.month,
    comparable: c.comparable,
    reason: c.comparable ? void 0 : shortReason(c.reason)?.toLowerCase(),
    mode: options.mode,
    unit: options.unit ?? metric.unit
  });
}
export function direction(metric, against) {
  checkMetric(metric, "direction");
  checkAgainst(against, "direction");
  const c = comparison(metric, against);
  if (!c.comparable || c.change === null) return "ej j\xE4mf\xF6rbart";
  return c.change > 0 ? "\xF6kade" : c.change < 0 ? "minskade" : "of\xF6r\xE4ndrat";
}
