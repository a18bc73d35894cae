import { call, type Reply } from './http';

/** One answered request: the method, the path as sent (query stripped) and the status. */
export interface Answered {
  method: string;
  path: string;
  status: number;
}

type Operations = Record<string, { responses?: Record<string, unknown> }>;
export interface OpenApiDoc {
  paths: Record<string, Operations>;
}

/** `call` against `base` that remembers every answer, for checking against the OpenAPI document afterwards. */
export function recordingCall(base: string, answered: Answered[]) {
  return async (method: string, path: string, opts: Parameters<typeof call>[3] = {}): Promise<Reply> => {
    const reply = await call(base, method, path, opts);
    answered.push({ method: method.toLowerCase(), path: path.split('?')[0], status: reply.status });
    return reply;
  };
}

const templateRegex = (template: string) => new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`);

/**
 * The document's path template for a concrete path: a literal match wins over templated ones
 * (`/users/{id}/disable` and `/cases` are literal where they can be); undefined when no path of
 * the document matches, i.e. the route is not documented at all.
 */
export function templateOf(doc: OpenApiDoc, path: string): string | undefined {
  const templates = Object.keys(doc.paths);
  if (templates.includes(path)) return path;
  const matching = templates.filter((t) => templateRegex(t).test(path));
  // the most literal template: fewest parameters
  return matching.sort((a, b) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0))[0];
}

/**
 * Every answer whose status the document does not declare for its route and method, as
 * `GET /cases/{id} 200`; a route missing from the document is reported as `… (not documented)`.
 */
export function undeclaredAnswers(doc: OpenApiDoc, answered: readonly Answered[]): string[] {
  const missing = new Set<string>();
  for (const a of answered) {
    const template = templateOf(doc, a.path);
    const op = template ? doc.paths[template][a.method] : undefined;
    if (!template || !op) missing.add(`${a.method.toUpperCase()} ${a.path} (not documented)`);
    else if (!op.responses?.[String(a.status)]) missing.add(`${a.method.toUpperCase()} ${template} ${a.status}`);
  }
  return [...missing].sort();
}
