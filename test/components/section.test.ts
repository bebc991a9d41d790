import "./dom.ts";
import {describe, expect, test} from "vitest";
import {metrics, section} from "../../src/components/section.ts";
import {loaderErrorOutput} from "../../src/lib/loader-error.ts";
import {document} from "./dom.ts";
import {utbetalt} from "./fixtures.ts";

const settled = (value: unknown) =>
  Promise.race([Promise.resolve(value).then(() => "klar"), new Promise((r) => setTimeout(() => r("väntar"), 50))]);

describe("section(json) and metrics(...sections)", () => {
  test("section(json) guards the metrics so a misspelt id names the closest one", () => {
    const eb = section({month: "2023-11", metrics: {utbetalt}}) as {metrics: Record<string, unknown>};
    expect(eb.metrics.utbetalt).toBe(utbetalt);
    expect(() => eb.metrics.utbetalning).toThrow("Okänt mått 'utbetalning' – menar du 'utbetalt'?");
    expect(() => (eb as Record<string, unknown>).metric).toThrow("Okänt fält 'metric' – menar du 'metrics'?");
    // An optional field that is absent reads as undefined.
    expect((eb as Record<string, unknown>).hidden).toBeUndefined();
    const m = metrics(eb as {metrics: object}, {metrics: {am_inskrivna: utbetalt}});
    expect(Object.keys(m)).toEqual(["utbetalt", "am_inskrivna"]);
    expect(() => m.am_inskriva).toThrow(/menar du 'am_inskrivna'/);
  });

  test("section(json) shows a failed loader's error once for the page and keeps dependent cells waiting", async () => {
    document.body.innerHTML = '<main id="observablehq-main"><h1>Nämndrapport</h1></main>';
    const error = "leverans 2023-12-05: lifecare_eb_utbetalning.parquet saknar kolumnen avser_manad";
    const results = ["ekonomiskt-bistand", "arbetsmarknad", "bilagor"].map((loader) =>
      section(JSON.parse(loaderErrorOutput(error, loader, "2023-11")))
    );
    expect(await settled(results[0])).toBe("väntar");
    const boxes = document.querySelectorAll(".nr-loader-error");
    expect(boxes.length).toBe(1);
    expect(boxes[0].getAttribute("role")).toBe("alert");
    expect([...boxes[0].querySelectorAll("li")].map((li) => li.textContent)).toEqual([
      `arbetsmarknad, bilagor, ekonomiskt-bistand: ${error}`
    ]);
    expect(document.querySelector("#observablehq-main")?.firstElementChild).toBe(boxes[0]);
  });
});
