import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A database file of its own, so a test process never touches the checkout's ./data. */
export function temporaryDatabase(): string {
  return `sqlite:${join(mkdtempSync(join(tmpdir(), 'pubbot-db-')), 'pubbot.db')}`;
}

export interface ScriptResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs a TypeScript entry point of this repo as its own Node process, as npm scripts do. */
export function runScript(
  script: string,
  args: string[] = [],
  { input, env = {} }: { input?: string; env?: Record<string, string> } = {},
): Promise<ScriptResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      env: {
        ...process.env,
        ENV_FILE: '',
        LOG_LEVEL: 'warn',
        DATABASE_URL: temporaryDatabase(),
        ...env,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}
