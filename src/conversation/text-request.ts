import type { Request } from './request.js';

const SUBSCRIPTION = /^\s*(subscribe|unsubscribe)\b\s*(.*)$/isu;

/**
 * A typed line as a Request, where a platform has only text (a Slack
 * mention or slash command, a shell line): "subscribe …" and "unsubscribe"
 * manage announcements, nothing asks for help, and anything else is a
 * question — a follow-up when it continues a conversation.
 */
export function textRequest(text: string, { followUp = false } = {}): Request {
  const subscription = SUBSCRIPTION.exec(text);
  if (subscription) {
    if ((subscription[1] as string).toLowerCase() === 'unsubscribe') return { kind: 'unsubscribe' };
    const query = (subscription[2] as string).trim();
    return { kind: 'subscribe', ...(query ? { query } : {}) };
  }
  if (text.trim() === '') return { kind: 'help' };
  return followUp ? { kind: 'refine', text } : { kind: 'question', text };
}
