// Efterregistrering: what changed in earlier months between two deliveries. Both deliveries are computed with the same
// metric code, so every difference comes from the data: late payments, late exit reasons, corrections.
import type {MetricResult} from "../../src/lib/metric-types.ts";
import type {LateChange} from "../../src/lib/review-types.ts";

export type {LateChange};

/** A changed value of a metric: the difference and its share of the earlier value (null when that was 0). */
export function changeOf(metric: MetricResult, month: string, before: number, after: number): LateChange {
  const difference = after - before;
  return {
    metric: metric.id,
    label: metric.label,
    unit: metric.unit,
    month,
    before,
    after,
    difference,
    share: before === 0 ? null : difference / before
  };
}

/** True when two values of a metric differ as shown: shares at one decimal of a per cent, the rest exactly. */
export function differs(unit: MetricResult["unit"], before: number, after: number): boolean {
  return unit === "andel" ? Math.round(before * 1000) !== Math.round(after * 1000) : Math.abs(after - before) > 1e-6;
}

/**
 * Compares the monthly series of the same metrics computed on an earlier and a later delivery. Only months present in
 * both with a value in both are compared; months on or after `until` are left out (the earlier delivery does not
 * cover them).
 */
export function lateChanges(
  before: Record<string, MetricResult>,
  after: Record<string, MetricResult>,
  until: string
): LateChange[] {
  const changes: LateChange[] = [];
  for (const [id, metric] of Object.entries(after)) {
    const old = before[id];
    if (!old) continue;
    const oldValues = new Map(old.series.map((p) => [p.month, p.value]));
    for (const point of metric.series) {
      if (point.month >= until) continue;
      const previous = oldValues.get(point.month);
      if (previous == null || point.value == null) continue;
      if (differs(metric.unit, previous, point.value))
        changes.push(changeOf(metric, point.month, previous, point.value));
    }
  }
  return changes.sort((a, b) => a.metric.localeCompare(b.metric) || a.month.localeCompare(b.month));
}
