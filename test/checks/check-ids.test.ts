// The review lists every finding by a stable id with a severity and a Swedish message. For the contract checks on keys,
// codes and the month a payment is for, a fixture delivery that breaks the check gives exactly that finding, and the
// clean minimal delivery gives none.
import {describe, expect, test} from "vitest";
import {checkDelivery} from "../../data-loaders/checks/validate.ts";
import {DELIVERY, minimalDelivery} from "../fixtures/minimal-delivery.ts";

type Options = Parameters<typeof minimalDelivery>[0];

const CASES: [check: string, broken: Options, expected: [id: string, severity: string, message: string]][] = [
  [
    "keys unique",
    {breaks: [["lifecare_eb_utbetalning", {kind: "duplicateKey"}]]},
    [
      "dubblett_nyckel:lifecare_eb_utbetalning.utbetalning_id",
      "fel",
      "leverans 2023-12-05: lifecare_eb_utbetalning.parquet, kolumn utbetalning_id: nyckeln är inte unik (1 dubblett)"
    ]
  ],
  [
    "keys not null",
    {breaks: [["ssbtek_slagning", {kind: "nullKey"}]]},
    [
      "tom_nyckel:ssbtek_slagning.slagning_id",
      "fel",
      "leverans 2023-12-05: ssbtek_slagning.parquet, kolumn slagning_id: nyckeln saknas på 1 rad"
    ]
  ],
  [
    "codes in the contract",
    {breaks: [["arena_inskrivning", {kind: "setValue", column: "avslutsorsak", value: "arbete"}]]},
    [
      "okand_kod:arena_inskrivning.avslutsorsak",
      "fel",
      "leverans 2023-12-05: arena_inskrivning.parquet, kolumn avslutsorsak: okänd kod 'arbete' (1 rad)"
    ]
  ],
  [
    "avser-månad not in the future",
    {change: (rows) => void (rows.lifecare_eb_utbetalning[0].avser_manad = "2024-02-01")},
    [
      "manad_efter_leverans:lifecare_eb_utbetalning.avser_manad",
      "fel",
      "leverans 2023-12-05: lifecare_eb_utbetalning.parquet, kolumn avser_manad: 1 rad avser en månad efter leveransmånaden 2023-12"
    ]
  ]
];

describe("checkDelivery(root, date, {quality: true}) ids", () => {
  test("the clean minimal delivery has no finding", async () => {
    expect(await checkDelivery(await minimalDelivery(), DELIVERY, {quality: true})).toEqual([]);
  });

  test.each(CASES)("%s: a breaking delivery gives its id, severity and message", async (_check, broken, expected) => {
    const findings = await checkDelivery(await minimalDelivery(broken), DELIVERY, {quality: true});
    expect(findings.map((f) => [f.id, f.severity, f.message])).toEqual([expected]);
  });
});
