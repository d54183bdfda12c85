import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderReply } from '../../adapters/discord/render-message.js';
import { renderBlocks } from '../../adapters/slack/render-blocks.js';
import { layoutAnswer } from '../../src/conversation/layout-answer.js';
import type { Origin } from '../../src/conversation/request.js';
import { buildCorpus, MAX_ABSTRACT_LENGTH } from '../../src/corpus/load-corpus.js';
import { cleanQuestion } from '../../src/query/question-text.js';
import { SqliteStore } from '../../src/store/sqlite-store.js';
import { realConversation } from '../support/conversation.js';
import { answerText, bundled, LISTING_TEXT, TODAY } from '../support/corpus.js';
import { discordViolations } from '../support/discord-limits.js';

const HOSTILE: Array<[string, string]> = [
  ['empty', ''],
  ['100 kB', 'papers by Yiren Zhao '.repeat(5000)],
  ['only emoji', '😀🔥🧪📄🤖'.repeat(20)],
  ['right-to-left', 'مقالات عن الأبواب الخلفية ‏papers‎ ‮gnitset‬'],
  ['control characters', 'papers\u0000by\u0007Yiren\u001bZhao\u0008\u007f in\r\n2019\u200b\u2028'],
  ['@everyone', '@everyone @here papers by <@123456789012345678> <@&987654321098765432>'],
  ['<!channel>', '<!channel> <!here> <https://evil.example|click> latest'],
  [
    'markdown',
    '**bold** __under__ ~~strike~~ `code` ```block``` > quote # heading [link](https://x.y) ||spoiler||',
  ],
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal "${}" is part of the hostile input.
  ['regex metacharacters', '.*+?^${}()|[]\\ (a+)+$ (?=x) \\b\\1 [[:alpha:]]'],
  ['SQL', '\'; DROP TABLE subscriptions; -- papers by Yiren Zhao" OR 1=1 /*'],
  ['nested quotes', '"\'"“‘«papers by "Yiren \'Zhao\'"»’”\'"'.repeat(10)],
  ['lone surrogates', '\uD800papers\uDFFF by \uDBFF'],
  ['very long word', 'x'.repeat(499)],
  ['many short words', 'a b c d e f g h i j k l m n o p q r s t u v w x y z '.repeat(9)],
  ['numbers', '2019 2020 2021 1900 2100 9999 0 -1 1e9 NaN Infinity'],
  ['unknown paper id', 'cite id:x'],
  ['unknown paper id in a title', 'what is id:no-such-paper-at-all'],
];

function checkRendered(question: string): void {
  const answer = bundled().core.ask(question, { today: TODAY, limit: 10 });
  expect(answerText(answer).length).toBeGreaterThan(0);
  const reply = layoutAnswer(answer);
  const discord = renderReply(reply);
  expect(discord.allowedMentions).toEqual({ parse: [] });
  expect(discordViolations(discord)).toEqual([]);
  expect(JSON.stringify(discord)).not.toMatch(/@everyone|@here|<@[&!]?\d|<#\d/u);
  const slack = renderBlocks(reply);
  // Links pubbot builds from corpus URLs are fine; nothing shown may form a broadcast or a mention.
  // Button values are opaque data Slack never renders, so they may carry the question as typed.
  const shown = JSON.stringify(slack.blocks, (key, value) => (key === 'value' ? undefined : value));
  expect(`${slack.text}${shown}`).not.toMatch(/<!|<@/u);
  expect(slack.blocks.length).toBeLessThanOrEqual(50);
}

describe('hostile questions', () => {
  it.each(HOSTILE)(
    'GIVEN %s THEN an answer or a clear refusal, rendered without pings or broken limits',
    (_name, question) => {
      checkRendered(question);
    },
  );

  it('GIVEN 100 kB THEN a refusal that says why', () => {
    const answer = bundled().core.ask('papers by Yiren Zhao '.repeat(5000));
    expect(answer.shape).toBe('refusal');
    expect(answerText(answer)).toMatch(/please keep it under 500/u);
  });

  it('GIVEN thousands of random strings THEN every one is answered and renders safely', () => {
    const mentionish = fc.constantFrom(
      '@everyone',
      '<!channel>',
      '<@1>',
      '**',
      '`',
      '\u0000',
      '‮',
      'Yiren',
      'by',
      '2019',
      '<',
      '&',
      '|',
    );
    const text = fc.oneof(
      fc.string({ maxLength: 600 }),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.array(mentionish, { maxLength: 30 }).map((parts) => parts.join(' ')),
    );
    fc.assert(
      fc.property(text, (question) => checkRendered(question)),
      { numRuns: 2000 },
    );
  });
});

/** A real store file, the announcer that manages its subscriptions, and the funnel in front of it. */
function subscriptionsOnDisk() {
  const path = join(mkdtempSync(join(tmpdir(), 'pubbot-hostile-')), 'pubbot.db');
  const store = new SqliteStore(path);
  const { conversation } = realConversation(store);
  const origin: Origin = {
    platform: 'shell',
    channel: 'hostile',
    user: 'tester',
    surface: { pageSize: 10, tokenLength: 0 },
    mayManage: async () => true,
    managers: 'anyone',
  };
  const subscribe = (query: string) => conversation.handle({ kind: 'subscribe', query }, origin);
  return { path, store, subscribe };
}

describe('hostile text never reaches the store', () => {
  it('GIVEN hostile subscription queries THEN each is refused or stored verbatim through parameters, and the schema is intact', async () => {
    const { path, store, subscribe } = subscriptionsOnDisk();
    for (const [, question] of HOSTILE) {
      const reply = await subscribe(question);
      const stored = (await store.subscriptions()).find((s) => s.channel === 'shell:hostile');
      if (reply.visibility === 'public') expect(stored?.query ?? '').toBe(cleanQuestion(question));
      else expect(reply.text?.length).toBeGreaterThan(0);
    }
    await store.close();
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    const tables = (
      raw
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .all() as Array<{ name: string }>
    ).map((t) => t.name);
    expect(tables).toEqual([
      'baselines',
      'contexts',
      'deliveries',
      'known_papers',
      'learned_papers',
      'leases',
      'messages',
      'seen_events',
      'subscriptions',
      'synced_facts',
    ]);
    expect(
      (raw.prepare('SELECT COUNT(*) AS n FROM subscriptions').get() as { n: number }).n,
    ).toBeLessThanOrEqual(1);
    raw.close();
  });

  it('GIVEN a question over the length cap as a subscription THEN it is refused, not stored', async () => {
    const { store, subscribe } = subscriptionsOnDisk();
    expect((await subscribe('y'.repeat(600))).text).toMatch(/please keep it under 500/u);
    expect(await store.subscriptions()).toEqual([]);
    await store.close();
  });
});

describe('hostile corpus files', () => {
  it('GIVEN broken lines, a wrong encoding, duplicates and a huge abstract THEN good entries load and bad ones are reported by file and line', () => {
    const good = LISTING_TEXT.split('\n').slice(0, 6).join('\n');
    const latin1 = new TextDecoder('utf-8').decode(
      Buffer.from('LGMar 1, 2024\nCaf\xe9 Studies Are NiceAna Ruiz\nAbstract.\n', 'latin1'),
    );
    const huge = `LGMar 2, 2024\nA Study With a Huge AbstractAna Ruiz, Bo Li\n${'word '.repeat(30_000)}\n`;
    const broken =
      'this is not a header\nnor this\nLGMar 3, 2024\n\nLGMar 4, 2024\nAnother Good StudyAna Ruiz\nFine abstract.\n';
    const { papers, problems } = buildCorpus([
      { name: 'corpus/a.txt', text: good },
      { name: 'corpus/b.txt', text: `${latin1}${huge}${broken}` },
      { name: 'corpus/c.txt', text: good },
    ]);
    expect(papers.map((p) => p.title)).toEqual([
      'Learning the Unlearnable: Adversarial Augmentations Suppress Unlearnable Example Attacks',
      'MORA: Improving Ensemble Robustness Evaluation with Model-Reweighing Attack',
      'A Study With a Huge Abstract',
      'Another Good Study',
    ]);
    expect(papers[2]?.abstract.length).toBeLessThanOrEqual(MAX_ABSTRACT_LENGTH);
    expect(problems.map((p) => `${p.file}:${p.line} ${p.message}`).sort()).toEqual([
      'corpus/b.txt:2 entry is not valid UTF-8 text',
      'corpus/b.txt:4 abstract is 149999 characters; cut to 20000',
      'corpus/b.txt:7 text outside any entry; skipped up to the next header',
      'corpus/b.txt:9 entry has no title/author line',
      'corpus/c.txt:1 duplicate of the entry at corpus/a.txt:1; skipped',
      'corpus/c.txt:4 duplicate of the entry at corpus/a.txt:4; skipped',
    ]);
  });
});
