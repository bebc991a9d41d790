// npm run bench:arkiv -- [--utgavor 4] [--sista 2023-12]
// How build time grows with the archive: in a copy of the project, makes an archive of N editions on the sample (the
// newest a draft, the others created with ny-utgava where missing and published with publicera), then times a cold
// build (empty caches), a warm build with nothing changed, and a warm build after a one-line prose edit in the draft.
// Prints the figures; it is a benchmark, not a test.
import {existsSync, readFileSync, writeFileSync} from "node:fs";
import {mkdtemp, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {parseArgs} from "node:util";
import {addMonths, monthRange, parseMonth} from "../src/lib/months.ts";
import {runCli} from "./lib/cli.ts";
import {copyProject, type ProjectCopy} from "./lib/project-copy.ts";

function must(copy: ProjectCopy, script: string, args: string[], env: Record<string, string> = {}): string {
  const result = copy.run(script, args, env);
  if (result.status !== 0) {
    throw new Error(
      `${script} ${args.join(" ")} misslyckades:\n${result.stdout.slice(-2000)}\n${result.stderr.slice(-2000)}`
    );
  }
  return result.stdout;
}

function timed(copy: ProjectCopy, args: string[], env: Record<string, string>): {seconds: number; steps: string[]} {
  const started = process.hrtime.bigint();
  const out = must(copy, "build", args, {...env, NAMNDRAPPORT_TIDER: "1"});
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return {seconds, steps: out.split("\n").filter((l) => l.includes("[tid]"))};
}

runCli(async () => {
  const {values} = parseArgs({
    options: {utgavor: {type: "string", default: "4"}, sista: {type: "string", default: "2023-12"}}
  });
  const count = Number(values.utgavor);
  if (!Number.isInteger(count) || count < 1) throw new Error(`--utgavor ska vara ett positivt heltal.`);
  parseMonth(values.sista);
  const months = monthRange(addMonths(values.sista, -(count - 1)), values.sista);
  const draft = months[months.length - 1];
  const copy = await copyProject({editions: months, deliveries: "alla"});
  const cache = await mkdtemp(join(tmpdir(), "namndrapport-byggcache-"));
  const env = {NAMNDRAPPORT_BUILD_CACHE: cache};
  console.log(`Arkiv med ${count} utgåvor (${months[0]}..${draft}) i ${copy.dir}; utkast: ${draft}.`);
  try {
    for (const month of months) {
      if (!existsSync(join(copy.dir, "src", month, "index.md"))) must(copy, "ny-utgava", [month]);
      for (const page of ["index.md", "tjansteskrivelse.md"]) {
        const file = join(copy.dir, "src", month, page);
        // The analyst has read the drafted bullets: the marks go before publishing.
        writeFileSync(file, readFileSync(file, "utf8").replace(/\s*<span class="nr-utkast">utkast<\/span>/g, ""));
      }
      if (month === draft) continue;
      const started = Date.now();
      must(copy, "publicera", [month, "--godkann-varningar", "--datum", `${addMonths(month, 1)}-15`], env);
      console.log(`  publicerade ${month} på ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    await rm(cache, {recursive: true, force: true});
    await rm(join(copy.dir, ".bygg", "webbplats"), {recursive: true, force: true});
    const cold = timed(copy, [], env);
    const warm = timed(copy, [], env);
    const letter = join(copy.dir, "src", draft, "tjansteskrivelse.md");
    writeFileSync(
      letter,
      readFileSync(letter, "utf8").replace(
        "muntlig information från verksamheten",
        "muntlig information från verksamheterna"
      )
    );
    const edited = timed(copy, [], env);
    const show = (name: string, r: {seconds: number; steps: string[]}) =>
      console.log(`${name}: ${r.seconds.toFixed(1)} s\n${r.steps.map((s) => `  ${s.trim()}`).join("\n")}`);
    show(`Kallt bygge (${count} utgåvor)`, cold);
    show("Varmt bygge, inget ändrat", warm);
    show("Varmt bygge efter en rad i utkastets tjänsteskrivelse", edited);
  } finally {
    await rm(copy.dir, {recursive: true, force: true});
    await rm(cache, {recursive: true, force: true});
  }
});
