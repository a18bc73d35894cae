import type { CaseReview, CaseReviewClassification } from './case-review';
import { esc } from './html-escape';
import { acmgBadge } from './report-genes';

const STATUS_TEXT: Record<string, string> = {
  open: 'not reviewed yet',
  in_review: 'in review (not signed off)',
  awaiting_approval: 'signed off, awaiting approval by a second reviewer',
  reported: 'reported (signed off and approved)',
};

const coverage = (analysis: number | null) => (analysis === null ? 'analysis not recorded' : `analysis ${analysis}`);

function signoffFacts(review: CaseReview): string {
  const s = review.signoff;
  if (!s) return '';
  const facts = [`<dt>Signed off</dt><dd>${esc(s.signedOffBy)}, ${esc(s.signedOffAt)}, covering ${coverage(s.analysis)}</dd>`];
  if (s.approvedBy) facts.push(`<dt>Approved</dt><dd>${esc(s.approvedBy)}, ${esc(s.approvedAt ?? '')}, covering ${coverage(s.analysis)}</dd>`);
  return facts.join('\n');
}

function classificationRow(c: CaseReviewClassification): string {
  const changes = c.criteriaChanges.map((x) => `${x.action} ${x.criterion}${x.strength ? ` (${x.strength})` : ''}`).join(', ');
  return (
    `<tr><td>${c.kind}</td><td class="mono">${esc(c.key)}</td><td>${acmgBadge(c.acmgClass)}</td>` +
    `<td>${c.tags.map(esc).join(', ') || '—'}</td><td>${esc(changes) || '—'}</td><td>${esc(c.note ?? '') || '—'}</td>` +
    `<td>${esc(c.reviewer)}</td><td class="num">${c.analysis ?? '—'}</td></tr>`
  );
}

/**
 * The review section: status, the sign-off and approval with the analysis they cover, a warning
 * when this report shows another analysis, and every reviewer classification.
 */
export function renderReview(review: CaseReview): string {
  const covered = review.signoff?.analysis;
  const mismatch =
    review.signoff && covered !== review.reportAnalysis
      ? `<p class="warnings">This report shows analysis ${review.reportAnalysis}; the sign-off${review.signoff.approvedBy ? ' and approval cover' : ' covers'} ${coverage(covered ?? null)}.</p>`
      : '';
  const rows = review.classifications.map(classificationRow);
  return `<section id="review">
<h2>Review</h2>
<dl class="meta">
<dt>Status</dt><dd>${esc(STATUS_TEXT[review.status] ?? review.status)}</dd>
<dt>This report</dt><dd>analysis ${review.reportAnalysis}</dd>
${signoffFacts(review)}
</dl>
${mismatch}
<h4>Reviewer classifications (${rows.length})</h4>
${
  rows.length
    ? `<table><thead><tr><th>Kind</th><th>Target</th><th>ACMG class</th><th>Tags</th><th>Criteria changes</th><th>Note</th><th>Reviewer</th><th class="num">Analysis</th></tr></thead>\n<tbody>${rows.join('\n')}</tbody></table>`
    : '<p class="none">none</p>'
}
</section>`;
}
