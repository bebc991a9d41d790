import { html } from "../../_node/htl@0.3.1/index.0caf36e7.js";
import { SUPPRESSED_LABEL, suppressionNote } from "../lib/disclosure.df4ac8fb.js";
import { assertRows } from "../lib/strict.bff53198.js";
import { formatCell, isNumeric, toExcelCsv } from "../lib/table-format.4a31140c.js";
export { formatCell, toExcelCsv } from "../lib/table-format.4a31140c.js";
function downloadName(filename) {
  const base = filename.replace(/[\\/:*?"<>|]+/g, "-").trim() || "tabell";
  return base.toLowerCase().endsWith(".csv") ? base : `${base}.csv`;
}
export function downloadBlob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename.replace(/[\\/:*?"<>|]+/g, "-").trim() || "fil";
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
export function downloadCsv(csv, filename) {
  downloadBlob(new Blob([csv], { type: "text/csv;charset=utf-8" }), downloadName(filename));
}
function cell(row, column, index, rowHeaders) {
  const text = formatCell(row, column);
  const className = isNumeric(column.format) ? "nr-num" : null;
  return index === 0 && rowHeaders ? html`<th scope="row" class=${className}>${text}</th>` : html`<td class=${className}>${text}</td>`;
}
function usesSuppression(rows, columns) {
  return rows.some((row) => columns.some((c) => formatCell(row, c) === SUPPRESSED_LABEL));
}
export function dataTable(rows, columns, { caption, filename, footer = [], rowHeaders = true, csvRows, rowAttributes }) {
  assertRows(rows, "dataTable()");
  const body = (list, attributes) => list.map((row) => {
    const tr = html`<tr>
        ${columns.map((c, i) => cell(row, c, i, rowHeaders))}
      </tr>`;
    const { id, className } = attributes?.(row) ?? {};
    if (id) tr.id = id;
    if (className) tr.className = className;
    return tr;
  });
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
          ${body(rows, rowAttributes)}
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
