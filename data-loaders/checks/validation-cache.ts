// Every loader of an edition opens the same delivery, and validating a national-scale delivery takes far longer than
// computing a section. A delivery that passed is remembered, with its warnings, under a key over the validation code,
// the DuckDB version and the delivery's files (names, sizes, modification times, manifest). Any change to either
// validates again. The delivery's profile (profile.ts) and cross-table warnings are remembered under the same key.
import {createHash} from "node:crypto";
import {existsSync, readdirSync, readFileSync, realpathSync, statSync} from "node:fs";
import {mkdir, rename, writeFile} from "node:fs/promises";
import {dirname, join, resolve} from "node:path";
import {createRequire} from "node:module";
import {fileURLToPath} from "node:url";
import {deliveryDir} from "../staging/sources.ts";

const HERE = dirname(fileURLToPath(import.meta.url));
/** The code whose change makes every earlier result void (the staging views feed the cross-table warnings). */
const CODE = [
  HERE,
  join(HERE, "..", "contract.ts"),
  join(HERE, "..", "staging"),
  join(HERE, "..", "metrics", "systems.ts"),
  join(HERE, "..", "metrics", "series-breaks.ts")
];
// Fingerprints are DuckDB hashes, which may change between versions.
const DUCKDB_PACKAGE = join(dirname(createRequire(import.meta.url).resolve("@duckdb/node-api")), "..", "package.json");

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
  hash.update(readFileSync(DUCKDB_PACKAGE));
  // The real path: a delivery linked into another exports root is the same files.
  const dir = realpathSync(deliveryDir(root, delivery));
  hash.update(`delivery:${dir}\0`);
  for (const name of readdirSync(dir).sort()) {
    const info = statSync(join(dir, name));
    hash.update(`${name}:${info.size}:${info.mtimeMs}\0`);
    if (name === "manifest.json") hash.update(readFileSync(join(dir, name)));
  }
  return hash.digest("hex");
}

const entry = (key: string, kind = "") => join(validationCacheDir(), `${key}${kind && `.${kind}`}.json`);

/** A remembered result of `kind` ("" for validation, "profil", "kvalitet") under `key`, or null. */
export function cachedResult<T>(key: string, kind: string): T | null {
  const path = entry(key, kind);
  if (!existsSync(path)) return null;
  try {
    return (JSON.parse(readFileSync(path, "utf8")) as {value?: T}).value ?? null;
  } catch {
    // A file another loader is still writing reads as missing: the result is computed again.
    return null;
  }
}

/** Remembers a result of `kind` under `key`. */
export async function rememberResult(key: string, kind: string, value: unknown): Promise<void> {
  await mkdir(validationCacheDir(), {recursive: true});
  // Written beside and renamed, so a loader running at the same time never reads half a file.
  const path = entry(key, kind);
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify({value}));
  await rename(temporary, path);
}

/**
 * A result computed once per key: the remembered one when `key` is not null and one is remembered, else `compute`'s,
 * remembered when `keep` says so.
 */
export async function cached<T>(
  key: string | null,
  kind: string,
  compute: () => Promise<T>,
  keep: (value: T) => boolean = () => true
): Promise<T> {
  const earlier = key ? cachedResult<T>(key, kind) : null;
  if (earlier !== null) return earlier;
  const value = await compute();
  if (key && keep(value)) await rememberResult(key, kind, value);
  return value;
}
