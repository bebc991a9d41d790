// The archive's edition list says which delivery each edition uses and whether it is the default one.
import {mkdir, mkdtemp, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterEach, describe, expect, test} from "vitest";
import {listEditions} from "../../data-loaders/editions.ts";

const saved = process.env.NAMNDRAPPORT_EXPORTS;
afterEach(() => {
  if (saved === undefined) delete process.env.NAMNDRAPPORT_EXPORTS;
  else process.env.NAMNDRAPPORT_EXPORTS = saved;
});

describe("listEditions(root)", () => {
  test("listEditions(root) gives each edition its delivery, the default one and whether they are the same", async () => {
    const source = await mkdtemp(join(tmpdir(), "namndrapport-utgavor-"));
    for (const month of ["2023-10", "2023-11", "2023-12"]) {
      await mkdir(join(source, month));
      await writeFile(join(source, month, "index.md"), "---\nstatus: utkast\n---\n");
    }
    const exports = await mkdtemp(join(tmpdir(), "namndrapport-leveranser-"));
    for (const name of ["2023-11-05", "20231205", "2024-01-05"]) await mkdir(join(exports, name));
    process.env.NAMNDRAPPORT_EXPORTS = exports;
    expect(listEditions(source).map((e) => [e.month, e.delivery, e.expectedDelivery, e.isDefaultDelivery])).toEqual([
      ["2023-12", "2024-01-05", "2024-01-05", true],
      ["2023-11", "2024-01-05", "2023-12-05", false],
      ["2023-10", "2023-11-05", "2023-11-05", true]
    ]);
  });
});
