// npm run ny-utgava -- 2024-01: scaffolds a new edition with drafted, data-bound summary bullets.
import {parseArgs} from "node:util";
import {deliveryForMonth, exportsRoot} from "../data-loaders/deliveries.ts";
import {parseMonth} from "../src/lib/months.ts";
import {formatMonth} from "../src/lib/format.ts";
import {SRC_ROOT} from "./lib/paths.ts";
import {runCli} from "./lib/cli.ts";
import {scaffoldEdition} from "./lib/scaffold.ts";

runCli(async () => {
  const {positionals} = parseArgs({allowPositionals: true, options: {}});
  if (positionals.length !== 1) throw new Error("Ange rapportmånaden: npm run ny-utgava -- ÅÅÅÅ-MM");
  const month = positionals[0];
  parseMonth(month);
  const delivery = deliveryForMonth(exportsRoot(), month);
  const files = await scaffoldEdition(SRC_ROOT, month);
  console.log(`Ny utgåva för ${formatMonth(month)} (leverans ${delivery}):`);
  for (const file of files) console.log(`  ${file}`);
  console.log(
    "Sammanfattningens punkter är utkast med siffror bundna till data. Skriv om texten, ta bort markeringarna " +
      '"utkast" och sätt status: publicerad när utgåvan är granskad. Förhandsgranska med npm run dev.'
  );
});
