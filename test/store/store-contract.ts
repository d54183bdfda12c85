import { afterEach, describe, expect, it } from 'vitest';
import type { CycleRecord, PlannedMessage, Store } from '../../src/store/store.js';

/** A fresh database, and a way to open it again as another process or replica would. */
export interface StoreUnderTest {
  store: Store;
  another(): Promise<Store>;
}

const AT = '2026-11-25T09:00:00.000Z';
const LATER = '2026-11-25T09:05:00.000Z';
const MUCH_LATER = '2026-11-25T10:00:00.000Z';

const cycle = (overrides: Partial<CycleRecord>): CycleRecord => ({
  at: AT,
  known: [],
  seen: [],
  missing: [],
  baselined: [],
  messages: [],
  ...overrides,
});
const message = (batch: string, channel: string, paperIds: string[]): PlannedMessage => ({
  batch,
  channel,
  kind: 'paper',
  items: paperIds.map((paperId) => ({ paperId })),
  createdAt: AT,
});
const subscribe = (store: Store, channel: string, origin: 'command' | 'config' = 'command') =>
  store.saveSubscription({ channel, createdBy: 'u1', createdAt: AT, origin });
const claim = (owner: string, now = AT, until = LATER) => ({ owner, now, until });

/**
 * What every Store must do, run against SQLite and PostgreSQL alike:
 * subscriptions and their re-enabling, the ledger (a pair owed once,
 * presence, cancellations), atomic claims with takeover after expiry, the
 * planning lease, learned facts, follow-up contexts and event ids shared
 * between processes.
 */
export function storeContract(name: string, open: () => Promise<StoreUnderTest>): void {
  const opened: Store[] = [];
  const fresh = async () => {
    const db = await open();
    opened.push(db.store);
    return {
      store: db.store,
      another: async () => {
        const store = await db.another();
        opened.push(store);
        return store;
      },
    };
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });

  describe(`${name}: subscriptions`, () => {
    it('GIVEN subscriptions THEN they can be saved, replaced, removed, and config ones synced without resetting their start', async () => {
      const { store } = await fresh();
      await store.saveSubscription({
        channel: 'discord:1',
        query: 'backdoors',
        createdBy: 'u1',
        createdAt: AT,
        origin: 'command',
      });
      await store.replaceConfigSubscriptions(
        [{ channel: 'shell:local' }, { channel: 'slack:C1', query: 'cs.CV' }],
        AT,
      );
      await store.replaceConfigSubscriptions([{ channel: 'shell:local' }], MUCH_LATER);
      expect(
        (await store.subscriptions()).map((s) => [
          s.channel,
          s.query ?? null,
          s.origin,
          s.createdAt,
        ]),
      ).toEqual([
        ['discord:1', 'backdoors', 'command', AT],
        ['shell:local', null, 'config', AT],
      ]);
      expect(await store.removeSubscription('discord:1')).toBe(true);
      expect(await store.removeSubscription('discord:1')).toBe(false);
    });

    it('GIVEN a typed query THEN it comes back typed', async () => {
      const { store } = await fresh();
      const parsedQuery = { intent: 'help' as const, ignored: [] };
      await store.saveSubscription({
        channel: 'shell:a',
        query: 'help',
        parsedQuery,
        createdBy: 'u1',
        createdAt: AT,
        origin: 'command',
      });
      expect((await store.subscriptions())[0]).toMatchObject({ query: 'help', parsedQuery });
    });

    it('GIVEN transient failures THEN they are counted and never disable; a success resets them', async () => {
      const { store } = await fresh();
      await subscribe(store, 'discord:9');
      for (let i = 0; i < 20; i++) await store.recordChannelFailure('discord:9', 'HTTP 503');
      expect((await store.subscriptions())[0]).toMatchObject({
        failures: 20,
        lastError: 'HTTP 503',
      });
      expect((await store.subscriptions())[0]?.disabledAt).toBeUndefined();
      await store.recordChannelSuccess('discord:9');
      expect((await store.subscriptions())[0]).toMatchObject({ failures: 0 });
      expect((await store.subscriptions())[0]?.lastError).toBeUndefined();
    });

    it('GIVEN a channel disabled with deliveries owed THEN it is listed with them, and subscribing or configuring it again re-enables it with what it is owed', async () => {
      const { store } = await fresh();
      await subscribe(store, 'discord:9');
      await subscribe(store, 'shell:ok');
      await store.recordCycle(
        cycle({
          messages: [message('b1', 'discord:9', ['p1', 'p2']), message('b2', 'shell:ok', ['p1'])],
        }),
      );
      expect(await store.disableChannel('discord:9', 'Missing Access (50001)', LATER)).toBe(true);
      expect(await store.disableChannel('discord:9', 'Missing Access (50001)', MUCH_LATER)).toBe(
        false,
      );
      expect(await store.disabledChannels()).toEqual([
        { channel: 'discord:9', since: LATER, reason: 'Missing Access (50001)', owed: 2 },
      ]);
      await subscribe(store, 'discord:9');
      expect(await store.disabledChannels()).toEqual([]);
      expect((await store.openMessages()).map((m) => m.batch)).toEqual(['b1', 'b2']);
      await store.disableChannel('discord:9', 'Unknown Channel (10003)', LATER);
      await store.replaceConfigSubscriptions([{ channel: 'discord:9' }], MUCH_LATER);
      expect(await store.disabledChannels()).toEqual([]);
    });

    it('GIVEN an unsubscribe THEN what the channel was owed is cancelled, so a later subscription starts clean', async () => {
      const { store } = await fresh();
      await subscribe(store, 'slack:C1');
      await store.recordCycle(cycle({ messages: [message('b1', 'slack:C1', ['p1'])] }));
      await store.removeSubscription('slack:C1');
      expect(await store.openMessages()).toEqual([]);
    });
  });

  describe(`${name}: the ledger`, () => {
    it('GIVEN a cycle recorded twice, or a paper in two messages THEN no (channel, paper) is ever owed twice', async () => {
      const { store } = await fresh();
      const record = cycle({
        known: [
          { id: 'p1', title: 'P1', arxivId: '2611.00001', seenIn: 'corpus/a.txt' },
          { id: 'p2', title: 'P2', seenIn: 'corpus/a.txt', venue: 'ICLR 2026' },
        ],
        baselined: ['corpus'],
        messages: [message('b1', 'shell:a', ['p1', 'p2'])],
      });
      await store.recordCycle(record);
      await store.recordCycle({ ...record, messages: [message('b2', 'shell:a', ['p2', 'p1'])] });
      expect(await store.openMessages()).toEqual([
        {
          batch: 'b1',
          channel: 'shell:a',
          kind: 'paper',
          items: [{ paperId: 'p1' }, { paperId: 'p2' }],
          createdAt: AT,
          status: 'pending',
          attempts: 0,
        },
      ]);
      expect(await store.ledgerPapers()).toEqual(
        expect.arrayContaining([
          { id: 'p1', title: 'P1', arxivId: '2611.00001', seenIn: 'corpus/a.txt' },
          { id: 'p2', title: 'P2', seenIn: 'corpus/a.txt', venue: 'ICLR 2026' },
        ]),
      );
      expect(await store.isBaselined('corpus')).toBe(true);
      expect(await store.isBaselined('arxiv')).toBe(false);
    });

    it('GIVEN venue news THEN it is owed once per paper and venue, beside the paper itself', async () => {
      const { store } = await fresh();
      const news = (batch: string, venue: string): PlannedMessage => ({
        batch,
        channel: 'shell:a',
        kind: 'venue',
        items: [{ paperId: 'p1', venue }],
        createdAt: AT,
      });
      await store.recordCycle(
        cycle({
          messages: [
            message('b1', 'shell:a', ['p1']),
            news('v1', 'NeurIPS 2025'),
            news('v2', 'NeurIPS 2025'),
            news('v3', 'ICLR 2026'),
          ],
        }),
      );
      expect((await store.openMessages()).map((m) => [m.batch, m.kind, m.items])).toEqual([
        ['b1', 'paper', [{ paperId: 'p1' }]],
        ['v1', 'venue', [{ paperId: 'p1', venue: 'NeurIPS 2025' }]],
        ['v3', 'venue', [{ paperId: 'p1', venue: 'ICLR 2026' }]],
      ]);
    });

    it('GIVEN papers missing and back THEN the ledger keeps since when, and forgets it when they return', async () => {
      const { store } = await fresh();
      await store.recordCycle(
        cycle({ known: [{ id: 'p1', title: 'P1', seenIn: 'corpus/a.json' }] }),
      );
      await store.recordCycle(cycle({ at: LATER, missing: ['p1'] }));
      await store.recordCycle(cycle({ at: MUCH_LATER, missing: ['p1'] }));
      expect((await store.ledgerPapers())[0]).toMatchObject({ missingSince: LATER });
      await store.recordCycle(
        cycle({ seen: [{ id: 'p1', seenIn: 'corpus/b.json', venue: 'ICML 2026' }] }),
      );
      expect((await store.ledgerPapers())[0]).toEqual({
        id: 'p1',
        title: 'P1',
        seenIn: 'corpus/b.json',
        venue: 'ICML 2026',
      });
    });

    it('GIVEN papers cancelled from a digest THEN the rest stays owed; with none left the message is cancelled', async () => {
      const { store } = await fresh();
      await store.recordCycle(cycle({ messages: [message('b1', 'shell:a', ['p1', 'p2'])] }));
      await store.cancelItems('b1', ['p1'], LATER);
      expect((await store.openMessages())[0]?.items).toEqual([{ paperId: 'p2' }]);
      await store.cancelItems('b1', ['p2'], LATER);
      expect(await store.openMessages()).toEqual([]);
    });
  });

  describe(`${name}: claims`, () => {
    it('GIVEN one message and two processes claiming it at once, many times over THEN exactly one wins', async () => {
      const db = await fresh();
      const other = await db.another();
      const batches = Array.from({ length: 10 }, (_, i) => `b${i}`);
      await db.store.recordCycle(
        cycle({ messages: batches.map((batch, i) => message(batch, 'shell:a', [`p${i}`])) }),
      );
      const wins = await Promise.all(
        batches.flatMap((batch) =>
          [db.store, other, db.store, other].map(async (store, i) =>
            (await store.claimMessage(batch, '{}', claim(`owner-${i}`))) ? batch : undefined,
          ),
        ),
      );
      expect(wins.filter(Boolean).sort()).toEqual([...batches].sort());
    });

    it('GIVEN a claim THEN others are kept off until it expires; its owner may take it again; renewing extends it', async () => {
      const { store } = await fresh();
      await store.recordCycle(cycle({ messages: [message('b1', 'shell:a', ['p1'])] }));
      expect(await store.claimMessage('b1', '{"v":1}', claim('A'))).toEqual({
        unconfirmed: false,
        attemptedAt: AT,
        payload: '{"v":1}',
      });
      expect(
        await store.claimMessage('b1', '{"v":2}', claim('B', '2026-11-25T09:01:00.000Z')),
      ).toBeUndefined();
      expect(await store.renewClaim('b1', claim('A', AT, MUCH_LATER))).toBe(true);
      expect(await store.renewClaim('b1', claim('B', AT, MUCH_LATER))).toBe(false);
      expect(
        await store.claimMessage('b1', '{"v":2}', claim('B', LATER, MUCH_LATER)),
      ).toBeUndefined();
      expect(
        await store.claimMessage('b1', '{"v":3}', claim('A', LATER, MUCH_LATER)),
      ).toMatchObject({
        unconfirmed: true,
        payload: '{"v":1}',
      });
      expect((await store.openMessages())[0]).toMatchObject({
        status: 'sending',
        attempts: 2,
        claimOwner: 'A',
        claimUntil: MUCH_LATER,
      });
    });

    it('GIVEN a claim whose owner died THEN another takes it over after expiry, told the earlier attempt may have been posted, with what it said', async () => {
      const db = await fresh();
      await db.store.recordCycle(cycle({ messages: [message('b1', 'shell:a', ['p1'])] }));
      await db.store.claimMessage('b1', '{"first":true}', claim('dead'));
      const survivor = await db.another();
      expect(
        await survivor.claimMessage('b1', '{"second":true}', claim('alive', LATER, MUCH_LATER)),
      ).toEqual({
        unconfirmed: true,
        attemptedAt: AT,
        payload: '{"first":true}',
      });
      await survivor.confirmMessage('b1', { messageId: 'm1', at: MUCH_LATER });
      expect(await db.store.openMessages()).toEqual([]);
      expect(
        await db.store.claimMessage('b1', '{}', claim('dead', MUCH_LATER, MUCH_LATER)),
      ).toBeUndefined();
    });

    it('GIVEN a claim released as certainly not posted THEN the next claim starts afresh; released as maybe posted THEN it is unconfirmed', async () => {
      const { store } = await fresh();
      await store.recordCycle(cycle({ messages: [message('b1', 'shell:a', ['p1'])] }));
      await store.claimMessage('b1', '{"a":1}', claim('A'));
      await store.releaseMessage('b1', 'A', { status: 'pending', error: 'HTTP 503' });
      expect((await store.openMessages())[0]).toMatchObject({
        status: 'pending',
        lastError: 'HTTP 503',
      });
      expect(await store.claimMessage('b1', '{"a":2}', claim('B', LATER))).toEqual({
        unconfirmed: false,
        attemptedAt: LATER,
        payload: '{"a":2}',
      });
      await store.releaseMessage('b1', 'B', { status: 'sending', error: 'socket hang up' });
      expect(await store.claimMessage('b1', '{"a":3}', claim('C', MUCH_LATER))).toEqual({
        unconfirmed: true,
        attemptedAt: LATER,
        payload: '{"a":2}',
      });
    });
  });

  describe(`${name}: the planning lease`, () => {
    const lease = (owner: string, now = AT, slot?: string) => ({
      name: 'announce',
      owner,
      now,
      ttlMs: 60_000,
      ...(slot ? { slot } : {}),
    });

    it('GIVEN a lease held THEN a second owner does not run; once released it can; a slot planned is not planned again', async () => {
      const db = await fresh();
      const other = await db.another();
      let inside: unknown;
      const held = await db.store.withLease(lease('A', AT, 'slot-1'), async () => {
        inside = await other.withLease(lease('B'), async () => 'B ran');
        return 'A ran';
      });
      expect(held).toEqual({ held: true, value: 'A ran' });
      expect(inside).toEqual({ held: false, reason: 'busy' });
      expect(await other.withLease(lease('B', LATER), async () => 'B ran')).toEqual({
        held: true,
        value: 'B ran',
      });
      expect(await other.withLease(lease('C', LATER, 'slot-1'), async () => 'again')).toEqual({
        held: false,
        reason: 'done',
      });
      expect(await other.withLease(lease('C', LATER, 'slot-2'), async () => 'next')).toEqual({
        held: true,
        value: 'next',
      });
    });

    it('GIVEN work that throws THEN the lease is given back', async () => {
      const { store } = await fresh();
      await expect(
        store.withLease(lease('A'), async () => {
          throw new Error('feed exploded');
        }),
      ).rejects.toThrow('feed exploded');
      expect(await store.withLease(lease('B'), async () => 1)).toEqual({ held: true, value: 1 });
    });
  });

  describe(`${name}: learned facts, contexts and event ids`, () => {
    it('GIVEN feed papers and synced facts THEN a re-sync replaces what a source said, others keep theirs', async () => {
      const db = await fresh();
      const feedPaper = {
        title: 'A Feed Paper',
        authors: ['Ana Ruiz'],
        authorsTruncated: false,
        published: '2026-01-01',
        categoryCode: 'cs.LG',
        abstract: 'x',
        source: 'arxiv:2601.00001',
      };
      await db.store.saveLearnedFacts([feedPaper], AT);
      await db.store.saveLearnedFacts([{ ...feedPaper, abstract: 'updated' }], AT);
      const mora = { title: 'MORA', venue: 'NeurIPS 2022', source: 'sync:dblp' };
      const flareon = { title: 'Flareon', venue: 'ICLR 2023', source: 'sync:dblp' };
      const ids = { title: 'Flareon', arxivId: '2212.09979', source: 'sync:arxiv' };
      await db.store.replaceSyncedFacts(
        [
          { source: 'dblp', facts: [mora, flareon] },
          { source: 'arxiv', facts: [ids] },
        ],
        AT,
      );
      const later = { ...mora, venue: 'NeurIPS 2023' };
      await db.store.replaceSyncedFacts([{ source: 'dblp', facts: [later, later] }], AT);
      expect(await (await db.another()).learnedFacts()).toEqual([
        { ...feedPaper, abstract: 'updated' },
        ids,
        later,
      ]);
    });

    it('GIVEN conversation state THEN another process reads it, a newer save replaces it, and it is gone once expired', async () => {
      const db = await fresh();
      await db.store.saveContext('slack:C1:1.0', { question: 'first' }, '2026-11-26T09:00:00.000Z');
      await db.store.saveContext(
        'slack:C1:1.0',
        { question: 'second' },
        '2026-11-26T09:00:00.000Z',
      );
      await db.store.saveContext(
        'shell:s1',
        { question: 'short-lived' },
        '2026-11-25T10:00:00.000Z',
      );
      const other = await db.another();
      expect(await other.loadContext('slack:C1:1.0', AT)).toEqual({ question: 'second' });
      expect(await other.loadContext('shell:s1', AT)).toEqual({ question: 'short-lived' });
      expect(await other.loadContext('shell:s1', '2026-11-25T10:00:00.000Z')).toBeUndefined();
      expect(await other.loadContext('nobody', AT)).toBeUndefined();
    });

    it('GIVEN one event id offered by two processes at once THEN exactly one sees it first; after the window it is new again', async () => {
      const db = await fresh();
      const other = await db.another();
      const tries = await Promise.all(
        [db.store, other, db.store, other].map((store) =>
          store.firstSighting('slack:Ev1', AT, '2026-11-25T07:00:00.000Z'),
        ),
      );
      expect(tries.filter(Boolean)).toHaveLength(1);
      expect(await other.firstSighting('slack:Ev1', LATER, '2026-11-25T07:05:00.000Z')).toBe(false);
      expect(await other.firstSighting('slack:Ev1', '2026-11-25T12:00:00.000Z', LATER)).toBe(true);
    });
  });
}
