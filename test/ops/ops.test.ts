import { afterAll, describe, expect, it } from 'vitest';
import type { ChatPlatform, Outage } from '../../src/conversation/chat-platform.js';
import { checkHealth } from '../../src/ops/health.js';
import { opsRoutes } from '../../src/ops/http-routes.js';
import type { HttpRoute } from '../../src/ops/http-server.js';
import { Metrics } from '../../src/ops/metrics.js';
import { freePort } from '../support/free-port.js';
import { memoryLogger } from '../support/memory-logger.js';
import { rawPost } from '../support/raw-post.js';
import { serveRoutes } from '../support/serve-routes.js';
import { spawnBot } from '../support/spawn-bot.js';

const NOW = Date.parse('2026-11-25T12:00:00Z');

/** A platform whose connection the test sets; health reads `isReady` and `outage`. */
const platformIn = (name: 'discord' | 'slack', outage?: Outage): ChatPlatform => ({
  name,
  start: async () => {},
  stop: async () => {},
  isReady: () => outage === undefined,
  outage: () => outage,
  post: async () => ({ ok: true }),
});

const health = (platforms: ChatPlatform[], storeProblem?: string, stopping = false) =>
  checkHealth({
    papers: () => 25,
    platforms: () => platforms,
    graceMs: 60_000,
    storeProblem: async () => storeProblem,
    stopping: () => stopping,
    now: () => NOW,
  });

describe('health tells the truth', () => {
  it('GIVEN a platform down for less than the grace THEN still healthy; longer THEN unhealthy with the reason and how long', async () => {
    const blip = platformIn('discord', {
      since: NOW - 59_000,
      reason: 'gateway connection lost; reconnecting',
    });
    expect(await health([blip])).toMatchObject({
      ok: true,
      adapters: { discord: false },
      reasons: [],
    });
    const outage = platformIn('discord', {
      since: NOW - 75_000,
      reason: 'gateway connection lost; reconnecting',
    });
    expect(await health([outage, platformIn('slack')])).toEqual({
      ok: false,
      papers: 25,
      adapters: { discord: false, slack: true },
      reasons: ['discord: gateway connection lost; reconnecting (for 75 s)'],
    });
  });

  it('GIVEN a store that cannot be written, or a shutdown under way THEN unhealthy, saying so', async () => {
    const problem =
      'database /data/pubbot.db cannot be written: attempt to write a readonly database';
    expect((await health([platformIn('slack')], problem)).reasons).toEqual([`store: ${problem}`]);
    expect((await health([platformIn('slack')], undefined, true)).reasons).toEqual([
      'shutting down',
    ]);
  });
});

describe('health and metrics over HTTP', () => {
  const platforms = [
    platformIn('discord'),
    platformIn('slack', {
      since: NOW - 61_000,
      reason: 'Slack rejected SLACK_BOT_TOKEN (token_revoked)',
    }),
  ];
  const metrics = new Metrics({ corpusSize: () => 25, platforms: () => platforms });
  const token = 'metrics-token-0123456789';
  const routes = opsRoutes({
    health: () => health(platforms),
    metrics,
    metricsToken: token,
  });
  const serverPromise = serveRoutes(routes);
  afterAll(async () => (await serverPromise).close());

  it('GIVEN an adapter refused for longer than the grace THEN /healthz is 503 with a JSON reason', async () => {
    const server = await serverPromise;
    const response = await fetch(server.url('/healthz'));
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({
      status: 'unavailable',
      ok: false,
      adapters: { discord: true, slack: false },
      reasons: ['slack: Slack rejected SLACK_BOT_TOKEN (token_revoked) (for 61 s)'],
    });
  });

  it('GIVEN METRICS_TOKEN THEN /metrics needs it as a bearer token, and then reports in Prometheus format', async () => {
    const server = await serverPromise;
    expect((await fetch(server.url('/metrics'))).status).toBe(401);
    const wrong = await fetch(server.url('/metrics'), {
      headers: { authorization: 'Bearer nope' },
    });
    expect(wrong.status).toBe(401);
    metrics.answered('shell', 'count', 0.001);
    metrics.answered('shell', 'list', 0.002);
    metrics.announced('slack', 'sent', 3);
    metrics.announced('discord', 'failed');
    const response = await fetch(server.url('/metrics'), {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
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
    const server = await serverPromise;
    expect((await fetch(server.url('/nope'))).status).toBe(404);
  });
});

describe('the HTTP server', () => {
  const seen: Buffer[] = [];
  let release: () => void = () => {};
  const slow = new Promise<void>((resolve) => {
    release = resolve;
  });
  const routes: HttpRoute[] = [
    {
      method: 'POST',
      path: '/events',
      events: true,
      handle: async (_req, body, res) => {
        seen.push(body);
        if (body.toString() === 'slow') await slow;
        res.end('taken');
      },
    },
    { method: 'GET', path: '/plain', handle: (_req, _body, res) => void res.end('ok') },
  ];

  it('GIVEN a declared body over 256 KB THEN 413 at once, without the body being sent or any route seeing it', async () => {
    const server = await serveRoutes(routes);
    try {
      const started = Date.now();
      // Only headers go out: a server that waited for the 4 MB would never answer.
      const status = await rawPost(server.port, '/events', {
        'content-length': String(4 * 1024 * 1024),
      });
      expect(status).toBe(413);
      expect(Date.now() - started).toBeLessThan(1000);
      expect(seen).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('GIVEN a chunked body that streams past 256 KB THEN 413 once the limit is passed', async () => {
    const server = await serveRoutes(routes);
    try {
      const status = await rawPost(
        server.port,
        '/events',
        { 'transfer-encoding': 'chunked' },
        Buffer.alloc(300 * 1024, 'a'),
      );
      expect(status).toBe(413);
      expect(seen).toEqual([]);
      const small = await fetch(server.url('/events'), { method: 'POST', body: 'hello' });
      expect(await small.text()).toBe('taken');
      expect(seen.map(String)).toEqual(['hello']);
    } finally {
      seen.length = 0;
      await server.close();
    }
  });

  it('GIVEN drain THEN events get 503 while the one taken before finishes, other routes still answer, and settle waits for it', async () => {
    const server = await serveRoutes(routes);
    try {
      const taken = fetch(server.url('/events'), { method: 'POST', body: 'slow' });
      await expect.poll(() => seen.length).toBe(1);
      server.drain();
      const refused = await fetch(server.url('/events'), { method: 'POST', body: 'late' });
      expect(refused.status).toBe(503);
      expect((await fetch(server.url('/plain'))).status).toBe(200);
      const settled = server.settle(Date.now() + 5000);
      release();
      await settled;
      expect(await (await taken).text()).toBe('taken');
      expect(seen.map(String)).toEqual(['slow']);
    } finally {
      await server.close();
    }
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

describe('where the server listens', () => {
  it('GIVEN HTTP_HOST THEN the server listens on that address and no other', async () => {
    const port = await freePort();
    // All of 127/8 is loopback on Linux: listening on .2 must leave .1 unanswered.
    const bot = spawnBot({ HTTP_PORT: String(port), HTTP_HOST: '127.0.0.2' });
    try {
      await bot.waitForLog('serving /healthz and /metrics');
      expect((await fetch(`http://127.0.0.2:${port}/healthz`)).status).toBe(200);
      await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    } finally {
      bot.child.kill('SIGKILL');
    }
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
