import type { ApiClient } from './api-client.js';
import type { CaseSummary, Page } from './api-types.js';
import { button, el, replace, table } from './dom.js';
import { formatTime, humanize } from './format.js';

const PAGE_SIZE = 20;

/** GET /cases one page at a time, newest first (the API's order). */
export async function renderCaseList(main: HTMLElement, api: ApiClient, page: number, isCurrent: () => boolean): Promise<void> {
  replace(main, el('h2', {}, 'Cases'), el('p', { role: 'status' }, 'Loading cases…'));
  const list = await api.get<Page<CaseSummary>>(`/cases?page=${page}&pageSize=${PAGE_SIZE}`);
  if (!isCurrent()) return;
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const rows = list.items.map((c) => [
    el('a', { href: `#/cases/${encodeURIComponent(c.id)}`, class: 'case-link' }, c.externalId ?? c.id),
    humanize(c.status),
    humanize(c.reviewStatus),
    c.currentAnalysis,
    formatTime(c.createdAt),
    c.createdBy,
  ]);
  const go = (p: number) => () => {
    location.hash = `#/cases?page=${p}`;
  };
  replace(
    main,
    el('h2', {}, 'Cases'),
    list.total === 0 ? el('p', {}, 'Your lab has no cases yet.') : table(`Your lab's cases, newest first (${list.total} in all)`, ['Case', 'Status', 'Review', 'Analysis', 'Created', 'Submitted by'], rows, { id: 'case-list' }),
    el(
      'nav',
      { 'aria-label': 'Case list pages', class: 'pager' },
      button('Previous page', go(page - 1), { disabled: page <= 1 }),
      el('span', {}, ` Page ${list.page} of ${pages} `),
      button('Next page', go(page + 1), { disabled: page >= pages }),
    ),
  );
}
