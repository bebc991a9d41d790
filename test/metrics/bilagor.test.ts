import {describe, expect, test} from "vitest";
import {openDelivery} from "../../data-loaders/deliveries.ts";
import {bilagor} from "../../data-loaders/metrics/bilagor.ts";
import {tempExports, writeDelivery} from "../fixtures/build-delivery.ts";

const key = (prefix: string, i: number) => `${prefix}${String(i).padStart(7, "0")}`;
const household = (i: number) => `H${String(i).padStart(6, "0")}A`;
const person = (i: number) => `P${String(i).padStart(6, "0")}A`;

describe("bilagor(conn, {month})", () => {
  test("bilagor gives one row per month of the report year with applications, decisions, look-ups and referrals", async () => {
    const root = await tempExports();
    const decision = (i: number, day: string, extra: object = {}) => ({
      beslut_id: key("B", i),
      hushall_id: household(i % 6),
      ansokan_datum: day,
      beslut_datum: day,
      beslut_typ: "bifall",
      is_nyansokan: false,
      avslagsgrund: null,
      source_system: "lifecare",
      ...extra
    });
    const refusal = {beslut_typ: "avslag", is_nyansokan: true, avslagsgrund: "andrahandsavtal"};
    await writeDelivery(root, "2023-04-05", {
      eb_ansokan_beslut: [
        // January: 8 decisions from 6 households, none refused for a second-hand contract.
        ...Array.from({length: 8}, (_, i) => decision(i, "2023-01-10")),
        // February: 6 decisions, 5 of them new applications refused for a second-hand contract.
        ...Array.from({length: 6}, (_, i) => decision(20 + i, "2023-02-10", i < 5 ? refusal : {})),
        // March: 2 refusals for a second-hand contract (1–4: hidden), one of them no new application (not counted).
        decision(40, "2023-03-10", refusal),
        decision(41, "2023-03-11", refusal),
        decision(42, "2023-03-12", {...refusal, is_nyansokan: false})
      ],
      ssbtek_slagning: [
        // The robot starts in February; persons are counted once a month.
        ...Array.from({length: 7}, (_, i) => ({
          slagning_id: key("S", i),
          slagning_datum: "2023-01-15",
          utford_av: "handlaggare",
          person_id: person(i % 5)
        })),
        ...Array.from({length: 6}, (_, i) => ({
          slagning_id: key("S", 100 + i),
          slagning_datum: "2023-02-15",
          utford_av: i < 4 ? "robot" : "handlaggare",
          person_id: person(i)
        }))
      ],
      am_anvisning: [
        ...Array.from({length: 7}, (_, i) => ({
          anvisning_id: key("V", i),
          person_id: person(i % 6),
          hushall_id: household(i),
          anvisad_datum: "2023-03-01",
          status: i === 6 ? "avvisad" : "aktiv"
        }))
      ],
      am_verkstallighet: Array.from({length: 9}, (_, i) => ({
        verkstallighet_id: key("X", i),
        hushall_id: household(i % 7),
        oppnad_datum: "2023-02-20"
      }))
    });
    const {rows} = await bilagor(await openDelivery(root, "2023-04-05"), {month: "2023-03"});
    expect(rows.map(({month, ...r}) => [month, r])).toEqual([
      [
        "2023-01",
        {
          ansokande_hushall: 6,
          beslut: 8,
          ssbtek_handlaggare: 7,
          ssbtek_robot: null,
          kontrollerade_individer: 5,
          anvisade_individer: 0,
          oppnade_verkstalligheter: 0,
          andrahandsavtal_avslag: 0
        }
      ],
      [
        "2023-02",
        {
          ansokande_hushall: 6,
          beslut: 6,
          ssbtek_handlaggare: 2,
          ssbtek_robot: 4,
          kontrollerade_individer: 6,
          anvisade_individer: 0,
          oppnade_verkstalligheter: 7,
          andrahandsavtal_avslag: 5
        }
      ],
      [
        "2023-03",
        {
          ansokande_hushall: 3,
          beslut: 3,
          ssbtek_handlaggare: 0,
          ssbtek_robot: 0,
          kontrollerade_individer: 0,
          // Six distinct persons; the seventh referral was rejected (avvisad).
          anvisade_individer: 6,
          oppnade_verkstalligheter: 0,
          andrahandsavtal_avslag: null,
          hidden: {andrahandsavtal_avslag: expect.anything()}
        }
      ]
    ]);
  });
});
