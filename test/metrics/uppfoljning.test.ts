import {describe, expect, test} from "vitest";
import {openDelivery} from "../../data-loaders/deliveries.ts";
import {uppfoljning} from "../../data-loaders/metrics/uppfoljning.ts";
import {tempExports, writeDelivery} from "../fixtures/build-delivery.ts";

const person = (i: number) => `PX${String(i).padStart(5, "0")}A`;

const exit = (i: number, end: string, reason: string | null) => ({
  inskrivning_id: `E00000${String(i).padStart(2, "0")}`,
  person_id: person(i),
  verksamhetsomrade: "praktik",
  start_datum: "2022-12-01",
  slut_datum: end,
  avslutsorsak: reason,
  is_migrerad: false,
  registrerad_datum: end
});

describe("uppfoljning(conn, {month})", () => {
  test("uppfoljning's unknown share is okänd plus not yet registered, over every exit of the month", async () => {
    const root = await tempExports();
    // Counts of at least 5 everywhere, so that the small-count rule hides nothing here.
    const counts: [string | null, number][] = [
      ["okand", 6],
      [null, 6],
      ["aterremitterad", 8],
      ["studier", 10],
      ["arbete_subventionerat", 10]
    ];
    const reasons = counts.flatMap(([reason, n]) => Array<string | null>(n).fill(reason));
    await writeDelivery(root, "2023-12-05", {arena_inskrivning: reasons.map((r, i) => exit(i, "2023-11-15", r))});
    const f = await uppfoljning(await openDelivery(root, "2023-12-05"), {month: "2023-11"});
    // 40 exits, återremitterade included in the denominator; okänd and ej registrerad are both unknown.
    expect(f.reasons.total).toBe(40);
    expect(f.unknownShare).toBe(0.3);
    expect(f.exitsExclReferredBack).toBe(32);
  });

  test("uppfoljning counts a person as on assistance when a membership overlaps the checkpoint month", async () => {
    const root = await tempExports();
    // Twenty persons left in 2023-03; six months later is 2023-09. Persons 0–5 are adult members of a household paid
    // for 2023-09 until 2023-09-10: on assistance that month, though no longer members at its end.
    await writeDelivery(root, "2023-12-05", {
      arena_inskrivning: Array.from({length: 20}, (_, i) => exit(i, "2023-03-20", "studier")),
      lifecare_eb_medlem: Array.from({length: 6}, (_, i) => ({
        hushall_id: "HQQQQQQ1",
        person_id: person(i),
        roll: i === 0 ? "sokande" : "medsokande",
        fodelsear: 1990,
        fran_datum: "2023-05-01",
        till_datum: "2023-09-10"
      })),
      lifecare_eb_utbetalning: [
        {
          utbetalning_id: "LU000001",
          hushall_id: "HQQQQQQ1",
          insats_id: "I0000001",
          avser_manad: "2023-09-01",
          belopp: 9000,
          utbetald_datum: "2023-09-01",
          registrerad_datum: "2023-09-01"
        }
      ]
    });
    const f = await uppfoljning(await openDelivery(root, "2023-12-05"), {month: "2023-11"});
    const march = f.cohorts.find((c) => c.month === "2023-03");
    expect(march?.cohortSize).toBe(20);
    expect(march?.withoutAssistance[6]).toBe(0.7);
    // Twelve months after March 2023 is not yet observable in November 2023.
    expect(march?.withoutAssistance[12]).toBeNull();
  });
});
