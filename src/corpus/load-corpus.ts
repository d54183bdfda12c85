import { readdir, readFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { type Identity, identifyPeople } from '../people/identities.js';
import {
  IDENTITY_OVERRIDES_FILE,
  type IdentityOverrides,
  parseIdentityOverrides,
} from '../people/identity-overrides.js';
import { truncate } from '../text/truncate.js';
import { buildPaper, wordDocumentFrequency } from './build-paper.js';
import { type FactsPatch, type MergeInput, mergePapers } from './merge-papers.js';
import { type CorpusProblem, type Paper, PaperSchema } from './paper.js';
import { listedCoauthorNames, parseListing } from './parse-listing.js';
import { parseStructuredEntries } from './structured-entries.js';

/** Longer abstracts are cut (and reported): no real abstract comes close, and huge ones slow every search. */
export const MAX_ABSTRACT_LENGTH = 20_000;
/** Longer "titles" are a byline that failed to split, or not a paper at all. */
export const MAX_TITLE_LENGTH = 1_000;

export interface Corpus {
  papers: Paper[];
  /** Everyone who wrote a paper, one identity per person however their name is spelled. */
  people: Identity[];
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
  learned: readonly FactsPatch[] = [],
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
 * Parses and merges in-memory source files, plus facts learned from public
 * sources (which enrich a listed paper with the same arXiv id or title, or
 * add a new one when complete); the pure heart of loadCorpusDir. Spellings of one person
 * become one identity (see `people/identities.ts`), and `people.json` in the
 * folder may join or split identities by hand.
 */
export function buildCorpus(
  files: readonly SourceFile[],
  learned: readonly FactsPatch[] = [],
): Corpus {
  const listings = files.filter((f) => f.name.endsWith('.txt'));
  const knownNames = new Set(listings.flatMap((f) => [...listedCoauthorNames(f.text)]));
  const problems: CorpusProblem[] = [];
  const inputs: MergeInput[] = [];
  let overrides: { file: string; overrides: IdentityOverrides } | undefined;

  for (const file of files) {
    if (file.name.endsWith('.txt')) {
      const parsed = parseListing(file.text, file.name, knownNames);
      problems.push(...parsed.problems);
      for (const { line, categoryCode, ...entry } of parsed.entries) {
        inputs.push({
          facts: { ...entry, categoryCode, source: `${file.name}:${line}` },
          rank: 'listing',
          file: file.name,
          line,
        });
      }
    } else if (basename(file.name) === IDENTITY_OVERRIDES_FILE) {
      const parsed = parseIdentityOverrides(file.text, file.name);
      problems.push(...parsed.problems);
      overrides = { file: file.name, overrides: parsed.overrides };
    } else {
      const parsed = parseStructuredEntries(file.text, file.name);
      problems.push(...parsed.problems);
      for (const { line, category, ...entry } of parsed.entries) {
        inputs.push({
          facts: {
            ...entry,
            ...(category ? { categoryCode: category } : {}),
            source: `${file.name}:${line}`,
          },
          rank: 'hand',
          file: file.name,
          line,
        });
      }
    }
  }
  for (const facts of learned) {
    inputs.push({ facts, rank: 'learned', file: facts.source, line: 0 });
  }

  const merged = mergePapers(inputs);
  problems.push(...merged.problems);
  const sane = merged.facts.filter((paper) => {
    const [file, line] = location(paper.source);
    if (paper.title.length > MAX_TITLE_LENGTH) {
      problems.push({
        file,
        line,
        message: `title is ${paper.title.length} characters long (are the authors missing?); skipped`,
      });
      return false;
    }
    if (paper.abstract.length > MAX_ABSTRACT_LENGTH) {
      problems.push({
        file,
        line,
        message: `abstract is ${paper.abstract.length} characters; cut to ${MAX_ABSTRACT_LENGTH}`,
      });
      paper.abstract = truncate(paper.abstract, MAX_ABSTRACT_LENGTH);
    }
    return true;
  });

  const frequency = wordDocumentFrequency(sane);
  const isSharedTerm = (word: string) => (frequency.get(word) ?? 0) > 1;
  const papers: Paper[] = [];
  const ids = new Set<string>();
  for (const facts of sane) {
    const built = buildPaper(facts, isSharedTerm);
    const valid = built.ok ? PaperSchema.safeParse(built.paper) : undefined;
    if (valid?.success) {
      papers.push(withUniqueId(valid.data, ids));
      continue;
    }
    const issue = valid?.error.issues[0];
    const reason = built.ok
      ? `${issue?.path.join('.') || 'paper'}: ${issue?.message ?? 'invalid'}`
      : built.reason;
    const [file, line] = location(facts.source);
    problems.push({ file, line, message: `${reason}; skipped` });
  }
  const people = identifyPeople(papers, overrides?.overrides, overrides?.file);
  problems.push(...people.problems);
  return { papers: people.papers, people: people.identities, problems };
}

/** `file:line` back into its parts, for reporting a merged paper where its main entry stands. */
function location(source: string): [string, number] {
  const match = /^(.*):(\d+)$/u.exec(source);
  return match ? [match[1] as string, Number(match[2])] : [source, 0];
}

/** Different titles can share a slug once cut to length; later ones get a suffix. */
function withUniqueId(paper: Paper, taken: Set<string>): Paper {
  let id = paper.id;
  for (let n = 2; taken.has(id); n++) id = `${paper.id}-${n}`;
  taken.add(id);
  return id === paper.id ? paper : { ...paper, id };
}
