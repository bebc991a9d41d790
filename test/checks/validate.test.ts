import {rm, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {describe, expect, test} from "vitest";
import {ContractError} from "../../data-loaders/checks/validate.ts";
import {openDelivery} from "../../data-loaders/deliveries.ts";
import {connect} from "../../data-loaders/db.ts";
import {tempExports, writeDelivery, type Rows} from "../fixtures/build-delivery.ts";

const payment = {
  utbetalning_id: "LU000001",
  hushall_id: "HAAAAAA1",
  insats_id: "I0000001",
  avser_manad: "2023-11-01",
  belopp: 9000,
  utbetald_datum: "2023-11-01",
  registrerad_datum: "2023-11-01"
};
const clean: Rows = {
  lifecare_eb_utbetalning: [payment],
  accorda_deltagare: [
    {
      INSKRIVNING_NR: "A0000001",
      DELTAGAR_NR: "PAAAAAA1",
      VERKSAMHET: "JC",
      INSKRIVEN: "2021-03-01",
      UTSKRIVEN: "",
      AVSLUTSKOD: "",
      REG_DATUM: "2021-03-01"
    }
  ]
};

async function errorsOf(rows: Rows, breakIt?: (dir: string) => Promise<void>): Promise<string[]> {
  const root = await tempExports();
  const dir = await writeDelivery(root, "2023-12-05", rows);
  await breakIt?.(dir);
  try {
    await openDelivery(root, "2023-12-05");
    return [];
  } catch (error) {
    if (!(error instanceof ContractError)) throw error;
    return error.findings.map((f) => f.message);
  }
}

/** Rewrites one table's parquet file with a SQL transformation of itself. */
async function rewrite(dir: string, table: string, select: string): Promise<void> {
  const conn = await connect();
  const file = join(dir, `${table}.parquet`);
  await conn.run(`create table t as select * from read_parquet('${file}')`);
  await conn.run(`copy (${select.replaceAll("FROM_T", "from t")}) to '${file}' (format parquet)`);
}

describe("openDelivery(root, date) validates the contract", () => {
  test("openDelivery accepts a clean delivery", async () => {
    expect(await errorsOf(clean)).toEqual([]);
  });

  test("openDelivery rejects a payment file without avser_manad", async () => {
    const errors = await errorsOf(clean, (dir) =>
      rewrite(dir, "lifecare_eb_utbetalning", "select * exclude (avser_manad) FROM_T")
    );
    expect(errors).toContain("leverans 2023-12-05: lifecare_eb_utbetalning.parquet saknar kolumnen avser_manad");
  });

  test("openDelivery rejects a missing file", async () => {
    const errors = await errorsOf(clean, (dir) => rm(join(dir, "vux_antagning.parquet")));
    expect(errors).toEqual(["leverans 2023-12-05: vux_antagning.parquet: filen saknas"]);
  });

  test("openDelivery rejects a column of the wrong type", async () => {
    const errors = await errorsOf(clean, (dir) =>
      rewrite(dir, "lifecare_eb_utbetalning", "select * replace (cast(belopp as double) as belopp) FROM_T")
    );
    expect(errors).toEqual([
      "leverans 2023-12-05: lifecare_eb_utbetalning.parquet, kolumn belopp: har typen DOUBLE, kontraktet kräver DECIMAL(12,2)"
    ]);
  });

  test("openDelivery rejects duplicate and null keys", async () => {
    const duplicate = await errorsOf({...clean, lifecare_eb_utbetalning: [payment, payment]});
    expect(duplicate).toContain(
      "leverans 2023-12-05: lifecare_eb_utbetalning.parquet, kolumn utbetalning_id: nyckeln är inte unik (1 dubbletter)"
    );
    const nullKey = await errorsOf({...clean, lifecare_eb_utbetalning: [{...payment, utbetalning_id: null}]});
    expect(nullKey).toContain(
      "leverans 2023-12-05: lifecare_eb_utbetalning.parquet, kolumn utbetalning_id: nyckeln saknas på 1 rader"
    );
  });

  test("openDelivery rejects unknown codes with their count", async () => {
    const errors = await errorsOf({
      ...clean,
      accorda_deltagare: [{...clean.accorda_deltagare[0], VERKSAMHET: "XX"}]
    });
    expect(errors).toEqual([
      "leverans 2023-12-05: accorda_deltagare.parquet, kolumn VERKSAMHET: okänd kod 'XX' (1 rader)"
    ]);
  });

  test("openDelivery rejects dates after the delivery and legacy dates that do not parse", async () => {
    const errors = await errorsOf({
      ...clean,
      lifecare_eb_utbetalning: [{...payment, registrerad_datum: "2023-12-24"}],
      accorda_deltagare: [{...clean.accorda_deltagare[0], INSKRIVEN: "2021-13-45"}]
    });
    expect(errors).toEqual([
      "leverans 2023-12-05: lifecare_eb_utbetalning.parquet, kolumn registrerad_datum: 1 datum ligger efter leveransdagen 2023-12-05",
      "leverans 2023-12-05: accorda_deltagare.parquet, kolumn INSKRIVEN: 1 datum går inte att läsa som YYYY-MM-DD"
    ]);
  });

  test("openDelivery rejects a file whose row count differs from the manifest", async () => {
    const errors = await errorsOf(clean, async (dir) => {
      const manifest = JSON.parse(
        await (await import("node:fs/promises")).readFile(join(dir, "manifest.json"), "utf8")
      );
      manifest.tables.lifecare_eb_utbetalning.rows = 2;
      await writeFile(join(dir, "manifest.json"), JSON.stringify(manifest));
    });
    expect(errors).toEqual([
      "leverans 2023-12-05: lifecare_eb_utbetalning.parquet: har 1 rader men manifestet anger 2"
    ]);
  });
});
