import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type App,
  type Logger as BoltLogger,
  type BufferedIncomingMessage,
  HTTPResponseAck,
  HTTPModuleFunctions as http,
  type Receiver,
} from '@slack/bolt';

/** Slack's replay window: a request signed more than five minutes away from now is refused. */
const MAX_CLOCK_SKEW_S = 5 * 60;

/**
 * Bolt's HTTP receiving, mounted on pubbot's own server instead of Bolt's:
 * the server has already read the body (within its size limit) and refuses
 * events while shutting down, so this only checks the request and hands it
 * to the app. It keeps Bolt's signature check, `ssl_check`,
 * `url_verification` and ack handling, and adds what Bolt's receiver lacks:
 * a timestamp from the future is as refused as a stale one, a body that is
 * not a JSON object (a signed `null`) is a 400 instead of a crash, and
 * `handle` resolves only once the listeners are done, so the server knows
 * the request is still in flight.
 */
export class SlackEventsReceiver implements Receiver {
  readonly #signingSecret: string;
  readonly #logger: BoltLogger;
  #app: App | undefined;

  constructor({ signingSecret, logger }: { signingSecret: string; logger: BoltLogger }) {
    this.#signingSecret = signingSecret;
    this.#logger = logger;
  }

  init(app: App): void {
    this.#app = app;
  }

  /** The server listens, not the receiver. */
  async start(): Promise<void> {}

  async stop(): Promise<void> {}

  async handle(req: IncomingMessage, body: Buffer, res: ServerResponse): Promise<void> {
    const buffered = Object.assign(req, { rawBody: body }) as BufferedIncomingMessage;
    const reject = (status: number, why: string) => {
      this.#logger.warn(`refused a Slack request (${status}): ${why}`);
      http.buildNoBodyResponse(res, status);
    };
    const skew = Math.abs(Date.now() / 1000 - Number(req.headers['x-slack-request-timestamp']));
    // Bolt checks only staleness; a timestamp from the future would let a captured request be replayed later.
    if (!(skew <= MAX_CLOCK_SKEW_S) && !isSslCheck(req, body))
      return reject(401, 'x-slack-request-timestamp is more than 5 minutes from now');
    try {
      await http.parseAndVerifyHTTPRequest(
        { enabled: true, signingSecret: this.#signingSecret },
        buffered,
      );
    } catch (error) {
      return reject(401, error instanceof Error ? error.message : String(error));
    }
    let parsed: unknown;
    try {
      parsed = http.parseHTTPRequestBody(buffered);
    } catch {
      return reject(400, 'the body is not valid JSON or form data');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      return reject(400, 'the body is not a JSON object');
    const event = parsed as Record<string, unknown>;
    if (event.ssl_check === '1') return http.buildSSLCheckResponse(res);
    if (event.type === 'url_verification') return http.buildUrlVerificationResponse(res, event);
    await this.#process(buffered, event, res);
  }

  async #process(
    req: BufferedIncomingMessage,
    body: Record<string, unknown>,
    res: ServerResponse,
  ): Promise<void> {
    const ack = new HTTPResponseAck({
      logger: this.#logger,
      processBeforeResponse: false,
      httpRequest: req,
      httpRequestBody: body,
      httpResponse: res,
    });
    try {
      await this.#app?.processEvent({
        body,
        ack: ack.bind(),
        retryNum: http.extractRetryNumFromHTTPRequest(req),
        retryReason: http.extractRetryReasonFromHTTPRequest(req),
        customProperties: {},
      });
    } catch (error) {
      const acked = await http.defaultProcessEventErrorHandler({
        error: error as Error,
        logger: this.#logger,
        request: req,
        response: res,
        storedResponse: undefined,
      });
      if (acked) ack.ack();
    }
  }
}

/** Slack's unsigned reachability probe (`ssl_check=1`), which Bolt answers without a signature. */
function isSslCheck(req: IncomingMessage, body: Buffer): boolean {
  return (
    req.headers['content-type'] === 'application/x-www-form-urlencoded' &&
    new URLSearchParams(body.toString('utf8')).get('ssl_check') === '1'
  );
}
