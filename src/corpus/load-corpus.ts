import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { truncate } from '../text/truncate.js';
import { buildPaper, type PaperFacts, wordDocumentFrequency } from './build-paper.js';
import { type MergeInput, mergePapers } from './merge-papers.js';
import { type CorpusProblem, type Paper, PaperSchema } from './paper.js';
import { listedCoauthorNames, parseListing } from './parse-listing.js';
import { titleKey } from './slug.js';
import { parseStructuredEntries } from './structured-entries.js';

/** Longer abstracts are cut (and reported): no real abstract comes close, and huge ones slow every search. */
export const MAX_ABSTRACT_LENGTH = 20_000;
/** Longer "titles" are a byline that failed to split, or not a paper at all. */
export const MAX_TITLE_LENGTH = 1_000;

export interface Corpus {
  papers: Paper[];
  problems: CorpusProblem[];
}

export interface SourceFile {
  name: string;
  text: string;
}

/**
 * Loads every listing (`*.txt`) and structured (`*.json`) file in a folder, in
 * name order. Files are decoded leniently so a bad byte costs one entry, not
 * the file.
 */
export async function loadCorpusDir(
  dir: string,
  learned: readonly PaperFacts[] = [],
): Promise<Corpus> {
  return buildCorpus(await readCorpusFiles(dir), learned);
}

export async function readCorpusFiles(dir: string): Promise<SourceFile[]> {
  const names = (await readdir(dir)).filter((name) => /\.(txt|json)$/u.test(name)).sort();
  const decoder = new TextDecoder('utf-8');
  return Promise.all(
    names.map(async (name) => ({
      name: relative(process.cwd(), join(dir, name)) || name,
      text: decoder.decode(await readFile(join(dir, name))),
    })),
  );
}

/**
 * Parses and merges in-memory source files, plus papers learned from feeds
 * (which enrich a listed paper with the same title, or add a new one); the
 * pure heart of loadCorpusDir.
 */
export function buildCorpus(
  files: readonly SourceFile[],
  learned: readonly PaperFacts[] = [],
): Corpus {
  const listings = files.filter((f) => f.name.endsWith('.txt'));
  const knownNames = new Set(listings.flatMap((f) => [...listedCoauthorNames(f.text)]));
  const problems: CorpusProblem[] = [];
  const facts: Array<{ facts: PaperFacts; kind: MergeInput['kind']; file: string; line: number }> =
    [];

  for (const file of files) {
    if (file.name.endsWith('.txt')) {
      const parsed = parseListing(file.text, file.name, knownNames);
      problems.push(...parsed.problems);
      for (const entry of parsed.entries) {
        const source = `${file.name}:${entry.line}`;
        facts.push({
          facts: { ...entry, source },
          kind: 'primary',
          file: file.name,
          line: entry.line,
        });
      }
    } else {
      const parsed = parseStructuredEntries(file.text, file.name);
      problems.push(...parsed.problems);
      for (const { line, category, ...entry } of parsed.entries) {
        const source = `${file.name}:${line}`;
        facts.push({
          facts: { ...entry, categoryCode: category, source },
          kind: 'enrichment',
          file: file.name,
          line,
        });
      }
    }
  }

  for (const paperFacts of learned) {
    facts.push({ facts: paperFacts, kind: 'enrichment', file: paperFacts.source, line: 0 });
  }

  for (const entry of facts) {
    const { facts: paper, file, line } = entry;
    if (paper.abstract.length > MAX_ABSTRACT_LENGTH) {
      problems.push({
        file,
        line,
        message: `abstract is ${paper.abstract.length} characters; cut to ${MAX_ABSTRACT_LENGTH}`,
      });
      entry.facts = { ...paper, abstract: truncate(paper.abstract, MAX_ABSTRACT_LENGTH) };
    }
  }
  const sane = facts.filter(({ facts: paper, file, line }) => {
    if (paper.title.length <= MAX_TITLE_LENGTH) return true;
    problems.push({
      file,
      line,
      message: `title is ${paper.title.length} characters long (are the authors missing?); skipped`,
    });
    return false;
  });

  // Count each paper once even when a JSON entry repeats a listing entry.
  const distinct = new Map(sane.map((f) => [titleKey(f.facts.title), f.facts]));
  const frequency = wordDocumentFrequency(distinct.values());
  const isSharedTerm = (word: string) => (frequency.get(word) ?? 0) > 1;
  const inputs: MergeInput[] = [];
  for (const { facts: paperFacts, kind, file, line } of sane) {
    const built = buildPaper(paperFacts, isSharedTerm);
    const valid = built.ok ? PaperSchema.safeParse(built.paper) : undefined;
    if (valid?.success) inputs.push({ paper: valid.data, kind, file, line });
    else {
      const issue = valid?.error.issues[0];
      const reason = built.ok
        ? `${issue?.path.join('.') || 'paper'}: ${issue?.message ?? 'invalid'}`
        : built.reason;
      problems.push({ file, line, message: `${reason}; skipped` });
    }
  }
  const merged = mergePapers(inputs);
  return { papers: merged.papers, problems: [...problems, ...merged.problems] };
}
