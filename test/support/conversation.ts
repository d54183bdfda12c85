import { Announcer } from '../../src/announce/announcer.js';
import { Conversation } from '../../src/conversation/conversation.js';
import type { Core } from '../../src/core.js';
import type { Logger } from '../../src/logger.js';
import { CorpusReloader } from '../../src/reload/corpus-reloader.js';
import type { Store } from '../../src/store/store.js';
import { bundled } from './corpus.js';
import { memoryLogger } from './memory-logger.js';

/**
 * The real funnel with the real announcement service behind it, over a core
 * (the bundled corpus's by default) and a store the test owns.
 */
export function realConversation(
  store: Store,
  {
    core = bundled().core,
    clock,
    logger = memoryLogger().logger,
  }: { core?: Core; clock?: () => Date; logger?: Logger } = {},
): { conversation: Conversation; announcer: Announcer; reloader: CorpusReloader } {
  const reloader = new CorpusReloader({ corpusDir: 'corpus', logger }, core);
  const announcer = new Announcer({
    store,
    corpusDir: 'corpus',
    platformFor: () => undefined,
    reloader,
    logger,
  });
  const conversation = new Conversation({
    core: () => reloader.core,
    store,
    logger,
    subscriptions: announcer,
    ...(clock ? { clock } : {}),
  });
  return { conversation, announcer, reloader };
}
