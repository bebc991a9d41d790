// The corruption corpus (test/fixtures/corpus.ts) through every check of an edition: each broken copy of the sample's
// 2023-11 delivery is rejected with a Swedish message naming delivery, file and column, or warned about with a stable
// id, and no message carries a record value.
import {spawnSync} from "node:child_process";
import {mkdtemp, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {checkEdition} from "../../data-loaders/checks/edition-check.ts";
import type {Finding} from "../../data-loaders/checks/findings.ts";
import {documentedSeverity} from "../../data-loaders/checks/rules.ts";
import {CORPUS, corpusRoot, DELIVERY, MONTH, type CorpusCase, type Outcome} from "../fixtures/corpus.ts";

const saved = process.env.NAMNDRAPPORT_VALIDATION_CACHE;
let cache: string;

beforeAll(async () => {
  // One cache for the file: the unchanged previous delivery is profiled once.
  cache = await mkdtemp(join(tmpdir(), "namndrapport-korpus-cache-"));
  process.env.NAMNDRAPPORT_VALIDATION_CACHE = cache;
});

afterAll(async () => {
  if (saved === undefined) delete process.env.NAMNDRAPPORT_VALIDATION_CACHE;
  else process.env.NAMNDRAPPORT_VALIDATION_CACHE = saved;
  await rm(cache, {recursive: true, force: true});
});

/** No-break spaces (thousands separators) read as spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

/** A personnummer (with or without century, with or without separator) or the sample's test key. */
const PERSONNUMMER = /(?<!\d)(\d{2})?\d{6}[-+]?\d{4}(?!\d)/;

function expectNamed(found: Finding, outcome: Outcome): void {
  const message = plain(found.message);
  const rootLevel = outcome.id === "annan_leverans" || outcome.id.startsWith("okand_mapp:");
  if (!rootLevel) expect(message).toMatch(new RegExp(`^leverans \\d{4}-\\d{2}-\\d{2}: `));
  if (outcome.file) expect(message, "names the file").toContain(outcome.file);
  if (outcome.column) expect(message, "names the column").toContain(`kolumn ${outcome.column}`);
  for (const text of outcome.says ?? []) {
    if (typeof text === "string") expect(message).toContain(text);
    else expect(message).toMatch(text);
  }
}

async function outcomeOf(corpusCase: CorpusCase): Promise<{findings: Finding[]; thrown: string | null}> {
  const root = await corpusRoot(corpusCase);
  try {
    const check = await checkEdition(root, MONTH, {quality: true, cache: true});
    return {findings: check.findings, thrown: null};
  } catch (error) {
    return {findings: [], thrown: error instanceof Error ? error.message : String(error)};
  } finally {
    await rm(root, {recursive: true, force: true});
  }
}

describe("the corruption corpus", () => {
  test("has at least 40 cases, each with a stated outcome", () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(40);
    for (const c of CORPUS) expect(c.expect.length + (c.thrown?.length ?? 0), c.name).toBeGreaterThan(0);
  });

  test("the unchanged delivery gives no error", async () => {
    const {findings, thrown} = await outcomeOf({name: "unchanged", apply: async () => undefined, expect: []});
    expect(thrown).toBeNull();
    expect(findings.filter((f) => f.severity === "fel")).toEqual([]);
  });
});

describe.each(CORPUS)("checkEdition(root, 2023-11) on the sample with: $name", (corpusCase) => {
  test("gives the stated outcome, named in Swedish, without a record value", async () => {
    const {findings, thrown} = await outcomeOf(corpusCase);
    if (corpusCase.thrown) {
      expect(thrown).not.toBeNull();
      for (const pattern of corpusCase.thrown) expect(thrown).toMatch(pattern);
      expect(thrown).not.toMatch(PERSONNUMMER);
      return;
    }
    expect(thrown).toBeNull();
    for (const outcome of corpusCase.expect) {
      const found = findings.find((f) => f.id === outcome.id && f.severity === outcome.severity);
      expect(found, `${outcome.severity} ${outcome.id} in ${findings.map((f) => f.id).join(", ")}`).toBeDefined();
      expectNamed(found!, outcome);
    }
    // No other error: the fault is named by the rules that are about it, not by everything downstream of it.
    const allowed = new Set([
      ...corpusCase.expect.filter((o) => o.severity === "fel").map((o) => o.id.split(":")[0]),
      ...(corpusCase.alsoErrors ?? [])
    ]);
    const errors = findings.filter((f) => f.severity === "fel").map((f) => f.rule);
    expect(errors.filter((rule) => !allowed.has(rule))).toEqual([]);
    for (const f of findings) {
      expect(f.message).not.toMatch(PERSONNUMMER);
      expect(documentedSeverity(f.rule, f.severity), `${f.rule} ${f.severity} in docs/data-contract.md`).toBe(true);
    }
  });
});

describe("a loader on a corrupted delivery", () => {
  test("runLoader names the invalid UTF-8 column on stderr without the personnummer-shaped value", async () => {
    const corpusCase = CORPUS.find((c) => c.name.startsWith("invalid UTF-8 in a key"))!;
    const root = await corpusRoot(corpusCase);
    try {
      const result = spawnSync("npx", ["tsx", "src/[month]/data/bilagor.json.ts", `--month=${MONTH}`], {
        encoding: "utf8",
        env: {...process.env, NAMNDRAPPORT_EXPORTS: root}
      });
      expect(result.status).toBe(1);
      expect(result.stdout).toBe("");
      expect(result.stderr).toContain(
        `Fel i dataladdaren bilagor för ${MONTH}: leverans ${DELIVERY}: lifecare_eb_medlem.parquet, kolumn person_id: innehåller text som inte är giltig UTF-8`
      );
      expect(result.stderr).not.toMatch(PERSONNUMMER);
    } finally {
      await rm(root, {recursive: true, force: true});
    }
  });
});
