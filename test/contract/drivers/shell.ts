import { PassThrough, Writable } from 'node:stream';
import { ShellPlatform } from '../../../adapters/shell/shell-platform.js';
import { type Driver, nameOf, type Seen } from '../driver.js';
import type { World } from '../world.js';

/** One run of the shell: its input, and each reply as it is written. */
interface Session {
  platform: ShellPlatform;
  input: PassThrough;
  replies: string[];
  waiting: Array<(reply: string) => void>;
}

/** Plain text read back: a URL on its own line links the title line above it. */
function seen(text: string, session: Session): Seen {
  const links: Seen['links'] = [];
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    const url = /^\s+(https?:\/\/\S+)$/u.exec(line)?.[1];
    const above = lines[i - 1];
    if (!url || above === undefined) return;
    const title = above.replace(/^\d+\. /u, '').replace(/ \([A-Z][a-z]{2} \d{4}\) — .*$/u, '');
    links.push({ text: title, url });
  });
  return {
    text,
    links,
    private: false,
    hasNext: /: say “more”\.$/mu.test(text),
    raw: text,
    handle: session,
  };
}

/** The shell through real readline on streams, exactly as `npm start` runs it on a terminal pipe. */
export function shellDriver(): Driver {
  let world: World;
  const sessions: Session[] = [];
  const open = async (mayManage = true): Promise<Session> => {
    const input = new PassThrough();
    const session: Session = { input, replies: [], waiting: [], platform: undefined as never };
    const output = new Writable({
      write(chunk, _encoding, done) {
        const reply = String(chunk).replace(/^\n/u, '').replace(/\n$/u, '');
        const waiter = session.waiting.shift();
        if (waiter) waiter(reply);
        else session.replies.push(reply);
        done();
      },
    });
    session.platform = new ShellPlatform({
      conversation: world.conversation,
      input,
      output,
      interactive: false,
      mayManage,
      channel: 'contract',
    });
    await session.platform.start();
    sessions.push(session);
    return session;
  };
  const say = (session: Session, line: string) =>
    new Promise<Seen>((resolve) => {
      session.waiting.push((reply) => resolve(seen(reply, session)));
      session.input.write(`${line}\n`);
    });
  return {
    name: 'shell',
    canBePrivate: false,
    channel: 'shell:contract',
    async start(w) {
      world = w;
    },
    async stop() {
      await Promise.all(sessions.map((session) => session.platform.stop()));
    },
    ask: async (text) => say(await open(), text),
    paper: async (paper, view) =>
      say(await open(), view === 'detail' ? `what is ${nameOf(paper)}` : `cite ${nameOf(paper)}`),
    next: (after) => say(after.handle as Session, 'more'),
    followUp: (after, text) => say(after.handle as Session, text),
    subscribe: async (query, asManager) =>
      say(await open(asManager), query === undefined ? 'subscribe' : `subscribe ${query}`),
    unsubscribe: async (asManager) => say(await open(asManager), 'unsubscribe'),
    // A terminal has no message limits.
    violations: () => [],
    hazards: (s) => (s.raw as string).match(/(?![\n\t])\p{Cc}/gu) ?? [],
  };
}
