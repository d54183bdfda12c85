import { z } from 'zod';
import type { Answer } from '../answer/answer.js';
import type { Library } from '../answer/library.js';
import { nameKey, nameWords } from '../people/name-key.js';

/**
 * The format of `shared/examples/*.json`: papers are numbered 1-N in listing
 * order. Strict: a check this checker does not know is an error, never a
 * silent pass.
 */
export const ExampleCaseSchema = z.strictObject({
  q: z.string(),
  set: z.array(z.number().int().positive()).optional(),
  first: z.number().int().positive().optional(),
  top: z.array(z.number().int().positive()).optional(),
  count: z.number().int().nonnegative().optional(),
  empty: z.boolean().optional(),
  people_top: z.string().optional(),
  people_has: z.array(z.string()).optional(),
  /** The answer's groups, key → count, exactly. */
  groups: z.record(z.string(), z.number().int().nonnegative()).optional(),
});

export const ExampleFileSchema = z.strictObject({
  about: z.string().optional(),
  today: z.iso.date(),
  cases: z.array(ExampleCaseSchema),
});

/** How the checker tells papers and people apart. */
export interface ExampleKeys {
  /** 1-based listing position of a paper id. */
  numberOf: (id: string) => number;
  /** One key per person, so spellings of one person compare equal. */
  personKey: (name: string) => string;
}

export type ExampleCase = z.infer<typeof ExampleCaseSchema>;

/**
 * Checks one answer against what the example says a right answer holds.
 * Returns the failed checks (empty when the answer passes). `numberOf` maps a
 * paper id to its 1-based position in the listing.
 */
export function checkAnswer(
  answer: Answer,
  expected: ExampleCase,
  { numberOf, personKey }: ExampleKeys,
): string[] {
  const got = answer.papers.map((paper) => numberOf(paper.id));
  const failures: string[] = [];
  const same = (a: number[], b: number[]) => a.length === b.length && a.every((n) => b.includes(n));
  if (expected.set && !same([...new Set(got)], expected.set)) {
    failures.push(`set: expected [${expected.set}] got [${got}]`);
  }
  if (expected.first !== undefined && got[0] !== expected.first) {
    failures.push(`first: expected ${expected.first} got ${got[0] ?? 'nothing'}`);
  }
  if (expected.top) {
    const window = got.slice(0, expected.top.length + 2);
    const missing = expected.top.filter((n) => !window.includes(n));
    if (missing.length > 0)
      failures.push(`top: [${missing}] not in first ${window.length}: [${window}]`);
  }
  if (expected.count !== undefined && answer.count !== expected.count) {
    failures.push(`count: expected ${expected.count} got ${answer.count ?? 'none'}`);
  }
  if (expected.empty && got.length > 0) failures.push(`empty: got [${got}]`);
  const people = (answer.people ?? []).map((person) => person.name);
  const keys = people.map(personKey);
  if (expected.people_top && keys[0] !== personKey(expected.people_top)) {
    failures.push(`people_top: expected ${expected.people_top} got ${people[0] ?? 'nobody'}`);
  }
  for (const name of expected.people_has ?? []) {
    if (!keys.includes(personKey(name))) failures.push(`people_has: ${name} missing`);
  }
  if (expected.groups) {
    const got = Object.fromEntries((answer.groups ?? []).map((g) => [g.key, g.count]));
    const want = expected.groups;
    const same =
      Object.keys(got).length === Object.keys(want).length &&
      Object.entries(want).every(([key, count]) => got[key] === count);
    if (!same) failures.push(`groups: expected ${JSON.stringify(want)} got ${JSON.stringify(got)}`);
  }
  return failures;
}

/** Papers numbered in corpus order, people by identity (any spelling the corpus knows). */
export function exampleKeys(library: Library): ExampleKeys {
  const numbers = new Map(library.papers.map((paper, index) => [paper.id, index + 1]));
  return {
    numberOf: (id) => numbers.get(id) ?? 0,
    personKey: (name) => {
      const person = library.directory.resolve(name)?.authors;
      return person?.length === 1 ? (person[0]?.id as string) : nameKey(nameWords(name));
    },
  };
}
