// The privacy guard: nothing record-level may leave data-loaders/. Loader entries call assertAggregateOutput on what
// they are about to write, and the build calls findPrivacyViolations on every built file.
import {PSEUDONYM} from "./contract.ts";

/** Personnummer and samordningsnummer shapes: YYMMDD-NNNN, YYMMDDNNNN, YYYYMMDD-NNNN, YYYYMMDDNNNN. */
const PERSONNUMMER = /(?<![\d])(?:\d{8}-?\d{4}|\d{6}[-+]?\d{4})(?![\d])/g;

/** A shape match counts only when its date part is a plausible birth date (day + 60 for samordningsnummer). */
function isPlausiblePersonnummer(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, "");
  const date = digits.length === 12 ? digits.slice(2, 8) : digits.slice(0, 6);
  if (digits.length === 12 && !/^(18|19|20)/.test(digits)) return false;
  const month = Number(date.slice(2, 4));
  const day = Number(date.slice(4, 6));
  return month >= 1 && month <= 12 && ((day >= 1 && day <= 31) || (day >= 61 && day <= 91));
}

function personnummerIn(text: string): string[] {
  return [...new Set(text.match(PERSONNUMMER) ?? [])].filter(isPlausiblePersonnummer);
}
/**
 * A number is a personnummer only as a whole twelve-digit YYYYMMDDNNNN. Ten digits are not enough: a month's
 * payments in kronor reach ten digits at national scale (1 001 727 360 kr reads as 100172-7360). A ten-digit
 * personnummer stored as a number is caught by its key name instead (personnummer, pnr).
 */
function isPersonnummerNumber(value: number): boolean {
  return Number.isInteger(value) && /^\d{12}$/.test(String(value)) && personnummerIn(String(value)).length > 0;
}

/** A value of the contract's pseudonym shape (contract.ts PSEUDONYM): eight characters, a letter first. */
const PSEUDONYM_SHAPE = new RegExp(`^(?:${PSEUDONYM.regex})$`);
function looksLikePseudonym(value: string): boolean {
  return PSEUDONYM_SHAPE.test(value);
}
/** Column names that identify a person or a household at record level. */
const KEY_NAMES =
  /^((person|hushall|household|elev|deltagar|arende|insats|utredning|utbetalning|beslut)(_?(id|nr|nyckel))|personnummer|pnr|samordningsnummer)$/i;

export interface PrivacyViolation {
  rule: "personnummer" | "nyckel" | "pseudonym";
  /** Where in the value it was found, as a JSON path. */
  path: string;
  detail: string;
}

/**
 * Walks a loader's output value and reports record-level content: keys named like identifiers, values shaped like
 * pseudonyms or personnummer. An empty list means the value is safe to publish.
 */
export function findPrivacyViolations(value: unknown, path = "$"): PrivacyViolation[] {
  if (typeof value === "string") {
    if (personnummerIn(value).length)
      return [{rule: "personnummer", path, detail: "värde som liknar ett personnummer"}];
    // The value itself is never repeated: it may be a real key.
    if (looksLikePseudonym(value))
      return [{rule: "pseudonym", path, detail: "värdet liknar en person- eller hushållsnyckel"}];
    return [];
  }
  if (typeof value === "number") {
    return isPersonnummerNumber(value) ? [{rule: "personnummer", path, detail: "tal som liknar ett personnummer"}] : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => findPrivacyViolations(item, `${path}[${i}]`));
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) => [
      ...(KEY_NAMES.test(key)
        ? [
            {
              rule: "nyckel" as const,
              path: `${path}.${key}`,
              detail: `fältet "${key}" är en nyckel på individ- eller hushållsnivå`
            }
          ]
        : []),
      ...findPrivacyViolations(item, `${path}.${key}`)
    ]);
  }
  return [];
}

/** Scans published text (HTML, JS, CSV) for personnummer-like strings. JSON is checked as values instead. */
export function findPersonnummerInText(text: string): string[] {
  return personnummerIn(text);
}

/** Throws a Swedish error naming the first violations, so that the loader and the build fail. */
export function assertAggregateOutput(value: unknown, source: string): void {
  const violations = findPrivacyViolations(value);
  if (violations.length === 0) return;
  const listed = violations
    .slice(0, 5)
    .map((v) => `  ${v.path}: ${v.detail}`)
    .join("\n");
  throw new Error(
    `Integritetsskydd: ${source} innehåller uppgifter på individnivå och publiceras inte (${violations.length} fynd):\n${listed}`
  );
}
