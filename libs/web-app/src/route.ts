/** The review states a case list can be narrowed to (the API's `reviewStatus`). */
export const REVIEW_FILTERS = ['open', 'in_review', 'awaiting_approval', 'reported'] as const;
export type ReviewFilter = (typeof REVIEW_FILTERS)[number];

/**
 * The app's hash routes: `#/cases?review=awaiting_approval&page=2` (case list, optionally one
 * review state), `#/cases/<id>?genes=2` (a case, its gene page).
 */
export type Route = { view: 'cases'; page: number; review?: ReviewFilter } | { view: 'case'; id: string; page: number };

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
  const review = /(?:^|&)review=([a-z_]+)/.exec(query ?? '')?.[1];
  const known = REVIEW_FILTERS.find((f) => f === review);
  return known ? { view: 'cases', page: pageOf(query, 'page'), review: known } : { view: 'cases', page: pageOf(query, 'page') };
}

/** The hash of a case-list page, keeping its review filter. */
export function caseListHash(page: number, review?: ReviewFilter): string {
  return `#/cases?${review ? `review=${review}&` : ''}page=${page}`;
}
