import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Answer } from '../answer/answer.js';
import type { Core } from '../core.js';
import type { Adapter } from '../platform/adapter.js';

/**
 * pubbot's Prometheus metrics, on a registry of its own (not prom-client's
 * global one) so tests and several bots in one process never collide.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly #questions = new Counter({
    name: 'pubbot_questions_total',
    help: 'Questions answered, by platform and answer shape.',
    labelNames: ['platform', 'intent'] as const,
    registers: [this.registry],
  });
  readonly #latency = new Histogram({
    name: 'pubbot_answer_duration_seconds',
    help: 'Time to answer a question in the core, by platform.',
    labelNames: ['platform'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  });
  readonly #announcements = new Counter({
    name: 'pubbot_announcements_total',
    help: 'Announcement deliveries (paper × channel), by platform and outcome.',
    labelNames: ['platform', 'status'] as const,
    registers: [this.registry],
  });

  constructor({
    corpusSize,
    adapters,
  }: { corpusSize: () => number; adapters: () => readonly Adapter[] }) {
    collectDefaultMetrics({ register: this.registry, prefix: 'pubbot_' });
    new Gauge({
      name: 'pubbot_corpus_papers',
      help: 'Papers in the question index.',
      registers: [this.registry],
      collect() {
        this.set(corpusSize());
      },
    });
    new Gauge({
      name: 'pubbot_adapter_connected',
      help: '1 when the platform adapter is connected and answering.',
      labelNames: ['platform'] as const,
      registers: [this.registry],
      collect() {
        for (const adapter of adapters())
          this.set({ platform: adapter.platform }, adapter.isReady() ? 1 : 0);
      },
    });
  }

  /** The same core, with every `ask` counted and timed under `platform`. */
  instrument(core: Core, platform: string): Core {
    const ask = (text: string, options?: Parameters<Core['ask']>[1]): Answer => {
      const stop = this.#latency.startTimer({ platform });
      const answer = core.ask(text, options);
      stop();
      this.#questions.inc({ platform, intent: answer.shape });
      return answer;
    };
    return { ...core, ask };
  }

  announced(platform: string, status: 'sent' | 'failed', count = 1): void {
    this.#announcements.inc({ platform, status }, count);
  }
}
