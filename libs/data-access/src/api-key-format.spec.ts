import { formatApiKey, generateApiKey, hashSecret, parseApiKey, secretMatches } from './api-key-format';

describe('API key format', () => {
  it('generates rr_<prefix>_<secret> keys that parse back into their parts', () => {
    const k = generateApiKey();
    expect(k.plaintext).toMatch(/^rr_[0-9a-f]{12}_[0-9a-f]{64}$/);
    expect(parseApiKey(k.plaintext)).toEqual({ prefix: k.prefix, secret: k.secret });
    expect(formatApiKey(k)).toBe(k.plaintext);
  });

  it('draws a different key every time', () => {
    const keys = new Set(Array.from({ length: 50 }, () => generateApiKey().plaintext));
    expect(keys.size).toBe(50);
  });

  it.each(['', 'rr_abc', 'rr_0123456789ab', `xx_0123456789ab_${'a'.repeat(64)}`, `rr_0123456789ab_${'a'.repeat(63)}`, `rr_0123456789AB_${'a'.repeat(64)}`, `rr_0123456789ab_${'a'.repeat(64)}_x`])(
    'rejects the malformed key %j',
    (text) => expect(parseApiKey(text)).toBeUndefined(),
  );

  it('stores the sha256 hex of the secret, never the secret', () => {
    expect(hashSecret('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('matches a secret against its stored hash and nothing else', () => {
    const { secret } = generateApiKey();
    const stored = hashSecret(secret);
    expect(secretMatches(secret, stored)).toBe(true);
    const oneCharOff = secret.slice(0, -1) + (secret.endsWith('0') ? '1' : '0');
    expect(secretMatches(oneCharOff, stored)).toBe(false);
    expect(secretMatches(secret, hashSecret('other'))).toBe(false);
    // a corrupt stored hash (wrong length) is a mismatch, not an exception from timingSafeEqual
    expect(secretMatches(secret, 'abcd')).toBe(false);
  });
});
