// Synthetic data never mixes with real data: the build generates the sample only into a missing or empty exports
// root, stops with a Swedish message otherwise, and the generator never writes beside what may be a real delivery.
import {mkdir, mkdtemp, readdir, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterEach, describe, expect, test} from "vitest";
import {ensureSampleData, sampleDataPlan} from "../../scripts/lib/sample-data.ts";
import {runSampleCli} from "../../scripts/sample/cli.ts";
import {writeDelivery} from "../fixtures/build-delivery.ts";

const saved = process.env.NAMNDRAPPORT_EXPORTS;
afterEach(() => {
  if (saved === undefined) delete process.env.NAMNDRAPPORT_EXPORTS;
  else process.env.NAMNDRAPPORT_EXPORTS = saved;
});

const temp = () => mkdtemp(join(tmpdir(), "namndrapport-exempeldata-"));

/** A delivery whose manifest says whether it is the synthetic sample. */
async function delivery(root: string, date: string, synthetic: boolean): Promise<void> {
  await writeDelivery(root, date, {});
  if (synthetic) {
    const path = join(root, date, "manifest.json");
    const {readFile} = await import("node:fs/promises");
    await writeFile(path, JSON.stringify({...JSON.parse(await readFile(path, "utf8")), synthetic: true}));
  }
}

describe("sampleDataPlan(root)", () => {
  test("sampleDataPlan generates the sample only into a missing or empty root (the generator's marker allowed)", async () => {
    const root = await temp();
    expect(sampleDataPlan(join(root, "finns-inte"))).toEqual({action: "generate"});
    expect(sampleDataPlan(root)).toEqual({action: "generate"});
    await writeFile(join(root, ".exempeldata.json"), "{}");
    expect(sampleDataPlan(root)).toEqual({action: "generate"});
  });

  test("sampleDataPlan stops at a root with a misnamed delivery and names it", async () => {
    const root = await temp();
    await mkdir(join(root, "20231205"));
    const plan = sampleDataPlan(root);
    expect(plan.action).toBe("stop");
    expect(plan.action === "stop" && plan.reason).toBe(
      `${root} innehåller inga leveranser men är inte tom, så bygget genererar inte exempeldata där. ` +
        `Mappen 20231205 i ${root} är ingen leverans och läses inte. Är det leveransen 2023-12-05? En leveransmapp ska heta ÅÅÅÅ-MM-DD, alltså 2023-12-05. ` +
        "Lägg leveranserna i mappar som heter ÅÅÅÅ-MM-DD, eller töm mappen för att bygga på exempeldata."
    );
  });

  test("sampleDataPlan uses real or synthetic deliveries, but stops when they are mixed", async () => {
    const root = await temp();
    await delivery(root, "2023-11-05", false);
    expect(sampleDataPlan(root)).toEqual({action: "use"});
    await delivery(root, "2023-12-05", true);
    const plan = sampleDataPlan(root);
    expect(plan.action === "stop" && plan.reason).toMatch(
      /blandar exempeldata \(2023-12-05\) med leveranser som inte är exempeldata \(2023-11-05\)\. Exempeldata och riktiga uppgifter får aldrig byggas ihop/
    );
  });
});

describe("ensureSampleData(log)", () => {
  test("ensureSampleData stops with the Swedish reason and writes nothing beside a misnamed delivery", async () => {
    const root = await temp();
    await mkdir(join(root, "20231205"));
    process.env.NAMNDRAPPORT_EXPORTS = root;
    const logged: string[] = [];
    await expect(ensureSampleData((line) => logged.push(line))).rejects.toThrow(
      /innehåller inga leveranser men är inte tom/
    );
    expect(await readdir(root)).toEqual(["20231205"]);
    expect(logged).toEqual([]);
  });
});

describe("runSampleCli(args)", () => {
  test("runSampleCli refuses a folder holding a misnamed delivery and writes nothing", async () => {
    const root = await temp();
    await mkdir(join(root, "20231205"));
    const errors: string[] = [];
    const status = await runSampleCli(["--ut", root], {out: () => undefined, err: (line) => errors.push(line)});
    expect(status).toBe(1);
    expect(errors.join("\n")).toMatch(/innehåller leveranser som inte är exempeldata \(20231205\)/);
    expect(await readdir(root)).toEqual(["20231205"]);
  });
});
