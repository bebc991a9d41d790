import {mkdir, readFile, writeFile} from "node:fs/promises";
import {join, relative} from "node:path";
import {afterEach, describe, expect, test} from "vitest";
import {ContractError} from "../../data-loaders/checks/findings.ts";
import {
  deliveryForMonth,
  deliveryKinds,
  deliveryManifest,
  editionDelivery,
  expectedDelivery,
  exportsRoot,
  intendedDelivery,
  isSyntheticExports,
  listDeliveries,
  openDelivery,
  previousDelivery,
  strayEntries,
  strayEntryText
} from "../../data-loaders/deliveries.ts";
import {queryRows} from "../../data-loaders/db.ts";
import {tempExports, writeDelivery} from "../fixtures/build-delivery.ts";
import {DELIVERY, minimalDelivery} from "../fixtures/minimal-delivery.ts";

/** An exports root with empty delivery folders (enough for discovery) and some other entries. */
async function rootWith(folders: string[]): Promise<string> {
  const root = await tempExports();
  for (const name of folders) await mkdir(join(root, name));
  await writeFile(join(root, ".exempeldata.json"), "{}");
  await writeFile(join(root, "2023-06-05"), "a file, not a delivery");
  return root;
}

describe("listDeliveries(root)", () => {
  test("listDeliveries(root) lists folders named by a real date, oldest first", async () => {
    const root = await rootWith(["2023-12-05", "2023-11-05", ".2024-01-05.tmp", "2023-02-30", "gammalt", "2024-01-05"]);
    expect(listDeliveries(root)).toEqual(["2023-11-05", "2023-12-05", "2024-01-05"]);
  });

  test("listDeliveries(root) is empty for a root that does not exist", () => {
    expect(listDeliveries("/finns/inte")).toEqual([]);
  });
});

describe("deliveryForMonth(root, month)", () => {
  test("deliveryForMonth(root, month) picks the first delivery dated after the month ends", async () => {
    const root = await rootWith(["2023-11-05", "2023-12-05", "2024-01-05"]);
    expect(deliveryForMonth(root, "2023-11")).toBe("2023-12-05");
    expect(deliveryForMonth(root, "2023-10")).toBe("2023-11-05");
    expect(deliveryForMonth(root, "2020-01")).toBe("2023-11-05");
  });

  test("deliveryForMonth(root, month) says in Swedish what to do when no delivery covers the month", async () => {
    const root = await tempExports();
    expect(() => deliveryForMonth(root, "2024-01")).toThrow(
      `Ingen leverans efter 2024-01 finns i ${root}. Kör npm run sample eller lägg leveransen där.`
    );
  });

  test("deliveryForMonth(root, month) names a delivery dated before the month ends and entries that are not deliveries", async () => {
    const root = await rootWith(["2023-11-05", "2023-11-28", "20231205"]);
    expect(() => deliveryForMonth(root, "2023-11")).toThrow(
      `Ingen leverans efter 2023-11 finns i ${root}. ` +
        "Leveransen 2023-11-28 är gjord före utgången av 2023-11 och täcker inte hela månaden. " +
        `Filen 2023-06-05 i ${root} är ingen leverans och läses inte. ` +
        `Mappen 20231205 i ${root} är ingen leverans och läses inte. Är det leveransen 2023-12-05? En leveransmapp ska heta ÅÅÅÅ-MM-DD, alltså 2023-12-05.`
    );
  });

  test("deliveryForMonth(root, month) names a root inside the working directory relatively", () => {
    const root = join(process.cwd(), "data", "finns-inte");
    expect(() => deliveryForMonth(root, "2024-01")).toThrow(
      `Ingen leverans efter 2024-01 finns i ${relative(process.cwd(), root)}. Kör npm run sample eller lägg leveransen där.`
    );
  });

  test("deliveryForMonth(root, month, override) uses an existing later delivery and refuses others", async () => {
    const root = await rootWith(["2023-11-05", "2023-12-05", "2024-01-05"]);
    expect(deliveryForMonth(root, "2023-11", "2024-01-05")).toBe("2024-01-05");
    expect(() => deliveryForMonth(root, "2023-11", "2023-11-05")).toThrow(
      "Leveransen 2023-11-05 är gjord före utgången av 2023-11 och saknar en del av månaden."
    );
    expect(() => deliveryForMonth(root, "2023-11", "2023-12-06")).toThrow(/^Leveransen 2023-12-06 finns inte i /);
    expect(() => deliveryForMonth(root, "2023-11", "5 dec")).toThrow(
      'Ogiltig leverans "5 dec": ange den som ÅÅÅÅ-MM-DD.'
    );
  });

  test("deliveryForMonth(root, month) rejects a month not written YYYY-MM", async () => {
    const root = await rootWith(["2023-12-05"]);
    expect(() => deliveryForMonth(root, "2023-13")).toThrow(/Ogiltig månad "2023-13"/);
  });
});

describe("expectedDelivery(month)", () => {
  test("expectedDelivery(month) is the delivery day (5) of the month after", () => {
    expect(expectedDelivery("2023-11")).toBe("2023-12-05");
    expect(expectedDelivery("2023-12")).toBe("2024-01-05");
  });
});

describe("editionDelivery(root, month, override)", () => {
  test("editionDelivery(root, month) uses the default delivery when it is there", async () => {
    const root = await rootWith(["2023-12-01", "2023-12-05", "2024-01-05"]);
    expect(editionDelivery(root, "2023-11")).toEqual({
      month: "2023-11",
      delivery: "2023-12-05",
      expected: "2023-12-05",
      isDefault: true,
      note: null
    });
  });

  test("editionDelivery(root, month) falls back to the next delivery and says why, naming a misnamed folder", async () => {
    const root = await rootWith(["2023-11-05", "20231205", "2024-01-05"]);
    const edition = editionDelivery(root, "2023-11");
    expect(edition).toMatchObject({delivery: "2024-01-05", expected: "2023-12-05", isDefault: false});
    expect(edition.note).toBe(
      "Utgåvan 2023-11 använder leverans 2024-01-05, inte standardleveransen 2023-12-05. " +
        `Mappen 20231205 i ${root} är ingen leverans och läses inte. Är det leveransen 2023-12-05? En leveransmapp ska heta ÅÅÅÅ-MM-DD, alltså 2023-12-05.`
    );
    const missing = editionDelivery(await rootWith(["2024-01-05"]), "2023-11");
    expect(missing.note).toMatch(
      /^Utgåvan 2023-11 använder leverans 2024-01-05, inte standardleveransen 2023-12-05\. Standardleveransen 2023-12-05 finns inte i /
    );
  });

  test("editionDelivery(root, month, override) marks a chosen delivery that is not the default", async () => {
    const root = await rootWith(["2023-12-05", "2024-01-05"]);
    expect(editionDelivery(root, "2023-11", "2024-01-05")).toMatchObject({
      isDefault: false,
      note: "Leveransen 2024-01-05 är vald med --leverans i stället för standardleveransen 2023-12-05."
    });
    expect(editionDelivery(root, "2023-11", "2023-12-05")).toMatchObject({isDefault: true, note: null});
  });
});

describe("strayEntries(root)", () => {
  test("strayEntries(root) names every entry that is not a delivery folder, hidden entries left out", async () => {
    const root = await rootWith(["2023-12-05", "20240105", "gammalt", ".2024-02-05.tmp"]);
    await writeFile(join(root, "2024-02-05.zip"), "PK");
    expect(strayEntries(root)).toEqual(["2023-06-05", "2024-02-05.zip", "20240105", "gammalt"]);
    expect(strayEntryText(root, "2024-02-05.zip")).toBe(
      `Filen 2024-02-05.zip i ${root} är ingen leverans och läses inte. Packa upp leveransen i en mapp som heter ÅÅÅÅ-MM-DD.`
    );
    expect(strayEntryText(root, "gammalt")).toBe(
      `Mappen gammalt i ${root} är ingen leverans och läses inte. En leveransmapp ska heta ÅÅÅÅ-MM-DD.`
    );
  });

  test("intendedDelivery(name) reads the date a misnamed entry seems to mean", () => {
    expect(intendedDelivery("20231205")).toBe("2023-12-05");
    expect(intendedDelivery("2023-12-05 kopia")).toBe("2023-12-05");
    expect(intendedDelivery("20231305")).toBeNull();
    expect(intendedDelivery("gammalt")).toBeNull();
  });
});

describe("isSyntheticExports(root)", () => {
  test("isSyntheticExports(root) reads the manifests: synthetic when one says so, or when the marker is there", async () => {
    const real = await tempExports();
    await writeDelivery(real, "2023-12-05", {});
    expect(isSyntheticExports(real)).toBe(false);
    expect(deliveryKinds(real)).toEqual({synthetic: [], real: ["2023-12-05"]});
    await writeDelivery(real, "2024-01-05", {});
    const manifest = join(real, "2024-01-05", "manifest.json");
    await writeFile(manifest, JSON.stringify({...JSON.parse(await readFile(manifest, "utf8")), synthetic: true}));
    expect(isSyntheticExports(real)).toBe(true);
    expect(deliveryKinds(real)).toEqual({synthetic: ["2024-01-05"], real: ["2023-12-05"]});
    const marked = await rootWith([]);
    expect(isSyntheticExports(marked)).toBe(true);
  });
});

describe("previousDelivery(root, delivery)", () => {
  test("previousDelivery(root, delivery) is the delivery before, or null for the first", async () => {
    const root = await rootWith(["2023-11-05", "2023-12-05", "2024-01-05"]);
    expect(previousDelivery(root, "2024-01-05")).toBe("2023-12-05");
    expect(previousDelivery(root, "2023-11-05")).toBeNull();
  });
});

describe("exportsRoot()", () => {
  const saved = process.env.NAMNDRAPPORT_EXPORTS;
  afterEach(() => {
    if (saved === undefined) delete process.env.NAMNDRAPPORT_EXPORTS;
    else process.env.NAMNDRAPPORT_EXPORTS = saved;
  });

  test("exportsRoot() is data/exports unless NAMNDRAPPORT_EXPORTS says otherwise", () => {
    delete process.env.NAMNDRAPPORT_EXPORTS;
    expect(exportsRoot()).toBe(join(process.cwd(), "data", "exports"));
    process.env.NAMNDRAPPORT_EXPORTS = "/srv/leveranser";
    expect(exportsRoot()).toBe("/srv/leveranser");
  });
});

describe("deliveryManifest(root, delivery)", () => {
  test("deliveryManifest(root, delivery) returns the checked manifest", async () => {
    const root = await minimalDelivery();
    const manifest = deliveryManifest(root, DELIVERY);
    expect(manifest.delivery_date).toBe(DELIVERY);
    expect(manifest.tables.lifecare_eb_utbetalning).toEqual({file: "lifecare_eb_utbetalning.parquet", rows: 4});
  });

  test("deliveryManifest(root, delivery) throws ContractError for a wrong file name", async () => {
    const root = await minimalDelivery();
    const path = join(root, DELIVERY, "manifest.json");
    const manifest = JSON.parse(await readFile(path, "utf8"));
    manifest.tables.vux_antagning.file = "vux.parquet";
    await writeFile(path, JSON.stringify(manifest));
    expect(() => deliveryManifest(root, DELIVERY)).toThrow(ContractError);
    expect(() => deliveryManifest(root, DELIVERY)).toThrow(
      'leverans 2023-12-05: manifest.json anger filen "vux.parquet" för tabellen vux_antagning, kontraktet kräver vux_antagning.parquet'
    );
  });
});

describe("openDelivery(root, delivery)", () => {
  test("openDelivery(root, delivery) returns a connection with the canonical views", async () => {
    const conn = await openDelivery(await minimalDelivery(), DELIVERY);
    expect(await queryRows(conn, "select count(*) as n from eb_payments")).toEqual([{n: 6}]);
  });

  test("openDelivery(root, delivery) throws before creating views when the delivery breaks the contract", async () => {
    const root = await minimalDelivery({change: (rows) => void (rows.accorda_deltagare[0].VERKSAMHET = "XX")});
    await expect(openDelivery(root, DELIVERY)).rejects.toThrow(
      "leverans 2023-12-05: accorda_deltagare.parquet, kolumn VERKSAMHET: okänd kod 'XX' (1 rad)"
    );
  });

  test("openDelivery(root, delivery) passes warnings to onWarnings", async () => {
    const root = await minimalDelivery({change: (rows) => void (rows.lifecare_eb_utbetalning[0].belopp = -10)});
    const seen: string[] = [];
    await openDelivery(root, DELIVERY, {onWarnings: (w) => seen.push(...w.map((f) => f.id))});
    expect(seen).toEqual(["belopp_negativt:lifecare_eb_utbetalning.belopp"]);
  });

  test("openDelivery(root, delivery) names a delivery that does not exist", async () => {
    const root = await tempExports();
    await expect(openDelivery(root, "2023-12-05")).rejects.toThrow(`Leveransen 2023-12-05 finns inte i ${root}.`);
  });
});
