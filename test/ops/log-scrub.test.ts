import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';

/** A real logger writing JSON lines into memory, told the configured secrets. */
function logger(secrets: string[] = []) {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return {
    log: createLogger({ level: 'debug', pretty: false, destination, secrets }),
    raw: () => chunks.join(''),
  };
}

describe('secrets that travel inside text', () => {
  it('GIVEN a failed Discord callback or webhook edit THEN the interaction token in its URL is redacted, the ids stay', () => {
    const { log, raw } = logger();
    const error = Object.assign(new Error('Unknown interaction'), {
      url: 'https://discord.com/api/v10/interactions/1234567890/aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDp0b2tlbg/callback',
      edit: '/api/v10/webhooks/111111111111111111/aW50ZXJhY3Rpb24tdG9rZW4/messages/@original',
    });
    log.error({ err: error }, 'discord reply not delivered');
    expect(raw()).toContain('/interactions/1234567890/[redacted]/callback');
    expect(raw()).toContain('/webhooks/111111111111111111/[redacted]/messages/@original');
    expect(raw()).not.toContain('aW50ZXJhY3Rpb2');
  });

  it('GIVEN Slack payloads quoted in a message THEN response URLs, token fields and Slack tokens are redacted', () => {
    const { log, raw } = logger();
    const payload = JSON.stringify({
      token: 'verification-0123',
      response_url: 'https://hooks.slack.com/commands/T1/2/secret-hook',
      text: 'help',
    });
    log.debug(`Received a message on the WebSocket: ${payload}`);
    log.warn(
      'posting with xoxb-1234-5678-abcdef failed; see https://hooks.slack.com/services/T1/B2/xyz',
    );
    for (const secret of ['verification-0123', 'secret-hook', 'xoxb-1234-5678-abcdef', 'B2/xyz'])
      expect(raw()).not.toContain(secret);
    expect(raw()).toContain('help');
  });

  it('GIVEN configured secrets THEN they are redacted wherever they turn up, a stack included', () => {
    const { log, raw } = logger(['signing-secret-0123456789']);
    log.error({ err: new Error('bad signature with signing-secret-0123456789') }, 'refused');
    expect(raw()).not.toContain('signing-secret-0123456789');
    expect(raw()).toContain('bad signature with [redacted]');
  });
});
