import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const PREFIX_BYTES = 6;
const SECRET_BYTES = 32;
const KEY_PATTERN = /^rr_([0-9a-f]{12})_([0-9a-f]{64})$/;

export interface KeyParts {
  prefix: string;
  secret: string;
}

/** A new random key: `rr_<12 hex prefix>_<64 hex secret>`. */
export function generateApiKey(): KeyParts & { plaintext: string } {
  const prefix = randomBytes(PREFIX_BYTES).toString('hex');
  const secret = randomBytes(SECRET_BYTES).toString('hex');
  return { prefix, secret, plaintext: formatApiKey({ prefix, secret }) };
}

export function formatApiKey({ prefix, secret }: KeyParts): string {
  return `rr_${prefix}_${secret}`;
}

/** The parts of a well-formed key, else undefined. */
export function parseApiKey(plaintext: string): KeyParts | undefined {
  const m = KEY_PATTERN.exec(plaintext.trim());
  return m ? { prefix: m[1], secret: m[2] } : undefined;
}

/** sha256 of the secret, hex: what the database stores. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Compares a presented secret with a stored hash in constant time. */
export function secretMatches(secret: string, storedHashHex: string): boolean {
  const presented = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(storedHashHex, 'hex');
  // a corrupt stored hash must not throw (timingSafeEqual needs equal lengths)
  if (stored.length !== presented.length) return false;
  return timingSafeEqual(presented, stored);
}
