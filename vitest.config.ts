import {defineConfig} from "vitest/config";

// Two projects: "unit" runs on fixtures only (no site build, no generated sample; `npm run test:unit`), "site" runs
// the slow checks against a freshly built site and the whole sample (`test/global-setup.ts` builds it once).
const SITE = [
  "test/browser/**/*.test.ts",
  "test/corpus/**/*.test.ts",
  "test/site/**/*.test.ts",
  "test/sample/sample.test.ts",
  "test/loaders/**/*.test.ts",
  "test/review/granska-independent.test.ts",
  "test/review/published.test.ts",
  "test/review/frozen-review.test.ts",
  "test/lifecycle/**/*.test.ts"
];

export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 600_000,
    // DuckDB and the site build are CPU bound; two cores on CI.
    fileParallelism: true,
    maxWorkers: 2,
    projects: [
      {extends: true, test: {name: "unit", include: ["test/**/*.test.ts"], exclude: SITE}},
      {extends: true, test: {name: "site", include: SITE, globalSetup: ["test/global-setup.ts"]}}
    ]
  }
});
