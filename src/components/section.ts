// How a page receives a loader's JSON: `FileAttachment("data/x.json").json().then(section)`. The metrics are guarded
// (a misspelt id throws, naming the closest ones), and a loader that failed in the preview shows its Swedish message
// once at the top of the page while the cells that need its data wait, instead of forty copies of "Unable to load".
import {LOADER_ERROR_KEY} from "../lib/loader-error.js";
import {strictRecord} from "../lib/strict.js";

/**
 * Shows a failed loader's error at the top of the page, in one box for the page: loaders that failed for the same
 * reason (usually all of them, on one broken delivery) share a line.
 */
function showLoaderError(error: string, loader: string, month: string): void {
  const main = document.querySelector("#observablehq-main") ?? document.body;
  let box = main.querySelector(".nr-loader-error");
  if (!box) {
    box = document.createElement("div");
    box.className = "nr-loader-error";
    box.setAttribute("role", "alert");
    const title = document.createElement("p");
    const strong = document.createElement("strong");
    strong.textContent = `Dataladdarna kunde inte räkna fram sidans siffror för ${month}.`;
    title.append(strong);
    const hint = document.createElement("p");
    hint.textContent =
      "Rätta felet i leveransen eller koden och spara: sidan laddas om. Diagram och siffror som behöver dessa data visas inte förrän dess.";
    box.append(title, document.createElement("ul"), hint);
    main.prepend(box);
  }
  const list = box.querySelector("ul") as HTMLUListElement;
  let item = [...list.children].find((li) => li.getAttribute("data-error") === error);
  if (!item) {
    item = document.createElement("li");
    item.setAttribute("data-error", error);
    item.setAttribute("data-loaders", "");
    list.append(item);
  }
  const loaders = [...new Set([...item.getAttribute("data-loaders")!.split(",").filter(Boolean), loader])].sort();
  item.setAttribute("data-loaders", loaders.join(","));
  item.textContent = `${loaders.join(", ")}: ${error}`;
}

/**
 * A loader's section JSON, checked: its fields and its `metrics` guarded against unknown names. When the loader failed in the preview (its
 * output is then only the error), the error is shown once and the returned promise never settles, so dependent cells
 * wait quietly instead of each showing the same error.
 */
export function section<T extends object>(json: T): T | Promise<never> {
  if (!json || typeof json !== "object") throw new Error("Avsnittet fick inga data från dataladdaren.");
  const record = json as Record<string, unknown>;
  if (typeof record[LOADER_ERROR_KEY] === "string") {
    showLoaderError(record[LOADER_ERROR_KEY] as string, String(record.loader ?? "?"), String(record.month ?? ""));
    return new Promise<never>(() => undefined);
  }
  const metrics = (json as {metrics?: object}).metrics;
  // A section has optional fields (e.g. `hidden`): only a near miss of an existing field is an error.
  return strictRecord(metrics ? {...json, metrics: strictRecord(metrics)} : json, "fält", {typosOnly: true});
}

/** Several sections' metrics as one guarded record, for the letter's `m`: `metrics(eb, am).utbetalt`. */
export function metrics(...sections: {metrics: object}[]): Record<string, unknown> {
  return strictRecord(Object.assign({}, ...sections.map((s) => s.metrics)));
}
