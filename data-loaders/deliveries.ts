// Deliveries: the <root>/<YYYY-MM-DD>/ folders, the delivery an edition uses, and opening one (validated) for
// queries.
import type {DuckDBConnection} from "@duckdb/node-api";
import {existsSync, readdirSync, statSync} from "node:fs";
import {join, resolve} from "node:path";
import {lastDay} from "../src/lib/months.ts";
import {ContractError, type Finding} from "./checks/findings.ts";
import {readManifest, type Manifest} from "./checks/manifest.ts";
import {validateDelivery} from "./checks/validate.ts";
import {cachedValidation, rememberValidation, validationKey} from "./checks/validation-cache.ts";
import {connect, withMemoryDatabase} from "./db.ts";
import {createModels} from "./intermediate/models.ts";
import {openStagedDelivery} from "./staged.ts";
import {deliveryDir, displayPath} from "./staging/sources.ts";

export const DEFAULT_EXPORTS = "data/exports";

/** Where deliveries are read from: the env NAMNDRAPPORT_EXPORTS, else data/exports. */
export function exportsRoot(): string {
  return resolve(process.env.NAMNDRAPPORT_EXPORTS ?? DEFAULT_EXPORTS);
}

/** The file the sample generator writes into an exports root it owns (scripts/sample/output.ts). */
export const SAMPLE_MARKER = ".exempeldata.json";

/** True when the exports root holds the synthetic sample, so pages must say that their figures are not real. */
export function isSyntheticExports(root: string): boolean {
  return existsSync(join(root, SAMPLE_MARKER));
}

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

/**
 * The delivery an edition for report month `month` ("YYYY-MM") uses: the first one dated after the month ends, or
 * `override` (checked to exist and to be dated after the month). Throws a Swedish error when there is none.
 */
export function deliveryForMonth(root: string, month: string, override?: string): string {
  const end = lastDay(month);
  const deliveries = listDeliveries(root);
  if (override !== undefined) {
    if (!isDeliveryDate(override)) throw new Error(`Ogiltig leverans "${override}": ange den som ÅÅÅÅ-MM-DD.`);
    if (!deliveries.includes(override)) {
      const known = deliveries.length ? ` Där finns: ${deliveries.slice(-3).join(", ")}.` : "";
      throw new Error(`Leveransen ${override} finns inte i ${displayPath(root)}.${known}`);
    }
    if (override <= end) {
      throw new Error(`Leveransen ${override} är gjord före utgången av ${month} och saknar en del av månaden.`);
    }
    return override;
  }
  const delivery = deliveries.find((date) => date > end);
  if (!delivery) {
    throw new Error(
      `Ingen leverans efter ${month} finns i ${displayPath(root)}. Kör npm run sample eller lägg leveransen där.`
    );
  }
  return delivery;
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
    const key = validationKey(root, delivery);
    let warnings = cachedValidation(key);
    if (!warnings) {
      warnings = await withMemoryDatabase((conn) => validateDelivery(root, delivery, conn));
      await rememberValidation(key, warnings);
    }
    if (warnings.length) options.onWarnings?.(warnings);
    return openStagedDelivery(root, delivery);
  }
  const conn = await connect();
  const warnings = await validateDelivery(root, delivery, conn);
  if (warnings.length) options.onWarnings?.(warnings);
  await createModels(conn, root, delivery);
  return conn;
}
