import { stripChatMarkup } from './chat-markup.js';
import { CONTRACTIONS, isThanksOrPraise } from './chat-words.js';
import { claimGroupBy, claimRanking } from './claim-aggregates.js';
import {
  type AuthorContext,
  claimAuthors,
  claimLeftoverName,
  claimNotAnAuthor,
} from './claim-authors.js';
import {
  claimCategories,
  claimCodeFilter,
  claimPaperIds,
  claimSetAsideCategories,
} from './claim-filters.js';
import { claimFacets } from './claim-form.js';
import { claimIntent } from './claim-intent.js';
import { claimOrder } from './claim-order.js';
import { applyPositions, claimPositionCues } from './claim-position.js';
import { claimPublished, claimVenues, type VenueNames } from './claim-venues.js';
import { PAPER_NOUNS } from './filler.js';
import {
  claimAbsoluteDates,
  claimBareMonths,
  claimRecent,
  claimRelativeDates,
  claimSetAsideDates,
  intersectRanges,
} from './parse-dates.js';
import { isSearchQuery, type Query, QuerySchema } from './query.js';
import { cleanQuestion, MAX_QUESTION_LENGTH } from './question-text.js';
import { claimSetAsideTopics, type LeftoverContext, readLeftovers } from './read-leftovers.js';
import { TextSpans } from './text-spans.js';

export interface ParseContext extends AuthorContext, LeftoverContext {
  /** ISO date that "this year", "recent" and "last year" count from. */
  today: string;
  venues: VenueNames;
}

const CONTRACTION = new RegExp(
  String.raw`(?<![\p{L}\p{N}'’])(?:${Object.keys(CONTRACTIONS).join('|')})(?![\p{L}\p{N}'’])`,
  'giu',
);

/** Chat shorthand read before anything else: "w/ code", "w/o code", "b4 2020", "ppl", "whats", "past 2 yrs". */
function expandShorthand(text: string): string {
  return text
    .replace(/(?<![\p{L}\p{N}])w\/o(?![\p{L}\p{N}])/giu, 'without')
    .replace(/(?<![\p{L}\p{N}])w\/(?=\s|$)/giu, 'with')
    .replace(/(?<![\p{L}\p{N}])b4(?![\p{L}\p{N}])/giu, 'before')
    .replace(/(?<![\p{L}\p{N}])ppl(?![\p{L}\p{N}])/giu, 'people')
    .replace(CONTRACTION, (word) => CONTRACTIONS[word.toLowerCase()] ?? word)
    .replace(/(?<=\d\s*|\b(?:last|past|few|couple\s+of)\s+)yrs?\b/giu, (unit) =>
      unit.length === 3 ? 'years' : 'year',
    );
}

/** Where a message's sentences part: ".", "!" or "?" after a word (not an initial: "Y. Zhao"), or a dash. */
const SENTENCE_BREAK = /(?<=[^\s.]{3}[.!?…]+)\s+|\s+[—–]\s+|\s+--\s+/u;

/**
 * "morning! coffee hasn't kicked in yet lol. which papers are at ICLR?": a
 * sentence that asks nothing the corpus knows (small talk, or words no paper
 * uses with no filter beside them) is chatter around the question, set aside
 * and reported, as long as another sentence asks something.
 */
function withoutChatter(
  question: string,
  context: ParseContext,
): { query: Query; chatter: string[] } | undefined {
  const sentences = question.split(SENTENCE_BREAK).filter((s) => /[\p{L}\p{N}]/u.test(s));
  if (sentences.length < 2) return undefined;
  const chatter = sentences.filter((s) => asksNothing(parseQuery(s, context), context));
  if (chatter.length === 0 || chatter.length === sentences.length) return undefined;
  const text = sentences.filter((s) => !chatter.includes(s)).join(' ');
  const query = parseQuery(text, context);
  // "polygraph lie detection in police interviews — any paper?": the rest must ask something itself.
  return narrows(query) || REQUEST.test(text) ? { query, chatter } : undefined;
}

/** Small talk, or words no paper uses with nothing else asked beside them. */
function asksNothing(query: Query, context: ParseContext): boolean {
  if (query.intent === 'greeting') return true;
  if (!isSearchQuery(query) || narrows(query, { topic: false })) return false;
  const topic = query.filters.topic?.split(/\s+/u) ?? [];
  return topic.some(
    (word) =>
      !context.isTopicWord(word) &&
      !context.aliasFor(word.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')),
  );
}

/** True when a question asks more than "all the papers": a shape, a filter, what to show, an order, a topic. */
function narrows(query: Query, { topic = true } = {}): boolean {
  if (!isSearchQuery(query)) return false;
  const { filters } = query;
  return (
    query.intent !== 'list' ||
    filters.authors.length > 0 ||
    filters.unknownAuthors.length > 0 ||
    filters.dates !== undefined ||
    filters.categories.length > 0 ||
    filters.venues.length > 0 ||
    filters.paperIds.length > 0 ||
    filters.hasCode !== undefined ||
    filters.published !== undefined ||
    query.show.length > 0 ||
    query.order !== 'relevance' ||
    (topic && filters.topic !== undefined)
  );
}

/** "which people wrote …": a question about people, as "who wrote …" is. */
const WHICH_PEOPLE = /^\W*(?:which|what)\s+(?:people|persons|researchers|authors)\b/iu;
const WROTE = /\b(?:wrote|write|written|authored|published)\b/iu;

/** Verbs that ask for something even when nothing narrows it ("show me everything thx"). */
const REQUEST =
  /\b(?:show|give|send|find|get|fetch)\b|(?:^|[.!?]\s*)\W*(?:please\s+|pls\s+)?list\b|\b(?:can|could|would|will)\s+(?:you|u)\s+list\b|\b(?:papers?|everything|all)\s+(?:please|pls|plz)\b/iu;
const PAPER_NOUN = new RegExp(String.raw`\b(?:${PAPER_NOUNS})\b`, 'iu');

/** A yes/no question ("any papers this year?", "is there code for X?", "did X and Y …?"). */
const YES_NO = /^\W*(?:is|are|was|were|do|does|did|has|have|had|any|anything|can|could)\b/iu;

/**
 * Turns a free-text question into a typed Query. Chat markup goes first;
 * then recognisers run in a fixed order, each claiming the words it
 * understood; what nobody claims is read word by word — a name a paper
 * introduces, small talk (ignored and reported), question framing, a typo of a
 * question word, or a topic word. Never throws: any string yields a Query.
 *
 * @example
 * parseQuery('hey @pubbot papers by Yiren Zhao in 2019 pls', context)
 * // → { intent: 'list', filters: { authors: [Yiren Zhao], dates: 2019, … }, ignored: ['@pubbot', 'hey', 'pls'], … }
 */
export function parseQuery(raw: string, context: ParseContext): Query {
  if (raw.length > MAX_QUESTION_LENGTH) {
    return {
      intent: 'refuse',
      reason: `That question is ${raw.length} characters long; please keep it under ${MAX_QUESTION_LENGTH}.`,
    };
  }
  const markup = stripChatMarkup(cleanQuestion(raw));
  const question = expandShorthand(markup.text);
  const onlyMentions = markup.removed.every((item) => /^[<@]/u.test(item));
  if (question.length === 0) {
    return onlyMentions
      ? { intent: 'help', ignored: markup.removed }
      : { intent: 'greeting', ignored: markup.removed };
  }
  const asked = withoutChatter(question, context);
  if (asked) {
    const { query, chatter } = asked;
    return 'ignored' in query ? { ...query, ignored: [...chatter, ...query.ignored] } : query;
  }

  const spans = new TextSpans(question);
  const notAnAuthor = claimNotAnAuthor(spans);
  const intent = claimIntent(spans);
  if (intent === 'help') return { intent: 'help', ignored: markup.removed };

  const paperIds = claimPaperIds(spans);
  const setAsideDates = claimSetAsideDates(spans);
  const relative = claimRelativeDates(spans, context.today);
  const published = claimPublished(spans);
  const groupBy = claimGroupBy(spans);
  const ranking = claimRanking(spans);
  const whoAsks = spans.take(WHICH_PEOPLE) || /^\W*who\b/iu.test(question);
  const positions = claimPositionCues(spans);
  const hasCode = claimCodeFilter(spans);
  const facets = claimFacets(spans);
  // "which people wrote Flareon" asks for its authors, as "who wrote Flareon" does.
  const show =
    whoAsks && WROTE.test(question) && !facets.includes('authors')
      ? [...facets, 'authors' as const]
      : facets;
  const { order, limit } = claimOrder(spans);
  const recent = claimRecent(spans, context.today);
  const venues = claimVenues(spans, context.venues);
  const absolute = claimAbsoluteDates(spans);
  absolute.push(...claimBareMonths(spans, context.today, [...relative, ...absolute]));
  const excludedCategories = claimSetAsideCategories(spans);
  const categories = claimCategories(spans);
  const found = claimAuthors(spans, context);

  const excludedTopics = claimSetAsideTopics(spans);
  const leftovers = readLeftovers(spans, context);
  if (found.authors.length === 0 && leftovers.topic.length > 0) {
    const lastChance = claimLeftoverName(spans, context);
    if (lastChance.author) found.authors.push(lastChance.author);
    if (lastChance.unknown) found.unknown.push(lastChance.unknown);
    if (lastChance.author || lastChance.unknown)
      leftovers.topic = readLeftovers(spans, context).topic;
  }
  // "anything new this month?": a stated window says more than "new" does.
  const stated = [...relative, ...absolute];
  const dates = intersectRanges(stated.length > 0 ? stated : recent ? [recent] : []);
  // "which papers is X not an author of": the one person named is left out.
  const read =
    notAnAuthor && found.authors.length === 1
      ? found.authors.map((author) => ({ ...author, excluded: true }))
      : found.authors;
  const named = applyPositions(read, positions, question);
  // In an answer that lists people, "besides X" leaves X out of the list, not X's papers out of the count.
  const peopleAnswer =
    ranking !== undefined ||
    intent === 'coauthors' ||
    intent === 'people-count' ||
    show.includes('authors');
  const leftOut = peopleAnswer ? named.filter((author) => author.excluded) : [];
  const authors = named.filter((author) => !leftOut.includes(author));

  const understoodBesidesTopic =
    intent !== 'list' ||
    paperIds.length > 0 ||
    dates !== undefined ||
    groupBy !== undefined ||
    ranking !== undefined ||
    positions.length > 0 ||
    show.length > 0 ||
    order !== undefined ||
    limit !== undefined ||
    published !== undefined ||
    venues.length > 0 ||
    hasCode !== undefined ||
    categories.length > 0 ||
    excludedTopics.length > 0 ||
    excludedCategories.length > 0 ||
    setAsideDates.length > 0 ||
    named.length > 0 ||
    found.unknown.length > 0;
  // A repair that would leave the question asking nothing ("covid" → "could") was no typo: the word is the topic.
  const vacuous =
    !understoodBesidesTopic &&
    leftovers.topic.length === 0 &&
    !leftovers.corrected.some((repair) => PAPER_NOUN.test(repair.to));
  const topic = (vacuous ? leftovers.corrected.map((repair) => repair.from) : leftovers.topic).join(
    ' ',
  );
  const alternatives = leftovers.alternatives.map((words) => words.join(' '));
  // Words set aside are reported; markup (mentions, emoji) is not a word anyone expects echoed.
  const ignored = leftovers.ignored;
  const understoodSomething = understoodBesidesTopic || topic !== '';
  // Small talk alone ("hi", "thanks for the papers!", "good bot") is answered in kind;
  // a request ("show me everything thx", "papers pls") lists them all.
  const thanked = question.split(/[^\p{L}']+/u).some(isThanksOrPraise);
  const requested = REQUEST.test(question) || (PAPER_NOUN.test(question) && !thanked);
  if (
    !understoodSomething &&
    !requested &&
    (ignored.length > 0 || markup.removed.length > 0 || !/[\p{L}\p{N}]/u.test(question))
  ) {
    return { intent: 'greeting', ignored: [...markup.removed, ...ignored] };
  }

  const filters = {
    authors,
    unknownAuthors: found.unknown,
    ...(dates ? { dates } : {}),
    ...(setAsideDates.length > 0 ? { excludedDates: setAsideDates } : {}),
    recent: recent !== undefined && relative.length === 0 && absolute.length === 0,
    categories: categories.map((category) => category.code),
    ...(excludedCategories.length > 0 ? { excludedCategories } : {}),
    ...(hasCode === undefined ? {} : { hasCode }),
    ...(topic ? { topic } : {}),
    ...(alternatives.length >= 2 ? { topicAlternatives: alternatives } : {}),
    ...(excludedTopics.length > 0 ? { excludedTopics } : {}),
    paperIds,
    venues,
    ...(published === undefined ? {} : { published }),
    ...(leftOut.length > 0 ? { leftOut: leftOut.flatMap((author) => author.names) } : {}),
  };
  const subject = topic !== '' || paperIds.length > 0;
  const common = {
    filters,
    order: order ?? 'relevance',
    ...(limit ? { limit } : {}),
    show,
    yesNo: YES_NO.test(question),
    ignored,
  };
  if (groupBy) return QuerySchema.parse({ intent: 'groups', ...groupBy, ...common });
  // "how many people has X published with" counts X's co-authors; without anyone named, everyone in scope.
  if (intent === 'people-count' && authors.length > 0)
    return QuerySchema.parse({ intent: 'coauthors', ...common });
  // "who wrote the 2019 papers": with no paper to show, the authors asked for are everyone in scope.
  const peopleInScope =
    whoAsks &&
    (show.includes('authors') || WROTE.test(question)) &&
    !subject &&
    narrows({ ...common, show: [], order: 'relevance', intent: 'list' } as Query);
  if ((ranking || intent === 'people-count' || peopleInScope) && authors.length === 0) {
    const position = ranking?.position ?? positions[0]?.position;
    return QuerySchema.parse({
      intent: 'ranking',
      ...(position ? { position } : {}),
      ...(intent === 'people-count' ? { howMany: true } : {}),
      ...common,
    });
  }
  // "what is" with only a person in it asks about the person; a fact about a named paper asks for that paper.
  const shape =
    intent === 'detail' && !subject
      ? 'list'
      : intent === 'list' && show.length > 0 && subject
        ? 'detail'
        : intent;
  return QuerySchema.parse({ intent: shape, ...common });
}
