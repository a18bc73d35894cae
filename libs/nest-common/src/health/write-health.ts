import type { ServerResponse } from 'node:http';

/** Writes a probe response: JSON, never cached (a stale "ready" would mislead the kubelet). */
export function writeHealth(res: ServerResponse, httpStatus: number, body: unknown): void {
  res.statusCode = httpStatus;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('cache-control', 'no-cache, no-store, must-revalidate');
  res.end(JSON.stringify(body));
}

export const LIVENESS_BODY = { status: 'ok' } as const;
