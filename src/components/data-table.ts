// Accessible data tables in sv-SE with a "Ladda ner CSV" button. Cell and CSV formats live in src/lib/table-format.ts.
import {html} from "htl";
import {SUPPRESSED_LABEL, suppressionNote} from "../lib/disclosure.js";
import {assertRows} from "../lib/strict.js";
import {formatCell, isNumeric, toExcelCsv, type Column} from "../lib/table-format.js";

export type {Column, ColumnFormat} from "../lib/table-format.js";
export {formatCell, toExcelCsv} from "../lib/table-format.js";

export interface DataTableOptions {
  caption: string;
  /** Download file name; ".csv" is added when missing. */
  filename: string;
  /** Rows shown in <tfoot>, e.g. a total. */
  footer?: readonly object[];
  /** Rows the CSV download writes when they are more than the rows shown (e.g. a long query result). */
  csvRows?: readonly object[];
  /** The first column holds row headers (<th scope="row">); default true. */
  rowHeaders?: boolean;
  /** An id (a link target) and a class for a body row, e.g. to highlight flagged rows. */
  rowAttributes?: (row: object) => {id?: string; className?: string};
}

/** The CSV file's name: ".csv" added; downloadBlob makes it safe. */
function downloadName(filename: string): string {
  const base = filename.trim() || "tabell";
  return base.toLowerCase().endsWith(".csv") ? base : `${base}.csv`;
}

/** Offers a Blob made on click as a file download: nothing is fetched and nothing leaks. */
export function downloadBlob(blob: Blob, filename: string): void {
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

/** Offers the CSV as a file download. */
export function downloadCsv(csv: string, filename: string): void {
  downloadBlob(new Blob([csv], {type: "text/csv;charset=utf-8"}), downloadName(filename));
}

function cell(row: object, column: Column, index: number, rowHeaders: boolean): HTMLElement {
  const text = formatCell(row, column);
  const className = isNumeric(column.format) ? "nr-num" : null;
  return index === 0 && rowHeaders
    ? html`<th scope="row" class=${className}>${text}</th>`
    : html`<td class=${className}>${text}</td>`;
}

function usesSuppression(rows: readonly object[], columns: readonly Column[]): boolean {
  return rows.some((row) => columns.some((c) => formatCell(row, c) === SUPPRESSED_LABEL));
}

/**
 * A real <table> with caption, column and row headers and right-aligned sv-SE numbers, followed by a "Ladda ner CSV"
 * button (hidden in print) and, when any cell is suppressed, a footnote with the rule.
 */
export function dataTable(
  rows: readonly object[],
  columns: readonly Column[],
  {caption, filename, footer = [], rowHeaders = true, csvRows, rowAttributes}: DataTableOptions
): HTMLElement {
  assertRows(rows, "dataTable()");
  const body = (list: readonly object[], attributes?: DataTableOptions["rowAttributes"]) =>
    list.map((row) => {
      const tr = html`<tr>
        ${columns.map((c, i) => cell(row, c, i, rowHeaders))}
      </tr>` as HTMLTableRowElement;
      const {id, className} = attributes?.(row) ?? {};
      if (id) tr.id = id;
      if (className) tr.className = className;
      return tr;
    });
  const suppression = usesSuppression([...rows, ...footer], columns);
  const button = html`<button type="button" class="nr-csv">
    Ladda ner CSV<span class="nr-sr-only">: ${caption}</span>
  </button>` as HTMLButtonElement;
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
        ${
          footer.length
            ? html`<tfoot>
                ${body(footer)}
              </tfoot>`
            : null
        }
      </table>
    </div>
    ${suppression ? html`<p class="nr-footnote nr-suppression-note">${suppressionNote()}</p>` : null}
    <p class="nr-table-actions">${button}</p>
  </div>`;
}
