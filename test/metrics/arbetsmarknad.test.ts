import {beforeAll, describe, expect, test} from "vitest";
import {openDelivery} from "../../data-loaders/deliveries.ts";
import {amReactualisation, arbetsmarknad} from "../../data-loaders/metrics/arbetsmarknad.ts";
import {uppfoljning} from "../../data-loaders/metrics/uppfoljning.ts";
import {tempExports, writeDelivery} from "../fixtures/build-delivery.ts";

const accorda = (nr: string, person: string, area: string, start: string, end: string, reason: string) => ({
  INSKRIVNING_NR: nr,
  DELTAGAR_NR: person,
  VERKSAMHET: area,
  INSKRIVEN: start,
  UTSKRIVEN: end,
  AVSLUTSKOD: reason,
  REG_DATUM: end || start
});
const arena = (
  id: string,
  person: string,
  area: string,
  start: string,
  end: string | null,
  reason: string | null,
  migrated = false
) => ({
  inskrivning_id: id,
  person_id: person,
  verksamhetsomrade: area,
  start_datum: start,
  slut_datum: end,
  avslutsorsak: reason,
  is_migrerad: migrated,
  registrerad_datum: end ?? start
});

describe("arbetsmarknad(conn, {month})", () => {
  let root: string;
  beforeAll(async () => {
    root = await tempExports();
    await writeDelivery(root, "2023-12-05", {
      accorda_deltagare: [
        accorda("A0000001", "PAAAAAA1", "JC", "2022-03-01", "", ""), // still open when Accorda froze
        accorda("A0000002", "PBBBBBB1", "PR", "2022-01-10", "2022-06-30", "AE"),
        accorda("A0000003", "PCCCCCC1", "AT", "2022-08-01", "2022-08-31", "AR")
      ],
      arena_inskrivning: [
        arena("E0000001", "PAAAAAA1", "jobbcenter", "2022-11-01", null, null, true),
        arena("E0000002", "PBBBBBB1", "praktik", "2023-03-01", "2023-11-10", "studier"),
        arena("E0000003", "PDDDDDD1", "praktik", "2023-11-02", null, null)
      ],
      lifecare_eb_medlem: [
        {
          hushall_id: "HBBBBBB1",
          person_id: "PBBBBBB1",
          roll: "sokande",
          fodelsear: 1990,
          fran_datum: "2021-01-01",
          till_datum: null
        }
      ],
      lifecare_eb_utbetalning: [
        {
          utbetalning_id: "LU000001",
          hushall_id: "HBBBBBB1",
          insats_id: "I0000009",
          avser_manad: "2023-01-01",
          belopp: 9000,
          utbetald_datum: "2023-01-01",
          registrerad_datum: "2023-01-01"
        }
      ]
    });
  });

  test("arbetsmarknad counts each month from the system that covered it", async () => {
    const am = await arbetsmarknad(await openDelivery(root, "2023-12-05"), {month: "2023-11", first: "2021-02"});
    expect(am.metrics.am_inskrivna.value).toBe(3);
    // 2022-10 from Accorda: A (open) only; B ended in June, C in August.
    expect(am.metrics.am_inskrivna.series.find((p) => p.month === "2022-10")?.value).toBe(1);
    expect(am.metrics.am_inskrivna.series.find((p) => p.month === "2022-11")?.value).toBe(1);
    expect(am.metrics.am_nya.value).toBe(1);
    expect(am.metrics.am_avslutade.value).toBe(1);
  });

  test("arbetsmarknad does not report new enrolments for 2022-11..12", async () => {
    const am = await arbetsmarknad(await openDelivery(root, "2023-12-05"), {month: "2023-11", first: "2021-02"});
    expect(am.metrics.am_nya.series.filter((p) => p.value === null).map((p) => p.month)).toEqual([
      "2022-11",
      "2022-12"
    ]);
  });

  test("amReactualisation counts a return within a year as re-actualised", async () => {
    const conn = await openDelivery(root, "2023-12-05");
    // Cohort for 2023-06: exits 2021-07..2022-06 → B (2022-06-30), back 2023-03-01, 244 days later.
    const june = await amReactualisation(conn, {from: "2022-06", month: "2023-06"});
    expect(june.current).toEqual({cohortSize: 1, returned: 1});
    // A cohort of one gives no share: it is hidden, and the metric says why.
    expect(june.values.get("2023-06")).toMatchObject({value: null, hidden: true});
    // Cohort for 2023-05: exits 2021-06..2022-05 → nobody.
    expect((await amReactualisation(conn, {from: "2022-05", month: "2023-05"})).current).toEqual({
      cohortSize: 0,
      returned: 0
    });
    // Cohort for 2023-08: exits 2021-09..2022-08 → B and C.
    expect((await amReactualisation(conn, {from: "2022-08", month: "2023-08"})).current.cohortSize).toBe(2);
    const am = await arbetsmarknad(conn, {month: "2023-06", first: "2021-02"});
    expect(am.metrics.ateraktualiserade_am.missingReason).toMatch(/^Andelen visas inte \(dolt\)/);
    expect(am).not.toHaveProperty("reactualisation");
  });

  test("uppfoljning excludes återremitterade and checks assistance 6 months after exit", async () => {
    const f = await uppfoljning(await openDelivery(root, "2023-12-05"), {month: "2023-11"});
    // One exit in the month: no choice of hidden cells protects it, so the reasons are withheld and the figures
    // derived from them hidden.
    expect(f.reasons).toMatchObject({total: 1, cells: [], withheld: true});
    expect(f.exitsExclReferredBack).toBeNull();
    expect(f.hidden).toEqual({exitsExclReferredBack: "sekundar", unknownShare: "primar"});
    // B left in June 2022; six months later (2022-12) no payment, twelve months later (2023-06) no payment.
    const june = f.cohorts.find((c) => c.month === "2022-06");
    expect(june?.cohortSize).toBe(1);
    // A cohort of one gives no share (denominator under 10): hidden, not missing.
    expect(june?.withoutAssistance[6]).toBeNull();
    expect(june?.hidden?.[6]).toBe("primar");
    // August 2022 exit was återremitterad: no cohort.
    expect(f.cohorts.find((c) => c.month === "2022-08")).toBeUndefined();
  });
});

describe("arbetsmarknad(conn, {month}) programme areas", () => {
  test("arbetsmarknad gives am_fordelning the distinct persons as total when a person is in two areas", async () => {
    const root = await tempExports();
    const persons = ["PAAAAAA1", "PBBBBBB1", "PCCCCCC1", "PDDDDDD1", "PEEEEEE1", "PFFFFFF1"];
    await writeDelivery(root, "2023-12-05", {
      arena_inskrivning: [
        ...persons.map((p, i) => arena(`E000000${i}`, p, "praktik", "2023-10-02", null, null)),
        // Five of them also take part in jobbcenter.
        ...persons.slice(0, 5).map((p, i) => arena(`E000010${i}`, p, "jobbcenter", "2023-11-06", null, null))
      ]
    });
    const am = await arbetsmarknad(await openDelivery(root, "2023-12-05"), {month: "2023-11", first: "2023-02"});
    expect(am.metrics.am_inskrivna.value).toBe(6);
    expect(am.fordelning.total).toBe(6);
    expect(am.fordelning.overlapping).toBe(true);
    expect(am.fordelning.cells.map((c) => [c.key, c.value])).toEqual([
      ["praktik", 6],
      ["jobbcenter", 5]
    ]);
    // Exit reasons count each exit once: no overlap marker, the total is the sum.
    expect(am.avslutsorsaker.overlapping).toBeUndefined();
  });
});

describe("amReactualisation(conn, {from, month}) across the switch to Arena", () => {
  // Person P took part in two areas in Accorda. Praktik ended 2022-06-30 (an exit); jobbcenter was still open when
  // Accorda froze, so the migration copied it into Arena with start 2022-11-01. Person Q really came back that day.
  async function reactualised(copyIsMigrated: boolean) {
    const root = await tempExports();
    await writeDelivery(root, "2023-12-05", {
      accorda_deltagare: [
        accorda("A0000001", "PPPPPPP1", "PR", "2022-01-10", "2022-06-30", "AE"),
        accorda("A0000002", "PPPPPPP1", "JC", "2022-02-01", "", "")
      ],
      arena_inskrivning: [arena("E0000001", "PPPPPPP1", "jobbcenter", "2022-11-01", null, null, copyIsMigrated)]
    });
    // Cohort for 2023-08: exits 2021-09..2022-08.
    return (await amReactualisation(await openDelivery(root, "2023-12-05"), {from: "2023-08", month: "2023-08"}))
      .current;
  }

  test("amReactualisation does not count a migrated Arena enrolment (start 2022-11-01) as a new enrolment", async () => {
    expect(await reactualised(true)).toEqual({cohortSize: 1, returned: 0});
  });

  test("amReactualisation counts a real new Arena enrolment on 2022-11-01 as a return", async () => {
    expect(await reactualised(false)).toEqual({cohortSize: 1, returned: 1});
  });
});
