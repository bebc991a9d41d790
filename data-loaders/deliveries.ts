// Deliveries: the <root>/<YYYY-MM-DD>/ folders, the delivery an edition uses, and opening one (validated) for
// queries.
import type {DuckDBConnection} from "@duckdb/node-api";
import {existsSync, readdirSync, readFileSync, statSync} from "node:fs";
import {join, resolve} from "node:path";
import {addMonths, lastDay} from "../src/lib/months.ts";
import {settings} from "../src/lib/settings.ts";
import {ContractError, throwOnErrors, type Finding} from "./checks/findings.ts";
import {readManifest, type Manifest} from "./checks/manifest.ts";
import {checkDeliveryCached, validateDelivery} from "./checks/validate.ts";
import {connect, withMemoryDatabase} from "./db.ts";
import {createModels} from "./intermediate/models.ts";
import {openStagedDelivery} from "./staged.ts";
import {deliveryDir, displayPath, manifestPath} from "./staging/sources.ts";

export const DEFAULT_EXPORTS = "data/exports";

/** Where deliveries are read from: the env NAMNDRAPPORT_EXPORTS, else data/exports. */
export function exportsRoot(): string {
  return resolve(process.env.NAMNDRAPPORT_EXPORTS ?? DEFAULT_EXPORTS);
}

/** The file the sample generator writes into an exports root it owns (scripts/sample/output.ts). */
export const SAMPLE_MARKER = ".exempeldata.json";

/** True for a real calendar date written YYYY-MM-DD. */
export function isDeliveryDate(name: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(name);
  if (!match) return false;
  const day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return day.toISOString().slice(0, 10) === name;
}

/** The deliveries under root (folders named by a date), oldest first. An empty list when root does not exist. */
export function listDeliveries(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((name) => isDeliveryDate(name) && statSync(deliveryDir(root, name)).isDirectory())
    .sort();
}

/** What the manifests of the deliveries under root say: synthetic sample (`"synthetic": true`) or real. */
export function deliveryKinds(root: string): {synthetic: string[]; real: string[]} {
  const kinds = {synthetic: [] as string[], real: [] as string[]};
  for (const delivery of listDeliveries(root)) {
    let synthetic = false;
    try {
      const manifest = JSON.parse(readFileSync(manifestPath(root, delivery), "utf8").replace(/^\uFEFF/, ""));
      synthetic = manifest?.synthetic === true;
    } catch {
      // A missing or broken manifest is validation's to report; such a delivery does not say it is synthetic.
    }
    (synthetic ? kinds.synthetic : kinds.real).push(delivery);
  }
  return kinds;
}

/**
 * True when the exports root holds the synthetic sample, so pages must say that their figures are not real: a
 * delivery's manifest says `"synthetic": true`, or the generator's marker file is there.
 */
export function isSyntheticExports(root: string): boolean {
  return existsSync(join(root, SAMPLE_MARKER)) || deliveryKinds(root).synthetic.length > 0;
}

/**
 * Entries of the exports root that are not deliveries, by name: a folder named otherwise than YYYY-MM-DD, or a file.
 * Hidden entries (the sample's marker, temporary folders) are left out.
 */
export function strayEntries(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((name) => !name.startsWith(".") && !(isDeliveryDate(name) && statSync(join(root, name)).isDirectory()))
    .sort();
}

/** The delivery date a misnamed entry seems to mean ("20231205", "2023-12-05 kopia" → "2023-12-05"), or null. */
export function intendedDelivery(name: string): string | null {
  const match = /(\d{4})-?(\d{2})-?(\d{2})/.exec(name);
  const date = match ? `${match[1]}-${match[2]}-${match[3]}` : null;
  return date && isDeliveryDate(date) ? date : null;
}

/** A Swedish sentence about an entry of the exports root that is not a delivery. */
export function strayEntryText(root: string, name: string): string {
  const path = join(root, name);
  const folder = statSync(path).isDirectory();
  const intended = intendedDelivery(name);
  const what = folder ? `Mappen ${name}` : `Filen ${name}`;
  const hint =
    folder && intended
      ? ` Är det leveransen ${intended}? En leveransmapp ska heta ÅÅÅÅ-MM-DD, alltså ${intended}.`
      : !folder && /\.(zip|7z|tar|tgz|gz)$/i.test(name)
        ? " Packa upp leveransen i en mapp som heter ÅÅÅÅ-MM-DD."
        : folder
          ? " En leveransmapp ska heta ÅÅÅÅ-MM-DD."
          : "";
  return `${what} i ${displayPath(root)} är ingen leverans och läses inte.${hint}`;
}

/** The delivery an edition for report month M uses by default: the delivery day (settings) of the month after M. */
export function expectedDelivery(month: string): string {
  return `${addMonths(month, 1)}-${String(settings.deliveryDay).padStart(2, "0")}`;
}

/** The delivery an edition uses, and whether it is the default one (expectedDelivery). */
export interface EditionDelivery {
  month: string;
  delivery: string;
  /** The default delivery of the month. */
  expected: string;
  isDefault: boolean;
  /** Swedish: why the edition uses another delivery than the default; null when it uses the default. */
  note: string | null;
}

/** Swedish sentences naming the deliveries dated inside the month (too early to cover it) and the stray entries. */
function whyNotFound(root: string, month: string, deliveries: string[]): string {
  // The latest delivery dated inside the month is the one the user probably meant.
  const early = deliveries.filter((d) => d.startsWith(month)).slice(-1);
  const sentences = early.map(
    (d) => `Leveransen ${d} är gjord före utgången av ${month} och täcker inte hela månaden.`
  );
  for (const name of strayEntries(root)) sentences.push(strayEntryText(root, name));
  return sentences.length ? ` ${sentences.join(" ")}` : "";
}

/**
 * The delivery an edition for report month `month` ("YYYY-MM") uses: the default delivery (expectedDelivery) when it
 * exists, else the first one dated after the month ends, or `override` (checked to exist and to be dated after the
 * month). Says whether it is the default. Throws a Swedish error when there is none, naming deliveries dated before
 * the month ends and folders that are not deliveries.
 */
export function editionDelivery(root: string, month: string, override?: string): EditionDelivery {
  const end = lastDay(month);
  const expected = expectedDelivery(month);
  const deliveries = listDeliveries(root);
  const result = (delivery: string, note: string | null): EditionDelivery => ({
    month,
    delivery,
    expected,
    isDefault: delivery === expected,
    note: delivery === expected ? null : note
  });
  if (override !== undefined) {
    if (!isDeliveryDate(override)) throw new Error(`Ogiltig leverans "${override}": ange den som ÅÅÅÅ-MM-DD.`);
    if (!deliveries.includes(override)) {
      const known = deliveries.length ? ` Där finns: ${deliveries.slice(-3).join(", ")}.` : "";
      throw new Error(`Leveransen ${override} finns inte i ${displayPath(root)}.${known}`);
    }
    if (override <= end) {
      throw new Error(`Leveransen ${override} är gjord före utgången av ${month} och saknar en del av månaden.`);
    }
    return result(
      override,
      `Leveransen ${override} är vald med --leverans i stället för standardleveransen ${expected}.`
    );
  }
  if (deliveries.includes(expected)) return result(expected, null);
  const delivery = deliveries.find((date) => date > end);
  if (!delivery) {
    const empty = deliveries.length === 0 && strayEntries(root).length === 0;
    throw new Error(
      `Ingen leverans efter ${month} finns i ${displayPath(root)}.${whyNotFound(root, month, deliveries)}` +
        (empty ? " Kör npm run sample eller lägg leveransen där." : "")
    );
  }
  const stray = strayEntries(root).filter((name) => intendedDelivery(name) === expected);
  const because = stray.length
    ? ` ${strayEntryText(root, stray[0])}`
    : ` Standardleveransen ${expected} finns inte i ${displayPath(root)}.`;
  return result(
    delivery,
    `Utgåvan ${month} använder leverans ${delivery}, inte standardleveransen ${expected}.${because}`
  );
}

/** The delivery an edition for report month `month` uses (see editionDelivery). */
export function deliveryForMonth(root: string, month: string, override?: string): string {
  return editionDelivery(root, month, override).delivery;
}

/** The delivery before `delivery` under root, or null (for the review's late registrations). */
export function previousDelivery(root: string, delivery: string): string | null {
  return (
    listDeliveries(root)
      .filter((date) => date < delivery)
      .pop() ?? null
  );
}

/** Reads a delivery's manifest.json; throws ContractError when it breaks the contract. */
export function deliveryManifest(root: string, delivery: string): Manifest {
  const {manifest, findings} = readManifest(root, delivery);
  const errors = findings.filter((f) => f.severity === "fel");
  if (errors.length || !manifest) throw new ContractError(errors);
  return manifest;
}

export interface OpenOptions {
  /** Receives the warnings of the single-table checks (suspicious but valid data). */
  onWarnings?: (warnings: Finding[]) => void;
  /**
   * Reuse an earlier successful validation of the same files with the same code (checks/validation-cache.ts) and the
   * delivery's staged database (staged.ts), made on first use: what every loader does.
   */
  cache?: boolean;
}

/**
 * Validates a delivery and returns a connection on which its intermediate models (data-loaders/intermediate/) and the
 * interval macros are ready: in memory over the files, or with `cache` the staged database, read-only. Throws
 * ContractError listing every break of the contract, so no metric ever runs on a delivery that breaks it.
 */
export async function openDelivery(
  root: string,
  delivery: string,
  options: OpenOptions = {}
): Promise<DuckDBConnection> {
  if (!existsSync(deliveryDir(root, delivery))) {
    throw new Error(`Leveransen ${delivery} finns inte i ${displayPath(root)}.`);
  }
  if (options.cache) {
    // Checked once per set of files (the result is cached), then read from the staged database of the delivery.
    const findings = throwOnErrors(
      await withMemoryDatabase((conn) => checkDeliveryCached(root, delivery, {conn, cache: true}))
    );
    if (findings.length) options.onWarnings?.(findings);
    return openStagedDelivery(root, delivery);
  }
  const conn = await connect();
  const findings = await validateDelivery(root, delivery, conn);
  if (findings.length) options.onWarnings?.(findings);
  await createModels(conn, root, delivery);
  return conn;
}
