import { html } from "../../_node/htl@0.3.1/index.0caf36e7.js";
import { assertMetric } from "../lib/strict.bff53198.js";
import {
  formatInteger,
  formatMonth,
  formatMonthAbbr,
  formatPercent,
  formatPoints,
  formatSignedPercent,
  MINUS,
  MISSING
} from "../lib/format.31c9c2b5.js";
function cardNumber(metric, value) {
  return metric.unit === "andel" ? formatPercent(value) : formatInteger(value);
}
function spokenValue(metric, value) {
  if (value === null) return MISSING;
  if (metric.unit === "andel") return formatPercent(value);
  return `${formatInteger(value)} ${metric.unit === "kr" ? "kronor" : metric.unit}`;
}
export function shortReason(reason) {
  if (!reason) return null;
  if (/verksamhetssystem|lifecare|treserva|accorda|arena|överflytt/i.test(reason)) return "Byte av verksamhetssystem";
  const first = reason.split(/[:.]/)[0].trim();
  return first ? first[0].toUpperCase() + first.slice(1) : null;
}
function isComparable(c) {
  return c.comparable && c.value !== null;
}
function changeText(metric, c) {
  if (!isComparable(c) || c.change === null) return null;
  const against = formatMonthAbbr(c.month);
  const arrow = c.change > 0 ? "\u2191" : c.change < 0 ? "\u2193" : "\u2192";
  if (metric.unit === "andel") {
    const sign = c.change > 0 ? "+" : c.change < 0 ? MINUS : "\xB1";
    const points = formatPoints(c.change);
    return {
      arrow,
      text: `${sign}${points} mot ${against}`,
      spoken: `${c.change > 0 ? "\xD6kning" : c.change < 0 ? "Minskning" : "F\xF6r\xE4ndring"} ${points} mot ${formatMonth(c.month)}`
    };
  }
  if (c.changeShare === null) return null;
  const percent = formatSignedPercent(c.changeShare);
  const word = c.change > 0 ? "\xD6kning" : c.change < 0 ? "Minskning" : "Of\xF6r\xE4ndrat";
  return {
    arrow,
    text: `${percent} mot ${against}`,
    spoken: `${word}${c.change === 0 ? "" : ` ${formatPercent(Math.abs(c.changeShare))}`} mot ${formatMonth(c.month)}`
  };
}
export function kpiCard(metric, { title, subtitle, showChange = true, reasonLabel }) {
  assertMetric(metric, "kpiCard()");
  const last = metric.previousYear;
  const comparable = isComparable(last);
  const reason = comparable ? null : reasonLabel ?? shortReason(last.reason);
  const change = showChange ? changeText(metric, last) : null;
  const unitLabel = metric.unit === "andel" || metric.value === null ? null : metric.unit;
  const notes = [
    .../* @__PURE__ */ new Set([metric.value === null ? metric.missingReason : null, comparable ? null : last.reason])
  ].filter((note) => Boolean(note));
  const heading = [title, subtitle].filter(Boolean).join(" ");
  const spoken = [
    `${heading}: ${spokenValue(metric, metric.value)}${metric.value === null && metric.missingReason ? ` (${metric.missingReason.replace(/\.$/, "")})` : ""}.`,
    comparable ? `F\xF6reg\xE5ende \xE5r ${spokenValue(metric, last.value)}.` : `F\xF6reg\xE5ende \xE5r: ${MISSING}${reason ? `, ${reason.toLowerCase()}` : ""}.`,
    change ? `${change.spoken}.` : null
  ].filter(Boolean).join(" ");
  return html`<div class="card nr-kpi" role="group" aria-label=${spoken} data-metric=${metric.id}>
    <p class="nr-kpi-title">${title}</p>
    ${subtitle ? html`<p class="nr-kpi-subtitle">${subtitle}</p>` : null}
    <p class="nr-kpi-value">
      <span class="nr-kpi-number${metric.value === null ? " nr-kpi-missing" : ""}"
        >${cardNumber(metric, metric.value)}</span
      >
      ${unitLabel ? html`<span class="nr-kpi-unit">${unitLabel}</span>` : null}
    </p>
    ${comparable ? html`<p class="nr-kpi-previous" title=${last.reason ?? null}>
            Föregående år <strong>${cardNumber(metric, last.value)}</strong>
          </p>` : html`<p class="nr-kpi-previous nr-kpi-previous-missing">
            Föregående år: <strong>${MISSING}</strong>${reason ? " / " : null}${reason ? html`<span class="nr-kpi-reason" title=${last.reason ?? null}>${reason}</span>` : null}
          </p>`}
    ${change ? html`<p class="nr-kpi-change">
            <span class="nr-kpi-arrow" aria-hidden="true">${change.arrow}</span> ${change.text}
          </p>` : null}
    ${notes.map((note) => html`<p class="nr-kpi-note">${note}</p>`)}
  </div>`;
}
