import type { Reply } from './reply.js';

/** A short reply that is only a message. */
export function notice(text: string, visibility: Reply['visibility'] = 'private'): Reply {
  return { text, notes: [], visibility, attachments: [] };
}

/** The one apology for anything unexpected; the request id lets an operator find the log line. */
export function apology(requestId: string): Reply {
  return notice(
    `Sorry, something went wrong answering that. It has been logged (request ${requestId}); please try again.`,
  );
}

/** The one refusal to change announcements, naming who may. */
export function notAllowed(managers: string): Reply {
  return notice(`Only ${managers} can change this channel’s announcements.`);
}

export const ANNOUNCEMENTS_NOT_SET_UP = notice('Announcements are not set up on this bot.');

export const PAGE_EXPIRED = notice('This list has expired; please ask again.');
