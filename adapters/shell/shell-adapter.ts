import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Core } from '../../src/core.js';
import type { Logger } from '../../src/logger.js';
import type { Adapter } from '../../src/platform/adapter.js';

export interface ShellAdapterOptions {
  /** The current core; a function so a reloaded corpus is used at once. */
  core: () => Core;
  input: Readable;
  output: Writable;
  /** Prompt and banner for a person at a terminal; plain answers for piped input. */
  interactive: boolean;
  logger: Logger;
  /** Called once when input ends or the user types "exit". */
  onEnd?: () => void;
}

const EXIT = /^(?:exit|quit|bye|:q)$/iu;

/**
 * The local chat: each line is a question, each answer is the core's plain
 * text. Needs no credentials, so `npm start` always has something to run.
 */
export class ShellAdapter implements Adapter {
  readonly platform = 'shell';
  readonly #options: ShellAdapterOptions;
  #lines: Interface | undefined;
  #ended = false;

  constructor(options: ShellAdapterOptions) {
    this.#options = options;
  }

  async start(): Promise<void> {
    const { input, output, interactive } = this.#options;
    const lines = createInterface({
      input,
      output: interactive ? output : undefined,
      terminal: interactive,
    });
    this.#lines = lines;
    if (interactive) {
      const papers = this.#options.core().library.papers.length;
      output.write(
        `pubbot — ${papers} papers. Ask a question; "help" for examples, "exit" to leave.\n`,
      );
      lines.setPrompt('pubbot> ');
      lines.prompt();
    }
    let answered = 0;
    lines.on('line', (line) => {
      if (EXIT.test(line.trim())) {
        lines.close();
        return;
      }
      if (line.trim() === '' && !interactive) return;
      output.write(`${answered > 0 && !interactive ? '\n' : ''}${this.#answer(line)}\n`);
      answered++;
      if (interactive) lines.prompt();
    });
    lines.on('close', () => this.#end());
  }

  async stop(): Promise<void> {
    this.#lines?.close();
  }

  isReady(): boolean {
    return this.#lines !== undefined && !this.#ended;
  }

  #answer(line: string): string {
    try {
      return this.#options.core().ask(line).text;
    } catch (error) {
      this.#options.logger.error(
        { err: error, question: line.slice(0, 200) },
        'shell question failed',
      );
      return 'Sorry, something went wrong answering that. The error has been logged.';
    }
  }

  #end(): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#options.onEnd?.();
  }
}
