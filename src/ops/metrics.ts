import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { ChatPlatform } from '../conversation/chat-platform.js';

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
    help: 'Announcement deliveries (paper × channel), by platform and outcome (sent, failed and retried, refused by the channel).',
    labelNames: ['platform', 'status'] as const,
    registers: [this.registry],
  });
  readonly #disabled = new Counter({
    name: 'pubbot_announce_channels_disabled_total',
    help: 'Channels disabled because the platform refuses them for good, by platform.',
    labelNames: ['platform'] as const,
    registers: [this.registry],
  });

  constructor({
    corpusSize,
    platforms,
    disabledChannels,
  }: {
    corpusSize: () => number;
    platforms: () => readonly ChatPlatform[];
    /** Channels disabled now, read from the store at each scrape. */
    disabledChannels?: () => Promise<number>;
  }) {
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
        for (const platform of platforms())
          this.set({ platform: platform.name }, platform.isReady() ? 1 : 0);
      },
    });
    if (disabledChannels)
      new Gauge({
        name: 'pubbot_announce_channels_disabled',
        help: 'Channels switched off until someone subscribes or configures them again.',
        registers: [this.registry],
        async collect() {
          this.set(await disabledChannels());
        },
      });
  }

  /** Counts one answer and how long it took, by platform and answer shape. */
  answered(platform: string, shape: string, seconds: number): void {
    this.#latency.observe({ platform }, seconds);
    this.#questions.inc({ platform, intent: shape });
  }

  announced(platform: string, status: 'sent' | 'failed' | 'refused', count = 1): void {
    this.#announcements.inc({ platform, status }, count);
  }

  /** Counts a channel disabled (`discord:123`), by its platform. */
  channelDisabled(channel: string): void {
    this.#disabled.inc({ platform: channel.split(':')[0] ?? 'unknown' });
  }
}
