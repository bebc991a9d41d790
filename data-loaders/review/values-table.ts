// The review's explore panel queries the edition's aggregates with SQL in the browser. This is its main table, one row
// per metric and month of the chart series plus one per breakdown cell (suppressed cells stay null), written as an
// Arrow IPC stream that DuckDB-wasm reads.
import {Float64, Table, tableToIPC, Utf8, vectorFromArray} from "apache-arrow";
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

const COLUMNS = [
  "avsnitt",
  "matt_id",
  "matt",
  "enhet",
  "manad",
  "kategori",
  "varde",
  "system",
  "undertryckt"
] as const satisfies readonly (keyof ValueRow)[];

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
      undertryckt: c.suppressed ?? null
    }))
  );
  return [...series, ...cells];
}

/** Rows as an Arrow IPC stream with explicit types: text columns Utf8, varde Float64. */
export function toArrowIpc(rows: readonly ValueRow[]): Uint8Array {
  const vector = (key: keyof ValueRow) =>
    key === "varde"
      ? vectorFromArray(
          rows.map((r) => r.varde),
          new Float64()
        )
      : vectorFromArray(
          rows.map((r) => r[key]),
          new Utf8()
        );
  return tableToIPC(new Table(Object.fromEntries(COLUMNS.map((key) => [key, vector(key)]))), "stream");
}
