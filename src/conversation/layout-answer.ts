import type { Answer, Group, GroupBy } from '../answer/answer.js';
import { toBibtex } from '../answer/bibtex.js';
import { HELP_TEXT } from '../answer/help.js';
import { paperDetail } from '../answer/paper-detail.js';
import { paperLine } from '../answer/paper-line.js';
import { PEOPLE_SHOWN, peopleLines } from '../answer/person-line.js';
import { type ChartSpec, ChartSpecSchema, MAX_BARS } from '../chart/chart-spec.js';
import { categoryFromCode } from '../corpus/categories.js';
import { plural } from '../text/plural.js';
import type { PageMoves } from './pager.js';
import type { Reply } from './reply.js';

export interface AnswerLayoutOptions {
  /** Where the answer sits among its pages, with the tokens of its neighbours. */
  pager?: PageMoves & { previousToken?: string; nextToken?: string };
  /** The conversation a follow-up to this answer continues. */
  followUp?: string;
}

/** "papers by Yiren Zhao · in 2019 · newest first · 4 results · page 1/2". */
function footer(answer: Answer, pager: AnswerLayoutOptions['pager']): string {
  const parts = [answer.understood, plural(answer.total, 'result')];
  if (pager) parts.push(`page ${pager.page}/${pager.pages}`);
  return parts.join(' · ');
}

/** Notes, then suggestions and ignored filler, each as one small line. */
function notes(answer: Answer): string[] {
  const lines = [...answer.notes];
  if (answer.suggestions.length > 0) lines.push(`Try: ${answer.suggestions.join(' · ')}`);
  // Small talk answered in kind was not ignored.
  if (answer.ignored && answer.ignored.length > 0 && answer.shape !== 'greeting')
    lines.push(`Ignored: ${answer.ignored.join(', ')}`);
  return lines;
}

function groupLabel(group: Group, by: GroupBy): string {
  if (by !== 'category') return group.key;
  const name = categoryFromCode(group.key)?.name;
  return name ? `${name} (${group.key})` : group.key;
}

const GROUP_NAMES: Record<GroupBy, string> = {
  year: 'Year',
  category: 'Category',
  author: 'Author',
  venue: 'Venue',
};

/** Years in order with the quiet ones as zero, so a time axis keeps its spacing. */
function everyYear(groups: readonly Group[]): Group[] {
  const counts = new Map(groups.map((group) => [Number(group.key), group.count]));
  const years = [...counts.keys()];
  const first = Math.min(...years);
  return Array.from({ length: Math.max(...years) - first + 1 }, (_, i) => ({
    key: String(first + i),
    count: counts.get(first + i) ?? 0,
  }));
}

/** Groups as a chart spec, the largest MAX_BARS of them when there are more. */
function groupsChart(answer: Answer): ChartSpec | undefined {
  if (!answer.groups || answer.groups.length === 0 || !answer.groupBy) return undefined;
  // "which year had the most": the title says it; one bar would only say it again.
  if (answer.query.intent === 'groups' && answer.query.onlyTop) return undefined;
  const by = answer.groupBy;
  return ChartSpecSchema.parse({
    kind: 'columns',
    title: answer.headline,
    xLabel: GROUP_NAMES[by],
    yLabel: 'Papers',
    bars: (by === 'year' ? everyYear(answer.groups) : answer.groups)
      .slice(0, MAX_BARS)
      .map((group) => ({ label: groupLabel(group, by), value: group.count })),
  });
}

/** People as a ranking chart: the ones the reply lists by name, most papers first. */
function peopleChart(answer: Answer): ChartSpec | undefined {
  const people = (answer.people ?? []).slice(0, PEOPLE_SHOWN);
  if (people.length === 0) return undefined;
  return ChartSpecSchema.parse({
    kind: 'ranking',
    title: answer.headline,
    xLabel: answer.shape === 'coauthors' ? 'Co-author' : 'Author',
    yLabel: answer.shape === 'coauthors' ? 'Shared papers' : 'Papers',
    bars: people.map((person) => ({ label: person.name, value: person.papers })),
  });
}

/**
 * Lays an answer out once for every platform: which pieces it shows, in
 * which words, in what order. Platforms only render the Reply.
 *
 * @example
 * ```ts
 * layoutAnswer(core.ask('who does Tianrui Qin work with?')).people?.lines[0];
 * // → '1. Xitong Gao — 5 papers'
 * ```
 */
export function layoutAnswer(answer: Answer, options: AnswerLayoutOptions = {}): Reply {
  const base = { notes: notes(answer), visibility: 'public' as const, attachments: [] };
  const paged = {
    footer: footer(answer, options.pager),
    ...(options.followUp ? { followUp: options.followUp } : {}),
  };
  const pager = options.pager && {
    ...(options.pager.previousToken ? { previous: options.pager.previousToken } : {}),
    ...(options.pager.nextToken ? { next: options.pager.nextToken } : {}),
    page: options.pager.page,
    pages: options.pager.pages,
    remaining: options.pager.remaining,
  };
  switch (answer.shape) {
    case 'help':
      return { ...base, title: answer.headline, text: HELP_TEXT, visibility: 'private' };
    case 'refusal':
    case 'clarify':
      // What is missing or refused is the whole reply, said plainly, with what to try instead.
      return { ...base, text: base.notes.join('\n'), notes: [], visibility: 'private' };
    case 'greeting':
      // Small talk gets a short reply in kind and a few example questions, nothing more.
      return {
        ...base,
        text: [`${answer.headline} Ask me about the group’s papers, for example:`, ...base.notes]
          .filter(Boolean)
          .join('\n'),
        notes: [],
      };
    case 'detail': {
      const [paper] = answer.papers;
      if (!paper) return { ...base, ...paged, title: answer.headline };
      const show = answer.show ?? [];
      return {
        ...base,
        ...paged,
        detail: paperDetail(paper, show),
        ...(show.includes('bibtex') ? { code: { language: 'bibtex', text: toBibtex(paper) } } : {}),
      };
    }
    case 'cite':
      return {
        ...base,
        ...paged,
        title: answer.headline,
        ...(answer.bibtex ? { code: { language: 'bibtex', text: answer.bibtex } } : {}),
        ...(pager ? { pager } : {}),
      };
    case 'coauthors':
    case 'ranking': {
      const people = answer.people ?? [];
      const chart = peopleChart(answer);
      return {
        ...base,
        ...paged,
        title: answer.headline,
        ...(people.length > 0 ? { people: { lines: peopleLines(people) } } : {}),
        ...(chart ? { chart } : {}),
      };
    }
    case 'groups': {
      const chart = groupsChart(answer);
      const hidden = (answer.groups?.length ?? 0) - MAX_BARS;
      const more = hidden > 0 ? [`… and ${hidden} more groups.`] : [];
      return {
        ...base,
        ...paged,
        title: answer.headline,
        notes: [...more, ...base.notes],
        ...(chart ? { chart } : {}),
      };
    }
    default:
      return {
        ...base,
        ...paged,
        title: answer.headline,
        papers: answer.papers.map((paper, i) => paperLine(paper, answer.offset + i + 1)),
        ...(pager ? { pager } : {}),
      };
  }
}
