// npm ci must install from the committed lock file on Windows, macOS and Linux: the lock file lists the native
// binaries of every platform for the packages that ship them (DuckDB, esbuild, Rollup).
import {readFileSync} from "node:fs";
import {describe, expect, test} from "vitest";

const lock = JSON.parse(readFileSync("package-lock.json", "utf8")) as {packages: Record<string, {version?: string}>};
const installed = Object.keys(lock.packages);

describe("package-lock.json", () => {
  test.each([
    ["@duckdb/node-bindings", ["darwin-arm64", "darwin-x64", "linux-arm64", "linux-x64", "win32-x64"]],
    ["@esbuild", ["darwin-arm64", "darwin-x64", "linux-arm64", "linux-x64", "win32-x64"]],
    ["@rollup/rollup", ["darwin-arm64", "darwin-x64", "linux-arm64-gnu", "linux-x64-gnu", "win32-x64-msvc"]]
  ])("lists %s's binaries for Windows, macOS and Linux", (base, platforms) => {
    const separator = base === "@esbuild" ? "/" : "-";
    for (const platform of platforms) {
      expect(installed.some((p) => p.endsWith(`node_modules/${base}${separator}${platform}`))).toBe(true);
    }
  });

  test("pins every direct dependency to an exact version that the lock file installs", () => {
    const manifest = JSON.parse(readFileSync("package.json", "utf8")) as Record<string, Record<string, string>>;
    for (const [name, version] of Object.entries({...manifest.dependencies, ...manifest.devDependencies})) {
      expect(version, name).toMatch(/^\d+\.\d+\.\d+/);
      expect(lock.packages[`node_modules/${name}`]?.version, name).toBe(version);
    }
  });
});
