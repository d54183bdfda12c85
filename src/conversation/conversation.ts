import { randomUUID } from 'node:crypto';
import type { Answer } from '../answer/answer.js';
import { type Core, isoToday } from '../core.js';
import type { Logger } from '../logger.js';
import { searchQuery } from '../query/build-query.js';
import { isSearchQuery, type Query } from '../query/query.js';
import { cleanQuestion } from '../query/question-text.js';
import type { Store } from '../store/store.js';
import { plural } from '../text/plural.js';
import { attachChart, type ChartPainter } from './attach-chart.js';
import { layoutAnswer } from './layout-answer.js';
import { ANNOUNCEMENTS_NOT_SET_UP, apology, notAllowed, notice, PAGE_EXPIRED } from './notices.js';
import { type PageState, SavedPages } from './page-state.js';
import { PageTokens } from './page-tokens.js';
import { pageMoves } from './pager.js';
import type { Reply } from './reply.js';
import type { Origin, Request } from './request.js';
import type { SubscriptionCommands } from './subscriptions.js';

/** How long a follow-up can still refine the question before it: a working day, and then some. */
export const FOLLOW_UP_TTL_MS = 24 * 60 * 60 * 1000;

export interface ConversationOptions {
  /** The current core; a function so a reloaded corpus is used at once. */
  core: () => Core;
  /** Keeps follow-up contexts and long page tokens. */
  store: Store;
  logger: Logger;
  /** The announcement service; subscribe requests say it is not set up without one. */
  subscriptions?: SubscriptionCommands;
  clock?: () => Date;
  /** Told about every answer the core gave, for metrics. */
  onAnswer?: (platform: string, shape: string, seconds: number) => void;
  /** Draws charts for platforms that show pictures; without it, charts stay text. */
  charts?: ChartPainter;
}

interface Handled {
  reply: Reply;
  answer?: Answer;
}

/**
 * The one funnel every request goes through, from every platform: it gives
 * the request an id, reads follow-ups against the conversation's previous
 * question, checks permission before announcements change, asks the core,
 * lays the answer out, counts it, and turns anything unexpected into one
 * apology and one log line with the request id. Expected failures (an
 * expired page, a refused subscription) are replies, not errors.
 *
 * @example
 * ```ts
 * const conversation = new Conversation({ core: () => coreRef.current, store, logger });
 * const reply = await conversation.handle({ kind: 'question', text: 'latest on backdoors' }, origin);
 * ```
 */
export class Conversation {
  readonly #o: ConversationOptions;
  readonly #clock: () => Date;
  readonly #saved: SavedPages;
  readonly #tokens: PageTokens;

  constructor(options: ConversationOptions) {
    this.#o = options;
    this.#clock = options.clock ?? (() => new Date());
    this.#saved = new SavedPages(options.store, this.#clock);
    this.#tokens = new PageTokens(this.#saved);
  }

  /** Answers a request; never throws. */
  async handle(request: Request, origin: Origin): Promise<Reply> {
    const requestId = origin.requestId ?? randomUUID();
    const log = this.#o.logger.child({
      requestId,
      platform: origin.platform,
      channel: origin.channel,
      user: origin.user,
      request: request.kind,
    });
    const started = performance.now();
    try {
      const { reply: laidOut, answer } = await this.#route(request, origin, log);
      const charts = origin.surface.images ? this.#o.charts : undefined;
      const reply = charts ? await attachChart(laidOut, charts, log) : laidOut;
      if (answer) {
        const seconds = (performance.now() - started) / 1000;
        this.#o.onAnswer?.(origin.platform, answer.shape, seconds);
      }
      log.debug({ shape: answer?.shape }, 'answered');
      return reply;
    } catch (error) {
      const typed = 'text' in request ? { text: request.text.slice(0, 200) } : {};
      log.error({ err: error, ...typed }, 'request failed');
      return apology(requestId);
    }
  }

  async #route(request: Request, origin: Origin, log: Logger): Promise<Handled> {
    const core = this.#o.core();
    const today = isoToday(this.#clock());
    const first = (question: PageState['question']): PageState => ({
      question,
      today,
      offset: 0,
      limit: origin.surface.pageSize,
    });
    switch (request.kind) {
      case 'question':
        return this.#answer(first(this.#question(request, today)), origin);
      case 'help':
        return this.#answer(first({ query: { intent: 'help', ignored: [] } }), origin);
      case 'paper':
        return this.#answer(first({ query: core.paperQuery(request.id, request.view) }), origin);
      case 'person':
        return this.#person(request.id, first, origin);
      case 'page': {
        const state = await this.#tokens.read(request.token);
        if (typeof state !== 'object') return { reply: PAGE_EXPIRED };
        return this.#answer(state, origin);
      }
      case 'refine':
        return this.#refine(request.text, origin, first);
      case 'subscribe':
      case 'unsubscribe':
        return { reply: await this.#subscription(request, origin, today, log) };
    }
  }

  /** A typed question, with the platform's own options (newest first, a count) applied to what was read. */
  #question(request: Extract<Request, { kind: 'question' }>, today: string): PageState['question'] {
    if (request.order === undefined && request.limit === undefined) return { text: request.text };
    const read = cleanQuestion(request.text)
      ? this.#o.core().parse(request.text, { today })
      : undefined;
    // Nothing typed (or nothing readable) with a platform option means every paper.
    const base = read && isSearchQuery(read) ? read : searchQuery('list', {});
    return {
      query: {
        ...base,
        ...(request.order ? { order: request.order } : {}),
        ...(request.limit ? { limit: request.limit } : {}),
      },
    };
  }

  /** A follow-up: the previous question refined when the text reads as a refinement, a new question otherwise. */
  async #refine(
    text: string,
    origin: Origin,
    first: (question: PageState['question']) => PageState,
  ): Promise<Handled> {
    const follows = origin.conversation?.follows;
    const previous = follows ? await this.#saved.load(contextKey(follows)) : undefined;
    const query = previous && this.#queryOf(previous);
    const refinement =
      query && isSearchQuery(query)
        ? this.#o.core().refine(query, text, { today: previous.today })
        : undefined;
    if (!previous || !query || !refinement) return this.#answer(first({ text }), origin);
    if (refinement.kind === 'query')
      return this.#answer(first({ query: refinement.query }), origin);
    // "more": the page after the one the conversation is on, if there is one.
    const current = this.#o
      .core()
      .answer(query, { offset: previous.offset, limit: previous.limit });
    const next = pageMoves(current, previous.limit)?.next;
    if (next === undefined) {
      const all = `That was all (${plural(current.total, 'result')}).`;
      return { reply: notice(all, 'public'), answer: current };
    }
    return this.#answer({ ...previous, offset: next }, origin);
  }

  /** A person's papers, newest first, with their top co-authors beside them. */
  async #person(
    id: string,
    first: (question: PageState['question']) => PageState,
    origin: Origin,
  ): Promise<Handled> {
    const core = this.#o.core();
    const handled = await this.#answer(first({ query: core.personQuery(id, 'list') }), origin);
    const people = layoutAnswer(core.answer(core.personQuery(id, 'coauthors'))).people;
    if (!people || handled.answer?.total === 0) return handled;
    return {
      ...handled,
      reply: { ...handled.reply, people: { ...people, heading: 'Top co-authors' } },
    };
  }

  #queryOf(state: PageState): Query {
    return 'text' in state.question
      ? this.#o.core().parse(state.question.text, { today: state.today })
      : state.question.query;
  }

  /** Answers one page of a question, issues tokens for its neighbours, and keeps it for follow-ups. */
  async #answer(state: PageState, origin: Origin): Promise<Handled> {
    const query = this.#queryOf(state);
    const answer = this.#o.core().answer(query, { offset: state.offset, limit: state.limit });
    const moves = pageMoves(answer, state.limit);
    const length = origin.surface.tokenLength;
    const token = async (offset: number | undefined) =>
      offset === undefined || length === 0
        ? undefined
        : this.#tokens.issue({ ...state, offset }, length);
    const [previousToken, nextToken] = await Promise.all([
      token(moves?.previous),
      token(moves?.next),
    ]);
    const key = origin.conversation?.key;
    const followUp = key !== undefined && isSearchQuery(query) ? key : undefined;
    if (followUp) await this.#saved.save(contextKey(followUp), state, FOLLOW_UP_TTL_MS);
    const reply = layoutAnswer(answer, {
      ...(moves
        ? {
            pager: {
              ...moves,
              ...(previousToken ? { previousToken } : {}),
              ...(nextToken ? { nextToken } : {}),
            },
          }
        : {}),
      ...(followUp ? { followUp } : {}),
    });
    return { reply, answer };
  }

  /** Permission first, then the announcement service: who may not change announcements learns nothing else. */
  async #subscription(
    request: Extract<Request, { kind: 'subscribe' | 'unsubscribe' }>,
    origin: Origin,
    today: string,
    log: Logger,
  ): Promise<Reply> {
    if (!(await origin.mayManage())) return notAllowed(origin.managers);
    const subscriptions = this.#o.subscriptions;
    if (!subscriptions) return ANNOUNCEMENTS_NOT_SET_UP;
    const channel = `${origin.platform}:${origin.channel}`;
    let result: { ok: boolean; message: string };
    if (request.kind === 'unsubscribe') {
      result = await subscriptions.unsubscribe(channel);
    } else {
      const text = cleanQuestion(request.query ?? '');
      const wanted = text ? { text, query: this.#o.core().parse(text, { today }) } : undefined;
      result = await subscriptions.subscribe(channel, wanted, origin.user);
    }
    log.info({ subscription: channel, ok: result.ok }, request.kind);
    return notice(result.message, result.ok ? 'public' : 'private');
  }
}

/** Follow-up contexts and page tokens share the store; prefixes keep them apart. */
function contextKey(conversation: string): string {
  return `conversation:${conversation}`;
}
