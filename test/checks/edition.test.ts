// The review's edition checks on fixture deliveries: the report month covered, row counts against the previous
// delivery, and breakdowns that add up to their headline metric. Each broken case gives its id and message; the clean
// minimal delivery gives none.
import {describe, expect, test} from "vitest";
import {breakdownSumFindings, coverageFindings, rowCountFindings} from "../../data-loaders/checks/edition.ts";
import {readManifest} from "../../data-loaders/checks/manifest.ts";
import {openDelivery} from "../../data-loaders/deliveries.ts";
import {arbetsmarknad} from "../../data-loaders/metrics/arbetsmarknad.ts";
import {writeDelivery} from "../fixtures/build-delivery.ts";
import {DELIVERY, minimalDelivery, minimalRows} from "../fixtures/minimal-delivery.ts";

const manifestOf = (root: string, delivery: string) => readManifest(root, delivery).manifest!;

describe("coverageFindings(conn, delivery, month)", () => {
  test("finds nothing when the delivery has payments for the report month", async () => {
    const root = await minimalDelivery();
    expect(await coverageFindings(await openDelivery(root, DELIVERY), DELIVERY, "2023-11")).toEqual([]);
  });

  test("is an error when no payment is for the report month", async () => {
    const root = await minimalDelivery({
      change: (rows) => {
        rows.lifecare_eb_utbetalning = rows.lifecare_eb_utbetalning.filter((r) => r.avser_manad !== "2023-11-01");
      }
    });
    const findings = await coverageFindings(await openDelivery(root, DELIVERY), DELIVERY, "2023-11");
    expect(findings.map((f) => [f.id, f.severity, f.message])).toEqual([
      [
        "manad_saknas:eb_payments.avser_manad",
        "fel",
        "leverans 2023-12-05: treserva_utbetalning.parquet / lifecare_eb_utbetalning.parquet, kolumn avser_manad: ingen utbetalning avser rapportmånaden 2023-11, så leveransen täcker inte månaden"
      ]
    ]);
  });

  test("is an error when the delivery is dated before the month ends", async () => {
    const root = await minimalDelivery();
    const findings = await coverageFindings(await openDelivery(root, DELIVERY), DELIVERY, "2023-12");
    expect(findings.map((f) => [f.id, f.severity, f.message])).toEqual([
      [
        "leverans_fore_manadsslut",
        "fel",
        "leverans 2023-12-05: leveransen är gjord före utgången av 2023-12 och täcker inte hela rapportmånaden"
      ]
    ]);
  });
});

describe("rowCountFindings(current, previous)", () => {
  test("warns about a table whose row count moved more than 10 % since the previous delivery", async () => {
    const root = await minimalDelivery();
    const earlier = minimalRows();
    // The previous delivery had twice as many Arena enrolments (rows that later disappeared).
    earlier.arena_inskrivning = [
      ...earlier.arena_inskrivning,
      ...earlier.arena_inskrivning.map((r, i) => ({...r, inskrivning_id: `E10000${i}`}))
    ];
    await writeDelivery(root, "2023-11-05", earlier);
    const current = manifestOf(root, DELIVERY);
    const findings = rowCountFindings(current, manifestOf(root, "2023-11-05"));
    const n = earlier.arena_inskrivning.length;
    expect(findings.map((f) => [f.id, f.severity, f.count, f.message])).toEqual([
      [
        "antal_rader_andrat:arena_inskrivning",
        "varning",
        n / 2 - n,
        `leverans 2023-12-05: arena_inskrivning.parquet: ${n / 2} rader mot ${n} i leverans 2023-11-05 (−50,0\u00a0%), mer än ±10\u00a0%`
      ]
    ]);
  });

  test("finds nothing against an unchanged previous delivery or without one", async () => {
    const root = await minimalDelivery();
    await writeDelivery(root, "2023-11-05", minimalRows());
    const current = manifestOf(root, DELIVERY);
    expect(rowCountFindings(current, manifestOf(root, "2023-11-05"))).toEqual([]);
    expect(rowCountFindings(current, null)).toEqual([]);
  });
});

describe("breakdownSumFindings(delivery, breakdowns, metrics)", () => {
  test("finds nothing for the minimal delivery's arbetsmarknad section", async () => {
    const am = await arbetsmarknad(await openDelivery(await minimalDelivery(), DELIVERY), {
      month: "2023-11",
      first: "2023-02"
    });
    expect(breakdownSumFindings(DELIVERY, [am.fordelning, am.avslutsorsaker], am.metrics)).toEqual([]);
  });

  test("warns when exit reasons do not add up to the exits, or areas to less than the participants", async () => {
    const am = await arbetsmarknad(await openDelivery(await minimalDelivery(), DELIVERY), {
      month: "2023-11",
      first: "2023-02"
    });
    const exits = {...am.avslutsorsaker, total: am.metrics.am_avslutade.value! + 2};
    const areas = {...am.fordelning, total: am.metrics.am_inskrivna.value! - 1};
    const findings = breakdownSumFindings(DELIVERY, [areas, exits], am.metrics);
    expect(findings.map((f) => [f.id, f.severity, f.count])).toEqual([
      ["fordelning_summerar_inte:am_avslut", "varning", 2],
      ["fordelning_summerar_inte:am_fordelning", "varning", -1]
    ]);
    expect(findings[0].message).toBe(
      `leverans 2023-12-05: fördelningen "Avslut från arbetsmarknadsinsatser per avslutsorsak" summerar till ${exits.total} för 2023-11, men ska vara lika med "Avslut från arbetsmarknadsinsatser" (${am.metrics.am_avslutade.value})`
    );
  });
});
