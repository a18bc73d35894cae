import { ApiError, apiErrorMessage, NETWORK_ERROR } from './api-error.js';

/**
 * The gateway's REST API, called with the signed-in key as `Authorization: Bearer rr_…` (the
 * header services/gateway/src/auth reads). Same origin: the app is served by the gateway.
 * Every refusal becomes an ApiError carrying the server's message; nothing is swallowed.
 */
export class ApiClient {
  constructor(private readonly key: string) {}

  get<T>(path: string): Promise<T> {
    return this.json<T>('GET', path);
  }

  put<T>(path: string, body: unknown): Promise<T> {
    return this.json<T>('PUT', path, body);
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.json<T>('POST', path, body);
  }

  /** A non-JSON answer (the HTML report) as a Blob. */
  async blob(path: string): Promise<Blob> {
    return (await this.send('GET', path)).blob();
  }

  private async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    return (await (await this.send(method, path, body)).json()) as T;
  }

  private async send(method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.key}`, accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store', credentials: 'omit' });
    } catch {
      throw new ApiError(0, NETWORK_ERROR);
    }
    if (res.ok) return res;
    const text = await res.text().catch(() => '');
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    throw new ApiError(res.status, apiErrorMessage(res.status, res.statusText, parsed));
  }
}
