import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { temporaryDatabase } from './run-script.js';

export interface BotProcess {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  /** Resolves when stderr (the log) contains `text`. */
  waitForLog: (text: string, timeoutMs?: number) => Promise<void>;
  /** Resolves when stdout contains `text`. */
  waitForOutput: (text: string, timeoutMs?: number) => Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts the real bot entry point (or another entry point, with `args`) as
 * its own Node process (not through npm, which would not forward signals),
 * with the given environment.
 */
export function spawnBot(
  env: Record<string, string>,
  entry = 'src/main.ts',
  nodeArgs = ['--import', 'tsx'],
  args: string[] = [],
): BotProcess {
  const child = spawn(process.execPath, [...nodeArgs, entry, ...args], {
    env: {
      ...process.env,
      ENV_FILE: '',
      LOG_LEVEL: 'debug',
      DATABASE_URL: temporaryDatabase(),
      ...env,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const listeners = new Set<() => void>();
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
    for (const listener of listeners) listener();
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
    for (const listener of listeners) listener();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const waitFor = (stream: () => string, text: string, timeoutMs = 15_000) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!stream().includes(text)) return;
        listeners.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`timed out waiting for "${text}"; stderr so far:\n${stderr}`));
      }, timeoutMs);
      listeners.add(check);
      check();
    });
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    waitForLog: (text, timeoutMs) => waitFor(() => stderr, text, timeoutMs),
    waitForOutput: (text, timeoutMs) => waitFor(() => stdout, text, timeoutMs),
    exited,
  };
}
