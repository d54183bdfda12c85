import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Answer } from '../../src/answer/answer.js';
import { layoutAnswer } from '../../src/conversation/layout-answer.js';
import { replyText } from '../../src/conversation/reply-text.js';
import { type Core, createCore } from '../../src/core.js';
import { buildCorpus } from '../../src/corpus/load-corpus.js';
import type { Paper } from '../../src/corpus/paper.js';
import type { Identity } from '../../src/people/identities.js';

export const LISTING_PATH = fileURLToPath(
  new URL('../../corpus/publications.txt', import.meta.url),
);
export const LISTING_TEXT = readFileSync(LISTING_PATH, 'utf8');
export const METADATA_PATH = fileURLToPath(new URL('../../corpus/papers.json', import.meta.url));
export const METADATA_TEXT = readFileSync(METADATA_PATH, 'utf8');

/** The example questions' clock, so relative dates in tests never drift. */
export const TODAY = '2026-11-25';

let cached: { papers: Paper[]; people: Identity[]; core: Core } | undefined;

/** The bundled 25-paper corpus (listing and metadata) and a core over it, built once per test file. */
export function bundled(): { papers: Paper[]; people: Identity[]; core: Core } {
  if (!cached) {
    const corpus = buildCorpus([
      { name: 'corpus/papers.json', text: METADATA_TEXT },
      { name: 'corpus/publications.txt', text: LISTING_TEXT },
    ]);
    if (corpus.problems.length > 0)
      throw new Error(`bundled corpus has problems: ${JSON.stringify(corpus.problems)}`);
    cached = { papers: corpus.papers, people: corpus.people, core: createCore(corpus) };
  }
  return cached;
}

/** Paper by its 1-based position in the listing, as the example questions number them. */
export function paperNumber(n: number): Paper {
  const paper = bundled().papers[n - 1];
  if (!paper) throw new Error(`no paper number ${n}`);
  return paper;
}

/** 1-based listing numbers of the papers an answer lists. */
export function numbersOf(papers: readonly Paper[]): number[] {
  const ids = bundled().papers.map((paper) => paper.id);
  return papers.map((paper) => ids.indexOf(paper.id) + 1);
}

/** An answer as the shell and every plain-text fallback show it: laid out once, then as text. */
export function answerText(answer: Answer): string {
  return replyText(layoutAnswer(answer));
}
