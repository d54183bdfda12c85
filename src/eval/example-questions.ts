import { z } from 'zod';
import type { Answer } from '../answer/answer.js';

/** The format of `shared/examples/questions.json`: papers are numbered 1-N in listing order. */
export const ExampleCaseSchema = z.object({
  q: z.string(),
  set: z.array(z.number().int().positive()).optional(),
  first: z.number().int().positive().optional(),
  top: z.array(z.number().int().positive()).optional(),
  count: z.number().int().nonnegative().optional(),
  empty: z.boolean().optional(),
  people_top: z.string().optional(),
  people_has: z.array(z.string()).optional(),
});

export const ExampleFileSchema = z.object({
  today: z.iso.date(),
  cases: z.array(ExampleCaseSchema),
});

export type ExampleCase = z.infer<typeof ExampleCaseSchema>;

/**
 * Checks one answer against what the example says a right answer holds.
 * Returns the failed checks (empty when the answer passes). `numberOf` maps a
 * paper id to its 1-based position in the listing.
 */
export function checkAnswer(
  answer: Answer,
  expected: ExampleCase,
  numberOf: (id: string) => number,
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
  if (expected.people_top && people[0] !== expected.people_top) {
    failures.push(`people_top: expected ${expected.people_top} got ${people[0] ?? 'nobody'}`);
  }
  for (const name of expected.people_has ?? []) {
    if (!people.includes(name)) failures.push(`people_has: ${name} missing`);
  }
  return failures;
}
