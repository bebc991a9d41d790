// The shapes of the review (npm run granska, the review page): findings of the delivery checks, metric rows with
// flags, late registrations and published editions that changed. Node and pages share them.
import type {Hidden} from "./disclosure.js";
import type {Comparison, MetricResult} from "./metric-types.js";

/** "fel" stops the build; "varning" goes to the review and the publisher. */
export type Severity = "fel" | "varning";

export interface Finding {
  /** Stable across deliveries: `<rule>:<table>[.<column>]`, e.g. "okand_kod:accorda_deltagare.VERKSAMHET". */
  id: string;
  /** The rule, e.g. "saknad_kolumn", "okand_kod", "belopp_negativt". */
  rule: string;
  severity: Severity;
  delivery: string;
  /** The export table (or canonical view, for cross-table warnings); null for the delivery as a whole. */
  table: string | null;
  /** The file the finding is in, e.g. "accorda_deltagare.parquet" or "manifest.json". */
  file: string | null;
  /** Column or columns (comma separated), or null. */
  column: string | null;
  /** Rows (or persons, households) concerned, when counted. */
  count: number | null;
  message: string;
}

export interface LateChange {
  metric: string;
  label: string;
  unit: MetricResult["unit"];
  month: string;
  before: number;
  after: number;
  difference: number;
  /** difference / before; null when before is 0. */
  share: number | null;
}

export type FlagKind = "seriebrott" | "undertryckt" | "troskel" | "datakvalitet";

export interface Flag {
  kind: FlagKind;
  message: string;
}

/** The review's sections, in report order. */
export const REVIEW_SECTIONS = ["Ekonomiskt bistånd", "Arbetsmarknadsinsatser", "Kontroller och uppdrag"] as const;

export interface ReviewMetricRow {
  section: (typeof REVIEW_SECTIONS)[number];
  id: string;
  label: string;
  unit: MetricResult["unit"];
  month: string;
  value: number | null;
  previousMonth: Comparison;
  previousYear: Comparison;
  flags: Flag[];
}

export interface ReviewBreakdownRow {
  id: string;
  label: string;
  key: string;
  cell: string;
  value: number | null;
  /** Why the value is hidden: "primar" (1–4) or "sekundar" (so that no hidden value can be worked out). */
  suppressed?: Hidden;
  flags: Flag[];
}

/**
 * What made a published number differ from today's computation: "data" (a later delivery: late registrations,
 * corrections), "kod" (the code now computes it differently from the same delivery), both, or "okänd" when the
 * delivery it was published with is no longer available as it was (disposed or changed).
 */
export type ChangeCause = "data" | "kod" | "kod och data" | "okänd";

/** A number a published edition showed (its frozen record) that today's deliveries and code give differently. */
export interface PublishedChange extends LateChange {
  /** The published edition, "YYYY-MM". */
  edition: string;
  /** The version of the edition compared (its newest). */
  version: number;
  /** The delivery it was published with. */
  publishedDelivery: string;
  cause: ChangeCause;
}

/** A published edition the review compared with today's computation. */
export interface PublishedEditionCheck {
  month: string;
  version: number;
  /** Date the version was published, "YYYY-MM-DD". */
  published: string;
  delivery: string;
  /** False when the delivery it was published with is gone or changed, so causes cannot be told apart. */
  deliveryAvailable: boolean;
  changes: number;
}

export interface Review {
  month: string;
  delivery: string;
  previousDelivery: string | null;
  /** Relative change that is flagged (0.1 = 10 %). */
  threshold: number;
  /** Errors and warnings of every check, in check order. */
  findings: Finding[];
  metrics: ReviewMetricRow[];
  breakdowns: ReviewBreakdownRow[];
  lateRegistrations: LateChange[];
  /** Published editions compared, each with the delivery it was published with. */
  publishedEditions: PublishedEditionCheck[];
  publishedChanges: PublishedChange[];
}
