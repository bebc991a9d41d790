// The edition's aggregated values for the review page's SQL panel, as an Arrow IPC stream (table "varden").
import {reviewedMetrics} from "../../../data-loaders/review/review.ts";
import {toArrowIpc, valueRows, type ValueRow} from "../../../data-loaders/review/values-table.ts";
import {runLoader} from "../../../data-loaders/run-loader.ts";

await runLoader("granskning", async ({conn, month}) => ({rows: valueRows(await reviewedMetrics(conn, month))}), {
  file: "granskning.arrow",
  encode: (result) => toArrowIpc(result.rows as ValueRow[])
});
