// npm run build: sample data if needed → fresh loader cache → Framework build into a temporary folder → lang="sv" →
// site check → swap into dist/. A failing step leaves the previous dist/ untouched.
import {existsSync, readdirSync} from "node:fs";
import {rename, rm} from "node:fs/promises";
import {resolve} from "node:path";
import {parseArgs} from "node:util";
import {invalidateLoaderCache} from "./lib/loader-cache.ts";
import {exportsRoot, LOADER_CODE, SRC_ROOT} from "./lib/paths.ts";
import {runFramework} from "./lib/run.ts";
import {ensureSampleData} from "./lib/sample-data.ts";
import {writeEditionPdfs} from "./lib/pdf.ts";
import {checkSite, finishPages} from "./lib/site-check.ts";

const log = (line: string) => console.log(line);

async function main(): Promise<void> {
  const {values} = parseArgs({
    options: {ut: {type: "string", default: "dist"}, help: {type: "boolean", short: "h"}},
    allowPositionals: false
  });
  if (values.help) {
    log("Användning: npm run build [-- --ut <mapp>]\n  Bygger webbplatsen med alla utgåvor till dist/ (eller --ut).");
    return;
  }
  const output = resolve(values.ut!);
  const staging = `${output}.bygger-${process.pid}`;
  const started = Date.now();

  await ensureSampleData(log);
  if (await invalidateLoaderCache({root: SRC_ROOT, code: LOADER_CODE, exports: exportsRoot()})) {
    log("Dataladdare eller leveranser har ändrats: cachade laddarresultat tas bort och beräknas om.");
  }

  log(`Bygger webbplatsen …`);
  await rm(staging, {recursive: true, force: true});
  const code = await runFramework(["build"], {NAMNDRAPPORT_OUTPUT: staging});
  if (code !== 0) {
    await rm(staging, {recursive: true, force: true});
    throw new Error(`Bygget misslyckades (se felet ovan). Den tidigare webbplatsen i ${values.ut} är orörd.`);
  }

  await finishPages(staging);
  const findings = await checkSite(staging);
  if (findings.length > 0) {
    await rm(staging, {recursive: true, force: true});
    const listed = findings.map((f) => `  ${f.file}: ${f.detail}`).join("\n");
    throw new Error(`Webbplatsen bryter mot offline- eller integritetsreglerna och publiceras inte:\n${listed}`);
  }

  const months = readdirSync(staging).filter((name) => /^\d{4}-\d{2}$/.test(name));
  try {
    await writeEditionPdfs(staging, months, log);
  } catch (error) {
    await rm(staging, {recursive: true, force: true});
    throw new Error(`PDF-utskriften misslyckades: ${error instanceof Error ? error.message : String(error)}`);
  }

  const previous = `${output}.tidigare-${process.pid}`;
  if (existsSync(output)) await rename(output, previous);
  await rename(staging, output);
  await rm(previous, {recursive: true, force: true});
  log(`Klart på ${((Date.now() - started) / 1000).toFixed(1)} s: ${values.ut}/index.html`);
}

main().catch((error: unknown) => {
  console.error(`\nFel: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
