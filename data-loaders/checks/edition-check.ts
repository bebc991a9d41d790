// Every check of the delivery an edition uses, in one call: which delivery (and whether it is the default), entries of
// the exports root that are not deliveries, the contract, the report month covered, the checks against the previous
// delivery and, on request, the cross-table warnings. The loaders stop on its errors, the build prints a summary of it
// and the review lists it, so all three see the same findings.
import type {DuckDBConnection} from "@duckdb/node-api";
import {connect} from "../db.ts";
import {
  deliveryManifest,
  editionDelivery,
  previousDelivery,
  strayEntries,
  strayEntryText,
  type EditionDelivery
} from "../deliveries.ts";
import {createModels} from "../intermediate/models.ts";
import {coverageFindings, rowCountFindings} from "./edition.ts";
import type {Finding} from "./findings.ts";
import {historyFindings, reportMonthFindings} from "./history.ts";
import {deliveryProfile, type DeliveryProfile} from "./profile.ts";
import {qualityWarnings} from "./quality.ts";
import {checkDeliveryCached} from "./validate.ts";
import {cached, validationKey} from "./validation-cache.ts";

export interface EditionCheck {
  /** The delivery the edition uses and whether it is the default one. */
  delivery: EditionDelivery;
  /** The delivery before it, which it is compared with; null for the first. */
  previous: string | null;
  /** Errors and warnings, in check order. */
  findings: Finding[];
}

export interface EditionCheckOptions {
  /** Use this delivery instead of the default (--leverans). */
  override?: string;
  /** Also run the cross-table warnings (checks/quality.ts). Default false. */
  quality?: boolean;
  /** Remember results per delivery and reuse them (checks/validation-cache.ts). Default false. */
  cache?: boolean;
  /** Receives the delivery's staging and canonical views when it passes the contract; default a new connection. */
  conn?: DuckDBConnection;
}

/** Warnings for the entries of the exports root that are not deliveries, by name. */
export function strayEntryFindings(root: string, delivery: string): Finding[] {
  return strayEntries(root).map((name) => ({
    id: `okand_mapp:${name}`,
    rule: "okand_mapp",
    severity: "varning" as const,
    delivery,
    table: null,
    file: name,
    column: null,
    count: null,
    message: strayEntryText(root, name)
  }));
}

/** A warning when the edition does not use its default delivery, saying which it uses and why. */
export function defaultDeliveryFindings(edition: EditionDelivery): Finding[] {
  if (edition.isDefault) return [];
  return [
    {
      id: "annan_leverans",
      rule: "annan_leverans",
      severity: "varning",
      delivery: edition.delivery,
      table: null,
      file: null,
      column: null,
      count: null,
      message:
        edition.note ?? `Utgåvan ${edition.month} använder leverans ${edition.delivery}, inte ${edition.expected}.`
    }
  ];
}

const hasErrors = (findings: Finding[]) => findings.some((f) => f.severity === "fel");

function profileOf(root: string, delivery: string, cache: boolean): Promise<DeliveryProfile> {
  return cached(cache ? validationKey(root, delivery) : null, "profil", () => deliveryProfile(root, delivery));
}

/** Every check of the delivery the edition for `month` uses. Throws only when there is no delivery for the month. */
export async function checkEdition(
  root: string,
  month: string,
  options: EditionCheckOptions = {}
): Promise<EditionCheck> {
  const edition = editionDelivery(root, month, options.override);
  const {delivery} = edition;
  const previous = previousDelivery(root, delivery);
  const cache = options.cache ?? false;
  const findings = [...defaultDeliveryFindings(edition), ...strayEntryFindings(root, delivery)];
  const result = (): EditionCheck => ({delivery: edition, previous, findings});

  const conn = options.conn ?? (await connect());
  findings.push(...(await checkDeliveryCached(root, delivery, {conn, cache})));
  if (hasErrors(findings)) return result();
  await createModels(conn, root, delivery);
  findings.push(...(await coverageFindings(conn, delivery, month)));

  const profile = await profileOf(root, delivery, cache);
  findings.push(...reportMonthFindings(delivery, profile, month));
  if (previous) {
    findings.push(
      ...historyFindings({delivery, profile}, {delivery: previous, profile: await profileOf(root, previous, cache)})
    );
    // The previous manifest may itself be broken; its row counts are then not compared.
    const before = (() => {
      try {
        return deliveryManifest(root, previous);
      } catch {
        return null;
      }
    })();
    findings.push(...rowCountFindings(deliveryManifest(root, delivery), before));
  }
  if (options.quality && !hasErrors(findings)) {
    const key = cache ? validationKey(root, delivery) : null;
    findings.push(...(await cached(key, "kvalitet", () => qualityWarnings(conn, delivery))));
  }
  return result();
}
