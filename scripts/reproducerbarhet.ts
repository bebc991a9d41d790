// npm run reproducerbarhet [-- --utgava ÅÅÅÅ-MM] [--behall]: builds one edition twice from scratch (own source roots,
// empty loader caches, the same SOURCE_DATE_EPOCH) and checks that every file, PDFs included, is byte-identical.
// Exit status 1 on any difference.
import {rm} from "node:fs/promises";
import {join} from "node:path";
import {parseArgs} from "node:util";
import {parseMonth} from "../src/lib/months.ts";
import {editionFolders} from "../data-loaders/source-root.ts";
import {EDITION_ROOTS, SRC_ROOT} from "./lib/paths.ts";
import {compareBuilds} from "./lib/reproducibility.ts";
import {buildSite} from "./lib/site-build.ts";
import {runCli} from "./lib/cli.ts";

const log = (line: string) => console.log(line);

async function main(): Promise<number> {
  const {values} = parseArgs({options: {utgava: {type: "string"}, behall: {type: "boolean", default: false}}});
  const edition = values.utgava ?? editionFolders(SRC_ROOT).at(-1);
  if (!edition) throw new Error("Det finns ingen utgåva att bygga.");
  parseMonth(edition);
  const work = join(EDITION_ROOTS, "reproducerbarhet");
  await rm(work, {recursive: true, force: true});
  const epoch = String(Math.floor(Date.now() / 1000));
  const quiet = (line: string) => (line.startsWith("Skriver PDF") ? undefined : log(line));
  const outputs: string[] = [];
  for (const run of ["a", "b"]) {
    log(`Bygge ${run === "a" ? 1 : 2} av 2 av utgåvan ${edition}, med tom cache …`);
    const output = join(work, run, "ut");
    await buildSite({
      output,
      edition,
      editionRoot: join(work, run, "kalla"),
      sourceDateEpoch: epoch,
      quiet: true,
      log: quiet
    });
    outputs.push(output);
  }
  const result = await compareBuilds(outputs[0], outputs[1]);
  if (!values.behall) await rm(work, {recursive: true, force: true});
  if (result.differences.length) {
    log(`\nByggena skiljer sig (${result.differences.length}):`);
    for (const line of result.differences) log(`  ${line}`);
    return 1;
  }
  log(
    `\nReproducerbart: ${result.files} filer byte för byte lika, varav ${result.pdfs} PDF:er, i två bygg av ${edition}.`
  );
  return 0;
}

runCli(main);
