// npm run granska -- 2023-11 [--json | --csv] [--troskel 10]: the reviewer's report before an edition is published.
// The summary and any errors come first, then the sections. Exit status 1 when the delivery breaks the contract;
// warnings only print.
import {parseArgs} from "node:util";
import {deliveryForMonth, exportsRoot} from "../data-loaders/deliveries.ts";
import {buildReview, DEFAULT_THRESHOLD} from "../data-loaders/review/review.ts";
import {REVIEW_SECTIONS, type Finding, type LateChange, type Review} from "../src/lib/review-types.ts";
import {sourceRoot} from "../data-loaders/source-root.ts";
import {parseMonth} from "../src/lib/months.ts";
import {
  formatByUnit,
  formatChangeByUnit,
  formatMonth,
  formatSignedInteger,
  formatSignedPoints
} from "../src/lib/format.ts";
import {runCli} from "./lib/cli.ts";
import {reviewCsv, summaryLine} from "./lib/review-report.ts";

const USAGE = `Granskning av en utgåva före publicering.

Användning:
  npm run granska -- ÅÅÅÅ-MM [alternativ]

Alternativ:
  --troskel <procent>    flagga förändringar större än så mot föregående månad eller år (standard ${DEFAULT_THRESHOLD * 100})
  --leverans <ÅÅÅÅ-MM-DD> granska mot en annan leverans än månadens standardleverans
  --json                 hela granskningen som JSON (använd npm --silent run så att npm:s egna rader inte kommer med)
  --csv                  alla avsnitt som CSV för svenskt Excel (använd npm --silent run och skicka till en fil)
  --hjalp, --help        visar den här texten

Exempel:
  npm run granska -- 2023-11
  npm --silent run granska -- 2023-11 --csv > granskning-2023-11.csv

Avslutar med status 1 om leveransen bryter mot datakontraktet.`;

const progress = (line: string) => process.stderr.write(`${line}\n`);

/** A metric's change in the terminal: "+107 (+3,5 %)", a share's "+4,6 procentenheter". */
function formatChange(unit: string, change: number | null, share: number | null): string {
  if (change === null) return "–";
  if (unit === "andel") return formatSignedPoints(change);
  return `${formatSignedInteger(change)} (${formatChangeByUnit(unit, change, share)})`;
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => [...r[i]].length)));
  return rows
    .map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  "))
    .join("\n");
}

function changeTable(changes: (LateChange & {cause?: string})[]): string {
  const withCause = changes.some((c) => c.cause);
  return table([
    ["Mått", "Månad", "Tidigare", "Nu", "Skillnad", ...(withCause ? ["Orsak"] : [])],
    ...changes.map((c) => [
      c.label,
      c.month,
      formatByUnit(c.unit, c.before),
      formatByUnit(c.unit, c.after),
      formatChange(c.unit, c.difference, c.share),
      ...(withCause ? [c.cause ?? ""] : [])
    ])
  ]);
}

function printErrors(errors: readonly Finding[]): void {
  for (const f of errors) console.log(`  [fel] ${f.id}: ${f.message}`);
}

function printReport(review: Review): void {
  const {month, metrics, breakdowns: cells} = review;
  const warnings = review.findings.filter((f) => f.severity === "varning");
  const otherDelivery = review.findings.find((f) => f.rule === "annan_leverans");
  if (otherDelivery) console.log(`Obs: ${otherDelivery.message}\n`);
  // Warnings about the delivery come right after the summary: they may explain the flags below.
  console.log(`Datakvalitet: ${warnings.length} varningar`);
  for (const w of warnings) console.log(`  [datakvalitet] ${w.id}: ${w.message}`);
  console.log("");
  for (const section of REVIEW_SECTIONS) {
    console.log(`${section}\n`);
    const rows = metrics.filter((r) => r.section === section);
    console.log(
      table([
        ["Mått", formatMonth(month), "Föreg. månad", "Förändring", "Föreg. år", "Förändring"],
        ...rows.map((r) => [
          r.label,
          formatByUnit(r.unit, r.value),
          formatByUnit(r.unit, r.previousMonth.value),
          r.previousMonth.comparable
            ? formatChange(r.unit, r.previousMonth.change, r.previousMonth.changeShare)
            : "ej jämförbart",
          formatByUnit(r.unit, r.previousYear.value),
          r.previousYear.comparable
            ? formatChange(r.unit, r.previousYear.change, r.previousYear.changeShare)
            : "ej jämförbart"
        ])
      ])
    );
    const flagged = rows.filter((r) => r.flags.length > 0);
    if (flagged.length) {
      console.log("");
      for (const r of flagged) for (const f of r.flags) console.log(`  [${f.kind}] ${r.label}: ${f.message}`);
    }
    console.log("");
  }
  const suppressed = cells.filter((c) => c.flags.length);
  const secondary = suppressed.filter((c) => c.suppressed === "sekundar").length;
  console.log(
    `Fördelningar: ${cells.length} celler, ${suppressed.length} dolda (${suppressed.length - secondary} primärt, ${secondary} sekundärt)`
  );
  for (const c of suppressed) console.log(`  [undertryckt] ${c.label} – ${c.cell}: ${c.flags[0].message}`);

  const late = review.lateRegistrations;
  console.log(
    `\nEfterregistrering sedan leverans ${review.previousDelivery ?? "(ingen tidigare leverans)"}: ${late.length} ändrade värden`
  );
  if (late.length) console.log(changeTable(late));

  console.log(
    `\nPublicerade utgåvor: deras frysta tal mot i dag (leverans ${review.delivery} och dagens kod). Orsak "data" = senare leverans, "kod" = koden räknar annorlunda på samma leverans:`
  );
  if (review.publishedEditions.length === 0) console.log("  Inga publicerade utgåvor före denna.");
  for (const edition of review.publishedEditions) {
    const changes = review.publishedChanges.filter((c) => c.edition === edition.month);
    const what = changes.length ? `${changes.length} tal skulle bli andra i dag` : "alla tal är desamma i dag";
    const gone = edition.deliveryAvailable ? "" : "; leveransen finns inte kvar som den var, så orsaken är okänd";
    console.log(
      `\n  ${formatMonth(edition.month)} (version ${edition.version}, leverans ${edition.delivery}${gone}): ${what}`
    );
    if (changes.length) console.log(changeTable(changes).replace(/^/gm, "  "));
  }
}

/** Parses the options; unknown ones get a Swedish message instead of the parser's English. */
function options(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      options: {
        json: {type: "boolean", default: false},
        csv: {type: "boolean", default: false},
        troskel: {type: "string", default: String(DEFAULT_THRESHOLD * 100)},
        leverans: {type: "string"},
        hjalp: {type: "boolean", default: false},
        help: {type: "boolean", short: "h", default: false}
      }
    });
  } catch (error) {
    const code = (error as {code?: string}).code;
    const option = /'([^']+)'/.exec(error instanceof Error ? error.message : "")?.[1];
    const what =
      code === "ERR_PARSE_ARGS_UNKNOWN_OPTION"
        ? `okänt alternativ ${option ?? ""}`.trim()
        : code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE"
          ? `alternativet ${option?.split(" ")[0] ?? ""} behöver ett värde`.replace("  ", " ")
          : "felaktiga alternativ";
    throw new Error(`${what}. Skriv npm run granska -- --hjalp för att se vad som finns.`);
  }
}

async function main(): Promise<number> {
  const {values, positionals} = options(process.argv.slice(2));
  if (values.hjalp || values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 1)
    throw new Error("Ange rapportmånaden: npm run granska -- ÅÅÅÅ-MM [--json | --csv] [--troskel 10]. Mer: --hjalp.");
  if (values.json && values.csv) throw new Error("Välj --json eller --csv, inte båda.");
  const month = positionals[0];
  parseMonth(month);
  const threshold = Number(values.troskel);
  if (!Number.isFinite(threshold) || threshold <= 0)
    throw new Error(`--troskel ska vara ett positivt tal i procent, inte "${values.troskel}".`);

  const root = exportsRoot();
  const delivery = deliveryForMonth(root, month, values.leverans);
  const review = await buildReview(root, month, {
    threshold: threshold / 100,
    delivery,
    sourceRoot: sourceRoot(),
    progress
  });
  const errors = review.findings.filter((f) => f.severity === "fel");
  if (errors.length) {
    // The summary and the errors are what a reviewer needs; the sections mean nothing on a broken delivery.
    console.log(`\nGranskning av utgåvan ${formatMonth(month)} – leverans ${delivery}\n`);
    console.log(
      `Sammanfattning: leveransen ${delivery} kan inte användas för ${formatMonth(month)} (${errors.length} fel). Utgåvan kan inte publiceras.\n`
    );
    console.log("Fel\n");
    printErrors(errors);
    return 1;
  }

  if (values.json) {
    console.log(JSON.stringify(review, null, 2));
  } else if (values.csv) {
    process.stdout.write(reviewCsv(review));
  } else {
    console.log(`\nGranskning av utgåvan ${formatMonth(month)} – leverans ${delivery}\n`);
    console.log(`${summaryLine(review)}\n`);
    printReport(review);
  }
  if (values.json || values.csv) progress(`\n${summaryLine(review)}`);
  return 0;
}

runCli(main);
