// metricRows: the review's flags per metric, each fact once, and a share's threshold in procentenheter.
import {describe, expect, test} from "vitest";
import {metricRows} from "../../data-loaders/review/review.ts";
import type {MetricResult} from "../../src/lib/metric-types.ts";
import {aktuellaHushall, ateraktualiserade, utbetalt} from "../components/fixtures.ts";

const ENDED = "Aktuella hushåll är Treservas mått och redovisas inte efter december 2022.";

describe("metricRows", () => {
  test("a series break behind the missing value and both comparisons is flagged once", () => {
    const ended: MetricResult = {
      ...aktuellaHushall,
      missingReason: ENDED,
      previousMonth: {...aktuellaHushall.previousMonth, comparable: false, reason: ENDED},
      previousYear: {...aktuellaHushall.previousYear, comparable: false, reason: ENDED}
    };
    const [row] = metricRows({aktuella_hushall: ended}, 0.1);
    expect(row.flags).toEqual([{kind: "seriebrott", message: ENDED}]);
  });

  test("one break behind both comparisons reads 'Mot föregående månad och år'", () => {
    const reason = "Byte av verksamhetssystem.";
    const metric: MetricResult = {
      ...utbetalt,
      previousMonth: {...utbetalt.previousMonth, reason},
      previousYear: {...utbetalt.previousYear, reason}
    };
    expect(metricRows({utbetalt: metric}, 0.5)[0].flags).toEqual([
      {kind: "seriebrott", message: `Mot föregående månad och år: ${reason}`}
    ]);
  });

  test("a share over the threshold is flagged in procentenheter, not per cent of a per cent", () => {
    // 19,6 % → 24,2 %: +4,6 procentenheter, 23,5 % of the earlier share.
    const share: MetricResult = {
      ...ateraktualiserade,
      value: 0.242,
      previousMonth: {month: "2023-01", value: 0.242, change: 0, changeShare: 0, comparable: true, reason: null},
      previousYear: {
        month: "2022-02",
        value: 0.196,
        change: 0.046,
        changeShare: 0.046 / 0.196,
        comparable: true,
        reason: null
      }
    };
    expect(metricRows({ateraktualiserade_eb: share}, 0.1)[0].flags).toEqual([
      {
        kind: "troskel",
        message:
          "Mot föregående år: förändringen +4,6 procentenheter är större än ±2,0 procentenheter (±10 % av 19,6\u00a0%)"
      }
    ]);
  });
});
