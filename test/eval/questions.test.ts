import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkAnswer, ExampleFileSchema, exampleKeys } from '../../src/eval/example-questions.js';
import { bundled } from '../support/corpus.js';

const files = {
  'the shared examples': 'test/fixtures/example-questions.json',
  'our held-out questions': 'test/fixtures/held-out-questions.json',
};

describe.each(Object.entries(files))('%s', (_name, file) => {
  const examples = ExampleFileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  const keys = exampleKeys(bundled().core.library);

  it.each(examples.cases.map((example) => [example.q, example] as const))(
    'GIVEN "%s" THEN the answer holds what it must',
    (_q, example) => {
      const answer = bundled().core.ask(example.q, { today: examples.today, limit: 1000 });
      expect(checkAnswer(answer, example, keys)).toEqual([]);
    },
  );
});
