// Validation of one delivery against the contract, before any metric runs: the manifest, every table, the foreign
// keys, and (for the review) the cross-table warnings. Everything is read from contract.ts.
import type {DuckDBConnection} from "@duckdb/node-api";
import {existsSync} from "node:fs";
import {CONTRACT, tableSpec} from "../contract.ts";
import {connect} from "../db.ts";
import {deliveryDir, displayPath} from "../staging/sources.ts";
import {createModels} from "../intermediate/models.ts";
import {openSourceView} from "./files.ts";
import {throwOnErrors, type Finding} from "./findings.ts";
import {readManifest} from "./manifest.ts";
import {qualityWarnings} from "./quality.ts";
import {checkForeignKeys, checkTable} from "./tables.ts";
import {cached, validationKey} from "./validation-cache.ts";

export {ContractError, type Finding} from "./findings.ts";

export interface CheckOptions {
  /** Run on this connection (its src_ views are replaced); default a new in-memory database. */
  conn?: DuckDBConnection;
  /** Also run the cross-table warnings over the canonical views (when there are no errors). Default false. */
  quality?: boolean;
}

/**
 * Every finding for a delivery, errors and warnings, without throwing for them: for the review, which lists them
 * all. Throws only when the delivery folder does not exist.
 */
export async function checkDelivery(root: string, delivery: string, options: CheckOptions = {}): Promise<Finding[]> {
  if (!existsSync(deliveryDir(root, delivery))) {
    throw new Error(`Leveransen ${delivery} finns inte i ${displayPath(root)}.`);
  }
  const conn = options.conn ?? (await connect());
  const {manifest, findings} = readManifest(root, delivery);
  const usable = new Map<string, Set<string>>();
  for (const spec of CONTRACT) {
    const unreadable = await openSourceView(conn, root, delivery, spec);
    if (unreadable.length) {
      findings.push(...unreadable);
      continue;
    }
    const result = await checkTable(conn, spec, delivery, manifest?.tables[spec.name]?.rows);
    findings.push(...result.findings);
    usable.set(spec.name, result.usable);
  }
  for (const spec of CONTRACT) {
    for (const fk of spec.foreignKeys ?? []) {
      const parent = tableSpec(fk.references);
      const ready =
        fk.columns.every((c) => usable.get(spec.name)?.has(c)) &&
        fk.referencedColumns.every((c) => usable.get(parent.name)?.has(c));
      if (ready) findings.push(...(await checkForeignKeys(conn, spec, parent, delivery)));
    }
  }
  if (options.quality && !findings.some((f) => f.severity === "fel")) {
    await createModels(conn, root, delivery);
    findings.push(...(await qualityWarnings(conn, delivery)));
  }
  return findings;
}

/**
 * Validates a delivery before any metric runs. Throws ContractError naming delivery, file, column and rule for
 * every error; returns the warnings (suspicious but valid data) of the single-table checks.
 */
export async function validateDelivery(root: string, delivery: string, conn?: DuckDBConnection): Promise<Finding[]> {
  return throwOnErrors(await checkDelivery(root, delivery, {conn}));
}

/**
 * The findings of checkDelivery (without the cross-table warnings), reusing an earlier successful validation of the
 * same files with the same code when `cache` is set. A delivery with errors is validated every time.
 */
export async function checkDeliveryCached(
  root: string,
  delivery: string,
  options: {conn?: DuckDBConnection; cache?: boolean} = {}
): Promise<Finding[]> {
  const key = options.cache ? validationKey(root, delivery) : null;
  return cached(
    key,
    "",
    () => checkDelivery(root, delivery, {conn: options.conn}),
    (findings) => !findings.some((f) => f.severity === "fel")
  );
}
