import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';

/** An Ed25519 key pair as Discord's application has one: the public half as the portal shows it (hex). */
export function applicationKeys(): { publicKeyHex: string; privateKey: KeyObject } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  // The last 32 bytes of the SPKI encoding are the raw key.
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  return { publicKeyHex: raw.toString('hex'), privateKey };
}

export interface SignOptions {
  timestamp?: number;
  /** Sign this body but send another, as a tampering proxy would. */
  sendInstead?: string;
  /** Leave the signature headers off. */
  unsigned?: boolean;
}

/** POSTs an interaction to the endpoint the way Discord does: Ed25519 over timestamp + body. */
export function postInteraction(
  url: string,
  privateKey: KeyObject,
  interaction: unknown,
  options: SignOptions = {},
): Promise<Response> {
  const body = JSON.stringify(interaction);
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const signature = sign(null, Buffer.from(timestamp + body), privateKey).toString('hex');
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.unsigned
        ? {}
        : { 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp }),
    },
    body: options.sendInstead ?? body,
  });
}
