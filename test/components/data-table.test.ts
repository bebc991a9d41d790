import "./dom.ts";
import {afterEach, describe, expect, test, vi} from "vitest";
import {dataTable} from "../../src/components/data-table.ts";
import {formatCell, toExcelCsv, type Column} from "../../src/lib/table-format.ts";
import {expectSnapshot, text} from "./snapshot.ts";

const columns: Column[] = [
  {key: "month", label: "Månad", format: "month"},
  {key: "kronor", label: "Utbetalt", format: "kronor"},
  {key: "households", label: "Hushåll", format: "integer"},
  {key: "share", label: "Andel återaktualiserade", format: "percent"},
  {key: "note", label: "Anmärkning", format: "text"}
];

const rows = [
  {month: "2023-10", kronor: 22_448_660, households: 2229, share: 0.107, note: "Byte; till Lifecare"},
  {month: "2023-11", kronor: 22_632_677.5, households: -12, share: null, note: 'Säger "hej"\nrad två'}
];

describe("toExcelCsv", () => {
  test("toExcelCsv(rows, columns) writes BOM, semicolons, decimal comma, no thousands separator and CRLF", () => {
    expect(toExcelCsv(rows, columns)).toBe(
      "\ufeffMånad;Utbetalt (kr);Hushåll;Andel återaktualiserade (%);Anmärkning\r\n" +
        'oktober 2023;22448660;2229;10,7;"Byte; till Lifecare"\r\n' +
        'november 2023;22632677,5;-12;uppgift saknas;"Säger ""hej""\nrad två"\r\n'
    );
  });

  test("toExcelCsv(rows, columns) writes suppressed cells as on the page", () => {
    const cells = [
      {label: "Arbete", value: 41},
      {label: "Avliden", value: null, suppressed: true},
      {label: "Okänd", value: null}
    ];
    const csv = toExcelCsv(cells, [
      {key: "label", label: "Orsak", format: "text"},
      {key: "value", label: "Antal", format: "integer"}
    ]);
    expect(csv.split("\r\n")).toEqual(["\ufeffOrsak;Antal", "Arbete;41", "Avliden;dolt", "Okänd;uppgift saknas", ""]);
  });

  test("toExcelCsv(rows, columns) keeps decimals exact and stops text from running as a formula", () => {
    const csv = toExcelCsv(
      [{a: 0.1 + 0.2, b: "=SUMMA(A1)", c: "-5 grader", d: 1234567.25}],
      [
        {key: "a", label: "a", format: "number"},
        {key: "b", label: "b", format: "text"},
        {key: "c", label: "c", format: "text"},
        {key: "d", label: "d", format: "number"}
      ]
    );
    expect(csv).toBe("\ufeffa;b;c;d\r\n0,3;'=SUMMA(A1);'-5 grader;1234567,25\r\n");
  });

  test("toExcelCsv(rows, columns) writes signed changes and per-row formats as plain numbers", () => {
    const mixed: Column[] = [
      {key: "unit", label: "Enhet", format: "text"},
      {
        key: "value",
        label: "Värde",
        format: "number",
        formatOf: (r) => ((r as {unit: string}).unit === "andel" ? "percent" : "integer")
      },
      {key: "change", label: "Förändring", format: "signedPercent"}
    ];
    expect(
      toExcelCsv(
        [
          {unit: "hushåll", value: 2122, change: -0.048},
          {unit: "andel", value: 0.108, change: 0.002}
        ],
        mixed
      )
    ).toBe("\ufeffEnhet;Värde;Förändring (%)\r\nhushåll;2122;-4,8\r\nandel;10,8;0,2\r\n");
  });

  test("toExcelCsv(rows, columns) quotes fields with leading or trailing spaces", () => {
    expect(toExcelCsv([{t: " Astar "}], [{key: "t", label: "Skola", format: "text"}])).toBe(
      '\ufeffSkola\r\n" Astar "\r\n'
    );
  });
});

describe("dataTable", () => {
  afterEach(() => vi.restoreAllMocks());

  const table = () => dataTable(rows, columns, {caption: "Utbetalt per månad", filename: "utbetalt-2023-11"});

  test("dataTable(rows, columns) renders caption, column and row headers", () => {
    const element = table();
    expect(text(element.querySelector("caption"))).toBe("Utbetalt per månad");
    const headers = [...element.querySelectorAll("thead th")];
    expect(headers.map((th) => th.getAttribute("scope"))).toEqual(["col", "col", "col", "col", "col"]);
    expect(element.querySelector("tbody th")?.getAttribute("scope")).toBe("row");
    expect(text(element.querySelector("tbody th"))).toBe("oktober 2023");
  });

  test("dataTable(rows, columns) right-aligns numbers in sv-SE and says uppgift saknas for null", () => {
    const cells = [...table().querySelectorAll("tbody tr:first-child > *")];
    expect(cells.map((c) => text(c))).toEqual([
      "oktober 2023",
      "22 448 660 kr",
      "2 229",
      "10,7 %",
      "Byte; till Lifecare"
    ]);
    expect(cells.map((c) => c.classList.contains("nr-num"))).toEqual([false, true, true, true, false]);
    const second = [...table().querySelectorAll("tbody tr:nth-child(2) > *")].map((c) => text(c));
    expect(second[2]).toBe("−12");
    expect(second[3]).toBe("uppgift saknas");
  });

  test("dataTable(rows, columns) renders dolt for hidden cells and explains the rule", () => {
    const element = dataTable(
      [
        {label: "Arbete", value: 41},
        {label: "Avliden", value: null, suppressed: true}
      ],
      [
        {key: "label", label: "Orsak", format: "text"},
        {key: "value", label: "Antal", format: "integer"}
      ],
      {caption: "Orsaker till avslut", filename: "orsaker"}
    );
    expect(text(element.querySelector("tbody tr:nth-child(2) td"))).toBe("dolt");
    expect(text(element.querySelector(".nr-suppression-note"))).toMatch(/^”dolt”: värdet visas inte/);
    expect(text(table().querySelector(".nr-suppression-note"))).toBe("");
  });

  test("dataTable(rows, columns) puts footer rows in tfoot", () => {
    const element = dataTable(
      [{label: "Astar", value: 535}],
      [
        {key: "label", label: "Anordnare", format: "text"},
        {key: "value", label: "Elever", format: "integer"}
      ],
      {caption: "Elever", filename: "elever", footer: [{label: "Totalt", value: 3069}]}
    );
    expect([...element.querySelectorAll("tfoot th, tfoot td")].map((c) => text(c))).toEqual(["Totalt", "3 069"]);
  });

  test("dataTable(rows, columns) Ladda ner CSV downloads the Excel CSV from a Blob", async () => {
    const element = table();
    document.body.append(element);
    let blob: Blob | undefined;
    const create = vi.spyOn(URL, "createObjectURL").mockImplementation((b) => {
      blob = b as Blob;
      return "blob:nr-test";
    });
    vi.spyOn(URL, "revokeObjectURL").mockImplementation(() => undefined);
    const click = vi.spyOn(window.HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
    const button = element.querySelector("button.nr-csv") as HTMLButtonElement;
    expect(text(button)).toBe("Ladda ner CSV: Utbetalt per månad");
    button.click();
    expect(create).toHaveBeenCalledOnce();
    const clicked = click.mock.contexts[0] as HTMLAnchorElement;
    expect(clicked.download).toBe("utbetalt-2023-11.csv");
    expect(clicked.getAttribute("href")).toBe("blob:nr-test");
    expect(clicked.isConnected).toBe(false);
    expect(blob?.type).toBe("text/csv;charset=utf-8");
    const bytes = new Uint8Array(await (blob as Blob).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder("utf-8", {ignoreBOM: true}).decode(bytes)).toBe(toExcelCsv(rows, columns));
    element.remove();
  });

  test("formatCell(row, column) signs changes and formats a mixed column by each row's unit", () => {
    const change: Column = {key: "v", label: "Förändring", format: "signedInteger"};
    expect([5, -107, 0].map((v) => formatCell({v}, change))).toEqual(["+5", "\u2212107", "±0"]);
    expect(formatCell({v: 0.0023}, {key: "v", label: "Förändring", format: "signedPercent"})).toBe("+0,2\u00a0%");
    const value: Column = {
      key: "v",
      label: "Värde",
      format: "number",
      formatOf: (r) => ((r as {unit: string}).unit === "kr" ? "kronor" : "percent")
    };
    expect(formatCell({unit: "kr", v: 22632677}, value)).toBe("22\u00a0632\u00a0677\u00a0kr");
    expect(formatCell({unit: "andel", v: 0.108}, value)).toBe("10,8\u00a0%");
  });

  test("dataTable(rows, columns, {csvRows}) downloads more rows than it shows", async () => {
    const shown = dataTable([{a: 1}], [{key: "a", label: "A", format: "integer"}], {
      caption: "Resultat",
      filename: "resultat",
      csvRows: [{a: 1}, {a: 2}, {a: 3}]
    });
    expect(shown.querySelectorAll("tbody tr").length).toBe(1);
    let blob: Blob | undefined;
    vi.spyOn(URL, "createObjectURL").mockImplementation((b) => {
      blob = b as Blob;
      return "blob:nr-test";
    });
    vi.spyOn(URL, "revokeObjectURL").mockImplementation(() => undefined);
    vi.spyOn(window.HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
    (shown.querySelector("button.nr-csv") as HTMLButtonElement).click();
    const bytes = new Uint8Array(await (blob as Blob).arrayBuffer());
    expect(new TextDecoder("utf-8", {ignoreBOM: true}).decode(bytes)).toBe("\ufeffA\r\n1\r\n2\r\n3\r\n");
  });

  test("formatCell(row, column) formats months as lower-case Swedish month and year", () => {
    expect(formatCell({m: "2023-02"}, {key: "m", label: "Månad", format: "month"})).toBe("februari 2023");
  });

  test("dataTable(rows, columns) matches its snapshot", async () => {
    await expectSnapshot(table(), "data-table");
  });
});
