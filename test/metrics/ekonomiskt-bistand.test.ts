import {beforeAll, describe, expect, test} from "vitest";
import {openDelivery} from "../../data-loaders/deliveries.ts";
import {ekonomisktBistand} from "../../data-loaders/metrics/ekonomiskt-bistand.ts";
import {tempExports, writeDelivery, type Rows} from "../fixtures/build-delivery.ts";

// A tiny municipality: households A (Treserva, long-term across the switch), B (Lifecare, late payment),
// C (integration unit), with members and exits.
const monthsOfPayments = (household: string, from: number, to: number, amount: number) =>
  Array.from({length: to - from + 1}, (_, i) => {
    const index = from + i; // months since 2020-01
    const y = 2020 + Math.floor(index / 12);
    const m = String((index % 12) + 1).padStart(2, "0");
    return {y, m, household, amount};
  });

function rows(): Rows {
  const treservaMonths = monthsOfPayments("HAAAAAA1", 0, 32, 10000); // 2020-01..2022-09
  const lifecareMonths = monthsOfPayments("HAAAAAA1", 33, 46, 10000); // 2022-10..2023-11
  return {
    treserva_arende: [
      {
        ARENDE_NR: "T0000001",
        HUSHALL_NYCKEL: "HAAAAAA1",
        ENHET: "ALF",
        NYANLAND_KVOT: "N",
        OPPNAT_DATUM: "20191201",
        FORSTA_BESLUT_DATUM: "20191215",
        AVSLUTAT_DATUM: "",
        REG_DATUM: "20191201"
      },
      {
        ARENDE_NR: "T0000002",
        HUSHALL_NYCKEL: "HCCCCCC3",
        ENHET: "INT",
        NYANLAND_KVOT: "J",
        OPPNAT_DATUM: "20220301",
        FORSTA_BESLUT_DATUM: "",
        AVSLUTAT_DATUM: "",
        REG_DATUM: "20220301"
      }
    ],
    treserva_utbetalning: treservaMonths.map((p, i) => ({
      UTBETALNING_NR: `TU${String(i).padStart(6, "0")}`,
      ARENDE_NR: "T0000001",
      PERIOD: `${p.y}${p.m}`,
      BELOPP: p.amount,
      UTBET_DATUM: `${p.y}${p.m}01`,
      REG_DATUM: `${p.y}${p.m}01`
    })),
    treserva_medlem: [
      {
        ARENDE_NR: "T0000001",
        PERSON_NYCKEL: "PAAAAAA1",
        ROLL: "SOK",
        FODELSEAR: 1980,
        FROM_DATUM: "20191201",
        TOM_DATUM: ""
      },
      {
        ARENDE_NR: "T0000001",
        PERSON_NYCKEL: "PAAAAAB2",
        ROLL: "BARN",
        FODELSEAR: 2012,
        FROM_DATUM: "20191201",
        TOM_DATUM: ""
      }
    ],
    lifecare_eb_insats: [
      {
        insats_id: "I0000001",
        hushall_id: "HAAAAAA1",
        enhet: "alf",
        is_nyanland_kvot: false,
        start_datum: "2019-12-15",
        slut_datum: null,
        registrerad_datum: "2022-10-01"
      },
      {
        insats_id: "I0000002",
        hushall_id: "HBBBBBB2",
        enhet: "alf",
        is_nyanland_kvot: false,
        start_datum: "2023-09-10",
        slut_datum: "2023-11-20",
        registrerad_datum: "2023-09-10"
      },
      {
        insats_id: "I0000003",
        hushall_id: "HCCCCCC3",
        enhet: "integration",
        is_nyanland_kvot: true,
        start_datum: "2023-01-10",
        slut_datum: null,
        registrerad_datum: "2023-01-10"
      }
    ],
    lifecare_eb_utredning: [
      {
        utredning_id: "U0000001",
        hushall_id: "HDDDDDD4",
        enhet: "alf",
        is_nyanland_kvot: false,
        oppnad_datum: "2023-11-25",
        avslutad_datum: null,
        utfall: null,
        registrerad_datum: "2023-11-25"
      }
    ],
    lifecare_eb_utbetalning: [
      ...lifecareMonths.map((p, i) => ({
        utbetalning_id: `LU${String(i).padStart(6, "0")}`,
        hushall_id: "HAAAAAA1",
        insats_id: "I0000001",
        avser_manad: `${p.y}-${p.m}-01`,
        belopp: p.amount,
        utbetald_datum: `${p.y}-${p.m}-01`,
        registrerad_datum: `${p.y}-${p.m}-01`
      })),
      {
        utbetalning_id: "LB000001",
        hushall_id: "HBBBBBB2",
        insats_id: "I0000002",
        avser_manad: "2023-10-01",
        belopp: 8000,
        utbetald_datum: "2023-10-01",
        registrerad_datum: "2023-10-01"
      },
      // Registered late: in the delivery of 2023-12-05 but after the one of 2023-11-05.
      {
        utbetalning_id: "LB000002",
        hushall_id: "HBBBBBB2",
        insats_id: "I0000002",
        avser_manad: "2023-10-01",
        belopp: 1500,
        utbetald_datum: "2023-11-15",
        registrerad_datum: "2023-11-15"
      }
    ],
    lifecare_eb_medlem: [
      {
        hushall_id: "HAAAAAA1",
        person_id: "PAAAAAA1",
        roll: "sokande",
        fodelsear: 1980,
        fran_datum: "2019-12-01",
        till_datum: null
      },
      {
        hushall_id: "HAAAAAA1",
        person_id: "PAAAAAB2",
        roll: "barn",
        fodelsear: 2012,
        fran_datum: "2019-12-01",
        till_datum: null
      },
      {
        hushall_id: "HBBBBBB2",
        person_id: "PBBBBBB1",
        roll: "sokande",
        fodelsear: 1990,
        fran_datum: "2023-09-10",
        till_datum: null
      }
    ],
    lifecare_eb_avslut: [
      {
        insats_id: "I0000002",
        person_id: "PBBBBBB1",
        avslut_datum: "2023-11-20",
        avslutsorsak: null,
        registrerad_datum: "2023-11-20"
      }
    ]
  };
}

describe("ekonomisktBistand(conn, {month})", () => {
  let root: string;
  beforeAll(async () => {
    root = await tempExports();
    await writeDelivery(root, "2023-12-05", rows());
  });

  test("ekonomisktBistand counts utbetalt by avser-månad, including a payment registered later", async () => {
    const eb = await ekonomisktBistand(await openDelivery(root, "2023-12-05"), {month: "2023-11", first: "2021-02"});
    const october = eb.metrics.utbetalt.series.find((p) => p.month === "2023-10");
    expect(october?.value).toBe(10000 + 8000 + 1500);
    expect(eb.metrics.utbetalningshushall.series.find((p) => p.month === "2023-10")?.value).toBe(2);
    expect(eb.metrics.utbetalt.value).toBe(10000);
  });

  test("ekonomisktBistand counts a household with 22 of 24 paid months as långvarig across the switch", async () => {
    const eb = await ekonomisktBistand(await openDelivery(root, "2023-12-05"), {month: "2023-11", first: "2021-02"});
    // Household A is paid every month since 2020-01, in Treserva and then Lifecare.
    expect(eb.metrics.langvariga.value).toBe(1);
    expect(eb.metrics.barn_langvariga.value).toBe(1);
    expect(eb.metrics.langvariga.series.find((p) => p.month === "2021-12")?.value).toBe(1);
    // In 2021-11 it had only 22 months of history (2020-01..2021-10), the first month it counts.
    expect(eb.metrics.langvariga.series.find((p) => p.month === "2021-11")?.value).toBe(1);
    expect(eb.metrics.langvariga.series.find((p) => p.month === "2021-10")?.value).toBe(0);
  });

  test("ekonomisktBistand flags hushåll med insats against last year as not comparable across 2022-10", async () => {
    const eb = await ekonomisktBistand(await openDelivery(root, "2023-12-05"), {month: "2022-11", first: "2020-02"});
    expect(eb.metrics.hushall_insats.previousYear.comparable).toBe(false);
    expect(eb.metrics.hushall_insats.previousYear.reason).toMatch(/Treserva till Lifecare/);
    expect(eb.metrics.utbetalt.previousYear.comparable).toBe(true);
  });

  test("ekonomisktBistand reports integrationsenheten as missing in 2022-11, not 0", async () => {
    const eb = await ekonomisktBistand(await openDelivery(root, "2023-12-05"), {month: "2022-11", first: "2020-02"});
    expect(eb.metrics.integration.value).toBeNull();
    expect(eb.metrics.integration.missingReason).toMatch(/integrationsenheten/);
    const later = await ekonomisktBistand(await openDelivery(root, "2023-12-05"), {month: "2023-11", first: "2021-02"});
    expect(later.metrics.integration.value).toBe(1);
    expect(later.metrics.integration.series.find((p) => p.month === "2022-08")?.value).toBe(1);
  });

  test("ekonomisktBistand counts stocks at the end of the month and new and ended insatser in it", async () => {
    const eb = await ekonomisktBistand(await openDelivery(root, "2023-12-05"), {month: "2023-11", first: "2021-02"});
    expect(eb.metrics.hushall_insats.value).toBe(2); // A and C; B ended 2023-11-20
    expect(eb.metrics.oppna_utredningar.value).toBe(1); // D
    expect(eb.metrics.avslutade_insatser.value).toBe(1);
    expect(eb.metrics.nya_insatser.series.find((p) => p.month === "2023-09")?.value).toBe(1);
    expect(eb.metrics.barn.value).toBe(1);
  });

  test("ekonomisktBistand counts an insats or a child's membership ending on the last day of M as ended in M", async () => {
    const changed = rows();
    // Household C's insats ends on the last day of October; its child is a member until the last day of September.
    changed.lifecare_eb_insats[2].slut_datum = "2023-10-31";
    changed.lifecare_eb_medlem.push({
      hushall_id: "HCCCCCC3",
      person_id: "PCCCCCB2",
      roll: "barn",
      fodelsear: 2015,
      fran_datum: "2023-01-10",
      till_datum: "2023-09-30"
    });
    const boundary = await tempExports();
    await writeDelivery(boundary, "2023-12-05", changed);
    const eb = await ekonomisktBistand(await openDelivery(boundary, "2023-12-05"), {
      month: "2023-11",
      first: "2021-02"
    });
    const at = (id: "hushall_insats" | "avslutade_insatser" | "barn", month: string) =>
      eb.metrics[id].series.find((p) => p.month === month)?.value;
    expect([at("hushall_insats", "2023-09"), at("hushall_insats", "2023-10")]).toEqual([3, 2]); // A, B, C; then A, B
    expect(at("avslutade_insatser", "2023-10")).toBe(1);
    expect([at("barn", "2023-08"), at("barn", "2023-09"), at("barn", "2023-10")]).toEqual([2, 1, 1]);
  });

  test("ekonomisktBistand withholds the exit reasons when the only exit would be given away by the total", async () => {
    const eb = await ekonomisktBistand(await openDelivery(root, "2023-12-05"), {month: "2023-11", first: "2021-02"});
    // One exit, reason not registered ("Ej registrerad"): a hidden cell of a total of 1 is 1, so no cell is shown.
    expect(eb.avslutsorsaker).toMatchObject({total: 1, cells: [], withheld: true});
  });
});

describe("ekonomisktBistand(conn, {month}) across the switch to Lifecare", () => {
  // Household E got assistance in Treserva in July 2022 and was still paid at the switch, so the migration gave it a
  // Lifecare insats with the original decision date (2022-07-12), registered 2022-10-01.
  const treservaCase = {
    ARENDE_NR: "T0000005",
    HUSHALL_NYCKEL: "HEEEEEE5",
    ENHET: "ALF",
    NYANLAND_KVOT: "N",
    OPPNAT_DATUM: "20220701",
    FORSTA_BESLUT_DATUM: "20220712",
    AVSLUTAT_DATUM: "",
    REG_DATUM: "20220701"
  };
  const migratedInsats = {
    insats_id: "I0000005",
    hushall_id: "HEEEEEE5",
    enhet: "alf",
    is_nyanland_kvot: false,
    start_datum: "2022-07-12",
    slut_datum: null,
    registrerad_datum: "2022-10-01"
  };
  const payment = (period: string) => ({
    UTBETALNING_NR: `TU${period}`,
    ARENDE_NR: "T0000005",
    PERIOD: period,
    BELOPP: 9000,
    UTBET_DATUM: `${period}25`,
    REG_DATUM: `${period}25`
  });
  const treservaOnly = (): Rows => ({
    treserva_arende: [treservaCase],
    treserva_utbetalning: ["202207", "202208"].map(payment)
  });

  test("ekonomisktBistand counts a migrated spell once, in Treserva's month, before and after the migration", async () => {
    const root = await tempExports();
    await writeDelivery(root, "2022-09-05", treservaOnly());
    await writeDelivery(root, "2022-11-05", {...treservaOnly(), lifecare_eb_insats: [migratedInsats]});
    const before = await ekonomisktBistand(await openDelivery(root, "2022-09-05"), {
      month: "2022-08",
      first: "2020-02"
    });
    const after = await ekonomisktBistand(await openDelivery(root, "2022-11-05"), {month: "2022-10", first: "2020-02"});
    const july = (eb: typeof before) => eb.metrics.nya_insatser.series.find((p) => p.month === "2022-07")?.value;
    expect(july(before)).toBe(1);
    expect(july(after)).toBe(1);
    // The copy starts no new insats in a Lifecare month either.
    expect(after.metrics.nya_insatser.value).toBe(0);
    // The household is counted by hushall_insats in both systems' months, once each.
    expect(after.metrics.hushall_insats.series.find((p) => p.month === "2022-09")?.value).toBe(1);
    expect(after.metrics.hushall_insats.value).toBe(1);
  });
});
