// Running Framework's CLI from our scripts, with telemetry off.
import {spawn} from "node:child_process";
import {join} from "node:path";

export interface RunResult {
  code: number;
  /** Framework's output, when run quietly (otherwise it went to this process's terminal). */
  output: string;
}

/** Runs `observable <args>`; its output goes to this terminal, or is collected when `quiet`. `signal` stops it. */
export function runFramework(
  args: string[],
  env: Record<string, string> = {},
  {quiet = false, signal}: {quiet?: boolean; signal?: AbortSignal} = {}
): Promise<RunResult> {
  const bin = join("node_modules", ".bin", process.platform === "win32" ? "observable.cmd" : "observable");
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, {
      stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit",
      env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true", ...env},
      // Aborting stops Framework (SIGTERM); the result comes when it has exited, so nothing writes after cleanup.
      signal
    });
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk));
    child.on("error", (error) => error.name !== "AbortError" && reject(error));
    child.on("exit", (code, signal) => resolve({code: code ?? (signal ? 1 : 0), output}));
  });
}
