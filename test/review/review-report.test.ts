// granska's CSV and its command line: every section, rounded values, empty number cells, shares in per cent with
// their changes in procentenheter; Swedish usage and Swedish messages for unknown options.
import {execFile} from "node:child_process";
import {promisify} from "node:util";
import {describe, expect, test} from "vitest";
import {reviewCsv, summaryLine} from "../../scripts/lib/review-report.ts";
import {sampleReview} from "../fixtures/review.ts";

const run = promisify(execFile);

/** The CSV's blocks by title, each as rows of fields. */
function blocks(csv: string): Map<string, string[][]> {
  expect(csv.startsWith("\ufeff")).toBe(true);
  expect(csv.slice(1)).not.toContain("\ufeff");
  const result = new Map<string, string[][]>();
  for (const block of csv.slice(1).split("\r\n\r\n")) {
    const [title, ...lines] = block.split("\r\n").filter((l) => l !== "");
    result.set(
      title,
      lines.map((l) => l.split(";"))
    );
  }
  return result;
}

describe("reviewCsv", () => {
  const csv = blocks(reviewCsv(sampleReview()));

  test("holds every section, the summary first", () => {
    expect([...csv.keys()]).toEqual([
      "Sammanfattning",
      "Mått",
      "Flaggor",
      "Fördelningar",
      "Datakvalitet",
      "Efterregistrering",
      "Publicerade utgåvor"
    ]);
    expect(csv.get("Sammanfattning")).toContainEqual(["Datakvalitetsvarningar", "1"]);
    expect(csv.get("Sammanfattning")).toContainEqual(["Publicerade utgåvor med ändrade tal", "2023-08"]);
  });

  test("rounds values as shown, writes shares in per cent and their changes in procentenheter", () => {
    const [header, ...rows] = csv.get("Mått")!;
    const field = (id: string, label: string) => rows.find((r) => r[1] === id)![header.indexOf(label)];
    expect(field("utbetalt", "Värde")).toBe("22632677");
    expect(field("ateraktualiserade_eb", "Värde")).toBe("24,4");
    expect(field("ateraktualiserade_eb", "Förändring mot föregående år")).toBe("4,6");
    // A share has no relative change: its per cent column is empty.
    expect(field("ateraktualiserade_eb", "Förändring mot föregående år (%)")).toBe("");
    expect(field("utbetalt", "Förändring mot föregående år (%)")).toBe("0,8");
    const late = csv.get("Efterregistrering")!;
    expect(late[1].slice(4)).toEqual(["1000", "1250", "250", "25"]);
    const published = csv.get("Publicerade utgåvor")!;
    expect(published[1].slice(8)).toEqual(["10", "10,5", "0,5", ""]);
  });

  test("leaves a missing number empty instead of 'uppgift saknas'", () => {
    expect(reviewCsv(sampleReview())).not.toContain("uppgift saknas");
    const [header, ...rows] = csv.get("Mått")!;
    const ended = rows.find((r) => r[1] === "aktuella_hushall")!;
    expect(ended[header.indexOf("Värde")]).toBe("");
    const cells = csv.get("Fördelningar")!;
    expect(cells.find((r) => r[1] === "Avliden")).toEqual(["Orsaker till avslut", "Avliden", "", ""]);
  });

  test("lists a repeated series break once", () => {
    const flags = csv.get("Flaggor")!.filter((r) => r[0] === "Aktuella hushåll");
    expect(flags).toHaveLength(1);
  });

  test("summaryLine counts flagged metrics but not series breaks", () => {
    expect(summaryLine(sampleReview())).toBe(
      "Sammanfattning: 3 mått, 1 med flaggor, 2 undertryckta celler, 1 datakvalitetsvarningar, 1 efterregistrerade ändringar, publicerade utgåvor med ändrade tal: 2023-08. Inga fel."
    );
  });
});

describe("npm run granska (options)", () => {
  test("--hjalp and --help print the Swedish usage", async () => {
    for (const flag of ["--hjalp", "--help"]) {
      const {stdout} = await run("npx", ["tsx", "scripts/granska.ts", flag]);
      expect(stdout).toContain("Användning:\n  npm run granska -- ÅÅÅÅ-MM [alternativ]");
      expect(stdout).toContain("npm --silent run granska -- 2023-11 --csv > granskning-2023-11.csv");
    }
  });

  test("an unknown option or a missing value gets a Swedish message and status 1", async () => {
    const unknown = await run("npx", ["tsx", "scripts/granska.ts", "2023-11", "--fel"]).catch((e) => e);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toBe(
      "Fel: okänt alternativ --fel. Skriv npm run granska -- --hjalp för att se vad som finns."
    );
    const value = await run("npx", ["tsx", "scripts/granska.ts", "2023-11", "--troskel"]).catch((e) => e);
    expect(value.stderr.trim()).toBe(
      "Fel: alternativet --troskel behöver ett värde. Skriv npm run granska -- --hjalp för att se vad som finns."
    );
  });
});
