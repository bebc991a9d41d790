// The review as flat tables with Swedish column names, mapped once: the review page's SQL tables and metric table and
// `npm run granska -- --csv` all read these rows. Values stay as computed (shares as fractions); each consumer
// formats or rounds them by unit.
import type {Schema} from "./arrow-table.js";
import type {Review, ReviewMetricRow} from "./review-types.js";

/**
 * How a column is read: a value in the row's unit (`enhet`), a difference in it, a relative change (0.035), a plain
 * number, or text.
 */
export type ColumnKind = "text" | "number" | "value" | "difference" | "relative";

export interface ReviewColumn {
  kind: ColumnKind;
  /** Swedish description shown under "Tabeller" on the review page. */
  description: string;
}

export interface ReviewTable {
  name: string;
  description: string;
  columns: Record<string, ReviewColumn>;
}

const text = (description: string): ReviewColumn => ({kind: "text", description});
const number = (description: string): ReviewColumn => ({kind: "number", description});
const value = (description: string): ReviewColumn => ({kind: "value", description});
const difference = (description: string): ReviewColumn => ({kind: "difference", description});
const relative = (description: string): ReviewColumn => ({kind: "relative", description});

const METRIC_ID = {
  matt_id: text("måttets id, till exempel utbetalt"),
  matt: text("måttets namn"),
  enhet: text("kr, hushåll, personer, andel …"),
  manad: text("månad, ÅÅÅÅ-MM")
};

const CHANGE_COLUMNS = {
  ...METRIC_ID,
  tidigare: value("värdet tidigare"),
  nu: value("värdet nu"),
  skillnad: difference("nu − tidigare (en andel i andelsenheter: 0,046 = 4,6 procentenheter)"),
  skillnad_procent: relative("skillnaden delad med det tidigare värdet (0,035 = 3,5 %)")
};

/** The review page's SQL tables, in the order they are listed. `varden` is written by the review's Arrow loader. */
export const REVIEW_TABLES = {
  varden: {
    name: "varden",
    description:
      "Månadsserier för varje mått (en rad per mått och månad) och fördelningarnas celler (en rad per kategori).",
    columns: {
      avsnitt: text("rapportens avsnitt"),
      ...METRIC_ID,
      kategori: text("fördelningens kategori; NULL för ett mått"),
      varde: value("värdet; NULL där det saknas eller är dolt"),
      system: text("verksamhetssystemet värdet kommer från"),
      undertryckt: text("primar eller sekundar för en dold cell")
    }
  },
  matt: {
    name: "matt",
    description: "Varje mått för rapportmånaden med föregående månad och år, förändringar och flaggor.",
    columns: {
      avsnitt: text("rapportens avsnitt"),
      ...METRIC_ID,
      varde: value("värdet för rapportmånaden"),
      foregaende_manad: value("värdet föregående månad"),
      forandring_manad: difference("förändring mot föregående månad; NULL när den inte är jämförbar"),
      forandring_manad_procent: relative("förändringen i procent av föregående månad (0,035 = 3,5 %)"),
      foregaende_ar: value("värdet samma månad föregående år"),
      forandring_ar: difference("förändring mot föregående år; NULL när den inte är jämförbar"),
      forandring_ar_procent: relative("förändringen i procent av föregående år"),
      flaggor: text("seriebrott, undertryckt, troskel, datakvalitet")
    }
  },
  efterregistrering: {
    name: "efterregistrering",
    description: "Värden för tidigare månader som ändrats sedan föregående leverans.",
    columns: CHANGE_COLUMNS
  },
  publicerade_andringar: {
    name: "publicerade_andringar",
    description: "Tal i publicerade utgåvor (deras frysta värden) som i dag blir annorlunda.",
    columns: {
      utgava: text("den publicerade utgåvan, ÅÅÅÅ-MM"),
      version: number("utgåvans version"),
      publicerad_leverans: text("leveransen utgåvan publicerades med"),
      orsak: text("data, kod, kod och data eller okänd"),
      ...CHANGE_COLUMNS
    }
  },
  kontroller: {
    name: "kontroller",
    description: "Datakvalitetskontrollernas fynd i leveransen.",
    columns: {
      kontroll: text("kontrollens id"),
      regel: text("regeln, till exempel okand_kod"),
      allvar: text("fel eller varning"),
      tabell: text("exportens tabell"),
      fil: text("filen"),
      kolumn: text("kolumnen"),
      antal: number("rader, personer eller hushåll som berörs"),
      meddelande: text("förklaringen")
    }
  }
} as const satisfies Record<string, ReviewTable>;

/** The Arrow column types of a review table: text columns Utf8, the rest Float64. */
export function reviewSchema(table: ReviewTable): Schema {
  return Object.fromEntries(
    Object.entries(table.columns).map(([key, column]) => [key, column.kind === "text" ? "text" : "number"])
  );
}

/** A flag kind once per metric, in order: "seriebrott, troskel". */
/** A metric a reviewer must look at: flagged for anything but a known series break. */
export function isFlagged(row: ReviewMetricRow): boolean {
  return row.flags.some((f) => f.kind !== "seriebrott");
}

export function flagKinds(row: ReviewMetricRow): string {
  return [...new Set(row.flags.map((f) => f.kind))].join(", ");
}

/** A comparison's change only when it is comparable. */
const comparable = (c: ReviewMetricRow["previousMonth"], field: "change" | "changeShare") =>
  c.comparable ? c[field] : null;

/** One row per metric of the report month (table `matt`). */
export function metricRecords(
  review: Review
): Record<keyof typeof REVIEW_TABLES.matt.columns, string | number | null>[] {
  return review.metrics.map((m) => ({
    avsnitt: m.section,
    matt_id: m.id,
    matt: m.label,
    enhet: m.unit,
    manad: m.month,
    varde: m.value,
    foregaende_manad: m.previousMonth.value,
    forandring_manad: comparable(m.previousMonth, "change"),
    forandring_manad_procent: comparable(m.previousMonth, "changeShare"),
    foregaende_ar: m.previousYear.value,
    forandring_ar: comparable(m.previousYear, "change"),
    forandring_ar_procent: comparable(m.previousYear, "changeShare"),
    flaggor: flagKinds(m)
  }));
}

type ChangeRecord = Record<keyof typeof CHANGE_COLUMNS, string | number | null>;

function changeRecord(c: Review["lateRegistrations"][number]): ChangeRecord {
  return {
    matt_id: c.metric,
    matt: c.label,
    enhet: c.unit,
    manad: c.month,
    tidigare: c.before,
    nu: c.after,
    skillnad: c.difference,
    skillnad_procent: c.share
  };
}

/** Late registrations (table `efterregistrering`). */
export function lateRecords(review: Review): ChangeRecord[] {
  return review.lateRegistrations.map(changeRecord);
}

/** Published numbers that differ today (table `publicerade_andringar`). */
export function publishedRecords(
  review: Review
): Record<keyof typeof REVIEW_TABLES.publicerade_andringar.columns, string | number | null>[] {
  return review.publishedChanges.map((c) => ({
    utgava: c.edition,
    version: c.version,
    publicerad_leverans: c.publishedDelivery,
    orsak: c.cause,
    ...changeRecord(c)
  }));
}

/** The delivery checks' findings (table `kontroller`). */
export function findingRecords(
  review: Review
): Record<keyof typeof REVIEW_TABLES.kontroller.columns, string | number | null>[] {
  return review.findings.map((f) => ({
    kontroll: f.id,
    regel: f.rule,
    allvar: f.severity,
    tabell: f.table,
    fil: f.file,
    kolumn: f.column,
    antal: f.count,
    meddelande: f.message
  }));
}

/** Every review table column's kind by name (a name means the same in every table). */
export const REVIEW_COLUMN_KINDS: Record<string, ColumnKind> = Object.fromEntries(
  Object.values(REVIEW_TABLES).flatMap((t) => Object.entries(t.columns).map(([name, c]) => [name, c.kind]))
);
