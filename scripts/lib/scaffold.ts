// Writes a new edition's two pages from the templates in scripts/templates/.
import {existsSync} from "node:fs";
import {mkdir, readFile, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {formatMonth} from "../../src/lib/format.ts";
import {hasVux} from "../../src/lib/schedule.ts";
import {settings} from "../../src/lib/settings.ts";
import {draftSummary, draftVux} from "./draft.ts";

const TEMPLATES = join(import.meta.dirname, "..", "templates");

async function template(name: string): Promise<string> {
  return readFile(join(TEMPLATES, name), "utf8");
}

function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{([a-zåäö-]+)\}\}/g, (whole, key: string) => values[key] ?? whole);
}

/** Creates src/<month>/index.md and tjansteskrivelse.md; refuses when the edition exists. Returns the files written. */
export async function scaffoldEdition(root: string, month: string): Promise<string[]> {
  const dir = join(root, month);
  if (existsSync(dir)) {
    throw new Error(
      `Utgåvan ${month} finns redan i ${dir}. Redigera sidorna där, eller ta bort mappen för att börja om.`
    );
  }
  const withVux = hasVux(month, settings.vuxReportMonths);
  const values = {
    månad: formatMonth(month),
    "vux-lead": withVux ? " · Vuxenutbildning" : "",
    "vux-section": withVux ? await template("vux-section.md") : "",
    sammanfattning: draftSummary(),
    vuxenutbildning: draftVux(withVux)
  };
  await mkdir(dir, {recursive: true});
  const files = [join(dir, "index.md"), join(dir, "tjansteskrivelse.md")];
  await writeFile(files[0], fill(await template("namndrapport.md"), values));
  await writeFile(files[1], fill(await template("tjansteskrivelse.md"), values));
  return files;
}
