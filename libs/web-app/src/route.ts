/** The app's hash routes: `#/cases?page=2` (case list), `#/cases/<id>?genes=2` (a case, its gene page). */
export type Route = { view: 'cases'; page: number } | { view: 'case'; id: string; page: number };

const pageOf = (query: string | undefined, name: string): number => {
  const m = new RegExp(`(?:^|&)${name}=(\\d+)`).exec(query ?? '');
  const n = m ? Number(m[1]) : 1;
  return Number.isSafeInteger(n) && n >= 1 ? n : 1;
};

export function parseRoute(hash: string): Route {
  const [path, query] = hash.replace(/^#/, '').split('?', 2);
  const m = /^\/cases\/([^/]+)$/.exec(path);
  if (m) {
    let id: string;
    try {
      id = decodeURIComponent(m[1]);
    } catch {
      id = m[1];
    }
    return { view: 'case', id, page: pageOf(query, 'genes') };
  }
  return { view: 'cases', page: pageOf(query, 'page') };
}
