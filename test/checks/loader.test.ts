import {spawnSync} from "node:child_process";
import {mkdir} from "node:fs/promises";
import {join} from "node:path";
import {describe, expect, test} from "vitest";
import {DELIVERY, minimalDelivery} from "../fixtures/minimal-delivery.ts";

const runLoader = (root: string, ...args: string[]) =>
  spawnSync("npx", ["tsx", "src/[month]/data/bilagor.json.ts", "--month=2023-11", ...args], {
    encoding: "utf8",
    env: {...process.env, NAMNDRAPPORT_EXPORTS: root}
  });

describe("runLoader(name, compute) on a delivery", () => {
  test("runLoader exits non-zero with the Swedish contract error and writes nothing to stdout", async () => {
    const root = await minimalDelivery({
      breaks: [["lifecare_eb_utbetalning", {kind: "dropColumn", column: "avser_manad"}]]
    });
    const result = runLoader(root);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(
      "Fel i dataladdaren bilagor för 2023-11: leverans 2023-12-05: lifecare_eb_utbetalning.parquet saknar kolumnen avser_manad"
    );
  });

  test("runLoader writes JSON for a valid delivery and refuses a --leverans before the month ends", async () => {
    const root = await minimalDelivery();
    const ok = runLoader(root);
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({month: "2023-11", delivery: DELIVERY});
    await mkdir(join(root, "2023-11-05"));
    const early = runLoader(root, "--leverans=2023-11-05");
    expect(early.status).toBe(1);
    expect(early.stderr).toContain(
      "Fel i dataladdaren bilagor för 2023-11: Leveransen 2023-11-05 är gjord före utgången av 2023-11 och saknar en del av månaden."
    );
  });
});
