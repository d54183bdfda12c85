import { createHash } from 'node:crypto';
import type { Paper } from '../corpus/paper.js';
import { type VenueNews, venueNews } from '../sources/venue-news.js';
import type {
  CycleRecord,
  DeliveryItem,
  DeliveryKind,
  LedgerPaper,
  PlannedMessage,
  Subscription,
} from '../store/store.js';

/** Papers per announcement message: more become several digests, never a wall of messages. */
export const DIGEST_SIZE = 10;

/** Where papers come from, each with its own first look. */
export type Source = 'corpus' | 'arxiv';
export const sourceOf = (paper: Paper): Source =>
  paper.source.startsWith('arxiv:') ? 'arxiv' : 'corpus';
/** The first look at venues is silent too: a ledger that never kept venues would otherwise tell every one as news. */
export const VENUES = 'venues';

/** The file a paper was read from (`corpus/extra.json`), or its feed id (`arxiv:2611.05555`). */
export const seenInOf = (paper: Paper) => paper.source.replace(/:\d+$/u, '');

export interface PlanInput {
  at: string;
  papers: readonly Paper[];
  /** Files the corpus load reported problems for: papers last read from them are not gone. */
  unreadable: ReadonlySet<string>;
  ledger: readonly LedgerPaper[];
  /** Every subscription, disabled ones too: what a disabled channel is owed is kept for it. */
  subscriptions: readonly Subscription[];
  /** Sources (and `venues`) still on their first look. */
  firstLook: ReadonlySet<string>;
  /** Ids the corpus lists as announced before the ledger existed (`corpus/.announced`). */
  seed?: ReadonlySet<string>;
  /** The ids among `ids` a subscription wants. */
  select: (subscription: Subscription, ids: string[]) => string[];
}

export interface Plan {
  record: CycleRecord;
  /** Papers announced as new this cycle. */
  fresh: Paper[];
  /** Papers recorded without announcing: a source seen for the first time. */
  silent: number;
  news: VenueNews[];
}

/** Short and stable, so every retry of a message carries the same key (Discord nonces stop at 25 characters). */
export function batchKey(
  channel: string,
  kind: DeliveryKind,
  items: readonly DeliveryItem[],
): string {
  const what = items.map((item) => `${item.paperId}@${item.venue ?? ''}`).join(',');
  const scope = kind === 'paper' ? channel : `${channel}|${kind}`;
  return createHash('sha256').update(`${scope}|${what}`).digest('base64url').slice(0, 20);
}

/**
 * Works out what one cycle records, from the corpus as just read and the
 * ledger as it stands: papers seen for the first time (announced, or
 * recorded silently on a source's first look), known papers that are gone
 * or back, preprints that gained a venue, and the messages owed to every
 * subscribed channel — disabled ones included, so nothing is lost while a
 * channel is switched off. Pure: the caller records it in one transaction.
 *
 * @example
 * ```ts
 * const plan = planCycle({ at, papers, unreadable, ledger, subscriptions, firstLook, select });
 * await store.recordCycle(plan.record); // before anything is sent
 * ```
 */
export function planCycle(input: PlanInput): Plan {
  const { at, papers, ledger, firstLook, seed } = input;
  const known = new Map(ledger.map((paper) => [paper.id, paper]));
  const knownArxiv = new Set(ledger.flatMap((paper) => (paper.arxivId ? [paper.arxivId] : [])));
  const unseen = papers.filter(
    (p) => !known.has(p.id) && !(p.arxivId && knownArxiv.has(p.arxivId)),
  );
  // A source seen for the first time is recorded silently (no flood), unless the corpus names
  // what was already announced: then only the rest is new.
  const isFresh = (p: Paper) =>
    !firstLook.has(sourceOf(p)) ||
    (sourceOf(p) === 'corpus' && seed !== undefined && !seed.has(p.id));
  const fresh = unseen.filter(isFresh);

  const present = papers.filter((p) => known.has(p.id));
  const news = firstLook.has(VENUES)
    ? []
    : venueNews(
        present.map((p) => {
          const { venue: _now, ...rest } = p;
          const before = known.get(p.id)?.venue;
          return before ? { ...rest, venue: before } : rest;
        }),
        present,
      );
  const byId = new Map(papers.map((p) => [p.id, p]));
  const messages = [
    ...newPaperMessages(input, fresh),
    ...venueMessages(
      input,
      news.filter((n) => byId.has(n.paperId)),
    ),
  ];
  const baselined = [...firstLook];
  return {
    record: {
      at,
      known: unseen.map((p) => ({
        id: p.id,
        title: p.title,
        seenIn: seenInOf(p),
        ...(p.arxivId ? { arxivId: p.arxivId } : {}),
        ...(p.venue ? { venue: p.venue } : {}),
      })),
      seen: changedPresence(present, known),
      missing: gone(input, byId),
      baselined,
      messages,
    },
    fresh,
    silent: unseen.length - fresh.length,
    news,
  };
}

/** Which subscribed channel gets which new papers, in digests of at most DIGEST_SIZE. */
function newPaperMessages(
  { at, subscriptions, select }: PlanInput,
  fresh: Paper[],
): PlannedMessage[] {
  if (fresh.length === 0) return [];
  const ids = fresh.map((p) => p.id);
  return subscriptions.flatMap((subscription) => {
    const matching = select(subscription, ids);
    const messages: PlannedMessage[] = [];
    for (let i = 0; i < matching.length; i += DIGEST_SIZE) {
      const items = matching.slice(i, i + DIGEST_SIZE).map((paperId) => ({ paperId }));
      const channel = subscription.channel;
      messages.push({
        batch: batchKey(channel, 'paper', items),
        channel,
        kind: 'paper',
        items,
        createdAt: at,
      });
    }
    return messages;
  });
}

/** One message per channel whose subscription wants the paper, per (paper, venue). */
function venueMessages(
  { at, subscriptions, select }: PlanInput,
  news: VenueNews[],
): PlannedMessage[] {
  return news.flatMap(({ paperId, venue }) =>
    subscriptions
      .filter((subscription) => select(subscription, [paperId]).length > 0)
      .map((subscription) => {
        const items = [{ paperId, venue }];
        const channel = subscription.channel;
        return {
          batch: batchKey(channel, 'venue', items),
          channel,
          kind: 'venue' as const,
          items,
          createdAt: at,
        };
      }),
  );
}

/** Known papers read from another file, with a new venue, or back after being missing. */
function changedPresence(
  present: readonly Paper[],
  known: ReadonlyMap<string, LedgerPaper>,
): CycleRecord['seen'] {
  return present.flatMap((paper) => {
    const before = known.get(paper.id);
    const seenIn = seenInOf(paper);
    const same =
      before?.seenIn === seenIn &&
      before.venue === paper.venue &&
      before.missingSince === undefined;
    return same ? [] : [{ id: paper.id, seenIn, ...(paper.venue ? { venue: paper.venue } : {}) }];
  });
}

/**
 * Known papers not in the corpus now. One last read from a file that did
 * not load cleanly (half-written, being edited) is not gone: the file is.
 */
function gone({ ledger, unreadable }: PlanInput, byId: ReadonlyMap<string, Paper>): string[] {
  return ledger
    .filter(
      (paper) =>
        !byId.has(paper.id) &&
        paper.missingSince === undefined &&
        !(paper.seenIn !== undefined && unreadable.has(paper.seenIn)),
    )
    .map((paper) => paper.id);
}
