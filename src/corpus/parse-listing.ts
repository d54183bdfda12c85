import { type ListingHeader, looksLikeHeader, parseHeader } from './listing-header.js';
import type { CorpusProblem } from './paper.js';
import { looksLikePersonName } from './person-name.js';
import { type Byline, splitByline } from './split-byline.js';

/** One entry of a profile listing, before derived fields are added. */
export interface ListingEntry extends ListingHeader, Byline {
  abstract: string;
  /** 1-based line of the entry's header. */
  line: number;
}

export interface ListingParse {
  entries: ListingEntry[];
  problems: CorpusProblem[];
}

/**
 * Splits text into lines, dropping a BOM and CR. Lines that were not valid
 * UTF-8 carry U+FFFD after decoding; they are reported, never guessed at.
 */
export function listingLines(text: string): string[] {
  return text.replace(/^\uFEFF/u, '').split(/\r?\n/u);
}

/**
 * Names that appear in author position after the first one. A first author
 * glued to the title is easier to cut out when the same name stands alone
 * elsewhere.
 */
export function listedCoauthorNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const line of listingLines(text)) {
    const segments = line.replace(/\s*\bet al\.?\s*$/u, '').split(/\s*,\s*/u);
    for (const segment of segments.slice(1)) {
      if (looksLikePersonName(segment)) names.add(segment.trim());
    }
  }
  return names;
}

/**
 * Parses the profile listing format: per paper a header line
 * ("LGMar 27, 2023Code"), a line with the title glued to the authors, and a
 * line with the abstract. Blank lines between entries are allowed. A broken
 * entry becomes a problem with its file and line; parsing resumes at the next
 * header, so one bad entry never costs the good ones.
 */
export function parseListing(
  text: string,
  file: string,
  knownNames: ReadonlySet<string> = listedCoauthorNames(text),
): ListingParse {
  const lines = listingLines(text);
  const entries: ListingEntry[] = [];
  const problems: CorpusProblem[] = [];
  const problem = (index: number, message: string) =>
    problems.push({ file, line: index + 1, message });

  let index = 0;
  while (index < lines.length) {
    const line = lines[index] as string;
    if (line.trim() === '') {
      index++;
      continue;
    }
    const header = parseHeader(line);
    if (!header.ok) {
      problem(index, `${header.reason}; skipped up to the next header`);
      index = nextHeader(lines, index + 1);
      continue;
    }
    const entryEnd = nextHeader(lines, index + 1);
    const body: number[] = [];
    for (let at = index + 1; at < entryEnd; at++)
      if ((lines[at] as string).trim() !== '') body.push(at);
    const [bylineAt, abstractAt, strayAt] = body;
    if (bylineAt === undefined) {
      problem(index, 'entry has no title/author line');
    } else if (abstractAt === undefined) {
      problem(bylineAt, 'entry has no abstract line');
    } else if ([bylineAt, abstractAt].some((at) => (lines[at] as string).includes('\uFFFD'))) {
      problem(bylineAt, 'entry is not valid UTF-8 text');
    } else {
      const byline = splitByline((lines[bylineAt] as string).trim(), knownNames);
      if (byline) {
        const abstract = (lines[abstractAt] as string).trim();
        entries.push({ ...header.header, ...byline, abstract, line: index + 1 });
      } else {
        problem(bylineAt, 'cannot tell where the title ends and the authors begin');
      }
    }
    if (strayAt !== undefined)
      problem(strayAt, 'text outside any entry; skipped up to the next header');
    index = entryEnd;
  }
  return { entries, problems };
}

function nextHeader(lines: readonly string[], from: number): number {
  let index = from;
  while (index < lines.length && !looksLikeHeader(lines[index] as string)) index++;
  return index;
}
