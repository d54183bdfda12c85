import { afterAll, describe, expect, it } from 'vitest';
import type { ChatPlatform } from '../../src/conversation/chat-platform.js';
import { checkHealth } from '../../src/ops/health.js';
import { opsRoutes, startOpsServer } from '../../src/ops/http-routes.js';
import { Metrics } from '../../src/ops/metrics.js';
import { freePort } from '../support/free-port.js';
import { memoryLogger } from '../support/memory-logger.js';
import { spawnBot } from '../support/spawn-bot.js';

/** A platform whose connection state the test sets; health only reads `isReady`. */
const platformIn = (name: 'discord' | 'slack', ready: boolean): ChatPlatform => ({
  name,
  start: async () => {},
  stop: async () => {},
  isReady: () => ready,
  post: async () => ({ ok: true }),
});

describe('health and metrics over HTTP', () => {
  const platforms = [platformIn('discord', true), platformIn('slack', false)];
  const metrics = new Metrics({ corpusSize: () => 25, platforms: () => platforms });
  const serverPromise = startOpsServer(
    opsRoutes(async () => checkHealth({ papers: 25, platforms }), metrics),
    0,
  );
  afterAll(async () => (await serverPromise).close());

  it('GIVEN an enabled adapter that is not connected THEN /healthz is 503 with a JSON reason', async () => {
    const { port } = await serverPromise;
    const response = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      status: 'unavailable',
      ok: false,
      papers: 25,
      adapters: { discord: true, slack: false },
      reasons: ['slack: not connected'],
    });
  });

  it('GIVEN questions and announcements THEN /metrics reports them in Prometheus format', async () => {
    const { port } = await serverPromise;
    metrics.answered('shell', 'count', 0.001);
    metrics.answered('shell', 'list', 0.002);
    metrics.announced('slack', 'sent', 3);
    metrics.announced('discord', 'failed');
    const response = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/u);
    const text = await response.text();
    expect(text).toContain('pubbot_questions_total{platform="shell",intent="count"} 1');
    expect(text).toContain('pubbot_questions_total{platform="shell",intent="list"} 1');
    expect(text).toContain('pubbot_answer_duration_seconds_count{platform="shell"} 2');
    expect(text).toContain('pubbot_announcements_total{platform="slack",status="sent"} 3');
    expect(text).toContain('pubbot_announcements_total{platform="discord",status="failed"} 1');
    expect(text).toContain('pubbot_adapter_connected{platform="slack"} 0');
    expect(text).toContain('pubbot_corpus_papers 25');
    expect(text).toContain('pubbot_process_resident_memory_bytes');
  });

  it('GIVEN an unknown path THEN 404', async () => {
    const { port } = await serverPromise;
    expect((await fetch(`http://127.0.0.1:${port}/nope`)).status).toBe(404);
  });
});

describe('log redaction', () => {
  it('GIVEN tokens, secrets and Authorization headers anywhere in a log object THEN they never reach the output', () => {
    const log = memoryLogger();
    log.logger.info(
      {
        token: 'discord-secret-token',
        config: {
          discordToken: 'discord-secret-token',
          slackSigningSecret: 'signing-secret-value',
        },
        request: { headers: { authorization: 'Bearer xoxb-secret', 'content-type': 'json' } },
        slack: {
          botToken: 'xoxb-secret',
          appToken: 'xapp-secret',
          signingSecret: 'signing-secret-value',
        },
      },
      'configured',
    );
    log.logger
      .child({ interactionId: '1' })
      .warn({ err: { headers: { Authorization: 'Bot discord-secret-token' } } }, 'failed');
    const raw = log.raw();
    for (const secret of [
      'discord-secret-token',
      'signing-secret-value',
      'xoxb-secret',
      'xapp-secret',
    ])
      expect(raw).not.toContain(secret);
    expect(log.lines()[0]).toMatchObject({
      token: '[redacted]',
      request: { headers: { authorization: '[redacted]', 'content-type': 'json' } },
    });
    expect(log.lines()[1]).toMatchObject({ interactionId: '1' });
  });
});

describe('graceful shutdown of the whole process', () => {
  it('GIVEN the shell bot serving health with input still open THEN SIGTERM stops it with exit 0, and SIGINT too', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const port = await freePort();
      const bot = spawnBot({ HTTP_PORT: String(port) });
      await bot.waitForLog('serving /healthz and /metrics');
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      bot.child.kill(signal);
      expect(await bot.exited).toEqual({ code: 0, signal: null });
      expect(bot.stderr()).toContain('"msg":"stopped"');
      await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    }
  }, 30_000);
});
