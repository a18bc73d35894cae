import { createHmac } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-rarerank-signature';

/** `sha256=<hex HMAC-SHA256 of the exact body bytes>`: receivers recompute it over the raw body. */
export function webhookSignature(secret: string, rawBody: string | Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}
