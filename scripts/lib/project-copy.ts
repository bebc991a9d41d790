// A copy of the project in another folder, for measuring and testing what a publisher does (publish, edit, build)
// without touching this tree: code, config and chosen editions are copied; node_modules and Framework's shared caches
// are linked; deliveries are copied (chosen ones) or linked (all, read only). Editions are copied as drafts: records in
// publicerat/ are not copied, so a published edition's pages lose their publication front matter and frozen data.
import {spawnSync, type SpawnSyncReturns} from "node:child_process";
import {existsSync} from "node:fs";
import {cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {withFrontMatter} from "../../data-loaders/front-matter.ts";
import {isEditionName} from "../../data-loaders/source-root.ts";

const CODE = [
  "package.json",
  "package-lock.json",
  "observablehq.config.ts",
  "tsconfig.json",
  "data-loaders",
  "scripts"
];

export interface ProjectCopy {
  dir: string;
  /** Runs `npx tsx scripts/<script>.ts ...args` in the copy, with its own defaults (NAMNDRAPPORT_* unset). */
  run: (script: string, args?: string[], env?: Record<string, string>) => SpawnSyncReturns<string>;
}

export interface CopyOptions {
  /** Editions of src/ to copy; the others are left out. */
  editions: string[];
  /** Deliveries to copy into data/exports; "alla" links the whole exports folder instead (read only). */
  deliveries: string[] | "alla";
}

/** Turns a copied edition folder back into a draft: status utkast, no version, date or corrections, no frozen data. */
async function asDraft(folder: string): Promise<void> {
  if (!existsSync(folder)) return;
  await rm(join(folder, "data"), {recursive: true, force: true});
  for (const page of ["index.md", "tjansteskrivelse.md"]) {
    const file = join(folder, page);
    if (!existsSync(file)) continue;
    const text = await readFile(file, "utf8");
    const draft = withFrontMatter(text, {
      status: "utkast",
      version: undefined,
      publicerad: undefined,
      rattelser: undefined
    });
    if (draft !== text) await writeFile(file, draft);
  }
}

/** Copies the project into a new temporary folder. */
export async function copyProject({editions, deliveries}: CopyOptions): Promise<ProjectCopy> {
  const dir = await mkdtemp(join(tmpdir(), "namndrapport-projekt-"));
  for (const item of CODE) await cp(item, join(dir, item), {recursive: true});
  await cp("src", join(dir, "src"), {
    recursive: true,
    filter: (source) => {
      const name = source.split(/[/\\]/).pop() ?? "";
      if (name === ".observablehq") return false;
      return !isEditionName(name) || editions.includes(name) || source === "src";
    }
  });
  for (const month of editions) await asDraft(join(dir, "src", month));
  await symlink(resolve("node_modules"), join(dir, "node_modules"));
  await mkdir(join(dir, ".bygg"), {recursive: true});
  await mkdir(resolve(".bygg", "framework-cache"), {recursive: true});
  await symlink(resolve(".bygg", "framework-cache"), join(dir, ".bygg", "framework-cache"));
  await mkdir(join(dir, "data"), {recursive: true});
  const exports = join(dir, "data", "exports");
  if (deliveries === "alla") {
    await symlink(resolve("data", "exports"), exports);
  } else {
    await mkdir(exports, {recursive: true});
    for (const file of await readdir("data/exports")) {
      if (deliveries.includes(file) || file.startsWith(".")) {
        await cp(join("data/exports", file), join(exports, file), {recursive: true});
      }
    }
  }
  // The copy's own defaults (data/exports, publicerat/, src/), whatever this process has set.
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("NAMNDRAPPORT_")));
  const run = (script: string, args: string[] = [], env: Record<string, string> = {}) =>
    spawnSync("npx", ["tsx", `scripts/${script}.ts`, ...args], {
      cwd: dir,
      encoding: "utf8",
      env: {...base, ...env},
      maxBuffer: 64 * 1024 * 1024
    });
  return {dir, run};
}
