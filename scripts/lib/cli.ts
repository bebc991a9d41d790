// The shared ending of every command: run main, exit with its status, and print an error as one Swedish "Fel:" line
// (no stack trace) with status 1.

/** Runs a command's main; a returned number is the exit status (default 0). */
export function runCli(main: () => Promise<number | void>): void {
  main().then(
    (code) => process.exit(code ?? 0),
    (error: unknown) => {
      console.error(`Fel: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
  );
}
