// The loader cache key follows the loaders' real module graph: an edit anywhere a loader imports from (inside or
// outside data-loaders/) drops the cached outputs; an edit elsewhere does not.
import {mkdir, mkdtemp, readFile, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {describe, expect, test} from "vitest";
import {invalidateLoaderCache, loaderCacheKey, loaderModules} from "../../scripts/lib/loader-cache.ts";

/** A project in a temp folder: a loader entry under src/[month]/data/ importing a module in lib/ outside src/. */
async function project(): Promise<{dir: string; root: string; exports: string}> {
  const dir = await mkdtemp(join(tmpdir(), "namndrapport-cache-"));
  const root = join(dir, "src");
  await mkdir(join(root, "[month]", "data"), {recursive: true});
  await mkdir(join(dir, "lib"), {recursive: true});
  await mkdir(join(dir, "exports"), {recursive: true});
  await writeFile(
    join(root, "[month]", "data", "x.json.ts"),
    'import {windowStart} from "../../../lib/months.ts";\nprocess.stdout.write(JSON.stringify(windowStart("2023-11")));\n'
  );
  await writeFile(join(dir, "lib", "months.ts"), "export const windowStart = (m: string) => `${m}-a`;\n");
  await writeFile(join(dir, "lib", "unused.ts"), "export const unused = 1;\n");
  await writeFile(join(root, "index.md"), "# Sida\n");
  return {dir, root, exports: join(dir, "exports")};
}

describe("loaderModules(root) and loaderCacheKey(options)", () => {
  test("loaderModules(root) lists every local module the real loaders import, src/lib/ included", async () => {
    const modules = await loaderModules("src");
    for (const file of [
      "src/[month]/data/ekonomiskt-bistand.json.ts",
      "data-loaders/run-loader.ts",
      "data-loaders/metrics/ekonomiskt-bistand.ts",
      "src/lib/months.ts",
      "src/lib/settings.ts",
      "src/data/utgavor.json.ts"
    ]) {
      expect(modules).toContain(resolve(file));
    }
    expect(modules.some((m) => m.includes("node_modules"))).toBe(false);
    expect(modules).not.toContain(resolve("src/components/kpi-card.ts"));
  });

  test("loaderCacheKey(options) changes when a function imported from outside the loader folder changes", async () => {
    const {dir, root, exports} = await project();
    const before = await loaderCacheKey({root, exports});
    await writeFile(join(dir, "lib", "unused.ts"), "export const unused = 2;\n");
    await writeFile(join(root, "index.md"), "# Sida med ny text\n");
    expect(await loaderCacheKey({root, exports})).toBe(before);
    await writeFile(join(dir, "lib", "months.ts"), "export const windowStart = (m: string) => `${m}-b`;\n");
    expect(await loaderCacheKey({root, exports})).not.toBe(before);
  });

  test("invalidateLoaderCache(options) drops cached outputs after such an edit and keeps the npm cache", async () => {
    const {dir, root, exports} = await project();
    const cache = join(root, ".observablehq", "cache");
    expect(await invalidateLoaderCache({root, exports})).toBe(false);
    await mkdir(join(cache, "[month]", "data"), {recursive: true});
    await mkdir(join(cache, "_npm"), {recursive: true});
    await writeFile(join(cache, "[month]", "data", "x.json"), '"stale"');
    await writeFile(join(cache, "_npm", "kept.js"), "1");
    expect(await invalidateLoaderCache({root, exports})).toBe(false);
    await writeFile(join(dir, "lib", "months.ts"), "export const windowStart = (m: string) => `${m}-c`;\n");
    expect(await invalidateLoaderCache({root, exports})).toBe(true);
    await expect(readFile(join(cache, "[month]", "data", "x.json"), "utf8")).rejects.toThrow();
    expect(await readFile(join(cache, "_npm", "kept.js"), "utf8")).toBe("1");
  });
});
