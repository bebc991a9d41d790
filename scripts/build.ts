// npm run build [-- --utgava ÅÅÅÅ-MM] [--granskning] [--ut <mapp>]: the whole site, or one edition as a site of its
// own, built and checked in a temporary folder and then swapped into place (scripts/lib/site-build.ts).
import {parseArgs} from "node:util";
import {parseMonth} from "../src/lib/months.ts";
import {buildSite} from "./lib/site-build.ts";
import {runCli} from "./lib/cli.ts";

const log = (line: string) => console.log(line);

const HELP = `Användning: npm run build [-- --utgava ÅÅÅÅ-MM] [--utan-utkast] [--granskning] [--ut <mapp>]
  Bygger webbplatsen med alla utgåvor till dist/. Publicerade utgåvor hämtas ur sina frysta poster i publicerat/,
  utkast räknas fram och märks "Utkast – inte behandlat av nämnden".
  --utgava ÅÅÅÅ-MM  bygger bara den utgåvan (sidor, data, PDF:er och ett arkiv med den) till dist-utgava-ÅÅÅÅ-MM/
  --utan-utkast     tar bara med publicerade utgåvor
  --granskning      tar med granskningssidorna /ÅÅÅÅ-MM/granskning (inte för publicering)
  --ut <mapp>       skriver till en annan mapp`;

async function main(): Promise<void> {
  const {values} = parseArgs({
    options: {
      ut: {type: "string"},
      utgava: {type: "string"},
      granskning: {type: "boolean", default: false},
      "utan-utkast": {type: "boolean", default: false},
      help: {type: "boolean", short: "h"}
    },
    allowPositionals: false
  });
  if (values.help) return log(HELP);
  if (values.utgava !== undefined) parseMonth(values.utgava);
  const output = values.ut ?? (values.utgava ? `dist-utgava-${values.utgava}` : "dist");
  const started = Date.now();
  const months = await buildSite({
    output,
    edition: values.utgava,
    review: values.granskning,
    withoutDrafts: values["utan-utkast"],
    log
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const count = months.length === 1 ? "1 utgåva" : `${months.length} utgåvor`;
  log(`Klart på ${seconds} s: ${count} i ${output}/ (öppna ${output}/index.html eller npm run serve).`);
  if (values.granskning) log("Obs: bygget innehåller granskningssidorna och är inte avsett för publicering.");
}

runCli(main);
