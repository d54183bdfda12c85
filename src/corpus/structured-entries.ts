import { z } from 'zod';
import { ARXIV_ID, withoutVersion } from './arxiv-id.js';
import type { CorpusProblem } from './paper.js';

/**
 * A paper described by hand as JSON (`corpus/*.json`): either an array of
 * entries or `{ "papers": [...] }`. An entry whose title matches a listed
 * paper adds what the listing lacks (arXiv id, full author list, venue, the
 * pages the facts came from); any other entry is a new paper and must also
 * give `authors`, `published` and `category`.
 */
export const StructuredEntrySchema = z.object({
  title: z.string().trim().min(1),
  authors: z.array(z.string().trim().min(1)).min(1).optional(),
  authorsTruncated: z.boolean().default(false),
  published: z.iso.date().optional(),
  category: z.string().trim().min(2).optional(),
  abstract: z.string().trim().default(''),
  url: z.url().optional(),
  pdfUrl: z.url().optional(),
  arxivId: z
    .string()
    .trim()
    .regex(ARXIV_ID, 'expected an arXiv id such as 2303.15127 or cs/0112017')
    .transform(withoutVersion)
    .optional(),
  /** `null` says what an absent venue says: no venue is known (a preprint). */
  venue: z
    .string()
    .trim()
    .min(1)
    .nullish()
    .transform((venue) => venue ?? undefined),
  codeUrl: z.url().optional(),
  hasCode: z.boolean().optional(),
  aliases: z.array(z.string().trim().min(1)).default([]),
  sources: z.array(z.string().trim().min(1)).default([]),
});

export type StructuredEntry = z.infer<typeof StructuredEntrySchema> & { line: number };

const FileSchema = z.union([
  z.array(z.unknown()),
  z.object({ papers: z.array(z.unknown()) }).transform((file) => file.papers),
]);

export interface StructuredParse {
  entries: StructuredEntry[];
  problems: CorpusProblem[];
}

export function parseStructuredEntries(text: string, file: string): StructuredParse {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return {
      entries: [],
      problems: [{ file, line: 1, message: `not valid JSON: ${errorText(error)}` }],
    };
  }
  const items = FileSchema.safeParse(raw);
  if (!items.success) {
    return {
      entries: [],
      problems: [{ file, line: 1, message: 'expected an array of papers or { "papers": [...] }' }],
    };
  }
  const lines = elementLines(text);
  const entries: StructuredEntry[] = [];
  const problems: CorpusProblem[] = [];
  items.data.forEach((item, index) => {
    const line = lines[index] ?? 1;
    const parsed = StructuredEntrySchema.safeParse(item);
    if (parsed.success) {
      entries.push({ ...parsed.data, line });
    } else {
      const issue = parsed.error.issues[0];
      const where = issue?.path.join('.') || 'entry';
      problems.push({ file, line, message: `${where}: ${issue?.message ?? 'invalid entry'}` });
    }
  });
  return { entries, problems };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Line numbers where each element of the papers array starts, so a bad entry
 * can be reported as `file:line` like a bad listing entry. A tiny scanner is
 * enough: JSON has no comments, and strings are the only place brackets hide.
 */
function elementLines(text: string): number[] {
  const starts: number[] = [];
  let line = 1;
  let depth = 0;
  let arrayDepth = -1;
  let inString = false;
  let escaped = false;
  let expectElement = false;
  for (const ch of text) {
    if (ch === '\n') line++;
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === '\\') escaped = true;
      else if (ch === '"') inString = false;
      continue;
    }
    if (/\s/u.test(ch)) continue;
    if (expectElement && ch !== ']') {
      starts.push(line);
      expectElement = false;
    }
    if (ch === '"') inString = true;
    else if (ch === '[' || ch === '{') {
      depth++;
      if (ch === '[' && arrayDepth === -1) {
        arrayDepth = depth;
        expectElement = true;
      }
    } else if (ch === ']' || ch === '}') depth--;
    else if (ch === ',' && depth === arrayDepth) expectElement = true;
  }
  return starts;
}
