// The disclosure audit against fixtures that reproduce each leak the earlier rule let through (measured on the sample's
// published data), and against choices it must accept.
import {describe, expect, test} from "vitest";
import {auditEdition} from "../../data-loaders/disclosure/audit.ts";
import {feasibleInterval} from "../../data-loaders/disclosure/lp.ts";
import {
  AUDITED_SECTIONS,
  disclosureModel,
  EXEMPT_SECTIONS,
  shareCount,
  type EditionData
} from "../../data-loaders/disclosure/model.ts";
import {SECTIONS} from "../../data-loaders/sections.ts";

type Marker = true | "liten" | "sekundar";
type Cell = [key: string, value: number | Marker];

const cellsOf = (cells: Cell[]) =>
  cells.map(([key, v]) =>
    typeof v === "number" ? {key, label: key, value: v} : {key, label: key, value: null, suppressed: v}
  );

const breakdown = (id: string, total: number, cells: Cell[]) => ({
  id,
  label: id,
  definition: "",
  month: "2022-11",
  total,
  cells: cellsOf(cells)
});

// Arbetsmarknad's exit reasons in 2022-11 as the earlier rule published them: total 54, three cells "<5".
const NOVEMBER_2022: Cell[] = [
  ["arbete_ej_subventionerat", 9],
  ["sjalvforsorjning_af", 8],
  ["ovrigt", 7],
  ["aterremitterad", 6],
  ["ej_registrerad", 6],
  ["studier", 6],
  ["arbete_subventionerat", "liten"],
  ["avbrott", "liten"],
  ["okand", "liten"]
];

const exits = (cells: Cell[], followUp: Record<string, unknown> = {}): EditionData => {
  const total =
    cells.reduce((sum, [, v]) => sum + (typeof v === "number" ? v : 0), 0) + Number(followUp.hiddenSum ?? 0);
  return {
    arbetsmarknad: {month: "2022-11", avslutsorsaker: breakdown("am_avslut", total, cells)},
    uppfoljning: {month: "2022-11", reasons: breakdown("uppfoljning_orsaker", total, cells), cohorts: [], ...followUp}
  };
};

describe("auditEdition finds each leak the earlier rule let through", () => {
  test("auditEdition pins cells labelled <5 that total minus the shown cells fixes (inside one breakdown)", async () => {
    const {leaks} = await auditEdition(exits(NOVEMBER_2022, {hiddenSum: 12}));
    const pinned = leaks.filter((l) => l.message.includes("kan räknas fram till exakt 4"));
    expect(pinned.map((l) => l.figure)).toEqual([
      "am_avslut:arbete_subventionerat",
      "am_avslut:avbrott",
      "am_avslut:okand"
    ]);
    // The message names the figure and the derivation.
    expect(pinned[0].message).toBe(
      "arbetsmarknad.json › am_avslut › arbete_subventionerat är dold men kan räknas fram till exakt 4. Härledning: " +
        "”am_avslut” har totalen 54 och visade celler 42, så de 3 dolda summerar till 12 (arbetsmarknad.json); " +
        "am_avslut › avbrott: märkt ”<5”, alltså 1–4; am_avslut › okand: märkt ”<5”, alltså 1–4; " +
        "talet självt: märkt ”<5”, alltså 1–4."
    );
  });

  test("auditEdition finds a cell labelled <5 inside 1–4 even when nothing else is published", async () => {
    const {leaks} = await auditEdition({
      "ekonomiskt-bistand": {
        avslutsorsaker: breakdown("avslutsorsaker", 40, [
          ["a", 30],
          ["b", "liten"],
          ["c", "sekundar"]
        ])
      }
    });
    expect(leaks.map((l) => l.message)).toEqual([
      expect.stringContaining("› b är dold men kan bara vara 1–4, alltså ett litet antal"),
      // The earlier rule's "dolt" beside a "<5" meant 5 or more: with the total, 6–9.
      expect.stringContaining("› c är dold men kan bara vara 6–9; ett dolt antal måste kunna vara allt från 1 till 8")
    ]);
  });

  test("auditEdition pins okänd from the unknown share times the month's exits (across figures)", async () => {
    const cells: Cell[] = [
      ["arbete", 30],
      ["studier", 10],
      ["ej_registrerad", 6],
      ["okand", true],
      ["ovrigt", true]
    ];
    const edition = exits(cells, {hiddenSum: 11, unknownShare: 10 / 57, exitsExclReferredBack: 57});
    const {leaks} = await auditEdition(edition);
    expect(leaks).toHaveLength(2);
    expect(leaks[0].message).toMatch(
      /^arbetsmarknad\.json › am_avslut › okand är dold men kan räknas fram till exakt 4\. Härledning: andelen med okänd avslutsorsak 17,5\u00a0% av 57 avslut ger 10 för Okänd \+ Ej registrerad ännu/
    );
    // With okänd known, the sum fixes övrigt too.
    expect(leaks[1].message).toContain("› ovrigt är dold men kan räknas fram till exakt 7");
  });

  test("auditEdition pins återremitterad from the total minus avslutade exklusive återremitterade", async () => {
    const cells: Cell[] = [
      ["arbete", 30],
      ["studier", 10],
      ["aterremitterad", true],
      ["ovrigt", true]
    ];
    const {leaks} = await auditEdition(exits(cells, {hiddenSum: 12, exitsExclReferredBack: 49}));
    expect(leaks.map((l) => l.figure)).toEqual(["am_avslut:aterremitterad", "am_avslut:ovrigt"]);
    expect(leaks[0].message).toContain("kan räknas fram till exakt 3");
    expect(leaks[0].message).toContain("avslutade exklusive återremitterade 49 är alla avslut utom Återremitterad");
  });

  test("auditEdition reads a cell hidden in one section and shown in the other (the same cells in two sections)", async () => {
    const edition = exits(
      [
        ["arbete", 30],
        ["okand", true],
        ["ovrigt", true]
      ],
      {hiddenSum: 14}
    );
    const followUp = edition.uppfoljning as {reasons: ReturnType<typeof breakdown>};
    followUp.reasons = breakdown("uppfoljning_orsaker", 44, [
      ["arbete", 30],
      ["okand", 4],
      ["ovrigt", 10]
    ]);
    const {leaks} = await auditEdition(edition);
    expect(leaks.map((l) => l.message)).toContainEqual(
      "arbetsmarknad.json › am_avslut › okand är dold men visas som 4 i uppfoljning.json › uppfoljning_orsaker › okand."
    );
  });

  test("auditEdition finds a share whose complement is 1–4 (a cohort of 32 with 87,5 % without assistance)", async () => {
    const {leaks} = await auditEdition({
      uppfoljning: {
        month: "2023-02",
        cohorts: [{month: "2021-08", cohortSize: 32, withoutAssistance: {6: 0.6875, 12: 0.8125, 18: 0.875}}]
      }
    });
    expect(leaks.map((l) => l.message)).toEqual([
      "uppfoljning.json › avslutade augusti 2021 (32 personer) › efter 18 månader (med ekonomiskt bistånd): " +
        "andelen 87,5\u00a0% av 32 avslutade ger 4 med ekonomiskt bistånd, ett litet antal (1–4)."
    ]);
  });

  test("auditEdition finds andrahandsavtal counts of 1–4, shown or given by a running total per month", async () => {
    const rows = [
      {month: "2022-01", beslut: 7084, andrahandsavtal_avslag: 3, andrahandsavtal_totalt: 64},
      {
        month: "2022-02",
        beslut: 6973,
        andrahandsavtal_avslag: null,
        hidden: {andrahandsavtal_avslag: true},
        andrahandsavtal_totalt: 67
      }
    ];
    const {leaks} = await auditEdition({bilagor: {month: "2022-02", rows}});
    expect(leaks.map((l) => l.message)).toEqual([
      "bilagor.json › avslag för icke godkänt andrahandsavtal › januari 2022 visas som 3, ett litet antal (1–4).",
      expect.stringMatching(
        /^bilagor\.json › avslag för icke godkänt andrahandsavtal › februari 2022 är dold men kan räknas fram till exakt 3\. Härledning: de löpande summorna 67 och 64/
      )
    ]);
  });

  test("auditEdition reports published figures that contradict each other", async () => {
    const {leaks} = await auditEdition(
      exits(
        [
          ["arbete", 30],
          ["okand", true]
        ],
        {hiddenSum: 5, exitsExclReferredBack: 40}
      )
    );
    expect(leaks.map((l) => l.message)).toContainEqual(
      expect.stringMatching(/^De publicerade talen kring .* motsäger varandra/)
    );
  });
});

describe("auditEdition accepts protected cells", () => {
  test("auditEdition accepts a cell protected only by a wide interval, down to 1–8 and no narrower", async () => {
    // Two hidden cells that sum to 9: each can be anything from 1 to 8, though the sum is known exactly.
    const wide = await auditEdition({
      "ekonomiskt-bistand": {
        avslutsorsaker: breakdown("avslutsorsaker", 49, [
          ["a", 40],
          ["b", true],
          ["c", true]
        ])
      }
    });
    expect(wide.leaks).toEqual([]);
    expect(wide.intervals.get("avslutsorsaker:b")).toEqual([1, 8]);
    // Summing to 8, each is 1–7: the margin is not met.
    const narrow = await auditEdition({
      "ekonomiskt-bistand": {
        avslutsorsaker: breakdown("avslutsorsaker", 48, [
          ["a", 40],
          ["b", true],
          ["c", true]
        ])
      }
    });
    expect(narrow.leaks.map((l) => l.figure)).toEqual(["avslutsorsaker:b", "avslutsorsaker:c"]);
    expect(narrow.leaks[0].message).toContain("kan bara vara 1–7; ett dolt antal måste kunna vara allt från 1 till 8");
  });

  test("auditEdition accepts the 2022-11 exit reasons once two more cells are hidden and nothing says which are small", async () => {
    const cells: Cell[] = NOVEMBER_2022.map(([key, v]) => [
      key,
      v === "liten" || key === "studier" || key === "ej_registrerad" ? true : v
    ]);
    const {leaks, intervals} = await auditEdition(
      exits(cells, {hiddenSum: 24, unknownShare: 10 / 54, exitsExclReferredBack: 48})
    );
    expect(leaks).toEqual([]);
    expect(intervals.get("am_avslut:okand")).toEqual([1, 9]);
    expect(intervals.get("am_avslut:avbrott")).toEqual([1, 12]);
  });

  test("auditEdition leaves shares of a cohort under 10 to the cohort and audits hidden shares of larger cohorts", async () => {
    const {leaks, intervals} = await auditEdition({
      uppfoljning: {
        month: "2023-02",
        cohorts: [
          {
            month: "2021-08",
            cohortSize: 32,
            withoutAssistance: {6: 0.6875, 12: null, 18: null},
            hidden: {12: true, 18: true}
          },
          {month: "2021-09", cohortSize: 6, withoutAssistance: {6: null, 12: null, 18: null}, hidden: {6: true}}
        ]
      }
    });
    expect(leaks).toEqual([]);
    expect(intervals.get("uppfoljning.json:kohort:2021-08:12:taljare")).toEqual([0, 32]);
    expect([...intervals.keys()].some((id) => id.includes("2021-09"))).toBe(false);
  });
});

describe("disclosureModel", () => {
  test("disclosureModel reads every published section or names why a section is exempt", () => {
    const covered = [...AUDITED_SECTIONS, ...Object.keys(EXEMPT_SECTIONS)].sort();
    expect(covered).toEqual(Object.keys(SECTIONS).sort());
  });

  test("disclosureModel gives uppföljning's reasons the same unknowns as am_avslut", () => {
    const model = disclosureModel(
      exits(
        [
          ["arbete", 30],
          ["okand", true],
          ["ovrigt", true]
        ],
        {hiddenSum: 14}
      )
    );
    expect([...model.figures.keys()]).toEqual(["am_avslut:arbete", "am_avslut:okand", "am_avslut:ovrigt"]);
    // The two sections' sums are one relation.
    expect(model.relations).toHaveLength(1);
  });

  test("shareCount(share, denominator) gives back the count a published share stands for", () => {
    expect(shareCount(28 / 32, 32)).toEqual([28, 28]);
    expect(shareCount(10 / 54, 54)).toEqual([10, 10]);
    // A share rounded to one decimal in per cent leaves an interval.
    expect(shareCount(0.185, 200)).toEqual([37, 37]);
    expect(shareCount(0.2, 23)).toEqual([5, 4]);
  });
});

describe("feasibleInterval", () => {
  test("feasibleInterval solves again with whole numbers when the linear optimum is fractional", async () => {
    // x0 + x1 = 3 and 2·x0 ≤ 3: the linear optimum is x0 = 1,5, whole numbers allow at most 1.
    const found = await feasibleInterval(
      0,
      [
        {lower: 0, upper: Infinity},
        {lower: 0, upper: Infinity}
      ],
      [
        {
          terms: [
            [0, 1],
            [1, 1]
          ],
          lower: 3,
          upper: 3
        },
        {terms: [[0, 2]], lower: -Infinity, upper: 3}
      ]
    );
    expect(found).not.toBe("infeasible");
    if (found === "infeasible") return;
    expect([found.min.value, found.max.value]).toEqual([0, 1]);
  });

  test("feasibleInterval reports rows that cannot all hold", async () => {
    const found = await feasibleInterval(0, [{lower: 1, upper: Infinity}], [{terms: [[0, 1]], lower: 0, upper: 0}]);
    expect(found).toBe("infeasible");
  });
});
