// npm run gallra [-- --verkstall] [--datum ÅÅÅÅ-MM-DD]: lists the deliveries whose retention time has ended
// (settings.retentionMonths) and, with --verkstall, deletes them and logs it in publicerat/gallring.json.
import {parseArgs} from "node:util";
import {exportsRoot} from "../data-loaders/deliveries.ts";
import {settings} from "../src/lib/settings.ts";
import {runCli} from "./lib/cli.ts";
import {dispose, planDisposal} from "./lib/gallring.ts";
import {SRC_ROOT} from "./lib/paths.ts";
import {today} from "./lib/publish.ts";

const HELP = `Användning: npm run gallra [-- --verkstall] [--datum ÅÅÅÅ-MM-DD]
  Visar vilka leveranser som är äldre än ${settings.retentionMonths} månader (settings.retentionMonths) och ska gallras.
  Publicerade utgåvor påverkas inte: deras tal finns i de frysta posterna. Ett utkasts leverans sparas.
  --verkstall            tar bort leveranserna och skriver det i publicerat/gallring.json
  --datum ÅÅÅÅ-MM-DD     räknar gallringsgränsen från detta datum (standard: i dag)`;

runCli(async () => {
  const {values} = parseArgs({
    options: {
      verkstall: {type: "boolean", default: false},
      datum: {type: "string"},
      hjalp: {type: "boolean", default: false},
      help: {type: "boolean", short: "h", default: false}
    }
  });
  if (values.help || values.hjalp) return void console.log(HELP);
  const date = values.datum ?? today();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`Ogiltigt datum "${date}": ange det som ÅÅÅÅ-MM-DD.`);
  const exports = exportsRoot();
  const plan = planDisposal(exports, SRC_ROOT, date);
  console.log(`Gallringsgräns: leveranser daterade före ${plan.cutoff} (${settings.retentionMonths} månader).`);
  for (const k of plan.kept) console.log(`  sparas: ${k.delivery} (${k.reason})`);
  if (plan.dispose.length === 0) return void console.log("Inga leveranser att gallra.");
  console.log(`Gallras: ${plan.dispose.join(", ")} (${plan.dispose.length} st).`);
  for (const p of plan.published) {
    console.log(
      `  ${p.edition} version ${p.version} räknades på ${p.delivery}: dess tal finns kvar i den frysta posten.`
    );
  }
  if (!values.verkstall) return void console.log("Inget är borttaget. Kör med --verkstall för att gallra.");
  await dispose(exports, plan, date);
  console.log(`${plan.dispose.length} leveranser borttagna; gallringen är loggad i publicerat/gallring.json.`);
});
