import { createPublicKey, type KeyObject, verify } from 'node:crypto';

/** DER header of an Ed25519 SubjectPublicKeyInfo; the 32 raw key bytes follow it. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
/** Like Slack's window: a signed request older (or newer) than this is a replay, not Discord. */
const MAX_CLOCK_SKEW_S = 5 * 60;

/** Checks Discord's signature on an interaction request. */
export type InteractionVerifier = (request: {
  signature: string | undefined;
  timestamp: string | undefined;
  body: Buffer;
}) => boolean;

/**
 * Verifies `X-Signature-Ed25519` over `X-Signature-Timestamp` + raw body
 * with the application's public key (hex, from the Developer Portal), using
 * node:crypto alone. Anything malformed — a missing header, a signature that
 * is not 64 hex bytes, a timestamp far from now — is simply not verified.
 *
 * @example
 * ```ts
 * const verified = interactionVerifier(process.env.DISCORD_PUBLIC_KEY);
 * if (!verified({ signature, timestamp, body })) return reply(401);
 * ```
 */
export function interactionVerifier(publicKeyHex: string): InteractionVerifier {
  const key: KeyObject = createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(publicKeyHex, 'hex')]),
    format: 'der',
    type: 'spki',
  });
  return ({ signature, timestamp, body }) => {
    if (!signature || !/^[0-9a-f]{128}$/iu.test(signature)) return false;
    if (!timestamp || !/^\d{1,12}$/u.test(timestamp)) return false;
    if (Math.abs(Date.now() / 1000 - Number(timestamp)) > MAX_CLOCK_SKEW_S) return false;
    const message = Buffer.concat([Buffer.from(timestamp, 'utf8'), body]);
    return verify(null, message, key, Buffer.from(signature, 'hex'));
  };
}
