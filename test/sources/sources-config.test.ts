import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('configuration of the public sources', () => {
  it('GIVEN nothing set THEN the public APIs, no DBLP people, no contact, and no sync on cycles', () => {
    expect(loadConfig({}).sources).toEqual({
      arxivApiUrl: 'https://export.arxiv.org/api/query',
      dblpApiUrl: 'https://dblp.org',
      dblpPids: [],
      syncOnCycle: false,
    });
  });

  it('GIVEN the variables THEN a pid list, the URLs, the contact and the switch', () => {
    expect(
      loadConfig({
        DBLP_PIDS: ' 71/4882, 181/2784-1 ,,',
        DBLP_API_URL: 'http://127.0.0.1:9000',
        ARXIV_API_URL: 'http://127.0.0.1:9001/api/query',
        SOURCES_CONTACT: 'mailto:lab@example.org',
        SYNC_ON_CYCLE: 'On',
      }).sources,
    ).toEqual({
      arxivApiUrl: 'http://127.0.0.1:9001/api/query',
      dblpApiUrl: 'http://127.0.0.1:9000',
      dblpPids: ['71/4882', '181/2784-1'],
      contact: 'mailto:lab@example.org',
      syncOnCycle: true,
    });
  });

  it.each([
    [
      { DBLP_PIDS: '71/4882, https://dblp.org/pid/1/2.html' },
      'DBLP_PIDS: “https://dblp.org/pid/1/2.html” is not a DBLP person id such as 71/4882 (the part after dblp.org/pid/)',
    ],
    [{ DBLP_API_URL: 'dblp.org' }, 'DBLP_API_URL: must be an http(s) URL'],
    [{ SYNC_ON_CYCLE: 'sometimes' }, 'SYNC_ON_CYCLE: must be on or off (true/false, 1/0)'],
    [
      { SOURCES_CONTACT: 'Lab (lab@example.org)' },
      'SOURCES_CONTACT: must be an e-mail address or URL without spaces or parentheses, e.g. mailto:lab@example.org',
    ],
  ])('GIVEN %o THEN one line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(new ConfigError(message));
  });
});
