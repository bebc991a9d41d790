// Disposal (gallring) of record-level deliveries whose retention time has ended. Published editions do not need their
// deliveries: their numbers are in their frozen records. A draft's delivery is kept whatever its age. Each disposal is
// logged in publicerat/gallring.json with the delivery's date and manifest hash, so the record says what was disposed.
import {existsSync, readFileSync} from "node:fs";
import {mkdir, rm, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {deliveryForMonth, listDeliveries, previousDelivery} from "../../data-loaders/deliveries.ts";
import {requestedDelivery} from "../../data-loaders/editions.ts";
import {recordedEditions, recordsRoot, recordVersions, sha256File} from "../../data-loaders/records.ts";
import {pruneStagedDatabases} from "../../data-loaders/staged.ts";
import {deliveryDir} from "../../data-loaders/staging/sources.ts";
import {editionFolders} from "../../data-loaders/source-root.ts";
import {settings} from "../../src/lib/settings.ts";
import {publishedEditions} from "./frozen-site.ts";

export interface DisposalPlan {
  /** Deliveries dated before this day are past their retention. */
  cutoff: string;
  dispose: string[];
  /** Past retention but kept, and why (a draft uses it, or its review compares with it). */
  kept: {delivery: string; reason: string}[];
  /** Published editions whose delivery is disposed of (their records keep their numbers). */
  published: {delivery: string; edition: string; version: number}[];
}

/** The day `months` months before `date` ("YYYY-MM-DD"). */
export function monthsBefore(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
}

/** Which deliveries under `exports` are past retention on `today`, and which of them must be kept. */
export function planDisposal(
  exports: string,
  sourceRoot: string,
  today: string,
  retentionMonths: number = settings.retentionMonths
): DisposalPlan {
  const cutoff = monthsBefore(today, retentionMonths);
  const old = listDeliveries(exports).filter((d) => d < cutoff);
  const published = new Set(publishedEditions(sourceRoot));
  const drafts = editionFolders(sourceRoot).filter((m) => !published.has(m));
  // A draft needs its own delivery, and the one before it for the review's late registrations.
  const needed = new Map<string, string>();
  for (const month of drafts) {
    try {
      const own = deliveryForMonth(exports, month, requestedDelivery(sourceRoot, month));
      needed.set(own, `utkastet ${month} räknas på den`);
      const before = previousDelivery(exports, own);
      if (before && !needed.has(before)) needed.set(before, `granskningen av utkastet ${month} jämför med den`);
    } catch {
      // A draft without a delivery needs none of these.
    }
  }
  const byDelivery = recordedEditions().flatMap((edition) =>
    recordVersions(edition).map((v) => ({delivery: v.provenance.delivery.date, edition, version: v.version}))
  );
  return {
    cutoff,
    dispose: old.filter((d) => !needed.has(d)),
    kept: old.filter((d) => needed.has(d)).map((d) => ({delivery: d, reason: needed.get(d) as string})),
    published: byDelivery.filter((p) => old.includes(p.delivery) && !needed.has(p.delivery))
  };
}

/** Deletes the planned deliveries and logs them in publicerat/gallring.json. Returns the log entry. */
export async function dispose(exports: string, plan: DisposalPlan, today: string): Promise<object> {
  const entry = {
    datum: today,
    grans: plan.cutoff,
    leveranser: plan.dispose.map((d) => {
      const manifest = join(deliveryDir(exports, d), "manifest.json");
      return {leverans: d, manifest_sha256: existsSync(manifest) ? sha256File(manifest) : null};
    })
  };
  for (const delivery of plan.dispose) await rm(deliveryDir(exports, delivery), {recursive: true, force: true});
  // The staged databases of those deliveries hold the same records.
  await pruneStagedDatabases(exports);
  const log = join(recordsRoot(), "gallring.json");
  const earlier = existsSync(log) ? (JSON.parse(readFileSync(log, "utf8")) as object[]) : [];
  await mkdir(recordsRoot(), {recursive: true});
  await writeFile(log, `${JSON.stringify([...earlier, entry], null, 2)}\n`);
  return entry;
}
