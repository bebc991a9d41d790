// npm run publicera -- ÅÅÅÅ-MM [--leverans ÅÅÅÅ-MM-DD] [--godkann-varningar] [--rattelse "motivering"] [--datum ÅÅÅÅ-MM-DD]
// Publishes an edition: the review and the page check must pass, drafted text must be reviewed, warnings acknowledged;
// then the edition is built as published, frozen in publicerat/<M>/v<N>/ and its pages say status: publicerad.
// A correction (--rattelse) recomputes the data and takes the edited prose as a new version; the old one stays.
import {parseArgs} from "node:util";
import {formatMonth} from "../src/lib/format.ts";
import {parseMonth} from "../src/lib/months.ts";
import {runCli} from "./lib/cli.ts";
import {PublishRefusal, publishEdition} from "./lib/publish.ts";

const HELP = `Användning: npm run publicera -- ÅÅÅÅ-MM [alternativ]
  Publicerar utgåvan: granskar den, bygger den som den publiceras, sparar en fryst post i publicerat/ÅÅÅÅ-MM/
  och sätter status: publicerad på dess sidor. Efter det räknas utgåvan aldrig om.

  --godkann-varningar      godkänner granskningens datakvalitetsvarningar (sparas i utgåvans proveniens)
  --leverans ÅÅÅÅ-MM-DD    räknar på en annan leverans än standardleveransen (sparas i utgåvan)
  --rattelse "motivering"  publicerar en rättelse av en publicerad utgåva som en ny version; den gamla finns kvar
  --datum ÅÅÅÅ-MM-DD       publiceringsdatum (standard: i dag)
  --hjalp                  visar den här texten`;

const log = (line: string) => console.log(line);

runCli(async () => {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        leverans: {type: "string"},
        "godkann-varningar": {type: "boolean", default: false},
        rattelse: {type: "string"},
        datum: {type: "string"},
        hjalp: {type: "boolean", default: false},
        help: {type: "boolean", short: "h", default: false}
      }
    });
  } catch (error) {
    const option = /'([^']+)'/.exec(String(error))?.[1];
    throw new Error(`${option ? `Okänt eller ofullständigt alternativ ${option}.` : String(error)}\n\n${HELP}`);
  }
  const {values, positionals} = parsed;
  if (values.help || values.hjalp) return log(HELP);
  if (positionals.length !== 1) throw new Error(`Ange utgåvans rapportmånad.\n\n${HELP}`);
  const month = positionals[0];
  parseMonth(month);
  if (values.datum !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.datum)) {
    throw new Error(`Ogiltigt datum "${values.datum}": ange det som ÅÅÅÅ-MM-DD.`);
  }
  try {
    const result = await publishEdition({
      month,
      delivery: values.leverans,
      acknowledgeWarnings: values["godkann-varningar"],
      correction: values.rattelse,
      date: values.datum,
      log
    });
    const {record} = result;
    const what = record.provenance.correction ? `Rättelsen av ${formatMonth(month)}` : `Utgåvan ${formatMonth(month)}`;
    log(`\n${what} är publicerad som version ${record.version} (leverans ${record.provenance.delivery.date}).`);
    if (result.warnings.length) log(`Godkända datakvalitetsvarningar: ${result.warnings.map((w) => w.id).join(", ")}.`);
    log(`Fryst post: ${record.dir}/ (proveniens.json, data/, webb/, PDF:er).`);
    log(`Sidorna har status: publicerad: ${result.pages.join(", ")}.`);
    log(`Checka in posten och sidorna: git add publicerat/ ${result.pages.join(" ")} src/${month}/data && git commit`);
    return 0;
  } catch (error) {
    if (error instanceof PublishRefusal) {
      console.error(`Publiceras inte: ${error.message}`);
      return 1;
    }
    throw error;
  }
});
