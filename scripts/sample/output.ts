// The output folder policy: the generator owns the delivery folders it wrote (listed in a marker file) and
// overwrites them; it refuses to touch a delivery folder it did not write, so a real delivery is never replaced.
import {readdir, readFile, rm, stat, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {GENERATOR} from "./config.ts";

import {intendedDelivery, SAMPLE_MARKER as MARKER} from "../../data-loaders/deliveries.ts";

export {MARKER};

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

async function ownedDeliveries(outDir: string): Promise<Set<string>> {
  const path = join(outDir, MARKER);
  if (!(await exists(path))) return new Set();
  const marker = JSON.parse(await readFile(path, "utf8")) as {generator?: string; deliveries?: string[]};
  return marker.generator === GENERATOR ? new Set(marker.deliveries ?? []) : new Set();
}

async function writeMarker(outDir: string, deliveries: Iterable<string>, scale: number): Promise<void> {
  const marker = {generator: GENERATOR, scale, deliveries: [...deliveries].sort()};
  await writeFile(join(outDir, MARKER), `${JSON.stringify(marker, null, 2)}\n`);
}

/**
 * Checks the folder before anything is written and claims the deliveries about to be written. Throws (in Swedish)
 * when the path is a file or holds a delivery folder that the generator did not write.
 */
export async function claimOutput(outDir: string, deliveries: readonly string[], scale: number): Promise<void> {
  if ((await exists(outDir)) && !(await stat(outDir)).isDirectory()) {
    throw new Error(`${outDir} är en fil, inte en mapp. Ange en mapp med --ut.`);
  }
  const owned = await ownedDeliveries(outDir).catch(() => new Set<string>());
  const entries = (await exists(outDir)) ? await readdir(outDir, {withFileTypes: true}) : [];
  // A folder whose name holds a date may be a real delivery under a wrong name ("20231205"): never written beside.
  const foreign = entries.filter(
    (e) => e.isDirectory() && !e.name.startsWith(".") && intendedDelivery(e.name) !== null && !owned.has(e.name)
  );
  if (foreign.length > 0) {
    throw new Error(
      `${outDir} innehåller leveranser som inte är exempeldata (${foreign.map((e) => e.name).join(", ")}). ` +
        "Exempeldata skriver aldrig över riktiga leveranser: välj en annan mapp med --ut eller flytta dem."
    );
  }
  for (const e of entries)
    if (/^\.\d{4}-\d{2}-\d{2}\.tmp$/.test(e.name)) await rm(join(outDir, e.name), {recursive: true});
  await writeMarker(outDir, new Set([...owned, ...deliveries]), scale);
}

/** Removes sample deliveries from earlier runs that this run did not write, and records what is there now. */
export async function releaseOutput(outDir: string, deliveries: readonly string[], scale: number): Promise<void> {
  const current = new Set(deliveries);
  for (const name of await ownedDeliveries(outDir)) {
    if (!current.has(name)) await rm(join(outDir, name), {recursive: true, force: true});
  }
  await writeMarker(outDir, current, scale);
}
