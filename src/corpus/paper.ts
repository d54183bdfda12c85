import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date (YYYY-MM-DD)');

/** One publication, as every other part of pubbot sees it. */
export const PaperSchema = z.object({
  /** Stable slug derived from the title; survives re-parsing and reordering. */
  id: z.string().min(1),
  title: z.string().min(1),
  authors: z.array(z.string().min(1)).min(1),
  /** The source listed only the first authors and then "et al.". */
  authorsTruncated: z.boolean(),
  published: isoDate,
  /** Full arXiv identifier, e.g. `cs.LG`. */
  category: z.string().min(1),
  categoryName: z.string().min(1),
  hasCode: z.boolean(),
  codeUrl: z.url().optional(),
  url: z.url().optional(),
  arxivId: z.string().optional(),
  abstract: z.string(),
  /** Method or system names the paper introduces (UEraser, MORA, HeteroLoRA …). */
  aliases: z.array(z.string()),
  /** Where the entry came from, as `file:line`, for error messages and provenance. */
  source: z.string(),
});

export type Paper = z.infer<typeof PaperSchema>;

/** A problem found while loading the corpus; the entry it names was skipped. */
export interface CorpusProblem {
  file: string;
  line: number;
  message: string;
}

export function formatProblem(problem: CorpusProblem): string {
  return `${problem.file}:${problem.line}: ${problem.message}`;
}
