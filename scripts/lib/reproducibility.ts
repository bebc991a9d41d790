// Reproducible builds: two builds from the same deliveries and SOURCE_DATE_EPOCH must give byte-identical files,
// PDFs included (their dates come from SOURCE_DATE_EPOCH and their IDs from their content, scripts/lib/pdf-archive.ts).
// When two PDFs differ, their text (pdftotext, poppler-utils) tells whether the content or only the bytes differ.
import {execFile} from "node:child_process";
import {createHash} from "node:crypto";
import {readdir, readFile} from "node:fs/promises";
import {join, relative} from "node:path";
import {promisify} from "node:util";

const run = promisify(execFile);

export interface Comparison {
  /** Files compared byte for byte, PDFs included. */
  files: number;
  /** Of those, PDFs. */
  pdfs: number;
  /** Swedish, one line per difference; empty when the builds agree. */
  differences: string[];
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, {withFileTypes: true, recursive: true})) {
    if (entry.isFile()) out.push(relative(dir, join(entry.parentPath, entry.name)));
  }
  return out.sort();
}

/** The text of a PDF, page by page, as pdftotext gives it. */
export async function pdfText(file: string): Promise<string> {
  try {
    return (await run("pdftotext", ["-layout", file, "-"], {maxBuffer: 64 * 1024 * 1024})).stdout;
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    throw new Error(
      missing ? "pdftotext saknas: installera poppler-utils (apt-get install poppler-utils)." : String(error)
    );
  }
}

const sha256 = (data: Buffer | string) => createHash("sha256").update(data).digest("hex");

/** Compares two built sites file by file. */
export async function compareBuilds(a: string, b: string): Promise<Comparison> {
  const [left, right] = await Promise.all([listFiles(a), listFiles(b)]);
  const inRight = new Set(right);
  const differences = [
    ...left.filter((f) => !inRight.has(f)).map((f) => `${f}: finns bara i det första bygget`),
    ...right.filter((f) => !left.includes(f)).map((f) => `${f}: finns bara i det andra bygget`)
  ];
  const common = left.filter((f) => inRight.has(f));
  for (const file of common) {
    const [x, y] = await Promise.all([readFile(join(a, file)), readFile(join(b, file))]);
    if (sha256(x) === sha256(y)) continue;
    if (!file.endsWith(".pdf")) differences.push(`${file}: innehållet skiljer sig`);
    else if ((await pdfText(join(a, file))) === (await pdfText(join(b, file)))) {
      differences.push(`${file}: byten skiljer sig men texten är densamma`);
    } else differences.push(`${file}: texten skiljer sig`);
  }
  return {files: common.length, pdfs: common.filter((f) => f.endsWith(".pdf")).length, differences};
}
