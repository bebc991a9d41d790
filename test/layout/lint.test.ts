// The layout rule in eslint.config.js: Node-only loader code never imports page components (shared code is in
// src/lib/). Linted as if the text were a file in data-loaders/.
import {ESLint} from "eslint";
import {describe, expect, test} from "vitest";

async function lint(text: string, filePath: string): Promise<string[]> {
  const eslint = new ESLint();
  const [result] = await eslint.lintText(text, {filePath});
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe("eslint layout rules", () => {
  test("a loader module importing src/components/ fails lint with the Swedish reason", async () => {
    const messages = await lint(
      'import {kpiCard} from "../src/components/kpi-card.ts";\nexport const x = kpiCard;\n',
      "data-loaders/example.ts"
    );
    expect(messages).toEqual([expect.stringMatching(/^no-restricted-imports: .*src\/lib\//)]);
  });

  test("a loader module importing src/lib/ passes", async () => {
    expect(
      await lint(
        'import {addMonths} from "../src/lib/months.ts";\nexport const x = addMonths;\n',
        "data-loaders/example.ts"
      )
    ).toEqual([]);
  });

  test("a page component may import another component", async () => {
    expect(
      await lint(
        'import {dataTable} from "./data-table.js";\nexport const x = dataTable;\n',
        "src/components/example.ts"
      )
    ).toEqual([]);
  });
});
