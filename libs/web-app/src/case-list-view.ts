import type { ApiClient } from './api-client.js';
import type { CaseSummary, Page } from './api-types.js';
import { button, el, replace, table } from './dom.js';
import { formatTime, humanize } from './format.js';
import { caseListHash, REVIEW_FILTERS, type ReviewFilter } from './route.js';

const PAGE_SIZE = 20;

/** A select narrowing the list to one review state (e.g. the cases awaiting a second reviewer's approval). */
function reviewFilter(current: ReviewFilter | undefined): HTMLElement {
  const select = el('select', { id: 'review-filter' }, el('option', { value: '' }, 'any'), ...REVIEW_FILTERS.map((f) => el('option', { value: f }, humanize(f))));
  select.value = current ?? '';
  select.addEventListener('change', () => {
    location.hash = caseListHash(1, REVIEW_FILTERS.find((f) => f === select.value));
  });
  return el('p', {}, el('label', { for: 'review-filter', class: 'inline' }, 'Review state '), select);
}

/** GET /cases one page at a time, newest first (the API's order), optionally of one review state. */
export async function renderCaseList(main: HTMLElement, api: ApiClient, page: number, isCurrent: () => boolean, review?: ReviewFilter): Promise<void> {
  replace(main, el('h2', {}, 'Cases'), el('p', { role: 'status' }, 'Loading cases…'));
  const list = await api.get<Page<CaseSummary>>(`/cases?page=${page}&pageSize=${PAGE_SIZE}${review ? `&reviewStatus=${review}` : ''}`);
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
    location.hash = caseListHash(p, review);
  };
  const none = review ? `No case of your lab is ${humanize(review)}.` : 'Your lab has no cases yet.';
  const caption = `Your lab's cases${review ? ` ${humanize(review)}` : ''}, newest first (${list.total} in all)`;
  replace(
    main,
    el('h2', {}, 'Cases'),
    reviewFilter(review),
    list.total === 0 ? el('p', { id: 'no-cases' }, none) : table(caption, ['Case', 'Status', 'Review', 'Analysis', 'Created', 'Submitted by'], rows, { id: 'case-list' }),
    el(
      'nav',
      { 'aria-label': 'Case list pages', class: 'pager' },
      button('Previous page', go(page - 1), { disabled: page <= 1 }),
      el('span', {}, ` Page ${list.page} of ${pages} `),
      button('Next page', go(page + 1), { disabled: page >= pages }),
    ),
  );
}
