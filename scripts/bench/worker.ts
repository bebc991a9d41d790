// One measurement of the benchmark in a fresh process (scripts/bench.ts starts it): prints one JSON line.
//   validera <root> <delivery>   validation alone, never cached
//   golv <root> <month>          the floor: one process, one DuckDB connection, the delivery opened once (validated,
//                                staged) and every section computed on it, as `npm run laddarutdata` does per month
import {validateDelivery} from "../../data-loaders/checks/validate.ts";
import {loaderContext, loaderResult, openEdition} from "../../data-loaders/run-loader.ts";
import {SECTIONS, type SectionName} from "../../data-loaders/sections.ts";

const [mode, root, arg] = process.argv.slice(2);
const started = performance.now();
const since = (t: number) => Math.round(performance.now() - t);

if (mode === "validera") {
  await validateDelivery(root, arg);
  console.log(JSON.stringify({ms: since(started)}));
} else if (mode === "golv") {
  const {conn, delivery} = await openEdition(root, arg);
  const opened = since(started);
  const sections: Record<string, number> = {};
  const context = loaderContext(conn, arg, delivery);
  for (const name of Object.keys(SECTIONS) as SectionName[]) {
    const t = performance.now();
    await loaderResult(SECTIONS[name], context, `${name}.json`);
    sections[name] = since(t);
  }
  console.log(JSON.stringify({ms: since(started), openMs: opened, sections, delivery}));
} else {
  throw new Error(`Okänt läge: ${mode}`);
}
