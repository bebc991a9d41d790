// The staged delivery: one DuckDB database file per validated delivery, holding its intermediate models as tables,
// made once and opened read-only by every loader of the edition (each loader is its own process). It is keyed by the
// SHA-256 of every file in the delivery folder, the delivery's place and the staging code, so a changed file, another
// delivery or changed code never reuses it. It holds record-level data like the delivery itself: whenever an entry is
// made, entries of deliveries gone from their folder (gallring) and all but the KEEP most recently used are removed.
import {DuckDBInstance, version as duckdbVersion, type DuckDBConnection} from "@duckdb/node-api";
import {createHash} from "node:crypto";
import {createReadStream, existsSync, readdirSync, readFileSync, statSync} from "node:fs";
import {mkdir, readFile, rename, rm, utimes, writeFile} from "node:fs/promises";
import {dirname, join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {duckdbOptions, queryRows} from "./db.ts";
import {createModels} from "./intermediate/models.ts";
import {deliveryDir} from "./staging/sources.ts";

const HERE = dirname(fileURLToPath(import.meta.url));
/** The code that decides what a staged database holds: a change to any of it stages every delivery again. */
const CODE = [
  join(HERE, "staged.ts"),
  join(HERE, "db.ts"),
  join(HERE, "contract.ts"),
  join(HERE, "staging"),
  join(HERE, "intermediate")
];

/** Where staged databases are kept: env NAMNDRAPPORT_STAGING_CACHE, else node_modules/.cache/namndrapport/staging. */
export function stagedCacheDir(): string {
  return resolve(process.env.NAMNDRAPPORT_STAGING_CACHE ?? join("node_modules", ".cache", "namndrapport", "staging"));
}

function codeFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => codeFiles(join(path, name)));
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

function hashFile(path: string): Promise<string> {
  return new Promise((done, fail) => {
    const hash = createHash("sha256");
    createReadStream(path)
      .on("data", (chunk) => hash.update(chunk))
      .on("error", fail)
      .on("end", () => done(hash.digest("hex")));
  });
}

/**
 * The SHA-256 of a file's content. Hashing a national delivery takes about a second, so the hash is remembered under
 * the file's identity and change time (inode, size, mtime, ctime): any write to the file changes its ctime, which no
 * program can set back, so a remembered hash is never used for changed content.
 */
async function contentHash(path: string): Promise<string> {
  const info = statSync(path, {bigint: true});
  const identity = sha256(
    [resolve(path), info.dev, info.ino, info.size, info.mtimeNs, info.ctimeNs].map(String).join("\0")
  );
  const memo = join(stagedCacheDir(), "hashes", identity);
  if (existsSync(memo)) {
    const remembered = (await readFile(memo, "utf8")).trim();
    if (/^[0-9a-f]{64}$/.test(remembered)) return remembered;
  }
  const hash = await hashFile(path);
  await mkdir(dirname(memo), {recursive: true});
  await writeFile(`${memo}.${process.pid}`, hash);
  await rename(`${memo}.${process.pid}`, memo);
  return hash;
}

/** Every file of the delivery folder with the SHA-256 of its content, by name. */
export async function deliveryHashes(root: string, delivery: string): Promise<Record<string, string>> {
  const dir = deliveryDir(root, delivery);
  const hashes: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    if (statSync(join(dir, name)).isFile()) hashes[name] = await contentHash(join(dir, name));
  }
  return hashes;
}

/** What identifies a staged database: the delivery (its place and every file's hash) and the code that stages it. */
export interface StagedIdentity {
  root: string;
  delivery: string;
  key: string;
  hashes: Record<string, string>;
}

export async function stagedIdentity(root: string, delivery: string): Promise<StagedIdentity> {
  const hashes = await deliveryHashes(root, delivery);
  const hash = createHash("sha256");
  for (const file of CODE.flatMap(codeFiles)) hash.update(`code:${file}\0`).update(readFileSync(file));
  hash.update(`duckdb:${duckdbVersion()}\0delivery:${resolve(deliveryDir(root, delivery))}\0`);
  for (const [name, fileHash] of Object.entries(hashes)) hash.update(`${name}:${fileHash}\0`);
  return {root: resolve(root), delivery, key: hash.digest("hex"), hashes};
}

/** How many staged databases are kept (about 0.3 GB each for a national delivery): a build's editions and more. */
export const KEEP = 8;

const rootHash = (root: string) => sha256(resolve(root)).slice(0, 12);
const ENTRY = /^(\d{4}-\d{2}-\d{2})-([0-9a-f]{12})-[0-9a-f]{32}\.duckdb$/;

/** The file a staged database with this identity is kept in: `<delivery>-<root hash>-<key>.duckdb`. */
export function stagedPath(identity: StagedIdentity): string {
  return join(stagedCacheDir(), `${identity.delivery}-${rootHash(identity.root)}-${identity.key.slice(0, 32)}.duckdb`);
}

const META_SQL = `create table staged_delivery (root varchar, delivery varchar, key varchar, hashes varchar);
insert into staged_delivery values ($root, $delivery, $key, $hashes);`;

/** Stages the delivery into a new database file (written beside its final name, then moved into place). */
async function build(identity: StagedIdentity, path: string): Promise<void> {
  await mkdir(dirname(path), {recursive: true});
  const partial = `${path}.${process.pid}.tmp`;
  await rm(partial, {force: true});
  try {
    const instance = await DuckDBInstance.create(partial, duckdbOptions());
    const conn = await instance.connect();
    try {
      await createModels(conn, identity.root, identity.delivery, {materialise: true});
      const {root, delivery, key, hashes} = identity;
      await conn.run(META_SQL, {root, delivery, key, hashes: JSON.stringify(hashes)});
      await conn.run("checkpoint");
    } finally {
      conn.closeSync();
      instance.closeSync();
    }
    await rename(partial, path);
  } catch (error) {
    await rm(partial, {force: true});
    throw error;
  }
}

/**
 * Removes the staged databases of deliveries under `root` that are no longer there (after gallring), and with
 * `identity` also those of its delivery made for other files or code, and the least recently used beyond KEEP.
 */
export async function pruneStagedDatabases(root: string, identity?: StagedIdentity, keep?: string): Promise<void> {
  const dir = stagedCacheDir();
  if (!existsSync(dir)) return;
  const kept: {path: string; used: number}[] = [];
  for (const name of readdirSync(dir)) {
    const match = ENTRY.exec(name);
    const path = join(dir, name);
    if (!match || path === keep) continue;
    const sameFolder = match[2] === rootHash(root);
    if (sameFolder && (match[1] === identity?.delivery || !existsSync(deliveryDir(root, match[1])))) {
      await rm(path, {force: true});
    } else {
      kept.push({path, used: statSync(path).mtimeMs});
    }
  }
  if (!identity) return;
  kept.sort((a, b) => b.used - a.used);
  for (const {path} of kept.slice(KEEP - 1)) await rm(path, {force: true});
}

/** Opens a staged database read-only, after checking it was made for exactly this identity. */
async function openStaged(path: string, identity: StagedIdentity): Promise<DuckDBConnection | null> {
  try {
    const conn = await (await DuckDBInstance.create(path, {...duckdbOptions(), access_mode: "READ_ONLY"})).connect();
    const [meta] = await queryRows<{root: string; delivery: string; key: string}>(
      conn,
      "select root, delivery, key from staged_delivery"
    );
    if (meta?.root === identity.root && meta.delivery === identity.delivery && meta.key === identity.key) return conn;
    conn.closeSync();
    return null;
  } catch {
    // Not a finished staged database (another version's file, a disk error): it is made again.
    return null;
  }
}

/**
 * A read-only connection to the staged database of a delivery that has passed validation, made first when there is
 * none for its files as they are now. The caller validates; this never does.
 */
export async function openStagedDelivery(root: string, delivery: string): Promise<DuckDBConnection> {
  const identity = await stagedIdentity(root, delivery);
  const path = stagedPath(identity);
  if (existsSync(path)) {
    const conn = await openStaged(path, identity);
    if (conn) {
      // Its modification time says when it was last used, for pruning.
      const now = new Date();
      await utimes(path, now, now);
      return conn;
    }
    await rm(path, {force: true});
  }
  await build(identity, path);
  await pruneStagedDatabases(identity.root, identity, path);
  const conn = await openStaged(path, identity);
  if (!conn) throw new Error(`Den förberedda databasen för leveransen ${delivery} gick inte att öppna (${path}).`);
  return conn;
}
