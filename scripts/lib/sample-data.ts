// `npm run build` on a fresh clone: generate the bundled sample when no delivery exists yet.
import {existsSync, readdirSync} from "node:fs";
import {join, resolve} from "node:path";
import {DEFAULT_EXPORTS, exportsRoot} from "./paths.ts";

function hasDeliveries(root: string): boolean {
  return existsSync(root) && readdirSync(root).some((name) => existsSync(join(root, name, "manifest.json")));
}

/** Generates the sample into data/exports when it holds no delivery. A custom exports root is never written to. */
export async function ensureSampleData(log: (line: string) => void): Promise<void> {
  const root = exportsRoot();
  if (hasDeliveries(root)) return;
  if (root !== resolve(DEFAULT_EXPORTS)) {
    throw new Error(`Inga leveranser i ${root} (NAMNDRAPPORT_EXPORTS). Lägg leveranserna där eller ta bort variabeln.`);
  }
  log(`Inga leveranser i ${DEFAULT_EXPORTS}: genererar exempeldata (npm run sample) …`);
  const {generateSample} = await import("../sample/index.ts");
  await generateSample({outDir: root, log});
}
