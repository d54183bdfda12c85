import { ConfigError, loadEnvFile } from '../config.js';

/**
 * Runs a CLI entry point: configuration mistakes are one line and exit code 2,
 * anything else is a bug and exits 1 with its stack.
 */
export function runCli(main: () => Promise<number | undefined>): void {
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
        if (error instanceof ConfigError || error instanceof UsageError) {
          process.stderr.write(`pubbot: ${error.message}\n`);
          process.exitCode = 2;
          return;
        }
        // Errors that carry a code are expected failures with a message for people (a rejected token).
        if (error instanceof Error && 'code' in error && /^[A-Z_]+$/u.test(String(error.code))) {
          process.stderr.write(`pubbot: ${error.message}\n`);
          process.exitCode = 1;
          return;
        }
        process.stderr.write(
          `pubbot: unexpected error: ${error instanceof Error ? error.stack : String(error)}\n`,
        );
        process.exitCode = 1;
      },
    );
}

/** A mistake in command-line arguments. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  readonly code = 'USAGE';
}
