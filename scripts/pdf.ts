// npm run pdf -- ÅÅÅÅ-MM [--mapp dist]: writes the edition's Nämndrapport and Tjänsteskrivelse as PDF into
// <mapp>/<YYYY-MM>/ from the built site (Chromium's print engine, A4; scripts/lib/pdf.ts). The build writes them too;
// this command renders them again, e.g. after only the print layout changed and the site was rebuilt elsewhere.
import {existsSync, statSync} from "node:fs";
import {join} from "node:path";
import {parseArgs} from "node:util";
import {parseMonth} from "../src/lib/months.ts";
import {checkPages, formatPageProblems} from "./lib/page-check.ts";
import {writeEditionPdfs} from "./lib/pdf.ts";
import {runCli} from "./lib/cli.ts";

const log = (line: string) => console.log(line);

async function main(): Promise<void> {
  const {values, positionals} = parseArgs({
    allowPositionals: true,
    options: {mapp: {type: "string", default: "dist"}, help: {type: "boolean", short: "h"}}
  });
  if (values.help || positionals.length !== 1) {
    const usage = "Användning: npm run pdf -- ÅÅÅÅ-MM [--mapp dist]\n  Skriver utgåvans två PDF:er i <mapp>/ÅÅÅÅ-MM/.";
    if (values.help) return log(usage);
    throw new Error(`Ange en utgåva.\n${usage}`);
  }
  const month = positionals[0];
  parseMonth(month);
  const site = values.mapp!;
  if (!existsSync(join(site, month, "index.html"))) {
    throw new Error(
      `Utgåvan ${month} finns inte i den byggda webbplatsen ${site}/. Bygg först med npm run build` +
        ` (eller npm run build -- --utgava ${month} och sedan --mapp dist-utgava-${month}).`
    );
  }
  const started = Date.now();
  const problems = await checkPages(site, [`${month}/`, `${month}/tjansteskrivelse`]);
  if (problems.length > 0) {
    throw new Error(`Utgåvans sidor har fel och skrivs inte ut:\n${formatPageProblems(problems)}`);
  }
  const files = await writeEditionPdfs(site, [month], log);
  for (const file of files) log(`  ${file} (${Math.round(statSync(file).size / 1024)} kB)`);
  log(`Klart på ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

runCli(main);
