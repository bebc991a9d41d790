// Every loader of an edition opens the same delivery, and validating a national-scale delivery takes far longer than
// computing a section. A delivery that passed is remembered, with its warnings, under a key over the validation code
// and the delivery's files (names, sizes, modification times, manifest). Any change to either validates again.
import {createHash} from "node:crypto";
import {existsSync, readdirSync, readFileSync, statSync} from "node:fs";
import {mkdir, writeFile} from "node:fs/promises";
import {dirname, join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {deliveryDir} from "../staging/sources.ts";
import type {Finding} from "./findings.ts";

const HERE = dirname(fileURLToPath(import.meta.url));
/** The code whose change makes every earlier result void. */
const CODE = [HERE, join(HERE, "..", "contract.ts"), join(HERE, "..", "staging", "sources.ts")];

/** Where results are kept: env NAMNDRAPPORT_VALIDATION_CACHE, else node_modules/.cache/namndrapport/validering. */
export function validationCacheDir(): string {
  return resolve(
    process.env.NAMNDRAPPORT_VALIDATION_CACHE ?? join("node_modules", ".cache", "namndrapport", "validering")
  );
}

function codeFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => codeFiles(join(path, name)));
}

/** The key for a delivery as it is on disk now, with the validation code as it is now. */
export function validationKey(root: string, delivery: string): string {
  const hash = createHash("sha256");
  for (const file of CODE.flatMap(codeFiles)) hash.update(`code:${file}\0`).update(readFileSync(file));
  const dir = deliveryDir(root, delivery);
  hash.update(`delivery:${resolve(dir)}\0`);
  for (const name of readdirSync(dir).sort()) {
    const info = statSync(join(dir, name));
    hash.update(`${name}:${info.size}:${info.mtimeMs}\0`);
    if (name === "manifest.json") hash.update(readFileSync(join(dir, name)));
  }
  return hash.digest("hex");
}

const entry = (key: string) => join(validationCacheDir(), `${key}.json`);

/** The warnings of an earlier successful validation with this key, or null. */
export function cachedValidation(key: string): Finding[] | null {
  const path = entry(key);
  if (!existsSync(path)) return null;
  try {
    return (JSON.parse(readFileSync(path, "utf8")) as {warnings: Finding[]}).warnings;
  } catch {
    return null;
  }
}

/** Remembers a successful validation (errors are never cached: they must show every time). */
export async function rememberValidation(key: string, warnings: Finding[]): Promise<void> {
  await mkdir(validationCacheDir(), {recursive: true});
  await writeFile(entry(key), JSON.stringify({warnings}));
}
