// Framework re-runs a data loader only when its output is missing or the loader entry itself changed. Edits in the
// modules a loader imports, settings or a new delivery do not count, so we key the cached loader outputs on all of
// them and drop the outputs when the key changes. The code part of the key is the loaders' real module graph (every
// local file any loader entry imports, found by esbuild), so no list of folders has to be kept. The npm and module
// caches (folders starting with "_") are kept.
import {build} from "esbuild";
import {createHash} from "node:crypto";
import {existsSync} from "node:fs";
import {mkdir, open, readdir, readFile, rm, stat, utimes, writeFile} from "node:fs/promises";
import {join, relative, resolve} from "node:path";
import {frontMatterBlock} from "../../data-loaders/front-matter.ts";
import {DEFAULT_SOURCE_ROOT} from "../../data-loaders/source-root.ts";
import {isLoaderErrorOutput} from "../../src/lib/loader-error.ts";

export interface LoaderCacheOptions {
  /** Framework source root: its loader entries and every local module they import are part of the key. */
  root: string;
  /** Exports root: every delivery's manifest and file sizes are part of the key. */
  exports: string;
  /** The editions the site holds, when the build lists them (the archive loader's output depends on them). */
  editions?: readonly string[];
}

/** A data loader entry: `<name>.<ext>.ts` (or .js) beside the pages, e.g. src/[month]/data/bilagor.json.ts. */
const LOADER_ENTRY = /\.(json|csv|arrow|txt|parquet|zip)\.(ts|js)$/;

const KEY_FILE = ".namndrapport-loader-key";

async function listFiles(path: string): Promise<string[]> {
  if (!existsSync(path)) return [];
  if (!(await stat(path)).isDirectory()) return [path];
  const out: string[] = [];
  for (const entry of await readdir(path, {withFileTypes: true})) {
    if (entry.name === ".observablehq" || entry.name === "node_modules") continue;
    out.push(...(await listFiles(join(path, entry.name))));
  }
  return out.sort();
}

/**
 * Every local file the data loaders under `root` run: the entries and all modules they import, however far from
 * data-loaders/ (src/lib/, settings, …), as absolute paths, sorted. Packages from node_modules are left out: they
 * change only with the lock file.
 */
export async function loaderModules(root: string): Promise<string[]> {
  const entries = (await listFiles(root)).filter((file) => LOADER_ENTRY.test(file));
  if (entries.length === 0) return [];
  const result = await build({
    entryPoints: entries,
    bundle: true,
    write: false,
    metafile: true,
    platform: "node",
    format: "esm",
    packages: "external",
    outdir: "loader-graph",
    logLevel: "silent"
  });
  return Object.keys(result.metafile.inputs)
    .filter((input) => !input.split(/[/\\]/).includes("node_modules"))
    .map((input) => resolve(input))
    .sort();
}

/** A hash over the loader code and every delivery (manifest content, file names, sizes and modification times). */
export async function loaderCacheKey(options: LoaderCacheOptions): Promise<string> {
  const {exports} = options;
  const hash = createHash("sha256");
  for (const file of await loaderModules(options.root)) {
    hash
      .update(`code:${relative(process.cwd(), file)}\0`)
      .update(await readFile(file))
      .update("\0");
  }
  hash.update(`lock:\0`).update(existsSync("package-lock.json") ? await readFile("package-lock.json") : "");
  for (const file of await listFiles(exports)) {
    const info = await stat(file);
    hash.update(`data:${relative(exports, file)}:${info.size}:${info.mtimeMs}\0`);
    if (file.endsWith("manifest.json")) hash.update(await readFile(file));
  }
  // The archive lists editions and their status: the front matter of edition pages is part of the key, their prose not.
  // src/ too: a single-edition build's review lists the published editions from there.
  const pages = [...new Set([...(await listFiles(options.root)), ...(await listFiles(DEFAULT_SOURCE_ROOT))])];
  for (const file of pages.filter((f) => /\d{4}-\d{2}[/\\][^/\\]+\.md$/.test(f))) {
    hash.update(`page:${file}\0`).update(frontMatterBlock(await readFile(file, "utf8")));
  }
  hash.update(`editions:${options.editions?.join(",") ?? "alla"}\0`);
  hash.update(`env:${process.env.NAMNDRAPPORT_EXPORTS ?? ""}`);
  return hash.digest("hex");
}

/**
 * Drops cached loader outputs when the key changed since the last build. Returns true when it dropped them.
 * Loader entry files under `root` are touched too, so a running preview server re-runs them.
 */
export async function invalidateLoaderCache(options: LoaderCacheOptions): Promise<boolean> {
  const cacheRoot = join(options.root, ".observablehq", "cache");
  const keyPath = join(cacheRoot, KEY_FILE);
  await dropLoaderErrors(cacheRoot);
  const key = await loaderCacheKey(options);
  const previous = existsSync(keyPath) ? await readFile(keyPath, "utf8") : null;
  if (previous === key) return false;
  if (existsSync(cacheRoot)) {
    for (const entry of await readdir(cacheRoot)) {
      if (!entry.startsWith("_") && !entry.startsWith("."))
        await rm(join(cacheRoot, entry), {recursive: true, force: true});
    }
  }
  await mkdir(cacheRoot, {recursive: true});
  await writeFile(keyPath, key);
  return previous !== null;
}

/** Removes cached outputs that are a failed loader's preview message, so the loader runs again. */
async function dropLoaderErrors(cacheRoot: string): Promise<void> {
  for (const file of await listFiles(cacheRoot)) {
    if (relative(cacheRoot, file).startsWith("_") || !file.endsWith(".json")) continue;
    const handle = await open(file, "r");
    try {
      const {bytesRead, buffer} = await handle.read(Buffer.alloc(64), 0, 64, 0);
      if (isLoaderErrorOutput(buffer.subarray(0, bytesRead).toString("utf8"))) await rm(file, {force: true});
    } finally {
      await handle.close();
    }
  }
}

/** Marks every data loader entry under root as changed, for a preview server that watches their mtimes. */
export async function touchLoaderEntries(root: string): Promise<void> {
  const now = new Date();
  for (const file of await listFiles(root)) {
    if (LOADER_ENTRY.test(file)) await utimes(file, now, now);
  }
}
