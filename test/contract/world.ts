import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Announcer } from '../../src/announce/announcer.js';
import { Conversation } from '../../src/conversation/conversation.js';
import { type Core, createCore } from '../../src/core.js';
import { buildCorpus } from '../../src/corpus/load-corpus.js';
import type { Paper } from '../../src/corpus/paper.js';
import { CorpusReloader } from '../../src/reload/corpus-reloader.js';
import { SqliteStore } from '../../src/store/sqlite-store.js';
import { LISTING_TEXT, METADATA_TEXT, TODAY } from '../support/corpus.js';
import { memoryLogger } from '../support/memory-logger.js';

/** Corpus text written to break renderers: mention and broadcast syntax, markdown, fake links. */
const HOSTILE_PAPER = {
  title: 'Hijack @everyone <!channel> <@&123456789012345678> **now** [click](https://evil.example)',
  authors: ['Mallory <@999999999999999999>', 'Eve @here', 'Trent <!here>'],
  published: '2026-02-01',
  category: 'cs.CR',
  abstract:
    '@everyone <!channel> # Heading\n> quote <https://evil.example|a link> & ||spoiler|| \u001b[2J\u0007',
  url: 'https://example.org/hijack',
};

/** A paper far larger than any message: a long title, forty authors, a huge abstract. */
const HUGE_PAPER = {
  title: `Loremzilla: A Study ${'about very many long things '.repeat(10)}`.trim(),
  authors: Array.from({ length: 40 }, (_, i) => `Author${i} Lorem`),
  published: '2026-03-01',
  category: 'cs.LG',
  abstract: `We introduce Loremzilla, a method. ${'Lorem ipsum dolor sit amet. '.repeat(1500)}`,
  url: 'https://example.org/lorem',
};

/** Forty more lorem papers, so a list can be longer than any message holds. */
const LOREM_PAPERS = Array.from({ length: 40 }, (_, i) => ({
  title: `Lorem Survey ${i}: ${'a long descriptive title about many things '.repeat(5)}`.trim(),
  authors: Array.from({ length: 12 }, (_, j) => `Writer${j} Ipsum${i}`),
  published: '2025-05-05',
  category: 'cs.LG',
  abstract: 'Lorem ipsum dolor sit amet, consectetur adipiscing. '.repeat(60),
  url: `https://example.org/lorem-${i}`,
}));

/** Papers of one month, so "last month" reads differently on either side of midnight. */
const MONTH_PAPERS = [
  ...Array.from({ length: 12 }, (_, i) => ['2026-10', i] as const),
  ...Array.from({ length: 3 }, (_, i) => ['2026-11', i] as const),
].map(([month, i]) => ({
  title: `Monthly Report ${month}-${String(i + 1).padStart(2, '0')} Issue`,
  authors: ['Ana Ruiz'],
  published: `${month}-${String(i + 1).padStart(2, '0')}`,
  category: 'cs.LG',
  abstract: 'A short monthly report.',
  url: `https://example.org/report-${month}-${i}`,
}));

/**
 * What every platform under contract talks to: the bundled corpus plus
 * hostile and huge papers, a real store file, the real funnel with the real
 * announcement service behind it, a clock the test sets, and the log.
 */
export interface World {
  core: Core;
  papers: Paper[];
  store: SqliteStore;
  conversation: Conversation;
  log: ReturnType<typeof memoryLogger>;
  /** The moment the conversation answers at. */
  now: Date;
  /** From now on the core fails on every question, as a bug would. */
  breakCore(): void;
  close(): Promise<void>;
}

export function createWorld(): World {
  const corpus = buildCorpus([
    { name: 'corpus/papers.json', text: METADATA_TEXT },
    { name: 'corpus/publications.txt', text: LISTING_TEXT },
    {
      name: 'corpus/contract.json',
      text: JSON.stringify([HOSTILE_PAPER, HUGE_PAPER, ...LOREM_PAPERS, ...MONTH_PAPERS]),
    },
  ]);
  const core = createCore(corpus);
  const log = memoryLogger();
  const store = new SqliteStore(join(mkdtempSync(join(tmpdir(), 'pubbot-contract-')), 'pubbot.db'));
  const reloader = new CorpusReloader({ corpusDir: 'corpus', logger: log.logger }, core);
  const announcer = new Announcer({
    store,
    corpusDir: 'corpus',
    reloader,
    platformFor: () => undefined,
    logger: log.logger,
  });
  let current = core;
  const world: World = {
    core,
    papers: corpus.papers,
    store,
    log,
    now: new Date(`${TODAY}T12:00:00Z`),
    conversation: new Conversation({
      core: () => current,
      store,
      logger: log.logger,
      subscriptions: announcer,
      clock: () => world.now,
    }),
    breakCore() {
      current = {
        ...core,
        answer: () => {
          throw new Error('index exploded');
        },
      };
    },
    close: () => store.close(),
  };
  return world;
}
