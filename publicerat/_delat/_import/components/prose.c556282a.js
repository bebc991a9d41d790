import {
  describeChange,
  formatByUnit,
  formatDecimal,
  formatMonth,
  formatMonthName,
  formatPoints,
  NBSP
} from "../lib/format.31c9c2b5.js";
import { addMonths } from "../lib/months.b119c145.js";
import { assertMetric } from "../lib/strict.bff53198.js";
import { shortReason } from "./kpi-card.5f59890f.js";
const AGAINST = { month: "f\xF6reg\xE5ende m\xE5nad", year: "samma m\xE5nad f\xF6reg\xE5ende \xE5r" };
const MODES = ["percent", "absolute", "both"];
const UNITS = ["kr", "hush\xE5ll", "personer", "barn", "insatser", "andel", "\xE4renden"];
const capitalise = (text) => text[0].toUpperCase() + text.slice(1);
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
export function value(metric) {
  checkMetric(metric, "value");
  return formatByUnit(metric.unit, metric.value);
}
function comparison(metric, against) {
  return against === "month" ? metric.previousMonth : metric.previousYear;
}
export function previous(metric, against) {
  checkMetric(metric, "previous");
  checkAgainst(against, "previous");
  return formatByUnit(metric.unit, comparison(metric, against).value);
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
const NUMBER_WORDS = ["", "ett", "tv\xE5", "tre", "fyra", "fem", "sex", "sju", "\xE5tta", "nio", "tio"];
function listYears(years) {
  const all = years.map(String);
  return all.length <= 1 ? all.join("") : `${all.slice(0, -1).join(", ")} och ${all.at(-1)}`;
}
function yearChange(metric, values, month) {
  const before = addMonths(month, -1);
  const current = values.get(month);
  const earlier = values.get(before);
  if (current === null || current === void 0 || earlier === null || earlier === void 0) return null;
  if (metric.breaks.some((b) => b.kind !== "saknas" && before < b.month && b.month <= month)) return null;
  const diff = current - earlier;
  const share = metric.unit === "andel";
  const flat = share ? Math.round(diff * 1e3) === 0 : Math.round(diff) === 0;
  const size = share ? Math.abs(diff) * 100 : earlier === 0 ? null : Math.abs(diff / earlier) * 100;
  return {
    year: Number(month.slice(0, 4)),
    direction: flat ? 0 : diff > 0 ? 1 : -1,
    size: size === null ? null : Math.round(size * 10) / 10
  };
}
export function season(metric, ...rest) {
  checkMetric(metric, "season");
  if (rest.length > 0) {
    throw new Error(
      `season(): tar bara ett argument, m\xE5ttet, till exempel season(m.utbetalt). Fick ocks\xE5 ${rest.map((r) => JSON.stringify(r) ?? String(r)).join(", ")}.`
    );
  }
  const values = new Map(metric.series.map((p) => [p.month, p.value]));
  const first = metric.series[0]?.month ?? metric.month;
  const lastBreak = metric.breaks.filter((b) => b.kind === "ej_jamforbar" && b.month <= metric.month).map((b) => b.month).sort().at(-1);
  const now = yearChange(metric, values, metric.month);
  if (!now) return "";
  const earlier = [];
  for (let back = 12; addMonths(metric.month, -back - 1) >= first; back += 12) {
    const month2 = addMonths(metric.month, -back);
    if (lastBreak && addMonths(month2, -1) < lastBreak) continue;
    const change2 = yearChange(metric, values, month2);
    if (change2) earlier.unshift(change2);
  }
  if (earlier.length === 0) return "";
  const direction2 = earlier[0].direction;
  if (direction2 === 0 || earlier.some((c) => c.direction !== direction2)) return "";
  const month = capitalise(formatMonthName(metric.month));
  const before = formatMonthName(addMonths(metric.month, -1));
  const comparative = direction2 > 0 ? "h\xF6gre" : "l\xE4gre";
  const years = earlier.map((c) => c.year);
  if (now.direction !== direction2) {
    const those = earlier.length === 1 ? `${comparative} \xE4n ${before} \xE5r ${years[0]}` : `${comparative} \xE4n ${before} ${earlier.length === 2 ? "b\xE5da" : `alla ${NUMBER_WORDS[earlier.length] ?? earlier.length}`} tidigare \xE5ren (${listYears(years)})`;
    const opening2 = earlier.length === 1 ? `${month} var ${those}` : `${month} har varit ${those}`;
    const thisYear = now.direction === 0 ? "i \xE5r \xE4r v\xE4rdet of\xF6r\xE4ndrat" : `i \xE5r \xE4r ${formatMonthName(metric.month)} ${now.direction > 0 ? "h\xF6gre" : "l\xE4gre"}`;
    return `${opening2}, men ${thisYear}.`;
  }
  const all = [...years, now.year];
  const opening = all.length === 2 ? `${month} var ${comparative} \xE4n ${before} b\xE5de ${all[0]} och ${all[1]}` : `${month} har varit ${comparative} \xE4n ${before} alla ${NUMBER_WORDS[all.length] ?? all.length} \xE5ren (${listYears(all)})`;
  if (now.size === null || earlier.some((c) => c.size === null)) return `${opening}.`;
  const sizes = earlier.map((c) => c.size);
  const size = now.size;
  const relation = size > Math.max(...sizes) ? "st\xF6rre \xE4n" : size < Math.min(...sizes) ? "mindre \xE4n" : "i niv\xE5 med";
  const unit = metric.unit === "andel" ? " procentenheter" : `${NBSP}%`;
  const amount = (n) => `${formatDecimal(n, 1)}${unit}`;
  const others = listYears(earlier.map((c) => `${amount(c.size)} ${c.year}`));
  const noun = direction2 > 0 ? "\xF6kningen" : "minskningen";
  const than = earlier.length === 1 ? String(years[0]) : "tidigare \xE5r";
  return `${opening}, och ${noun} i \xE5r \xE4r ${relation} ${than} (${amount(size)} mot ${others}).`;
}
