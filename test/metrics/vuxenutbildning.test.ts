import {describe, expect, test} from "vitest";
import {openDelivery} from "../../data-loaders/deliveries.ts";
import {vuxenutbildning} from "../../data-loaders/metrics/vuxenutbildning.ts";
import {tempExports, writeDelivery} from "../fixtures/build-delivery.ts";

const student = (i: number) => `E${String(i).padStart(6, "0")}A`;
const admission = (i: number, provider: string, type: string, period: string, dates: [string, string, string]) => ({
  antagning_id: `V${String(i).padStart(7, "0")}`,
  elev_id: student(i),
  anordnare: provider,
  kurstyp: type,
  period,
  antagen_datum: dates[0],
  kurs_start: dates[1],
  kurs_slut: dates[2]
});

describe("vuxenutbildning(conn, {month})", () => {
  test("vuxenutbildning counts students per provider on the last day of the month and admissions per course type", async () => {
    const root = await tempExports();
    const running: [string, string, string] = ["2023-08-01", "2023-08-14", "2023-10-20"];
    await writeDelivery(root, "2023-12-05", {
      vux_antagning: [
        // Running on 2023-10-31: 3 at Linvux, 2 at NTI (one of them in two courses, counted once).
        ...[0, 1, 2].map((i) =>
          admission(i, "linvux", "gymnasial_enstaka", "2023-5", ["2023-10-01", "2023-10-09", "2023-12-20"])
        ),
        admission(3, "nti", "gymnasial_enstaka", "2023-5", ["2023-10-01", "2023-10-09", "2023-12-20"]),
        {
          ...admission(3, "nti", "kurspaket", "2023-5", ["2023-09-01", "2023-09-04", "2024-03-01"]),
          antagning_id: "V9000003"
        },
        admission(4, "nti", "kurspaket", "2023-5", ["2023-09-01", "2023-09-04", "2024-03-01"]),
        // Ended before the reference date: not a student on it, but admitted in period 2023-4.
        admission(5, "astar", "gymnasial_enstaka", "2023-4", running),
        // A basic course admitted inside the 91 days before the reference date, and one before them.
        admission(6, "hermods", "grundlaggande", "2023-4", ["2023-09-15", "2023-09-18", "2023-10-15"]),
        admission(7, "hermods", "grundlaggande", "2023-3", ["2023-06-15", "2023-06-18", "2023-07-15"])
      ]
    });
    const vux = await vuxenutbildning(await openDelivery(root, "2023-12-05"), {month: "2023-10"});
    expect(vux.referenceDate).toBe("2023-10-31");
    expect(vux.period).toBe("2023-5");
    expect(vux.elever.total).toBe(5);
    expect(vux.elever.cells.filter((c) => c.value).map((c) => [c.key, c.value])).toEqual([
      ["linvux", 3],
      ["nti", 2]
    ]);
    const cells = (b: {cells: {key: string; value: number | null}[]}) =>
      b.cells.filter((c) => c.value).map((c) => [c.key, c.value]);
    expect(cells(vux.antagna.gymnasial_enstaka)).toEqual([
      ["linvux", 3],
      ["nti", 1]
    ]);
    expect(cells(vux.antagna.kurspaket)).toEqual([["nti", 2]]);
    expect(vux.grundlaggande).toEqual({from: "2023-08-01", to: "2023-10-31"});
    expect(cells(vux.antagna.grundlaggande)).toEqual([["hermods", 1]]);
  });
});
