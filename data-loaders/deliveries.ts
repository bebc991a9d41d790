// Delivery discovery: data/exports/<YYYY-MM-DD>/ folders, the delivery an edition uses, and opening one for queries.
import type {DuckDBConnection} from "@duckdb/node-api";
import {existsSync, readdirSync} from "node:fs";
import {join, resolve} from "node:path";
import {lastDay} from "../src/components/months.ts";
import {ContractError, validateDelivery} from "./checks/validate.ts";
import {connect} from "./db.ts";
import {createStagingViews} from "./staging/views.ts";

export const DEFAULT_EXPORTS = "data/exports";

/** Where deliveries are read from: NAMNDRAPPORT_EXPORTS or data/exports. */
export function exportsRoot(): string {
  return resolve(process.env.NAMNDRAPPORT_EXPORTS ?? DEFAULT_EXPORTS);
}

/** Delivery dates under root, oldest first. */
export function listDeliveries(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((name) => /^\d{4}-\d{2}-\d{2}$/.test(name) && existsSync(join(root, name, "manifest.json")))
    .sort();
}

/** The first delivery dated after the report month ends; a Swedish error when there is none. */
export function deliveryForMonth(root: string, month: string): string {
  const end = lastDay(month);
  const delivery = listDeliveries(root).find((date) => date > end);
  if (!delivery) {
    throw new Error(
      `Ingen leverans efter ${month} finns i ${root}. Lägg leveransen där (en mapp ÅÅÅÅ-MM-DD med manifest.json) eller kör npm run sample.`
    );
  }
  return delivery;
}

/** The delivery before this one, or null. */
export function previousDelivery(root: string, delivery: string): string | null {
  return (
    listDeliveries(root)
      .filter((date) => date < delivery)
      .pop() ?? null
  );
}

/**
 * Validates a delivery against the contract and returns a connection with its staging and canonical views.
 * Throws ContractError listing every break of the contract.
 */
export async function openDelivery(root: string, delivery: string): Promise<DuckDBConnection> {
  const dir = join(root, delivery);
  if (!existsSync(dir)) throw new Error(`Leveransen ${delivery} finns inte i ${root}.`);
  const conn = await connect();
  const findings = await validateDelivery(conn, dir, delivery);
  if (findings.length) throw new ContractError(findings);
  await createStagingViews(conn, dir);
  return conn;
}
