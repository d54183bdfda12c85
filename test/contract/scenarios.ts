import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Paper } from '../../src/corpus/paper.js';
import { TODAY } from '../support/corpus.js';
import type { Driver, Seen } from './driver.js';
import { createWorld, type World } from './world.js';

/**
 * The conversation every platform must hold, run through the platform's
 * real SDK against the local fakes. A new platform is done when it passes.
 */
export function conversationContract(makeDriver: () => Driver): void {
  const driver = makeDriver();
  let world: World;

  beforeAll(async () => {
    world = createWorld();
    await driver.start(world);
  });
  afterAll(async () => {
    await driver.stop();
    await world.close();
  });

  const paper = (prefix: string): Paper => {
    const found = world.papers.find((p) => p.title.startsWith(prefix));
    if (!found) throw new Error(`no paper "${prefix}"`);
    return found;
  };
  const expectLegal = (seen: Seen) => {
    expect(driver.violations(seen)).toEqual([]);
    expect(driver.hazards(seen)).toEqual([]);
  };

  describe(`${driver.name}: asking`, () => {
    it('GIVEN a question THEN the headline, every matching title, and no other', async () => {
      const seen = await driver.ask('papers by Yiren Zhao in 2019');
      expect(seen.text).toContain('4 papers by Yiren Zhao in 2019, newest first');
      for (const title of [
        'Automatic Generation of Multi-precision',
        'Blackbox Attacks on Reinforcement',
        'Focused Quantization for Sparse CNNs',
        'Sitatapatra: Blocking',
      ])
        expect(seen.text).toContain(title);
      expect(seen.text).not.toContain('Flareon');
      expectLegal(seen);
    });

    it('GIVEN a list THEN each line shows the first three authors and "et al."', async () => {
      const seen = await driver.ask('papers by Yiren Zhao in 2019');
      expect(seen.text).toContain('Yiren Zhao, Xitong Gao, Xuan Guo et al.');
      // The fourth author of that paper appears in its detail view, never in a list line.
      expect(seen.text).not.toContain('Junyi Liu');
    });

    it('GIVEN a list THEN every paper links to its page', async () => {
      const seen = await driver.ask('latest on backdoors');
      const listed = ['Poison Once', 'Lie Detector', 'Flareon'].map(paper);
      for (const p of listed)
        expect(seen.links).toContainEqual({ text: p.title, url: p.url as string });
    });

    it('GIVEN one paper THEN all its authors, its venue and date, and its title linked to its page', async () => {
      const tomato = paper('Automatic Generation of Multi-precision');
      const seen = await driver.paper(tomato, 'detail');
      expect(seen.text).toContain(tomato.authors.join(', '));
      expect(tomato.authors.length).toBeGreaterThan(3);
      expect(seen.text).toContain(tomato.venue as string);
      expect(seen.text).toContain('Oct 2019');
      expect(seen.links).toContainEqual({ text: tomato.title, url: tomato.url as string });
      expectLegal(seen);
    });

    it('GIVEN cite THEN the BibTeX entry', async () => {
      const seen = await driver.paper(paper('Flareon'), 'cite');
      expect(seen.text).toContain('BibTeX for “Flareon');
      expect(seen.text).toMatch(/@misc\{qin2022flareon,\n\s+title\s+= \{Flareon: Stealthy/u);
    });

    it('GIVEN help THEN example questions', async () => {
      const seen = await driver.ask('help');
      expect(seen.text).toContain('papers by Yiren Zhao in 2019');
      if (driver.canBePrivate) expect(seen.private).toBe(true);
    });

    it('GIVEN papers per year THEN a compact table of years and counts', async () => {
      const seen = await driver.ask('papers per year');
      expect(seen.text).toMatch(/papers, per year/u);
      expect(seen.text).toMatch(/^2019 +▇+ 4$/mu);
      expectLegal(seen);
    });

    it('GIVEN who published the most THEN people ranked, one line each', async () => {
      const seen = await driver.ask('who published the most on backdoors');
      expect(seen.text).toContain('Who has the most papers about “backdoors”');
      expect(seen.text).toMatch(/^\s*1\. .+ — 2 papers$/mu);
    });

    it('GIVEN thanks THEN a short friendly reply with examples, not a list', async () => {
      const seen = await driver.ask('thanks!');
      expect(seen.text).toContain('You’re welcome! Ask me about the group’s papers');
      expect(seen.links).toEqual([]);
    });

    it('GIVEN someone not in the corpus THEN nothing listed, and the names they may mean', async () => {
      const seen = await driver.ask('papers by Yuren Zhang');
      expect(seen.text).toContain(
        'No author named Yuren Zhang in the corpus; did you mean Yiren Zhao, Cheng Zhang or Ge Zhang?',
      );
    });
  });

  describe(`${driver.name}: pages`, () => {
    it('GIVEN more matches than a page THEN the next page continues the numbering', async () => {
      const first = await driver.ask('papers by Xitong Gao');
      expect(first.hasNext).toBe(true);
      const second = await driver.next(first);
      const all = world.core.ask('papers by Xitong Gao', { today: TODAY, limit: 100 }).papers;
      const firstShown = all.filter((p) => first.text.includes(p.title));
      const secondShown = all.filter((p) => second.text.includes(p.title));
      expect(firstShown.length).toBeGreaterThan(0);
      expect(secondShown[0]?.id).toBe(all[firstShown.length]?.id);
      expect(secondShown.some((p) => firstShown.includes(p))).toBe(false);
      expect(second.text).toMatch(new RegExp(`(^|\\n)\\s*${firstShown.length + 1}\\. `, 'u'));
    });

    it('GIVEN Next pressed after midnight THEN the page is of the question as it was answered, not as it would be read today', async () => {
      const question = 'papers from last month';
      world.now = new Date('2026-11-30T23:30:00Z');
      try {
        const first = await driver.ask(question);
        expect(first.text).toContain('12 papers last month, newest first');
        const shown = world.papers.filter((p) => first.text.includes(p.title)).length;
        world.now = new Date('2026-12-01T00:30:00Z');
        const second = await driver.next(first);
        const then = world.core.ask(question, { today: '2026-11-30', offset: shown, limit: shown });
        expect(then.papers.length).toBeGreaterThan(0);
        for (const p of then.papers) expect(second.text).toContain(p.title);
        // Read afresh after midnight, "last month" is November: none of its reports are on the page.
        expect(second.text).not.toContain('Monthly Report 2026-11');
      } finally {
        world.now = new Date(`${TODAY}T12:00:00Z`);
      }
    });
  });

  describe(`${driver.name}: follow-ups`, () => {
    it('GIVEN "and in 2025?" after a question about a person THEN that person in 2025', async () => {
      const first = await driver.ask('papers by Tianrui Qin');
      const refined = await driver.followUp(first, 'and in 2025?');
      expect(refined.text).toContain('2 papers by Tianrui Qin in 2025, newest first');
      expect(refined.text).toContain('Flash-Searcher');
      expect(refined.text).not.toContain('APBench');
    });

    it('GIVEN "only with code", then "just first-author ones" THEN each narrows the one before', async () => {
      const first = await driver.ask('papers by Tianrui Qin');
      const withCode = await driver.followUp(first, 'only with code');
      expect(withCode.text).toContain('4 papers by Tianrui Qin with code, newest first');
      expect(withCode.text).not.toContain('Flash-Searcher');
      const firstAuthor = await driver.followUp(withCode, 'just first-author ones');
      expect(firstAuthor.text).toContain(
        '3 papers by Tianrui Qin as first author with code, newest first',
      );
      expect(firstAuthor.text).not.toContain('OAgents');
    });

    it('GIVEN "older ones" THEN the same papers, oldest first', async () => {
      const first = await driver.ask('papers by Tianrui Qin');
      const older = await driver.followUp(first, 'older ones');
      expect(older.text).toContain('5 papers by Tianrui Qin, oldest first');
      expect(older.text.indexOf('Flareon')).toBeLessThan(older.text.indexOf('Flash-Searcher'));
    });

    it('GIVEN "more" THEN the next page of the question before', async () => {
      const question = 'papers by Xitong Gao';
      const first = await driver.ask(question);
      const more = await driver.followUp(first, 'more');
      const ids = (seen: Seen) =>
        world.papers.filter((p) => seen.text.includes(p.title)).map((p) => p.id);
      const shown = ids(first).length;
      const page = world.core.ask(question, { today: TODAY, offset: shown, limit: shown }).papers;
      expect(page.length).toBeGreaterThan(0);
      expect(ids(more).sort()).toEqual(page.map((p) => p.id).sort());
    });

    it('GIVEN a follow-up that is a question of its own THEN it is answered as new', async () => {
      const first = await driver.ask('papers by Tianrui Qin');
      const other = await driver.followUp(first, 'what is MORA?');
      expect(other.text).toContain('MORA: Improving Ensemble Robustness Evaluation');
      expect(other.text).not.toContain('Tianrui Qin');
    });

    it('GIVEN "and in 2025?" outside any conversation THEN it stands alone', async () => {
      const alone = await driver.ask('and in 2025?');
      expect(alone.text).toMatch(/\d+ papers in 2025, newest first/u);
      expect(alone.text).not.toContain('by Tianrui Qin');
    });
  });

  describe(`${driver.name}: subscriptions`, () => {
    const stored = async () =>
      (await world.store.subscriptions()).find((s) => s.channel === driver.channel);

    it('GIVEN someone who may not manage the channel THEN refused, and nothing stored', async () => {
      const seen = await driver.subscribe('backdoors', false);
      expect(seen.text).toMatch(/^Only .+ can change this channel’s announcements\.$/u);
      if (driver.canBePrivate) expect(seen.private).toBe(true);
      expect(await stored()).toBeUndefined();
      expect((await driver.unsubscribe(false)).text).toMatch(/^Only /u);
    });

    it('GIVEN a manager THEN subscribed with the typed query kept, and unsubscribed again', async () => {
      const seen = await driver.subscribe('papers by Tianrui Qin', true);
      expect(seen.text).toBe(
        'Subscribed: new papers by Tianrui Qin will be announced here. Papers already known are not re-posted.',
      );
      expect(await stored()).toMatchObject({
        query: 'papers by Tianrui Qin',
        parsedQuery: { intent: 'list', filters: { authors: [{ names: ['Tianrui Qin'] }] } },
      });
      expect((await driver.unsubscribe(true)).text).toBe(
        'This channel will no longer get announcements.',
      );
      expect(await stored()).toBeUndefined();
    });

    it('GIVEN a subscription naming nobody in the corpus THEN refused with suggestions', async () => {
      const seen = await driver.subscribe('papers by Yuren Zhang', true);
      expect(seen.text).toMatch(/^No author named Yuren Zhang in the corpus; did you mean/u);
      expect(await stored()).toBeUndefined();
    });
  });

  describe(`${driver.name}: hostile text, errors and limits`, () => {
    it('GIVEN corpus text with mention, broadcast and link syntax THEN it is shown, and nothing pings or links', async () => {
      const list = await driver.ask('Hijack');
      expect(list.text).toContain('Hijack @');
      expectLegal(list);
      const detail = await driver.paper(paper('Hijack'), 'detail');
      expect(detail.text).toContain('Mallory');
      expectLegal(detail);
    });

    it('GIVEN a question over the length cap THEN a refusal that says why', async () => {
      const seen = await driver.ask('x'.repeat(501));
      expect(seen.text).toContain('501 characters long; please keep it under 500');
      if (driver.canBePrivate) expect(seen.private).toBe(true);
    });

    it('GIVEN answers far larger than a message THEN within every limit, cut cleanly', async () => {
      expectLegal(await driver.ask('top 40 papers about lorem'));
      const huge = await driver.paper(paper('Loremzilla'), 'detail');
      expectLegal(huge);
      expect(huge.text).toContain('Lorem ipsum');
    });

    it('GIVEN the core failing THEN one apology naming the request, and one log line with its id', async () => {
      world.breakCore();
      const seen = await driver.ask('anything at all');
      const id = /\(request ([^)]+)\)/u.exec(seen.text)?.[1];
      expect(seen.text).toMatch(
        /^Sorry, something went wrong answering that\. It has been logged \(request .+\); please try again\.$/u,
      );
      if (driver.canBePrivate) expect(seen.private).toBe(true);
      const failures = world.log.lines().filter((line) => line.msg === 'request failed');
      expect(failures).toEqual([
        expect.objectContaining({
          requestId: id,
          platform: driver.name,
          err: expect.objectContaining({ message: 'index exploded' }),
        }),
      ]);
    });
  });
}
