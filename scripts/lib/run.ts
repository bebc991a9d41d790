// Running Framework's CLI from our scripts, with telemetry off.
import {spawn} from "node:child_process";
import {join} from "node:path";

/** Runs `observable <args>` and resolves with its exit code; output goes to this process's terminal. */
export function runFramework(args: string[], env: Record<string, string> = {}): Promise<number> {
  const bin = join("node_modules", ".bin", process.platform === "win32" ? "observable.cmd" : "observable");
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, {
      stdio: "inherit",
      env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true", ...env}
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}
