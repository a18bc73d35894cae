import type { Redis } from 'ioredis';

/**
 * One fixed window per key: INCR the counter, PEXPIRE it when the window opens, read its TTL.
 * A Lua script keeps the three atomic, so concurrent gateway replicas share one count.
 */
const FIXED_WINDOW_SCRIPT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {n, ttl}
`;

export interface RateDecision {
  allowed: boolean;
  /** requests left in this window */
  remaining: number;
  /** whole seconds until the window resets (Retry-After) */
  resetSeconds: number;
}

export const RATE_WINDOW_MS = 60_000;

export async function consumeRate(redis: Redis, keyId: string, limit: number, windowMs = RATE_WINDOW_MS): Promise<RateDecision> {
  const [count, ttlMs] = (await redis.eval(FIXED_WINDOW_SCRIPT, 1, `rarerank:ratelimit:${keyId}`, String(windowMs))) as [number, number];
  return { allowed: count <= limit, remaining: Math.max(0, limit - count), resetSeconds: Math.max(1, Math.ceil(ttlMs / 1000)) };
}
