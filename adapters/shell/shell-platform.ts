import { randomUUID } from 'node:crypto';
import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { ChatPlatform, Outage, PostOutcome } from '../../src/conversation/chat-platform.js';
import type { Conversation } from '../../src/conversation/conversation.js';
import type { Reply } from '../../src/conversation/reply.js';
import { replyText } from '../../src/conversation/reply-text.js';
import type { Origin } from '../../src/conversation/request.js';
import { textRequest } from '../../src/conversation/text-request.js';
import { defaultDeadline, untilDeadline } from '../../src/ops/in-flight.js';
import { terminalText } from './terminal-text.js';

export interface ShellPlatformOptions {
  conversation: Pick<Conversation, 'handle'>;
  input: Readable;
  output: Writable;
  /** Prompt and banner for a person at a terminal; plain answers for piped input. */
  interactive: boolean;
  /** Papers in the corpus, for the banner. */
  papers?: () => number;
  /** Whether whoever types here may change announcements; the person running pubbot may by default. */
  mayManage?: boolean;
  /** The channel a subscription made here names (`shell:<channel>`). */
  channel?: string;
  /** Called once when input ends or the user types "exit". */
  onEnd?: () => void;
}

const EXIT = /^(?:exit|quit|bye|:q)$/iu;
/** Papers a terminal shows at once; the shell has no buttons, so "more" pages on. */
const PAGE_SIZE = 10;

/**
 * The local chat: each line is a question, and each next line may refine the
 * one before ("and in 2025?"). Needs no credentials, so `npm start` always
 * has something to run. Lines are answered one at a time, in order.
 */
export class ShellPlatform implements ChatPlatform {
  readonly name = 'shell';
  readonly #o: ShellPlatformOptions;
  /** One conversation per run of the shell. */
  readonly #session = randomUUID();
  #lines: Interface | undefined;
  #queue: Promise<void> = Promise.resolve();
  #answered = 0;
  #ended = false;

  constructor(options: ShellPlatformOptions) {
    this.#o = options;
  }

  async start(): Promise<void> {
    const { input, output, interactive } = this.#o;
    const lines = createInterface({
      input,
      output: interactive ? output : undefined,
      terminal: interactive,
    });
    this.#lines = lines;
    if (interactive) {
      const papers = this.#o.papers?.();
      const count = papers === undefined ? '' : ` — ${papers} papers`;
      output.write(
        `pubbot${count}. Ask a question; the next line can refine it ("and in 2025?", "more"); "help" for examples, "exit" to leave.\n`,
      );
      lines.setPrompt('pubbot> ');
      lines.prompt();
    }
    lines.on('line', (line) => {
      if (EXIT.test(line.trim())) {
        lines.close();
        return;
      }
      if (line.trim() === '' && !interactive) return;
      this.#queue = this.#queue.then(() => this.#answer(line));
    });
    // Input may end while answers are still queued: they are written first.
    lines.on('close', () => void this.#queue.then(() => this.#end()));
  }

  async stop(deadline = defaultDeadline()): Promise<void> {
    this.#lines?.close();
    await Promise.race([this.#queue, untilDeadline(deadline)]);
  }

  isReady(): boolean {
    return this.#lines !== undefined && !this.#ended;
  }

  /** The terminal is local: it never fails to connect. */
  outage(): Outage | undefined {
    return undefined;
  }

  /** Prints an announcement. A terminal keeps no history to look in, so a re-send after a crash may print it twice. */
  async post(channel: string, reply: Reply): Promise<PostOutcome> {
    this.#o.output.write(terminalText(`[shell:${channel}] ${replyText(reply)}\n\n`));
    return { ok: true };
  }

  async #answer(line: string): Promise<void> {
    const { output, interactive } = this.#o;
    const key = `shell:${this.#session}`;
    const origin: Origin = {
      platform: 'shell',
      channel: this.#o.channel ?? 'local',
      user: 'local',
      conversation: { key, follows: key },
      surface: { pageSize: PAGE_SIZE, tokenLength: 0 },
      mayManage: async () => this.#o.mayManage ?? true,
      managers: 'the person running pubbot',
    };
    const reply = await this.#o.conversation.handle(textRequest(line, { followUp: true }), origin);
    const separator = this.#answered > 0 && !interactive ? '\n' : '';
    output.write(terminalText(`${separator}${replyText(reply)}\n`));
    this.#answered++;
    if (interactive) this.#lines?.prompt();
  }

  #end(): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#o.onEnd?.();
  }
}
