import { type AuthorContext, claimAuthors, claimLeftoverName } from './claim-authors.js';
import { claimCategories, claimCodeFilter, claimPaperIds } from './claim-filters.js';
import { claimIntent } from './claim-intent.js';
import { claimOrder } from './claim-order.js';
import { isFiller } from './filler.js';
import {
  claimAbsoluteDates,
  claimRecent,
  claimRelativeDates,
  intersectRanges,
} from './parse-dates.js';
import { type Query, QuerySchema } from './query.js';
import { cleanQuestion, MAX_QUESTION_LENGTH } from './question-text.js';
import { TextSpans } from './text-spans.js';

export interface ParseContext extends AuthorContext {
  /** ISO date that "this year", "recent" and "last year" count from. */
  today: string;
}

/**
 * Turns a free-text question into a typed Query. Recognisers run in a fixed
 * order, each claiming the words it understood; what nobody claims (minus
 * filler) is the topic. Never throws: any string yields a Query.
 */
export function parseQuery(raw: string, context: ParseContext): Query {
  if (raw.length > MAX_QUESTION_LENGTH) {
    return {
      intent: 'refuse',
      reason: `That question is ${raw.length} characters long; please keep it under ${MAX_QUESTION_LENGTH}.`,
    };
  }
  const question = cleanQuestion(raw);
  if (question.length === 0) return { intent: 'help' };

  const spans = new TextSpans(question);
  const intent = claimIntent(spans);
  if (intent === 'help') return { intent: 'help' };

  const paperIds = claimPaperIds(spans);
  const relative = claimRelativeDates(spans, context.today);
  const { order, limit } = claimOrder(spans);
  const recent = claimRecent(spans, context.today);
  const absolute = claimAbsoluteDates(spans);
  const hasCode = claimCodeFilter(spans);
  const categories = claimCategories(spans);
  const { authors, unknown } = claimAuthors(spans, context);

  const leftover = spans.words().filter((w) => !isFiller(w.word));
  const lastChance = authors.length === 0 ? claimLeftoverName(spans, leftover, context) : {};
  if (lastChance.author) authors.push(lastChance.author);
  if (lastChance.unknown) unknown.push(lastChance.unknown);

  const topicWords = spans.words().filter((w) => !isFiller(w.word));
  const topic = topicWords.map((w) => w.word).join(' ');
  const dates = intersectRanges([...relative, ...(recent ? [recent] : []), ...absolute]);
  // "what is" with only a person in it asks about the person: list their papers.
  const shape = intent === 'detail' && topic === '' && paperIds.length === 0 ? 'list' : intent;

  return QuerySchema.parse({
    intent: shape,
    filters: {
      authors,
      unknownAuthors: unknown,
      ...(dates ? { dates } : {}),
      recent: recent !== undefined && relative.length === 0 && absolute.length === 0,
      categories: categories.map((category) => category.code),
      ...(hasCode === undefined ? {} : { hasCode }),
      ...(topic ? { topic } : {}),
      paperIds,
    },
    order: order ?? 'relevance',
    ...(limit ? { limit } : {}),
  });
}
