// A page that shows an error is never published or printed: buildSite opens every built page in Chromium and fails,
// naming the page and the expression, when a cell errs (a misspelt metric, a chart without data).
import {mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, test} from "vitest";
import {buildSite, prepareEditionRoot} from "../../scripts/lib/site-build.ts";

/** Replaces a linked page of a prepared source root with an edited copy. */
async function edit(root: string, page: string, from: string, to: string): Promise<void> {
  const file = join(root, page);
  const text = await readFile(file, "utf8");
  expect(text).toContain(from);
  await rm(file);
  await writeFile(file, text.replace(from, to));
}

describe("buildSite with a page that errs", () => {
  test("buildSite fails naming the page and the misspelt expression, and writes no output", async () => {
    const root = await prepareEditionRoot("2023-11", join(".bygg", `test-sidfel-${process.pid}`));
    const output = join(await mkdtemp(join(tmpdir(), "namndrapport-sidfel-")), "ut");
    try {
      await edit(root, "2023-11/tjansteskrivelse.md", "${value(m.utbetalt)}", "${value(m.utbetalningshushal)}");
      await edit(root, "2023-11/index.md", "${chart(eb.metrics.langvariga)}", "${chart(eb.metrics.langvarig)}");
      await edit(root, "2023-11/index.md", "${bars(am.fordelning)}", "${bars(undefined)}");
      const error = await buildSite({output, sourceRoot: root, quiet: true, log: () => undefined}).catch(
        (e: unknown) => e as Error
      );
      expect(error).toBeInstanceOf(Error);
      const message = (error as Error).message;
      expect(message).toMatch(/^Sidor med fel publiceras inte:/);
      expect(message).toContain(
        "Sidan 2023-11/tjansteskrivelse har fel:\n  uttrycket `value(m.utbetalningshushal)`: Okänt mått 'utbetalningshushal' – menar du 'utbetalningshushall'?"
      );
      expect(message).toContain(
        "uttrycket `chart(eb.metrics.langvarig)`: Okänt mått 'langvarig' – menar du 'langvariga'"
      );
      expect(message).toContain("uttrycket `bars(undefined)`: bars() fick ingen fördelning utan undefined.");
      await expect(readFile(join(output, "index.html"))).rejects.toThrow();
    } finally {
      await rm(root, {recursive: true, force: true});
    }
  }, 300_000);
});
