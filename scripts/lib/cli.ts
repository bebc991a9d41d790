// The shared ending of every command: run main, exit with its status once stdout and stderr are drained, and print an
// error as one Swedish "Fel:" line (no stack trace, DuckDB's text masked) with status 1.
import {safeErrorMessage} from "../../data-loaders/checks/mask.ts";

/**
 * Resolves when everything written to the stream so far has been handed to the operating system. A pipe takes 64 KiB
 * at a time; exiting before this cuts the output short.
 */
export function drained(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || !stream.writable) return resolve();
    // Writes complete in order, so an empty write's callback runs after every earlier one has been flushed.
    stream.write("", () => resolve());
  });
}

/** Exits with `code` after stdout and stderr are drained. */
export async function exitWhenDrained(code: number): Promise<never> {
  await Promise.all([drained(process.stdout), drained(process.stderr)]);
  process.exit(code);
}

/** Runs a command's main; a returned number is the exit status (default 0). */
export function runCli(main: () => Promise<number | void>): void {
  main().then(
    (code) => exitWhenDrained(code ?? 0),
    (error: unknown) => {
      console.error(`Fel: ${safeErrorMessage(error)}`);
      // An interrupted command exits as the shell expects (130 for Ctrl+C).
      const code = (error as {exitCode?: unknown} | null)?.exitCode;
      return exitWhenDrained(typeof code === "number" ? code : 1);
    }
  );
}
