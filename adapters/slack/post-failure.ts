import type { PostFailure } from '../../src/conversation/chat-platform.js';

/**
 * Slack's errors that mean the channel itself refuses the bot: it is gone
 * or archived, the bot is not in it (or may not post there), or the app
 * lacks the scope for it.
 */
const CHANNEL_REFUSALS = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'missing_scope',
  'restricted_action',
  'restricted_action_read_only_channel',
  'restricted_action_thread_only_channel',
  'restricted_action_non_threadable_channel',
  'team_access_not_granted',
  'ekm_access_denied',
]);

/**
 * What a failed Web API call means for the ledger, by the client's error
 * codes (`slack_webapi_*`). Slack's own answer (`ok: false`) and a 429 are
 * certain: nothing was posted. A server error may come from a proxy after
 * Slack took the message, and a dropped connection or a timeout tells
 * nothing: those are `unknown`, and the channel's history is looked at
 * before the message is sent again.
 */
export function slackPostFailure(error: unknown): PostFailure {
  const { code, data, message } = (error ?? {}) as {
    code?: string;
    data?: { error?: string };
    message?: string;
  };
  const reason = message ?? String(error);
  if (code === 'slack_webapi_platform_error')
    return { kind: CHANNEL_REFUSALS.has(data?.error ?? '') ? 'permanent' : 'transient', reason };
  if (code === 'slack_webapi_rate_limited_error') return { kind: 'transient', reason };
  return { kind: 'unknown', reason };
}
