import {defineConfig} from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 600_000,
    // DuckDB and the site build are CPU bound; two cores on CI.
    fileParallelism: true,
    maxWorkers: 2
  }
});
