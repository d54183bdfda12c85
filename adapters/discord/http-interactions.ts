import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type APIInteraction,
  type APIInteractionResponse,
  InteractionResponseType,
  InteractionType,
} from 'discord.js';
import { type HttpRoute, sendJson } from '../../src/ops/http-server.js';
import type { InFlight } from '../../src/ops/in-flight.js';
import type { InteractionRouter } from './interaction-router.js';
import { interactionVerifier } from './verify-interaction.js';

export const INTERACTIONS_PATH = '/discord/interactions';

export interface HttpInteractionsOptions {
  publicKey: string;
  router: InteractionRouter;
  /** Edits after the HTTP answer (deferred responses) are tracked here, for shutdown. */
  inFlight: InFlight;
  /** False while starting or stopping: Discord is told the bot cannot take it (503), not acked. */
  taking: () => boolean;
}

/**
 * POST /discord/interactions: Discord's Interactions Endpoint. Every request
 * is verified first (anything unsigned, signed by another key or altered is
 * a 401 — Discord tests this when the URL is saved); PING is answered with
 * PONG; everything else goes through the same router as gateway
 * interactions, with the HTTP answer as the first response. Nothing is kept
 * between requests, so any replica can answer any interaction.
 */
export function httpInteractionsRoute(options: HttpInteractionsOptions): HttpRoute {
  const verified = interactionVerifier(options.publicKey);
  return {
    method: 'POST',
    path: INTERACTIONS_PATH,
    events: true,
    async handle(req: IncomingMessage, body: Buffer, res: ServerResponse) {
      const signed = verified({
        signature: header(req, 'x-signature-ed25519'),
        timestamp: header(req, 'x-signature-timestamp'),
        body,
      });
      if (!signed) return sendJson(res, 401, { error: 'invalid request signature' });
      const interaction = parseInteraction(body);
      if (!interaction) return sendJson(res, 400, { error: 'not an interaction' });
      if (interaction.type === InteractionType.Ping)
        return sendJson(res, 200, { type: InteractionResponseType.Pong });
      if (!options.taking()) return sendJson(res, 503, { error: 'not taking interactions' });
      await answerOverHttp(options, interaction, res);
    },
  };
}

/**
 * The router's first response becomes the HTTP answer; whatever it does
 * after (editing a deferred answer in) continues once the answer is sent.
 */
async function answerOverHttp(
  { router, inFlight }: HttpInteractionsOptions,
  interaction: APIInteraction,
  res: ServerResponse,
): Promise<void> {
  let first: (response: APIInteractionResponse) => void = () => {};
  const answered = new Promise<APIInteractionResponse>((resolve) => {
    first = resolve;
  });
  let sent: () => void = () => {};
  const written = new Promise<void>((resolve) => {
    sent = resolve;
  });
  const routed = inFlight.track(
    router.route(interaction, {
      carriesFiles: false,
      respond: async (response) => {
        first(response);
        await written;
      },
    }),
  );
  const response = await Promise.race([answered, routed.then(() => undefined)]);
  if (!response) return sendJson(res, 500, { error: 'no response' });
  // Edits wait for the answer to be out (or the connection gone), never longer.
  res.once('close', () => sent());
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(response), () => sent());
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

/** A JSON object with a numeric type, or undefined. */
function parseInteraction(body: Buffer): APIInteraction | undefined {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as unknown;
    return typeof parsed === 'object' &&
      parsed !== null &&
      typeof (parsed as { type?: unknown }).type === 'number'
      ? (parsed as APIInteraction)
      : undefined;
  } catch {
    return undefined;
  }
}
