// npm run bench -- [--skala1 <mapp>] [--skala10 <mapp>] [--skala40 <mapp>] [--manad ÅÅÅÅ-MM] [--korningar N]
//                  [--webbplats <mapp>]
// A benchmark, not a test: how long one edition's data takes at each population scale, against the floor of the same
// SQL in one process, with validation time, peak memory, and (from a built site) PDF time and page weight.
// docs/prestanda.md explains the figures and how to make the scaled deliveries.
import {spawn} from "node:child_process";
import {existsSync, readdirSync} from "node:fs";
import {mkdtemp, rm} from "node:fs/promises";
import {availableParallelism, loadavg, tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {parseArgs} from "node:util";
import {deliveryForMonth, listDeliveries} from "../data-loaders/deliveries.ts";
import {SECTIONS} from "../data-loaders/sections.ts";
import {addMonths, lastDay, parseMonth} from "../src/lib/months.ts";
import {pageWeight, pdfSeconds} from "./bench/site.ts";
import {runCli} from "./lib/cli.ts";

const HELP = `Användning: npm run bench -- [--skala1 <mapp>] [--skala10 <mapp>] [--skala40 <mapp>] [--manad ÅÅÅÅ-MM]
                     [--korningar N] [--webbplats <mapp>]

  --skala1, --skala10, --skala40  leveransmappar gjorda med npm run sample -- --ut <mapp> --skala N
                                  (standard: --skala1 data/exports; 10 och 40 mäts när de anges)
  --manad       utgåvans rapportmånad (standard den sista som har en leverans efter sig)
  --korningar   körningar per skala; medianen visas (standard 1)
  --webbplats   en byggd webbplats för PDF-tid och sidvikt (standard dist, hoppas över när den saknas)

Mäter per skala: varje dataladdares tid när Framework kör den (egen process, kall och varm cache), summan,
golvet (samma SQL i en process) och kvoten mot golvet, valideringens tid och högsta minnesanvändning.`;

const TSX = resolve("node_modules", ".bin", "tsx");
const PEAK = resolve("scripts", "bench", "peak-rss.ts");
const WORKER = resolve("scripts", "bench", "worker.ts");
const LOADER = (name: string) => resolve("src", "[month]", "data", `${name}.json.ts`);

interface Run {
  seconds: number;
  peakMb: number;
  stdout: string;
}

/** Runs a command to its end; wall seconds from start to exit, and the peak RSS its Node process printed. */
function run(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(TSX, ["--import", PEAK, ...args], {env: {...process.env, ...env}});
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", fail);
    child.on("close", (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) return fail(new Error(`${args.join(" ")} avslutades med status ${code}:\n${stderr.trim()}`));
      const peak = /BENCH_PEAK_RSS_KB (\d+)/.exec(stderr);
      done({seconds, peakMb: peak ? Number(peak[1]) / 1024 : NaN, stdout});
    });
  });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const s = (seconds: number) => `${seconds.toFixed(2).replace(".", ",")} s`;
const mb = (value: number) => `${Math.round(value)} MB`;
const ratio = (value: number) => value.toFixed(2).replace(".", ",");

/** A fresh, empty cache for the validation and the staged delivery: every cold run starts from nothing. */
async function freshCache(): Promise<{dir: string; env: Record<string, string>}> {
  const dir = await mkdtemp(join(tmpdir(), "namndrapport-bench-"));
  return {
    dir,
    env: {NAMNDRAPPORT_VALIDATION_CACHE: join(dir, "validering"), NAMNDRAPPORT_STAGING_CACHE: join(dir, "staging")}
  };
}

interface ScaleResult {
  loadersCold: Record<string, number>;
  loadersWarm: Record<string, number>;
  coldSum: number;
  warmSum: number;
  floor: number;
  floorSections: Record<string, number>;
  validation: number;
  peakLoaders: number;
  peakFloor: number;
}

async function benchScale(root: string, month: string, runs: number): Promise<ScaleResult> {
  const names = Object.keys(SECTIONS);
  const env = {NAMNDRAPPORT_EXPORTS: root};
  const cold: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  const warm: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  const coldSums: number[] = [];
  const warmSums: number[] = [];
  const floors: number[] = [];
  const floorSections: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  const validations: number[] = [];
  let peakLoaders = 0;
  let peakFloor = 0;
  // Side by side: each round runs the floor, then the loaders cold, then warm, so drift hits all alike.
  for (let round = 0; round < runs; round++) {
    const floorCache = await freshCache();
    const floor = await run([WORKER, "golv", root, month], {...env, ...floorCache.env});
    await rm(floorCache.dir, {recursive: true, force: true});
    const floorResult = JSON.parse(floor.stdout) as {sections: Record<string, number>};
    floors.push(floor.seconds);
    for (const n of names) floorSections[n].push(floorResult.sections[n] / 1000);
    peakFloor = Math.max(peakFloor, floor.peakMb);

    const cache = await freshCache();
    for (const [times, sums] of [
      [cold, coldSums],
      [warm, warmSums]
    ] as const) {
      let sum = 0;
      for (const name of names) {
        const loader = await run([LOADER(name), `--month=${month}`], {...env, ...cache.env});
        times[name].push(loader.seconds);
        sum += loader.seconds;
        peakLoaders = Math.max(peakLoaders, loader.peakMb);
      }
      sums.push(sum);
    }
    await rm(cache.dir, {recursive: true, force: true});

    const delivery = deliveryForMonth(root, month);
    validations.push((await run([WORKER, "validera", root, delivery], env)).seconds);
  }
  const med = (m: Record<string, number[]>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, median(v)]));
  return {
    loadersCold: med(cold),
    loadersWarm: med(warm),
    coldSum: median(coldSums),
    warmSum: median(warmSums),
    floor: median(floors),
    floorSections: med(floorSections),
    validation: median(validations),
    peakLoaders,
    peakFloor
  };
}

/** The machine's load while a scale ran: other work on a shared machine slows every figure alike. */
const load = () => `belastning ${loadavg()[0].toFixed(1).replace(".", ",")} på ${availableParallelism()} kärnor`;

function print(scale: string, root: string, month: string, r: ScaleResult, loadBefore: string): void {
  const delivery = deliveryForMonth(root, month);
  console.log(`\n## --skala ${scale}: utgåva ${month}, leverans ${delivery} (${root})`);
  console.log(`(${loadBefore} före, ${load()} efter)`);
  console.log(`dataladdare              kall      varm    (i golvets process)`);
  for (const name of Object.keys(r.loadersCold)) {
    console.log(
      `  ${name.padEnd(20)} ${s(r.loadersCold[name]).padStart(8)}  ${s(r.loadersWarm[name]).padStart(8)}  ${s(r.floorSections[name]).padStart(8)}`
    );
  }
  console.log(`  ${"summa (datasteget)".padEnd(20)} ${s(r.coldSum).padStart(8)}  ${s(r.warmSum).padStart(8)}`);
  console.log(`golvet (en process, samma SQL, kall): ${s(r.floor)}`);
  console.log(`kvot laddare/golv: kall ${ratio(r.coldSum / r.floor)}, varm ${ratio(r.warmSum / r.floor)}`);
  console.log(`validering: ${s(r.validation)}`);
  console.log(`högsta minne: dataladdare ${mb(r.peakLoaders)}, golvet ${mb(r.peakFloor)}`);
}

runCli(async () => {
  const {values} = parseArgs({
    options: {
      skala1: {type: "string", default: "data/exports"},
      skala10: {type: "string"},
      skala40: {type: "string"},
      manad: {type: "string"},
      korningar: {type: "string", default: "1"},
      webbplats: {type: "string", default: "dist"},
      hjalp: {type: "boolean", short: "h", default: false}
    }
  });
  if (values.hjalp) return void console.log(HELP);
  const runs = Number(values.korningar);
  if (!Number.isInteger(runs) || runs < 1) throw new Error("--korningar måste vara ett positivt heltal.");
  const scales: [string, string][] = [];
  for (const [scale, dir] of [
    ["1", values.skala1],
    ["10", values.skala10],
    ["40", values.skala40]
  ]) {
    if (dir !== undefined) scales.push([scale!, dir]);
  }
  for (const [scale, dir] of scales) {
    const root = resolve(dir);
    const deliveries = listDeliveries(root);
    if (!deliveries.length) throw new Error(`Inga leveranser i ${dir} (--skala${scale}).`);
    const month = values.manad ?? addMonths(deliveries[deliveries.length - 1].slice(0, 7), -1);
    parseMonth(month);
    if (lastDay(month) >= deliveries[deliveries.length - 1]) throw new Error(`Ingen leverans efter ${month}.`);
    const before = load();
    print(scale, root, month, await benchScale(root, month, runs), before);
  }

  const site = values.webbplats;
  const editions = existsSync(site) ? readdirSync(site).filter((name) => /^\d{4}-\d{2}$/.test(name)) : [];
  if (!editions.length) {
    console.log(`\nPDF-tid och sidvikt: ingen byggd webbplats i ${site}/ (kör npm run build först).`);
    return;
  }
  const edition = editions.sort().at(-1)!;
  const weight = await pageWeight(site, edition);
  console.log(`\n## Webbplatsen ${site}/, utgåva ${edition}`);
  console.log(
    `sidvikt ${edition}/: ${weight.requests} filer, ${Math.round(weight.bytes / 1024)} kB, gzip ${Math.round(weight.gzipBytes / 1024)} kB`
  );
  console.log(`PDF-tid per utgåva (Nämndrapport och Tjänsteskrivelse): ${s(await pdfSeconds(site, edition))}`);
});
