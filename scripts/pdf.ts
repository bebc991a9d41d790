// npm run pdf -- ÅÅÅÅ-MM [--mapp dist] [--sida namndrapport|tjansteskrivelse]: writes the edition's Nämndrapport and
// Tjänsteskrivelse (or one of them) as archival PDF into <mapp>/<YYYY-MM>/ from the built site (Chromium's print
// engine, A4, tagged, PDF/A-2b; scripts/lib/pdf.ts). The build writes them too; this command renders them again,
// e.g. after only the print layout changed and the site was rebuilt elsewhere.
import {existsSync, statSync} from "node:fs";
import {join} from "node:path";
import {parseArgs} from "node:util";
import {parseMonth} from "../src/lib/months.ts";
import {checkPages, formatPageProblems} from "./lib/page-check.ts";
import {EDITION_PAGES, pdfFileName, renderPagePdf, writeEditionPdfs, type EditionPage} from "./lib/pdf.ts";
import {runCli} from "./lib/cli.ts";

const log = (line: string) => console.log(line);

async function main(): Promise<void> {
  const {values, positionals} = parseArgs({
    allowPositionals: true,
    options: {mapp: {type: "string", default: "dist"}, sida: {type: "string"}, help: {type: "boolean", short: "h"}}
  });
  const pages = Object.keys(EDITION_PAGES);
  const usage =
    "Användning: npm run pdf -- ÅÅÅÅ-MM [--mapp dist] [--sida namndrapport|tjansteskrivelse]\n" +
    "  Skriver utgåvans PDF:er (eller den ena med --sida) i <mapp>/ÅÅÅÅ-MM/.";
  if (values.help) return log(usage);
  if (positionals.length !== 1) throw new Error(`Ange en utgåva.\n${usage}`);
  if (values.sida !== undefined && !pages.includes(values.sida)) {
    throw new Error(`Okänd sida "${values.sida}". Välj ${pages.join(" eller ")}.`);
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
  const page = values.sida as EditionPage | undefined;
  const files = page
    ? [(await renderPagePdf({site, month, page, output: join(site, month, pdfFileName(month, page))})).file]
    : await writeEditionPdfs(site, [month], log);
  for (const file of files) log(`  ${file} (${Math.round(statSync(file).size / 1024)} kB)`);
  log(`Klart på ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

runCli(main);
