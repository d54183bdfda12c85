import { describe, expect, it } from 'vitest';
import { APP_ID, FakeDiscord } from '../support/fake-discord.js';
import {
  BOT_USER_ID,
  eventEnvelope,
  FakeSlack,
  nextTs,
  postSigned,
  SIGNING_SECRET,
} from '../support/fake-slack.js';
import { freePort } from '../support/free-port.js';
import type { RecordedRequest } from '../support/http-server.js';
import { spawnBot } from '../support/spawn-bot.js';

/** Faults between pubbot and a platform, each with the bot as its own process against a local fake. */

const DISCORD_ENV = {
  DISCORD_TOKEN: 'fault-token-abcdefghijklmnopqrstuvwxyz',
  DISCORD_APP_ID: APP_ID,
};
const SLACK_ENV = { SLACK_BOT_TOKEN: 'xoxb-fault-token', SLACK_SIGNING_SECRET: SIGNING_SECRET };

async function healthOf(port: number): Promise<{ status: number; reasons: string[] }> {
  const response = await fetch(`http://127.0.0.1:${port}/healthz`);
  return {
    status: response.status,
    reasons: ((await response.json()) as { reasons: string[] }).reasons,
  };
}

/** A mention in its own thread; the answer is the chat.postMessage into that thread. */
function mention(port: number, channel: string, text = 'how many papers in 2024?') {
  const ts = nextTs();
  const event = {
    type: 'app_mention',
    user: 'UASKER01',
    text: `<@${BOT_USER_ID}> ${text}`,
    ts,
    channel,
  };
  const sent = postSigned(
    `http://127.0.0.1:${port}/slack/events`,
    JSON.stringify(eventEnvelope(event)),
  );
  return { ts, sent };
}

const threadOf = (r: RecordedRequest) => (r.body as Record<string, string>).thread_ts;

describe('Discord unreachable', () => {
  it('GIVEN the gateway and REST go away THEN /healthz stays 200 within the grace, is 503 naming Discord after it, and SIGTERM still exits 0 within the bound', async () => {
    const fake = await FakeDiscord.start();
    const port = await freePort();
    const bot = spawnBot({
      ...DISCORD_ENV,
      DISCORD_API_URL: fake.apiUrl,
      HTTP_PORT: String(port),
      HEALTH_GRACE_SECONDS: '3',
      SHUTDOWN_TIMEOUT_SECONDS: '3',
    });
    try {
      await bot.waitForLog('"platform":"discord","msg":"platform started"');
      expect((await healthOf(port)).status).toBe(200);
      const lost = Date.now();
      await fake.close();
      await bot.waitForLog('discord reconnecting');
      // A reconnect is normal: within the grace the bot is still healthy.
      expect((await healthOf(port)).status).toBe(200);
      await expect
        .poll(async () => (await healthOf(port)).status, { timeout: 10_000, interval: 100 })
        .toBe(503);
      expect(Date.now() - lost).toBeGreaterThanOrEqual(3000);
      expect((await healthOf(port)).reasons).toEqual([
        expect.stringMatching(/^discord: gateway connection lost; reconnecting \(for \d+ s\)$/u),
      ]);
      const signalled = Date.now();
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toEqual({ code: 0, signal: null });
      expect(Date.now() - signalled).toBeLessThan(3000 + 1000);
    } finally {
      bot.child.kill('SIGKILL');
    }
  }, 30_000);
});

describe('a token Slack rejects at start', () => {
  const lastLine = (stderr: string) => stderr.trim().split('\n').at(-1);

  it('GIVEN SLACK_BOT_TOKEN refused by auth.test in HTTP mode THEN exit 1 with one line naming it, and no stack', async () => {
    const fake = await FakeSlack.start();
    fake.http.handle((r) =>
      r.path === '/api/auth.test'
        ? { status: 200, body: { ok: false, error: 'invalid_auth' } }
        : undefined,
    );
    const bot = spawnBot({
      ...SLACK_ENV,
      SLACK_API_URL: fake.apiUrl,
      HTTP_PORT: String(await freePort()),
    });
    try {
      expect((await bot.exited).code).toBe(1);
      expect(lastLine(bot.stderr())).toBe(
        'pubbot: Slack rejected SLACK_BOT_TOKEN (invalid_auth): check it under OAuth & Permissions → Bot User OAuth Token (xoxb-…)',
      );
      expect(bot.stderr()).not.toMatch(/\n\s+at /u);
    } finally {
      await fake.close();
    }
  }, 30_000);

  it('GIVEN SLACK_APP_TOKEN refused in Socket Mode THEN exit 1 with one line naming it; a refused bot token names SLACK_BOT_TOKEN there too', async () => {
    const fake = await FakeSlack.start();
    const refuse = fake.http.handle((r) =>
      r.path === '/api/apps.connections.open'
        ? { status: 200, body: { ok: false, error: 'invalid_auth' } }
        : undefined,
    );
    const env = {
      SLACK_BOT_TOKEN: 'xoxb-fault-token',
      SLACK_APP_TOKEN: 'xapp-fault-token',
      SLACK_API_URL: fake.apiUrl,
    };
    try {
      const app = spawnBot({ ...env, HTTP_PORT: String(await freePort()) });
      expect((await app.exited).code).toBe(1);
      expect(lastLine(app.stderr())).toBe(
        'pubbot: Slack rejected SLACK_APP_TOKEN (invalid_auth): check it under Basic Information → App-Level Tokens, with connections:write',
      );
      expect(app.stderr()).not.toMatch(/\n\s+at /u);
      refuse();
      fake.http.handle((r) =>
        r.path === '/api/auth.test'
          ? { status: 200, body: { ok: false, error: 'token_revoked' } }
          : undefined,
      );
      const bot = spawnBot({ ...env, HTTP_PORT: String(await freePort()) });
      expect((await bot.exited).code).toBe(1);
      expect(lastLine(bot.stderr())).toMatch(
        /^pubbot: Slack rejected SLACK_BOT_TOKEN \(token_revoked\)/u,
      );
    } finally {
      await fake.close();
    }
  }, 30_000);
});

describe('a hung Slack Web API', () => {
  it('GIVEN chat.postMessage hangs under 30 mentions and then recovers THEN every mention is answered, the new one within seconds', async () => {
    const fake = await FakeSlack.start();
    const port = await freePort();
    const bot = spawnBot({
      ...SLACK_ENV,
      SLACK_API_URL: fake.apiUrl,
      HTTP_PORT: String(port),
      LOG_LEVEL: 'info',
    });
    try {
      await bot.waitForLog('slack ready');
      const hang = fake.http.handle((r) =>
        r.path === '/api/chat.postMessage'
          ? { status: 200, body: { ok: true }, delayMs: 120_000 }
          : undefined,
      );
      const backlog = Array.from({ length: 30 }, () => mention(port, 'CHUNG001'));
      expect((await Promise.all(backlog.map((m) => m.sent))).map((r) => r.status)).toEqual(
        backlog.map(() => 200),
      );
      await new Promise((resolve) => setTimeout(resolve, 2000));
      hang();
      const recovered = Date.now();
      const fresh = mention(port, 'CHUNG001', 'cite Flareon');
      expect((await fresh.sent).status).toBe(200);
      const answeredAfter = (ts: string) =>
        fake.http.waitFor(
          (r) => r.path === '/api/chat.postMessage' && threadOf(r) === ts && r.at >= recovered,
          20_000,
        );
      await answeredAfter(fresh.ts);
      // The requests holding the slots give up within the 10 s timeout; nothing waits longer.
      expect(Date.now() - recovered).toBeLessThan(12_000);
      await Promise.all(backlog.map((m) => answeredAfter(m.ts)));
    } finally {
      bot.child.kill('SIGKILL');
      await fake.close();
    }
  }, 60_000);
});

describe('SIGTERM under load in Slack HTTP mode', () => {
  it('GIVEN mentions arriving while SIGTERM comes THEN every acknowledged one is answered, the rest refused (503), and the bot exits 0 within the bound', async () => {
    const fake = await FakeSlack.start();
    // Answers take a while, so some are in flight when the signal comes.
    fake.http.handle((r) =>
      r.path === '/api/chat.postMessage'
        ? { status: 200, body: { ok: true, ts: nextTs() }, delayMs: 400 }
        : undefined,
    );
    const port = await freePort();
    const bot = spawnBot({
      ...SLACK_ENV,
      SLACK_API_URL: fake.apiUrl,
      HTTP_PORT: String(port),
      SHUTDOWN_TIMEOUT_SECONDS: '10',
      LOG_LEVEL: 'info',
    });
    try {
      await bot.waitForLog('slack ready');
      // Mentions keep coming, one every 10 ms, from before the signal until the process is gone.
      const sent: Array<{ ts: string; status: number | undefined }> = [];
      let running = true;
      const exited = bot.exited.then((result) => {
        running = false;
        return result;
      });
      const firehose = (async () => {
        while (running) {
          const { ts, sent: response } = mention(port, 'CLOAD001');
          const entry: { ts: string; status: number | undefined } = { ts, status: undefined };
          sent.push(entry);
          // A refused connection once the server closed is Slack's cue to retry too.
          void response.then(
            (r) => {
              entry.status = r.status;
            },
            () => {
              entry.status = 0;
            },
          );
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      })();
      await expect
        .poll(() => sent.filter((m) => m.status === 200).length, { timeout: 20_000 })
        .toBeGreaterThanOrEqual(15);
      const signalled = Date.now();
      bot.child.kill('SIGTERM');
      expect(await exited).toEqual({ code: 0, signal: null });
      const stopMs = Date.now() - signalled;
      await firehose;
      await expect.poll(() => sent.every((m) => m.status !== undefined)).toBe(true);
      expect(stopMs).toBeLessThan(10_000);
      const statuses = sent.map((m) => m.status);
      expect(statuses.every((s) => s === 200 || s === 503 || s === 0)).toBe(true);
      // Events that came in while answers were finishing were refused, not taken.
      expect(statuses.filter((s) => s === 503).length).toBeGreaterThan(0);
      const acked = sent.filter((m) => m.status === 200).map((m) => m.ts);
      const answered = new Set(fake.calls('chat.postMessage').map(threadOf));
      expect(acked.filter((ts) => !answered.has(ts))).toEqual([]);
    } finally {
      bot.child.kill('SIGKILL');
      await fake.close();
    }
  }, 60_000);
});

describe('secrets never reach the log', () => {
  it('GIVEN a Discord callback that fails THEN its log line names the route with the interaction token redacted, and no token appears anywhere', async () => {
    const fake = await FakeDiscord.start();
    fake.http.handle((r) =>
      r.path.endsWith('/callback')
        ? { status: 404, body: { message: 'Unknown interaction', code: 10062 } }
        : undefined,
    );
    const bot = spawnBot({
      ...DISCORD_ENV,
      DISCORD_API_URL: fake.apiUrl,
      HTTP_PORT: String(await freePort()),
    });
    try {
      await bot.waitForLog('"platform":"discord","msg":"platform started"');
      const id = fake.command('ask', [{ name: 'question', type: 3, value: 'cite Flareon' }]);
      await bot.waitForLog('discord reply not delivered');
      expect(bot.stderr()).toContain(`/interactions/${id}/[redacted]/callback`);
      expect(bot.stderr()).not.toContain(`token-${id}`);
      expect(bot.stderr()).not.toContain(DISCORD_ENV.DISCORD_TOKEN);
    } finally {
      bot.child.kill('SIGKILL');
      await fake.close();
    }
  }, 30_000);

  it('GIVEN Slack Socket Mode at debug level THEN payloads are logged without their response URL, verification token or any configured token', async () => {
    const fake = await FakeSlack.start();
    const env = {
      SLACK_BOT_TOKEN: 'xoxb-debug-token',
      SLACK_APP_TOKEN: 'xapp-debug-token',
      SLACK_API_URL: fake.apiUrl,
    };
    const bot = spawnBot({ ...env, HTTP_PORT: String(await freePort()), LOG_LEVEL: 'debug' });
    try {
      await bot.waitForLog('slack ready');
      const responseUrl = fake.responseUrl('T0000001/1234/hook-secret-0123456789');
      fake.sendOverSocket(
        {
          token: 'verification-token-0123456789',
          command: '/papers',
          text: 'cite Flareon',
          user_id: 'UASKER01',
          channel_id: 'CSOCK001',
          team_id: 'T0000001',
          response_url: responseUrl,
          trigger_id: 't1',
        },
        'slash_commands',
      );
      await fake.http.waitFor((r) => r.path.startsWith('/respond/'));
      await bot.waitForLog('Received a message on the WebSocket');
      const log = bot.stderr();
      for (const secret of [
        'hook-secret-0123456789',
        'verification-token-0123456789',
        ...Object.values(env).slice(0, 2),
      ])
        expect(log).not.toContain(secret);
    } finally {
      bot.child.kill('SIGKILL');
      await fake.close();
    }
  }, 30_000);
});
