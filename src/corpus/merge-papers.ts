import type { PaperFacts } from './build-paper.js';
import type { CorpusProblem } from './paper.js';
import { titleKey } from './slug.js';

/**
 * How much a source is trusted when two say different things: a listing is
 * the profile's lossy export, a feed or sync learned facts from public APIs,
 * and a hand-edited entry is the lab's own word.
 */
export type SourceRank = 'listing' | 'learned' | 'hand';
const RANK: Record<SourceRank, number> = { listing: 0, learned: 1, hand: 2 };

/** What one source says about a paper; only the title is required. */
export type FactsPatch = Partial<Omit<PaperFacts, 'title' | 'source'>> &
  Pick<PaperFacts, 'title' | 'source'>;

export interface MergeInput {
  facts: FactsPatch;
  rank: SourceRank;
  file: string;
  line: number;
}

/**
 * Groups what the sources say by paper (same arXiv id, else same normalised
 * title) and combines each group: for every fact the most trusted source that
 * gives it wins, a full author list beats one cut at "et al." whatever its
 * source, and names, aliases and pages are unioned. Papers keep the order the
 * listings give them; papers only other sources know follow. A listing or
 * hand entry repeated is reported (the first wins); a group nobody gives a
 * date, category and authors for is not a paper and is reported.
 */
export function mergePapers(inputs: readonly MergeInput[]): {
  facts: PaperFacts[];
  problems: CorpusProblem[];
} {
  const groups: MergeInput[][] = [];
  const byTitle = new Map<string, MergeInput[]>();
  const byArxiv = new Map<string, MergeInput[]>();
  const problems: CorpusProblem[] = [];
  for (const input of inputs) {
    const key = titleKey(input.facts.title);
    const arxivId = input.facts.arxivId;
    let group = (arxivId ? byArxiv.get(arxivId) : undefined) ?? byTitle.get(key);
    // Feeds repeat themselves by design; a listing or a hand entry saying it twice is a mistake.
    const repeat =
      input.rank === 'learned' ? undefined : group?.find((other) => other.rank === input.rank);
    if (repeat) {
      problems.push({
        file: input.file,
        line: input.line,
        message: `duplicate of the entry at ${repeat.file}:${repeat.line}; skipped`,
      });
      continue;
    }
    if (!group) {
      group = [];
      groups.push(group);
    }
    group.push(input);
    byTitle.set(key, group);
    if (arxivId) byArxiv.set(arxivId, group);
  }
  const listed = (group: MergeInput[]) => (group.some((g) => g.rank === 'listing') ? 0 : 1);
  const facts: PaperFacts[] = [];
  for (const group of [...groups].sort((a, b) => listed(a) - listed(b))) {
    const combined = combine(group);
    if ('facts' in combined) facts.push(combined.facts);
    else problems.push(combined.problem);
  }
  return { facts, problems };
}

function combine(group: readonly MergeInput[]): { facts: PaperFacts } | { problem: CorpusProblem } {
  const ranked = [...group].sort((a, b) => RANK[b.rank] - RANK[a.rank]);
  const first = <K extends keyof FactsPatch>(field: K): FactsPatch[K] | undefined =>
    ranked.find((input) => {
      const value = input.facts[field];
      return value !== undefined && value !== '';
    })?.facts[field];
  const withAuthors = ranked.filter((input) => (input.facts.authors?.length ?? 0) > 0);
  const authorsFrom =
    withAuthors.find((input) => input.facts.authorsTruncated !== true) ?? withAuthors[0];
  // The paper is known by where its main entry stands: the listing, else the first source.
  const home = group.find((input) => input.rank === 'listing') ?? (group[0] as MergeInput);
  const title = first('title') as string;
  const published = first('published');
  const categoryCode = first('categoryCode');
  if (!authorsFrom || !published || !categoryCode) {
    const lacking = [
      !authorsFrom && 'authors',
      !published && 'published',
      !categoryCode && 'category',
    ].filter(Boolean);
    return {
      problem: {
        file: home.file,
        line: home.line,
        message: `“${title}” matches no listed paper, and a new paper needs ${lacking.join(', ')}; skipped`,
      },
    };
  }
  const union = (field: 'aliases' | 'sources') => [
    ...new Set(group.flatMap((input) => input.facts[field] ?? [])),
  ];
  const optional = {
    codeUrl: first('codeUrl'),
    url: first('url'),
    pdfUrl: first('pdfUrl'),
    arxivId: first('arxivId'),
    venue: first('venue'),
  };
  return {
    facts: {
      title,
      authors: authorsFrom.facts.authors as string[],
      authorsTruncated: authorsFrom.facts.authorsTruncated === true,
      published,
      categoryCode,
      abstract: first('abstract') ?? '',
      hasCode: group.some((input) => input.facts.hasCode === true),
      ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined)),
      aliases: union('aliases'),
      sources: union('sources'),
      source: home.facts.source,
    },
  };
}
