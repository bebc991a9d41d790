// The review's explore panel queries the edition's aggregates with SQL in the browser. This is its main table, one row
// per metric and month of the chart series plus one per breakdown cell (suppressed cells stay null), written as an
// Arrow IPC stream that DuckDB-wasm reads.
import {rowsToIpc, type Schema} from "../../src/lib/arrow-table.ts";
import {REVIEW_TABLES, reviewSchema} from "../../src/lib/review-rows.ts";
import {sectionOf, type SectionMetrics} from "./review.ts";

export interface ValueRow {
  avsnitt: string;
  matt_id: string;
  matt: string;
  enhet: string;
  manad: string;
  kategori: string | null;
  varde: number | null;
  system: string | null;
  undertryckt: string | null;
}

/** The table's columns in order (described once, with the review page's other tables); varde is the only number. */
const SCHEMA: Schema = reviewSchema(REVIEW_TABLES.varden);
// The row type and the described columns name the same columns.
REVIEW_TABLES.varden.columns satisfies Record<keyof ValueRow, unknown>;

/** The rows of the values table for one computed edition. */
export function valueRows({metrics, breakdowns}: SectionMetrics): ValueRow[] {
  const series = Object.values(metrics).flatMap((m) =>
    m.series.map((p) => ({
      avsnitt: sectionOf(m.id),
      matt_id: m.id,
      matt: m.label,
      enhet: m.unit,
      manad: p.month,
      kategori: null,
      varde: p.value,
      system: p.system,
      undertryckt: null
    }))
  );
  const cells = breakdowns.flatMap((b) =>
    b.cells.map((c) => ({
      avsnitt: sectionOf(b.id),
      matt_id: b.id,
      matt: b.label,
      enhet: "antal",
      manad: b.month,
      kategori: c.label,
      varde: c.value,
      system: null,
      undertryckt: c.suppressed === true ? "dold" : (c.suppressed ?? null)
    }))
  );
  return [...series, ...cells];
}

/** Rows as an Arrow IPC stream (text columns Utf8, varde Float64). */
export function toArrowIpc(rows: readonly ValueRow[]): Uint8Array {
  return rowsToIpc(rows as unknown as Record<string, unknown>[], SCHEMA);
}
