import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QuerySchema } from '../../src/query/query.js';
import { MAX_QUESTION_LENGTH } from '../../src/query/question-text.js';
import { answerText, bundled, TODAY } from '../support/corpus.js';

const words = fc.constantFrom(
  'papers',
  'by',
  'Yiren',
  'Zhao',
  'in',
  '2019',
  'since',
  'between',
  'and',
  'latest',
  'how',
  'many',
  'who',
  'does',
  'work',
  'with',
  'cite',
  'code',
  'cs.CR',
  'March',
  '2025',
  'backdoors',
  'what',
  'is',
  'UEraser',
  '"',
  '(',
  ')',
  '*',
  '?',
  '$',
  '\\',
  '@everyone',
  '<!channel>',
  '‮',
  '😀',
  '\u0000',
  'ß',
);
/** Text that looks like questions, so the recognisers are exercised, not just skipped. */
const questionish = fc.array(words, { maxLength: 20 }).map((parts) => parts.join(' '));
const anyText = fc.oneof(
  fc.string({ maxLength: 600 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  questionish,
);

describe('parseQuery and ask on arbitrary text', () => {
  const { core } = bundled();

  it('GIVEN any string THEN parsing never throws and yields a schema-valid query', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const query = core.parse(text, { today: TODAY });
        expect(QuerySchema.safeParse(query).success).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });

  it('GIVEN any string THEN ask answers with text and never more papers than the limit', () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 1, max: 30 }), (text, limit) => {
        const answer = core.ask(text, { today: TODAY, limit });
        expect(answerText(answer).length).toBeGreaterThan(0);
        expect(answer.papers.length).toBeLessThanOrEqual(limit);
        expect(answer.total).toBeGreaterThanOrEqual(answer.papers.length);
      }),
      { numRuns: 500 },
    );
  });

  it('GIVEN text longer than the cap THEN the answer is always a refusal', () => {
    fc.assert(
      fc.property(fc.string({ minLength: MAX_QUESTION_LENGTH + 1, maxLength: 5000 }), (text) => {
        expect(core.ask(text).shape).toBe('refusal');
      }),
      { numRuns: 50 },
    );
  });
});
