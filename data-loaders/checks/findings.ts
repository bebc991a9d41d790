// Findings of the delivery checks: errors stop the build, warnings go to the review. Messages are Swedish and name
// delivery, file, column and rule.
import {formatInteger} from "../../src/lib/format.ts";
import type {Finding, Severity} from "../../src/lib/review-types.ts";

export type {Finding};

/** Thrown when a delivery breaks the contract. The message lists every error, one per line. */
export class ContractError extends Error {
  readonly findings: Finding[];

  constructor(findings: Finding[]) {
    super(findings.map((f) => f.message).join("\n"));
    this.name = "ContractError";
    this.findings = findings;
  }
}

/** Throws ContractError listing the errors among `findings`; returns them when there is none (only warnings). */
export function throwOnErrors(findings: Finding[]): Finding[] {
  const errors = findings.filter((f) => f.severity === "fel");
  if (errors.length) throw new ContractError(errors);
  return findings;
}

/** "1 rad", "3 rader", "1 671 rader": Swedish counts. */
export function rows(n: number): string {
  return n === 1 ? "1 rad" : `${formatInteger(n)} rader`;
}

interface Where {
  delivery: string;
  table?: string | null;
  file?: string | null;
  column?: string | null;
}

/**
 * A finding whose message reads "leverans D: fil, kolumn C: text". Pass `sentence` instead of `text` for messages
 * that read as one sentence after the file ("leverans D: fil saknar kolumnen C").
 */
export function finding(
  rule: string,
  severity: Severity,
  where: Where,
  text: {text?: string; sentence?: string; count?: number | null; id?: string}
): Finding {
  const {delivery, table = null, file = null, column = null} = where;
  const multiple = column?.includes(",");
  const place = [file, column && `${multiple ? "kolumnerna" : "kolumn"} ${column}`].filter(Boolean).join(", ");
  const message = text.sentence
    ? `leverans ${delivery}: ${file ? `${file} ` : ""}${text.sentence}`
    : `leverans ${delivery}: ${place ? `${place}: ` : ""}${text.text}`;
  const id = text.id ?? `${rule}${table ? `:${table}${column ? `.${column.replaceAll(", ", "+")}` : ""}` : ""}`;
  return {id, rule, severity, delivery, table, file, column, count: text.count ?? null, message};
}
