// The sample generator's command line: argument parsing and its Swedish messages (no generation here).
import {describe, expect, test} from "vitest";
import {parseSampleArgs, runSampleCli, UsageError} from "../../scripts/sample/cli.ts";

describe("parseSampleArgs", () => {
  test("parseSampleArgs defaults to data/exports and scale 1", () => {
    expect(parseSampleArgs([])).toEqual({outDir: "data/exports", scale: 1, help: false});
  });

  test("parseSampleArgs reads --ut and --skala, and --scale as an alias", () => {
    expect(parseSampleArgs(["--ut", "/tmp/x", "--skala", "40"])).toEqual({outDir: "/tmp/x", scale: 40, help: false});
    expect(parseSampleArgs(["--scale=3"]).scale).toBe(3);
  });

  test.each(["0", "-2", "1.5", "abc", "", "1e3"])(
    "parseSampleArgs refuses --skala %j with a Swedish message",
    (value) => {
      expect(() => parseSampleArgs([`--skala=${value}`])).toThrow(/--skala måste vara ett positivt heltal/);
    }
  );

  test("parseSampleArgs refuses unknown arguments and positionals", () => {
    expect(() => parseSampleArgs(["--okand"])).toThrow(UsageError);
    expect(() => parseSampleArgs(["--okand"])).toThrow(/Okänt argument: --okand/);
    expect(() => parseSampleArgs(["data"])).toThrow(/Oväntat argument/);
    expect(() => parseSampleArgs(["--skala", "2", "--scale", "3"])).toThrow(/olika värden/);
    expect(() => parseSampleArgs(["--skala"])).toThrow(/behöver ett värde/);
  });

  test("runSampleCli prints the usage and exits 2 on bad arguments", async () => {
    const lines: string[] = [];
    const status = await runSampleCli(["--skala", "noll"], {out: (l) => lines.push(l), err: (l) => lines.push(l)});
    expect(status).toBe(2);
    expect(lines.join("\n")).toMatch(
      /^Fel: --skala måste vara ett positivt heltal \(fick "noll"\)\.\n\nAnvändning: npm run sample/
    );
  });

  test("runSampleCli refuses a folder with deliveries it did not write", async () => {
    const {mkdtemp, mkdir, rm} = await import("node:fs/promises");
    const {tmpdir} = await import("node:os");
    const {join} = await import("node:path");
    const dir = await mkdtemp(join(tmpdir(), "namndrapport-sample-cli-"));
    try {
      await mkdir(join(dir, "2023-12-05"));
      const errors: string[] = [];
      const status = await runSampleCli(["--ut", dir], {out: () => {}, err: (l) => errors.push(l)});
      expect(status).toBe(1);
      expect(errors.join("\n")).toMatch(/innehåller leveranser som inte är exempeldata \(2023-12-05\)/);
    } finally {
      await rm(dir, {recursive: true, force: true});
    }
  });
});
