// npm run sample -- [--ut <mapp>] [--skala <heltal>]: writes the bundled sample deliveries (scripts/sample/).
import {runSampleCli} from "./sample/cli.ts";

process.exitCode = await runSampleCli(process.argv.slice(2));
