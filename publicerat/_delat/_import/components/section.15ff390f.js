import { LOADER_ERROR_KEY } from "../lib/loader-error.e6ee6954.js";
import { strictRecord } from "../lib/strict.bff53198.js";
function showLoaderError(error, loader, month) {
  const main = document.querySelector("#observablehq-main") ?? document.body;
  let box = main.querySelector(".nr-loader-error");
  if (!box) {
    box = document.createElement("div");
    box.className = "nr-loader-error";
    box.setAttribute("role", "alert");
    const title = document.createElement("p");
    const strong = document.createElement("strong");
    strong.textContent = `Dataladdarna kunde inte r\xE4kna fram sidans siffror f\xF6r ${month}.`;
    title.append(strong);
    const hint = document.createElement("p");
    hint.textContent = "R\xE4tta felet i leveransen eller koden och spara: sidan laddas om. Diagram och siffror som beh\xF6ver dessa data visas inte f\xF6rr\xE4n dess.";
    box.append(title, document.createElement("ul"), hint);
    main.prepend(box);
  }
  const list = box.querySelector("ul");
  let item = [...list.children].find((li) => li.getAttribute("data-error") === error);
  if (!item) {
    item = document.createElement("li");
    item.setAttribute("data-error", error);
    item.setAttribute("data-loaders", "");
    list.append(item);
  }
  const loaders = [.../* @__PURE__ */ new Set([...item.getAttribute("data-loaders").split(",").filter(Boolean), loader])].sort();
  item.setAttribute("data-loaders", loaders.join(","));
  item.textContent = `${loaders.join(", ")}: ${error}`;
}
export function section(json) {
  if (!json || typeof json !== "object") throw new Error("Avsnittet fick inga data fr\xE5n dataladdaren.");
  const record = json;
  if (typeof record[LOADER_ERROR_KEY] === "string") {
    showLoaderError(record[LOADER_ERROR_KEY], String(record.loader ?? "?"), String(record.month ?? ""));
    return new Promise(() => void 0);
  }
  const metrics2 = json.metrics;
  return strictRecord(metrics2 ? { ...json, metrics: strictRecord(metrics2) } : json, "f\xE4lt", { typosOnly: true });
}
export function metrics(...sections) {
  return strictRecord(Object.assign({}, ...sections.map((s) => s.metrics)));
}
