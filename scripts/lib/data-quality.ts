// The build's data-quality summary: before Framework computes anything, every edition's delivery is checked
// (data-loaders/checks/edition-check.ts) and the publisher sees its warnings, and whether it is the default delivery.
// Errors stop the build here with every message, instead of in each loader. Results are remembered per delivery, so
// the loaders that follow reuse them.
import {checkEdition, type EditionCheck} from "../../data-loaders/checks/edition-check.ts";
import {exportsRoot} from "../../data-loaders/deliveries.ts";
import {requestedDelivery} from "../../data-loaders/editions.ts";

/** Findings listed per edition; the rest are counted (npm run granska lists them all). */
export const LISTED_FINDINGS = 8;

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The summary lines of one edition's check. */
export function summaryLines(month: string, check: EditionCheck): string[] {
  const {delivery, findings} = check;
  const errors = findings.filter((f) => f.severity === "fel");
  const warnings = findings.filter((f) => f.severity === "varning");
  const which = delivery.isDefault
    ? `leverans ${delivery.delivery}`
    : `leverans ${delivery.delivery} (inte standardleveransen ${delivery.expected})`;
  const status = `${errors.length ? count(errors.length, "fel", "fel") : "inga fel"}, ${count(warnings.length, "varning", "varningar")}`;
  const listed = [...errors, ...warnings];
  const lines = [`  ${month}, ${which}: ${status}`];
  for (const f of listed.slice(0, LISTED_FINDINGS)) lines.push(`    [${f.severity}] ${f.message}`);
  if (listed.length > LISTED_FINDINGS) {
    lines.push(`    … och ${listed.length - LISTED_FINDINGS} till: npm run granska -- ${month}`);
  }
  return lines;
}

/**
 * Checks the delivery of each edition in `months` (the editions the build computes; published ones are read from
 * their records and need none), prints a short summary for each and throws when any has an error (or no delivery),
 * naming them all; `root` is the source root (an edition's page may name its delivery), `output` the folder the build
 * would have replaced.
 */
export async function reportDataQuality(options: {
  root: string;
  months: readonly string[];
  output: string;
  log: (line: string) => void;
}): Promise<void> {
  if (options.months.length === 0) return;
  const exports = exportsRoot();
  const lines = ["Datakvalitet per utgåva:"];
  const failed: string[] = [];
  for (const month of options.months) {
    try {
      const override = requestedDelivery(options.root, month);
      const check = await checkEdition(exports, month, {override, quality: true, cache: true});
      lines.push(...summaryLines(month, check));
      for (const f of check.findings) if (f.severity === "fel") failed.push(`  ${month}: ${f.message}`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      lines.push(`  ${month}: ${message}`);
      failed.push(`  ${month}: ${message}`);
    }
  }
  for (const line of lines) options.log(line);
  if (failed.length) {
    throw new Error(
      `Bygget misslyckades: leveranserna kan inte användas.\n${failed.join("\n")}\nDet tidigare innehållet i ${options.output} är orört.`
    );
  }
}
