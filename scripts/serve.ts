// npm run serve: serves the built site in dist/ on http://127.0.0.1:3001 for a last look before publishing.
import {existsSync} from "node:fs";
import {parseArgs} from "node:util";
import {serveStatic} from "./lib/static-server.ts";

const {values} = parseArgs({
  options: {port: {type: "string", default: "3001"}, mapp: {type: "string", default: "dist"}}
});
if (!existsSync(values.mapp!)) {
  console.error(`Fel: ${values.mapp} finns inte. Kör npm run build först.`);
  process.exit(1);
}
const {url} = await serveStatic(values.mapp!, Number(values.port));
console.log(`Webbplatsen i ${values.mapp} visas på ${url}/ (avsluta med Ctrl+C)`);
