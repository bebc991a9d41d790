// Checks against the previous delivery and the report month, on hand-made profiles: each rule's id, severity and
// message, and nothing for late registration that only adds rows.
import {describe, expect, test} from "vitest";
import {CONTRACT} from "../../data-loaders/contract.ts";
import {allowedLoss, historyFindings, reportMonthFindings} from "../../data-loaders/checks/history.ts";
import type {DeliveryProfile, TableProfile} from "../../data-loaders/checks/profile.ts";
import {monthRange} from "../../src/lib/months.ts";

/** A table profile from month → rows (the content fingerprint follows the rows unless given). */
function table(months: Record<string, number>, hashes: Record<string, string> = {}): TableProfile {
  const entries = Object.entries(months).map(([m, rows]) => [m, {rows, hash: hashes[m] ?? `h${rows}`}] as const);
  return {rows: entries.reduce((sum, [, p]) => sum + p.rows, 0), months: Object.fromEntries(entries)};
}

/** Every contract table with one row in 2023-01, and the given tables replaced. */
function profile(tables: Record<string, TableProfile | null> = {}): DeliveryProfile {
  return Object.fromEntries(CONTRACT.map((t) => [t.name, t.name in tables ? tables[t.name] : table({"2023-01": 1})]));
}

/** A change elsewhere, so that the delivery is not identical to the previous one. */
const NEWER = {lifecare_eb_utbetalning: table({"2023-01": 1, "2023-11": 5})};

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");
const run = (now: DeliveryProfile, before: DeliveryProfile) =>
  historyFindings({delivery: "2023-12-05", profile: now}, {delivery: "2023-11-05", profile: before}).map((f) => [
    f.id,
    f.severity,
    plain(f.message)
  ]);

describe("historyFindings(current, previous)", () => {
  test("historyFindings finds nothing when late registration only adds rows", () => {
    const before = profile({lifecare_eb_utbetalning: table({"2023-09": 100, "2023-10": 90})});
    const now = profile({lifecare_eb_utbetalning: table({"2023-09": 101, "2023-10": 120, "2023-11": 80})});
    expect(run(now, before)).toEqual([]);
  });

  test("historyFindings: a delivery identical to the previous one is an error on its own", () => {
    expect(run(profile(), profile())).toEqual([
      [
        "identisk_leverans",
        "fel",
        "leverans 2023-12-05: varje tabell är identisk med leverans 2023-11-05, så leveransen innehåller inget nytt (ligger förra månadens uttag i mappen?)"
      ]
    ]);
  });

  test("historyFindings: a month losing rows beyond the tolerance is an error, within it a warning", () => {
    expect(allowedLoss(100)).toBe(3);
    expect(allowedLoss(2400)).toBe(24);
    const before = profile({
      lifecare_eb_utbetalning: table({"2023-06": 2460, "2023-11": 1954}),
      arena_inskrivning: table({"2023-10": 50})
    });
    const now = profile({
      lifecare_eb_utbetalning: table({"2023-06": 2458, "2023-11": 1226}),
      arena_inskrivning: table({"2023-10": 47, "2023-11": 10})
    });
    expect(run(now, before)).toEqual([
      [
        "manad_tappar_rader:lifecare_eb_utbetalning.avser_manad",
        "fel",
        "leverans 2023-12-05: lifecare_eb_utbetalning.parquet, kolumn avser_manad: 1 månad har färre rader än i leverans 2023-11-05, mer än toleransen (3 rader eller 1 %): 2023-11: 1 226 rader mot 1 954 (−728). Efterregistrering lägger till rader men tar inte bort dem"
      ],
      [
        "manad_farre_rader:lifecare_eb_utbetalning.avser_manad",
        "varning",
        "leverans 2023-12-05: lifecare_eb_utbetalning.parquet, kolumn avser_manad: 1 månad har något färre rader än i leverans 2023-11-05 (inom toleransen): 2023-06: 2 458 rader mot 2 460 (−2)"
      ],
      [
        "manad_farre_rader:arena_inskrivning.start_datum",
        "varning",
        "leverans 2023-12-05: arena_inskrivning.parquet, kolumn start_datum: 1 månad har något färre rader än i leverans 2023-11-05 (inom toleransen): 2023-10: 47 rader mot 50 (−3)"
      ]
    ]);
  });

  test("historyFindings: a frozen legacy table that changed is an error naming the months", () => {
    const before = profile({treserva_utbetalning: table({"2022-08": 2731, "2022-09": 2592})});
    const now = profile({
      treserva_utbetalning: table({"2022-08": 2731, "2022-09": 2600}, {"2022-08": "annan"}),
      ...NEWER
    });
    expect(run(now, before)).toEqual([
      [
        "legacy_andrad:treserva_utbetalning.PERIOD",
        "fel",
        "leverans 2023-12-05: treserva_utbetalning.parquet, kolumn PERIOD: Treserva används inte efter 2022-09 och tabellen ska vara oförändrad, men 2 månader skiljer sig från leverans 2023-11-05: 2022-08 (samma antal rader, ändrat innehåll), 2022-09 (2 592 → 2 600 rader)"
      ]
    ]);
  });

  test("historyFindings: a legacy table still in use at the previous delivery may change", () => {
    const before = profile({treserva_utbetalning: table({"2022-08": 10})});
    const now = profile({treserva_utbetalning: table({"2022-08": 10, "2022-09": 12})});
    expect(historyFindings({delivery: "2022-10-05", profile: now}, {delivery: "2022-09-05", profile: before})).toEqual(
      []
    );
  });

  test("historyFindings: a table emptied since the previous delivery is an error", () => {
    const before = profile({am_verkstallighet: table({"2023-10": 279, "2023-11": 49})});
    const now = profile({am_verkstallighet: table({}), ...NEWER});
    expect(run(now, before)).toEqual([
      [
        "tom_tabell:am_verkstallighet",
        "fel",
        "leverans 2023-12-05: am_verkstallighet.parquet har inga rader, men leverans 2023-11-05 hade 328 rader: tabellen ska innehålla hela historiken"
      ]
    ]);
  });

  test("historyFindings skips a table that is unreadable in either delivery", () => {
    const before = profile({arena_inskrivning: null});
    const now = profile({arena_inskrivning: table({}), ...NEWER});
    expect(run(now, before)).toEqual([]);
  });
});

describe("reportMonthFindings(delivery, profile, month)", () => {
  const year = (last: string, rows: number) => Object.fromEntries(monthRange("2022-11", last).map((m) => [m, rows]));

  test("reportMonthFindings: no rows for the report month after twelve months with rows is an error", () => {
    const findings = reportMonthFindings(
      "2023-12-05",
      profile({arena_inskrivning: table(year("2023-10", 60)), lifecare_eb_avslut: table(year("2023-11", 200))}),
      "2023-11"
    );
    expect(findings.map((f) => [f.id, f.severity, plain(f.message)])).toEqual([
      [
        "rapportmanad_saknas:arena_inskrivning.start_datum",
        "fel",
        "leverans 2023-12-05: arena_inskrivning.parquet, kolumn start_datum: inga rader för rapportmånaden 2023-11, men var och en av de 12 månaderna före (2022-11–2023-10) har rader (minst 60, i snitt 60 per månad)"
      ]
    ]);
  });

  test("reportMonthFindings skips months with a gap before them and legacy systems no longer in use", () => {
    const gap = {...year("2023-10", 60), "2023-03": 0};
    const findings = reportMonthFindings(
      "2023-12-05",
      profile({arena_inskrivning: table(gap), treserva_utbetalning: table(year("2023-10", 100))}),
      "2023-11"
    );
    expect(findings).toEqual([]);
  });
});
