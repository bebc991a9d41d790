// Atomic publishing: a build that fails (here a loader meets a delivery that breaks the contract) leaves the previous
// output folder exactly as it was and says in Swedish what failed.
import {cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {afterEach, describe, expect, test} from "vitest";
import {deliveryForMonth} from "../../data-loaders/deliveries.ts";
import {listEditions} from "../../data-loaders/editions.ts";
import {buildSite} from "../../scripts/lib/site-build.ts";
import {breakDelivery} from "../fixtures/break-delivery.ts";

// A draft edition: a published one is built from its frozen record and runs no loader.
const MONTH = listEditions("src").find((e) => e.status === "utkast")!.month;
const saved = process.env.NAMNDRAPPORT_EXPORTS;

afterEach(() => {
  if (saved === undefined) delete process.env.NAMNDRAPPORT_EXPORTS;
  else process.env.NAMNDRAPPORT_EXPORTS = saved;
});

describe("buildSite with a failing loader", () => {
  test("keeps the previous output untouched and names the delivery, file and column", async () => {
    // A copy of the edition's delivery with a column the contract requires dropped.
    const delivery = deliveryForMonth(resolve("data/exports"), MONTH);
    const exports = await mkdtemp(join(tmpdir(), "namndrapport-trasig-"));
    await cp(join("data/exports", delivery), join(exports, delivery), {recursive: true});
    await breakDelivery(join(exports, delivery), "lifecare_eb_utbetalning", {
      kind: "dropColumn",
      column: "avser_manad"
    });
    process.env.NAMNDRAPPORT_EXPORTS = exports;

    const output = await mkdtemp(join(tmpdir(), "namndrapport-publicerad-"));
    await mkdir(join(output, MONTH), {recursive: true});
    await writeFile(join(output, "index.html"), "<p>förra veckans webbplats</p>");
    await writeFile(join(output, MONTH, "index.html"), "<p>utgåvan</p>");

    const editionRoot = join(".bygg", `test-atomisk-${process.pid}`);
    try {
      const error = await buildSite({output, edition: MONTH, editionRoot, quiet: true, log: () => undefined}).catch(
        (e: unknown) => e as Error
      );
      expect(error).toBeInstanceOf(Error);
      const message = (error as Error).message;
      expect(message).toMatch(/^Bygget misslyckades/);
      expect(message).toContain(`leverans ${delivery}: lifecare_eb_utbetalning.parquet saknar kolumnen avser_manad`);
      expect(message).toMatch(/Det tidigare innehållet i .* är orört\.$/);
    } finally {
      await rm(editionRoot, {recursive: true, force: true});
    }

    expect((await readdir(output)).sort()).toEqual([MONTH, "index.html"]);
    expect(await readFile(join(output, "index.html"), "utf8")).toBe("<p>förra veckans webbplats</p>");
    expect(await readdir(join(output, MONTH))).toEqual(["index.html"]);
    // No half-built folder is left next to it.
    const parent = await readdir(join(output, ".."));
    expect(parent.filter((name) => name.startsWith(`${output.split("/").pop()}.`))).toEqual([]);
  }, 300_000);
});
