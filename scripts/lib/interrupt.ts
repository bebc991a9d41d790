// Ctrl+C (SIGINT) or SIGTERM during a build: instead of dying at once and leaving a half-built folder, the build
// stops its child processes, removes what it was writing and says so. Node's default for these signals is to exit
// without running any cleanup, so they are caught for as long as the work runs.
import {rm} from "node:fs/promises";
import {constants} from "node:os";

/** The error of an interrupted command; the exit status is 128 + the signal's number, as a shell reports it. */
export class InterruptedError extends Error {
  readonly exitCode: number;

  constructor(signal: NodeJS.Signals, message: string) {
    super(message);
    this.name = "InterruptedError";
    this.exitCode = 128 + (constants.signals[signal] ?? 0);
  }
}

const SIGNALS: NodeJS.Signals[] = ["SIGINT", "SIGTERM"];

/**
 * Runs `work` with SIGINT and SIGTERM caught. On a signal, `signal` aborts (pass it to child processes and check it
 * between steps), `work` is awaited, `paths` are removed, and the promise rejects with an InterruptedError whose
 * message is `message(signal)`.
 */
export async function interruptible<T>(
  paths: string[],
  message: (signal: NodeJS.Signals) => string,
  work: (signal: AbortSignal) => Promise<T>
): Promise<T> {
  const controller = new AbortController();
  let received: NodeJS.Signals | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    if (received) return;
    received = signal;
    controller.abort();
  };
  for (const s of SIGNALS) process.on(s, onSignal);
  try {
    const result = await work(controller.signal);
    if (received) throw new InterruptedError(received, message(received));
    return result;
  } catch (error) {
    if (received) throw new InterruptedError(received, message(received));
    throw error;
  } finally {
    for (const s of SIGNALS) process.off(s, onSignal);
    if (received) for (const path of paths) await rm(path, {recursive: true, force: true});
  }
}
