// The shared body of every loader entry in src/[month]/data/: parse --month, open the edition's delivery (validated),
// compute, check privacy, write JSON to stdout. Errors go to stderr in Swedish and fail the build.
import type {DuckDBConnection} from "@duckdb/node-api";
import {parseArgs} from "node:util";
import {parseMonth, windowStart} from "../src/lib/months.ts";
import {loaderErrorOutput} from "../src/lib/loader-error.ts";
import {settings} from "../src/lib/settings.ts";
import {checkEdition} from "./checks/edition-check.ts";
import {throwOnErrors} from "./checks/findings.ts";
import {safeErrorMessage} from "./checks/mask.ts";
import {withMemoryDatabase} from "./db.ts";
import {exportsRoot} from "./deliveries.ts";
import {requestedDelivery} from "./editions.ts";
import {assertAggregateOutput} from "./privacy.ts";
import {openStagedDelivery} from "./staged.ts";
import {sourceRoot} from "./source-root.ts";

export interface LoaderContext {
  conn: DuckDBConnection;
  /** Report month "YYYY-MM". */
  month: string;
  /** First month of the edition's monthly series. */
  first: string;
  /** Delivery date "YYYY-MM-DD". */
  delivery: string;
}

export interface LoaderOutput {
  /** The file name in messages, e.g. "granskning.arrow"; default "<name>.json". */
  file?: string;
  /** Turns the checked result into the file's bytes; default JSON. */
  encode?: (result: Record<string, unknown>) => string | Uint8Array;
}

/** The context a section computes in: the month's window on an open, validated connection to `delivery`. */
export function loaderContext(conn: DuckDBConnection, month: string, delivery: string): LoaderContext {
  return {conn, month, first: windowStart(month, settings.windowStartMonth), delivery};
}

/**
 * What a loader writes for `month`, as an object: `{month, delivery, ...computed}`, checked by the privacy guard. The
 * connection must be open on `delivery` and cover the month (see openEdition).
 */
export async function loaderResult(
  compute: (context: LoaderContext) => Promise<object>,
  context: LoaderContext,
  file: string
): Promise<Record<string, unknown>> {
  const result = {month: context.month, delivery: context.delivery, ...(await compute(context))};
  assertAggregateOutput(result, `${file} för ${context.month}`);
  return result;
}

/**
 * Opens the delivery an edition for `month` uses (or `override`), after every check of it (checks/edition-check.ts,
 * reusing earlier results for the same files): it breaks no rule of the contract, covers the whole month and agrees
 * with the previous delivery. Throws ContractError listing every error.
 */
export async function openEdition(
  root: string,
  month: string,
  override?: string
): Promise<{conn: DuckDBConnection; delivery: string}> {
  parseMonth(month);
  // The checks run in a database of their own (their results are cached per set of files); the metrics read the
  // delivery's staged database, built once and opened read-only (staged.ts).
  const check = await withMemoryDatabase((conn) => checkEdition(root, month, {override, cache: true, conn}));
  throwOnErrors(check.findings);
  return {conn: await openStagedDelivery(root, check.delivery.delivery), delivery: check.delivery.delivery};
}

/** Runs one section loader for the month given as --month (Framework passes it for src/[month]/). */
export async function runLoader(
  name: string,
  compute: (context: LoaderContext) => Promise<object>,
  output: LoaderOutput = {}
): Promise<void> {
  const file = output.file ?? `${name}.json`;
  let month = "?";
  try {
    const {values} = parseArgs({options: {month: {type: "string"}, leverans: {type: "string"}}, strict: true});
    if (!values.month) throw new Error("Ange rapportmånad med --month=ÅÅÅÅ-MM.");
    month = values.month;
    const started = Date.now();
    // A delivery named on the command line, else the one the edition's page asks for, else the default.
    const override = values.leverans ?? requestedDelivery(sourceRoot(), month);
    const {conn, delivery} = await openEdition(exportsRoot(), month, override);
    const result = await loaderResult(compute, loaderContext(conn, month, delivery), file);
    process.stdout.write(output.encode ? output.encode(result) : JSON.stringify(result));
    console.error(`${name} ${month} (leverans ${delivery}): ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    const text = safeErrorMessage(error);
    console.error(`Fel i dataladdaren ${name} för ${month}: ${text}`);
    // In the preview the page shows the message once (src/components/section.ts); a build fails here.
    if (process.env.NAMNDRAPPORT_PREVIEW === "1" && !output.encode) {
      process.stdout.write(loaderErrorOutput(text, name, month));
    } else {
      process.exitCode = 1;
    }
  }
}
