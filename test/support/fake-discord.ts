import { type WebSocket, WebSocketServer } from 'ws';
import { type RecordedRequest, RecordingServer } from './http-server.js';

const DISCORD_EPOCH = 1420070400000n;
let sequence = 0n;

/** A snowflake for "now", so discord.js computes a real createdTimestamp from interaction ids. */
export function snowflake(at = Date.now()): string {
  sequence = (sequence + 1n) % 4096n;
  return (((BigInt(at) - DISCORD_EPOCH) << 22n) | sequence).toString();
}

export const APP_ID = '111111111111111111';
export const BOT_USER = {
  id: '222222222222222222',
  username: 'pubbot',
  discriminator: '0',
  avatar: null,
  bot: true,
};
export const USER = {
  id: '333333333333333333',
  username: 'researcher',
  discriminator: '0',
  avatar: null,
  global_name: 'Researcher',
};
export const GUILD_ID = '444444444444444444';
export const CHANNEL_ID = '555555555555555555';

/** Permission bit for Manage Channels, as Discord sends it in `member.permissions`. */
export const MANAGE_CHANNELS = 1n << 4n;
const SEND_MESSAGES = 1n << 11n;

/** Interaction types and data as Discord sends them, for the gateway and HTTP alike. */
export const interactions = {
  command: (
    name: string,
    options: Array<{ name: string; type: number; value: unknown }> = [],
  ): [number, Record<string, unknown>] => [2, { id: snowflake(), name, type: 1, options }],
  autocomplete: (
    name: string,
    option: string,
    value: string,
  ): [number, Record<string, unknown>] => [
    4,
    { id: snowflake(), name, type: 1, options: [{ name: option, type: 3, value, focused: true }] },
  ],
  button: (customId: string): [number, Record<string, unknown>] => [
    3,
    { custom_id: customId, component_type: 2 },
  ],
  /** A submitted modal as Discord sends it: each text input inside its label (type 18), by custom id. */
  modalSubmit: (
    customId: string,
    values: Record<string, string>,
  ): [number, Record<string, unknown>] => [
    5,
    {
      custom_id: customId,
      components: Object.entries(values).map(([field, value], i) => ({
        type: 18,
        id: 2 * i + 1,
        component: { type: 4, id: 2 * i + 2, custom_id: field, value },
      })),
    },
  ],
};

/**
 * An interaction as Discord sends it, over the gateway or to the
 * Interactions Endpoint: in the test guild and channel, from the test user.
 */
export function interactionPayload(
  type: number,
  data: Record<string, unknown>,
  extra: { permissions?: bigint; message?: Record<string, unknown>; createdAt?: number } = {},
): Record<string, unknown> & { id: string; token: string } {
  const id = snowflake(extra.createdAt);
  const permissions = (extra.permissions ?? SEND_MESSAGES).toString();
  return {
    id,
    application_id: APP_ID,
    type,
    token: `token-${id}`,
    version: 1,
    guild_id: GUILD_ID,
    channel_id: CHANNEL_ID,
    channel: { id: CHANNEL_ID, type: 0, guild_id: GUILD_ID, name: 'papers' },
    member: {
      user: USER,
      roles: [],
      permissions,
      joined_at: new Date().toISOString(),
      deaf: false,
      mute: false,
      flags: 0,
    },
    app_permissions: permissions,
    locale: 'en-US',
    guild_locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: { 0: GUILD_ID },
    context: 0,
    data,
    ...(extra.message ? { message: extra.message } : {}),
  };
}

/**
 * A local stand-in for Discord: REST under /api/v10 and a gateway that
 * speaks HELLO / IDENTIFY / READY / heartbeat and dispatches events. The
 * real discord.js Client logs in to it exactly as it would to Discord.
 */
export class FakeDiscord {
  readonly http = new RecordingServer();
  readonly #sockets = new Set<WebSocket>();
  #wss: WebSocketServer | undefined;
  #sequence = 1;
  port = 0;
  /** Messages the bot created in channels (announcements), deduplicated by nonce as Discord does. */
  readonly channelMessages: Array<Record<string, unknown>> = [];
  readonly #byNonce = new Map<string, Record<string, unknown>>();
  /** Close code to end the next IDENTIFY with, to test fatal gateway errors. */
  rejectIdentifyWith: number | undefined;
  /** Registered commands by route (global or guild), as Discord keeps them between PUTs. */
  readonly commands = new Map<string, Array<Record<string, unknown>>>();
  /** How long a channel post takes to answer. */
  latencyMs = 0;

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get requests(): RecordedRequest[] {
    return this.http.requests;
  }

  static async start(): Promise<FakeDiscord> {
    const fake = new FakeDiscord();
    fake.#routes();
    fake.port = await fake.http.listen();
    fake.#wss = new WebSocketServer({ server: fake.http.server });
    fake.#wss.on('connection', (socket) => fake.#connect(socket));
    return fake;
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.terminate();
    this.#wss?.close();
    await this.http.close();
  }

  /** Sends a gateway dispatch to every connected client. */
  dispatch(type: string, data: unknown): void {
    const frame = JSON.stringify({ op: 0, t: type, s: ++this.#sequence, d: data });
    for (const socket of this.#sockets) socket.send(frame);
  }

  /** Dispatches a slash command and returns its interaction id. */
  command(
    name: string,
    options: Array<{ name: string; type: number; value: unknown }> = [],
    { permissions = MANAGE_CHANNELS | SEND_MESSAGES, createdAt = Date.now() } = {},
  ): string {
    return this.#interaction(...interactions.command(name, options), { permissions, createdAt });
  }

  autocomplete(name: string, option: string, value: string): string {
    return this.#interaction(...interactions.autocomplete(name, option, value));
  }

  button(customId: string, message: Record<string, unknown>): string {
    return this.#interaction(...interactions.button(customId), { message });
  }

  modalSubmit(customId: string, values: Record<string, string>): string {
    return this.#interaction(...interactions.modalSubmit(customId, values));
  }

  /** The interaction callback the bot sent for an interaction id. */
  callback(interactionId: string): Promise<RecordedRequest> {
    return this.http.waitFor(
      (r) => r.method === 'POST' && r.path.startsWith(`/api/v10/interactions/${interactionId}/`),
    );
  }

  /** A message object as Discord returns it, for button payloads and REST answers. */
  message(payload: Record<string, unknown> = {}, id = snowflake()): Record<string, unknown> {
    return {
      id,
      channel_id: CHANNEL_ID,
      author: BOT_USER,
      content: '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      components: [],
      pinned: false,
      type: 0,
      flags: 0,
      ...payload,
    };
  }

  #interaction(
    type: number,
    data: Record<string, unknown>,
    extra: { permissions?: bigint; message?: Record<string, unknown>; createdAt?: number } = {},
  ): string {
    const interaction = interactionPayload(type, data, extra);
    this.dispatch('INTERACTION_CREATE', interaction);
    return interaction.id;
  }

  #routes(): void {
    this.http.handle((r) => {
      if (r.method === 'GET' && r.path === '/api/v10/gateway/bot') {
        return {
          status: 200,
          body: {
            url: `ws://127.0.0.1:${this.port}`,
            shards: 1,
            session_start_limit: {
              total: 1000,
              remaining: 1000,
              reset_after: 0,
              max_concurrency: 1,
            },
          },
        };
      }
      if (r.method === 'POST' && /^\/api\/v10\/interactions\/\d+\/[^/]+\/callback$/u.test(r.path)) {
        return { status: 204 };
      }
      if (/^\/api\/v10\/webhooks\/\d+\/[^/]+(?:\/messages\/@original)?$/u.test(r.path)) {
        return { status: 200, body: this.message((r.body as Record<string, unknown>) ?? {}) };
      }
      if (r.method === 'POST' && /^\/api\/v10\/channels\/\d+\/messages$/u.test(r.path)) {
        const body = this.#createMessage(r);
        return { status: 200, body, ...(this.latencyMs > 0 ? { delayMs: this.latencyMs } : {}) };
      }
      if (/^\/api\/v10\/applications\/\d+(?:\/guilds\/\d+)?\/commands$/u.test(r.path)) {
        if (r.method === 'GET') return { status: 200, body: this.commands.get(r.path) ?? [] };
        if (r.method !== 'PUT') return undefined;
        // What Discord returns adds ids, versions and defaults to what was sent.
        const commands = (r.body as Array<Record<string, unknown>>).map((c) => ({
          id: snowflake(),
          application_id: APP_ID,
          version: snowflake(),
          default_member_permissions: null,
          name_localizations: null,
          description_localizations: null,
          dm_permission: true,
          contexts: null,
          integration_types: [0],
          nsfw: false,
          ...c,
        }));
        this.commands.set(r.path, commands);
        return { status: 200, body: commands };
      }
      return undefined;
    });
  }

  /**
   * Channel messages as Discord keeps them. Like Discord, a message sent with
   * `enforce_nonce` and a nonce already used in that channel returns the
   * earlier message instead of posting a second one.
   */
  #createMessage(r: RecordedRequest): Record<string, unknown> {
    const body = (r.body ?? {}) as { nonce?: string; enforce_nonce?: boolean };
    const channel = r.path.split('/')[4] as string;
    const key = `${channel}:${body.nonce}`;
    const earlier = body.enforce_nonce && body.nonce ? this.#byNonce.get(key) : undefined;
    if (earlier) return earlier;
    const message = this.message({ ...body, channel_id: channel });
    this.channelMessages.push(message);
    if (body.nonce) this.#byNonce.set(key, message);
    return message;
  }

  #connect(socket: WebSocket): void {
    this.#sockets.add(socket);
    socket.on('close', () => this.#sockets.delete(socket));
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 45_000 } }));
    socket.on('message', (raw) => {
      const frame = JSON.parse(String(raw)) as { op: number; d: unknown };
      if (frame.op === 1) socket.send(JSON.stringify({ op: 11 }));
      if (frame.op === 2) {
        if (this.rejectIdentifyWith) {
          socket.close(this.rejectIdentifyWith, 'rejected by the fake');
          return;
        }
        socket.send(
          JSON.stringify({
            op: 0,
            t: 'READY',
            s: ++this.#sequence,
            d: {
              v: 10,
              user: BOT_USER,
              guilds: [],
              session_id: 'fake-session',
              resume_gateway_url: `ws://127.0.0.1:${this.port}`,
              application: { id: APP_ID, flags: 0 },
            },
          }),
        );
      }
    });
  }
}
