import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { runScript } from '../support/run-script.js';

describe('command-line tools, run as real processes', () => {
  it('GIVEN `ask --json` THEN stdout is one JSON answer with the documented fields', async () => {
    const result = await runScript('src/cli/ask.ts', [
      '--json',
      '--today',
      '2026-11-25',
      'papers by Yiren Zhao in 2019',
    ]);
    expect(result.code).toBe(0);
    const answer = JSON.parse(result.stdout);
    expect(answer).toMatchObject({ total: 4, shape: 'list' });
    expect(Object.keys(answer.papers[0])).toEqual(
      expect.arrayContaining([
        'id',
        'title',
        'authors',
        'authorsTruncated',
        'published',
        'category',
        'hasCode',
        'codeUrl',
        'aliases',
      ]),
    );
    expect(answer.text).toMatch(/^4 papers by Yiren Zhao in 2019/u);
  });

  it('GIVEN `ask --chart FILE --json` THEN a PNG of at least 600×300 is written and the JSON keeps its groups', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'pubbot-chart-')), 'per-year.png');
    const result = await runScript('src/cli/ask.ts', [
      '--json',
      '--chart',
      file,
      '--today',
      '2026-11-25',
      'papers per year',
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).groups).toContainEqual({ key: '2025', count: 7 });
    const png = PNG.sync.read(readFileSync(file));
    expect(png.width).toBeGreaterThanOrEqual(600);
    expect(png.height).toBeGreaterThanOrEqual(300);
    expect(result.stderr).toMatch(/2025: 7/u);
    const none = await runScript('src/cli/ask.ts', ['--chart', file, 'latest on backdoors']);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/has no chart/u);
  });

  it('GIVEN `ask --batch --json` THEN one JSON object per input line', async () => {
    const input = 'how many papers in 2024?\nwho does Tianrui Qin work with?\n';
    const result = await runScript(
      'src/cli/ask.ts',
      ['--batch', '--json', '--today', '2026-11-25'],
      { input },
    );
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((a) => a.question)).toEqual([
      'how many papers in 2024?',
      'who does Tianrui Qin work with?',
    ]);
    expect(lines[0].count).toBe(4);
    expect(lines[1].people[0]).toEqual({ id: 'xitong-gao', name: 'Xitong Gao', papers: 5 });
  });

  it('GIVEN bad arguments THEN a one-line usage error and exit code 2', async () => {
    const result = await runScript('src/cli/ask.ts', ['--limit', 'zero', 'x']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(
      'pubbot: --limit must be a positive whole number, got "zero"',
    );
  });

  it('GIVEN a bad environment variable THEN it is named in one line and exit code 2', async () => {
    const result = await runScript('src/cli/ask.ts', ['x'], { env: { LOG_LEVEL: 'loud' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^pubbot: LOG_LEVEL: /u);
    expect(result.stderr).not.toMatch(/\n\s+at /u);
  });

  it.each([
    ['src/main.ts', /^usage: npm start\n/u],
    ['src/cli/ask.ts', /^usage: npm run ask -- /u],
    ['src/cli/corpus.ts', /^usage: npm run corpus -- /u],
    ['src/cli/announce.ts', /^usage: npm run announce -- --once/u],
    ['src/cli/eval.ts', /^usage: npm run eval -- /u],
  ])('GIVEN `%s --help` THEN its usage on stdout and exit code 0', async (script, usage) => {
    const result = await runScript(script, ['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(usage);
  });

  it('GIVEN `corpus --json` THEN every paper with its abstract', async () => {
    const result = await runScript('src/cli/corpus.ts', ['--json']);
    const papers = JSON.parse(result.stdout);
    expect(papers).toHaveLength(25);
    expect(papers[0]).toMatchObject({
      aliases: ['UEraser'],
      abstract: expect.stringMatching(/^Unlearnable example attacks/u),
    });
  });

  it('GIVEN piped questions to the start entry point THEN each is answered and it exits at end of input', async () => {
    const result = await runScript('src/main.ts', [], {
      input: 'latest on backdoors\n\nwhat is Tomato?\n',
    });
    expect(result.code).toBe(0);
    const [first, second] = result.stdout.split('\n\n');
    expect(first).toMatch(
      /^3 papers about “backdoors”, newest first:\n1\. Poison Once, Control Anywhere/u,
    );
    expect(second).toMatch(
      /^Automatic Generation of Multi-precision Multi-arithmetic CNN Accelerators for FPGAs\n/u,
    );
  });

  it('GIVEN `eval` THEN the last line is the score on the shared examples', async () => {
    const result = await runScript('src/cli/eval.ts', [
      '--file',
      'test/fixtures/example-questions.json',
    ]);
    expect(result.stdout.trim().split('\n').at(-1)).toBe('eval: 30/30 passed');
  });
});

describe('npm run announce -- --once, as a real process', () => {
  function installation() {
    const dir = mkdtempSync(join(tmpdir(), 'pubbot-cli-announce-'));
    const corpus = join(dir, 'corpus');
    mkdirSync(corpus);
    copyFileSync('corpus/publications.txt', join(corpus, 'publications.txt'));
    copyFileSync('corpus/.announced', join(corpus, '.announced'));
    const env = {
      CORPUS_DIR: corpus,
      DATABASE_URL: `sqlite:${join(dir, 'data', 'pubbot.db')}`,
      ANNOUNCE_CHANNELS: 'shell:local',
    };
    const addPaper = () =>
      writeFileSync(
        join(corpus, 'new.txt'),
        'CVNov 21, 2026\nSeeing Through Fog with Event CamerasAna Ruiz, Xitong Gao et al.\nWe present FogSight, a method.\n',
      );
    return { env, addPaper };
  }

  it('GIVEN a paper file added to a fresh installation THEN two runs print it exactly once', async () => {
    const { env, addPaper } = installation();
    addPaper();
    const first = await runScript('src/cli/announce.ts', ['--once'], { env });
    const second = await runScript('src/cli/announce.ts', ['--once'], { env });
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(
      [
        '[shell:local] New paper:',
        'Seeing Through Fog with Event Cameras',
        'Authors: Ana Ruiz, Xitong Gao et al.',
        'Published: Nov 2026',
        'Venue: preprint',
        'Category: Computer Vision (cs.CV)',
        'Introduces: FogSight',
        '',
        'We present FogSight, a method.',
        '',
        '',
      ].join('\n'),
    );
    expect(second.stdout).toBe('');
    expect(second.stderr).toMatch(/0 new/u);
  });

  it('GIVEN --dry-run THEN nothing is recorded; GIVEN --json THEN one JSON object per delivery', async () => {
    const { env, addPaper } = installation();
    addPaper();
    const dry = await runScript('src/cli/announce.ts', ['--once', '--dry-run'], { env });
    expect(dry.stdout).toBe(
      'would announce to shell:local: Seeing Through Fog with Event Cameras\n',
    );
    const json = await runScript('src/cli/announce.ts', ['--once', '--json'], { env });
    expect(
      json.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line)),
    ).toEqual([
      {
        channel: 'shell:local',
        paperId: 'seeing-through-fog-with-event-cameras',
        title: 'Seeing Through Fog with Event Cameras',
        status: 'sent',
      },
    ]);
    expect(json.stderr).toContain('[shell:local] New paper:');
  });

  it('GIVEN no --once THEN a usage error', async () => {
    expect((await runScript('src/cli/announce.ts', [])).code).toBe(2);
  });
});
