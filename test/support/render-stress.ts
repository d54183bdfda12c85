import { EXAMPLE_QUESTIONS } from '../../src/answer/help.js';
import { type Core, createCore } from '../../src/core.js';
import { buildCorpus } from '../../src/corpus/load-corpus.js';
import { LISTING_TEXT } from './corpus.js';

const lorem = (n: number) =>
  'Lorem ipsum <!channel> dolor sit amet & *more* _markdown_ @everyone. '.repeat(n);

/**
 * The real corpus plus 60 papers built to break renderers: long titles with
 * markup and mention syntax, 30–40 authors, huge abstracts, odd URLs.
 */
export function stressCore(): Core {
  const stress = Array.from({ length: 60 }, (_, i) => ({
    title:
      `Lorem & <study> ${i}: ${'a long descriptive title about **many** things '.repeat(8)}`.trim(),
    authors: Array.from(
      { length: 30 + (i % 11) },
      (_, j) => `Author${String.fromCharCode(65 + (j % 26))} Person${i}x${j}`,
    ),
    published: `2025-01-${String((i % 28) + 1).padStart(2, '0')}`,
    category: 'cs.LG',
    abstract: lorem(300),
    url: `https://example.org/${i}?a=1|2(3)`,
    codeUrl: `https://github.com/example/repo${i}`,
  }));
  const { papers } = buildCorpus([
    { name: 'publications.txt', text: LISTING_TEXT },
    { name: 'stress.json', text: JSON.stringify(stress) },
  ]);
  return createCore(papers);
}

/** Every answer shape, on ordinary and on oversized content. */
export const RENDER_QUESTIONS = [
  ...EXAMPLE_QUESTIONS,
  'cite papers from 2025',
  'papers about lorem',
  'what is Lorem study 3',
  'who does AuthorA Person1x0 work with?',
  'help',
  'cite',
  'papers by Nobody Person',
  'x'.repeat(900),
];

/** Each question at several page sizes, labelled for test names. */
export function renderCases(limits: number[]): Array<readonly [string, number, string]> {
  return RENDER_QUESTIONS.flatMap((q) =>
    limits.map((limit) => [q.slice(0, 40), limit, q] as const),
  );
}
