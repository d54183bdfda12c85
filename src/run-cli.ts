import { loadEnvFile } from './config.js';
import { PubbotError } from './errors.js';

export interface RunCliOptions {
  /** End the process once `main` settles, even if something still holds the event loop open. */
  exitWhenDone?: boolean;
}

/**
 * Runs a command-line entry point: a PubbotError is one line for a person and
 * its code's exit code (2 for configuration and usage); anything else is a
 * bug and exits 1 with its stack. A closed stdout (`… | head`) ends the
 * command quietly: whoever read it has what they wanted.
 */
export function runCli(
  main: () => Promise<number | undefined>,
  { exitWhenDone = false }: RunCliOptions = {},
): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(0);
  });
  Promise.resolve()
    .then(() => {
      loadEnvFile();
      return main();
    })
    .then(
      (code) => {
        process.exitCode = code ?? 0;
      },
      (error: unknown) => {
        if (error instanceof PubbotError) {
          process.stderr.write(`pubbot: ${error.message}\n`);
          process.exitCode = error.exitCode;
          return;
        }
        process.stderr.write(
          `pubbot: unexpected error: ${error instanceof Error ? error.stack : String(error)}\n`,
        );
        process.exitCode = 1;
      },
    )
    .finally(() => {
      if (exitWhenDone) process.exit();
    });
}
