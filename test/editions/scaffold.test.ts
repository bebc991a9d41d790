// scaffoldEdition: the drafted Tjänsteskrivelse calls only prose helpers its page imports, and adds the seasonal
// sentence to the headline bullets.
import {mkdtemp, readFile, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, test} from "vitest";
import * as prose from "../../src/components/prose.ts";
import {scaffoldEdition} from "../../scripts/lib/scaffold.ts";

describe("scaffoldEdition", () => {
  test("drafts season() for the headline bullets and imports every prose helper it calls", async () => {
    const root = await mkdtemp(join(tmpdir(), "namndrapport-scaffold-"));
    try {
      await scaffoldEdition(root, "2024-02");
      const page = await readFile(join(root, "2024-02", "tjansteskrivelse.md"), "utf8");
      const imported = /import \{([^}]+)\} from "\.\.\/components\/prose\.js"/
        .exec(page)?.[1]
        .split(",")
        .map((s) => s.trim());
      const called = [...new Set([...page.matchAll(/\$\{(\w+)\(m\./g)].map((m) => m[1]))];
      expect(called).toContain("season");
      for (const helper of called) {
        expect(imported).toContain(helper);
        expect(typeof (prose as Record<string, unknown>)[helper]).toBe("function");
      }
      const seasonal = [...page.matchAll(/season\(m\.(\w+)\)/g)].map((m) => m[1]);
      expect(seasonal).toEqual(["utbetalningshushall", "utbetalt", "hushall_insats", "am_inskrivna", "nya_insatser"]);
    } finally {
      await rm(root, {recursive: true, force: true});
    }
  });
});
