// Reading a PDF the way an archivist would check it, with poppler-utils (pdftotext, pdfinfo, pdffonts) and qpdf.
import {execFileSync} from "node:child_process";

const run = (command: string, args: string[]) =>
  execFileSync(command, args, {encoding: "utf8", maxBuffer: 64 * 1024 * 1024});

/** Whitespace, no-break spaces included, collapsed to single spaces. */
export const collapse = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, " ").trim();

/** pdfinfo's fields ("Title", "Tagged", "Pages", …, and "Page    2 size" for every page). */
export function pdfInfo(file: string): Record<string, string> {
  return Object.fromEntries(
    run("pdfinfo", ["-f", "1", "-l", "100000", file])
      .split("\n")
      .filter((line) => line.includes(":"))
      .map((line) => [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 1).trim()])
  );
}

/** pdffonts' rows: name, type and whether the font program is embedded. */
export function pdfFonts(file: string): {name: string; type: string; embedded: string}[] {
  const lines = run("pdffonts", [file]).split("\n");
  const columns = lines[1].split(" ").map((dashes) => dashes.length);
  return lines
    .slice(2)
    .filter((line) => line.trim())
    .map((line) => {
      const cells: string[] = [];
      let at = 0;
      for (const width of columns) {
        cells.push(line.slice(at, at + width).trim());
        at += width + 1;
      }
      return {name: cells[0], type: cells[1], embedded: cells[3]};
    });
}

/** The text of each page, as pdftotext gives it (pages end with a form feed). */
export function pageTexts(file: string): string[] {
  return run("pdftotext", [file, "-"]).split("\f").slice(0, -1);
}

export interface Box {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** pdftotext's blocks (a paragraph, a table cell, a wrapped header) and words, with page and position. */
export function textBoxes(file: string): {blocks: Box[]; words: Box[]} {
  const xhtml = run("pdftotext", ["-bbox-layout", file, "-"]);
  const blocks: Box[] = [];
  const words: Box[] = [];
  const number = (tag: string, name: string) => Number(new RegExp(`${name}="([-\\d.]+)"`).exec(tag)![1]);
  const box = (page: number, tag: string, text: string): Box => ({
    page,
    text: collapse(
      text
        .replace(/&amp;/g, "&")
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&quot;/g, '"')
    ),
    xMin: number(tag, "xMin"),
    yMin: number(tag, "yMin"),
    xMax: number(tag, "xMax"),
    yMax: number(tag, "yMax")
  });
  xhtml.split("<page ").forEach((page, index) => {
    for (const [, tag, body] of page.matchAll(/<block([^>]*)>([\s\S]*?)<\/block>/g)) {
      const inner = [...body.matchAll(/<word([^>]*)>([^<]*)<\/word>/g)];
      blocks.push(box(index, tag, inner.map(([, , text]) => text).join(" ")));
      for (const [, wordTag, text] of inner) words.push(box(index, wordTag, text));
    }
  });
  return {blocks, words};
}

export interface Line {
  page: number;
  yMin: number;
  yMax: number;
  text: string;
}

/** Words taller than 30 pt are the draft watermark's letters, not text of the page. */
const ordinary = (words: Box[]) => words.filter((w) => w.yMax - w.yMin < 30);

/** The page's lines as a reader sees them across the width: words at the same height, left to right. */
export function visualLines(words: Box[]): Line[] {
  const lines = new Map<string, Box[]>();
  for (const word of ordinary(words)) {
    const key = `${word.page}:${Math.round(word.yMin)}`;
    lines.set(key, [...(lines.get(key) ?? []), word]);
  }
  return [...lines.values()].map((line) => ({
    page: line[0].page,
    yMin: Math.min(...line.map((w) => w.yMin)),
    yMax: Math.max(...line.map((w) => w.yMax)),
    text: collapse(
      line
        .sort((a, b) => a.xMin - b.xMin)
        .map((w) => w.text)
        .join(" ")
    )
  }));
}

/**
 * The cells of a row whose cells wrap onto several lines (a table's header row), between top and bottom of a page.
 * Words on a line closer than 6 pt (a word space) form a segment; segments that overlap horizontally belong to the
 * same cell. Cells from left to right, each read line by line.
 */
export function wrappedCells(words: Box[], page: number, top: number, bottom: number): string[] {
  const inRow = ordinary(words).filter((w) => w.page === page && w.yMin >= top && w.yMax <= bottom);
  const segments: Box[][] = [];
  for (const word of inRow.sort((a, b) => Math.round(a.yMin) - Math.round(b.yMin) || a.xMin - b.xMin)) {
    const last = segments.at(-1)?.at(-1);
    if (last && Math.round(last.yMin) === Math.round(word.yMin) && word.xMin - last.xMax < 6)
      segments.at(-1)!.push(word);
    else segments.push([word]);
  }
  const span = (cell: Box[]) => [Math.min(...cell.map((w) => w.xMin)), Math.max(...cell.map((w) => w.xMax))];
  const cells: Box[][] = [];
  for (const segment of segments) {
    const [from, to] = span(segment);
    const overlapping = cells.filter((c) => span(c)[0] < to && from < span(c)[1]);
    const merged = [...overlapping.flat(), ...segment];
    for (const c of overlapping) cells.splice(cells.indexOf(c), 1);
    cells.push(merged);
  }
  return cells
    .sort((a, b) => span(a)[0] - span(b)[0])
    .map((cell) =>
      collapse(
        cell
          .sort((a, b) => Math.round(a.yMin) - Math.round(b.yMin) || a.xMin - b.xMin)
          .map((w) => w.text)
          .join(" ")
      )
    );
}

/** qpdf's JSON of the whole file, with a resolver for indirect references ("12 0 R"). */
export function qpdfJson(file: string) {
  const json = JSON.parse(run("qpdf", ["--json", file])) as {qpdf: [unknown, Record<string, {value?: unknown}>]};
  const objects = json.qpdf[1];
  const resolve = (value: unknown): unknown =>
    typeof value === "string" && / R$/.test(value) ? objects[`obj:${value}`]?.value : value;
  const trailer = objects.trailer.value as Record<string, unknown>;
  const catalog = resolve(trailer["/Root"]) as Record<string, unknown>;
  return {objects, resolve, trailer, catalog};
}

/** The decoded data of a stream object ("12 0 R"). */
export function streamData(file: string, ref: string): string {
  return run("qpdf", [`--show-object=${ref.split(" ")[0]}`, "--filtered-stream-data", file]);
}

/** Structure elements in document order: type, /Alt and /Lang. */
export function structureElements(file: string): {type: string; alt?: string; lang?: string}[] {
  const {resolve, catalog} = qpdfJson(file);
  const root = resolve(catalog["/StructTreeRoot"]) as Record<string, unknown>;
  const found: {type: string; alt?: string; lang?: string}[] = [];
  const visit = (node: unknown): void => {
    const value = resolve(node);
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== "object") return;
    const element = value as Record<string, unknown>;
    if (typeof element["/S"] !== "string") return;
    const text = (v: unknown) => (typeof v === "string" ? v.replace(/^u:/, "") : undefined);
    found.push({type: element["/S"], alt: text(element["/Alt"]), lang: text(element["/Lang"])});
    visit(element["/K"]);
  };
  visit(root["/K"]);
  return found;
}

/** Bookmark titles in reading order, each with its depth (0 for the top level). */
export function bookmarks(file: string): {title: string; depth: number}[] {
  const {resolve, catalog} = qpdfJson(file);
  const found: {title: string; depth: number}[] = [];
  const visit = (ref: unknown, depth: number): void => {
    for (let item = resolve(ref) as Record<string, unknown> | undefined; item;) {
      found.push({title: String(item["/Title"]).replace(/^u:/, ""), depth});
      visit(item["/First"], depth + 1);
      item = resolve(item["/Next"]) as Record<string, unknown> | undefined;
    }
  };
  visit((resolve(catalog["/Outlines"]) as Record<string, unknown>)["/First"], 0);
  return found;
}
