// npm run laddarutdata -- --ut <mapp> [--fran ÅÅÅÅ-MM] [--till ÅÅÅÅ-MM]
// npm run laddarutdata -- --jamfor <före> <efter>
// npm run laddarutdata -- --rojande <mapp>
// Writes what every section loader gives for every report month (on each month's default delivery) as JSON files,
// or compares two such folders value by value. Used to show that a refactoring or a speed-up leaves every published
// value as it was, and to list exactly which values a correction changes.
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {mkdir, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {parseArgs} from "node:util";
import {exportsRoot, listDeliveries} from "../data-loaders/deliveries.ts";
import {auditEdition} from "../data-loaders/disclosure/audit.ts";
import {AUDITED_SECTIONS, hiddenSummary, type EditionData} from "../data-loaders/disclosure/model.ts";
import {loaderContext, loaderResult, openEdition} from "../data-loaders/run-loader.ts";
import {SECTIONS, type SectionName} from "../data-loaders/sections.ts";
import {addMonths, lastDay, monthRange, parseMonth} from "../src/lib/months.ts";
import {runCli} from "./lib/cli.ts";

const HELP = `Användning:
  npm run laddarutdata -- --ut <mapp> [--fran ÅÅÅÅ-MM] [--till ÅÅÅÅ-MM]
      Skriver varje dataladdares utdata för varje rapportmånad (med månadens leverans) till <mapp>/ÅÅÅÅ-MM/<avsnitt>.json.
      Standard: 2021-02 till den sista månaden som har en leverans efter sig.
  npm run laddarutdata -- --jamfor <före> <efter>
      Jämför två sådana mappar värde för värde. Avslutar med status 1 när något skiljer.
  npm run laddarutdata -- --rojande <mapp>
      Granskar varje månad i en sådan mapp mot regeln om små antal: dolda tal per slag, tid och varje dolt tal som
      kan räknas fram ur det som publiceras. Avslutar med status 1 när något dolt tal röjs.`;

/** Every leaf of a JSON value with its path, e.g. ["$.metrics.utbetalt.value", 22632677]. */
function leaves(value: unknown, path = "$"): [string, unknown][] {
  if (Array.isArray(value)) return value.flatMap((item, i) => leaves(item, `${path}[${i}]`));
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) => leaves(item, `${path}.${key}`));
  }
  return [[path, value]];
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, {recursive: true, encoding: "utf8"})
    .filter((f) => f.endsWith(".json"))
    .sort();
}

function compare(before: string, after: string): number {
  for (const dir of [before, after]) if (!existsSync(dir)) throw new Error(`Mappen ${dir} finns inte.`);
  const files = [...new Set([...jsonFiles(before), ...jsonFiles(after)])].sort();
  let differences = 0;
  let values = 0;
  for (const file of files) {
    const a = join(before, file);
    const b = join(after, file);
    if (!existsSync(a) || !existsSync(b)) {
      console.log(`${file}: finns bara i ${existsSync(a) ? before : after}`);
      differences++;
      continue;
    }
    const left = new Map(leaves(JSON.parse(readFileSync(a, "utf8"))));
    const right = new Map(leaves(JSON.parse(readFileSync(b, "utf8"))));
    for (const path of new Set([...left.keys(), ...right.keys()])) {
      values++;
      const x = left.get(path);
      const y = right.get(path);
      if (Object.is(x, y)) continue;
      differences++;
      console.log(`${file} ${path}: ${JSON.stringify(x)} → ${JSON.stringify(y)}`);
    }
  }
  console.log(`${files.length} filer, ${values} värden jämförda, ${differences} skillnader.`);
  return differences ? 1 : 0;
}

/** The disclosure audit of every month folder written by --ut. */
async function audit(dir: string): Promise<number> {
  if (!existsSync(dir)) throw new Error(`Mappen ${dir} finns inte.`);
  const months = readdirSync(dir)
    .filter((m) => /^\d{4}-\d{2}$/.test(m))
    .sort();
  const totals = {cells: 0, withheld: 0, shares: 0, counts: 0, leaks: 0, ms: 0};
  for (const month of months) {
    const edition: EditionData = {};
    for (const section of AUDITED_SECTIONS) {
      const file = join(dir, month, `${section}.json`);
      if (existsSync(file)) edition[section] = JSON.parse(readFileSync(file, "utf8"));
    }
    const started = performance.now();
    const {leaks, programs} = await auditEdition(edition);
    const ms = performance.now() - started;
    const hidden = hiddenSummary(edition);
    console.log(
      `${month}: ${hidden.cells} dolda celler, ${hidden.withheld} utelämnade fördelningar, ${hidden.shares} dolda andelar, ` +
        `${hidden.counts} andra dolda antal; ${leaks.length} röjda; ${programs} LP på ${ms.toFixed(0)} ms`
    );
    for (const leak of leaks) console.log(`  ${leak.message}`);
    for (const key of ["cells", "withheld", "shares", "counts"] as const) totals[key] += hidden[key];
    totals.leaks += leaks.length;
    totals.ms += ms;
  }
  console.log(
    `${months.length} månader: ${totals.cells} dolda celler, ${totals.withheld} utelämnade fördelningar, ` +
      `${totals.shares} dolda andelar, ${totals.counts} andra dolda antal; ${totals.leaks} röjda; ` +
      `granskningen tog ${(totals.ms / 1000).toFixed(2)} s.`
  );
  return totals.leaks ? 1 : 0;
}

async function write(out: string, from: string, to: string): Promise<void> {
  const root = exportsRoot();
  const started = Date.now();
  const months = monthRange(from, to);
  for (const month of months) {
    const {conn, delivery} = await openEdition(root, month);
    const context = loaderContext(conn, month, delivery);
    await mkdir(join(out, month), {recursive: true});
    for (const name of Object.keys(SECTIONS) as SectionName[]) {
      const result = await loaderResult(SECTIONS[name], context, `${name}.json`);
      await writeFile(join(out, month, `${name}.json`), `${JSON.stringify(result, null, 1)}\n`);
    }
    conn.closeSync();
    process.stderr.write(`${month} (leverans ${delivery}) klar\n`);
  }
  console.log(
    `${months.length} månader × ${Object.keys(SECTIONS).length} avsnitt i ${out}/ på ${((Date.now() - started) / 1000).toFixed(1)} s.`
  );
}

runCli(async () => {
  const {values, positionals} = parseArgs({
    allowPositionals: true,
    options: {
      ut: {type: "string"},
      jamfor: {type: "boolean", default: false},
      rojande: {type: "string"},
      fran: {type: "string", default: "2021-02"},
      till: {type: "string"},
      hjalp: {type: "boolean", default: false},
      help: {type: "boolean", short: "h", default: false}
    }
  });
  if (values.help || values.hjalp) return void console.log(HELP);
  if (values.jamfor) {
    if (positionals.length !== 2) throw new Error(`Ange två mappar att jämföra.\n${HELP}`);
    return compare(positionals[0], positionals[1]);
  }
  if (values.rojande) return audit(values.rojande);
  if (!values.ut) throw new Error(`Ange en utmapp med --ut.\n${HELP}`);
  const deliveries = listDeliveries(exportsRoot());
  const last = deliveries.length ? addMonths(deliveries[deliveries.length - 1].slice(0, 7), -1) : null;
  const to = values.till ?? last;
  if (!to) throw new Error("Det finns inga leveranser att räkna på.");
  parseMonth(values.fran);
  parseMonth(to);
  if (lastDay(to) >= (deliveries[deliveries.length - 1] ?? "")) {
    throw new Error(`Det finns ingen leverans efter ${to}.`);
  }
  await write(values.ut, values.fran, to);
});
