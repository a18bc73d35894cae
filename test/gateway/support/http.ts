/** Small fetch helpers: JSON in, status + parsed body out. */
// Bodies are whatever the API answered; the specs' assertions check their shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface Reply<T = Json> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export async function call<T = Json>(base: string, method: string, path: string, opts: { headers?: Record<string, string>; json?: unknown; form?: FormData } = {}): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...opts.headers };
  let body: string | FormData | undefined;
  if (opts.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.json);
  } else if (opts.form) body = opts.form;
  const res = await fetch(base + path, { method, headers, body });
  const text = await res.text();
  let parsed: unknown = text;
  if ((res.headers.get('content-type') ?? '').includes('application/json') && text) parsed = JSON.parse(text);
  return { status: res.status, headers: res.headers, body: parsed as T, text };
}

/** A multipart form: [field, value] for text, [field, content, filename] for files. */
export function form(parts: Array<[string, string] | [string, string | Buffer, string]>): FormData {
  const f = new FormData();
  for (const p of parts) {
    if (p.length === 3) f.append(p[0], new Blob([p[1]]), p[2]);
    else f.append(p[0], p[1]);
  }
  return f;
}

/** Polls until `check` returns true (the server finishes cleanup after the client has its answer). */
export async function eventually(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
