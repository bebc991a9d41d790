// The four headline cards of Bilaga 1: the value for the report month and the same month the previous year.
import {html} from "htl";
import {assertMetric} from "../lib/strict.js";
import type {Comparison, MetricResult} from "../lib/metric-types.js";
import {
  formatInteger,
  formatMonth,
  formatMonthAbbr,
  formatPercent,
  formatPoints,
  formatSignedPercent,
  MINUS,
  MISSING
} from "../lib/format.js";

export interface KpiCardOptions {
  /** "Utbetalt ekonomiskt bistånd". */
  title: string;
  /** "för aktuell månad (november 2023)". */
  subtitle?: string;
  /** Show the change against the same month last year ("+0,8 % mot nov 2022"); default true. */
  showChange?: boolean;
  /** Short text after "uppgift saknas" when last year cannot be compared; derived from the reason by default. */
  reasonLabel?: string;
}

/** The big number: counts and kronor without unit (the unit is a separate label), shares with "%". */
function cardNumber(metric: MetricResult, value: number | null): string {
  return metric.unit === "andel" ? formatPercent(value) : formatInteger(value);
}

/** The unit as spoken: "22 632 677 kronor", "2 122 hushåll". */
function spokenValue(metric: MetricResult, value: number | null): string {
  if (value === null) return MISSING;
  if (metric.unit === "andel") return formatPercent(value);
  return `${formatInteger(value)} ${metric.unit === "kr" ? "kronor" : metric.unit}`;
}

/**
 * The short reason shown on the card, like the seed's "Byte av verksamhetssystem": a reason about the system switch
 * or the migration gets that wording, other reasons their first clause.
 */
export function shortReason(reason: string | null): string | null {
  if (!reason) return null;
  if (/verksamhetssystem|lifecare|treserva|accorda|arena|överflytt/i.test(reason)) return "Byte av verksamhetssystem";
  const first = reason.split(/[:.]/)[0].trim();
  return first ? first[0].toUpperCase() + first.slice(1) : null;
}

function isComparable(c: Comparison): boolean {
  return c.comparable && c.value !== null;
}

function changeText(metric: MetricResult, c: Comparison): {arrow: string; text: string; spoken: string} | null {
  if (!isComparable(c) || c.change === null) return null;
  const against = formatMonthAbbr(c.month);
  const arrow = c.change > 0 ? "↑" : c.change < 0 ? "↓" : "→";
  if (metric.unit === "andel") {
    const sign = c.change > 0 ? "+" : c.change < 0 ? MINUS : "±";
    const points = formatPoints(c.change);
    return {
      arrow,
      text: `${sign}${points} mot ${against}`,
      spoken: `${c.change > 0 ? "Ökning" : c.change < 0 ? "Minskning" : "Förändring"} ${points} mot ${formatMonth(c.month)}`
    };
  }
  if (c.changeShare === null) return null;
  const percent = formatSignedPercent(c.changeShare);
  const word = c.change > 0 ? "Ökning" : c.change < 0 ? "Minskning" : "Oförändrat";
  return {
    arrow,
    text: `${percent} mot ${against}`,
    spoken: `${word}${c.change === 0 ? "" : ` ${formatPercent(Math.abs(c.changeShare))}`} mot ${formatMonth(c.month)}`
  };
}

/**
 * A headline card: title, subtitle, the value for the report month, "Föregående år <value>" and the change against
 * that month. When last year cannot be compared (a series break or a gap) the card says "Föregående år: uppgift
 * saknas / Byte av verksamhetssystem" with the full reason as a footnote. The card is a group whose aria-label
 * reads the whole card as one sentence.
 */
export function kpiCard(
  metric: MetricResult,
  {title, subtitle, showChange = true, reasonLabel}: KpiCardOptions
): HTMLElement {
  assertMetric(metric, "kpiCard()");
  const last = metric.previousYear;
  const comparable = isComparable(last);
  const reason = comparable ? null : (reasonLabel ?? shortReason(last.reason));
  const change = showChange ? changeText(metric, last) : null;
  const unitLabel = metric.unit === "andel" || metric.value === null ? null : metric.unit;
  const notes = [
    ...new Set([metric.value === null ? metric.missingReason : null, comparable ? null : last.reason])
  ].filter((note): note is string => Boolean(note));

  const heading = [title, subtitle].filter(Boolean).join(" ");
  const spoken = [
    `${heading}: ${spokenValue(metric, metric.value)}${metric.value === null && metric.missingReason ? ` (${metric.missingReason.replace(/\.$/, "")})` : ""}.`,
    comparable
      ? `Föregående år ${spokenValue(metric, last.value)}.`
      : `Föregående år: ${MISSING}${reason ? `, ${reason.toLowerCase()}` : ""}.`,
    change ? `${change.spoken}.` : null
  ]
    .filter(Boolean)
    .join(" ");

  return html`<div class="card nr-kpi" role="group" aria-label=${spoken} data-metric=${metric.id}>
    <p class="nr-kpi-title">${title}</p>
    ${subtitle ? html`<p class="nr-kpi-subtitle">${subtitle}</p>` : null}
    <p class="nr-kpi-value">
      <span class="nr-kpi-number${metric.value === null ? " nr-kpi-missing" : ""}"
        >${cardNumber(metric, metric.value)}</span
      >
      ${unitLabel ? html`<span class="nr-kpi-unit">${unitLabel}</span>` : null}
    </p>
    ${
      comparable
        ? html`<p class="nr-kpi-previous" title=${last.reason ?? null}>
            Föregående år <strong>${cardNumber(metric, last.value)}</strong>
          </p>`
        : html`<p class="nr-kpi-previous nr-kpi-previous-missing">
            Föregående år: <strong>${MISSING}</strong>${
              reason ? " / " : null
            }${reason ? html`<span class="nr-kpi-reason" title=${last.reason ?? null}>${reason}</span>` : null}
          </p>`
    }
    ${
      change
        ? html`<p class="nr-kpi-change">
            <span class="nr-kpi-arrow" aria-hidden="true">${change.arrow}</span> ${change.text}
          </p>`
        : null
    }
    ${notes.map((note) => html`<p class="nr-kpi-note">${note}</p>`)}
  </div>`;
}
