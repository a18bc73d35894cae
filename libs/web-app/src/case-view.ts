import type { ApiClient } from './api-client.js';
import { ApiError } from './api-error.js';
import type { AuditEntry, CaseDetail, DiseaseResult, GeneResult, Me, Page, ResultsPage, Review, VariantResult } from './api-types.js';
import { button, type Child, el, replace, section, table } from './dom.js';
import { formatEvidence, formatFrequency, formatHgvs, formatScore, formatTime, humanize, variantKey } from './format.js';
import { type GeneRow, geneRows, variantsCover } from './gene-rows.js';
import { formatCriteriaChanges } from './criteria-changes.js';
import { reanalysisSection } from './reanalysis-form.js';
import { allowedActions, canReanalyse, type ReviewAction, reviewStateText } from './review-actions.js';
import { reviewForm } from './review-form.js';
import { ownReview, reviewsOf } from './reviews-of.js';

const GENES_PER_PAGE = 10;
const VARIANT_PAGE = 200;
/** at most this many variant pages are read for one page of genes (a huge gene could have more) */
const MAX_VARIANT_PAGES = 10;
const POLL_MS = 3000;

export interface CaseViewContext {
  api: ApiClient;
  id: string;
  genePage: number;
  isCurrent: () => boolean;
  /** the signed-in caller (GET /me, asked once per key): whose reviews the forms start from */
  me: () => Promise<Me>;
  /** draws the view again (after an action), with a message saying what happened */
  rerender: (flash?: string) => void;
}

const enc = encodeURIComponent;

/** One case: state, warnings, ranked genes with their variants and the why, diseases, reviews, audit. */
export async function renderCase(main: HTMLElement, ctx: CaseViewContext, flash?: string): Promise<void> {
  const { api, id } = ctx;
  if (!main.querySelector('#case-view')) replace(main, el('p', { role: 'status' }, 'Loading the case…'));
  const [c, reviews, audit, me] = await Promise.all([
    api.get<CaseDetail>(`/cases/${enc(id)}`),
    api.get<{ items: Review[] }>(`/cases/${enc(id)}/reviews`),
    latestAudit(api, id),
    // without it the forms start empty; the page's own calls report a bad key
    ctx.me().catch(() => undefined),
  ]);
  const results = c.status === 'completed' ? await loadResults(api, id, ctx.genePage) : undefined;
  if (!ctx.isCurrent()) return;

  const actions = allowedActions(c);
  const view = el(
    'div',
    { id: 'case-view' },
    el('p', {}, el('a', { href: '#/cases' }, '← All cases')),
    el('h2', {}, `Case ${c.externalId ?? c.id}`),
    summary(c),
    warnings([...c.warnings, ...(results?.warnings ?? [])]),
    reviewPanel(c, actions, ctx, flash),
    canReanalyse(c) ? reanalysisSection(c, ctx.api, ctx.rerender) : undefined,
    results ? genesSection(results.rows, results.genes, reviews.items, actions.includes('classify'), ctx, me?.userId) : progressNote(c),
    results ? diseasesSection(results.diseases) : undefined,
    reviewsSection(reviews.items),
    auditSection(audit),
  );
  replace(main, view);
  if (running(c)) schedulePoll(main, ctx, c);
}

const running = (c: CaseDetail) => c.status !== 'completed' && c.status !== 'failed';

/**
 * While the analysis runs the page polls the case (EventSource cannot send the Authorization
 * header that /events needs): the progress line is updated, and the whole view drawn again once
 * the status changes. A failed poll is shown in the progress line and polling goes on.
 */
function schedulePoll(main: HTMLElement, ctx: CaseViewContext, shown: CaseDetail): void {
  setTimeout(() => {
    if (!ctx.isCurrent()) return;
    ctx.api
      .get<CaseDetail>(`/cases/${enc(ctx.id)}`)
      .then((c) => {
        if (!ctx.isCurrent()) return;
        if (c.status !== shown.status || c.reviewStatus !== shown.reviewStatus || c.currentAnalysis !== shown.currentAnalysis) return ctx.rerender();
        main.querySelector('#progress')?.replaceWith(progressNote(c));
        schedulePoll(main, ctx, c);
      })
      .catch((e: unknown) => {
        if (!ctx.isCurrent()) return;
        main.querySelector('#progress')?.replaceWith(el('p', { role: 'status', id: 'progress', class: 'error' }, `Could not refresh the status: ${e instanceof Error ? e.message : String(e)}. Trying again.`));
        schedulePoll(main, ctx, shown);
      });
  }, POLL_MS);
}

const AUDIT_PAGE = 200;

/** The newest entries of the audit trail (the API pages it oldest first). */
async function latestAudit(api: ApiClient, id: string): Promise<Page<AuditEntry>> {
  const first = await api.get<Page<AuditEntry>>(`/cases/${enc(id)}/audit?pageSize=${AUDIT_PAGE}`);
  const last = Math.ceil(first.total / AUDIT_PAGE);
  return last > 1 ? api.get<Page<AuditEntry>>(`/cases/${enc(id)}/audit?pageSize=${AUDIT_PAGE}&page=${last}`) : first;
}

interface LoadedResults {
  genes: ResultsPage<GeneResult>;
  rows: GeneRow[];
  diseases: ResultsPage<DiseaseResult>;
  warnings: string[];
}

async function loadResults(api: ApiClient, id: string, genePage: number): Promise<LoadedResults> {
  const base = `/cases/${enc(id)}/results`;
  const [genes, diseases] = await Promise.all([
    api.get<ResultsPage<GeneResult>>(`${base}?section=genes&page=${genePage}&pageSize=${GENES_PER_PAGE}`),
    api.get<ResultsPage<DiseaseResult>>(`${base}?section=diseases&pageSize=10`),
  ]);
  // the variants of the page's genes: variants follow the gene ranking, so read pages until past its last gene
  const lastRank = genes.items[genes.items.length - 1]?.rank ?? 0;
  const variants: VariantResult[] = [];
  for (let page = 1; page <= MAX_VARIANT_PAGES; page++) {
    const p = await api.get<ResultsPage<VariantResult>>(`${base}?section=variants&page=${page}&pageSize=${VARIANT_PAGE}`);
    variants.push(...p.items);
    if (p.items.length === 0 || variantsCover(variants, p.total, lastRank)) break;
  }
  return { genes, rows: geneRows(genes.items, variants), diseases, warnings: genes.warnings };
}

function summary(c: CaseDetail): HTMLElement {
  const s = c.signoff;
  const item = (term: string, value: Child) => [el('dt', {}, term), el('dd', {}, value)];
  return el(
    'dl',
    { class: 'summary', id: 'case-summary' },
    ...item('Status', humanize(c.status)),
    ...item('Review', el('span', { id: 'review-status' }, humanize(c.reviewStatus))),
    ...item('Analysis', String(c.currentAnalysis)),
    ...item('Created', `${formatTime(c.createdAt)} by ${c.createdBy}`),
    ...(s?.requestedAt ? item('Signed off', `${s.requestedByName ?? s.requestedBy ?? '?'} at ${formatTime(s.requestedAt)} (analysis ${s.analysis ?? '?'})`) : []),
    ...(s?.approvedAt ? item('Approved', `${s.approvedByName ?? s.approvedBy ?? '?'} at ${formatTime(s.approvedAt)}`) : []),
  );
}

function warnings(list: string[]): HTMLElement | undefined {
  const unique = [...new Set(list)];
  if (unique.length === 0) return undefined;
  return section('warnings', 'Warnings', el('ul', {}, ...unique.map((w) => el('li', {}, w))));
}

function progressNote(c: CaseDetail): HTMLElement {
  if (c.status === 'failed') return el('p', { class: 'error' }, 'The analysis failed: there is no result to review.');
  const chunks = c.progress?.chunks;
  const done = chunks ? ` (annotation chunks ${chunks.done} of ${chunks.total ?? '?'})` : '';
  return el('p', { role: 'status', id: 'progress' }, `The analysis is running: ${humanize(c.status)}${done}. This page refreshes by itself.`);
}

const ACTION_LABELS: Record<Exclude<ReviewAction, 'classify'>, string> = { 'sign-off': 'Sign off', approve: 'Approve', reopen: 'Reopen' };

function reviewPanel(c: CaseDetail, actions: ReviewAction[], ctx: CaseViewContext, flash?: string): HTMLElement {
  const message = el('p', { id: 'action-message', class: 'error', role: 'alert' });
  const done = el('p', { id: 'action-done', role: 'status' }, flash ?? '');
  const buttons = actions
    .filter((a): a is Exclude<ReviewAction, 'classify'> => a !== 'classify')
    .map((action) =>
      button(
        ACTION_LABELS[action],
        () => {
          replace(message);
          const body = action === 'approve' && c.signoff?.analysis !== undefined ? { analysis: c.signoff.analysis } : undefined;
          ctx.api
            .post<{ reviewStatus: string }>(`/cases/${enc(c.id)}/${action}`, body)
            .then((r) => ctx.rerender(`${ACTION_LABELS[action]}: done. The case is now ${humanize(r.reviewStatus)}.`))
            .catch((e: unknown) => replace(message, e instanceof ApiError ? e.message : String(e)));
        },
        { 'data-action': action },
      ),
    );
  return section(
    'review-actions',
    'Review',
    el('p', {}, reviewStateText(c)),
    buttons.length ? el('div', { class: 'buttons' }, ...buttons) : undefined,
    el('p', {}, button('Download the HTML report', () => downloadReport(ctx.api, c.id, message), { id: 'download-report' })),
    done,
    message,
  );
}

/** The report needs the key, so it is fetched and saved as a file (a plain link could not send the header). */
function downloadReport(api: ApiClient, id: string, message: HTMLElement): void {
  replace(message);
  api
    .blob(`/cases/${enc(id)}/report?format=html`)
    .then((blob) => {
      const url = URL.createObjectURL(blob);
      const a = el('a', { href: url, download: `rarerank-report-${id}.html` });
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    })
    .catch((e: unknown) => replace(message, e instanceof ApiError ? e.message : String(e)));
}

function reviewLines(list: Review[]): HTMLElement | undefined {
  if (list.length === 0) return undefined;
  return el('ul', { class: 'existing-reviews' }, ...list.map((r) => el('li', {}, reviewText(r))));
}

function reviewText(r: Review): string {
  const criteria = formatCriteriaChanges(r.criteriaChanges);
  const parts = [r.acmgClass ? humanize(r.acmgClass) : undefined, r.tags.length ? r.tags.join(', ') : undefined, criteria ? `criteria ${criteria}` : undefined, r.note ? `“${r.note}”` : undefined].filter(Boolean);
  return `${r.reviewer}: ${parts.join('; ') || 'no class or tags'} (analysis ${r.analysis ?? '?'}, ${formatTime(r.updatedAt)})`;
}

function toggleForm(label: string, form: () => HTMLFormElement, kind: string): HTMLElement {
  const holder = el('div', { class: 'form-holder' });
  const b = button(label, () => {
    if (holder.firstChild) {
      replace(holder);
      b.setAttribute('aria-expanded', 'false');
    } else {
      replace(holder, form());
      b.setAttribute('aria-expanded', 'true');
      holder.querySelector<HTMLElement>('input, select, textarea')?.focus();
    }
  }, { 'aria-expanded': 'false', class: 'review-toggle' });
  return el('div', { class: kind }, b, holder);
}

function genesSection(rows: GeneRow[], page: ResultsPage<GeneResult>, reviews: Review[], canClassify: boolean, ctx: CaseViewContext, myId: string | undefined): HTMLElement {
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  const go = (p: number) => () => {
    location.hash = `#/cases/${enc(ctx.id)}?genes=${p}`;
  };
  const save = (kind: 'genes' | 'variants', key: string, label: string) => async (body: unknown) => {
    await ctx.api.put(`/cases/${enc(ctx.id)}/reviews/${kind}/${enc(key)}`, body);
    ctx.rerender(`Saved your review of ${label}.`);
  };
  return section(
    'genes',
    `Ranked genes (analysis ${page.analysis}, ${page.total} in all)`,
    ...rows.map((row) => geneCard(row, reviews, canClassify, save, myId)),
    el(
      'nav',
      { 'aria-label': 'Gene pages', class: 'pager' },
      button('Previous genes', go(page.page - 1), { disabled: page.page <= 1 }),
      el('span', {}, ` Page ${page.page} of ${pages} `),
      button('Next genes', go(page.page + 1), { disabled: page.page >= pages }),
    ),
  );
}

type Saver = (kind: 'genes' | 'variants', key: string, label: string) => (body: unknown) => Promise<void>;

function geneCard({ gene, variants }: GeneRow, reviews: Review[], canClassify: boolean, save: Saver, myId: string | undefined): HTMLElement {
  const scores = el(
    'dl',
    { class: 'scores' },
    el('dt', {}, 'Combined'), el('dd', { class: 'score-combined' }, formatScore(gene.score)),
    el('dt', {}, 'Phenotype'), el('dd', {}, formatScore(gene.phenotypeScore)),
    el('dt', {}, 'Variant'), el('dd', {}, formatScore(gene.variantScore)),
    el('dt', {}, 'Phenotype evidence'), el('dd', {}, formatEvidence(gene.phenotypeEvidence)),
    el('dt', {}, 'Inheritance'), el('dd', {}, gene.moi ?? '—'),
    el('dt', {}, 'ACMG (best variant)'), el('dd', {}, humanize(gene.acmgClass)),
  );
  const variantRows = variants.map((v) => {
    const key = variantKey(v);
    return [
      el('span', { class: 'variant-key' }, key),
      formatHgvs(v),
      humanize(v.consequence),
      v.zygosity,
      formatFrequency(v.frequency),
      humanize(v.acmg.classification),
      v.clinvar ? humanize(v.clinvar) : '—',
      `${formatScore(v.score)}${v.contributing ? ' (counts for the gene)' : ''}`,
      reviewLines(reviewsOf(reviews, 'variant', key)) ?? 'none',
    ];
  });
  // the forms sit below the table: a table cell is too narrow for one
  const variantForms = canClassify && variants.length ? el('div', { class: 'variant-reviews' }, ...variants.map((v) => toggleForm(`Review variant ${variantKey(v)}`, () => reviewForm(variantKey(v), save('variants', variantKey(v), variantKey(v)), ownReview(reviews, 'variant', variantKey(v), myId)), 'variant-review'))) : undefined;
  return el(
    'article',
    { class: 'gene', 'data-symbol': gene.symbol, 'aria-labelledby': `gene-${gene.rank}` },
    el('h4', { id: `gene-${gene.rank}` }, `${gene.rank}. `, el('span', { class: 'symbol' }, gene.symbol)),
    scores,
    el('h5', {}, 'Why'),
    el('ul', { class: 'why' }, ...gene.explanation.map((line) => el('li', {}, line))),
    variants.length
      ? table(`Variants of ${gene.symbol}`, ['Variant', 'HGVS', 'Consequence', 'Zygosity', 'Frequency', 'ACMG', 'ClinVar', 'Score', 'Reviews'], variantRows, { class: 'variants' })
      : el('p', {}, 'No ranked variants (phenotype evidence only).'),
    variantForms,
    el('h5', {}, 'Reviews of the gene'),
    reviewLines(reviewsOf(reviews, 'gene', gene.symbol)) ?? el('p', {}, 'None yet.'),
    canClassify ? toggleForm(`Review gene ${gene.symbol}`, () => reviewForm(gene.symbol, save('genes', gene.symbol, gene.symbol), ownReview(reviews, 'gene', gene.symbol, myId)), 'gene-review') : undefined,
  );
}

function diseasesSection(page: ResultsPage<DiseaseResult>): HTMLElement {
  return section(
    'diseases',
    'Top diseases',
    table(
      `The ${page.items.length} best-ranked of ${page.total} diseases`,
      ['Rank', 'Disease', 'Name', 'Score', 'Genes'],
      page.items.map((d) => [d.rank, d.id, d.name, formatScore(d.score), d.genes.join(', ')]),
    ),
  );
}

function reviewsSection(reviews: Review[]): HTMLElement {
  return section(
    'reviews',
    'All reviews',
    reviews.length
      ? table(
          'Every review of the case',
          ['Target', 'Reviewer', 'ACMG class', 'Criteria changes', 'Tags', 'Note', 'Analysis', 'Updated'],
          reviews.map((r) => [`${r.target.kind} ${r.target.key}`, r.reviewer, humanize(r.acmgClass), formatCriteriaChanges(r.criteriaChanges), r.tags.join(', '), r.note ?? '', r.analysis ?? '—', formatTime(r.updatedAt)]),
        )
      : el('p', {}, 'No reviews yet.'),
  );
}

function auditSection(audit: Page<AuditEntry>): HTMLElement {
  return section(
    'audit',
    'Audit trail',
    table(
      audit.total > audit.items.length ? `The last ${audit.items.length} of ${audit.total} entries, oldest first` : `${audit.total} entries, oldest first`,
      ['Time', 'User', 'Role', 'Action', 'Target', 'Detail'],
      audit.items.map((a) => [formatTime(a.at), a.actor.user, a.actor.role, a.action, a.target ?? '', Object.keys(a.detail).length ? JSON.stringify(a.detail) : '']),
      { id: 'audit-table' },
    ),
  );
}
