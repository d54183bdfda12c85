import type { SearchQuery } from '../query/query.js';
import { plural } from '../text/plural.js';
import type { Answer } from './answer.js';
import { filterPhrases, orderPhrase } from './describe-query.js';

type Draft = Omit<Answer, 'headline'>;

/** "4 papers by Yiren Zhao in 2019", or "No papers about “gardening”". */
function matchSentence(query: SearchQuery, total: number): string {
  const phrases = filterPhrases(query.filters).join(' ');
  const head = total === 0 ? 'No papers' : plural(total, 'paper');
  return phrases ? `${head} ${phrases}` : head;
}

function searchHeadline(draft: Draft, query: SearchQuery): string {
  const first = draft.papers[0];
  switch (draft.shape) {
    case 'clarify':
      return draft.notes[0] ?? 'Please say a little more.';
    case 'detail':
      return first?.title ?? matchSentence(query, 0);
    case 'cite':
      if (draft.papers.length > 1) return `BibTeX for ${plural(draft.papers.length, 'paper')}`;
      return first ? `BibTeX for “${first.title}”` : matchSentence(query, 0);
    case 'coauthors': {
      const people = draft.people ?? [];
      if (people.length === 0) return `${matchSentence(query, 0)}, so no co-authors to show`;
      const who = query.filters.authors.map((a) => a.names.join(' or ')).join(' and ');
      const besides = query.filters.leftOut?.length
        ? ` besides ${query.filters.leftOut.join(' and ')}`
        : '';
      return `${who} worked with ${plural(people.length, 'person', 'people')}${besides} on ${plural(draft.total, 'paper')}`;
    }
    case 'count':
      return matchSentence(query, draft.total);
    case 'ranking': {
      if (query.intent === 'ranking' && query.howMany && draft.total > 0) {
        const people = plural(draft.people?.length ?? 0, 'person', 'people');
        return `${people} wrote ${matchSentence(query, draft.total)}`;
      }
      const what =
        query.intent === 'ranking' && query.position ? `${query.position}-author papers` : 'papers';
      const phrases = filterPhrases(query.filters).join(' ');
      return `Who has the most ${what}${phrases ? ` ${phrases}` : ''}`;
    }
    case 'groups': {
      const by = query.intent === 'groups' ? query.groupBy : 'year';
      const [top, second] = draft.groups ?? [];
      // "which year had the most papers" is answered in the title: the top group, or the tie.
      if (query.intent === 'groups' && query.mostFirst && top) {
        const tied = second?.count === top.count ? `, tied with ${second.key}` : '';
        const phrases = filterPhrases(query.filters).join(' ');
        return `${top.key} has the most papers${phrases ? ` ${phrases}` : ''} (${top.count}${tied})`;
      }
      return `${matchSentence(query, draft.total)}, per ${by}`;
    }
    default: {
      const order = query.order === 'relevance' && !query.filters.topic ? 'newest' : query.order;
      const shown = query.limit;
      // "the latest paper by X" shows one of many: the title says which one and of how many.
      if (shown !== undefined && shown < draft.total) {
        const which =
          order === 'relevance' ? 'best match' : order === 'newest' ? 'newest' : 'oldest';
        const head =
          shown === 1
            ? `The ${which}`
            : `The ${shown} ${which === 'best match' ? 'best matches' : which}`;
        return `${head} of ${matchSentence(query, draft.total)}`;
      }
      const sorted = draft.total > 1 ? orderPhrase(order) : undefined;
      return `${matchSentence(query, draft.total)}${sorted ? `, ${sorted}` : ''}`;
    }
  }
}

/** One line that sums the answer up; adapters use it as a title. */
export function answerHeadline(draft: Draft): string {
  const { query } = draft;
  if (query.intent === 'help') return 'What you can ask';
  if (query.intent === 'refuse') return query.reason;
  if (query.intent === 'greeting') return greetingLine(query.ignored);
  return searchHeadline(draft, query);
}

/** "You're welcome!" for thanks, "Thank you!" for praise, "Hi!" otherwise. */
function greetingLine(said: readonly string[]): string {
  const words = said.join(' ').toLowerCase();
  if (/\b(?:thanks?|thx|thnx|ty|tysm|cheers|appreciated?)\b|🙏/u.test(words))
    return 'You’re welcome!';
  if (/\b(?:good|great|nice|awesome|cool|love|perfect)\b|👍|❤/u.test(words)) return 'Thank you!';
  return 'Hi!';
}
