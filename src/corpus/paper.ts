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
  /** The paper's landing page: its arXiv abstract page when the arXiv id is known. */
  url: z.url().optional(),
  pdfUrl: z.url().optional(),
  /** arXiv identifier without a version suffix, e.g. `2303.15127`. */
  arxivId: z.string().optional(),
  /** Where it was published ("NeurIPS 2022"); absent for a preprint or where unknown. */
  venue: z.string().min(1).optional(),
  /** Public pages the metadata (ids, authors, venue) was read from. */
  sources: z.array(z.string()),
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
