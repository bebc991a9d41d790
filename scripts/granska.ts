// npm run granska -- 2023-11 [--json | --csv] [--troskel 10]: the reviewer's report before an edition is published.
// Exit status 1 when the delivery breaks the contract; warnings only print.
import {parseArgs} from "node:util";
import {deliveryForMonth, exportsRoot} from "../data-loaders/deliveries.ts";
import {buildReview, DEFAULT_THRESHOLD} from "../data-loaders/review/review.ts";
import {REVIEW_SECTIONS, type LateChange, type Review} from "../src/lib/review-types.ts";
import {sourceRoot} from "../data-loaders/source-root.ts";
import {parseMonth} from "../src/lib/months.ts";
import {
  formatInteger,
  formatKronor,
  formatMonth,
  formatPercent,
  formatSignedInteger,
  formatSignedPercent
} from "../src/lib/format.ts";
import {toExcelCsv, type Column} from "../src/lib/table-format.ts";
import {runCli} from "./lib/cli.ts";

const progress = (line: string) => process.stderr.write(`${line}\n`);

function formatValue(unit: string, value: number | null): string {
  return unit === "kr" ? formatKronor(value) : unit === "andel" ? formatPercent(value) : formatInteger(value);
}

function formatChange(unit: string, change: number | null, share: number | null): string {
  if (change === null) return "–";
  if (unit === "andel") return `${formatSignedPercent(change)}-enh`;
  return `${formatSignedInteger(change)} (${formatSignedPercent(share)})`;
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => [...r[i]].length)));
  return rows
    .map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  "))
    .join("\n");
}

function changeTable(changes: (LateChange & {cause?: string})[], label: (c: LateChange) => string): string {
  const withCause = changes.some((c) => c.cause);
  return table([
    ["Mått", "Månad", "Tidigare", "Nu", "Skillnad", "Procent", ...(withCause ? ["Orsak"] : [])],
    ...changes.map((c) => [
      label(c),
      c.month,
      formatValue(c.unit, c.before),
      formatValue(c.unit, c.after),
      c.unit === "andel" ? `${formatSignedPercent(c.difference)}-enh` : formatSignedInteger(c.difference),
      c.unit === "andel" ? "–" : formatSignedPercent(c.share),
      ...(withCause ? [c.cause ?? ""] : [])
    ])
  ]);
}

function printReport(review: Review): void {
  const {month, delivery, metrics, breakdowns: cells} = review;
  const warnings = review.findings.filter((f) => f.severity === "varning");
  console.log(`\nGranskning av utgåvan ${formatMonth(month)} – leverans ${delivery}\n`);
  const otherDelivery = review.findings.find((f) => f.rule === "annan_leverans");
  if (otherDelivery) console.log(`Obs: ${otherDelivery.message}\n`);
  for (const section of REVIEW_SECTIONS) {
    console.log(`${section}\n`);
    const rows = metrics.filter((r) => r.section === section);
    console.log(
      table([
        ["Mått", formatMonth(month), "Föreg. månad", "Förändring", "Föreg. år", "Förändring"],
        ...rows.map((r) => [
          r.label,
          formatValue(r.unit, r.value),
          formatValue(r.unit, r.previousMonth.value),
          r.previousMonth.comparable
            ? formatChange(r.unit, r.previousMonth.change, r.previousMonth.changeShare)
            : "ej jämförbart",
          formatValue(r.unit, r.previousYear.value),
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

  console.log(`\nDatakvalitet: ${warnings.length} varningar`);
  for (const w of warnings) console.log(`  [datakvalitet] ${w.id}: ${w.message}`);

  const late = review.lateRegistrations;
  console.log(
    `\nEfterregistrering sedan leverans ${review.previousDelivery ?? "(ingen tidigare leverans)"}: ${late.length} ändrade värden`
  );
  if (late.length) console.log(changeTable(late, (c) => c.label));

  console.log(
    `\nPublicerade utgåvor: deras frysta tal mot i dag (leverans ${delivery} och dagens kod). Orsak "data" = senare leverans, "kod" = koden räknar annorlunda på samma leverans:`
  );
  if (review.publishedEditions.length === 0) console.log("  Inga publicerade utgåvor före denna.");
  for (const edition of review.publishedEditions) {
    const changes = review.publishedChanges.filter((c) => c.edition === edition.month);
    const what = changes.length ? `${changes.length} tal skulle bli andra i dag` : "alla tal är desamma i dag";
    const gone = edition.deliveryAvailable ? "" : "; leveransen finns inte kvar som den var, så orsaken är okänd";
    console.log(
      `\n  ${formatMonth(edition.month)} (version ${edition.version}, leverans ${edition.delivery}${gone}): ${what}`
    );
    if (changes.length) console.log(changeTable(changes, (c) => c.label).replace(/^/gm, "  "));
  }
}

const CSV_COLUMNS = [
  {key: "avsnitt", label: "Avsnitt", format: "text"},
  {key: "matt", label: "Mått", format: "text"},
  {key: "manad", label: "Månad", format: "text"},
  {key: "varde", label: "Värde", format: "number"},
  {key: "foregaende_manad", label: "Föregående månad", format: "number"},
  {key: "forandring_manad", label: "Förändring mot föregående månad", format: "number"},
  {key: "foregaende_ar", label: "Föregående år", format: "number"},
  {key: "forandring_ar", label: "Förändring mot föregående år", format: "number"},
  {key: "flaggor", label: "Flaggor", format: "text"}
] as const satisfies readonly Column[];

async function main(): Promise<number> {
  const {values, positionals} = parseArgs({
    allowPositionals: true,
    options: {
      json: {type: "boolean", default: false},
      csv: {type: "boolean", default: false},
      troskel: {type: "string", default: String(DEFAULT_THRESHOLD * 100)},
      leverans: {type: "string"}
    }
  });
  if (positionals.length !== 1)
    throw new Error("Ange rapportmånaden: npm run granska -- ÅÅÅÅ-MM [--json | --csv] [--troskel 10]");
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
    for (const f of errors) console.error(`  [fel] ${f.id}: ${f.message}`);
    progress(
      `\nSammanfattning: leveransen ${delivery} kan inte användas för ${formatMonth(month)} (${errors.length} fel). Utgåvan kan inte publiceras.`
    );
    return 1;
  }

  if (values.json) {
    console.log(JSON.stringify(review, null, 2));
  } else if (values.csv) {
    process.stdout.write(
      toExcelCsv(
        review.metrics.map((r) => ({
          avsnitt: r.section,
          matt: r.label,
          manad: r.month,
          varde: r.value,
          foregaende_manad: r.previousMonth.value,
          forandring_manad: r.previousMonth.change,
          foregaende_ar: r.previousYear.value,
          forandring_ar: r.previousYear.change,
          flaggor: r.flags.map((f) => f.kind).join(", ")
        })),
        CSV_COLUMNS
      )
    );
  } else {
    printReport(review);
  }
  const warnings = review.findings.filter((f) => f.severity === "varning").length;
  const flagged = review.metrics.filter((m) => m.flags.some((f) => f.kind !== "seriebrott")).length;
  const suppressed = review.breakdowns.filter((c) => c.flags.length).length;
  const changedEditions = review.publishedEditions.filter((e) => e.changes > 0).map((e) => e.month);
  progress(
    `\nSammanfattning: ${review.metrics.length} mått, ${flagged} med flaggor, ${suppressed} undertryckta celler, ` +
      `${warnings} datakvalitetsvarningar, ${review.lateRegistrations.length} efterregistrerade ändringar, ` +
      `${changedEditions.length ? `publicerade utgåvor med ändrade tal: ${changedEditions.join(", ")}` : "inga publicerade utgåvor med ändrade tal"}. Inga fel.`
  );
  return 0;
}

runCli(main);
