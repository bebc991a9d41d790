// The staged database of a delivery (data-loaders/staged.ts): made once, reused while the delivery's files are the
// same, made again when any of them changes, and never used for another delivery.
import {cp, mkdtemp, open, readdir, readFile, rm, stat, utimes, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {beforeEach, describe, expect, test} from "vitest";
import {queryRows} from "../../data-loaders/db.ts";
import {openDelivery} from "../../data-loaders/deliveries.ts";
import {
  openStagedDelivery,
  pruneStagedDatabases,
  stagedCacheDir,
  stagedIdentity,
  stagedPath
} from "../../data-loaders/staged.ts";
import {writeDelivery} from "../fixtures/build-delivery.ts";
import {DELIVERY, minimalDelivery, minimalRows} from "../fixtures/minimal-delivery.ts";

beforeEach(async () => {
  process.env.NAMNDRAPPORT_STAGING_CACHE = await mkdtemp(join(tmpdir(), "namndrapport-staging-"));
});

const databases = async () => (await readdir(stagedCacheDir())).filter((name) => name.endsWith(".duckdb")).sort();

const paidTotal = async (root: string) => {
  const conn = await openStagedDelivery(root, DELIVERY);
  const [{total}] = await queryRows<{total: number}>(conn, "select sum(amount) as total from eb_payments");
  conn.closeSync();
  return total;
};

/** Rewrites a file with one byte changed, keeping its size and modification time. */
async function flipByte(path: string, offset: number): Promise<void> {
  const before = await stat(path);
  const file = await open(path, "r+");
  const byte = Buffer.alloc(1);
  await file.read(byte, 0, 1, offset);
  byte[0] ^= 0xff;
  await file.write(byte, 0, 1, offset);
  await file.close();
  await utimes(path, before.atime, before.mtime);
  expect((await stat(path)).size).toBe(before.size);
}

describe("openStagedDelivery(root, delivery)", () => {
  test("openStagedDelivery(root, delivery) stages once and reuses the database while the files are unchanged", async () => {
    const root = await minimalDelivery();
    const first = await openStagedDelivery(root, DELIVERY);
    const [made] = await databases();
    expect(made).toMatch(/^2023-12-05-[0-9a-f]{12}-[0-9a-f]{32}\.duckdb$/);
    const built = (await stat(join(stagedCacheDir(), made))).ino; // a new file (moved into place) has a new inode
    first.closeSync();

    const again = await openStagedDelivery(root, DELIVERY);
    expect(await databases()).toEqual([made]);
    expect((await stat(join(stagedCacheDir(), made))).ino).toBe(built);
    // The staged tables hold what the views over the files give.
    const memory = await openDelivery(root, DELIVERY);
    for (const model of ["eb_payments", "eb_members", "eb_paying_months", "am_enrolments"]) {
      const sql = `select * from ${model} order by all`;
      expect(await queryRows(again, sql), model).toEqual(await queryRows(memory, sql));
    }
    // Read-only: a loader cannot change what the next one reads.
    await expect(again.run("delete from eb_payments")).rejects.toThrow(/read-only/i);
  });

  test("openStagedDelivery(root, delivery) stages again when a delivery file changes, and drops the old database", async () => {
    const root = await minimalDelivery();
    expect(await paidTotal(root)).toBeGreaterThan(0);
    const [old] = await databases();
    const before = await paidTotal(root);

    // The same delivery with one payment 100 kr larger: only that file differs.
    const changed = await minimalDelivery({
      change: (rows) => (rows.lifecare_eb_utbetalning[0].belopp = Number(rows.lifecare_eb_utbetalning[0].belopp) + 100)
    });
    const file = join(root, DELIVERY, "lifecare_eb_utbetalning.parquet");
    const {mtime} = await stat(file);
    await cp(join(changed, DELIVERY, "lifecare_eb_utbetalning.parquet"), file);
    await utimes(file, mtime, mtime);

    expect(await paidTotal(root)).toBe(before + 100);
    const now = await databases();
    expect(now).toHaveLength(1);
    expect(now[0]).not.toBe(old);
  });

  test("stagedIdentity(root, delivery) changes when any file of the delivery changes, size and mtime kept", async () => {
    const root = await minimalDelivery();
    const dir = join(root, DELIVERY);
    const files = (await readdir(dir)).sort();
    expect(files).toContain("manifest.json");
    let key = (await stagedIdentity(root, DELIVERY)).key;
    for (const name of files) {
      await flipByte(join(dir, name), 10);
      const next = (await stagedIdentity(root, DELIVERY)).key;
      expect(next, name).not.toBe(key);
      key = next;
    }
    // A file added to the folder counts too.
    await writeFile(join(dir, "extra.csv"), "a\n1\n");
    expect((await stagedIdentity(root, DELIVERY)).key).not.toBe(key);
  });

  test("openStagedDelivery(root, delivery) never uses one delivery's database for another", async () => {
    // Two deliveries with identical files: another date in the same folder, and the same date in another folder.
    const root = await minimalDelivery();
    await writeDelivery(root, "2024-01-05", minimalRows());
    const copy = await mkdtemp(join(tmpdir(), "namndrapport-kopia-"));
    await cp(join(root, DELIVERY), join(copy, DELIVERY), {recursive: true});
    const identities = [
      await stagedIdentity(root, DELIVERY),
      await stagedIdentity(root, "2024-01-05"),
      await stagedIdentity(copy, DELIVERY)
    ];
    expect(new Set(identities.map(stagedPath)).size).toBe(3);
    for (const [r, d] of [
      [root, DELIVERY],
      [root, "2024-01-05"],
      [copy, DELIVERY]
    ]) {
      (await openStagedDelivery(r, d)).closeSync();
    }
    expect(await databases()).toHaveLength(3);

    // A database put where another delivery's belongs is not used: its record says which delivery it holds.
    const [a, b] = identities.map(stagedPath);
    await cp(a, b);
    const conn = await openStagedDelivery(root, "2024-01-05");
    const [meta] = await queryRows<{delivery: string}>(conn, "select delivery from staged_delivery");
    expect(meta.delivery).toBe("2024-01-05");
    expect(await readFile(b)).not.toEqual(await readFile(a));
  });

  test("pruneStagedDatabases(root) removes the databases of deliveries that are gone from the folder", async () => {
    const root = await minimalDelivery();
    await writeDelivery(root, "2024-01-05", minimalRows());
    for (const delivery of [DELIVERY, "2024-01-05"]) (await openStagedDelivery(root, delivery)).closeSync();
    const kept = stagedPath(await stagedIdentity(root, "2024-01-05"));
    await rm(join(root, DELIVERY), {recursive: true});
    await pruneStagedDatabases(root);
    expect((await databases()).map((name) => join(stagedCacheDir(), name))).toEqual([kept]);
  });
});
