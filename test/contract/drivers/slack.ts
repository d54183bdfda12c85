import { SlackPlatform } from '../../../adapters/slack/slack-platform.js';
import {
  BOT_USER_ID,
  eventEnvelope,
  FakeSlack,
  nextTs,
  postSigned,
  SIGNING_SECRET,
} from '../../support/fake-slack.js';
import type { RecordedRequest } from '../../support/http-server.js';
import { serveRoutes } from '../../support/serve-routes.js';
import { type Driver, nameOf, type Seen } from '../driver.js';
import type { World } from '../world.js';

const CHANNEL = 'CCONTRACT';
const ASKER = 'UASKER01';
const MANAGER = 'UADMIN01';

interface Block {
  type: string;
  text?: { text: string };
  elements?: Array<{ text?: string | { text: string }; value?: string; action_id?: string }>;
}

/** mrkdwn read back: `<url|label>` links collected, entities and bold undone. */
function readMrkdwn(mrkdwn: string, links: Seen['links']): string {
  const plainText = (text: string) =>
    text.replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&amp;/gu, '&');
  return plainText(
    mrkdwn
      .replace(/<(https?:[^|>]+)\|([^>]*)>/gu, (_all, url: string, text: string) => {
        links.push({ text: plainText(text), url });
        return text;
      })
      .replace(/(^|\s|\n)\*|\*(?=\s|$|\n|\()/gu, '$1')
      .replace(/```/gu, ''),
  );
}

function seen(body: { text?: string; blocks?: string | Block[] }, thread: string): Seen {
  const blocks =
    typeof body.blocks === 'string' ? (JSON.parse(body.blocks) as Block[]) : (body.blocks ?? []);
  const links: Seen['links'] = [];
  const parts: string[] = [];
  let next: string | undefined;
  for (const block of blocks) {
    if (block.text) parts.push(readMrkdwn(block.text.text, links));
    for (const element of block.elements ?? []) {
      if (element.action_id === 'pubbot_show_more') next = element.value;
      else if (typeof element.text === 'string') parts.push(readMrkdwn(element.text, links));
    }
  }
  return {
    text: parts.join('\n'),
    links,
    private: false,
    hasNext: next !== undefined,
    raw: { text: body.text, blocks },
    handle: { thread, next },
  };
}

/** Slack through the real Bolt app over HTTP, signed requests in, Web API calls out to the local fake. */
export function slackDriver(): Driver {
  let fake: FakeSlack;
  let platform: SlackPlatform;
  let server: Awaited<ReturnType<typeof serveRoutes>>;
  let url = '';
  let counter = 0;
  /** A post to this thread that was not there before. */
  const nextPost = (thread: string, before: Set<RecordedRequest>) =>
    fake.http.waitFor(
      (r) =>
        r.path === '/api/chat.postMessage' &&
        (r.body as Record<string, string>).thread_ts === thread &&
        !before.has(r),
    );
  const mention = async (text: string, user = ASKER, thread?: string) => {
    const ts = nextTs();
    const before = new Set(fake.http.requests);
    const event = {
      type: 'app_mention',
      user,
      text: `<@${BOT_USER_ID}> ${text}`,
      ts,
      channel: CHANNEL,
      ...(thread ? { thread_ts: thread } : {}),
    };
    await postSigned(url, JSON.stringify(eventEnvelope(event)));
    const posted = await nextPost(thread ?? ts, before);
    return seen(posted.body as Record<string, string>, thread ?? ts);
  };
  return {
    name: 'slack',
    canBePrivate: false,
    channel: `slack:${CHANNEL}`,
    async start(world: World) {
      fake = await FakeSlack.start();
      fake.admins.add(MANAGER);
      platform = new SlackPlatform({
        botToken: 'xoxb-contract',
        transport: { kind: 'http', signingSecret: SIGNING_SECRET },
        apiUrl: fake.apiUrl,
        conversation: world.conversation,
        logger: world.log.logger,
        events: world.store,
      });
      await platform.start();
      server = await serveRoutes(platform.routes());
      url = server.url('/slack/events');
    },
    async stop() {
      await platform.stop();
      await server.close();
      await fake.close();
    },
    ask: (text) => mention(text),
    paper: (paper, view) =>
      mention(view === 'detail' ? `what is ${nameOf(paper)}` : `cite ${nameOf(paper)}`),
    async next(after) {
      const { thread, next } = after.handle as { thread: string; next?: string };
      if (!next) throw new Error('no Show more button on this reply');
      const respond = `more${++counter}`;
      const payload = {
        type: 'block_actions',
        user: { id: ASKER },
        team: { id: 'T0000001' },
        api_app_id: 'A0000001',
        container: {
          type: 'message',
          message_ts: nextTs(),
          channel_id: CHANNEL,
          thread_ts: thread,
        },
        channel: { id: CHANNEL },
        response_url: fake.responseUrl(respond),
        trigger_id: `t${counter}`,
        token: 'legacy',
        actions: [
          {
            type: 'button',
            action_id: 'pubbot_show_more',
            block_id: 'b',
            value: next,
            action_ts: nextTs(),
          },
        ],
      };
      await postSigned(url, new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), {
        contentType: 'application/x-www-form-urlencoded',
      });
      const replaced = await fake.http.waitFor((r) => r.path === `/respond/${respond}`);
      return seen(replaced.body as { text: string; blocks: Block[] }, thread);
    },
    followUp: (after, text) => mention(text, ASKER, (after.handle as { thread: string }).thread),
    subscribe: (query, asManager) =>
      mention(
        query === undefined ? 'subscribe' : `subscribe ${query}`,
        asManager ? MANAGER : ASKER,
      ),
    unsubscribe: (asManager) => mention('unsubscribe', asManager ? MANAGER : ASKER),
    violations(s) {
      const { text, blocks } = s.raw as { text?: string; blocks: Block[] };
      const found: string[] = [];
      if (blocks.length > 50) found.push(`${blocks.length} blocks`);
      if (JSON.stringify(blocks).length > 12_000) found.push('blocks payload too long');
      if ((text?.length ?? 0) > 3000) found.push('fallback text too long');
      for (const block of blocks) {
        const length = block.text?.text.length ?? 0;
        if (block.type === 'header' && length > 150) found.push(`header of ${length}`);
        if (block.type === 'section' && length > 3000) found.push(`section of ${length}`);
      }
      return found;
    },
    hazards(s) {
      const { text, blocks } = s.raw as { text?: string; blocks: Block[] };
      const shown = JSON.stringify(blocks, (key, value) => (key === 'value' ? undefined : value));
      return `${text}${shown}`.match(/<!|<@|<https:\/\/evil/gu) ?? [];
    },
  };
}
