// Running Framework's CLI from our scripts, with telemetry off.
import {spawn} from "node:child_process";
import {join} from "node:path";

export interface RunResult {
  code: number;
  /** Framework's output, when run quietly (otherwise it went to this process's terminal). */
  output: string;
}

/** Runs `observable <args>`; its output goes to this terminal, or is collected when `quiet`. */
export function runFramework(
  args: string[],
  env: Record<string, string> = {},
  {quiet = false}: {quiet?: boolean} = {}
): Promise<RunResult> {
  const bin = join("node_modules", ".bin", process.platform === "win32" ? "observable.cmd" : "observable");
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, {
      stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit",
      env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true", ...env}
    });
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk));
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve({code: code ?? (signal ? 1 : 0), output}));
  });
}
