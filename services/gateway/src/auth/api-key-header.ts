import type { IncomingHttpHeaders } from 'node:http';

/** Every key starts with this (docs/SERVICES.md: `rr_<prefix>_<secret>`). */
export const API_KEY_PREFIX = 'rr_';

/**
 * The API key a request presents: `Authorization: Bearer rr_…` or `X-API-Key: rr_…`.
 * Undefined when neither header carries something shaped like a key.
 */
export function apiKeyFrom(headers: IncomingHttpHeaders): string | undefined {
  const auth = headers.authorization;
  const bearer = typeof auth === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(auth)?.[1] : undefined;
  const header = headers['x-api-key'];
  const candidate = bearer ?? (typeof header === 'string' ? header.trim() : undefined);
  return candidate?.startsWith(API_KEY_PREFIX) ? candidate : undefined;
}
