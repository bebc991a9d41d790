import {rm, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {describe, expect, test} from "vitest";
import {checkDelivery, ContractError, validateDelivery} from "../../data-loaders/checks/validate.ts";
import type {Breakage} from "../fixtures/break-delivery.ts";
import type {Rows} from "../fixtures/build-delivery.ts";
import {DELIVERY, minimalDelivery} from "../fixtures/minimal-delivery.ts";

/** The error messages validateDelivery throws for the minimal delivery changed or broken as given. */
async function errorsOf(
  options: {change?: (rows: Rows) => void; breaks?: [string, Breakage][]} = {}
): Promise<string[]> {
  const root = await minimalDelivery(options);
  try {
    await validateDelivery(root, DELIVERY);
    return [];
  } catch (error) {
    if (!(error instanceof ContractError)) throw error;
    return error.findings.map((f) => f.message);
  }
}

const first = (rows: Rows, table: string) => rows[table][0];

describe("validateDelivery(root, date)", () => {
  test("validateDelivery(root, date) accepts the minimal delivery with no errors and no warnings", async () => {
    const root = await minimalDelivery();
    expect(await validateDelivery(root, DELIVERY)).toEqual([]);
    expect(await checkDelivery(root, DELIVERY, {quality: true})).toEqual([]);
  });

  test("validateDelivery(root, date) rejects a payment file without avser_manad", async () => {
    const errors = await errorsOf({breaks: [["lifecare_eb_utbetalning", {kind: "dropColumn", column: "avser_manad"}]]});
    expect(errors).toEqual(["leverans 2023-12-05: lifecare_eb_utbetalning.parquet saknar kolumnen avser_manad"]);
  });

  test("validateDelivery(root, date) rejects a missing file", async () => {
    const errors = await errorsOf({breaks: [["vux_antagning", {kind: "removeFile"}]]});
    expect(errors).toEqual(["leverans 2023-12-05: vux_antagning.parquet saknas"]);
  });

  test("validateDelivery(root, date) rejects a column of the wrong type", async () => {
    const errors = await errorsOf({
      breaks: [["lifecare_eb_utbetalning", {kind: "changeType", column: "belopp", type: "DOUBLE"}]]
    });
    expect(errors).toEqual([
      "leverans 2023-12-05: lifecare_eb_utbetalning.parquet, kolumn belopp: har typen DOUBLE, kontraktet kräver DECIMAL(12,2)"
    ]);
  });

  test("validateDelivery(root, date) rejects whole kronor delivered as BIGINT", async () => {
    const errors = await errorsOf({
      breaks: [["treserva_utbetalning", {kind: "changeType", column: "BELOPP", type: "BIGINT"}]]
    });
    expect(errors).toEqual([
      "leverans 2023-12-05: treserva_utbetalning.parquet, kolumn BELOPP: har typen BIGINT, kontraktet kräver INTEGER"
    ]);
  });

  test("validateDelivery(root, date) rejects a file whose row count differs from the manifest", async () => {
    const errors = await errorsOf({breaks: [["lifecare_eb_utbetalning", {kind: "manifestRows", rows: 5}]]});
    expect(errors).toEqual([
      "leverans 2023-12-05: lifecare_eb_utbetalning.parquet: har 4 rader men manifestet anger 5"
    ]);
  });

  test("validateDelivery(root, date) rejects a duplicate key", async () => {
    const errors = await errorsOf({breaks: [["lifecare_eb_utbetalning", {kind: "duplicateKey"}]]});
    expect(errors).toEqual([
      "leverans 2023-12-05: lifecare_eb_utbetalning.parquet, kolumn utbetalning_id: nyckeln är inte unik (1 dubblett)"
    ]);
  });

  test("validateDelivery(root, date) rejects a duplicate composite key", async () => {
    const errors = await errorsOf({breaks: [["treserva_medlem", {kind: "duplicateKey"}]]});
    expect(errors).toEqual([
      "leverans 2023-12-05: treserva_medlem.parquet, kolumnerna ARENDE_NR, PERSON_NYCKEL, FROM_DATUM: nyckeln är inte unik (1 dubblett)"
    ]);
  });

  test("validateDelivery(root, date) rejects a null key", async () => {
    const errors = await errorsOf({breaks: [["ssbtek_slagning", {kind: "nullKey"}]]});
    expect(errors).toEqual([
      "leverans 2023-12-05: ssbtek_slagning.parquet, kolumn slagning_id: nyckeln saknas på 1 rad"
    ]);
  });

  test("validateDelivery(root, date) treats an empty legacy key as missing", async () => {
    const errors = await errorsOf({change: (rows) => void (first(rows, "accorda_deltagare").INSKRIVNING_NR = "")});
    expect(errors).toEqual([
      "leverans 2023-12-05: accorda_deltagare.parquet, kolumn INSKRIVNING_NR: nyckeln saknas på 1 rad"
    ]);
  });

  test("validateDelivery(root, date) rejects an unknown code with its row count", async () => {
    const errors = await errorsOf({
      change: (rows) => {
        for (const row of rows.accorda_deltagare) row.VERKSAMHET = "XX";
        rows.accorda_deltagare.push({...rows.accorda_deltagare[0], INSKRIVNING_NR: "A0000003"});
      }
    });
    expect(errors).toEqual([
      "leverans 2023-12-05: accorda_deltagare.parquet, kolumn VERKSAMHET: okänd kod 'XX' (3 rader)"
    ]);
  });

  test("validateDelivery(root, date) rejects a legacy code padded with spaces", async () => {
    const errors = await errorsOf({change: (rows) => void (first(rows, "accorda_deltagare").VERKSAMHET = "JC ")});
    expect(errors).toEqual([
      "leverans 2023-12-05: accorda_deltagare.parquet, kolumn VERKSAMHET: okänd kod 'JC ' (1 rad)"
    ]);
  });

  test("validateDelivery(root, date) rejects an unknown code set in the file", async () => {
    const errors = await errorsOf({
      breaks: [["arena_inskrivning", {kind: "setValue", column: "avslutsorsak", value: "arbete"}]]
    });
    expect(errors).toEqual([
      "leverans 2023-12-05: arena_inskrivning.parquet, kolumn avslutsorsak: okänd kod 'arbete' (1 rad)"
    ]);
  });

  test("validateDelivery(root, date) rejects a date after the delivery date", async () => {
    const errors = await errorsOf({
      breaks: [["lifecare_eb_utbetalning", {kind: "setValue", column: "registrerad_datum", value: "2023-12-24"}]]
    });
    expect(errors).toEqual([
      "leverans 2023-12-05: lifecare_eb_utbetalning.parquet, kolumn registrerad_datum: 1 datum ligger efter leveransdagen 2023-12-05"
    ]);
  });

  test("validateDelivery(root, date) rejects a legacy text date after the delivery date", async () => {
    const errors = await errorsOf({change: (rows) => void (first(rows, "treserva_avslut").AVSLUT_DATUM = "20231206")});
    expect(errors).toEqual([
      "leverans 2023-12-05: treserva_avslut.parquet, kolumn AVSLUT_DATUM: 1 datum ligger efter leveransdagen 2023-12-05"
    ]);
  });

  test("validateDelivery(root, date) rejects legacy text dates that do not parse", async () => {
    const errors = await errorsOf({
      change: (rows) => {
        first(rows, "accorda_deltagare").INSKRIVEN = "2021-13-45";
        first(rows, "treserva_arende").OPPNAT_DATUM = "2019-01-15";
        first(rows, "treserva_utbetalning").PERIOD = "2022-8";
      }
    });
    expect(errors).toEqual([
      "leverans 2023-12-05: treserva_arende.parquet, kolumn OPPNAT_DATUM: 1 datum går inte att läsa som YYYYMMDD",
      "leverans 2023-12-05: treserva_utbetalning.parquet, kolumn PERIOD: 1 datum går inte att läsa som YYYYMM",
      "leverans 2023-12-05: accorda_deltagare.parquet, kolumn INSKRIVEN: 1 datum går inte att läsa som YYYY-MM-DD"
    ]);
  });

  test("validateDelivery(root, date) rejects payments whose avser-månad is after the delivery month", async () => {
    const errors = await errorsOf({
      change: (rows) => {
        first(rows, "lifecare_eb_utbetalning").avser_manad = "2024-01-01";
        first(rows, "treserva_utbetalning").PERIOD = "202401";
      }
    });
    expect(errors).toEqual([
      "leverans 2023-12-05: treserva_utbetalning.parquet, kolumn PERIOD: 1 rad avser en månad efter leveransmånaden 2023-12",
      "leverans 2023-12-05: lifecare_eb_utbetalning.parquet, kolumn avser_manad: 1 rad avser en månad efter leveransmånaden 2023-12"
    ]);
  });

  test("validateDelivery(root, date) rejects an avser-månad that is not the first day of a month", async () => {
    const errors = await errorsOf({
      change: (rows) => void (first(rows, "lifecare_eb_utbetalning").avser_manad = "2022-10-15")
    });
    expect(errors).toEqual([
      "leverans 2023-12-05: lifecare_eb_utbetalning.parquet, kolumn avser_manad: 1 datum är inte den första dagen i en månad"
    ]);
  });

  test("validateDelivery(root, date) rejects a missing value in a required column", async () => {
    const errors = await errorsOf({change: (rows) => void (first(rows, "lifecare_eb_insats").hushall_id = null)});
    expect(errors).toEqual([
      "leverans 2023-12-05: lifecare_eb_insats.parquet, kolumn hushall_id: värde saknas på 1 rad"
    ]);
  });

  test("validateDelivery(root, date) rejects a person key that is not a pseudonym, without printing it", async () => {
    const errors = await errorsOf({change: (rows) => void (first(rows, "ssbtek_slagning").person_id = "198001011234")});
    expect(errors).toEqual([
      "leverans 2023-12-05: ssbtek_slagning.parquet, kolumn person_id: 1 värde följer inte mönstret för pseudonymer (8 tecken: versal först, sedan versaler och siffror)"
    ]);
    expect(errors.join()).not.toContain("1980");
  });

  test("validateDelivery(root, date) never prints an unknown code shaped like a personnummer", async () => {
    const errors = await errorsOf({change: (rows) => void (first(rows, "am_anvisning").status = "19800101-1234")});
    expect(errors).toEqual([
      "leverans 2023-12-05: am_anvisning.parquet, kolumn status: okänd kod '########-####' (1 rad)"
    ]);
  });

  test("validateDelivery(root, date) rejects an end before its start, which no count can use", async () => {
    const errors = await errorsOf({
      change: (rows) => {
        rows.lifecare_eb_insats[1].slut_datum = "2023-03-01";
        first(rows, "treserva_arende").AVSLUTAT_DATUM = "20190101";
      }
    });
    expect(errors).toEqual([
      "leverans 2023-12-05: treserva_arende.parquet, kolumn AVSLUTAT_DATUM: 1 rad där AVSLUTAT_DATUM ligger före OPPNAT_DATUM",
      "leverans 2023-12-05: lifecare_eb_insats.parquet, kolumn slut_datum: 1 rad där slut_datum ligger före start_datum"
    ]);
  });

  test("validateDelivery(root, date) rejects a birth year after the delivery year and only warns before 1900", async () => {
    const root = await minimalDelivery({
      change: (rows) => {
        rows.lifecare_eb_medlem[1].fodelsear = 2024;
        first(rows, "treserva_medlem").FODELSEAR = 1899;
      }
    });
    const findings = await checkDelivery(root, DELIVERY);
    expect(findings.map((f) => [f.id, f.severity, f.message])).toEqual([
      [
        "fodelsear_orimligt:treserva_medlem.FODELSEAR",
        "varning",
        "leverans 2023-12-05: treserva_medlem.parquet, kolumn FODELSEAR: 1 rad med födelseår före 1900"
      ],
      [
        "fodelsear_efter_leverans:lifecare_eb_medlem.fodelsear",
        "fel",
        "leverans 2023-12-05: lifecare_eb_medlem.parquet, kolumn fodelsear: 1 rad med födelseår efter leveransåret 2023"
      ]
    ]);
  });

  test("validateDelivery(root, date) names a byte-order mark in front of a code instead of an unknown code", async () => {
    const errors = await errorsOf({change: (rows) => void (first(rows, "lifecare_eb_insats").enhet = "\uFEFFalf")});
    expect(errors).toEqual([
      "leverans 2023-12-05: lifecare_eb_insats.parquet, kolumn enhet: koden 'alf' har ett osynligt BOM-tecken (U+FEFF) i värdet ('\\uFEFFalf') och känns inte igen (1 rad)"
    ]);
  });

  test("validateDelivery(root, date) rejects a Treserva payment whose case is missing", async () => {
    const errors = await errorsOf({
      change: (rows) => void (first(rows, "treserva_utbetalning").ARENDE_NR = "T0000099")
    });
    expect(errors).toEqual([
      "leverans 2023-12-05: treserva_utbetalning.parquet, kolumn ARENDE_NR: 1 rad saknar motsvarighet i treserva_arende.parquet (staging hämtar hushållet för utbetalningen från ärendet)"
    ]);
  });

  test("validateDelivery(root, date) only warns about a Lifecare payment whose insats is missing", async () => {
    const root = await minimalDelivery({
      change: (rows) => void (first(rows, "lifecare_eb_utbetalning").insats_id = "I0000099")
    });
    const warnings = await validateDelivery(root, DELIVERY);
    expect(warnings.map((w) => [w.id, w.severity])).toEqual([
      ["saknad_referens:lifecare_eb_utbetalning.insats_id", "varning"]
    ]);
  });

  test("validateDelivery(root, date) lists every error of a delivery at once", async () => {
    const errors = await errorsOf({
      breaks: [
        ["vux_antagning", {kind: "removeFile"}],
        ["lifecare_eb_utbetalning", {kind: "dropColumn", column: "avser_manad"}],
        ["accorda_deltagare", {kind: "setValue", column: "VERKSAMHET", value: "XX"}]
      ]
    });
    // In contract order: tables, then within a table the columns.
    expect(errors).toEqual([
      "leverans 2023-12-05: lifecare_eb_utbetalning.parquet saknar kolumnen avser_manad",
      "leverans 2023-12-05: accorda_deltagare.parquet, kolumn VERKSAMHET: okänd kod 'XX' (1 rad)",
      "leverans 2023-12-05: vux_antagning.parquet saknas"
    ]);
  });

  test("validateDelivery(root, date) throws a ContractError whose message has one error per line", async () => {
    const root = await minimalDelivery({
      breaks: [
        ["vux_antagning", {kind: "removeFile"}],
        ["am_verkstallighet", {kind: "removeFile"}]
      ]
    });
    await expect(validateDelivery(root, DELIVERY)).rejects.toThrow(
      "leverans 2023-12-05: am_verkstallighet.parquet saknas\nleverans 2023-12-05: vux_antagning.parquet saknas"
    );
  });

  test("validateDelivery(root, date) rejects a manifest that is missing, broken or for another delivery", async () => {
    const root = await minimalDelivery();
    const manifest = join(root, DELIVERY, "manifest.json");
    await rm(manifest);
    await expect(validateDelivery(root, DELIVERY)).rejects.toThrow(/^leverans 2023-12-05: manifest.json saknas$/);
    await writeFile(manifest, "{inte json");
    await expect(validateDelivery(root, DELIVERY)).rejects.toThrow(
      /^leverans 2023-12-05: manifest.json är inte giltig JSON/
    );
    await writeFile(manifest, JSON.stringify({contract_version: 2, delivery_date: "2023-11-05", tables: {}}));
    const errors = await validateDelivery(root, DELIVERY).catch((e: ContractError) => e.findings.map((f) => f.message));
    expect(errors).toContain(
      "leverans 2023-12-05: manifest.json anger contract_version 2, Nämndrapport läser version 1"
    );
    expect(errors).toContain(
      'leverans 2023-12-05: manifest.json anger delivery_date "2023-11-05" men mappen heter 2023-12-05'
    );
    expect(errors).toContain("leverans 2023-12-05: manifest.json saknar tabellen treserva_arende");
  });
});

describe("checkDelivery(root, date, {quality: true})", () => {
  async function warningsOf(change: (rows: Rows) => void) {
    const root = await minimalDelivery({change});
    const findings = await checkDelivery(root, DELIVERY, {quality: true});
    expect(findings.filter((f) => f.severity === "fel")).toEqual([]);
    return findings;
  }

  test("checkDelivery warns about negative, zero and extreme payments with stable ids", async () => {
    const findings = await warningsOf((rows) => {
      const [a, b, c] = rows.lifecare_eb_utbetalning;
      a.belopp = -500;
      b.belopp = 0;
      c.belopp = 150000;
      first(rows, "treserva_utbetalning").BELOPP = -200;
    });
    expect(findings.map((f) => ({id: f.id, severity: f.severity, count: f.count, message: f.message}))).toEqual([
      {
        id: "belopp_negativt:treserva_utbetalning.BELOPP",
        severity: "varning",
        count: 1,
        message:
          "leverans 2023-12-05: treserva_utbetalning.parquet, kolumn BELOPP: 1 rad med negativa belopp (återkrav eller rättelser)"
      },
      {
        id: "belopp_negativt:lifecare_eb_utbetalning.belopp",
        severity: "varning",
        count: 1,
        message:
          "leverans 2023-12-05: lifecare_eb_utbetalning.parquet, kolumn belopp: 1 rad med negativa belopp (återkrav eller rättelser)"
      },
      {
        id: "belopp_noll:lifecare_eb_utbetalning.belopp",
        severity: "varning",
        count: 1,
        message: "leverans 2023-12-05: lifecare_eb_utbetalning.parquet, kolumn belopp: 1 rad med belopp på 0 kr"
      },
      {
        id: "belopp_extremt:lifecare_eb_utbetalning.belopp",
        severity: "varning",
        count: 1,
        message: "leverans 2023-12-05: lifecare_eb_utbetalning.parquet, kolumn belopp: 1 rad med belopp över 100 000 kr"
      }
    ]);
  });

  test("checkDelivery warns about a person in two households paid for the same month", async () => {
    const findings = await warningsOf((rows) => {
      // The child of household A is also registered in household B while both are paid for 2023-11.
      rows.lifecare_eb_medlem.push({...rows.lifecare_eb_medlem[1], hushall_id: "HBBBBBB2", fran_datum: "2023-10-01"});
    });
    expect(findings.map((f) => [f.id, f.severity, f.message])).toEqual([
      [
        "person_i_tva_hushall:eb_members.person_id",
        "varning",
        "leverans 2023-12-05: treserva_medlem.parquet / lifecare_eb_medlem.parquet, kolumn person_id: 1 person är medlem i två hushåll som båda fått utbetalning för samma månad"
      ]
    ]);
  });

  test("checkDelivery warns about an exit reason still missing four months after the exit", async () => {
    const findings = await warningsOf((rows) => void (first(rows, "lifecare_eb_avslut").avslut_datum = "2023-07-31"));
    expect(findings.map((f) => f.message)).toEqual([
      "leverans 2023-12-05: lifecare_eb_avslut.parquet, kolumn avslutsorsak: 1 rad med avslut utan registrerad orsak mer än fyra månader efter avslutet"
    ]);
  });

  test("checkDelivery warns about a planned end after the delivery", async () => {
    const findings = await warningsOf((rows) => void (first(rows, "arena_inskrivning").slut_datum = "2024-06-30"));
    expect(findings.map((f) => [f.id, f.message])).toEqual([
      [
        "datum_efter_leverans:arena_inskrivning.slut_datum",
        "leverans 2023-12-05: arena_inskrivning.parquet, kolumn slut_datum: 1 datum ligger efter leveransdagen 2023-12-05 (planerade datum?)"
      ]
    ]);
  });

  test("checkDelivery warns about a column the contract does not know", async () => {
    const root = await minimalDelivery({breaks: [["vux_antagning", {kind: "addColumn", column: "extra"}]]});
    const findings = await checkDelivery(root, DELIVERY);
    expect(findings.map((f) => [f.severity, f.message])).toEqual([
      ["varning", "leverans 2023-12-05: vux_antagning.parquet, kolumn extra: finns inte i kontraktet och läses inte"]
    ]);
  });
});
