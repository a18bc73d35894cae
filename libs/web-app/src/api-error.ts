/**
 * The message shown for a refused request: the status and the server's own words from the
 * gateway's error body `{statusCode, error, message, field?, line?, file?, requestId}`.
 */
export function apiErrorMessage(status: number, statusText: string, body: unknown): string {
  const b = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const reason = typeof b.error === 'string' && b.error ? b.error : statusText;
  const raw = b.message;
  const message = Array.isArray(raw) ? raw.filter((m) => typeof m === 'string').join('; ') : typeof raw === 'string' ? raw : '';
  const where = [
    typeof b.field === 'string' ? `field ${b.field}` : undefined,
    typeof b.file === 'string' ? `file ${b.file}` : undefined,
    typeof b.line === 'number' ? `line ${b.line}` : undefined,
  ].filter(Boolean);
  const head = `${status}${reason ? ` ${reason}` : ''}`;
  const text = message ? `${head}: ${message}` : head;
  return where.length ? `${text} (${where.join(', ')})` : text;
}

/** A refusal of the API, with the text to show. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** What a failed fetch (no answer at all) tells the user. */
export const NETWORK_ERROR = 'The gateway did not answer (network error). Check that it is running and try again.';
