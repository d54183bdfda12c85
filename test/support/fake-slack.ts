import { createHmac } from 'node:crypto';
import { WebSocket, WebSocketServer } from 'ws';
import { type Answer, type RecordedRequest, RecordingServer } from './http-server.js';

export const SIGNING_SECRET = 'test-signing-secret';
export const BOT_USER_ID = 'UBOT0001';
export const TEAM_ID = 'T0000001';

/** Slack's request signature: v0=HMAC-SHA256(secret, "v0:timestamp:body"). */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignedOptions {
  secret?: string;
  timestamp?: number;
  retryNum?: number;
  contentType?: string;
}

/** POSTs a body to a Bolt endpoint with Slack's signing headers, as Slack would. */
export async function postSigned(
  url: string,
  body: string,
  options: SignedOptions = {},
): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': options.contentType ?? 'application/json',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': slackSignature(options.secret ?? SIGNING_SECRET, timestamp, body),
      ...(options.retryNum
        ? { 'x-slack-retry-num': String(options.retryNum), 'x-slack-retry-reason': 'http_timeout' }
        : {}),
    },
    body,
  });
}

let counter = 0;
export const nextTs = () =>
  `${Math.floor(Date.now() / 1000)}.${String(++counter).padStart(6, '0')}`;

/** An Events API envelope around an event. */
export function eventEnvelope(
  event: Record<string, unknown>,
  eventId = `Ev${++counter}`,
): Record<string, unknown> {
  return {
    token: 'legacy',
    team_id: TEAM_ID,
    api_app_id: 'A0000001',
    event: { event_ts: event.ts, ...event },
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: TEAM_ID, user_id: BOT_USER_ID, is_bot: true }],
  };
}

/** A message the fake keeps in a channel, as conversations.history returns it. */
export interface SlackMessage {
  channel: string;
  ts: string;
  text: string;
  thread_ts?: string;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

/**
 * A local stand-in for Slack's Web API (form-encoded POSTs under /api/),
 * response_url endpoints under /respond/, and a Socket Mode WebSocket.
 * chat.postMessage keeps messages per channel with their metadata, and
 * conversations.history reads them back (newest first, `oldest`, pages by
 * cursor, metadata only with `include_all_metadata`).
 */
export class FakeSlack {
  readonly http = new RecordingServer();
  port = 0;
  /** User ids treated as workspace admins by users.info. */
  readonly admins = new Set<string>();
  /** Channel id → creator user id, for conversations.info. */
  readonly creators = new Map<string, string>();
  /** Files announced with files.getUploadURLExternal, in order. */
  readonly #uploads: Array<{ id: string; filename: string; length: number }> = [];
  readonly #sockets = new Set<WebSocket>();
  #wss: WebSocketServer | undefined;
  readonly socketAcks: string[] = [];
  /** Every message chat.postMessage created, in order. */
  readonly messages: SlackMessage[] = [];
  /** How long chat.postMessage takes to answer. */
  latencyMs = 0;
  /**
   * Posts to take and then drop the connection without an answer (the
   * client cannot tell whether the message went out): the next N.
   */
  acceptThenDrop = 0;

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  responseUrl(id: string): string {
    return `http://127.0.0.1:${this.port}/respond/${id}`;
  }

  static async start(): Promise<FakeSlack> {
    const fake = new FakeSlack();
    fake.#routes();
    fake.port = await fake.http.listen();
    fake.#wss = new WebSocketServer({ server: fake.http.server, path: '/socket' });
    fake.#wss.on('connection', (socket) => {
      fake.#sockets.add(socket);
      socket.on('close', () => fake.#sockets.delete(socket));
      socket.on('message', (raw) => {
        const frame = JSON.parse(String(raw)) as { envelope_id?: string };
        if (frame.envelope_id) fake.socketAcks.push(frame.envelope_id);
      });
      socket.send(
        JSON.stringify({
          type: 'hello',
          num_connections: 1,
          connection_info: { app_id: 'A0000001' },
        }),
      );
    });
    return fake;
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.terminate();
    this.#wss?.close();
    await this.http.close();
  }

  /** Sends a payload over Socket Mode (an Events API event unless told otherwise); returns the envelope id. */
  sendOverSocket(
    payload: Record<string, unknown>,
    type: 'events_api' | 'slash_commands' = 'events_api',
  ): string {
    const envelopeId = `env-${++counter}`;
    const frame = JSON.stringify({
      envelope_id: envelopeId,
      type,
      accepts_response_payload: false,
      payload,
      retry_attempt: 0,
      retry_reason: '',
    });
    for (const socket of this.#sockets)
      if (socket.readyState === WebSocket.OPEN) socket.send(frame);
    return envelopeId;
  }

  socketConnected(): boolean {
    return this.#sockets.size > 0;
  }

  /** Messages in one channel (announcements: not in a thread). */
  channelPosts(channel: string): SlackMessage[] {
    return this.messages.filter((m) => m.channel === channel && m.thread_ts === undefined);
  }

  /** Web API calls of one method, in order. */
  calls(method: string): RecordedRequest[] {
    return this.http.requests.filter((r) => r.path === `/api/${method}`);
  }

  waitForCall(
    method: string,
    match: (body: Record<string, string>) => boolean = () => true,
  ): Promise<RecordedRequest> {
    return this.http.waitFor(
      (r) => r.path === `/api/${method}` && match(r.body as Record<string, string>),
    );
  }

  #routes(): void {
    this.http.handle((r) => {
      const body = (r.body ?? {}) as Record<string, string>;
      switch (r.path) {
        case '/api/auth.test':
          return {
            status: 200,
            body: {
              ok: true,
              url: 'https://fake.slack/',
              team: 'Lab',
              user: 'pubbot',
              team_id: TEAM_ID,
              user_id: BOT_USER_ID,
              bot_id: 'BBOT0001',
            },
          };
        case '/api/chat.postMessage':
          return this.#postMessage(body);
        case '/api/conversations.history':
          return { status: 200, body: this.#history(body) };
        case '/api/users.info':
          return {
            status: 200,
            body: {
              ok: true,
              user: { id: body.user, is_admin: this.admins.has(body.user ?? ''), is_owner: false },
            },
          };
        case '/api/conversations.info':
          return {
            status: 200,
            body: {
              ok: true,
              channel: {
                id: body.channel,
                creator: this.creators.get(body.channel ?? '') ?? 'USOMEONE',
              },
            },
          };
        // The external upload flow files.uploadV2 drives: ask for a URL, send the bytes there, complete.
        case '/api/files.getUploadURLExternal': {
          const id = `F${String(this.#uploads.length + 1).padStart(8, '0')}`;
          this.#uploads.push({ id, filename: body.filename ?? '', length: Number(body.length) });
          return {
            status: 200,
            body: {
              ok: true,
              file_id: id,
              upload_url: `http://127.0.0.1:${this.port}/upload/${id}`,
            },
          };
        }
        case '/api/files.completeUploadExternal':
          return { status: 200, body: { ok: true, files: JSON.parse(body.files ?? '[]') } };
        case '/api/apps.connections.open':
          return { status: 200, body: { ok: true, url: `ws://127.0.0.1:${this.port}/socket` } };
        default:
          if (r.path.startsWith('/upload/')) return { status: 200, body: 'OK - 1' };
          return r.path.startsWith('/respond/') ? { status: 200, body: 'ok' } : undefined;
      }
    });
  }

  #postMessage(body: Record<string, string>): Answer {
    const message: SlackMessage = {
      channel: body.channel ?? '',
      ts: nextTs(),
      text: body.text ?? '',
      ...(body.thread_ts ? { thread_ts: body.thread_ts } : {}),
      ...(body.metadata ? { metadata: JSON.parse(body.metadata) } : {}),
    };
    this.messages.push(message);
    if (this.acceptThenDrop > 0) {
      this.acceptThenDrop--;
      return { status: 200, body: { ok: true }, cutAfter: 0 };
    }
    return {
      status: 200,
      body: { ok: true, channel: message.channel, ts: message.ts, message: { text: message.text } },
      ...(this.latencyMs > 0 ? { delayMs: this.latencyMs } : {}),
    };
  }

  #history(body: Record<string, string>): Record<string, unknown> {
    const oldest = Number(body.oldest ?? 0);
    const limit = Number(body.limit ?? 100);
    const offset = Number(body.cursor ?? 0);
    const withMetadata = body.include_all_metadata === 'true';
    const inChannel = this.messages
      .filter(
        (m) => m.channel === body.channel && m.thread_ts === undefined && Number(m.ts) > oldest,
      )
      .reverse();
    const page = inChannel.slice(offset, offset + limit).map(({ metadata, ...m }) => ({
      type: 'message',
      ...m,
      ...(withMetadata && metadata ? { metadata } : {}),
    }));
    const more = offset + limit < inChannel.length;
    return {
      ok: true,
      messages: page,
      has_more: more,
      response_metadata: { next_cursor: more ? String(offset + limit) : '' },
    };
  }
}
