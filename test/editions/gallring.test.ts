import {existsSync, readFileSync} from "node:fs";
import {mkdir, mkdtemp, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterEach, describe, expect, test} from "vitest";
import {dispose, monthsBefore, planDisposal} from "../../scripts/lib/gallring.ts";

const saved = process.env.NAMNDRAPPORT_PUBLICERAT;
afterEach(() => {
  if (saved === undefined) delete process.env.NAMNDRAPPORT_PUBLICERAT;
  else process.env.NAMNDRAPPORT_PUBLICERAT = saved;
});

/** An exports root with empty delivery folders, a source root with editions and a records root. */
async function setup(deliveries: string[], editions: Record<string, "utkast" | "publicerad">) {
  const dir = await mkdtemp(join(tmpdir(), "namndrapport-gallring-"));
  const exports = join(dir, "exports");
  for (const d of deliveries) {
    await mkdir(join(exports, d), {recursive: true});
    await writeFile(join(exports, d, "manifest.json"), `{"delivery_date":"${d}"}`);
  }
  const source = join(dir, "src");
  for (const [month, status] of Object.entries(editions)) {
    await mkdir(join(source, month), {recursive: true});
    for (const page of ["index.md", "tjansteskrivelse.md"]) {
      await writeFile(join(source, month, page), `---\nstatus: ${status}\n---\n`);
    }
  }
  process.env.NAMNDRAPPORT_PUBLICERAT = join(dir, "publicerat");
  return {exports, source, dir};
}

describe("planDisposal(exports, sourceRoot, today) and dispose(exports, plan, today)", () => {
  test("monthsBefore counts calendar months back", () => {
    expect(monthsBefore("2026-12-02", 24)).toBe("2024-12-02");
  });

  test("planDisposal disposes of deliveries past retention but keeps a draft's delivery and the one before it", async () => {
    const {exports, source} = await setup(["2021-01-05", "2021-02-05", "2021-03-05", "2021-04-05", "2023-12-05"], {
      "2021-01": "publicerad",
      "2021-02": "utkast"
    });
    const plan = planDisposal(exports, source, "2023-12-20", 24);
    expect(plan.cutoff).toBe("2021-12-20");
    expect(plan.dispose).toEqual(["2021-01-05", "2021-04-05"]);
    expect(plan.kept).toEqual([
      {delivery: "2021-02-05", reason: "granskningen av utkastet 2021-02 jämför med den"},
      {delivery: "2021-03-05", reason: "utkastet 2021-02 räknas på den"}
    ]);
  });

  test("dispose deletes the deliveries and logs them with their manifest hash", async () => {
    const {exports, source, dir} = await setup(["2021-01-05", "2023-12-05"], {});
    const plan = planDisposal(exports, source, "2023-12-20", 24);
    await dispose(exports, plan, "2023-12-20");
    expect(existsSync(join(exports, "2021-01-05"))).toBe(false);
    expect(existsSync(join(exports, "2023-12-05"))).toBe(true);
    const log = JSON.parse(readFileSync(join(dir, "publicerat", "gallring.json"), "utf8"));
    expect(log).toEqual([
      {
        datum: "2023-12-20",
        grans: "2021-12-20",
        leveranser: [{leverans: "2021-01-05", manifest_sha256: expect.stringMatching(/^[0-9a-f]{64}$/)}]
      }
    ]);
  });
});
