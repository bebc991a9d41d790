import { html } from "../../_node/htl@0.3.1/index.0caf36e7.js";
import { SUPPRESSED_LABEL, suppressionNote } from "../lib/disclosure.df4ac8fb.js";
import { assertRows } from "../lib/strict.bff53198.js";
import { formatCell, isNumeric, toExcelCsv } from "../lib/table-format.773191ac.js";
export { formatCell, toExcelCsv } from "../lib/table-format.773191ac.js";
function downloadName(filename) {
  const base = filename.replace(/[\\/:*?"<>|]+/g, "-").trim() || "tabell";
  return base.toLowerCase().endsWith(".csv") ? base : `${base}.csv`;
}
export function downloadCsv(csv, filename) {
  const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = downloadName(filename);
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
function cell(row, column, index, rowHeaders) {
  const text = formatCell(row, column);
  const className = isNumeric(column.format) ? "nr-num" : null;
  return index === 0 && rowHeaders ? html`<th scope="row" class=${className}>${text}</th>` : html`<td class=${className}>${text}</td>`;
}
function usesSuppression(rows, columns) {
  return rows.some((row) => columns.some((c) => formatCell(row, c) === SUPPRESSED_LABEL));
}
export function dataTable(rows, columns, { caption, filename, footer = [], rowHeaders = true, csvRows }) {
  assertRows(rows, "dataTable()");
  const body = (list) => list.map(
    (row) => html`<tr>
          ${columns.map((c, i) => cell(row, c, i, rowHeaders))}
        </tr>`
  );
  const suppression = usesSuppression([...rows, ...footer], columns);
  const button = html`<button type="button" class="nr-csv">
    Ladda ner CSV<span class="nr-sr-only">: ${caption}</span>
  </button>`;
  button.addEventListener("click", () => downloadCsv(toExcelCsv(csvRows ?? [...rows, ...footer], columns), filename));
  return html`<div class="nr-table-block">
    <div class="nr-table-wrap" role="region" aria-label=${caption} tabindex="0">
      <table class="nr-table">
        <caption>
          ${caption}
        </caption>
        <thead>
          <tr>
            ${columns.map((c) => html`<th scope="col" class=${isNumeric(c.format) ? "nr-num" : null}>${c.label}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${body(rows)}
        </tbody>
        ${footer.length ? html`<tfoot>
                ${body(footer)}
              </tfoot>` : null}
      </table>
    </div>
    ${suppression ? html`<p class="nr-footnote nr-suppression-note">${suppressionNote()}</p>` : null}
    <p class="nr-table-actions">${button}</p>
  </div>`;
}
