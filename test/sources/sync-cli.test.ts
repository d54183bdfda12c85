import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeArxiv } from '../support/fake-arxiv.js';
import { FakeDblp } from '../support/fake-dblp.js';
import { runScript, temporaryDatabase } from '../support/run-script.js';
import { ARXIV_RECORDS, DBLP_PEOPLE, SYNC_CORPUS_DIR } from '../support/source-fixtures.js';

const FOG = 'seeing-through-fog-with-event-cameras';

describe('npm run corpus -- sync, as a real process against local arXiv and DBLP', () => {
  const arxiv = new FakeArxiv(ARXIV_RECORDS);
  const dblp = new FakeDblp(DBLP_PEOPLE);

  beforeAll(async () => {
    await Promise.all([arxiv.start(), dblp.start()]);
  });
  afterAll(async () => {
    await Promise.all([arxiv.close(), dblp.close()]);
  });

  const installation = () => ({
    CORPUS_DIR: SYNC_CORPUS_DIR,
    DATABASE_URL: temporaryDatabase(),
    ARXIV_API_URL: arxiv.apiUrl,
    DBLP_API_URL: dblp.apiUrl,
    DBLP_PIDS: '71/4882',
    SOURCES_CONTACT: 'mailto:lab@example.org',
  });
  const corpusJson = async (env: Record<string, string>) => {
    const result = await runScript('src/cli/corpus.ts', ['--json'], { env });
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout) as Array<Record<string, unknown>>;
  };

  it('GIVEN --dry-run --json THEN one JSON change per line, polite requests, and nothing applied', async () => {
    const env = installation();
    const result = await runScript('src/cli/corpus.ts', ['sync', '--dry-run', '--json'], { env });
    expect(result.code).toBe(0);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toEqual([
      {
        paperId: FOG,
        title: 'Seeing Through Fog with Event Cameras',
        field: 'authors',
        before: ['Ana Ruiz', 'Xitong Gao', 'Bo Li'],
        after: ['Ana Ruiz', 'Xitong Gao', 'Bo Li', 'Chen Wu', 'Dana Müller'],
      },
      {
        paperId: FOG,
        title: 'Seeing Through Fog with Event Cameras',
        field: 'venue',
        before: null,
        after: 'NeurIPS 2025',
      },
    ]);
    expect(result.stderr.trim()).toBe(
      'sync: arXiv ok, DBLP ok (1 person); 2 changes to 1 paper found (dry run: nothing applied)',
    );
    for (const request of [arxiv.queries().at(-1), dblp.server.requests.at(-1)])
      expect(request?.headers['user-agent']).toMatch(
        /^pubbot\/\S+ \(\+mailto:lab@example\.org\)$/u,
      );
    const fog = (await corpusJson(env)).find((paper) => paper.id === FOG);
    expect(fog).toMatchObject({ venue: null, authorsTruncated: true });
  });

  it('GIVEN sync THEN the changes as lines, and corpus --json afterwards shows the learned venue and authors', async () => {
    const env = installation();
    const result = await runScript('src/cli/corpus.ts', ['sync'], { env });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      `${FOG}  authors: Ana Ruiz, Xitong Gao, Bo Li → Ana Ruiz, Xitong Gao, Bo Li, Chen Wu, Dana Müller\n` +
        `${FOG}  venue: (none) → NeurIPS 2025\n`,
    );
    const fog = (await corpusJson(env)).find((paper) => paper.id === FOG);
    expect(fog).toMatchObject({
      venue: 'NeurIPS 2025',
      authorsTruncated: false,
      authors: ['Ana Ruiz', 'Xitong Gao', 'Bo Li', 'Chen Wu', 'Dana Müller'],
      sources: expect.arrayContaining([`${dblp.apiUrl}/rec/conf/nips/RuizGLWM25`]),
    });
    const again = await runScript('src/cli/corpus.ts', ['sync'], { env });
    expect(again.stdout).toBe('');
    expect(again.stderr).toMatch(/; 0 changes to 0 papers applied\n$/u);
  });

  it('GIVEN DBLP answering garbage THEN exit 1 with one line naming it, and only what arXiv said is applied', async () => {
    const env = installation();
    const remove = dblp.server.handle(() => ({ status: 200, body: '<dblpperson><r><article>' }));
    const result = await runScript('src/cli/corpus.ts', ['sync'], { env });
    remove();
    expect(result.code).toBe(1);
    const failure = result.stderr.split('\n').filter((line) => line.startsWith('pubbot:'));
    expect(failure).toEqual([
      expect.stringMatching(
        /^pubbot: sync: DBLP failed, nothing from it was applied: DBLP page is not well-formed XML: .* \[DBLP_MALFORMED\]$/u,
      ),
    ]);
    const fog = (await corpusJson(env)).find((paper) => paper.id === FOG);
    expect(fog).toMatchObject({ venue: null, authorsTruncated: false });
  });

  it('GIVEN --help THEN the commands; GIVEN a wrong combination THEN a usage error', async () => {
    const help = await runScript('src/cli/corpus.ts', ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/npm run corpus -- sync \[--dry-run\] \[--json\]/u);
    const wrong = await runScript('src/cli/corpus.ts', ['sync', '--ids']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe('pubbot: --ids does not go with sync\n');
  });
});
