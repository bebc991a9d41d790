// Builds the site once per test run, the way a publisher does (`npm run build`), into dist-test/.
// NAMNDRAPPORT_TEST_SITE=<dir> reuses an existing build while iterating on tests.
import {spawnSync} from "node:child_process";
import {resolve} from "node:path";
import type {TestProject} from "vitest/node";

export default function setup(project: TestProject): void {
  let site = process.env.NAMNDRAPPORT_TEST_SITE;
  if (!site) {
    site = resolve("dist-test");
    const started = Date.now();
    const result = spawnSync("npx", ["tsx", "scripts/build.ts", "--ut", site], {encoding: "utf8"});
    if (result.status !== 0) {
      throw new Error(`npm run build misslyckades i testernas förberedelse:\n${result.stdout}\n${result.stderr}`);
    }
    console.log(`Testwebbplatsen byggd på ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  project.provide("site", site);
}

declare module "vitest" {
  export interface ProvidedContext {
    site: string;
  }
}
