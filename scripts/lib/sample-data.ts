// `npm run build` on a fresh clone: generate the bundled sample when no delivery exists yet.
import {resolve} from "node:path";
import {listDeliveries} from "../../data-loaders/deliveries.ts";
import {DEFAULT_EXPORTS, exportsRoot} from "./paths.ts";

/** Generates the sample into data/exports when it holds no delivery. A custom exports root is never written to. */
export async function ensureSampleData(log: (line: string) => void): Promise<void> {
  const root = exportsRoot();
  if (listDeliveries(root).length > 0) return;
  if (root !== resolve(DEFAULT_EXPORTS)) {
    throw new Error(`Inga leveranser i ${root} (NAMNDRAPPORT_EXPORTS). Lägg leveranserna där eller ta bort variabeln.`);
  }
  log(`Inga leveranser i ${DEFAULT_EXPORTS}: genererar exempeldata (npm run sample) …`);
  const {generateSample} = await import("../sample/index.ts");
  await generateSample({outDir: root, log});
}
