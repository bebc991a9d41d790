import "./dom.ts";
import {describe, expect, test} from "vitest";
import {kpiCard, shortReason} from "../../src/components/kpi-card.ts";
import {ateraktualiserade, hushallInsats, integration, utbetalt} from "./fixtures.ts";
import {attr, expectSnapshot, text} from "./snapshot.ts";

const utbetaltCard = () =>
  kpiCard(utbetalt, {title: "Utbetalt ekonomiskt bistånd", subtitle: "för aktuell månad (november 2023)"});
const integrationCard = () =>
  kpiCard(integration, {
    title: "Antal hushåll med insats ekonomiskt bistånd",
    subtitle: "vid integrationsenheten (november 2023)"
  });

describe("kpiCard", () => {
  test("kpiCard(metric) shows this month's value and last year's value", () => {
    const card = utbetaltCard();
    expect(text(card)).toContain("22 632 677");
    expect(text(card)).toContain("Föregående år 22 448 660");
    expect(card.querySelector(".nr-kpi-previous strong")?.textContent).toBe("22\u00a0448\u00a0660");
  });

  test("kpiCard(metric) shows kronor without kr in the number and kr as a unit label", () => {
    const card = utbetaltCard();
    expect(text(card.querySelector(".nr-kpi-number"))).toBe("22 632 677");
    expect(text(card.querySelector(".nr-kpi-unit"))).toBe("kr");
  });

  test("kpiCard(metric) shows title and subtitle", () => {
    const card = utbetaltCard();
    expect(text(card.querySelector(".nr-kpi-title"))).toBe("Utbetalt ekonomiskt bistånd");
    expect(text(card.querySelector(".nr-kpi-subtitle"))).toBe("för aktuell månad (november 2023)");
  });

  test("kpiCard(metric) shows the change against last year with sign and arrow", () => {
    const card = utbetaltCard();
    expect(text(card.querySelector(".nr-kpi-change"))).toBe("↑ +0,8 % mot nov 2022");
    expect(card.querySelector(".nr-kpi-arrow")?.getAttribute("aria-hidden")).toBe("true");
  });

  test("kpiCard(metric) says uppgift saknas / Byte av verksamhetssystem when last year is missing", () => {
    const card = integrationCard();
    expect(text(card)).toContain("Föregående år: uppgift saknas / Byte av verksamhetssystem");
    expect(text(card.querySelector(".nr-kpi-note"))).toContain("November och december 2022 saknas");
    expect(card.querySelector(".nr-kpi-reason")?.getAttribute("title")).toBe(integration.previousYear.reason);
    expect(card.querySelector(".nr-kpi-change")).toBeNull();
  });

  test("kpiCard(metric) hides last year's number when it lies across a non-comparable break", () => {
    const card = kpiCard(hushallInsats, {title: "Hushåll med insats"});
    expect(hushallInsats.previousYear.value).not.toBeNull();
    expect(text(card)).toContain("Föregående år: uppgift saknas / Byte av verksamhetssystem");
    expect(text(card)).not.toContain(String(hushallInsats.previousYear.value));
    expect(card.querySelector(".nr-kpi-change")).toBeNull();
  });

  test("kpiCard(metric) words a share's change in percentage points", () => {
    const card = kpiCard(ateraktualiserade, {title: "Andel återaktualiserade", subtitle: "(februari 2023)"});
    expect(text(card.querySelector(".nr-kpi-number"))).toMatch(/^\d+,\d %$/);
    expect(card.querySelector(".nr-kpi-unit")).toBeNull();
    expect(text(card.querySelector(".nr-kpi-change"))).toMatch(/procentenheter mot feb 2022$/);
  });

  test("kpiCard(metric) is a group whose aria-label reads the whole card", () => {
    const card = utbetaltCard();
    expect(card.getAttribute("role")).toBe("group");
    expect(attr(card, "aria-label")).toBe(
      "Utbetalt ekonomiskt bistånd för aktuell månad (november 2023): 22 632 677 kronor. " +
        "Föregående år 22 448 660 kronor. Ökning 0,8 % mot november 2022."
    );
    expect(attr(integrationCard(), "aria-label")).toBe(
      "Antal hushåll med insats ekonomiskt bistånd vid integrationsenheten (november 2023): 320 hushåll. " +
        "Föregående år: uppgift saknas, byte av verksamhetssystem."
    );
  });

  test("kpiCard(metric) says uppgift saknas when the month itself has no value", () => {
    const missing = {...utbetalt, value: null, missingReason: "Uppgift saknas för månaden."};
    const card = kpiCard(missing, {title: "Utbetalt ekonomiskt bistånd"});
    expect(text(card.querySelector(".nr-kpi-number"))).toBe("uppgift saknas");
    expect(text(card.querySelector(".nr-kpi-note"))).toBe("Uppgift saknas för månaden.");
  });

  test("kpiCard(metric) matches its snapshots", async () => {
    await expectSnapshot(utbetaltCard(), "kpi-card-utbetalt");
    await expectSnapshot(integrationCard(), "kpi-card-integration");
  });
});

describe("shortReason", () => {
  test("shortReason(reason) calls a system switch or migration gap Byte av verksamhetssystem", () => {
    expect(shortReason(integration.previousYear.reason)).toBe("Byte av verksamhetssystem");
    expect(shortReason(hushallInsats.previousYear.reason)).toBe("Byte av verksamhetssystem");
    expect(shortReason("Aktuella hushåll är Treservas mått och redovisas inte efter december 2022.")).toBe(
      "Byte av verksamhetssystem"
    );
  });

  test("shortReason(reason) keeps the first clause of other reasons", () => {
    expect(shortReason("uppgiften är under kontroll: lämnas senare")).toBe("Uppgiften är under kontroll");
    expect(shortReason(null)).toBeNull();
  });
});
