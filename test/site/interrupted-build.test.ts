// An interrupted build (Ctrl+C or SIGTERM while Framework runs) stops Framework, leaves no half-built
// <output>.bygger-* folder and no output, and says so in Swedish with the shell's exit status for the signal.
import {spawn} from "node:child_process";
import {existsSync, readdirSync} from "node:fs";
import {mkdtemp, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, test} from "vitest";

/** Resolves when `found()` is true, polling; rejects after `ms`. */
async function waitFor(found: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!found()) {
    if (Date.now() > until) throw new Error("väntade för länge");
    await new Promise((done) => setTimeout(done, 100));
  }
}

describe("buildSite interrupted", () => {
  test.each([
    ["SIGINT", 130],
    ["SIGTERM", 143]
  ] as const)(
    "%s while Framework writes the site leaves no dist.bygger-* folder",
    async (signal, status) => {
      const dir = await mkdtemp(join(tmpdir(), "namndrapport-avbrott-"));
      const output = join(dir, "ut");
      const editionRoot = join(".bygg", `test-avbrott-${signal}-${process.pid}`);
      const staging = () => readdirSync(dir).filter((name) => name.startsWith("ut.bygger-"));
      try {
        const child = spawn(
          process.execPath,
          ["--import", "tsx", "test/fixtures/interruptible-build.ts", output, editionRoot],
          {
            stdio: ["ignore", "pipe", "pipe"]
          }
        );
        let stderr = "";
        child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
        const exited = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
        // Framework creates the staging folder with its first page.
        await waitFor(() => staging().length > 0, 400_000);
        child.kill(signal);
        expect(await exited).toBe(status);
        expect(stderr).toContain(`Fel: Bygget avbröts (${signal}). Det tidigare innehållet i ${output} är orört.`);
        expect(staging()).toEqual([]);
        expect(existsSync(output)).toBe(false);
      } finally {
        await rm(editionRoot, {recursive: true, force: true});
        await rm(dir, {recursive: true, force: true});
      }
    },
    600_000
  );
});
