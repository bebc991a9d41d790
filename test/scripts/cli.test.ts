// The shared command ending: output over a pipe's 64 KiB buffer reaches a slow reader in full before the exit.
import {spawnSync} from "node:child_process";
import {describe, expect, test} from "vitest";

describe("runCli(main)", () => {
  test("runCli lets stdout drain: 1 MB through a pipe to a slow reader arrives whole, every time", () => {
    const bytes = 1_000_000;
    for (let run = 0; run < 4; run++) {
      // The reader starts only after the writer is done writing: everything still in the pipe must wait for it.
      const result = spawnSync("sh", ["-c", `npx tsx test/fixtures/big-output.ts ${bytes} | (sleep 0.5; wc -c)`], {
        encoding: "utf8"
      });
      expect(result.status, result.stderr).toBe(0);
      expect(Number(result.stdout.trim())).toBe(bytes);
    }
  });
});
