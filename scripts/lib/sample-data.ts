// `npm run build` on a fresh clone: generate the bundled sample when there is nothing to build from. Synthetic data
// never mixes with real data: the sample is generated only into an exports root that is missing or empty (nothing but the
// generator's own marker), and a root holding both sample and real deliveries stops the build.
import {existsSync, readdirSync} from "node:fs";
import {resolve} from "node:path";
import {
  deliveryKinds,
  listDeliveries,
  SAMPLE_MARKER,
  strayEntries,
  strayEntryText
} from "../../data-loaders/deliveries.ts";
import {displayPath} from "../../data-loaders/staging/sources.ts";
import {DEFAULT_EXPORTS, exportsRoot} from "./paths.ts";

const SAMPLE_TEMP = /^\.\d{4}-\d{2}-\d{2}\.tmp$/;

/**
 * What the build does with an exports root: "generate" the sample (missing or empty), "use" its deliveries, or stop
 * with the Swedish reason.
 */
export function sampleDataPlan(root: string): {action: "generate" | "use"} | {action: "stop"; reason: string} {
  const shown = displayPath(root);
  // The generator's own marker and half-written folders (scripts/sample/output.ts) are the sample's, not data.
  const entries = existsSync(root)
    ? readdirSync(root).filter((name) => name !== SAMPLE_MARKER && !SAMPLE_TEMP.test(name))
    : [];
  if (entries.length === 0) return {action: "generate"};
  if (listDeliveries(root).length === 0) {
    const stray = strayEntries(root)
      .map((name) => ` ${strayEntryText(root, name)}`)
      .join("");
    return {
      action: "stop",
      reason:
        `${shown} innehåller inga leveranser men är inte tom, så bygget genererar inte exempeldata där.${stray} ` +
        `Lägg leveranserna i mappar som heter ÅÅÅÅ-MM-DD, eller töm mappen för att bygga på exempeldata.`
    };
  }
  const {synthetic, real} = deliveryKinds(root);
  if (synthetic.length && real.length) {
    const list = (dates: string[]) =>
      `${dates.slice(0, 3).join(", ")}${dates.length > 3 ? ` och ${dates.length - 3} till` : ""}`;
    return {
      action: "stop",
      reason:
        `${shown} blandar exempeldata (${list(synthetic)}) med leveranser som inte är exempeldata (${list(real)}). ` +
        "Exempeldata och riktiga uppgifter får aldrig byggas ihop: flytta de riktiga leveranserna till en egen mapp " +
        "och peka ut den med NAMNDRAPPORT_EXPORTS."
    };
  }
  return {action: "use"};
}

/**
 * Generates the sample into data/exports when it is missing or empty; stops with a Swedish message when the exports
 * root cannot be used as it is. A custom exports root (NAMNDRAPPORT_EXPORTS) is never written to.
 */
export async function ensureSampleData(log: (line: string) => void): Promise<void> {
  const root = exportsRoot();
  const plan = sampleDataPlan(root);
  if (plan.action === "use") return;
  if (plan.action === "stop") throw new Error(plan.reason);
  if (root !== resolve(DEFAULT_EXPORTS)) {
    throw new Error(`Inga leveranser i ${root} (NAMNDRAPPORT_EXPORTS). Lägg leveranserna där eller ta bort variabeln.`);
  }
  log(`Inga leveranser i ${DEFAULT_EXPORTS}: genererar exempeldata (npm run sample) …`);
  const {generateSample} = await import("../sample/index.ts");
  await generateSample({outDir: root, log});
}
